@testable import Fetch
import PipelineModel
import Testing

@Suite("HostScheduler")
struct HostSchedulerTests {
    private let start = ContinuousClock.now

    private func scheduler(delay: Double = 1, perHost: Int = 1, robots: Bool = false) -> HostScheduler {
        var options = FetchOptions()
        options.perHostDelay = delay
        options.perHostConcurrency = perHost
        options.respectRobots = robots
        return HostScheduler(options: options)
    }

    /// Queues `urls` as seeds 0, 1, … in this order.
    private func enqueue(_ urls: [String], into hosts: inout HostScheduler) {
        for (index, url) in urls.enumerated() {
            hosts.enqueue(Seed(index: index, url: url))
        }
    }

    /// The job of a `.start` action, nil for anything else.
    private func startedJob(_ action: SchedulerAction?) -> FetchJob? {
        if case .start(let job) = action { return job }
        return nil
    }

    /// The URL a `.start` action would fetch, nil for anything else.
    private func started(_ action: SchedulerAction?) -> String? {
        startedJob(action)?.url
    }

    /// "start URL", "reject URL", or nil when there is nothing to do.
    private func describe(_ action: SchedulerAction?) -> String? {
        switch action {
        case .start(let job): "start \(job.url)"
        case .reject(let seed, _): "reject \(seed.url)"
        case nil: nil
        }
    }

    @Test("a host that must wait lets the next host's seed go first")
    func waitingHostLetsOthersGo() {
        var hosts = scheduler()
        enqueue(["http://a.test/1", "http://a.test/2", "http://b.test/1"], into: &hosts)
        let first = started(hosts.next(now: start))
        let second = started(hosts.next(now: start))
        #expect(Set([first, second]) == ["http://a.test/1", "http://b.test/1"])
        #expect(describe(hosts.next(now: start)) == nil)
        #expect(hosts.waitingCount == 1)
    }

    @Test("without politeness the oldest seed starts first, whichever its host")
    func oldestSeedFirstAcrossHosts() {
        var options = FetchOptions()
        options.politeness = false
        options.respectRobots = false
        var hosts = HostScheduler(options: options)
        let urls = (0..<12).map { "http://\(["a", "b", "c"][$0 % 3]).test/\($0)" }
        enqueue(urls, into: &hosts)
        let order = (0..<12).compactMap { _ in started(hosts.next(now: start)) }
        #expect(order == urls)
        #expect(hosts.isEmpty)
    }

    @Test("the host's next request waits for the delay, counted from the last start")
    func delayCountsFromLastStart() throws {
        var hosts = scheduler(delay: 1, perHost: 4)
        enqueue(["http://a.test/1", "http://a.test/2"], into: &hosts)
        #expect(started(hosts.next(now: start)) == "http://a.test/1")
        #expect(describe(hosts.next(now: start + .milliseconds(999))) == nil)
        #expect(hosts.nextWakeUp(now: start) == start + .seconds(1))
        #expect(started(hosts.next(now: start + .seconds(1))) == "http://a.test/2")
    }

    @Test("the in-flight limit holds until a request ends")
    func inFlightLimitHolds() throws {
        var hosts = scheduler(delay: 0, perHost: 1)
        enqueue(["http://a.test/1", "http://a.test/2"], into: &hosts)
        let job = try #require(startedJob(hosts.next(now: start)))
        #expect(describe(hosts.next(now: start + .seconds(5))) == nil)
        // A host at its limit needs no timer: the ending transfer wakes the fetcher.
        #expect(hosts.nextWakeUp(now: start) == nil)
        hosts.ended(job)
        #expect(started(hosts.next(now: start + .seconds(5))) == "http://a.test/2")
    }

    @Test("robots.txt goes first and the pages wait for its answer")
    func robotsGoesFirst() throws {
        var hosts = scheduler(delay: 0, perHost: 2, robots: true)
        enqueue(["http://a.test/private/x", "http://a.test/public"], into: &hosts)
        let robots = try #require(startedJob(hosts.next(now: start)))
        #expect(robots.url == "http://a.test:80/robots.txt")
        #expect(describe(hosts.next(now: start)) == nil)
        hosts.ended(robots)
        hosts.learnRobots(
            of: try #require(HostKey(url: "http://a.test/")),
            .known(RobotsPolicy(rules: [.init(allows: false, pattern: "/private")], crawlDelay: nil)))
        guard case .reject(let seed, let error) = hosts.next(now: start) else {
            Issue.record("the disallowed seed was not refused")
            return
        }
        #expect(seed.index == 0)
        #expect(error.code == .robotsDisallowed)
        #expect(started(hosts.next(now: start)) == "http://a.test/public")
        #expect(hosts.isEmpty)
    }

    @Test("a retry waits for its not-before time without holding up the host's other seeds")
    func retryWaitsForItsTime() throws {
        var hosts = scheduler(delay: 0, perHost: 1)
        enqueue(["http://a.test/flaky", "http://a.test/other"], into: &hosts)
        let job = try #require(startedJob(hosts.next(now: start)))
        hosts.ended(job)
        hosts.retry(job, notBefore: start + .seconds(2))
        #expect(started(hosts.next(now: start)) == "http://a.test/other")
        #expect(hosts.waitingCount == 1)
    }

    @Test("hosts are told apart by scheme, host and port", arguments: [
        ("http://a.test/x", "http://A.test:80/y", true),
        ("https://a.test/x", "https://a.test:443/", true),
        ("http://a.test/x", "https://a.test/x", false),
        ("http://a.test/x", "http://a.test:8080/x", false),
        ("http://127.0.0.1/x", "http://127.0.0.2/x", false),
    ])
    func hostKeys(first: String, second: String, same: Bool) {
        #expect((HostKey(url: first) == HostKey(url: second)) == same)
    }

    @Test("file URLs and URLs without a host have no host key", arguments: ["file:///tmp/x.html", "not a url", ""])
    func noHostKey(url: String) {
        #expect(HostKey(url: url) == nil)
    }
}
