import Foundation
import Testing

@testable import Extract

/// Rules of main-content selection for news articles, each on a small hand-written page.
@Suite("Article rules")
struct ArticleRuleTests {
    /// Paragraphs of an invented story, long enough to score.
    private static func story(_ topic: String, count: Int = 5) -> String {
        (1...count).map {
            "<p>Paragraph \($0) about the \(topic) explains who decided what, when the work starts and how much it will cost the town.</p>"
        }.joined(separator: "\n")
    }

    @Test("A post from a social network embedded in the story is kept, links and all")
    func embeddedPostIsKept() throws {
        let html = """
            <html><head><title>Town fountain reopens</title></head><body><article><div class="story-body">
            \(Self.story("fountain"))
            <div class="social-media-embed"><blockquote class="tweet"><p>the fountain is back!!! \
            <a href="https://short.example/x1">short.example/x1</a></p>— Ada (@ada) \
            <a href="https://posts.example/ada/1">May 3, 2021</a></blockquote></div>
            \(Self.story("basin", count: 2))
            <div class="social-share"><a href="/share/fb">Facebook</a> <a href="/share/x">X</a></div>
            </div></article></body></html>
            """
        let text = try extractHTML(html).text
        #expect(text.contains("the fountain is back!!!"))
        #expect(text.contains("— Ada (@ada)"))
        #expect(text.contains("Paragraph 2 about the basin"))
        #expect(!text.contains("Facebook"))
    }

    @Test("A line that is mostly a machine-readable time is a dateline and goes")
    func datelineGoes() throws {
        let html = """
            <html><head><title>Ferry timetable changes</title></head><body><article>
            <h1>Ferry timetable changes</h1>
            <div class="meta"><span class="stamp">Updated <time datetime="2021-05-03T09:15:00Z">9:15 am, Monday, May 3, 2021</time></span></div>
            \(Self.story("ferry"))
            <p>The first crossing moves to <time datetime="2021-06-01">June 1</time>, when the summer timetable begins for every route.</p>
            </article></body></html>
            """
        let text = try extractHTML(html).text
        #expect(!text.contains("Updated"))
        #expect(!text.contains("9:15 am"))
        #expect(text.contains("The first crossing moves to June 1, when the summer timetable begins"))
    }

    @Test("A line marked as the publication date goes too, without a <time>")
    func itempropDatelineGoes() throws {
        let html = """
            <html><head><title>Race calendar</title></head><body><article>
            <span class="data" itemprop="datePublished">Monday, 22 January 2018 at 0:13</span>
            \(Self.story("race calendar"))
            </article></body></html>
            """
        let text = try extractHTML(html).text
        #expect(!text.contains("22 January 2018"))
        #expect(text.contains("Paragraph 5 about the race calendar"))
    }

    @Test("A block of links to tag pages is the story's keywords, not its text")
    func tagListGoes() throws {
        // Many tags: commas and length keep the block from looking like a short row of links.
        let tags = (1...12).map { "<a href=\"/tag/t\($0)\" rel=\"tag\">race circuit number \($0)</a>" }.joined(separator: ", ")
        let html = """
            <html><head><title>Race calendar</title></head><body><article>
            \(Self.story("race calendar"))
            <div class="box"><strong>\(tags)</strong></div>
            </article></body></html>
            """
        let text = try extractHTML(html).text
        #expect(!text.contains("race circuit number 7"))
        #expect(text.contains("Paragraph 5 about the race calendar"))
    }

    @Test("A time without a machine-readable date stays")
    func timeWithoutDatetimeStays() throws {
        let html = """
            <html><head><title>Library hours</title></head><body><article>
            \(Self.story("library"))
            <div class="hours"><time>Mon to Fri, 9 am to 6 pm</time></div>
            </article></body></html>
            """
        let text = try extractHTML(html).text
        #expect(text.contains("Mon to Fri, 9 am to 6 pm"))
    }

