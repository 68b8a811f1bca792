import CCurl
import Foundation
import Logging
import PipelineModel

/// What fetching one seed gave: a page, or a failure record.
public enum FetchOutcome: Sendable {
    case page(FetchedPage)
    case failure(Failure)

    /// The seed this outcome answers.
    public var seed: Seed {
        switch self {
        case .page(let page): page.seed
        case .failure(let failure): failure.seed
        }
    }
}

/// Fetches seeds with libcurl, several transfers at once, politely: per-host limits, robots.txt and retries.
public final class Fetcher: Sendable {
    /// The settings this fetcher runs with.
    public let options: FetchOptions
    let logger: Logger
    /// The validators of an earlier run's copy of a seed's page, for conditional requests.
    let validators: (@Sendable (Seed) -> CacheValidators?)?
    /// Asked between transfers; once it says true, requests not yet started are handed back as
    /// `interrupted` failures and transfers in flight are finished.
    let shouldStop: (@Sendable () -> Bool)?

    /// Creates a fetcher; `validators`, when given, is asked once per page request for what an earlier run
    /// kept, and a page that has not changed comes back as a `.page` with status 304 and an empty body.
    /// `shouldStop`, when given, lets a run stop cleanly (SIGINT, SIGTERM).
    public init(
        options: FetchOptions = FetchOptions(), logger: Logger = Logger(label: "pipeline.fetch"),
        validators: (@Sendable (Seed) -> CacheValidators?)? = nil, shouldStop: (@Sendable () -> Bool)? = nil
    ) {
        self.options = options
        self.logger = logger
        self.validators = validators
        self.shouldStop = shouldStop
    }

    /// The failure of a seed that a stopping run did not start.
    public static func interrupted(_ seed: Seed) -> Failure {
        Failure(
            seed: seed, stage: .fetch, error: "interrupted",
            message: "The run was stopped before \(seed.url) was fetched; run again to fetch it.", attempts: 0)
    }

    /// Runs `curl_global_init` once per process; later calls return the first call's answer.
    ///
    /// Call it before any queue or thread starts: `curl_global_init` is not thread-safe.
    @discardableResult
    public static func initialize() -> Bool {
        globalInitSucceeded
    }

    /// A `static let` runs its initialiser exactly once, however many threads ask.
    private static let globalInitSucceeded: Bool = curl_global_init(Int(CURL_GLOBAL_ALL)) == CURLE_OK

    /// robots.txt files are cut to this size: RFC 9309 asks crawlers to read at least 500 KiB of one.
    static let robotsBodyLimit = 512 << 10

    /// Fetches every seed received from `input` until it is finished, with up to `options.concurrency`
    /// transfers in flight, and hands each outcome to `deliver` on the calling thread.
    ///
    /// Seeds are taken without waiting while transfers run, and waited for when nothing else is going on;
    /// at most four seeds per transfer slot wait inside the fetcher for their host, so the input's
    /// backpressure still holds. `deliver` may block; transfers in flight wait meanwhile.
    public func run(input: BoundedQueue<Seed>, deliver: (FetchOutcome) -> Void) {
        Self.initialize()
        guard let driver = MultiDriver(spareHandles: max(1, options.concurrency)) else {
            logger.error("libcurl could not create a multi handle; every seed fails")
            while let seed = input.receive() {
                let error = FetchError(
                    code: .transferFailed, url: seed.url,
                    message: "Could not fetch \(seed.url): libcurl could not create a transfer loop.")
                deliver(.failure(error.failure(for: seed)))
            }
            return
        }
        // The run lives only inside this call, so `deliver` never outlives it.
        withoutActuallyEscaping(deliver) { deliver in
            var run = FetchRun(fetcher: self, driver: driver, deliver: deliver)
            run.loop(input: input)
        }
    }
}

/// The state of one ``Fetcher/run(input:deliver:)`` call: the scheduler and the requests in flight.
private struct FetchRun {
    let fetcher: Fetcher
    let driver: MultiDriver
    let deliver: (FetchOutcome) -> Void
    var scheduler: HostScheduler
    let retries: RetryPolicy
    /// The job behind each transfer in flight.
    var running: [ObjectIdentifier: FetchJob] = [:]
    let slots: Int
    /// Seeds waiting inside the fetcher before it stops taking new ones.
    let waitingLimit: Int

    init(fetcher: Fetcher, driver: MultiDriver, deliver: @escaping (FetchOutcome) -> Void) {
        self.fetcher = fetcher
        self.driver = driver
        self.deliver = deliver
        scheduler = HostScheduler(options: fetcher.options)
        retries = RetryPolicy(options: fetcher.options)
        slots = max(1, fetcher.options.concurrency)
        waitingLimit = 4 * slots
    }

    var options: FetchOptions { fetcher.options }

