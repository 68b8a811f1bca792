import Foundation
import Testing

@testable import Extract

/// Pages that ship only the site's furniture (their content is drawn by a script) have no main content.
@Suite("Pages with only furniture")
struct FurnitureOnlyPageTests {
    @Test("A page whose content a script renders gives no text, not its header and footer")
    func scriptRenderedPageGivesNoText() throws {
        let html = """
            <html><head><title>Trail shoe</title></head><body>
            <header><nav><ul>
            <li><a href="/men">Men</a></li><li><a href="/women">Women</a></li><li><a href="/kids">Kids</a></li>
            <li><a href="/sale">Sale</a></li><li><a href="/stores">Find a store</a></li>
            </ul></nav></header>
            <div id="app"></div>
            <footer><dl>
            <dt>Help</dt><dd><a href="/help">Help centre</a>, <a href="/returns">Returns and refunds</a>,
            <a href="/track">Track an order</a>, <a href="/contact">Contact us</a></dd>
            <dt>Other sites</dt><dd><a href="/fr">French</a>, <a href="/de">German</a>, <a href="/it">Italian</a>,
            <a href="/es">Spanish</a>, <a href="/nl">Dutch</a>, <a href="/pl">Polish</a></dd>
            </dl>
            <p>© 2025 Trail Company Limited, all rights reserved.</p>
            </footer>
            </body></html>
            """
        #expect(try extractHTML(html).text.isEmpty)
    }

    @Test("A listing whose cards each have a header of their own keeps the cards")
    func cardHeadersAreNotPageFurniture() throws {
        let cards = ["Harbour dredging resumes", "New ferry timetable", "Lighthouse open to visitors", "Fish market moves"]
            .enumerated().map { number, headline in
                "<article><header><a href=\"/news/\(number)\">\(headline)</a></header></article>"
            }
        let html = """
            <html><head><title>Harbour news</title></head><body>
            <header><nav><a href="/">Home</a> <a href="/news">News</a></nav></header>
            <div class="river">\(cards.joined(separator: "\n"))</div>
            <footer><a href="/terms">Terms</a> <a href="/privacy">Privacy</a></footer>
            </body></html>
            """
        let text = try extractHTML(html).text
        #expect(text.contains("Harbour dredging resumes"))
        #expect(text.contains("Fish market moves"))
    }

    @Test("A page that an unclosed header wraps keeps its content")
    func headerWrappingTheHeadlineIsNotFurniture() throws {
        let items = ["Oak side table", "Walnut bench", "Ash stool", "Pine shelf", "Birch tray"].map {
            "<li><a href=\"/shop/\($0.lowercased())\">\($0)</a></li>"
        }
        let html = """
            <html><head><title>Workshop</title></head><body>
            <header><a href="/">Workshop</a>
            <h1>Furniture made to order</h1>
            <ul class="products">\(items.joined())</ul>
            </body></html>
            """
        let text = try extractHTML(html).text
        #expect(text.contains("Walnut bench"))
        #expect(text.contains("Birch tray"))
    }

    @Test("A footer of legal notes larger than the page's own text does not win over it")
    func largeFooterOfNotesGivesWayToContent() throws {
        let notes = (1...12).map {
            "<li>Note \($0): offers are subject to availability, prices include tax where it applies, and terms of the trade-in programme may change without notice.</li>"
        }
        let html = """
            <html><head><title>Compare laptops</title></head><body>
            <div class="compare">
            <p>The lighter model weighs a little over a kilogram, runs for about fifteen hours and charges over either port.</p>
            <p>The larger model adds a brighter screen, two more speakers and a fan, so it stays fast under long loads.</p>
            </div>
            <footer><div class="legal"><ol>\(notes.joined(separator: "\n"))</ol></div></footer>
            </body></html>
            """
        let text = try extractHTML(html).text
        #expect(text.contains("The lighter model weighs a little over a kilogram"))
        #expect(text.contains("The larger model adds a brighter screen"))
        #expect(!text.contains("subject to availability"))
    }
}