    @Test("A sibling named like furniture does not join the story for the paragraphs it holds")
    func furnitureNamedSiblingStaysOut() throws {
        let html = """
            <html><head><title>Market hall reopens</title></head><body><div class="wrapper">
            <div class="post-content">\(Self.story("market hall", count: 6))</div>
            <div class="footer footer-content"><p>Town Weekly is the leading source of local news for the valley, \
            featuring daily headlines, reviews and guides from our team of reporters since 1998.</p>
            <p>Use of this site constitutes acceptance of our terms of use and privacy policy, which may change.</p></div>
            </div></body></html>
            """
        let text = try extractHTML(html).text
        #expect(text.contains("Paragraph 6 about the market hall"))
        #expect(!text.contains("leading source of local news"))
        #expect(!text.contains("acceptance of our terms"))
    }

    @Test("Of several articles, the one holding the headline is the story; the others are teasers")
    func headlinedArticleWinsOverTeasers() throws {
        let teasers = (1...5).map {
            "<article class=\"post\"><p>Teaser \($0) retells another story from the archive at some length, with names, "
                + "places and a quotation, so that it looks like prose of its own to any reader.</p></article>"
        }.joined(separator: "\n")
        let html = """
            <html><head><title>Bridge repairs begin</title></head><body><div id="primary">
            <article class="post"><h1>Bridge repairs begin</h1>
            <p>Repairs on the old bridge begin on Monday, and the council says the crossing will stay open to walkers, \
            cyclists and buses while the deck is replaced in sections over the summer months.</p>
            <p>Engineers found the steel beams sound, the council adds, but the concrete slabs have cracked after sixty             winters of salt, frost and traffic, and every one of them will be cast anew on the riverbank.</p></article>
            <article class="post"><h3>You may also like</h3>
            \(teasers)
            </article>
            </div></body></html>
            """
        let text = try extractHTML(html).text
        #expect(text.contains("Repairs on the old bridge begin on Monday"))
        #expect(!text.contains("Teaser 1"))
        #expect(!text.contains("You may also like"))
    }

    @Test("An author's bio beside the story stays out, however long its paragraphs")
    func authorBioSiblingStaysOut() throws {
        let html = """
            <html><head><title>Orchard harvest</title></head><body><div class="layout">
            <div class="story">\(Self.story("orchard harvest"))</div>
            <div class="author-profile"><p>Mira Holt has written about farming, weather and rural life for twenty \
            years, and before that she ran a small orchard of her own on the hills above the river valley.</p>
            <p>She lives with two dogs, a cat and far too many apple trees, and she answers every letter readers send her.</p></div>
            </div></body></html>
            """
        let text = try extractHTML(html).text
        #expect(text.contains("Paragraph 5 about the orchard harvest"))
        #expect(!text.contains("Mira Holt"))
        #expect(!text.contains("two dogs"))
    }

    @Test("A table of contents goes with its title; the sections it lists stay")
    func tableOfContentsGoes() throws {
        let html = """
            <html><head><title>Pruning roses</title></head><body><article><div class="entry-content">
            <p>Roses reward a gardener who prunes them at the right time, and this guide says when, how far and with which tools.</p>
            <div id="toc-container" class="table-of-contents"><p class="toc-title">Table of Contents</p>
            <ul><li><a href="#when">When to prune</a></li><li><a href="#how">How far to cut</a></li></ul></div>
            <h2 id="when">When to prune</h2>
            \(Self.story("pruning season"))
            <h2 id="how">How far to cut</h2>
            \(Self.story("cutting height", count: 2))
            </div></article></body></html>
            """
        let text = try extractHTML(html).text
        #expect(!text.contains("Table of Contents"))
        #expect(text.contains("When to prune\n"))
        #expect(text.contains("Paragraph 2 about the cutting height"))
    }

