import Foundation
import PipelineModel
import Testing

@testable import Extract

@Suite("Text rendering and robustness")
struct TextRenderingTests {
    @Test("Script, style, template, noscript and hidden elements never appear")
    func hiddenTextNeverAppears() throws {
        let html = """
            <html><head><style>p { color: red }</style><script>var secret = "SCRIPTED";</script></head><body>
            <article><p>Visible paragraph one, with enough words to count as the article body of this page.</p>
            <noscript>NOSCRIPT TEXT</noscript><template><p>TEMPLATE TEXT</p></template>
            <p hidden>HIDDEN ATTRIBUTE</p><div aria-hidden="true">ARIA HIDDEN</div>
            <p style="display: none">DISPLAY NONE</p><span style="visibility:hidden">VISIBILITY HIDDEN</span>
            <svg><text>SVG TEXT</text></svg><style>.x{}</style>
            <p>Visible paragraph two, which also belongs to the article and stays.</p></article></body></html>
            """
        let text = try extractHTML(html).text
        #expect(text.contains("Visible paragraph one"))
        #expect(text.contains("Visible paragraph two"))
        for hidden in ["SCRIPTED", "color", "NOSCRIPT", "TEMPLATE", "HIDDEN", "DISPLAY NONE", "SVG TEXT", ".x{}"] {
            #expect(!text.contains(hidden), "kept: \(hidden)")
        }
    }

    @Test("Inline tags join words normally and block tags separate them")
    func inlineTagsDoNotGlueWords() throws {
        let html = """
            <html><body><div class="article-body">
            <p>Human<b>rights</b> defenders <a href="/x">met</a> with <em>the</em>rapporteur, in<i> Geneva</i>.</p>
            <p>Second<br>line and <span>spans</span>, and a<strong> bold</strong> word &amp; an entity&nbsp;here.</p>
            <div>Block one</div><div>Block two</div>
            </div></body></html>
            """
        let text = try extractHTML(html).text
        #expect(text.contains("Human" + "rights defenders met with the" + "rapporteur, in Geneva."))
        #expect(text.contains("Second\nline and spans, and a bold word & an entity here."))
        #expect(text.contains("Block one\n\nBlock two"))
    }

    @Test("Table cells are separated and rows stay on their own lines")
    func tableCellsSeparated() throws {
        let html = """
            <html><body><article><p>The table below lists the detainees, their towns, and the dates of arrest.</p>
            <table><tr><th>Name</th><th>Town</th></tr><tr><td>A. Person</td><td>Vilnius</td></tr></table>
            </article></body></html>
            """
        let text = try extractHTML(html).text
        #expect(text.contains("Name | Town\nA. Person | Vilnius"))
    }

    @Test("Headings and list items are on lines of their own")
    func headingsAndLists() throws {
        let html = """
            <html><body><article><h2>Demands</h2><p>The appeal makes three demands, set out below, to the government.</p>
            <ul><li>release the detainees</li><li>drop the charges</li></ul><p>It ends with a list of signatories, who are all members.</p></article></body></html>
            """
        let text = try extractHTML(html).text
        #expect(text.contains("Demands\n\nThe appeal makes three demands"))
        #expect(text.contains("\n\nrelease the detainees\ndrop the charges\n\nIt ends"))
    }

    @Test("Truncated HTML keeps the text it has")
    func truncatedHTML() throws {
        let html = "<html><head><title>Cut</title></head><body><div class=\"content\"><p>The first paragraph arrived whole, with its commas, clauses and a full stop.</p><p>The second paragraph was cut off in the mid"
        let text = try extractHTML(html).text
        #expect(text.contains("The first paragraph arrived whole"))
        #expect(text.contains("The second paragraph was cut off in the mid"))
    }

    @Test("A page nested 5,000 elements deep is extracted")
    func deeplyNestedPage() throws {
        let depth = 5_000
        let html = "<html><body>" + String(repeating: "<div>", count: depth)
            + "<p>Deep inside the nesting, this sentence is still the article, and it survives.</p>"
            + String(repeating: "</div>", count: depth) + "</body></html>"
        let text = try extractHTML(html).text
        #expect(text == "Deep inside the nesting, this sentence is still the article, and it survives.")
    }

    @Test("A page with a 2 MB text node is extracted")
    func hugeTextNode() throws {
        let sentence = "A long report sentence, repeated many times. "
        let repeats = 2_000_000 / sentence.utf8.count + 1
        let html = "<html><body><article><p>" + String(repeating: sentence, count: repeats) + "</p></article></body></html>"
        let text = try extractHTML(html).text
        #expect(text.utf8.count >= 2_000_000 - 2)
        #expect(text.hasPrefix("A long report sentence, repeated"))
    }

    @Test("Malformed markup with unclosed and stray tags still extracts")
    func malformedMarkup() throws {
        let html = "<html><body><div id=content><p>One paragraph with <b>bold <i>nested</b> words</i>, a stray </span>, and an end.<p>Another paragraph, unclosed, with more words in it.</td></table></body>"
        let text = try extractHTML(html).text
        #expect(text.contains("One paragraph with bold nested words, a stray , and an end."))
        #expect(text.contains("Another paragraph, unclosed, with more words in it."))
    }
}
