import Fetch
import Foundation
import PipelineModel
import Testing
import TestSupport

extension FetchOptions {
    /// Test settings that obey robots.txt, with no per-host delay unless one is given.
    static func robotsAware(delay: Double = 0) -> FetchOptions {
        var options = FetchOptions.polite(delay: delay)
        options.respectRobots = true
        return options
    }
}

@Suite("robots.txt while fetching")
struct RobotsFetchTests {
    init() {
        Fetcher.initialize()
    }

    /// A robots.txt whose connection closes before the body announced has arrived.
    static let cutShort: TestResponse = {
        var response = TestResponse.robots("User-agent: *\nAllow: /\n")
        response.sentBodyBytes = 5
        return response
    }()

    @Test("robots.txt is fetched once, first, and a disallowed URL fails without a request")
    func disallowedURLIsNotFetched() throws {
        let server = try LocalHTTPServer(routes: [
            "/robots.txt": .robots("User-agent: *\nDisallow: /private\nAllow: /private/open$\n"),
            "/public": .html("public"),
            "/private/secret": .html("secret"),
            "/private/open": .html("open"),
        ])
        defer { server.stop() }
        let urls = ["/public", "/private/secret", "/private/open"].map(server.url)
        let outcomes = fetch(urls, options: .robotsAware())
        #expect(outcomes.count == 3)
        let failure = try #require(outcomes.compactMap(\.failure).first)
        #expect(outcomes.compactMap(\.failure).count == 1)
        #expect(failure.seed.url == server.url("/private/secret"))
        #expect(failure.error == "robots_disallowed")
        #expect(failure.attempts == 0)
        #expect(failure.message.contains("disallows"))
        #expect(Set(outcomes.compactMap(\.page).map(\.seed.url)) == [server.url("/public"), server.url("/private/open")])
        let paths = server.requests.map(\.path)
        #expect(paths.first == "/robots.txt")
        #expect(paths.filter { $0 == "/robots.txt" }.count == 1)
        #expect(!paths.contains("/private/secret"))
    }

    @Test("the group for our product token applies rather than *")
    func ownGroupApplies() throws {
        let server = try LocalHTTPServer(routes: [
            "/robots.txt": .robots("User-agent: *\nDisallow: /\n\nUser-agent: Pipeline\nDisallow: /a\n"),
            "/a": .html("a"),
            "/b": .html("b"),
        ])
        defer { server.stop() }
        let outcomes = fetch([server.url("/a"), server.url("/b")], options: .robotsAware())
        #expect(outcomes.first { $0.seed.index == 0 }?.failure?.error == "robots_disallowed")
        #expect(outcomes.first { $0.seed.index == 1 }?.page?.status == 200)
    }

    @Test("a missing robots.txt (4xx) allows everything", arguments: [404, 403, 410])
    func clientErrorAllows(status: Int) throws {
        let server = try LocalHTTPServer(routes: [
            "/robots.txt": TestResponse(status: status, body: Array("User-agent: *\nDisallow: /\n".utf8)),
            "/page": .html("page"),
        ])
        defer { server.stop() }
        let page = try #require(fetchOne(server.url("/page"), options: .robotsAware())?.page)
        #expect(page.status == 200)
        #expect(server.requests.map(\.path) == ["/robots.txt", "/page"])
    }

    @Test("a robots.txt that fails with 5xx, 429 or a cut connection disallows the whole host", arguments: [
        TestResponse(status: 503, body: []), TestResponse(status: 500, body: []), TestResponse(status: 429, body: []),
        RobotsFetchTests.cutShort,
    ])
    func serverErrorDisallows(robots: TestResponse) throws {
        let server = try LocalHTTPServer(routes: ["/robots.txt": robots, "/a": .html("a"), "/b": .html("b")])
        defer { server.stop() }
        let outcomes = fetch([server.url("/a"), server.url("/b")], options: .robotsAware())
        #expect(outcomes.count == 2)
        for outcome in outcomes {
            let failure = try #require(outcome.failure)
            #expect(failure.error == "robots_disallowed")
            #expect(failure.message.contains("robots.txt"))
        }
        #expect(server.requests.map(\.path) == ["/robots.txt"])
    }

