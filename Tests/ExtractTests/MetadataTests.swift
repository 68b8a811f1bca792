import Foundation
import PipelineModel
import Testing

@testable import Extract

@Suite("Metadata")
struct MetadataTests {
    static let body = "<p>The body of the article, long enough, with commas, and several words in it for scoring.</p>"

    @Test("JSON-LD gives headline, author and date")
    func jsonLinkedData() throws {
        let html = """
            <html><head><title>Ignored | Site</title><script type="application/ld+json">
            {"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"Rights Monitor"},
            {"@type":"NewsArticle","headline":"Court frees activists","datePublished":"2021-06-02T10:00:00+02:00",
            "author":[{"@type":"Person","name":"Ana Ruiz"},{"@type":"Person","name":"Li Wei"}],"keywords":["courts","activists"]}]}
            </script></head><body><article>\(MetadataTests.body)</article></body></html>
            """
        let document = try extractHTML(html)
        #expect(document.title == "Court frees activists")
        #expect(document.author == "Ana Ruiz, Li Wei")
        #expect(document.published == "2021-06-02T10:00:00+02:00")
        #expect(document.tags == ["courts", "activists"])
    }

    @Test("Site-name suffixes are removed from the title", arguments: [
        ("Prisoners released | Rights Monitor", "Prisoners released"),
        ("Prisoners released – Rights Monitor", "Prisoners released"),
        ("Rights Monitor - Prisoners released in the north", "Prisoners released in the north"),
        ("Prisoners released", "Prisoners released"),
    ])
    func siteNameRemoved(title: String, expected: String) throws {
        let html = "<html><head><title>\(title)</title><meta property=\"og:site_name\" content=\"Rights Monitor\"></head><body><div>\(MetadataTests.body)</div></body></html>"
        #expect(try extractHTML(html).title == expected)
    }

    @Test("A visible date near the headline is found", arguments: [
        ("12/20/2019", "2019-12-20"), ("December 20, 2019", "2019-12-20"), ("20 December 2019", "2019-12-20"),
        ("Posted on Dec. 3, 2020 by staff", "2020-12-03"),
    ])
    func visibleDate(written: String, expected: String) throws {
        let html = "<html lang=en-US><body><h1>Headline of the page</h1><p class=meta>\(written)</p><div>\(MetadataTests.body)</div></body></html>"
        #expect(try extractHTML(html).published == expected)
    }

    @Test("A date in an element named for dates is found even above the headline; an update date is not")
    func datedElement() throws {
        let html = """
            <html lang=en><body><div class="last-updated">Updated March 3, 2024</div>
            <div class="story-date">Published May 31, 2023</div><h1>Headline of the page</h1><div>\(MetadataTests.body)</div></body></html>
            """
        #expect(try extractHTML(html).published == "2023-05-31")
    }

    @Test("A date after a label anywhere on the page is found when nothing nearer the headline gives one", arguments: [
        ("<p>Last updated: November 13, 2025</p>", "2025-11-13"), ("<span>Posted on</span> <span>April 13, 2023</span>", "2023-04-13"),
    ])
    func labelledDate(written: String, expected: String) throws {
        let html = "<html lang=en><body><div>\(MetadataTests.body)</div><div>\(MetadataTests.body)</div>\(written)</body></html>"
        #expect(try extractHTML(html).published == expected)
    }

    @Test("A meta tag named published gives the date")
    func metaNamedPublished() throws {
        let html = "<html><head><meta name=\"published\" content=\"July 17, 2025\"></head><body><div>\(MetadataTests.body)</div></body></html>"
        #expect(try extractHTML(html).published == "2025-07-17")
    }

    @Test("The date path of the address the page gives for itself counts, a saved file's own address having none")
    func dateFromOwnAddress() throws {
        let html = """
            <html><head><meta property="og:url" content="https://blog.example/articles/2025-12-15+Compiler+news"></head>
            <body><div>\(MetadataTests.body)</div></body></html>
            """
        let document = try extractDocument(makePage(Array(html.utf8), url: "file:///tmp/saved/page.html"))
        #expect(document.published == "2025-12-15")
    }

