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
    private let gazetteer: PlaceGazetteer
    private let people: PersonRecognizer
    private let words: WordTable

    /// A recognizer with the bundled gazetteer and name lists (empty ones, with a warning, when missing).
    public convenience init() {
        self.init(gazetteer: .bundled(), names: .bundled())
    }

    init(gazetteer: PlaceGazetteer, names: NameLists) {
        self.gazetteer = gazetteer
        places = PlaceRecognizer(gazetteer: gazetteer, names: names)
        people = PersonRecognizer(names: names, gazetteer: gazetteer)
        words = WordTable(names: names, gazetteerFirstWords: gazetteer.firstWords)
    }

    /// Every entity occurrence in `text`, in text order, without overlaps.
    ///
    /// `published` (ISO 8601) anchors relative dates such as "last year" when known.
    public func spans(in text: String, published: String? = nil) -> [EntitySpan] {
        annotate(text, published: published).spans.sorted { ($0.start, $0.end) < ($1.start, $1.end) }
    }

    /// The text with every recogniser's spans.
    private func annotate(_ text: String, published: String?) -> AnnotatedText {
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
        places.adoptHomePlaces(in: &annotated)
        return annotated
    }

    /// The entities of a document: occurrences of the same person, law, date or place grouped
    /// into one entity with several mentions, in order of first mention, with what the document
    /// says about each (a place's GeoNames entry, a law's instrument and provision, a person's
    /// titles, a date's period).
    public func entities(in text: String, published: String? = nil) -> [Entity] {
        let annotated = annotate(text, published: published)
        let order = annotated.spans.indices.sorted { (annotated.spans[$0].start, annotated.spans[$0].end) < (annotated.spans[$1].start, annotated.spans[$1].end) }
        let linker = PlaceLinker(gazetteer: gazetteer,
                                 normalizedPlaces: annotated.spans.filter { $0.type == .place }.map(\.normalized))
        var keys: [String] = []
        var grouped: [String: Entity] = [:]
        for spanIndex in order {
            let span = annotated.spans[spanIndex]
            let key = span.type.rawValue + "\u{1F}" + span.normalized
            let mention = Mention(start: span.start, end: span.end)
            var surface = String.UnicodeScalarView()
            surface.append(contentsOf: annotated.scalars[span.start..<span.end])
            if grouped[key] == nil {
                var entity = Entity(type: span.type, text: String(surface), normalized: span.normalized, mentions: [])
                switch span.type {
                case .place: entity.place = linker.detail(of: span.normalized)
                case .law: entity.law = LawCitation.detail(of: span.normalized)
                case .date: entity.date = DatePeriod.detail(surface: String(surface), normalized: span.normalized)
                case .person: break
                }
                grouped[key] = entity
                keys.append(key)
            }
            grouped[key]?.mentions.append(mention)
            if span.type == .person {
                // Titles seen with any mention, each once.
                let titles = PersonTitles.titles(of: annotated.spanTokens[spanIndex], in: annotated)
                var known = grouped[key]?.person?.titles ?? []
                for title in titles where !known.contains(title) { known.append(title) }
                if !known.isEmpty { grouped[key]?.person = PersonDetail(titles: known) }
            }
        }
        return keys.compactMap { grouped[$0] }
    }
}
