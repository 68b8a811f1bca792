/// Given names and surnames known to be personal names (1990 US Census lists and frequent given names of
/// other countries, see scripts/build-names.py),
/// and ordinary English words, which are not (Webster's 1934 dictionary, see scripts/build-words.py).
struct NameLists: Sendable {
    /// Lower-cased given names.
    let given: Set<String>
    /// Lower-cased frequent surnames.
    let surnames: Set<String>
    /// Lower-cased given names of other countries ("Sergey", "Khaled"): evidence before a surname only,
    /// since many of them are also words or names of things elsewhere ("Islam", "Maui").
    let worldGiven: Set<String>
    /// Lower-cased dictionary words that are not in the name lists.
    let words: Set<String>

    init(given: Set<String>, surnames: Set<String>, worldGiven: Set<String> = [], words: Set<String> = []) {
        self.given = given
        self.surnames = surnames
        self.worldGiven = worldGiven
        self.words = words
    }

    /// A known given name or surname.
    func isName(_ lower: String) -> Bool {
        given.contains(lower) || surnames.contains(lower)
    }

    /// An ordinary word, also in the plural ("Pirates", "Series") or as a participle ("Processing",
    /// "Walked", "Troubled"): the dictionary lists stems only.
    func isWord(_ lower: String) -> Bool {
        if words.contains(lower) { return true }
        if lower.hasSuffix("ies") && words.contains(String(lower.dropLast(3)) + "y") { return true }
        // "-es" only after sibilants and "o" ("churches", "heroes"): "Welles" is no plural of "well".
        if ["ches", "shes", "sses", "xes", "zes", "oes"].contains(where: { lower.hasSuffix($0) }),
           words.contains(String(lower.dropLast(2))) { return true }
        if lower.hasSuffix("s") { return words.contains(String(lower.dropLast())) }
        if lower.hasSuffix("ing") { return isStem(lower.dropLast(3)) }
        if lower.hasSuffix("ed") { return words.contains(String(lower.dropLast())) || isStem(lower.dropLast(2)) }
        return false
    }

    /// The stem of a participle, four letters at least so that "Jared" and "Ming" stay names:
    /// "process", "wreck", "stop(p)"; before a dropped "e" two will do: "us(e)", "hav(e)", "chas(e)".
    private func isStem(_ stem: Substring) -> Bool {
        guard stem.count >= 2 else { return false }
        if words.contains(String(stem) + "e") { return true }
        guard stem.count >= 4 else { return false }
        if words.contains(String(stem)) { return true }
        guard let last = stem.last, stem.dropLast().last == last else { return false }
        return words.contains(String(stem.dropLast()))
    }

    /// The bundled lists, or empty lists when the resource is missing.
    static func bundled() -> NameLists {
        var given = Set<String>()
        var surnames = Set<String>()
        var worldGiven = Set<String>()
        for fields in ResourceFile.records("names.tsv") ?? [] where fields.count >= 2 {
            let name = fields[0].lowercased()
            switch fields[1] {
            case "given": given.insert(name)
            case "world": worldGiven.insert(name)
            default: surnames.insert(name)
            }
        }
        let lines = ResourceFile.records("words.txt") ?? []
        var words = Set<String>(minimumCapacity: lines.count)
        for fields in lines {
            words.insert(fields[0])
        }
        return NameLists(given: given, surnames: surnames, worldGiven: worldGiven, words: words)
    }
}
