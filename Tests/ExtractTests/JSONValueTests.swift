import Testing

@testable import Extract

@Suite("JSON of linked data")
struct JSONValueTests {
    @Test("Strings, arrays and objects are read; numbers, booleans and null are none of them")
    func valuesAreRead() throws {
        let value = try #require(JSONValue.parse(
            #"{"@type": "NewsArticle", "headline": "Court frees \"activists\"", "author": [{"name": "Ana"}, {"name": "Li"}], "wordCount": 12, "isFree": true, "image": null}"#))
        let object = try #require(value.object)
        #expect(object["@type"]?.string == "NewsArticle")
        #expect(object["headline"]?.string == "Court frees \"activists\"")
        #expect(object["author"]?.array?.compactMap { $0.object?["name"]?.string } == ["Ana", "Li"])
        #expect(object["wordCount"] == .other)
        #expect(object["isFree"]?.string == nil)
        #expect(object["image"] == .other)
        #expect(object["missing"] == nil)
    }

    @Test("A lone string is read, and text that is not JSON gives nil")
    func fragmentsAndFailures() {
        #expect(JSONValue.parse(#""just a string""#)?.string == "just a string")
        #expect(JSONValue.parse("{'a': 1}") == nil)
        #expect(JSONValue.parse(#"["a"#) == nil)
        #expect(JSONValue.parse("") == nil)
    }
}
