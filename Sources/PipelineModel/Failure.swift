/// The stage in which a URL or page failed.
public enum StageName: String, Sendable, Codable, CaseIterable {
    case seeds, fetch, extract, load
}

/// A URL or page that did not become a document, and why.
///
/// Every seed ends in exactly one document or one failure.
public struct Failure: Sendable, Hashable, Codable {
    /// The seed that failed.
    public var seed: Seed
    /// The stage that gave up on it.
    public var stage: StageName
    /// A short stable code, such as `http_status`, `timeout`, `not_html`, `empty_body`.
    public var error: String
    /// One sentence a person can act on: what failed, on which input, why.
    public var message: String
    /// How many attempts were made (fetch only).
    public var attempts: Int?

    public init(seed: Seed, stage: StageName, error: String, message: String, attempts: Int? = nil) {
        self.seed = seed
        self.stage = stage
        self.error = error
        self.message = message
        self.attempts = attempts
    }

    enum CodingKeys: String, CodingKey {
        case index, id, url, stage, error, message, attempts
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        seed = Seed(index: try c.decode(Int.self, forKey: .index), url: try c.decode(String.self, forKey: .url))
        stage = try c.decode(StageName.self, forKey: .stage)
        error = try c.decode(String.self, forKey: .error)
        message = try c.decode(String.self, forKey: .message)
        attempts = try c.decodeIfPresent(Int.self, forKey: .attempts)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(seed.index, forKey: .index)
        try c.encode(seed.id, forKey: .id)
        try c.encode(seed.url, forKey: .url)
        try c.encode(stage, forKey: .stage)
        try c.encode(error, forKey: .error)
        try c.encode(message, forKey: .message)
        try c.encode(attempts, forKey: .attempts)
    }
}

extension Failure: Error, CustomStringConvertible {
    public var description: String { "\(seed.url): \(message)" }
}
