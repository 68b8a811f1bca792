import Fetch
import Foundation
import PipelineModel
import Testing
import TestSupport

@Suite("Fetcher")
struct FetcherTests {
    init() {
        Fetcher.initialize()
    }

    @Test("a 200 page keeps its status, headers, final URL and body")
    func keepsAnOKPage() throws {
        let server = try LocalHTTPServer(routes: [
            "/page": TestResponse(
                headers: [("Content-Type", "text/html; charset=utf-8"), ("X-Test", "kept")],
                body: Array("<p>hello</p>".utf8))
        ])
        defer { server.stop() }
        let page = try #require(fetchOne(server.url("/page"))?.page)
        #expect(page.status == 200)
        #expect(page.finalURL == server.url("/page"))
        #expect(page.seed == Seed(index: 0, url: server.url("/page")))
        #expect(page.contentType == "text/html; charset=utf-8")
        #expect(page.header("x-test") == "kept")
        #expect(page.body == Array("<p>hello</p>".utf8))
        #expect(page.duration >= 0)
    }

    @Test("a 404 answer is an http_status failure naming the status and URL")
    func notFoundIsHTTPStatus() throws {
        let server = try LocalHTTPServer(routes: [:])
        defer { server.stop() }
        let failure = try #require(fetchOne(server.url("/missing"))?.failure)
        #expect(failure.error == "http_status")
        #expect(failure.stage == .fetch)
        #expect(failure.message.contains("404"))
        #expect(failure.message.contains(server.url("/missing")))
    }

    @Test("a refused connection is connect_failed")
    func refusedConnectionIsConnectFailed() throws {
        let failure = try #require(fetchOne("http://127.0.0.1:1/")?.failure)
        #expect(failure.error == "connect_failed")
        #expect(failure.message.hasPrefix("Could not connect to '127.0.0.1:1' for http://127.0.0.1:1/"))
    }

    @Test("an unknown host is dns_failed and the message names the host")
    func unknownHostIsDNSFailed() throws {
        let failure = try #require(fetchOne("http://nohost.invalid/")?.failure)
        #expect(failure.error == "dns_failed")
        #expect(failure.message == "Could not resolve host 'nohost.invalid' for http://nohost.invalid/.")
    }

    @Test("a response slower than the time limit is a timeout")
    func slowResponseTimesOut() throws {
        let server = try LocalHTTPServer(routes: ["/slow": TestResponse(body: [], delay: 5)])
        defer { server.stop() }
        let failure = try #require(fetchOne(server.url("/slow"), options: .testing(timeout: 1))?.failure)
        #expect(failure.error == "timeout")
        #expect(failure.message.contains("after the 1 s time limit"))
    }

    @Test("a redirect is followed and the page keeps the final URL and the last response's headers")
    func redirectIsFollowed() throws {
        let server = try LocalHTTPServer(routes: [
            "/old": TestResponse(status: 301, headers: [("Location", "/new"), ("X-Hop", "first")], body: []),
            "/new": .html("<p>moved</p>"),
        ])
        defer { server.stop() }
        let page = try #require(fetchOne(server.url("/old"))?.page)
        #expect(page.status == 200)
        #expect(page.seed.url == server.url("/old"))
        #expect(page.finalURL == server.url("/new"))
        #expect(page.header("X-Hop") == nil)
        #expect(page.header("Location") == nil)
        #expect(page.body == Array("<p>moved</p>".utf8))
        // The redirect response is kept for the archive.
        #expect(page.redirects.map(\.status) == [301])
        #expect(page.redirects.first?.finalURL == server.url("/old"))
        #expect(page.redirects.first?.header("X-Hop") == "first")
    }

    @Test("a redirect loop stops at the redirect limit as too_many_redirects")
    func redirectLoopIsTooManyRedirects() throws {
        let server = try LocalHTTPServer(routes: ["/loop": .redirect(to: "/loop")])
        defer { server.stop() }
        let failure = try #require(fetchOne(server.url("/loop"), options: .testing(maxRedirects: 3))?.failure)
        #expect(failure.error == "too_many_redirects")
        #expect(server.requestCount == 4)
    }

    @Test("a redirect to a file URL is refused")
    func redirectToFileIsRefused() throws {
        let server = try LocalHTTPServer(routes: ["/sneaky": .redirect(to: "file:///etc/hostname")])
        defer { server.stop() }
        let failure = try #require(fetchOne(server.url("/sneaky"))?.failure)
        #expect(failure.error == "redirect_not_allowed")
        #expect(failure.message.contains("file:///etc/hostname"))
    }

    @Test("a gzip body is decoded")
    func gzipBodyIsDecoded() throws {
        let text = String(repeating: "<p>compressed text</p>\n", count: 200)
        let server = try LocalHTTPServer(routes: [
            "/gz": TestResponse(
                headers: [("Content-Type", "text/html"), ("Content-Encoding", "gzip")],
                body: try gzipped(Array(text.utf8)))
        ])
        defer { server.stop() }
        let page = try #require(fetchOne(server.url("/gz"))?.page)
        #expect(page.body == Array(text.utf8))
    }

