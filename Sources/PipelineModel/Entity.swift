/// The four kinds of entity the pipeline finds.
public enum EntityType: String, Sendable, Codable, CaseIterable {
    case person, law, date, place

    /// The upper-case label used by `pipeline entities` (`PERSON`, `LAW`, `DATE`, `PLACE`).
    public var label: String { rawValue.uppercased() }
}

/// Where an entity occurs in a document's text: offsets in Unicode scalars, end exclusive.
public struct Mention: Sendable, Hashable, Codable, Comparable {
    public var start: Int
    public var end: Int

    public init(start: Int, end: Int) {
        self.start = start
        self.end = end
    }

    public static func < (a: Mention, b: Mention) -> Bool {
        (a.start, a.end) < (b.start, b.end)
    }
}

/// One entity of a document: a person, law, date or place, with all its mentions.
public struct Entity: Sendable, Hashable, Codable {
    public var type: EntityType
    /// The surface text of the first mention.
    public var text: String
    /// The normalized value: a name without titles, an ISO 8601 date, a canonical law or place name.
    public var normalized: String
    /// Every place in the text where this entity is mentioned, in text order.
    public var mentions: [Mention]

    public init(type: EntityType, text: String, normalized: String, mentions: [Mention]) {
        self.type = type
        self.text = text
        self.normalized = normalized
        self.mentions = mentions
    }
}
