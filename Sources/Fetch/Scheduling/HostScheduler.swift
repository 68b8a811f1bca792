import PipelineModel

/// One request the fetcher still has to make: a seed's page or a host's robots.txt.
struct FetchJob {
    enum Kind {
        case page(Seed)
        case robots(HostKey)
    }

    var kind: Kind
    /// The URL requested.
    var url: String
    /// The host the request counts against; nil for `file://` and URLs without a usable host.
    var host: HostKey?
    /// Attempts made so far; the next one is `attempts + 1`.
    var attempts = 0
    /// The earliest moment the next attempt may start (a retry's backoff).
    var notBefore: ContinuousClock.Instant?
    /// The redirect responses followed to reach `url` from the seed's URL, oldest first.
    var redirects: [FetchedPage] = []
}

/// What the scheduler asks the fetcher to do next.
enum SchedulerAction {
    /// Start this request now.
    case start(FetchJob)
    /// Give up on this seed without a request: robots.txt forbids it or could not be had.
    case reject(Seed, FetchError)
}

/// Decides which request starts next so that no host gets more than its share.
///
/// Every host has its own queue of waiting requests, so a host that must wait (busy, too soon since its
/// last request, robots.txt not yet known, a retry's backoff) never holds up the others.
/// A host's robots.txt is its first request; its pages wait until the answer is known.
///
/// Not thread-safe: owned by one ``Fetcher/run(input:deliver:)`` call.
struct HostScheduler {
    /// What robots.txt says about one host, as far as it is known.
    enum RobotsState {
        /// Robots are not obeyed in this run.
        case ignored
        /// The robots.txt request has not ended yet.
        case pending
        case known(RobotsPolicy)
        /// The robots.txt could not be had (5xx, unreachable): every page of the host is refused,
        /// with this sentence as the reason.
        case unavailable(String)
    }

    /// Everything the run knows about one host. Kept for the whole run, so that robots.txt is fetched
    /// once and the delay holds even when the host's queue runs empty in between.
    ///
    /// A class so that the queue is changed in place: a struct taken out of the dictionary and put back
    /// would copy the queue on every change.
    private final class HostState {
        var queue: [FetchJob] = []
        /// The robots.txt request while it waits to start (or to be retried).
        var robotsJob: FetchJob?
        var robots: RobotsState
        var inFlight = 0
        var lastStart: ContinuousClock.Instant?
        /// The gap between request starts: the configured delay, raised by a Crawl-delay.
        var delay: Double

        init(robots: RobotsState, delay: Double) {
            self.robots = robots
            self.delay = delay
        }
    }

    private let concurrencyLimit: Int
    private let baseDelay: Double
    private let respectRobots: Bool
    private let crawlDelayCap: Double
    private let productToken: String

    private var hosts: [HostKey: HostState] = [:]
    /// Hosts with a request waiting, so that a long run's many idle hosts are not scanned.
    private var hostsWithWork: Set<HostKey> = []
    /// Requests without a host (`file://`, unparsable URLs): no politeness applies to them.
    private var unhosted: [FetchJob] = []
    /// Seeds robots.txt has ruled out, with their reason, waiting to be handed back.
    private var refused: [(Seed, FetchError)] = []

    /// Seeds taken from the input and not yet finished or started, retries included.
    private(set) var waitingCount = 0

    init(options: FetchOptions) {
        concurrencyLimit = options.hostConcurrencyLimit
        baseDelay = options.hostDelay
        respectRobots = options.respectRobots
        crawlDelayCap = max(0, options.crawlDelayCap)
        productToken = options.robotsProductToken
    }

    /// Whether nothing waits to start.
    var isEmpty: Bool { waitingCount == 0 }

    /// Queues a new seed behind the others of its host; the host's first seed also queues its robots.txt.
    mutating func enqueue(_ seed: Seed) {
        add(FetchJob(kind: .page(seed), url: seed.url, host: HostKey(url: seed.url)))
    }

    /// Queues the request for the target of `response`, a redirect, which waits for its host's robots.txt,
    /// delay and in-flight limit like a seed of that host.
    mutating func follow(_ job: FetchJob, to url: String, after response: FetchedPage) {
        add(FetchJob(kind: job.kind, url: url, host: HostKey(url: url), redirects: job.redirects + [response]))
    }

