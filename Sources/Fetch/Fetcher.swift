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
}

/// Fetches seeds with libcurl, several transfers at once.
public final class Fetcher: Sendable {
    public let options: FetchOptions
    let logger: Logger

    public init(options: FetchOptions = FetchOptions(), logger: Logger = Logger(label: "pipeline.fetch")) {
        self.options = options
        self.logger = logger
    }

    /// Initialises libcurl; call once per process before any transfer.
    public static func initialize() {}

    /// Fetches every seed received from `input` until it is finished, with up to `options.concurrency`
    /// transfers in flight, and hands each outcome to `deliver` on the calling thread.
    public func run(input: BoundedQueue<Seed>, deliver: (FetchOutcome) -> Void) {
        // Implemented in the Fetch stage work.
        while let seed = input.receive() {
            deliver(.failure(Failure(seed: seed, stage: .fetch, error: "not_implemented", message: "Fetching is not implemented yet.")))
        }
    }
}
