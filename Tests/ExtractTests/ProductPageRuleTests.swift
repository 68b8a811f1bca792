import Foundation
import Testing

@testable import Extract

/// Rules for landing pages and product pages, each on a small hand-written page.
@Suite("Landing and product page rules")
struct ProductPageRuleTests {
    /// Short cards of a landing page: too little prose each for the sections to join the winner by their paragraphs.
    static let features = [
        ("Shared calendars", "One week for every team."),
        ("Time off requests", "Leave asked in two taps."),
        ("Payroll exports", "Hours sent each month."),
        ("Shift swaps", "Trades between workers."),
    ]

    /// Expects the landing page's opening text and every feature card's title and text in `text`, without
    /// its footer.
    static func expectLandingPage(in text: String) {
        #expect(text.contains("never needs a training day"))
        for (title, blurb) in features {
            #expect(text.contains(title), "missing: \(title)")
            #expect(text.contains(blurb), "missing: \(blurb)")
        }
        #expect(!text.contains("Terms"))
    }

    @Test("Sections of a landing page's main region named as teasers are part of the page; its legal notice is not")
    func teaserSectionsOfMainAreKept() throws {
        let teasers = Self.features.map { title, text in
            "<section class=\"teaser-block\"><h2>\(title)</h2><p>\(text)</p></section>"
        }
        let html = """
            <html><head><title>Rota planner</title></head><body>
            <nav><a href="/">Home</a> <a href="/pricing">Pricing</a></nav>
            <main>
            <section class="hero"><p>Rota planner brings schedules, leave and payroll together, so that small teams spend their
            time on the work itself rather than on planning it, week after week, in a tool that everyone already understands.</p>
            <p>It runs in the browser and on phones, keeps a history of every change, and never needs a training day.</p></section>
            \(teasers.joined(separator: "\n"))
            <div class="legal-notice"><p>Plans are billed yearly. All rights reserved.</p></div>
            </main>
            <footer><a href="/terms">Terms</a></footer>
            </body></html>
            """
        let text = try extractHTML(html).text
        Self.expectLandingPage(in: text)
        #expect(!text.contains("billed yearly"))
    }

    @Test("Without a main element, the sections between a landing page's header and footer are the page")
    func sectionsBetweenHeaderAndFooterAreKept() throws {
        // Each card is a band of its own beside the opening one, too short to join it by its paragraphs.
        let cards = Self.features.map { title, text in
            "<div class=\"band\"><div class=\"row\"><h3>\(title)</h3><span>\(text)</span></div></div>"
        }
        let html = """
            <html><head><title>Rota planner</title></head><body>
            <header><nav><a href="/">Home</a> <a href="/pricing">Pricing</a></nav></header>
            <div class="band"><div class="row"><h2>Plan every shift</h2><p>Rota planner brings schedules, leave and payroll
            together, so that small teams spend their time on the work itself rather than on planning it, week after week,
            in a tool that everyone already understands.</p>
            <p>It runs in the browser and on phones, keeps a history of every change, and never needs a training day.</p></div></div>
            \(cards.joined(separator: "\n"))
            <footer><a href="/terms">Terms</a></footer>
            </body></html>
            """
        let text = try extractHTML(html).text
        Self.expectLandingPage(in: text)
        #expect(!text.contains("Pricing"))
    }