    private mutating func add(_ job: FetchJob) {
        guard case .page(let seed) = job.kind else { return }
        waitingCount += 1
        guard let host = job.host else {
            unhosted.append(job)
            return
        }
        let state: HostState
        if let known = hosts[host] {
            state = known
        } else {
            state = HostState(robots: respectRobots ? .pending : .ignored, delay: baseDelay)
            if respectRobots {
                state.robotsJob = FetchJob(kind: .robots(host), url: host.robotsURL, host: host)
            }
            hosts[host] = state
        }
        // Judged once, here or when robots.txt arrives, rather than each time the host is looked at.
        if let refusal = refusal(of: job.url, host: host, robots: state.robots) {
            refused.append((seed, refusal))
            return
        }
        state.queue.append(job)
        hostsWithWork.insert(host)
    }

    /// Takes every waiting request out, for a run that is stopping, and returns the seeds of the
    /// page requests among them in seed order. Seeds already refused by robots.txt stay to be handed back.
    mutating func removeAllWaiting() -> [Seed] {
        var seeds: [Seed] = []
        for job in unhosted + hosts.values.flatMap(\.queue) {
            if case .page(let seed) = job.kind { seeds.append(seed) }
        }
        unhosted = []
        for state in hosts.values {
            state.queue = []
            state.robotsJob = nil
        }
        hostsWithWork = []
        waitingCount -= seeds.count
        return seeds.sorted { $0.index < $1.index }
    }

    /// Puts a job back to be tried again, not before `notBefore`; it keeps its place among the waiting.
    mutating func retry(_ job: FetchJob, notBefore: ContinuousClock.Instant) {
        var job = job
        job.notBefore = notBefore
        if case .robots(let host) = job.kind {
            hosts[host]?.robotsJob = job
            hostsWithWork.insert(host)
            return
        }
        waitingCount += 1
        guard let host = job.host else {
            unhosted.append(job)
            return
        }
        hosts[host]?.queue.append(job)
        hostsWithWork.insert(host)
    }

    /// Records that a started request has ended, so that its host may have another.
    mutating func ended(_ job: FetchJob) {
        guard let host = job.host else { return }
        hosts[host]?.inFlight -= 1
    }

    /// Records the host's robots.txt: a policy to obey, or the reason the whole host is refused.
    mutating func learnRobots(of host: HostKey, _ robots: RobotsState) {
        guard let state = hosts[host] else { return }
        state.robots = robots
        if case .known(let policy) = robots, let crawlDelay = policy.crawlDelay {
            state.delay = max(state.delay, min(crawlDelay, crawlDelayCap))
        }
        var kept: [FetchJob] = []
        for job in state.queue {
            if case .page(let seed) = job.kind, let refusal = refusal(of: job.url, host: host, robots: robots) {
                refused.append((seed, refusal))
            } else {
                kept.append(job)
            }
        }
        state.queue = kept
    }

    /// Why robots.txt rules the URL out, or nil if it may be fetched (or robots.txt is not known yet).
    private func refusal(of url: String, host: HostKey, robots: RobotsState) -> FetchError? {
        switch robots {
        case .unavailable(let reason):
            return FetchError(code: .robotsDisallowed, url: url, message: reason)
        case .known(let policy) where !policy.allows(HostKey.robotsPath(of: url)):
            let message =
                "The robots.txt of \(host) disallows \(url) for the user agent '\(productToken)'; "
                + "it was not fetched."
            return FetchError(code: .robotsDisallowed, url: url, message: message)
        default:
            return nil
        }
    }

