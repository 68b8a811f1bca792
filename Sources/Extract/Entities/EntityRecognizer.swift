import PipelineModel

/// One entity occurrence in a text: offsets in Unicode scalars, end exclusive.
public struct EntitySpan: Sendable, Hashable {
    public var start: Int
    public var end: Int
    public var type: EntityType
    /// The normalized value (a name without titles, an ISO 8601 date, a canonical law or place name).
    public var normalized: String

    public init(start: Int, end: Int, type: EntityType, normalized: String) {
        self.start = start
        self.end = end
        self.type = type
        self.normalized = normalized
    }
}

/// Finds people, laws, dates and places in plain text.
///
/// Built once per process and shared by every worker.
public final class EntityRecognizer: Sendable {
    /// The recognizer with the bundled gazetteers, loaded on first use.
    public static let shared = EntityRecognizer()

    private let laws = LawRecognizer()
    private let dates = DateRecognizer()
    private let places: PlaceRecognizer
    private let people: PersonRecognizer
    private let words: WordTable

    /// A recognizer with the bundled gazetteer and name lists (empty ones, with a warning, when missing).
    public convenience init() {
        self.init(gazetteer: .bundled(), names: .bundled())
    }

    init(gazetteer: PlaceGazetteer, names: NameLists) {
        places = PlaceRecognizer(gazetteer: gazetteer, names: names)
        people = PersonRecognizer(names: names, gazetteer: gazetteer)
        words = WordTable(names: names, gazetteerFirstWords: gazetteer.firstWords)
    }

    /// Every entity occurrence in `text`, in text order, without overlaps.
    ///
    /// `published` (ISO 8601) anchors relative dates such as "last year" when known.
    public func spans(in text: String, published: String? = nil) -> [EntitySpan] {
        var annotated = AnnotatedText(text, words: words)
        // The order settles conflicts: a law's year is no date, "Jordan Peterson" is no place, and a
        // place is no person.
        laws.recognize(in: &annotated)
        dates.recognize(in: &annotated, published: published)
        people.recognize(in: &annotated, pass: .strong)
        places.recognize(in: &annotated)
        people.recognize(in: &annotated, pass: .weak)
        people.linkMentions(in: &annotated)
        places.adoptCoordinatedNames(in: &annotated)
        return annotated.spans.sorted { ($0.start, $0.end) < ($1.start, $1.end) }
    }

    /// The entities of a document: occurrences of the same person, law, date or place grouped
    /// into one entity with several mentions, in order of first mention.
    public func entities(in text: String, published: String? = nil) -> [Entity] {
        let scalars = Array(text.unicodeScalars)
        var order: [String] = []
        var grouped: [String: Entity] = [:]
        for span in spans(in: text, published: published) {
            let key = span.type.rawValue + "\u{1F}" + span.normalized
            let mention = Mention(start: span.start, end: span.end)
            if grouped[key] != nil {
                grouped[key]?.mentions.append(mention)
            } else {
                var surface = String.UnicodeScalarView()
                surface.append(contentsOf: scalars[span.start..<span.end])
                grouped[key] = Entity(type: span.type, text: String(surface), normalized: span.normalized, mentions: [mention])
                order.append(key)
            }
        }
        return order.compactMap { grouped[$0] }
    }
}
