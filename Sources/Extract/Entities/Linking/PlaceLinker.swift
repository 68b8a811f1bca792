import PipelineModel

/// Links the places of one document to gazetteer entries, choosing among places of the same name
/// the one in a country the document names, else the gazetteer's first (a country, a region, or the
/// most populous city).
struct PlaceLinker {
    let gazetteer: PlaceGazetteer
    /// Countries the document names or whose places it names without ambiguity.
    private var countries: Set<String> = []

    init(gazetteer: PlaceGazetteer, normalizedPlaces: [String]) {
        self.gazetteer = gazetteer
        for name in normalizedPlaces {
            let candidates = self.candidates(of: name)
            if candidates.count == 1 || candidates.first?.kind == "country", let code = candidates.first?.countryCode, !code.isEmpty {
                countries.insert(code)
            }
        }
    }

    /// The detail of the place normalized as `name`, or nil when the gazetteer does not know it
    /// ("the village of Shilikti").
    func detail(of name: String) -> PlaceDetail? {
        let candidates = candidates(of: name)
        guard let first = candidates.first else { return nil }
        let place = countries.contains(first.countryCode) ? first
            : candidates.first { countries.contains($0.countryCode) } ?? first
        return PlaceDetail(geonamesID: place.geonamesID, countryCode: place.countryCode.isEmpty ? nil : place.countryCode,
                           kind: Self.kindNames[place.kind] ?? place.kind, latitude: place.latitude, longitude: place.longitude)
    }

    /// GeoNames' words for the gazetteer's kinds.
    private static let kindNames = ["city": "populated place"]

    /// The gazetteer entries of a normalized name; "Southern Indiana" falls back to "Indiana".
    private func candidates(of name: String) -> [PlaceGazetteer.Place] {
        let key = PlaceGazetteer.key(name)
        let found = gazetteer.candidates(named: key)
        if !found.isEmpty { return found }
        if let space = key.firstIndex(of: " "), Lexicon.directionWords.contains(String(key[..<space])) {
            return gazetteer.candidates(named: String(key[key.index(after: space)...]))
        }
        return []
    }
}