    mutating func loop(input: BoundedQueue<Seed>) {
        var inputFinished = false
        var stopping = false
        while true {
            if !stopping, fetcher.shouldStop?() == true {
                stopping = true
                for seed in scheduler.removeAllWaiting() { deliver(.failure(Fetcher.interrupted(seed))) }
            }
            // Take new seeds while there is room; wait for one only when nothing else is going on.
            take: while !inputFinished, scheduler.waitingCount < waitingLimit {
                let idle = driver.count == 0 && scheduler.isEmpty
                let next: QueuePoll<Seed> = idle ? input.receive().map { .item($0) } ?? .finished : input.poll()
                switch next {
                case .item(let seed) where stopping: deliver(.failure(Fetcher.interrupted(seed)))
                case .item(let seed): scheduler.enqueue(seed)
                case .empty: break take
                case .finished: inputFinished = true
                }
            }
            startDueJobs()
            if driver.count == 0, scheduler.isEmpty {
                if inputFinished { return }
                continue
            }
            // With free slots, come back soon to look for new seeds; otherwise only network events and the
            // moment the next waiting request may start matter.
            let slotsFull = driver.count >= slots
            var wait = inputFinished || slotsFull ? 1.0 : 0.02
            // A waiting request matters only if a slot is free for it; otherwise an ending transfer wakes us.
            if !slotsFull, let wakeUp = scheduler.nextWakeUp(now: .now) {
                wait = min(wait, max(0, (wakeUp - .now).seconds))
            }
            if driver.count == 0 {
                // Nothing in flight: sleep until a host is free, unless a new seed comes first.
                if !inputFinished, scheduler.waitingCount < waitingLimit {
                    switch input.receive(timeout: wait) {
                    case .item(let seed): scheduler.enqueue(seed)
                    case .finished: inputFinished = true
                    case .empty: break
                    }
                } else if wait > 0 {
                    Thread.sleep(forTimeInterval: wait)
                }
                continue
            }
            for (transfer, report) in driver.step(timeoutMilliseconds: Int32((wait * 1000).rounded(.up))) {
                ended(transfer, report: report)
            }
        }
    }

    /// Starts every request that may start now, and hands on the seeds robots.txt refuses.
    private mutating func startDueJobs() {
        let now = ContinuousClock.now
        while let action = scheduler.next(now: now, slotFree: driver.count < slots) {
            switch action {
            case .start(let job):
                start(job)
            case .reject(let seed, let error):
                fetcher.logger.debug("robots.txt refuses", metadata: ["url": "\(seed.url)"])
                deliver(.failure(error.failure(for: seed, attempts: 0)))
            }
        }
    }

    /// Creates, configures and starts the transfer of one job; a failure to do so ends the job at once.
    private mutating func start(_ job: FetchJob) {
        var job = job
        job.attempts += 1
        var headers: [String] = []
        if case .page(let seed) = job.kind, let validators = fetcher.validators?(seed) {
            headers = validators.requestHeaders
        }
        let limit = if case .robots = job.kind { Fetcher.robotsBodyLimit } else { options.maxBodyBytes }
        guard let transfer = EasyTransfer(url: job.url, maxBodyBytes: limit, pool: driver.handles) else {
            let error = FetchError(
                code: .transferFailed, url: job.url,
                message: "Could not fetch \(job.url): libcurl could not create a transfer handle.")
            return notStarted(job, error)
        }
        // Page redirects come back here, to be scheduled like any request; robots.txt redirects are
        // followed inside libcurl, as RFC 9309 asks.
        let followRedirects = if case .robots = job.kind { true } else { false }
        if let error = transfer.configure(options: options, headers: headers, followRedirects: followRedirects) {
            return notStarted(job, error)
        }
        if let error = driver.start(transfer) { return notStarted(job, error) }
        fetcher.logger.debug("fetching", metadata: ["url": "\(job.url)", "attempt": "\(job.attempts)"])
        running[ObjectIdentifier(transfer)] = job
    }

    /// A job whose transfer could not even start: its host is free again and the job fails for good.
    private mutating func notStarted(_ job: FetchJob, _ error: FetchError) {
        scheduler.ended(job)
        switch job.kind {
        case .page(let seed):
            deliver(.failure(error.failure(for: seed, attempts: job.attempts)))
        case .robots(let host):
            scheduler.learnRobots(of: host, .unavailable(Self.robotsUnavailable(host, because: error.message)))
        }
    }

    /// Judges an ended transfer: a page or failure for a seed, a policy for a robots.txt, or another attempt.
    private mutating func ended(_ transfer: EasyTransfer, report: TransferReport) {
        guard let job = running.removeValue(forKey: ObjectIdentifier(transfer)) else { return }
        scheduler.ended(job)
        switch job.kind {
        case .page(let seed):
            if let target = Self.redirectTarget(report) {
                return follow(job, of: seed, to: target, response: page(of: seed, transfer: transfer, report: report))
            }
            guard var error = FetchError(report, options: options) else {
                deliver(.page(page(of: seed, transfer: transfer, report: report, after: job.redirects)))
                return
            }
            if !job.redirects.isEmpty { error.message += " It was reached by a redirect from \(seed.url)." }
            switch retries.decide(report, attempt: job.attempts) {
            case .retry(let seconds):
                fetcher.logger.debug(
                    "retrying", metadata: ["url": "\(seed.url)", "error": "\(error.code.rawValue)", "after": "\(seconds)"])
                scheduler.retry(job, notBefore: .now + .seconds(seconds))
            case .giveUp(let note):
                if let note { error.message += " " + note }
                fetcher.logger.debug("fetch failed", metadata: ["url": "\(seed.url)", "error": "\(error.code.rawValue)"])
                deliver(.failure(error.failure(for: seed, attempts: job.attempts)))
            }
        case .robots(let host):
            robotsEnded(host, job: job, transfer: transfer, report: report)
        }
    }

