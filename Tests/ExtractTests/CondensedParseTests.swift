import Testing

@testable import Extract

@Suite("Condensed parsing")
struct CondensedParseTests {
    /// Pages whose long values, bodies and runs of text are condensed, and whose unread attributes go.
    static let pages = [
        """
        <html><body><div data-note='a "quoted" > sign and more' class="Main Content" title="x &amp; y">Words of the
        first block, long enough to be condensed.</div><img src="/images/a-long-file-name.jpg" alt='An image'>
        <p style="display:none" data-track="click-event-name">Hidden words</p></body></html>
        """,
        """
        <html><body><p>A run of text with a > sign and some non-ASCII: café, naïve, “quoted”.</p>
        <p>A run of text with an &amp; entity that is read by the parser itself.</p>
        <div><b>bold</b> a run of text after an end tag here<!-- a comment --> and a run after a comment too</div>
        <p>if a < b then the run goes on after the sign, as text</p></body></html>
        """,
        """
        <html><head><title>A title that is long enough to be condensed</title></head><body>
        <pre>
        First line of preformatted text
          second line, indented</pre><textarea>
        Text of a text area that is long enough</textarea>
        <p>\(String(repeating: "Long paragraph words. ", count: 60))</p>
        <p>Text that ends in many blanks\(String(repeating: " ", count: 1200))</p></body></html>
        """,
        """
        <html lang="en" data-theme="dark"><head><meta name="description" content="A description of the page here">
        <script type="application/ld+json">{"@type": "NewsArticle", "headline": "A headline"}</script></head>
        <body class="Page Body" data-page="article"><a href="/a/link/to/somewhere/else" rel="author">Jane Doe</a>
        <span itemprop="datePublished" content="2024-01-02">January 2</span></body></html>
        """,
        """
        <!DOCTYPE html>
        <!-- a comment before the root element, long enough to be left out -->
        <html>
          <head>
            <meta charset="windows-1252">
            <meta property="og:description" content="A description that is long enough for a marker">
            <script>var closing = "</div>"; if (a < b) { document.write("<p>x</p>"); }</script>
            <style>p::after { content: "</span>"; }</style>
          </head>
          <body>
            <div class="block">
              <p>First paragraph</p>   <p>Second</p>
              <!-- a comment between paragraphs that is long enough -->
              <p>Third</p>	
            </div>
            <pre>
          two
            lines    </pre>
            <textarea>
        </textarea>
          </body>
        </html>
        """,
        """
        <html><body><p>Before an odd comment</p>   <!-- it ends early --!> here --> <p>After it</p>
        <!--> and <!---> end at once for the parser -->   <p>Last</p></body></html>
        """,
        """
        <html><body class="Page" data-x="1"><div CLASS=Lead id = "Top" class="again" data-a='x > y' hidden>One</div>
        <span class="" id="Mixed Case">Two</span><br class="b"/><div role=main "odd" =stray style="color: red">Three</div>
        <p class="x &amp; y" data-y="1">Four</p><p class="tab\tand\nline">Five</p>
        <i class="abc" data-n="1">6</i><i class="abc" data-n="2">7</i><i class="axc">8</i><i class="abc" id="i">9</i></body></html>
        """,
        // Comments that libxml2 may end elsewhere than at their `-->`, between elements of runs.
        """
        <html><body><ul><li>a</li><li>b</li><!--> odd --><li>d</li><li>e</li><!-- x --!> y --><li>f</li><li>g</li>
        <!---> z --><li>h</li><li>i</li></ul></body></html>
        """,
    ]

    /// Every node of a document as a line: parent, name, attributes and text.
    static func lines(_ document: HTMLDocument) -> [String] {
        document.nodes.indices.map { index in
            let node = document.nodes[index]
            let attributes = node.attributes.map { "\($0.name)=\($0.value)" }.joined(separator: " ")
            return "\(node.parent) <\(node.name) \(attributes)> [\(node.classAndID)] \(document.text(of: index))"
        }
    }

