import Foundation
import Testing

@testable import Extract

/// The rules for catalogue and listing pages whose content is a grid of same-shaped cards.
@Suite("Listing grid rules")
struct ListingGridRuleTests {
    /// Product cards: a linked name and a price each.
    private static func cards(_ names: [String]) -> String {
        names.enumerated().map { position, name in
            """
            <li class="product-card"><a href="/p/\(position)"><img src="/i/\(position).jpg" alt=""></a>
            <a href="/p/\(position)">\(name)</a> <span class="price">$\(position + 12).99</span></li>
            """
        }.joined(separator: "\n")
    }

    private static let teapots = [
        "Cast iron teapot with enamel lining", "Glass teapot with steel infuser", "Porcelain teapot in plain white",
        "Unglazed clay teapot from Yixing", "Double-walled travel tea flask", "Stoneware teapot with bamboo handle",
        "Copper kettle for the stove top", "Small glass teapot for one cup",
    ]

    @Test("A short introduction above a grid of products keeps the products")
    func introductionJoinsTheGridAfterIt() throws {
        let html = """
            <html><head><title>Teapots</title></head><body>
            <nav><a href="/">Home</a> <a href="/tea">Tea</a> <a href="/gifts">Gifts</a></nav>
            <div class="category-intro"><p>Our teapots are chosen for how well they pour, how long they keep the tea hot, \
            and how easy they are to clean, whether you brew a single cup or a pot for the whole table.</p></div>
            <ul class="products">
            \(ListingGridRuleTests.cards(ListingGridRuleTests.teapots))
            </ul>
            <footer><a href="/terms">Terms</a> <a href="/privacy">Privacy</a></footer>
            </body></html>
            """
        let text = try extractHTML(html).text
        #expect(text.contains("Our teapots are chosen"))
        for name in ListingGridRuleTests.teapots { #expect(text.contains(name), "missing: \(name)") }
        #expect(text.contains("$13.99"))
        #expect(!text.contains("Privacy"))
    }

    @Test("A card with a longer description than the others does not win alone")
    func longCardGivesWayToItsGrid() throws {
        let names = ["Walnut desk organiser", "Oak monitor stand", "Cork desk mat", "Beech pen tray", "Felt cable tidy",
                     "Brass paper weight"]
        let cards = names.enumerated().map { position, name in
            let blurb = position == 1
                ? "<p>Raises the screen to eye level, made from oiled oak.</p>"
                : ""
            return "<div class=\"card\"><a href=\"/p/\(position)\">\(name)</a> <span>$\(position + 20)</span>\(blurb)</div>"
        }
        let html = """
            <html><head><title>Desk accessories</title></head><body>
            <div class="grid">\(cards.joined(separator: "\n"))</div>
            </body></html>
            """
        let text = try extractHTML(html).text
        for name in names { #expect(text.contains(name), "missing: \(name)") }
    }

    @Test("A short story keeps a ranked list of other headlines after it out")
    func rankedHeadlinesAfterAStoryStayOut() throws {
        let headlines = ["Bridge closes for repairs", "Council votes on budget", "Library extends hours",
                         "School wins robotics prize", "Market moves to the square"]
        let ranked = headlines.enumerated().map { position, headline in
            "<li class=\"rank\"><span>\(position + 1)</span> <a href=\"/story/\(position)\">\(headline)</a></li>"
        }
        let html = """
            <html><head><title>Lost cat found far from home</title></head><body>
            <div class="story"><p>A cat missing for four years was found this week more than a thousand miles \
            from the house it left, and a scan of its microchip led the shelter to its owner.</p>
            <p>The owner said the family had given up hope, and an airline offered to fly the cat home.</p></div>
            <ol class="top-stories">\(ranked.joined(separator: "\n"))</ol>
            </body></html>
            """
        let text = try extractHTML(html).text
        #expect(text.contains("A cat missing for four years"))
        #expect(!text.contains("Council votes on budget"))
    }
}
