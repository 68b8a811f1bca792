import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How a page's charset was chosen, in order of authority.
enum CharsetSource: String, Sendable {
    case bom, http, meta, guess
}

/// The charset a page is decoded with and where that choice came from.
struct CharsetDecision: Sendable, Equatable {
    /// Lowercase canonical name, such as `utf-8` or `windows-1251`.
    var name: String
    var source: CharsetSource
    /// Bytes of byte-order mark to skip before decoding.
    var bomLength: Int
}

/// Chooses a page's charset: byte-order mark, then the HTTP header, then `<meta>`, then a guess.
enum CharsetDetector {
    /// How far into the body a `<meta charset>` is looked for (the HTML standard uses 1024; real pages
    /// often put long scripts first, so look further).
    static let metaScanLimit = 8192

    /// Decides the charset of `body`, given the HTTP `Content-Type` header if there was one.
    static func detect(body: [UInt8], contentType: String?) -> CharsetDecision {
        if let bom = byteOrderMark(body) {
            return bom
        }
        if let declared = contentType.flatMap(charsetParameter), let name = canonicalName(declared),
           TextDecoder.supports(name) {
            return CharsetDecision(name: name, source: .http, bomLength: 0)
        }
        if let declared = metaCharset(body), var name = canonicalName(declared), TextDecoder.supports(name) {
            // A meta tag is read as ASCII, so it can never truly announce UTF-16 (HTML standard).
            if name.hasPrefix("utf-16") { name = "utf-8" }
            return CharsetDecision(name: name, source: .meta, bomLength: 0)
        }
        let guess = isValidUTF8(body) ? "utf-8" : "windows-1252"
        return CharsetDecision(name: guess, source: .guess, bomLength: 0)
    }

    /// The charset a byte-order mark announces, if the body starts with one.
    static func byteOrderMark(_ body: [UInt8]) -> CharsetDecision? {
        if body.starts(with: [0xEF, 0xBB, 0xBF]) {
            return CharsetDecision(name: "utf-8", source: .bom, bomLength: 3)
        }
        if body.starts(with: [0xFF, 0xFE]) {
            return CharsetDecision(name: "utf-16le", source: .bom, bomLength: 2)
        }
        if body.starts(with: [0xFE, 0xFF]) {
            return CharsetDecision(name: "utf-16be", source: .bom, bomLength: 2)
        }
        return nil
    }

    /// The `charset=` parameter of a `Content-Type` value, unquoted.
    static func charsetParameter(_ contentType: String) -> String? {
        for part in contentType.split(separator: ";").dropFirst() {
            let pair = part.split(separator: "=", maxSplits: 1)
            guard pair.count == 2,
                  pair[0].trimmingCharacters(in: .whitespaces).lowercased() == "charset" else { continue }
            let value = pair[1].trimmingCharacters(in: .whitespaces.union(CharacterSet(charactersIn: "\"'")))
            return value.isEmpty ? nil : value
        }
        return nil
    }

    /// The charset named by `<meta charset=...>` or `<meta http-equiv="Content-Type" content="...; charset=...">`
    /// near the start of the body, found by a byte scan because the body is not decoded yet; ASCII letters
    /// match in any case and the name comes back lowercase.
    static func metaCharset(_ body: [UInt8]) -> String? {
        body.withUnsafeBufferPointer { bytes in
            let limit = min(bytes.count, metaScanLimit)
            let lower = { (position: Int) in bytes[position].asciiLowercased }
            var index = 0
            while let metaStart = find("<meta", in: bytes, from: index, before: limit) {
                guard let tagEnd = find(">", in: bytes, from: metaStart, before: limit) else { return nil }
                if let position = find("charset", in: bytes, from: metaStart, before: tagEnd) {
                    var cursor = position + 7
                    while cursor < tagEnd, lower(cursor) == 0x20 { cursor += 1 }
                    if cursor < tagEnd, lower(cursor) == UInt8(ascii: "=") {
                        cursor += 1
                        while cursor < tagEnd, lower(cursor) == 0x20 || lower(cursor) == 0x22 || lower(cursor) == 0x27 {
                            cursor += 1
                        }
                        var end = cursor
                        while end < tagEnd, isCharsetNameByte(lower(end)) { end += 1 }
                        if end > cursor {
                            return String(decoding: (cursor..<end).map(lower), as: UTF8.self)
                        }
                    }
                }
                index = tagEnd
            }
            return nil
        }
    }