    /// Expects the extract stage's parse of `page` (condensed, or as it is where that is not trusted) to give
    /// the nodes of the page parsed as it is.
    static func expectParseMatchesPlain(_ page: [UInt8]) throws {
        let plain = try #require(HTMLTreeBuilder.build(utf8: page, url: nil, mode: .plain))
        let parsed = try #require(HTMLDocument.parse(utf8: page, url: nil))
        #expect(lines(parsed) == lines(plain))
    }

    /// Expects the condensed parse of `page` to be trusted and to give the nodes of the page parsed as it is.
    static func expectOneTrustedParse(_ page: [UInt8]) throws {
        let parsed = try #require(HTMLTreeBuilder.build(utf8: page, url: nil, mode: .condensedOnly))
        let plain = try #require(HTMLTreeBuilder.build(utf8: page, url: nil, mode: .plain))
        #expect(lines(parsed) == lines(plain))
    }

    @Test("A condensed page gives the nodes of the page parsed as it is", arguments: pages)
    func condensedParseMatchesPlainParse(html: String) throws {
        let page = Array(html.utf8)
        let condensed = try #require(page.withUnsafeBufferPointer { CondensedInput.condense($0) })
        #expect(condensed.bytes.count < page.count)
        try CondensedParseTests.expectParseMatchesPlain(page)
    }

    @Test("Runs of white space, comment bodies, and script bodies that hold other end tags come back from one condensed parse")
    func condensedParseIsTrusted() throws {
        let page = Array(CondensedParseTests.pages[4].utf8)
        // Runs of elements would take most of the white space.
        let condensed = try #require(page.withUnsafeBufferPointer { CondensedInput.condense($0, takingRuns: false) })
        let text = String(decoding: condensed.bytes, as: UTF8.self)
        #expect(CondensedParseTests.pages[4].contains("\n      <p>First"))
        for left in ["comment between", "comment before", "</div>\"", "</span>", "long enough for a marker", "\n      <p>First"] {
            #expect(!text.contains(left), "still holds \(left)")
        }
        #expect(condensed.whiteSpaceEnds.count > 10)
        try CondensedParseTests.expectOneTrustedParse(page)
    }

    @Test("Attributes extraction never reads are left out, in the condensed page too")
    func unreadAttributesAreLeftOut() throws {
        let page = Array(CondensedParseTests.pages[0].utf8)
        let condensed = try #require(page.withUnsafeBufferPointer { CondensedInput.condense($0) })
        let text = String(decoding: condensed.bytes, as: UTF8.self)
        for name in ["data-note", "title=", "src=", "alt=", "data-track"] {
            #expect(!text.contains(name), "kept \(name)")
        }
        let document = try #require(HTMLDocument.parse(utf8: page, url: nil))
        let names = Set(document.nodes.flatMap { $0.attributes.map(\.name) })
        #expect(names == ["class", "style"])
        #expect(document.nodes.contains { $0.classAndID == "main content" })
    }

    @Test("Start tags lose their attributes in the condensed page, and the parse gives the attributes back")
    func startTagsAreStripped() throws {
        let html = CondensedParseTests.pages[6]
        let page = Array(html.utf8)
        // Most of these tags would go into runs of elements, which leave no tag behind.
        let condensed = try #require(page.withUnsafeBufferPointer { CondensedInput.condense($0, takingRuns: false) })
        let text = String(decoding: condensed.bytes, as: UTF8.self)
        // The body may be dropped by libxml2 when misplaced, and an entity in a value read is decoded by
        // libxml2: those tags stay as they are.
        for left in ["<body class=\"Page\" data-x=\"1\">", "<p class=\"x &amp; y\" data-y=\"1\">"] {
            #expect(text.contains(left), "lost \(left)")
        }
        for stripped in ["<div>One", "<span>Two", "<br/>", "<div>Three", "<p>Five"] {
            #expect(text.contains(stripped), "kept attributes in \(stripped)")
        }
        #expect(condensed.strippedTags.count == 9)
        try CondensedParseTests.expectOneTrustedParse(page)
        let parsed = try #require(HTMLTreeBuilder.build(utf8: page, url: nil, mode: .condensedOnly))
        let first = try #require(parsed.firstElement(named: "div"))
        #expect(parsed.nodes[first].attributes.map { "\($0.name)=\($0.value)" } == ["class=Lead", "id=Top", "hidden="])
        #expect(parsed.nodes[first].classAndID == "lead top")
        // Repeated attributes are shared, and only the same names and values are.
        #expect(parsed.elements(named: "i").map { parsed.nodes[$0].classAndID } == ["abc", "abc", "axc", "abc i"])
    }

