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
    /// Formats a date as `2019-12-20T08:15:00.000Z`: milliseconds cut, not rounded, as Foundation's
    /// ISO 8601 style writes them.
    public static func format(_ date: Date) -> String {
        utc(date, milliseconds: true)
    }

    /// Formats a date as `2019-12-20T08:15:00Z`, whole seconds.
    public static func formatSeconds(_ date: Date) -> String {
        utc(date, milliseconds: false)
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

    /// The date's UTC calendar fields written by hand: every fetched page gets two timestamps, and
    /// Foundation's format style, which goes through a calendar, cost more than the page's SQL.
    /// Years outside 1...9999, which Foundation writes in other ways, go to Foundation.
    private static func utc(_ date: Date, milliseconds: Bool) -> String {
        // From the reference date, which is what a Date holds, so that the fraction is the one
        // Foundation sees.
        let sinceReference = date.timeIntervalSinceReferenceDate
        let whole = sinceReference.rounded(.down)
        guard whole.isFinite, abs(whole) < 1e12 else { return foundationFormat(date, milliseconds: milliseconds) }
        let seconds = Int(whole) + 978_307_200
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let secondOfDay = seconds - days * 86_400
        let (year, month, day) = civilDate(daysSince1970: days)
        guard (1...9999).contains(year) else { return foundationFormat(date, milliseconds: milliseconds) }
        var text: [UInt8] = []
        text.reserveCapacity(24)
        func digits(_ value: Int, _ count: Int) {
            var divisor = 1
            for _ in 1..<count { divisor *= 10 }
            while divisor > 0 {
                text.append(UInt8(ascii: "0") + UInt8(value / divisor % 10))
                divisor /= 10
            }
        }
        digits(year, 4)
        text.append(UInt8(ascii: "-"))
        digits(month, 2)
        text.append(UInt8(ascii: "-"))
        digits(day, 2)
        text.append(UInt8(ascii: "T"))
        digits(secondOfDay / 3600, 2)
        text.append(UInt8(ascii: ":"))
        digits(secondOfDay / 60 % 60, 2)
        text.append(UInt8(ascii: ":"))
        digits(secondOfDay % 60, 2)
        if milliseconds {
            text.append(UInt8(ascii: "."))
            digits(Int((sinceReference - whole) * 1_000_000_000) / 1_000_000, 3)
        }
        text.append(UInt8(ascii: "Z"))
        return String(decoding: text, as: UTF8.self)
    }

    /// Year, month and day of the proleptic Gregorian calendar of a day counted from 1970-01-01
    /// (Howard Hinnant's `civil_from_days`).
    public static func civilDate(daysSince1970: Int) -> (year: Int, month: Int, day: Int) {
        let shifted = daysSince1970 + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthFromMarch = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthFromMarch + 2) / 5 + 1
        let month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// What Foundation's ISO 8601 style writes, for the dates ``utc(_:milliseconds:)`` leaves to it.
    private static func foundationFormat(_ date: Date, milliseconds: Bool) -> String {
        if milliseconds {
            return date.formatted(.iso8601.year().month().day().time(includingFractionalSeconds: true).timeZone(separator: .omitted))
        }
        return date.formatted(Date.ISO8601FormatStyle(timeZone: .gmt))
    }
}
