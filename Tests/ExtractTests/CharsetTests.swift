import Foundation
import PipelineModel
import Testing

@testable import Extract

@Suite("Charset choice and decoding")
struct CharsetTests {
    /// "Привет, мир" in windows-1251.
    static let cyrillic1251: [UInt8] = [0xCF, 0xF0, 0xE8, 0xE2, 0xE5, 0xF2, 0x2C, 0x20, 0xEC, 0xE8, 0xF0]

    func page(body: [UInt8], meta: String?) -> [UInt8] {
        let head = meta.map { "<meta charset=\"\($0)\">" } ?? ""
        return Array("<html><head>\(head)<title>t</title></head><body><p>".utf8) + body + Array("</p></body></html>".utf8)
    }

    @Test("The HTTP header charset wins over a meta tag")
    func httpHeaderWinsOverMeta() throws {
        let bytes = page(body: CharsetTests.cyrillic1251, meta: "iso-8859-1")
        let document = try extractDocument(makePage(bytes, contentType: "text/html; charset=Windows-1251"))
        #expect(document.charset == "windows-1251")
        #expect(document.charsetSource == "http")
        #expect(document.text == "Привет, мир")
    }

    @Test("A byte-order mark wins over the header and the meta tag")
    func byteOrderMarkWinsOverAll() throws {
        let bytes = [0xEF, 0xBB, 0xBF] + page(body: Array("Grüße aus Köln".utf8), meta: "windows-1251")
        let document = try extractDocument(makePage(bytes, contentType: "text/html; charset=iso-8859-1"))
        #expect(document.charset == "utf-8")
        #expect(document.charsetSource == "bom")
        #expect(document.text == "Grüße aus Köln")
    }

    @Test("UTF-16 with a byte-order mark decodes")
    func utf16WithByteOrderMark() throws {
        let html = "<html><body><p>Права человека – ΔΙΚΑΙΩΜΑΤΑ</p></body></html>"
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in html.utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let document = try extractDocument(makePage(bytes, contentType: "text/html"))
        #expect(document.charset == "utf-16le")
        #expect(document.charsetSource == "bom")
        #expect(document.text == "Права человека – ΔΙΚΑΙΩΜΑΤΑ")
    }

    @Test("iso-8859-2 from the header decodes Polish letters")
    func iso88592() throws {
        // "Łódź" in ISO-8859-2.
        let bytes = page(body: [0xA3, 0xF3, 0x64, 0xBC], meta: nil)
        let document = try extractDocument(makePage(bytes, contentType: "text/html; charset=\"ISO-8859-2\""))
        #expect(document.charset == "iso-8859-2")
        #expect(document.text == "Łódź")
    }

    @Test("Valid UTF-8 without any declaration is guessed as UTF-8")
    func utf8Guessed() throws {
        let document = try extractDocument(makePage(page(body: Array("Žmogaus teisės".utf8), meta: nil)))
        #expect(document.charset == "utf-8")
        #expect(document.charsetSource == "guess")
        #expect(document.text == "Žmogaus teisės")
    }

    @Test("Invalid UTF-8 declared as UTF-8 is replaced, not fatal")
    func invalidUTF8DoesNotCrash() throws {
        let body = Array("Before ".utf8) + [0xFF, 0xC3, 0x28, 0xE2, 0x82] + Array(" after".utf8)
        let document = try extractDocument(makePage(page(body: body, meta: "utf-8"), contentType: "text/html; charset=utf-8"))
        #expect(document.charset == "utf-8")
        #expect(document.text.hasPrefix("Before "))
        #expect(document.text.hasSuffix(" after"))
        #expect(document.text.contains("\u{FFFD}"))
    }

    @Test("An unknown charset label falls back to a guess")
    func unknownCharsetFallsBack() throws {
        let bytes = page(body: Array("plain words".utf8), meta: "x-no-such-charset")
        let document = try extractDocument(makePage(bytes, contentType: "text/html; charset=bogus-42"))
        #expect(document.charsetSource == "guess")
        #expect(document.text == "plain words")
    }

    @Test("windows-1252 decodes every byte: ASCII as it is, the rest to its character, its five holes to U+FFFD")
    func windows1252EveryByte() {
        let bytes = (0...255).map(UInt8.init)
        let decoded = String(decoding: TextDecoder.decode(bytes, charset: "windows-1252"), as: UTF8.self)
        let scalars = decoded.unicodeScalars.map(\.value)
        #expect(scalars.count == 256)
        #expect(Array(scalars[0..<0x80]) == (0..<0x80).map(UInt32.init))
        #expect(Array(scalars[0xA0...]) == (0xA0...0xFF).map(UInt32.init))
        // 0x80 €, 0x85 …, 0x93 “, 0x99 ™, 0x9F Ÿ; 0x81, 0x8D, 0x8F, 0x90 and 0x9D are not assigned.
        #expect([0x80, 0x85, 0x93, 0x99, 0x9F].map { scalars[$0] } == [0x20AC, 0x2026, 0x201C, 0x2122, 0x0178])
        #expect([0x81, 0x8D, 0x8F, 0x90, 0x9D].allSatisfy { scalars[$0] == 0xFFFD })
        #expect(TextDecoder.decode(Array("caf\u{E9}".unicodeScalars.map { UInt8($0.value) }), charset: "iso-8859-1")
            == Array("café".utf8))
    }

    @Test("Charset labels are canonicalised", arguments: [
        ("UTF8", "utf-8"), ("latin1", "iso-8859-1"), ("CP1251", "windows-1251"), ("iso_8859-5", "iso-8859-5"),
        ("Windows-1252", "windows-1252"),
    ])
    func canonicalNames(label: String, expected: String) {
        #expect(CharsetDetector.canonicalName(label) == expected)
    }

    @Test("The meta scan reads http-equiv content")
    func metaHTTPEquiv() {
        let head = Array(#"<HTML><HEAD><META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=KOI8-R"></HEAD>"#.utf8)
        #expect(CharsetDetector.metaCharset(head) == "koi8-r")
    }
}