    private static func isCharsetNameByte(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x61 && byte <= 0x7A) || byte == 0x2D || byte == 0x5F
            || byte == 0x2E || byte == 0x3A
    }

    /// Where `needle` (lowercase ASCII) first lies whole in `bytes[start..<end]`, ASCII letters in any case.
    private static func find(_ needle: StaticString, in bytes: UnsafeBufferPointer<UInt8>, from start: Int, before end: Int) -> Int? {
        let length = needle.utf8CodeUnitCount
        let first = needle.utf8Start.pointee
        var index = start
        while index + length <= end {
            if first == UInt8(ascii: "<") || first == UInt8(ascii: ">"), let base = bytes.baseAddress {
                // Not a letter: the C library finds the first byte.
                guard let found = memchr(base + index, Int32(first), end - length + 1 - index) else { return nil }
                index = UnsafeRawPointer(found) - UnsafeRawPointer(base)
            }
            if bytes[index].asciiLowercased == first,
               (1..<length).allSatisfy({ bytes[index + $0].asciiLowercased == needle.utf8Start[$0] }) {
                return index
            }
            index += 1
        }
        return nil
    }

    /// Maps the many labels pages use to one lowercase name; nil for an empty label.
    static func canonicalName(_ label: String) -> String? {
        let name = label.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        guard !name.isEmpty else { return nil }
        switch name {
        case "utf8", "unicode-1-1-utf-8", "x-unicode20utf8": return "utf-8"
        case "latin1", "latin-1", "iso8859-1", "iso_8859-1", "iso-8859-1", "l1", "iso-ir-100", "cp819", "ibm819":
            return "iso-8859-1"
        case "ascii", "us-ascii", "ansi_x3.4-1968": return "us-ascii"
        case "cp1252", "x-cp1252", "win-1252", "windows1252": return "windows-1252"
        case "cp1251", "x-cp1251", "win-1251", "windows1251": return "windows-1251"
        case "cp1250", "x-cp1250", "windows1250": return "windows-1250"
        case "utf-16", "unicode", "ucs-2", "utf16": return "utf-16le"
        case "shift-jis", "sjis", "x-sjis", "ms_kanji": return "shift_jis"
        case "gb2312", "x-gbk", "gb_2312-80", "chinese": return "gbk"
        case "koi8r", "koi": return "koi8-r"
        default:
            if name.hasPrefix("iso8859-") { return "iso-8859-" + name.dropFirst(8) }
            if name.hasPrefix("iso_8859-") { return "iso-8859-" + name.dropFirst(9) }
            return name
        }
    }

    /// True if the bytes are well-formed UTF-8, allowing a sequence cut off at the very end
    /// (bodies are capped, so a character may be truncated).
    static func isValidUTF8(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer(isValidUTF8)
    }

    /// The same test on a buffer; ASCII runs are skipped 32 or 8 bytes at a time, as most pages are mostly ASCII.
    static func isValidUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        let count = bytes.count
        let raw = UnsafeRawBufferPointer(bytes)
        let highBits: UInt64 = 0x8080_8080_8080_8080
        while index < count {
            if index + 32 <= count {
                let block = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                    | raw.loadUnaligned(fromByteOffset: index + 8, as: UInt64.self)
                    | raw.loadUnaligned(fromByteOffset: index + 16, as: UInt64.self)
                    | raw.loadUnaligned(fromByteOffset: index + 24, as: UInt64.self)
                if block & highBits == 0 {
                    index += 32
                    continue
                }
            }
            if index + 8 <= count, raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) & highBits == 0 {
                index += 8
                continue
            }
            let lead = bytes[index]
            if lead < 0x80 { index += 1; continue }
            let length: Int
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return false
            }
            if index + length > count {
                // Truncated at the end: every byte that is there must be a continuation byte.
                return bytes[(index + 1)..<count].allSatisfy { $0 & 0xC0 == 0x80 }
            }
            for offset in 1..<length where bytes[index + offset] & 0xC0 != 0x80 {
                return false
            }
            let second = bytes[index + 1]
            if lead == 0xE0 && second < 0xA0 { return false }  // overlong
            if lead == 0xED && second > 0x9F { return false }  // surrogates
            if lead == 0xF0 && second < 0x90 { return false }  // overlong
            if lead == 0xF4 && second > 0x8F { return false }  // above U+10FFFF
            index += length
        }
        return true
    }
}
