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

    /// The URL a `.start` action would fetch, nil for anything else.
    private func started(_ action: SchedulerAction?) -> String? {
        if case .start(let job) = action { return job.url }
        return nil
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
        for (index, url) in ["http://a.test/1", "http://a.test/2", "http://b.test/1"].enumerated() {
            hosts.enqueue(Seed(index: index, url: url))
        }
        let first = started(hosts.next(now: start))
        let second = started(hosts.next(now: start))
        #expect(Set([first, second]) == ["http://a.test/1", "http://b.test/1"])
        #expect(describe(hosts.next(now: start)) == nil)
        #expect(hosts.waitingCount == 1)
    }

    @Test("the host's next request waits for the delay, counted from the last start")
    func delayCountsFromLastStart() throws {
        var hosts = scheduler(delay: 1, perHost: 4)
        hosts.enqueue(Seed(index: 0, url: "http://a.test/1"))
        hosts.enqueue(Seed(index: 1, url: "http://a.test/2"))
        #expect(started(hosts.next(now: start)) == "http://a.test/1")
        #expect(hosts.next(now: start + .milliseconds(999)) == nil)
        #expect(hosts.nextWakeUp(now: start) == start + .seconds(1))
        #expect(started(hosts.next(now: start + .seconds(1))) == "http://a.test/2")
    }

    @Test("the in-flight limit holds until a request ends")
    func inFlightLimitHolds() throws {
        var hosts = scheduler(delay: 0, perHost: 1)
        hosts.enqueue(Seed(index: 0, url: "http://a.test/1"))
        hosts.enqueue(Seed(index: 1, url: "http://a.test/2"))
        guard case .start(let job) = hosts.next(now: start) else {
            Issue.record("the first request did not start")
            return
        }
        #expect(hosts.next(now: start + .seconds(5)) == nil)
        // A host at its limit needs no timer: the ending transfer wakes the fetcher.
        #expect(hosts.nextWakeUp(now: start) == nil)
        hosts.ended(job)
        #expect(started(hosts.next(now: start + .seconds(5))) == "http://a.test/2")
    }

    @Test("robots.txt goes first and the pages wait for its answer")
    func robotsGoesFirst() {
        var hosts = scheduler(delay: 0, perHost: 2, robots: true)
        hosts.enqueue(Seed(index: 0, url: "http://a.test/private/x"))
        hosts.enqueue(Seed(index: 1, url: "http://a.test/public"))
        guard case .start(let robots) = hosts.next(now: start) else {
            Issue.record("robots.txt did not start")
            return
        }
        #expect(robots.url == "http://a.test:80/robots.txt")
        #expect(describe(hosts.next(now: start)) == nil)
        hosts.ended(robots)
        hosts.learnRobots(
            of: HostKey(url: "http://a.test/")!,
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
    func retryWaitsForItsTime() {
        var hosts = scheduler(delay: 0, perHost: 1)
        hosts.enqueue(Seed(index: 0, url: "http://a.test/flaky"))
        hosts.enqueue(Seed(index: 1, url: "http://a.test/other"))
        guard case .start(let job) = hosts.next(now: start) else {
            Issue.record("the first request did not start")
            return
        }
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