    @Test(
        "a body past the cap after decoding is body_too_large",
        arguments: ["/gzip-bomb", "/with-length", "/chunked"])
    func bodyPastTheCapIsTooLarge(path: String) throws {
        let large = [UInt8](repeating: UInt8(ascii: "a"), count: 200_000)
        let bomb = try gzipped(large)
        let cap = 10_000
        // The compressed body fits the cap; only counting decoded bytes catches it.
        try #require(bomb.count < cap)
        let server = try LocalHTTPServer(routes: [
            "/gzip-bomb": TestResponse(headers: [("Content-Encoding", "gzip")], body: bomb),
            "/with-length": TestResponse(body: large),
            "/chunked": TestResponse(headers: [("Transfer-Encoding", "chunked")], body: large),
        ])
        defer { server.stop() }
        let failure = try #require(fetchOne(server.url(path), options: .testing(maxBodyBytes: cap))?.failure)
        #expect(failure.error == "body_too_large")
        #expect(failure.message.contains("10000"))
    }

    @Test("a body of exactly the cap is kept")
    func bodyAtTheCapIsKept() throws {
        let server = try LocalHTTPServer(routes: ["/exact": TestResponse(body: [UInt8](repeating: 1, count: 5000))])
        defer { server.stop() }
        let page = try #require(fetchOne(server.url("/exact"), options: .testing(maxBodyBytes: 5000))?.page)
        #expect(page.body.count == 5000)
    }

    @Test("a readable file URL is a page with status 200 and no content type")
    func fileIsRead() throws {
        let contents = Array("<html><body>local</body></html>".utf8)
        try withTemporaryFile(contents: contents) { file in
            let page = try #require(fetchOne(file.absoluteString)?.page)
            #expect(page.status == 200)
            #expect(page.body == contents)
            #expect(page.contentType == nil)
            #expect(page.finalURL == file.absoluteString)
        }
    }

    @Test("a file URL of a missing file is file_not_found")
    func missingFileIsFileNotFound() throws {
        let failure = try #require(fetchOne("file:///nonexistent/fetch-tests/page.html")?.failure)
        #expect(failure.error == "file_not_found")
        #expect(failure.message.contains("/nonexistent/fetch-tests/page.html"))
    }

    @Test("a URL that cannot be fetched is invalid_url", arguments: ["ftp://127.0.0.1/file", "http://[::1/", ""])
    func unusableURLIsInvalid(url: String) throws {
        let failure = try #require(fetchOne(url)?.failure)
        #expect(failure.error == "invalid_url")
    }

    @Test("twenty URLs with eight in flight each come back exactly once")
    func manyTransfersInFlight() throws {
        var routes: [String: TestResponse] = [:]
        for number in 0..<20 {
            routes["/page/\(number)"] = .html("page \(number)")
        }
        let server = try LocalHTTPServer(routes: routes)
        defer { server.stop() }
        // A small queue fed from another thread makes the fetcher take seeds while transfers run.
        let input = BoundedQueue<Seed>(capacity: 3)
        let producer = Thread {
            for number in 0..<20 {
                input.send(Seed(index: number, url: server.url("/page/\(number)")))
            }
            input.finish()
        }
        producer.start()
        var outcomes: [FetchOutcome] = []
        Fetcher(options: .testing(concurrency: 8)).run(input: input) { outcomes.append($0) }
        #expect(outcomes.count == 20)
        #expect(Set(outcomes.map(\.seed.index)) == Set(0..<20))
        for outcome in outcomes {
            let page = try #require(outcome.page)
            #expect(page.body == Array("page \(page.seed.index)".utf8))
        }
        #expect(server.requestCount == 20)
    }

    @Test("failure codes are the stable snake_case names of the failures output")
    func failureCodesAreStable() {
        #expect(FetchErrorCode.allCases.map(\.rawValue) == [
            "dns_failed", "connect_failed", "timeout", "too_many_redirects", "redirect_not_allowed", "http_status",
            "body_too_large", "file_not_found", "tls_failed", "invalid_url", "transfer_failed", "robots_disallowed",
            "stalled",
        ])
    }

    @Test("a transfer on a handle kept from an earlier one sends none of the earlier request's headers")
    func reusedHandlesStartClean() throws {
        var first = TestResponse.html("<p>a</p>")
        first.etag = "\"v1\""
        let server = try LocalHTTPServer(routes: [
            "/a": first, "/b": .html("<p>b</p>"), "/c": .html("<p>c</p>"),
        ])
        defer { server.stop() }
        let urls = ["/a", "/b", "/c"].map { server.url($0) }
        let input = BoundedQueue<Seed>(capacity: urls.count)
        for (index, url) in urls.enumerated() { input.send(Seed(index: index, url: url)) }
        input.finish()
        var outcomes: [FetchOutcome] = []
        // One transfer at a time, so that each later one runs on the handle of the one before.
        let fetcher = Fetcher(
            options: .testing(concurrency: 1),
            validators: { seed in seed.index == 0 ? CacheValidators(etag: "\"v1\"") : nil })
        fetcher.run(input: input) { outcomes.append($0) }
        #expect(outcomes.compactMap(\.page).map(\.status) == [304, 200, 200])
        #expect(outcomes.compactMap(\.page).map(\.body) == [[], Array("<p>b</p>".utf8), Array("<p>c</p>".utf8)])
        let requests = server.requests
        #expect(requests.map(\.path) == ["/a", "/b", "/c"])
        #expect(requests.map { $0.headers["if-none-match"] } == ["\"v1\"", nil, nil])
    }

    @Test("run returns at once when the input is finished and empty")
    func emptyInputReturns() {
        #expect(fetch([]).isEmpty)
    }
}
