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
    /// Where a place is (places the gazetteer knows only); absent from the JSON when nil.
    public var place: PlaceDetail?
    /// Which instrument and provision a law citation names; absent from the JSON when nil.
    public var law: LawDetail?
    /// The titles and roles seen with a person's name; absent from the JSON when nil.
    public var person: PersonDetail?
    /// How a date was resolved and which period it covers; absent from the JSON when nil.
    public var date: DateDetail?

    public init(type: EntityType, text: String, normalized: String, mentions: [Mention],
                place: PlaceDetail? = nil, law: LawDetail? = nil, person: PersonDetail? = nil, date: DateDetail? = nil) {
        self.type = type
        self.text = text
        self.normalized = normalized
        self.mentions = mentions
        self.place = place
        self.law = law
        self.person = person
        self.date = date
    }
}

/// A place linked to its GeoNames entry.
public struct PlaceDetail: Sendable, Hashable, Codable {
    /// The GeoNames id, when the gazetteer has one (countries and cities; not every region).
    public var geonamesID: Int?
    /// ISO 3166-1 alpha-2 code of the country the place is in (or is).
    public var countryCode: String?
    /// country, continent, region or populated place.
    public var kind: String
    public var latitude: Double?
    public var longitude: Double?

    public init(geonamesID: Int?, countryCode: String?, kind: String, latitude: Double?, longitude: Double?) {
        self.geonamesID = geonamesID
        self.countryCode = countryCode
        self.kind = kind
        self.latitude = latitude
        self.longitude = longitude
    }

    enum CodingKeys: String, CodingKey {
        case geonamesID = "geonames_id", countryCode = "country_code", kind, latitude, longitude
    }
}

/// A law citation split into the instrument and the provision.
public struct LawDetail: Sendable, Hashable, Codable {
    /// The instrument's canonical name, the same for its short and long forms
    /// ("Convention Relating to the Status of Refugees" for "the Geneva Convention on Refugees").
    public var instrument: String?
    public var article: String?
    public var part: String?
    public var paragraph: String?

    public init(instrument: String?, article: String? = nil, part: String? = nil, paragraph: String? = nil) {
        self.instrument = instrument
        self.article = article
        self.part = part
        self.paragraph = paragraph
    }
}

/// What a text says about a person besides the name.
public struct PersonDetail: Sendable, Hashable, Codable {
    /// Titles and roles written with the name, in order of appearance ("H.E.", "President of Kazakhstan", "MP").
    public var titles: [String]

    public init(titles: [String]) {
        self.titles = titles
    }
}

/// How a date was read.
public struct DateDetail: Sendable, Hashable, Codable {
    /// True when the date was resolved from words such as "last year" against the publication date.
    public var relative: Bool?
    /// The first and last day of a period ("the 1990s": 1990-01-01 to 1999-12-31).
    public var start: String?
    public var end: String?

    public init(relative: Bool? = nil, start: String? = nil, end: String? = nil) {
        self.relative = relative
        self.start = start
        self.end = end
    }
}
