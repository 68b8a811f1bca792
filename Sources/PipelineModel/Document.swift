import Foundation

/// What the extract stage makes of one page: metadata, main text and entities.
///
/// Encoded with every key present; absent values are `null`.
public struct Document: Sendable, Hashable {
    /// Position of the seed (or of the file on the command line).
    public var index: Int
    /// Stable id derived from the URL (see ``DocumentID``).
    public var id: String
    public var url: String
    public var finalURL: String?
    /// Where the bytes came from: the URL, a stored body file, or a path given on the command line.
    public var source: String
    public var status: Int?
    public var fetchedAt: Date?
    public var contentType: String?
    /// The charset used to decode the page.
    public var charset: String?
    /// How the charset was chosen: `bom`, `http`, `meta`, `guess` or `default`.
    public var charsetSource: String?
    public var title: String?
    public var author: String?
    /// ISO 8601 at the precision the page gives.
    public var published: String?
    public var language: String?
    public var tags: [String]
    /// Main text: paragraphs separated by a blank line, headings and list items on lines of their own.
    public var text: String
    public var entities: [Entity]
    /// The response's `ETag` and `Last-Modified` headers, sent back on the next run.
    public var etag: String?
    public var lastModified: String?
    /// SHA-256 of the body, lowercase hex.
    public var contentHash: String?
    /// `new` (first time seen) or `changed` (seen before with another body) in an incremental run.
    public var change: String?
    /// An earlier URL whose body is byte for byte the same as this one's.
    public var duplicateOf: String?

    public init(
        index: Int, id: String, url: String, finalURL: String? = nil, source: String, status: Int? = nil,
        fetchedAt: Date? = nil, contentType: String? = nil, charset: String? = nil, charsetSource: String? = nil,
        title: String? = nil, author: String? = nil, published: String? = nil, language: String? = nil,
        tags: [String] = [], text: String = "", entities: [Entity] = []
    ) {
        self.index = index
        self.id = id
        self.url = url
        self.finalURL = finalURL
        self.source = source
        self.status = status
        self.fetchedAt = fetchedAt
        self.contentType = contentType
        self.charset = charset
        self.charsetSource = charsetSource
        self.title = title
        self.author = author
        self.published = published
        self.language = language
        self.tags = tags
        self.text = text
        self.entities = entities
    }
}

extension Document: Codable {
    enum CodingKeys: String, CodingKey {
        case index, id, url
        case finalURL = "final_url"
        case source, status
        case fetchedAt = "fetched_at"
        case contentType = "content_type"
        case charset
        case charsetSource = "charset_source"
        case title, author, published, language, tags, text, entities
        case etag
        case lastModified = "last_modified"
        case contentHash = "content_hash"
        case change
        case duplicateOf = "duplicate_of"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        index = try c.decode(Int.self, forKey: .index)
        id = try c.decode(String.self, forKey: .id)
        url = try c.decode(String.self, forKey: .url)
        finalURL = try c.decodeIfPresent(String.self, forKey: .finalURL)
        source = try c.decode(String.self, forKey: .source)
        status = try c.decodeIfPresent(Int.self, forKey: .status)
        fetchedAt = try c.decodeIfPresent(String.self, forKey: .fetchedAt).flatMap(Timestamp.parse)
        contentType = try c.decodeIfPresent(String.self, forKey: .contentType)
        charset = try c.decodeIfPresent(String.self, forKey: .charset)
        charsetSource = try c.decodeIfPresent(String.self, forKey: .charsetSource)
        title = try c.decodeIfPresent(String.self, forKey: .title)
        author = try c.decodeIfPresent(String.self, forKey: .author)
        published = try c.decodeIfPresent(String.self, forKey: .published)
        language = try c.decodeIfPresent(String.self, forKey: .language)
        tags = try c.decodeIfPresent([String].self, forKey: .tags) ?? []
        text = try c.decode(String.self, forKey: .text)
        entities = try c.decodeIfPresent([Entity].self, forKey: .entities) ?? []
        etag = try c.decodeIfPresent(String.self, forKey: .etag)
        lastModified = try c.decodeIfPresent(String.self, forKey: .lastModified)
        contentHash = try c.decodeIfPresent(String.self, forKey: .contentHash)
        change = try c.decodeIfPresent(String.self, forKey: .change)
        duplicateOf = try c.decodeIfPresent(String.self, forKey: .duplicateOf)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(index, forKey: .index)
        try c.encode(id, forKey: .id)
        try c.encode(url, forKey: .url)
        try c.encode(finalURL, forKey: .finalURL)
        try c.encode(source, forKey: .source)
        try c.encode(status, forKey: .status)
        try c.encode(fetchedAt.map(Timestamp.format), forKey: .fetchedAt)
        try c.encode(contentType, forKey: .contentType)
        try c.encode(charset, forKey: .charset)
        try c.encode(charsetSource, forKey: .charsetSource)
        try c.encode(title, forKey: .title)
        try c.encode(author, forKey: .author)
        try c.encode(published, forKey: .published)
        try c.encode(language, forKey: .language)
        try c.encode(tags, forKey: .tags)
        try c.encode(text, forKey: .text)
        try c.encode(entities, forKey: .entities)
        try c.encode(etag, forKey: .etag)
        try c.encode(lastModified, forKey: .lastModified)
        try c.encode(contentHash, forKey: .contentHash)
        try c.encode(change, forKey: .change)
        try c.encode(duplicateOf, forKey: .duplicateOf)
    }
}

/// ISO 8601 timestamps in UTC with milliseconds, as written in every output file.
public enum Timestamp {
    /// Formats a date as `2019-12-20T08:15:00.000Z`.
    public static func format(_ date: Date) -> String {
        date.formatted(.iso8601.year().month().day().time(includingFractionalSeconds: true).timeZone(separator: .omitted))
    }

    /// Formats a date as `20191220081500` (UTC), for file names.
    public static func compact(_ date: Date) -> String {
        format(date).filter(\.isNumber).prefix(14).description
    }

    /// Parses what ``format(_:)`` writes (fractional seconds optional).
    public static func parse(_ string: String) -> Date? {
        if let date = try? Date.ISO8601FormatStyle(includingFractionalSeconds: true).parse(string) { return date }
        return try? Date.ISO8601FormatStyle().parse(string)
    }
}
