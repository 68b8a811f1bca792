import Foundation

/// One HTTP (or file) header as received, in the order received.
public struct HTTPHeader: Sendable, Hashable, Codable {
    public var name: String
    public var value: String

    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}

/// A response as the fetch stage got it: status, headers, final URL and the decoded body bytes.
public struct FetchedPage: Sendable {
    /// The seed this page answers.
    public var seed: Seed
    /// The URL after redirects.
    public var finalURL: String
    /// HTTP status of the last response (200 for a `file://` URL that was read).
    public var status: Int
    /// Headers of the last response.
    public var headers: [HTTPHeader]
    /// The body after content decoding (gzip, br, zstd), at most the configured cap.
    public var body: [UInt8]
    /// When the transfer finished.
    public var fetchedAt: Date
    /// How long the transfer took, in seconds.
    public var duration: Double
    /// The redirect responses that led to this one, oldest first; each has its own URL as `finalURL`.
    public var redirects: [FetchedPage]

    public init(
        seed: Seed, finalURL: String, status: Int, headers: [HTTPHeader], body: [UInt8],
        fetchedAt: Date, duration: Double, redirects: [FetchedPage] = []
    ) {
        self.seed = seed
        self.finalURL = finalURL
        self.status = status
        self.headers = headers
        self.body = body
        self.fetchedAt = fetchedAt
        self.duration = duration
        self.redirects = redirects
    }

    /// The value of the last header with this name, compared case-insensitively.
    public func header(_ name: String) -> String? {
        let wanted = name.lowercased()
        return headers.last { $0.name.lowercased() == wanted }?.value
    }

    /// The `Content-Type` header, if any.
    public var contentType: String? { header("Content-Type") }
}
