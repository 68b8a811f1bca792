import Fetch
import Foundation
import PipelineModel
import Testing
import TestSupport

extension FetchOptions {
    /// Test settings with `attempts` attempts per URL and a short backoff.
    static func retrying(attempts: Int = 3, timeout: Double = 5) -> FetchOptions {
        var options = FetchOptions.testing(timeout: timeout)
        options.maxAttempts = attempts
        options.retryBaseDelay = 0.05
        return options
    }
}

/// An HTTP-date `seconds` from now, as a server writes it in `Retry-After`.
func httpDate(secondsFromNow seconds: Double) -> String {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = TimeZone(identifier: "GMT")
    formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
    return formatter.string(from: Date(timeIntervalSinceNow: seconds))
}

@Suite("Retries, stalls and conditional requests")
struct RetryTests {
    init() {
        Fetcher.initialize()
    }

    @Test("a URL that fails with retryable statuses is retried until it succeeds", arguments: [408, 429, 500, 502, 503, 504])
    func retriesThenSucceeds(status: Int) throws {
        let server = try LocalHTTPServer(
            routes: [:],
            sequences: ["/flaky": [TestResponse(status: status, body: []), TestResponse(status: status, body: []), .html("ok")]])
        defer { server.stop() }
        let page = try #require(fetchOne(server.url("/flaky"), options: .retrying())?.page)
        #expect(page.status == 200)
        #expect(page.body == Array("ok".utf8))
        #expect(server.requestCount == 3)
    }

    @Test("a URL that keeps failing ends as a failure with the last error and the attempt count")
    func givesUpAfterMaxAttempts() throws {
        let server = try LocalHTTPServer(routes: ["/down": TestResponse(status: 503, body: [])])
        defer { server.stop() }
        let failure = try #require(fetchOne(server.url("/down"), options: .retrying(attempts: 3))?.failure)
        #expect(failure.error == "http_status")
        #expect(failure.attempts == 3)
        #expect(failure.message.contains("503"))
        #expect(failure.message.contains("3 attempts"))
        #expect(server.requestCount == 3)
    }

    @Test("a status that will not change is not retried", arguments: [404, 403, 410, 501])
    func permanentStatusIsNotRetried(status: Int) throws {
        let server = try LocalHTTPServer(routes: ["/gone": TestResponse(status: status, body: [])])
        defer { server.stop() }
        let failure = try #require(fetchOne(server.url("/gone"), options: .retrying())?.failure)
        #expect(failure.attempts == 1)
        #expect(server.requestCount == 1)
    }

    @Test("a refused connection is retried and counted")
    func refusedConnectionIsRetried() throws {
        let failure = try #require(fetchOne("http://127.0.0.1:1/", options: .retrying(attempts: 2))?.failure)
        #expect(failure.error == "connect_failed")
        #expect(failure.attempts == 2)
    }

    @Test("a body cut short of its Content-Length is retried, then fails")
    func truncatedBodyIsRetried() throws {
        var cut = TestResponse(body: [UInt8](repeating: 65, count: 1000))
        cut.sentBodyBytes = 100
        let server = try LocalHTTPServer(routes: ["/cut": cut])
        defer { server.stop() }
        let failure = try #require(fetchOne(server.url("/cut"), options: .retrying(attempts: 2))?.failure)
        #expect(failure.error == "transfer_failed")
        #expect(failure.attempts == 2)
        #expect(server.requestCount == 2)
    }

    @Test("Retry-After in seconds is waited before the retry")
    func retryAfterSecondsIsHonoured() throws {
        let server = try LocalHTTPServer(
            routes: [:], sequences: ["/busy": [.retryLater(status: 429, retryAfter: "1"), .html("ok")]])
        defer { server.stop() }
        let page = try #require(fetchOne(server.url("/busy"), options: .retrying())?.page)
        #expect(page.status == 200)
        let gaps = arrivalGaps(server.requests)
        #expect(gaps.count == 1 && gaps[0] >= 0.98, "gaps \(gaps)")
    }

    @Test("Retry-After as an HTTP-date is waited before the retry")
    func retryAfterDateIsHonoured() throws {
        // Two seconds ahead, cut to whole seconds by the format: at least one second away.
        let server = try LocalHTTPServer(
            routes: [:], sequences: ["/busy": [.retryLater(retryAfter: httpDate(secondsFromNow: 2)), .html("ok")]])
        defer { server.stop() }
        let page = try #require(fetchOne(server.url("/busy"), options: .retrying())?.page)
        #expect(page.status == 200)
        let gaps = arrivalGaps(server.requests)
        #expect(gaps.count == 1 && gaps[0] >= 0.9, "gaps \(gaps)")
    }