    @Test("Teasers of other posts after the story go, though each has an excerpt")
    func teaserListAfterStoryGoes() throws {
        let teasers = (1...4).map {
            "<li class=\"card\"><h3><a href=\"/post-\($0)\">Another post number \($0)</a></h3>"
                + "<p>An excerpt of post \($0) that tells a little of what it says, enough to look like a paragraph.</p></li>"
        }.joined(separator: "\n")
        let html = """
            <html><head><title>Mending a fence</title></head><body><div class="entry">
            \(Self.story("fence repair", count: 15))
            <ul class="cards">\(teasers)</ul>
            </div></body></html>
            """
        let text = try extractHTML(html).text
        #expect(text.contains("Paragraph 15 about the fence repair"))
        #expect(!text.contains("Another post number 2"))
        #expect(!text.contains("An excerpt of post 3"))
    }

    @Test("A page made of teaser lists keeps them: they are what it lists")
    func teaserListsOfAnIndexStay() throws {
        let section: (String) -> String = { topic in
            (1...4).map {
                "<div class=\"item\"><h3><a href=\"/\(topic)-\($0)\">The best \(topic) number \($0)</a></h3>"
                    + "<p>Why the \(topic) number \($0) won our test, in a sentence or two of plain prose for the reader.</p></div>"
            }.joined(separator: "\n")
        }
        let html = """
            <html><head><title>Guides</title></head><body><div class="guides">
            <div class="group">\(section("kettle"))</div>
            <div class="group">\(section("toaster"))</div>
            </div></body></html>
            """
        let text = try extractHTML(html).text
        #expect(text.contains("The best kettle number 1"))
        #expect(text.contains("Why the toaster number 4 won our test"))
    }

    @Test("A short link wrapped in a span within a sentence stays with the sentence")
    func wrappedLinkInSentenceStays() throws {
        let html = """
            <html><head><title>Library hours</title></head><body><article>
            \(Self.story("library hours"))
            <p>The longer hours start in June, and <span><a href="/notice">the notice says</a></span> that the reading \
            room will stay open until nine on weekdays for the whole summer.</p>
            </article></body></html>
            """
        let text = try extractHTML(html).text
        #expect(text.contains("The longer hours start in June, and the notice says that the reading room"))
    }

    @Test("The label of an advertisement slot goes; a sentence about advertising stays")
    func adLabelGoes() throws {
        let html = """
            <html><head><title>Harbour festival</title></head><body><article>
            \(Self.story("harbour festival", count: 3))
            <div class="slot"><div>Advertisement</div></div>
            \(Self.story("boat parade", count: 3))
            <p>Advertisement boards along the quay will be taken down before the parade starts on Sunday.</p>
            </article></body></html>
            """
        let text = try extractHTML(html).text
        #expect(!text.contains("Advertisement\n"))
        #expect(text.contains("Advertisement boards along the quay"))
        #expect(text.contains("Paragraph 3 about the boat parade"))
    }

    @Test("An advertisement label goes in any case and script", arguments: ["ANZEIGE", "Publicité", "PUBBLICITÀ", "РЕКЛАМА", "- Advertisement -"])
    func adLabelInAnyCaseGoes(label: String) throws {
        let html = """
            <html><head><title>Harbour festival</title></head><body><article>
            \(Self.story("harbour festival", count: 3))
            <div class="slot"><div>\(label)</div></div>
            \(Self.story("boat parade", count: 3))
            </article></body></html>
            """
        let text = try extractHTML(html).text
        #expect(!text.contains(label))
        #expect(text.contains("Paragraph 3 about the boat parade"))
    }

    @Test("An advertisement label split by inline tags or after a number goes; a short item named otherwise stays",
          arguments: [("Adver<b>tisement</b>", "tisement"), ("An<span>zeige</span>", "zeige"), ("1. Werbung", "Werbung")])
    func adLabelAcrossTagsGoes(label: String, shownPart: String) throws {
        let html = """
            <html><head><title>Harbour festival</title></head><body><article>
            \(Self.story("harbour festival", count: 3))
            <div class="slot"><div>\(label)</div></div>
            <div>Item 12</div>
            \(Self.story("boat parade", count: 3))
            </article></body></html>
            """
        let text = try extractHTML(html).text
        #expect(!text.contains(shownPart))
        #expect(text.contains("Item 12"))
        #expect(text.contains("Paragraph 3 about the boat parade"))
    }
}
