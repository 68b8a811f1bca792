import Foundation
import Load
import Testing

@Suite("Hand-written JSON lines")
struct JSONLineTests {
    struct Pair: Encodable {
        var name: String
        var value: String
    }

    struct Inner: Encodable {
        var a: String?
        var b: String?
    }

    /// A record of every kind of field `JSONLine` writes, keys already in sorted order.
    struct Record: Encodable {
        var count: Int
        var inner: Inner
        var number: Double
        var pairs: [Pair]
        var text: String?

        var handWritten: [UInt8] {
            var json = JSONLine()
            json.field("count", count)
            json.object("inner") { inner in
                inner.field("a", self.inner.a)
                inner.field("b", self.inner.b)
            }
            json.field("number", number)
            json.objects("pairs", pairs) { json, pair in
                json.field("name", pair.name)
                json.field("value", pair.value)
            }
            json.field("text", text)
            return json.line()
        }
    }

    static let awkwardText: String = {
        var text = ""
        for code in 0..<0x20 { text.unicodeScalars.append(Unicode.Scalar(UInt8(code))) }
        return text + "\"quote\" back\\slash /slash/ \u{7f} é ü 中文 \u{2028} 😀"
    }()

    static let records: [Record] = [
        Record(count: 0, inner: Inner(), number: 0, pairs: [], text: nil),
        Record(count: -12, inner: Inner(a: "x", b: nil), number: 1, pairs: [Pair(name: "A", value: "")], text: ""),
        Record(count: Int.max, inner: Inner(a: nil, b: "y"), number: 0.003386, pairs: [], text: awkwardText),
        Record(
            count: 7, inner: Inner(a: awkwardText, b: "https://example.org/a/b?c=d"), number: 5e-05,
            pairs: [Pair(name: "Content-Type", value: "text/html; charset=utf-8"), Pair(name: awkwardText, value: awkwardText)],
            text: "plain"),
        Record(count: 1, inner: Inner(), number: 123456789.123, pairs: [], text: nil),
        Record(count: 1, inner: Inner(), number: 0.1 + 0.2, pairs: [], text: nil),
        Record(count: 1, inner: Inner(), number: 1e16, pairs: [], text: nil),
        Record(count: 1, inner: Inner(), number: -2.5, pairs: [], text: nil),
    ]

    @Test("Writes the same bytes as the NDJSON encoder, escapes and numbers included", arguments: records.indices)
    func sameBytesAsTheEncoder(index: Int) throws {
        let record = Self.records[index]
        var expected = [UInt8](try NDJSON.encoder().encode(record))
        expected.append(0x0A)
        #expect(String(decoding: record.handWritten, as: UTF8.self) == String(decoding: expected, as: UTF8.self))
    }

    @Test("Infinity and NaN, which JSON cannot hold, are written as 0 rather than failing")
    func nonFiniteNumbers() {
        for value in [Double.infinity, -Double.infinity, Double.nan] {
            var json = JSONLine()
            json.field("n", value)
            #expect(String(decoding: json.line(), as: UTF8.self) == "{\"n\":0}\n")
        }
    }
}
