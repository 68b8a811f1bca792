import Foundation
import Testing

@testable import Extract

@Suite("JSON of linked data")
struct JSONValueTests {
    /// What Foundation's `JSONSerialization` makes of `text`, as ``JSONValue`` sees it.
    static func foundationValue(_ text: String) -> JSONValue? {
        guard let data = text.data(using: .utf8),
              let parsed = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) else { return nil }
        return JSONValue(foundation: parsed)
    }

    @Test("The fast reader gives what Foundation gives for plain JSON", arguments: [
        #"{"@type":"NewsArticle","headline":"Court frees \"activists\"","author":[{"name":"Ana"},{"name":"Li"}]}"#,
        #" [1, -0, 2.50, true, false, null, "x", {}, [], {"a":{"b":[{"c":"d"}]}}] "#,
        #"{"a":1,"a":"last"}"#,
        #"{"e\u0301":1,"\u00e9":"same key"}"#,
        #"["tab\tline\nslash\/quote\"back\\ unicode \u00e9 \ud83d\ude00 nul \u0000"]"#,
        #""just a string""#,
        #"["naïve café 北京"]"#,
    ])
    func plainJSON(text: String) throws {
        let fast = try #require(WhiteSpace.withBytes(text, JSONReader.read))
        #expect(fast == JSONValueTests.foundationValue(text))
    }

    @Test("JSON the fast reader is not sure of is left to Foundation, which decides", arguments: [
        "[1,]", #"{"a":1,}"#, "[1e5]", "[12345678901234567890]", #"["\ud800"]"#, #"["\udc00"]"#, "[01]", "[1.]", "",
        "[1] x", #"["a"#, "\u{FEFF}[1]", "[\"\u{FEFF}a\"]", "{'a': 1}", "[tru]", "[\"a\u{1}\"]",
        String(repeating: "[", count: 100) + String(repeating: "]", count: 100),
    ])
    func leftToFoundation(text: String) {
        #expect(WhiteSpace.withBytes(text, JSONReader.read) == nil)
        #expect(JSONValue.parse(text) == JSONValueTests.foundationValue(text))
    }

    @Test("Numbers, booleans and null are not strings, as with Foundation's values")
    func scalarsAreNotStrings() throws {
        let value = try #require(JSONValue.parse(#"{"name": 12, "headline": true, "author": null}"#))
        #expect(value.object?["name"] == .other)
        #expect(value.object?["headline"]?.string == nil)
        #expect(value == JSONValueTests.foundationValue(#"{"name": 12, "headline": true, "author": null}"#))
    }
}
