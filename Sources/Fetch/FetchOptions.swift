import PipelineModel

/// Settings of the fetch stage.
///
/// The defaults are those of a polite nightly crawler: one request at a time per host, a second
/// between them, robots.txt obeyed, and up to three attempts for answers that may change on retry.
public struct FetchOptions: Sendable {
    /// Transfers in flight at once, over all hosts.
    public var concurrency: Int = 8
    /// Longest a whole transfer may take, in seconds.
    public var timeout: Double = 30
    /// Longest the connection set-up may take, in seconds.
    public var connectTimeout: Double = 10
    /// Seconds without a single byte received after which a transfer is aborted as `stalled`.
    public var stallSeconds: Double = 15
    /// Most redirects followed for one URL.
    public var maxRedirects: Int = 10
    /// Largest decoded body kept; a larger one is a `body_too_large` failure.
    public var maxBodyBytes: Int = 32 << 20

    /// The User-Agent header sent: the tool's name and version.
    public var userAgent: String = "pipeline/0.1.0"
    /// A page about the crawler or a way to reach its operator, appended to the User-Agent as `(+URL)`.
    public var contactURL: String? = nil

    /// Whether the per-host limits below apply; false lets every transfer start as soon as a slot is free.
    public var politeness: Bool = true
    /// Requests in flight at once to one host (scheme, host and port).
    public var perHostConcurrency: Int = 1
    /// Least time, in seconds, between the starts of two requests to one host.
    public var perHostDelay: Double = 1.0

    /// Whether each host's robots.txt is fetched first and obeyed; `file://` seeds never need it.
    public var respectRobots: Bool = true
    /// The longest robots.txt `Crawl-delay` obeyed, in seconds; a longer one is cut to this.
    public var crawlDelayCap: Double = 30

    /// Attempts per URL, the first included; 1 turns retries off.
    public var maxAttempts: Int = 3
    /// The backoff before the first retry, in seconds; it doubles for each later one, and a random
    /// fraction of it ("full jitter") is what is actually waited.
    public var retryBaseDelay: Double = 1
    /// The longest `Retry-After` obeyed, in seconds; a server asking for longer gets no retry.
    public var retryAfterCap: Double = 120

    /// Creates the default settings.
    public init() {}

    /// The User-Agent header as sent: ``userAgent`` followed by `(+contactURL)` when there is one.
    public var userAgentHeader: String {
        guard let contactURL, !contactURL.isEmpty else { return userAgent }
        return "\(userAgent) (+\(contactURL))"
    }

    /// The product token that robots.txt groups are matched against: the User-Agent up to its first
    /// `/` or space (`pipeline` for `pipeline/0.1.0`).
    public var robotsProductToken: String {
        String(userAgent.prefix { $0 != "/" && $0 != " " })
    }

    /// Requests in flight per host that the scheduler allows.
    var hostConcurrencyLimit: Int {
        politeness ? max(1, perHostConcurrency) : Int.max
    }

    /// The gap between two request starts to one host, before any Crawl-delay.
    var hostDelay: Double {
        politeness ? max(0, perHostDelay) : 0
    }
}

/// What an earlier run kept about a page, so that an unchanged page can be answered with `304 Not Modified`.
public struct CacheValidators: Sendable, Hashable {
    /// The `ETag` header of the earlier answer, sent back as `If-None-Match`.
    public var etag: String?
    /// The `Last-Modified` header of the earlier answer, sent back as `If-Modified-Since`.
    public var lastModified: String?

    /// Creates validators from the headers of an earlier answer.
    public init(etag: String? = nil, lastModified: String? = nil) {
        self.etag = etag
        self.lastModified = lastModified
    }

    /// The conditional request headers these validators call for.
    /// A value with a line break is dropped: sent as is, it would smuggle in a header of its own.
    var requestHeaders: [String] {
        func usable(_ value: String?) -> String? {
            guard let value, !value.isEmpty, !value.contains(where: \.isNewline) else { return nil }
            return value
        }
        var lines: [String] = []
        if let etag = usable(etag) { lines.append("If-None-Match: \(etag)") }
        if let lastModified = usable(lastModified) { lines.append("If-Modified-Since: \(lastModified)") }
        return lines
    }
}