    @Test("a Retry-After past the cap gives up at once with the attempt count")
    func retryAfterPastCapGivesUp() throws {
        let server = try LocalHTTPServer(routes: ["/later": .retryLater(retryAfter: "3600")])
        defer { server.stop() }
        var options = FetchOptions.retrying()
        options.retryAfterCap = 10
        let failure = try #require(fetchOne(server.url("/later"), options: options)?.failure)
        #expect(failure.error == "http_status")
        #expect(failure.attempts == 1)
        #expect(failure.message.contains("3600 s"))
        #expect(server.requestCount == 1)
    }

    @Test("a server that sends no byte for the stall limit is aborted as stalled")
    func silentServerIsStalled() throws {
        let server = try LocalHTTPServer(routes: ["/silent": TestResponse(body: Array("late".utf8), delay: 4)])
        defer { server.stop() }
        var options = FetchOptions.testing(timeout: 10)
        options.stallSeconds = 1
        let failure = try #require(fetchOne(server.url("/silent"), options: options)?.failure)
        #expect(failure.error == "stalled")
        #expect(failure.message.contains("1 s"))
    }

    @Test("a body that trickles in slower than the stall limit overall, but never stops, is kept")
    func tricklingBodyIsNotStalled() throws {
        // libcurl measures speed once a second, so the limit is 2 s rather than 1 s; the body takes 2.5 s.
        var drip = TestResponse(body: Array("abcdefghij".utf8))
        drip.bodyPieceDelay = 0.25
        let server = try LocalHTTPServer(routes: ["/drip": drip])
        defer { server.stop() }
        var options = FetchOptions.testing(timeout: 10)
        options.stallSeconds = 2
        let page = try #require(fetchOne(server.url("/drip"), options: options)?.page)
        #expect(page.body == Array("abcdefghij".utf8))
    }

    @Test("the total time limit still ends a transfer that keeps sending")
    func totalTimeoutStillHolds() throws {
        var drip = TestResponse(body: [UInt8](repeating: 66, count: 40))
        drip.bodyPieceDelay = 0.1
        let server = try LocalHTTPServer(routes: ["/drip": drip])
        defer { server.stop() }
        var options = FetchOptions.testing(timeout: 1)
        options.stallSeconds = 1
        let failure = try #require(fetchOne(server.url("/drip"), options: options)?.failure)
        #expect(failure.error == "timeout")
    }

    @Test("a huge body without Content-Length or chunking stops at the cap")
    func closeDelimitedBodyIsCapped() throws {
        var huge = TestResponse(body: [UInt8](repeating: 67, count: 300_000))
        huge.closeDelimited = true
        let server = try LocalHTTPServer(routes: ["/huge": huge])
        defer { server.stop() }
        let failure = try #require(fetchOne(server.url("/huge"), options: .testing(maxBodyBytes: 10_000))?.failure)
        #expect(failure.error == "body_too_large")
    }

    @Test("an unchanged page answers a conditional request with 304 and an empty body", arguments: [
        CacheValidators(etag: "\"v1\""), CacheValidators(lastModified: "Sat, 01 Nov 2025 10:00:00 GMT"),
    ])
    func notModifiedIsAPage(validators: CacheValidators) throws {
        var page = TestResponse.html("<p>current</p>")
        page.etag = "\"v1\""
        page.lastModified = "Sat, 01 Nov 2025 10:00:00 GMT"
        let server = try LocalHTTPServer(routes: ["/doc": page])
        defer { server.stop() }
        let input = BoundedQueue<Seed>(capacity: 1)
        input.send(Seed(index: 0, url: server.url("/doc")))
        input.finish()
        var outcomes: [FetchOutcome] = []
        Fetcher(options: .testing(), validators: { _ in validators }).run(input: input) { outcomes.append($0) }
        let result = try #require(outcomes.first?.page)
        #expect(outcomes.count == 1)
        #expect(result.status == 304)
        #expect(result.body.isEmpty)
        let request = try #require(server.requests.first)
        #expect(request.headers["if-none-match"] == validators.etag)
        #expect(request.headers["if-modified-since"] == validators.lastModified)
    }

    @Test("a changed page answers a conditional request with the new body")
    func changedPageIsFetched() throws {
        var page = TestResponse.html("<p>new</p>")
        page.etag = "\"v2\""
        let server = try LocalHTTPServer(routes: ["/doc": page])
        defer { server.stop() }
        let input = BoundedQueue<Seed>(capacity: 1)
        input.send(Seed(index: 0, url: server.url("/doc")))
        input.finish()
        var outcomes: [FetchOutcome] = []
        Fetcher(options: .testing(), validators: { _ in CacheValidators(etag: "\"v1\"") }).run(input: input) {
            outcomes.append($0)
        }
        let result = try #require(outcomes.first?.page)
        #expect(result.status == 200)
        #expect(result.body == Array("<p>new</p>".utf8))
        #expect(result.header("ETag") == "\"v2\"")
    }
}