    @Test("Teasers of other pages beside an article without a main element stay out")
    func teasersBesideArticleStayOut() throws {
        // Three section titles beside the story, but more linked titles of other stories.
        let stories = ["Spring tax dates", "Hiring your first manager", "Closing the books", "Payroll in two countries"]
        let teasers = stories.map { title in
            "<div class=\"band\"><div class=\"row\"><h3><a href=\"/\(title.count)\">\(title)</a></h3><span>What to ask, what to keep and what to send before the deadline comes.</span></div></div>"
        }
        let html = """
            <html><head><title>Choosing an accountant</title></head><body>
            <header><nav><a href="/">Home</a></nav></header>
            <div class="band"><div class="row"><h2>Choosing an accountant</h2>
            <p>A good accountant knows the deadlines of your trade, answers within a day and explains each figure of your
            return in words you understand, which matters more than the fee once the first year has passed.</p>
            <p>Ask for two references from firms of your size, and ask how they handled their last audit, step by step.</p></div></div>
            <div class="band"><h3>Written by our staff</h3></div>
            <div class="band"><h3>Questions on your return?</h3></div>
            <div class="band"><h3>More from the blog</h3></div>
            \(teasers.joined(separator: "\n"))
            <footer><a href="/terms">Terms</a></footer>
            </body></html>
            """
        let text = try extractHTML(html).text
        #expect(text.contains("last audit"))
        for title in stories { #expect(!text.contains(title), "kept: \(title)") }
    }

    @Test("A block headed as suggestions of other products is left out")
    func recommendationsUnderTheirHeadingGo() throws {
        let html = """
            <html><head><title>Oak serving board</title></head><body>
            <div class="product">
            <h1>Oak serving board</h1>
            <p>Cut from a single plank of European oak, this board is finished with food-safe oil and carries a groove
            around its edge that keeps juices off the table, whether it holds bread, cheese or a roast.</p>
            <p>Each board is sanded by hand, so the grain and the colour vary a little from one piece to the next.</p>
            </div>
            <div class="more">
            <div class="bar"><h2>Customers also viewed</h2></div>
            <ul>
            <li><p>Walnut cheese knife set, three blades with brass rivets, boxed as a gift.</p></li>
            <li><p>Olive wood salad bowl, turned from one block, about twenty-five centimetres wide.</p></li>
            <li><p>Linen napkins in a set of four, stone washed, in sand, clay and forest colours.</p></li>
            </ul>
            </div>
            </body></html>
            """
        let text = try extractHTML(html).text
        #expect(text.contains("food-safe oil"))
        #expect(!text.contains("Customers also viewed"))
        #expect(!text.contains("Walnut cheese knife set"))
        #expect(!text.contains("Linen napkins"))
    }

    @Test("Suggestions whose cards carry headings of a lower rank go with their title bar")
    func recommendationCardsWithOwnHeadingsGo() throws {
        let html = """
            <html><head><title>Oak serving board</title></head><body>
            <div class="product">
            <h1>Oak serving board</h1>
            <p>Cut from a single plank of European oak, this board is finished with food-safe oil and carries a groove
            around its edge that keeps juices off the table, whether it holds bread, cheese or a roast.</p>
            </div>
            <div class="more">
            <div class="bar"><h2>People who viewed this item also viewed</h2></div>
            <ul class="carousel-list">
            <li><h3>Walnut cheese knife set</h3><p>Three blades with brass rivets, boxed as a gift for a host.</p></li>
            <li><h3>Olive wood salad bowl</h3><p>Turned from one block, about twenty-five centimetres wide.</p></li>
            <li><h3>Linen napkins</h3><p>A set of four, stone washed, in sand, clay and forest colours.</p></li>
            </ul>
            </div>
            </body></html>
            """
        let text = try extractHTML(html).text
        #expect(text.contains("food-safe oil"))
        #expect(!text.contains("Walnut cheese knife set"))
        #expect(!text.contains("stone washed"))
    }

    @Test("A heading that only mentions similar words keeps its section")
    func ordinaryHeadingKeepsItsSection() throws {
        #expect(BoilerplateClassifier.announcesRecommendations("You may also like"))
        #expect(BoilerplateClassifier.announcesRecommendations("Similar items"))
        #expect(!BoilerplateClassifier.announcesRecommendations("How it works"))
        #expect(!BoilerplateClassifier.announcesRecommendations("Related research"))
    }

    @Test("Customer reviews do not take the place of a product's description")
    func reviewsDoNotOutrankTheDescription() throws {
        let reviews = (1...3).map { number in
            """
            <p>Review \(number): I bought this kettle for the office, and after some months of daily use, with hard water,
            several people filling it, and a lot of tea, it still boils quickly, quietly, and without leaks.</p>
            """
        }
        let models = (1...8).map { "<li><a href=\"/kettle/\($0)\">Kettle model number \($0) in steel</a></li>" }
        let html = """
            <html><head><title>Steel kettle</title></head><body>
            <div class="layout">
            <div class="description"><h1>Steel kettle</h1>
            <p>A brushed steel kettle that holds 1.7 litres, boils in under three minutes, and switches off by itself.</p>
            <p>The base turns all the way round, the lid opens wide, and the filter lifts out for cleaning.</p></div>
            <div class="lower"><ul class="models">\(models.joined())</ul>
            <div class="product-reviews"><h2>What buyers say</h2>\(reviews.joined(separator: "\n"))</div></div>
            </div>
            </body></html>
            """
        let text = try extractHTML(html).text
        #expect(text.contains("boils in under three minutes"))
        #expect(text.contains("filter lifts out"))
    }
}