    @Test("The URL's date path is the last resort")
    func dateFromURL() throws {
        let html = "<html><body><div>\(MetadataTests.body)</div></body></html>"
        let document = try extractDocument(makePage(Array(html.utf8), url: "https://news.example/2019/12/20/story-slug/"))
        #expect(document.published == "2019-12-20")
    }

    @Test("Meta author and keywords are read; an author equal to the site name is taken as the publisher")
    func metaAuthorAndKeywords() throws {
        let html = """
            <html><head><meta name="author" content="By Maria Keller"><meta name="keywords" content="asylum, deportation , asylum">
            </head><body><div>\(MetadataTests.body)</div></body></html>
            """
        let document = try extractHTML(html)
        #expect(document.author == "Maria Keller")
        #expect(document.tags == ["asylum", "deportation"])

        let siteAuthor = """
            <html><head><meta property="og:site_name" content="Rights Monitor"><meta name="author" content="Rights Monitor">
            </head><body><div>\(MetadataTests.body)</div></body></html>
            """
        #expect(try extractHTML(siteAuthor).author == "Rights Monitor")
    }

    @Test("A page that no person signs has its publisher as author; a byline wins over the publisher")
    func publisherStandsForAuthor() throws {
        let unsigned = """
            <html><head><title>Ten tips for a tidy garage | Harbour Tools</title><script type="application/ld+json">
            {"@context":"https://schema.org","@type":"BlogPosting","headline":"Ten tips for a tidy garage",
            "publisher":{"@type":"Organization","name":"Harbour Tools Ltd"}}
            </script><meta property="og:site_name" content="Harbour Tools"></head>
            <body><article>\(MetadataTests.body)</article></body></html>
            """
        #expect(try extractHTML(unsigned).author == "Harbour Tools Ltd")

        let siteOnly = """
            <html><head><meta property="og:site_name" content="Harbour Tools"></head>
            <body><article>\(MetadataTests.body)</article></body></html>
            """
        #expect(try extractHTML(siteOnly).author == "Harbour Tools")

        let signed = """
            <html><head><meta property="og:site_name" content="Harbour Tools"></head>
            <body><article><p class="byline">By Jane Doe</p>\(MetadataTests.body)</article></body></html>
            """
        #expect(try extractHTML(signed).author == "Jane Doe")

        let nameless = "<html><head></head><body><article>\(MetadataTests.body)</article></body></html>"
        #expect(try extractHTML(nameless).author == nil)
    }

    @Test("Language is the primary subtag of html lang or content-language", arguments: [
        ("<html lang=\"pt-BR\">", "", "pt"), ("<html>", "<meta http-equiv=\"content-language\" content=\"de-AT\">", "de"),
        ("<html>", "", nil as String?),
    ])
    func language(htmlTag: String, head: String, expected: String?) throws {
        let html = "\(htmlTag)<head>\(head)</head><body><div>\(MetadataTests.body)</div></body></html>"
        #expect(try extractHTML(html).language == expected)
    }

    @Test("Machine dates keep their precision", arguments: [
        ("2019-12-20", "2019-12-20"), ("2019-12-20T08:15:00Z", "2019-12-20T08:15:00Z"),
        ("2019-12-20 08:15:00", "2019-12-20T08:15:00"), ("2019-12-20T08:15:00.000+0100", "2019-12-20T08:15:00+01:00"),
        ("2019-12", "2019-12"), ("Fri, 20 Dec 2019 08:15:00 GMT", "2019-12-20"),
    ])
    func dateNormalisation(raw: String, expected: String) {
        #expect(DateNormalizer.normalize(raw) == expected)
    }

    @Test("Only the start of a text longer than any dateline is searched for a date")
    func longTextsAreSearchedAtTheStart() {
        let filler = String(repeating: "The council met again. ", count: 200)
        #expect(DateNormalizer.findInText("Posted December 20, 2019. " + filler) == "2019-12-20")
        #expect(DateNormalizer.findInText(filler + "Posted December 20, 2019.") == nil)
        #expect(DateNormalizer.findInText(String(filler.prefix(1_500)) + "Posted December 20, 2019.") == "2019-12-20")
    }
}