    /// Pages of runs of elements that libxml2 builds as their tags spell them, and of markup next to such
    /// runs that it builds otherwise.
    static let runPages = [
        // A menu of links with kept and unread attributes, white space between items, tags in capitals.
        "<html><body><nav class=\"menu\">\n  <ul id=\"top\">\n"
            + (0..<40).map { "    <LI class=\"item i\($0 % 3)\"><a href=\"/s/\($0)\" rel=\"next\">Story \($0)</A></li>\n" }.joined()
            + "  </ul>\n</nav><p>After the menu.</p></body></html>",
        // Line breaks, images, rules, `/>` and a tag libxml2 2.9 does not know as void (`wbr`).
        "<html><body><article><p>One<br>two<br/>three<img src=a.png alt=x><hr><span class=a/>four<wbr>five</p>"
            + "<div>after<b>bold</b><i>it</i><em>em</em><strong>strong</strong></div></article></body></html>",
        // Elements that close others: a paragraph by a block, a link by a link, items and cells left open.
        "<html><body><p>Intro <b>x</b><div>block in a paragraph</div><a href=1>one<a href=2>two</a></a>"
            + "<ul><li>first<li>second<li><span>third</span></ul><table><tr><td>a<td>b</tr><tr><th>c</th></tr></table>"
            + "<p><span>s</span><p>next paragraph<ol><li><p>x</p></li></ol></body></html>",
        // Runs broken by an entity, a `<` that starts no tag, an unknown element and a script.
        "<html><body><div><span>a</span><span>b &amp; c</span><span>d</span><!-- note --><span>e</span>"
            + "<span>f < g</span><span>h</span><custom-tag><span>i</span></custom-tag><span>j</span>"
            + "<script>var x = \"<span>\";</script><span>k</span></div></body></html>",
        // Comments between elements.
        "<html><body><ul><li>a</li><!-- one --><li>b</li><!----><li>c<!-- two --></li><li>d</li></ul></body></html>",
        // Forms and drawings.
        "<html><body><form><label>Name</label><input name=q class=field><button>Go</button><select><option>a<option>b"
            + "</select></form><svg><path d='M0 0'/><g><circle r='1'/><rect/></g><use></use></svg></body></html>",
        // Scripts and styles between elements: empty, of white space only, holding other end tags, in capitals,
        // ended by `/>`, and one holding a control character that libxml2 drops.
        "<html><body><div><p>a</p><script>var s = \"</div>\";</script><p>b</p><script></script><style> </style>"
            + "<SCRIPT>x()</SCRIPT><script/><p>c</p><noscript><img src=n.gif></noscript><script>y(\u{1})</script><p>d</p>"
            + "</div></body></html>",
        // Elements in the head, a page without a body tag, a misplaced body tag, text before the root.
        "lead text<html><head><noscript><span>no</span><span>script</span></noscript><title>T</title></head>"
            + "<div><span>one</span><span>two</span></div><body class=late><span>three</span><b>four</b></body></html>",
        "<span>first</span><span>second</span><p>para<b>bold</b></p>",
        // End tags that libxml2 ignores, or that close more than their element.
        "<html><body><div><span>a</span></b><span>b</span></div><li><div><span>c</span></li><span>d</span></div>"
            + "<p><em>e</em></em><em>f</em></p></body></html>",
    ]

