import PipelineModel

/// Splits the normalized value of a law citation into its instrument and provision, and names the
/// instrument the same way whichever form the text uses.
enum LawCitation {
    /// Instruments known by several names: the words a name must contain (or an abbreviation) and
    /// the canonical name.
    private static let knownInstruments: [(words: Set<String>, abbreviations: Set<String>, canonical: String)] = [
        (["convention", "refugees"], [], "Convention Relating to the Status of Refugees"),
        (["convention", "refugee"], [], "Convention Relating to the Status of Refugees"),
        (["universal", "declaration", "human", "rights"], ["udhr"], "Universal Declaration of Human Rights"),
        (["covenant", "civil", "political"], ["iccpr"], "International Covenant on Civil and Political Rights"),
        (["covenant", "economic", "social", "cultural"], ["icescr"], "International Covenant on Economic, Social and Cultural Rights"),
        (["convention", "torture"], ["cat", "uncat"], "Convention against Torture"),
        (["european", "convention", "human", "rights"], ["echr"], "European Convention on Human Rights"),
        (["convention", "rights", "child"], ["crc"], "Convention on the Rights of the Child"),
        (["convention", "discrimination", "women"], ["cedaw"], "Convention on the Elimination of All Forms of Discrimination against Women"),
    ]

    /// Words that say which instrument a name means no more than its other words do.
    private static let fillerWords: Set<String> = ["the", "of", "on", "to", "relating", "concerning", "regarding", "status", "and", "for", "a", "an", "in"]

    /// The instrument of a normalized citation ("Criminal Code of the Republic of Kazakhstan,
    /// Article 392, Part 1" -> "Criminal Code of the Republic of Kazakhstan"), nil for a provision
    /// alone ("Article 5").
    static func instrumentName(of normalized: String) -> String? {
        let parts = normalized.components(separatedBy: ", ")
        guard let first = parts.first, !isProvision(first) else { return nil }
        var name = first
        // "Indian Penal Code, 1860": the year after the comma is still the name's.
        for part in parts.dropFirst() {
            if isProvision(part) { break }
            name += ", " + part
        }
        return name
    }

    /// The canonical key of an instrument's name: a known instrument's usual name, or the name
    /// without the article and the year ("the 1894 Land Acquisition Act" -> "Land Acquisition Act").
    static func canonicalInstrument(_ name: String) -> String {
        let words = name.split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init)
        let lower = Set(words.map { $0.lowercased() }).subtracting(fillerWords)
        for known in knownInstruments where known.words.isSubset(of: lower) || !known.abbreviations.isDisjoint(with: lower) && words.count == 1 {
            return known.canonical
        }
        var kept = words.filter { !($0.count == 4 && $0.allSatisfy(\.isNumber)) }
        if kept.first?.lowercased() == "the" { kept.removeFirst() }
        return kept.joined(separator: " ")
    }

    /// The article, part and paragraph numbers of a normalized citation.
    static func provisions(of normalized: String) -> (article: String?, part: String?, paragraph: String?) {
        let words = normalized.split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init)
        var article: String?
        var part: String?
        var paragraph: String?
        for (index, word) in words.enumerated() where index + 1 < words.count {
            let number = words[index + 1]
            guard number.first?.isNumber == true || number.first == "(" || number.allSatisfy({ "IVXLC".contains($0) }) else { continue }
            switch word.lowercased() {
            case "article", "art.", "articles": article = article ?? number
            case "part": part = part ?? number
            case "paragraph", "para.", "para", "paragraphs": paragraph = paragraph ?? number
            default: break
            }
        }
        return (article, part, paragraph)
    }

    /// The law detail of a normalized citation.
    static func detail(of normalized: String) -> LawDetail {
        let provisions = provisions(of: normalized)
        return LawDetail(instrument: instrumentName(of: normalized).map(canonicalInstrument), article: provisions.article,
                         part: provisions.part, paragraph: provisions.paragraph)
    }

    private static func isProvision(_ part: String) -> Bool {
        guard let word = part.split(separator: " ").first else { return false }
        return LawRecognizer.provisionWords.contains(word.lowercased().trimmingDots())
    }
}

private extension String {
    func trimmingDots() -> String {
        var result = self
        while result.hasSuffix(".") { result.removeLast() }
        return result
    }
}
