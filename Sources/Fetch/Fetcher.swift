import CCurl
import Foundation
import Logging
import PipelineModel

/// Settings of the fetch stage.
public struct FetchOptions: Sendable {
    /// Transfers in flight at once.
    public var concurrency: Int = 8
    /// Longest a whole transfer may take, in seconds.
    public var timeout: Double = 30
    /// Longest the connection set-up may take, in seconds.
    public var connectTimeout: Double = 10
    /// Most redirects followed for one URL.
    public var maxRedirects: Int = 10
    /// Largest decoded body kept; a larger one is a `body_too_large` failure.
    public var maxBodyBytes: Int = 32 << 20
    /// The User-Agent header sent.
    public var userAgent: String = "pipeline/0.1"

    public init() {}
}

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

/// Fetches seeds with libcurl, several transfers at once.
public final class Fetcher: Sendable {
    public let options: FetchOptions
    let logger: Logger

    public init(options: FetchOptions = FetchOptions(), logger: Logger = Logger(label: "pipeline.fetch")) {
        self.options = options
        self.logger = logger
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

    /// Fetches every seed received from `input` until it is finished, with up to `options.concurrency`
    /// transfers in flight, and hands each outcome to `deliver` on the calling thread.
    ///
    /// New seeds are taken without waiting while transfers run, and waited for when none run.
    /// `deliver` may block; transfers in flight wait meanwhile.
    public func run(input: BoundedQueue<Seed>, deliver: (FetchOutcome) -> Void) {
        Self.initialize()
        guard let driver = MultiDriver() else {
            logger.error("libcurl could not create a multi handle; every seed fails")
            while let seed = input.receive() {
                let error = FetchError(
                    code: .transferFailed, url: seed.url,
                    message: "Could not fetch \(seed.url): libcurl could not create a transfer loop.")
                deliver(.failure(error.failure(for: seed)))
            }
            return
        }
        let slots = max(1, options.concurrency)
        var inputFinished = false
        while true {
            // Fill free slots: wait for a seed only when nothing else is going on.
            fill: while !inputFinished, driver.count < slots {
                let next: QueuePoll<Seed> =
                    driver.count == 0 ? input.receive().map { .item($0) } ?? .finished : input.poll()
                switch next {
                case .item(let seed):
                    if let error = start(seed, on: driver) {
                        deliver(.failure(error.failure(for: seed)))
                    }
                case .empty:
                    break fill
                case .finished:
                    inputFinished = true
                }
            }
            if driver.count == 0 {
                if inputFinished { return }
                continue
            }
            // With free slots, come back soon to look for new seeds; otherwise only network events matter.
            let wait: Int32 = inputFinished || driver.count >= slots ? 1000 : 20
            for (transfer, report) in driver.step(timeoutMilliseconds: wait) {
                deliver(outcome(of: transfer, report: report))
            }
        }
    }

    /// Creates, configures and starts the transfer of one seed; an error if any step fails.
    private func start(_ seed: Seed, on driver: MultiDriver) -> FetchError? {
        guard let transfer = EasyTransfer(seed: seed, options: options) else {
            return FetchError(
                code: .transferFailed, url: seed.url,
                message: "Could not fetch \(seed.url): libcurl could not create a transfer handle.")
        }
        if let error = transfer.configure(options: options) { return error }
        logger.debug("fetching", metadata: ["url": "\(seed.url)", "index": "\(seed.index)"])
        return driver.start(transfer)
    }

    /// Turns an ended transfer into a page or a failure record.
    private func outcome(of transfer: EasyTransfer, report: TransferReport) -> FetchOutcome {
        if let error = FetchError(report, options: options) {
            logger.debug("fetch failed", metadata: ["url": "\(report.url)", "error": "\(error.code.rawValue)"])
            return .failure(error.failure(for: transfer.seed))
        }
        // libcurl reports no status for a file it read; a readable file counts as found.
        let status = report.scheme == "file" && report.status == 0 ? 200 : report.status
        let page = FetchedPage(
            seed: transfer.seed, finalURL: report.effectiveURL, status: status, headers: transfer.headers,
            body: transfer.body, fetchedAt: Date(), duration: report.totalSeconds)
        return .page(page)
    }
}
