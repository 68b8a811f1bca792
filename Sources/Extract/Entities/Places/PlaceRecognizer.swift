/// Finds countries, regions and cities: names from the gazetteer, and unknown names that the words
/// around them call a place ("the village of Shilikti", "the Xinjiang region").
struct PlaceRecognizer: Sendable {
    let gazetteer: PlaceGazetteer

    /// Lower-case place-kind words that may follow a name ("Xinjiang region").
    private static let trailingKindWords: Set<String> = [
        "region", "province", "district", "county", "oblast", "prefecture", "village", "town", "city",
        "municipality", "state", "island", "autonomous",
    ]

    func recognize(in text: inout AnnotatedText) {
        var index = 0
        while index < text.count {
            guard !text.isClaimed(index), text[index].kind == .word, text[index].isCapitalized else {
                index += 1
                continue
            }
            let gazetteerResult = gazetteerMatch(at: index, in: text)
            if case .blocked(let end) = gazetteerResult {
                // "Republic of Lithuania" inside "Parliament of the Republic of Lithuania": neither it
                // nor the "Lithuania" inside it is a place.
                index = end
                continue
            }
            var match: (Int, String)?
            if case .place(let end, let normalized) = gazetteerResult { match = (end, normalized) }
            if let (end, normalized) = match ?? contextMatch(at: index, in: text) {
                var start = index
                // OntoNotes and GUM keep "the" in multi-word and plural names: "the United States".
                let name = text.surface(index..<end)
                if index > 0, text.lower(index - 1) == "the", !text.isClaimed(index - 1),
                   end - index >= 2 || name.hasSuffix("s") && !name.hasSuffix("ss") {
                    start = index - 1
                }
                text.claim(start..<end, as: .place, normalized: normalized)
                index = end
            } else {
                index += 1
            }
        }
    }

    /// What the gazetteer says about the tokens at an index.
    private enum GazetteerResult {
        case none
        /// A place name ending before token `end`, with its canonical name.
        case place(end: Int, normalized: String)
        /// A place name ending before token `end` that the context says is part of something else.
        case blocked(end: Int)
    }

    /// The longest gazetteer name starting at `index`, if the context allows it to be a place.
    private func gazetteerMatch(at index: Int, in text: AnnotatedText) -> GazetteerResult {
        let limit = min(gazetteer.maxTokens, text.count - index)
        guard limit > 0 else { return .none }
        for length in stride(from: limit, through: 1, by: -1) {
            let range = index..<index + length
            let last = text[range.upperBound - 1]
            guard last.kind == .word, last.isCapitalized, text.isFree(range),
                  !(range.dropFirst().contains { text[$0].lineBreakBefore }),
                  let place = gazetteer.place(named: text.key(range)) else { continue }
            guard isPlaceContext(range, in: text) else { return .blocked(end: range.upperBound) }
            return .place(end: range.upperBound, normalized: place.canonical)
        }
        return .none
    }

    /// A place name is no place when it is a common word at the start of a sentence, or part of the
    /// name of an organisation ("Durham University", "Parliament of the Republic of Lithuania").
    private func isPlaceContext(_ range: Range<Int>, in text: AnnotatedText) -> Bool {
        let first = text[range.lowerBound]
        if range.count == 1 {
            if Lexicon.commonCapitalised.contains(first.lower) { return false }
            if first.isAllCaps && first.text.count <= 3 && !["US", "UK", "USA", "UAE", "PRC", "DRC"].contains(first.text) {
                return false
            }
        }
        if let next = text.token(range.upperBound), next.kind == .word, next.isCapitalized, !next.lineBreakBefore,
           Lexicon.organisationWords.contains(next.lower) {
            return false
        }
        var before = range.lowerBound - 1
        if text.lower(before) == "the" { before -= 1 }
        if text.lower(before) == "of", let owner = text.token(before - 1), owner.isCapitalized,
           Lexicon.organisationWords.contains(owner.lower) {
            return false
        }
        return true
    }

    /// An unknown capitalised name that the words around it call a place.
    private func contextMatch(at index: Int, in text: AnnotatedText) -> (Int, String)? {
        var end = index
        while let token = text.token(end), token.kind == .word, token.isCapitalized, !text.isClaimed(end),
              end - index < 3, end == index || !token.lineBreakBefore,
              !Lexicon.commonCapitalised.contains(token.lower), !Lexicon.organisationWords.contains(token.lower) {
            end += 1
        }
        guard end > index else { return nil }
        var before = index - 1
        if text.lower(before) == "the" { before -= 1 }
        let introduced = text.lower(before) == "of" && Lexicon.placeKindWords.contains(text.lower(before - 1))
            && !(text.token(before - 1)?.isCapitalized ?? true)
        let followed = Self.trailingKindWords.contains(text.lower(end)) && !(text.token(end)?.isCapitalized ?? true)
        guard introduced || followed else { return nil }
        return (end, text.surface(index..<end))
    }
}