    /// The absolute URL a page response redirects to, or nil if it is not a redirect to follow.
    private static func redirectTarget(_ report: TransferReport) -> String? {
        guard report.result == CURLE_OK, [301, 302, 303, 307, 308].contains(report.status) else { return nil }
        return report.redirectURL
    }

    /// Schedules the redirect's target for the seed, or ends the seed when the redirect may not be followed:
    /// too many of them, or a target that is not http or https (even when the seed was a `file://` URL).
    private mutating func follow(_ job: FetchJob, of seed: Seed, to target: String, response: FetchedPage) {
        let scheme = URLComponents(string: target)?.scheme?.lowercased()
        let refusal: FetchError? =
            if job.redirects.count >= options.maxRedirects {
                FetchError(
                    code: .tooManyRedirects, url: seed.url,
                    message: "Stopped following redirects for \(seed.url) after \(options.maxRedirects) redirects "
                        + "(the last from \(job.url) to \(target)); the site may redirect in a loop.")
            } else if scheme != "http" && scheme != "https" {
                FetchError(
                    code: .redirectNotAllowed, url: seed.url,
                    message: "Refused the redirect from \(job.url) to '\(target)': "
                        + "redirects may only lead to http or https URLs.")
            } else {
                nil
            }
        if let refusal {
            deliver(.failure(refusal.failure(for: seed, attempts: job.attempts)))
            return
        }
        fetcher.logger.debug("redirected", metadata: ["url": "\(job.url)", "to": "\(target)"])
        scheduler.follow(job, to: target, after: response)
    }

    /// Reads a robots.txt answer as RFC 9309 says: 2xx gives rules, 4xx (and a redirect chain too long to
    /// follow) allows everything, 5xx and network failures refuse the host after the usual retries.
    private mutating func robotsEnded(_ host: HostKey, job: FetchJob, transfer: EasyTransfer, report: TransferReport) {
        let token = options.robotsProductToken
        switch (report.result, report.status) {
        case (CURLE_OK, 200..<300):
            scheduler.learnRobots(of: host, .known(RobotsPolicy(parsing: transfer.body, productToken: token)))
        case (CURLE_WRITE_ERROR, _) where report.bodyTooLarge:
            // A longer file is read up to the limit, as the RFC allows.
            scheduler.learnRobots(of: host, .known(RobotsPolicy(parsing: transfer.body, productToken: token)))
        case (CURLE_OK, let status) where status < 500 && status != 429:
            // 429 is the one 4xx that says "not now" rather than "not here": it is treated like a 5xx.
            scheduler.learnRobots(of: host, .known(.allowAll))
        case (CURLE_TOO_MANY_REDIRECTS, _):
            scheduler.learnRobots(of: host, .known(.allowAll))
        default:
            if case .retry(let seconds) = retries.decide(report, attempt: job.attempts) {
                scheduler.retry(job, notBefore: .now + .seconds(seconds))
                return
            }
            let reason =
                FetchError(report, options: options)?.message
                ?? "Fetching \(host.robotsURL) failed with status \(report.status)."
            scheduler.learnRobots(of: host, .unavailable(Self.robotsUnavailable(host, because: reason)))
        }
        fetcher.logger.debug("robots.txt read", metadata: ["host": "\(host)", "status": "\(report.status)"])
    }

    /// The sentence that every refused page of a host without a usable robots.txt carries.
    private static func robotsUnavailable(_ host: HostKey, because reason: String) -> String {
        "The robots.txt of \(host) could not be read, so the host is not crawled in this run: \(reason)"
    }

    /// The page of a transfer that ended well, reached through the `redirects` responses.
    private func page(
        of seed: Seed, transfer: EasyTransfer, report: TransferReport, after redirects: [FetchedPage] = []
    ) -> FetchedPage {
        // libcurl reports no status for a file it read; a readable file counts as found.
        let status = report.scheme == "file" && report.status == 0 ? 200 : report.status
        return FetchedPage(
            seed: seed, finalURL: report.effectiveURL, status: status, headers: transfer.headers,
            body: transfer.body, fetchedAt: Date(), duration: report.totalSeconds, redirects: redirects)
    }
}

extension Duration {
    /// The duration in seconds, as a `Double`.
    fileprivate var seconds: Double {
        let (whole, fraction) = components
        return Double(whole) + Double(fraction) / 1e18
    }
}