    /// The next thing to do at `now`, or nil if every waiting request must wait longer.
    ///
    /// A `.start` counts as started: the host's in-flight count and last start move on.
    /// With `slotFree` false only refusals come back: they need no transfer slot.
    mutating func next(now: ContinuousClock.Instant, slotFree: Bool = true) -> SchedulerAction? {
        // Refusals need no request, so neither a delay nor an in-flight limit holds them back.
        if !refused.isEmpty {
            let (seed, error) = refused.removeFirst()
            waitingCount -= 1
            return .reject(seed, error)
        }
        guard slotFree else { return nil }
        if let index = unhosted.firstIndex(where: { isDue($0, now) }) {
            waitingCount -= 1
            return .start(unhosted.remove(at: index))
        }
        // The oldest request that may start, whichever its host, as curl --parallel does: outputs are
        // written in seed order, so a seed fetched ahead of older ones only waits for them, holding a
        // place in the window meanwhile; and taking one host's requests in a burst opened connections
        // to it that an even spread over the hosts never needs.
        var oldest: (state: HostState, rank: Int)?
        var idle: [HostKey] = []
        for host in hostsWithWork {
            guard let state = hosts[host], !state.queue.isEmpty || state.robotsJob != nil else {
                idle.append(host)
                continue
            }
            if let rank = rank(of: state, now: now), rank < oldest?.rank ?? Int.max {
                oldest = (state, rank)
            }
        }
        for host in idle { hostsWithWork.remove(host) }
        return oldest.flatMap { next(of: $0.state, now: now) }
    }

    /// Where the host's next request stands among those that may start at `now`, lowest first: its
    /// seed's index, or below every seed for a robots.txt, which the host's pages wait for. Nil if the
    /// host must wait.
    private func rank(of state: HostState, now: ContinuousClock.Instant) -> Int? {
        guard mayStart(state, now) else { return nil }
        if case .pending = state.robots {
            guard let robotsJob = state.robotsJob, isDue(robotsJob, now) else { return nil }
            return Int.min
        }
        guard let job = state.queue.first(where: { isDue($0, now) }), case .page(let seed) = job.kind else { return nil }
        return seed.index
    }

    /// The next action for one host, if it has one now.
    private mutating func next(of state: HostState, now: ContinuousClock.Instant) -> SchedulerAction? {
        if case .pending = state.robots {
            guard let robotsJob = state.robotsJob, isDue(robotsJob, now), mayStart(state, now) else { return nil }
            state.robotsJob = nil
            markStarted(state, now)
            return .start(robotsJob)
        }
        guard mayStart(state, now), let index = state.queue.firstIndex(where: { isDue($0, now) }) else { return nil }
        waitingCount -= 1
        markStarted(state, now)
        return .start(state.queue.remove(at: index))
    }

    /// The earliest moment at which a waiting request could start, if it is only waiting for time to pass.
    ///
    /// Hosts at their in-flight limit or waiting for robots.txt are left out: an ending transfer wakes the fetcher.
    func nextWakeUp(now: ContinuousClock.Instant) -> ContinuousClock.Instant? {
        var earliest: ContinuousClock.Instant?
        func consider(_ moment: ContinuousClock.Instant) {
            earliest = earliest.map { min($0, moment) } ?? moment
        }
        for job in unhosted { consider(job.notBefore ?? now) }
        for host in hostsWithWork {
            guard let state = hosts[host], state.inFlight < concurrencyLimit else { continue }
            var due: ContinuousClock.Instant?
            if case .pending = state.robots {
                due = state.robotsJob.map { $0.notBefore ?? now }
            } else {
                for job in state.queue {
                    let moment = job.notBefore ?? now
                    due = due.map { min($0, moment) } ?? moment
                }
            }
            guard let due else { continue }
            let allowed = state.lastStart.map { $0 + .seconds(state.delay) } ?? due
            consider(max(due, allowed))
        }
        return earliest
    }

    private func isDue(_ job: FetchJob, _ now: ContinuousClock.Instant) -> Bool {
        job.notBefore.map { $0 <= now } ?? true
    }

    /// Whether the host may have one more request in flight at `now`.
    private func mayStart(_ state: HostState, _ now: ContinuousClock.Instant) -> Bool {
        guard state.inFlight < concurrencyLimit else { return false }
        guard let lastStart = state.lastStart else { return true }
        return now >= lastStart + .seconds(state.delay)
    }

    private func markStarted(_ state: HostState, _ now: ContinuousClock.Instant) {
        state.inFlight += 1
        state.lastStart = now
    }
}
