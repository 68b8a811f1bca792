/// Given names and surnames known to be personal names (1990 US Census lists, see scripts/build-names.py).
struct NameLists: Sendable {
    /// Lower-cased given names.
    let given: Set<String>
    /// Lower-cased frequent surnames.
    let surnames: Set<String>

    init(given: Set<String>, surnames: Set<String>) {
        self.given = given
        self.surnames = surnames
    }

    /// The bundled lists, or empty lists when the resource is missing.
    static func bundled() -> NameLists {
        var given = Set<String>()
        var surnames = Set<String>()
        for line in ResourceFile.lines("names.tsv") ?? [] where !line.hasPrefix("#") {
            let fields = line.split(separator: "\t")
            guard fields.count >= 2 else { continue }
            let name = fields[0].lowercased()
            if fields[1] == "given" { given.insert(name) } else { surnames.insert(name) }
        }
        return NameLists(given: given, surnames: surnames)
    }
}