    @Test("a robots.txt that fails once is retried before the host is judged")
    func robotsIsRetried() throws {
        let server = try LocalHTTPServer(
            routes: ["/page": .html("page")],
            sequences: ["/robots.txt": [TestResponse(status: 503, body: []), .robots("User-agent: *\nAllow: /\n")]])
        defer { server.stop() }
        var options = FetchOptions.robotsAware()
        options.maxAttempts = 2
        options.retryBaseDelay = 0.05
        let page = try #require(fetchOne(server.url("/page"), options: options)?.page)
        #expect(page.status == 200)
        #expect(server.requests.map(\.path) == ["/robots.txt", "/robots.txt", "/page"])
    }

    @Test("Crawl-delay raises the gap between requests to the host")
    func crawlDelayRaisesTheGap() throws {
        var routes = pageRoutes(3)
        routes["/robots.txt"] = .robots("User-agent: *\nCrawl-delay: 0.4\n")
        let server = try LocalHTTPServer(routes: routes)
        defer { server.stop() }
        let outcomes = fetch((0..<3).map { server.url("/page/\($0)") }, options: .robotsAware(delay: 0.05))
        #expect(outcomes.compactMap(\.page).count == 3)
        let pageRequests = server.requests.filter { $0.path != "/robots.txt" }
        let gaps = arrivalGaps(pageRequests)
        #expect(gaps.count == 2)
        // Well above the 0.05 s delay of the options, with slack for a late first arrival (see PolitenessTests).
        #expect(gaps.allSatisfy { $0 >= 0.3 }, "gaps \(gaps)")
    }

    @Test("a Crawl-delay past the cap is cut to the cap", .timeLimit(.minutes(1)))
    func crawlDelayIsCapped() throws {
        var routes = pageRoutes(2)
        routes["/robots.txt"] = .robots("User-agent: *\nCrawl-delay: 3600\n")
        let server = try LocalHTTPServer(routes: routes)
        defer { server.stop() }
        var options = FetchOptions.robotsAware()
        options.crawlDelayCap = 0.3
        let outcomes = fetch((0..<2).map { server.url("/page/\($0)") }, options: options)
        // Both pages arrive within the time limit, so the hour was not waited; the gap is still at least the cap.
        #expect(outcomes.compactMap(\.page).count == 2)
        let gaps = arrivalGaps(server.requests.filter { $0.path != "/robots.txt" })
        #expect(gaps.count == 1 && gaps[0] >= 0.2, "gaps \(gaps)")
    }

    @Test("respectRobots = false never asks for robots.txt")
    func robotsCanBeIgnored() throws {
        let server = try LocalHTTPServer(routes: [
            "/robots.txt": .robots("User-agent: *\nDisallow: /\n"), "/page": .html("page"),
        ])
        defer { server.stop() }
        var options = FetchOptions.robotsAware()
        options.respectRobots = false
        _ = try #require(fetchOne(server.url("/page"), options: options)?.page)
        #expect(server.requests.map(\.path) == ["/page"])
    }

    @Test("a file URL needs no robots.txt")
    func fileSeedSkipsRobots() throws {
        try withTemporaryFile(contents: Array("<p>local</p>".utf8)) { file in
            let page = try #require(fetchOne(file.absoluteString, options: .robotsAware())?.page)
            #expect(page.status == 200)
        }
    }

    @Test("a redirect to another host waits for that host's robots.txt and is refused when it disallows the target")
    func redirectObeysTargetRobots() throws {
        let other = try LocalHTTPServer(routes: [
            "/robots.txt": .robots("User-agent: *\nDisallow: /private\n"), "/private": .html("private"),
            "/open": .html("open"),
        ])
        defer { other.stop() }
        let server = try LocalHTTPServer(routes: [
            "/robots.txt": .robots("User-agent: *\nAllow: /\n"),
            "/to-private": .redirect(to: other.url("/private")),
            "/to-open": .redirect(to: other.url("/open")),
        ])
        defer { server.stop() }
        let outcomes = fetch([server.url("/to-private"), server.url("/to-open")], options: .robotsAware())
        let failure = try #require(outcomes.first { $0.seed.index == 0 }?.failure)
        #expect(failure.error == "robots_disallowed")
        #expect(failure.message.contains(other.url("/private")))
        let page = try #require(outcomes.first { $0.seed.index == 1 }?.page)
        #expect(page.finalURL == other.url("/open"))
        #expect(page.body == Array("open".utf8))
        #expect(other.requests.map(\.path) == ["/robots.txt", "/open"])
    }
}
