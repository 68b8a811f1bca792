import Foundation
import PipelineModel

/// What an incremental run makes of a fetched page, compared with the state store.
public struct PageChange: Codable, Sendable, Hashable {
    public enum Kind: String, Codable, Sendable {
        /// The URL was never fetched before.
        case new
        /// The URL was fetched before and its body is different now.
        case changed
        /// A 304 answer, or the same body as last time.
        case unchanged
    }

    public var kind: Kind
    /// Why a page is unchanged: `not_modified` (304) or `same_content` (same hash).
    public var reason: String?
    /// SHA-256 of the body, lowercase hex (the stored one for a 304).
    public var contentHash: String?
    /// An earlier URL with byte for byte the same body.
    public var duplicateOf: String?

    enum CodingKeys: String, CodingKey {
        case kind, reason
        case contentHash = "content_hash"
        case duplicateOf = "duplicate_of"
    }
}

/// One line of `unchanged.ndjson`: a seed whose page did not change since the last run, so it was
/// not extracted again.
public struct UnchangedRecord: Codable, Sendable, Hashable {
    public var index: Int
    public var id: String
    public var url: String
    public var status: Int
    public var fetchedAt: String
    /// `not_modified` (the server answered 304) or `same_content` (the body hashes the same).
    public var reason: String
    public var contentHash: String?
    public var etag: String?
    public var lastModified: String?

    enum CodingKeys: String, CodingKey {
        case index, id, url, status
        case fetchedAt = "fetched_at"
        case reason
        case contentHash = "content_hash"
        case etag
        case lastModified = "last_modified"
    }

    init(page: FetchedPage, change: PageChange) {
        index = page.seed.index
        id = page.seed.id
        url = page.seed.url
        status = page.status
        fetchedAt = Timestamp.format(page.fetchedAt)
        reason = change.reason ?? "same_content"
        contentHash = change.contentHash
        etag = page.header("ETag")
        lastModified = page.header("Last-Modified")
    }
}