    @Test("Runs of elements give the nodes of the page parsed as it is", arguments: runPages)
    func elementRunsMatchPlainParse(html: String) throws {
        try CondensedParseTests.expectOneTrustedParse(Array(html.utf8))
    }

    @Test("A menu of links is one run that libxml2 never reads, and the builder makes its elements")
    func menuIsOneRun() throws {
        let page = Array(CondensedParseTests.runPages[0].utf8)
        let condensed = try #require(page.withUnsafeBufferPointer { CondensedInput.condense($0) })
        #expect(condensed.elementRuns.count == 1)
        let text = String(decoding: condensed.bytes, as: UTF8.self)
        #expect(!text.contains("<li") && !text.contains("<LI") && !text.contains("Story"))
        let parsed = try #require(HTMLTreeBuilder.build(utf8: page, url: nil, mode: .condensedOnly))
        let items = parsed.elements(named: "li")
        #expect(items.count == 40)
        #expect(items.map { parsed.nodes[$0].classAndID }.prefix(3) == ["item i0", "item i1", "item i2"])
        #expect(parsed.elements(named: "a").map { parsed.nodes[$0].attributes.map(\.name) }.allSatisfy { $0 == ["rel"] })
        #expect(parsed.plainText(of: try #require(parsed.firstElement(named: "ul"))).hasPrefix("Story 0 Story 1"))
    }

    @Test("A run whose marker lands in the head, where libxml2 implies a paragraph before the text, is not trusted")
    func runInTheHeadIsNotTrusted() throws {
        // The end tag with an attribute is no plain end tag for the scan, which takes `title` as still open
        // and the run after the comment as the title's.
        let html = "<html><head><title>T</title lang=\"en\"><!-- c --><span>a</span><span>b</span></head><body><p>x</p></body></html>"
        let page = Array(html.utf8)
        let condensed = try #require(page.withUnsafeBufferPointer { CondensedInput.condense($0) })
        #expect(condensed.elementRuns.count == 2)
        #expect(HTMLTreeBuilder.build(utf8: page, url: nil, mode: .condensedOnly) == nil)
        try CondensedParseTests.expectParseMatchesPlain(page)
    }

    @Test("An element that a run's element would close keeps the run out, and the parse stays trusted")
    func runsKeepOutOfClosedElements() throws {
        let page = Array(CondensedParseTests.runPages[2].utf8)
        let condensed = try #require(page.withUnsafeBufferPointer { CondensedInput.condense($0) })
        let text = String(decoding: condensed.bytes, as: UTF8.self)
        for left in ["<div>", "<a>", "<li>", "<td>"] {
            #expect(text.contains(left), "\(left) went into a run")
        }
        #expect(HTMLTreeBuilder.build(utf8: page, url: nil, mode: .condensedOnly) != nil)
    }

    @Test("DEL bytes, the markers' byte, are left out of a page, which is then condensed like any other")
    func deleteBytesAreLeftOut() throws {
        let page = Array(CondensedParseTests.pages[4].utf8)
        var withDEL = page
        for offset in stride(from: withDEL.count - 1, to: 0, by: -97) { withDEL.insert(0x7F, at: offset) }
        let parsed = try #require(HTMLTreeBuilder.build(utf8: withDEL, url: nil, mode: .condensedOnly))
        let plain = try #require(HTMLTreeBuilder.build(utf8: page, url: nil, mode: .plain))
        #expect(CondensedParseTests.lines(parsed) == CondensedParseTests.lines(plain))
    }

    @Test("No attribute that extraction reads takes its name as value when it has none, as the stripped tags assume")
    func keptAttributesAreNotBoolean() throws {
        let html = HTMLDocument.keptAttributes.sorted().map { "<span \($0)>x</span>" }.joined()
        let plain = try #require(HTMLTreeBuilder.build(utf8: Array(html.utf8), url: nil, mode: .plain))
        let values = plain.elements(named: "span").flatMap { plain.nodes[$0].attributes.map(\.value) }
        #expect(values.count == HTMLDocument.keptAttributes.count)
        #expect(values.allSatisfy { $0.isEmpty })
    }
}
