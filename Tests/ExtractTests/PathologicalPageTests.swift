import Foundation
import PipelineModel
import Testing

@testable import Extract

/// Extracts `html` without entities (they are not what these pages test), recording an issue on failure.
private func extractWithoutEntities(_ html: String) throws -> Document {
    Extractor.initialize()
    switch Extractor(recognizer: nil).extract(makePage(Array(html.utf8), contentType: "text/html; charset=utf-8")) {
    case .success(let document):
        return document
    case .failure(let failure):
        Issue.record("extraction failed: \(failure.error): \(failure.message)")
        throw failure
    }
}

@Suite("Pathological pages still extract")
struct PathologicalPageTests {
    // Deep nesting is covered by TextRenderingTests ("A page nested 5,000 elements deep is extracted").

    @Test("A page with a one-megabyte text node keeps all of it")
    func megabyteTextNode() throws {
        let sentence = "Rivers carry silt to the delta, and the delta grows. "
        let text = String(repeating: sentence, count: 1_048_576 / sentence.utf8.count + 1)
        let document = try extractWithoutEntities("<html><body><article><p>\(text)</p></article></body></html>")
        #expect(document.text.utf8.count >= 1_000_000)
        #expect(document.text.hasPrefix("Rivers carry silt"))
    }

    @Test("A page of thirty thousand links next to an article keeps the article")
    func tensOfThousandsOfLinks() throws {
        let links = (0..<30_000).map { "<li><a href=\"/item/\($0)\">Item \($0)</a></li>" }.joined()
        let paragraph = "<p>This article explains, at some length, why the harbour was rebuilt after the storm.</p>"
        let html = "<html><body><nav><ul>\(links)</ul></nav><article>"
            + String(repeating: paragraph, count: 10) + "</article></body></html>"
        let document = try extractWithoutEntities(html)
        // The links outweigh the article, so whether they stay is the listing rule's call; the article must stay.
        #expect(document.text.contains("why the harbour was rebuilt"))
        // libxml2 spends some 2,000 instructions on each element, more than the page's time bound allows for
        // 60,000 of them: the list and the article are runs of elements, built without it.
        let page = Array(html.utf8)
        let condensed = try #require(page.withUnsafeBufferPointer { CondensedInput.condense($0) })
        #expect(condensed.bytes.count < 100)
        let parsed = try #require(HTMLTreeBuilder.build(utf8: page, url: nil, mode: .condensedOnly))
        #expect(parsed.elements(named: "a").count == 30_000)
    }

    @Test("Suggestion blocks nested two thousand deep all go, and the article stays")
    func deeplyNestedSuggestions() throws {
        let depth = 2_000
        let sections = (0..<depth).map {
            "<section><h2>You may also like</h2><div class=\"card\"><h3><a href=\"/s/\($0)\">Suggested story \($0)</a></h3></div>"
        }.joined() + String(repeating: "</section>", count: depth)
        let paragraph = "<p>The council voted to keep the old bridge open while the new one is being built.</p>"
        let html = "<html><body><article><h1>Bridge stays open</h1>" + String(repeating: paragraph, count: 10)
            + "</article>\(sections)</body></html>"
        let document = try extractWithoutEntities(html)
        #expect(document.text.contains("keep the old bridge open"))
        #expect(!document.text.contains("Suggested story"))
    }

    @Test("Short blocks beside kilobytes of hidden text are read once, and an advertisement label among them still goes")
    func labelsBesideHiddenText() throws {
        let hidden = String(repeating: "Hidden words of a panel that never shows. ", count: 50)
        let blocks = (0..<300).map { _ in "<div><p>Advertisement</p><div style=\"display:none\">\(hidden)</div></div>" }
        let paragraph = "<p>The harbour was rebuilt after the storm, and the ferries run again from Monday.</p>"
        let html = "<html><body><article>" + String(repeating: paragraph, count: 5) + blocks.joined()
            + String(repeating: paragraph, count: 5) + "</article></body></html>"
        let document = try extractWithoutEntities(html)
        #expect(document.text.contains("the ferries run again"))
        #expect(!document.text.contains("Advertisement"))
        #expect(!document.text.contains("Hidden words"))
    }

    @Test("A headline that holds a whole document is not compared as a title, and the title tag wins")
    func headlineHoldingADocument() throws {
        let text = String(repeating: "Die Brücke bleibt offen, sagt der Rat. ", count: 5_000)
        let html = "<html><head><title>Bridge stays open</title></head><body><h1>\(text)</h1></body></html>"
        let document = try extractWithoutEntities(html)
        #expect(document.title == "Bridge stays open")
    }
}

@Suite("White space in page text")
struct WhiteSpaceTests {
    @Test("Non-ASCII spaces collapse like ASCII ones, and combining marks after a space stay")
    func unicodeSpaces() {
        #expect(WhiteSpace.collapse("\u{00A0} one\u{2003}\u{2003}two\u{3000}three \u{202F}") == "one two three")
        #expect(WhiteSpace.collapse("a \u{064E}b") == "a \u{064E}b")
        #expect(WhiteSpace.collapse(" \t\r\n ") == "")
    }

    @Test("Preformatted text keeps its line breaks, CR LF included")
    func preformattedLines() throws {
        let document = try extractWithoutEntities(
            "<html><body><article><p>An example of a configuration file follows below here.</p>"
                + "<pre>first   line\r\nsecond line\nthird line</pre></article></body></html>")
        #expect(document.text.contains("first line\nsecond line\nthird line") || document.text.contains("first line second line\nthird line"))
    }

    @Test("Fragment and word sets find what a plain search finds")
    func fragmentAndWordSets() {
        let fragments = FragmentSet(["sidebar", "-ad-", "share"])
        #expect(fragments.occurs(in: "left-sidebar wide"))
        #expect(fragments.occurs(in: "x-ad-y"))
        #expect(!fragments.occurs(in: "header content"))
        let words = WordSet(["ad", "nav"])
        let found = Array("top nav-bar".utf8).withUnsafeBufferPointer { words.containsWord(of: $0) }
        let missed = Array("header navigation".utf8).withUnsafeBufferPointer { words.containsWord(of: $0) }
        #expect(found)
        #expect(!missed)
    }
}
