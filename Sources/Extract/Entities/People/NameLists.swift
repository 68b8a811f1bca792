/// Given names and surnames known to be personal names (1990 US Census lists and frequent given names of
/// other countries, see scripts/build-names.py),
/// and ordinary English words, which are not (Webster's 1934 dictionary, see scripts/build-words.py).
struct NameLists: Sendable {
    /// Lower-cased given names.
    let given: WordSet
    /// Lower-cased frequent surnames.
    let surnames: WordSet
    /// Lower-cased given names of other countries ("Sergey", "Khaled"): evidence before a surname only,
    /// since many of them are also words or names of things elsewhere ("Islam", "Maui").
    let worldGiven: WordSet
    /// Lower-cased dictionary words that are not in the name lists.
    let words: WordSet

    init(given: Set<String>, surnames: Set<String>, worldGiven: Set<String> = [], words: Set<String> = []) {
        self.init(given: WordSet(given), surnames: WordSet(surnames), worldGiven: WordSet(worldGiven), words: WordSet(words))
    }

    private init(given: WordSet, surnames: WordSet, worldGiven: WordSet, words: WordSet) {
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
        // Most words are plain ASCII (see `WordIndex.isPlain`), whose endings are cut as bytes, without strings.
        let plain = lower.utf8.withContiguousStorageIfAvailable { bytes -> Bool? in
            guard WordIndex<Bool>.isPlain(bytes), !bytes.contains(0x0D) else { return nil }
            return Self.isWord(
                length: bytes.count,
                endsWith: { suffix in bytes.count >= suffix.utf8.count && bytes.suffix(suffix.utf8.count).elementsEqual(suffix.utf8) },
                isDoubled: { length in bytes[length - 1] == bytes[length - 2] },
                listed: { keep, ending in
                    if ending.isEmpty { return words.contains(plain: UnsafeBufferPointer(rebasing: bytes[0..<keep])) }
                    var stem = Array(bytes[0..<keep])
                    stem.append(contentsOf: ending.utf8)
                    return stem.withUnsafeBufferPointer { words.contains(plain: $0) }
                })
        }
        if let plain, let answer = plain { return answer }
        return Self.isWord(
            length: lower.count,
            endsWith: lower.hasSuffix,
            isDoubled: { length in
                let stem = lower.prefix(length)
                return stem.last == stem.dropLast().last
            },
            listed: { keep, ending in words.contains(String(lower.prefix(keep)) + ending) })
    }

    /// The rules of ``isWord(_:)``, said once for both ways of reading a word of `length` characters:
    /// `endsWith` tells its ending, `isDoubled(n)` whether its `n`th and `n - 1`th characters are the same, and
    /// `listed(n, ending)` whether its first `n` characters followed by `ending` are a listed word.
    private static func isWord(
        length: Int, endsWith: (String) -> Bool, isDoubled: (Int) -> Bool, listed: (_ keep: Int, _ ending: String) -> Bool
    ) -> Bool {
        if listed(length, "") { return true }
        if endsWith("ies") && listed(length - 3, "y") { return true }
        // "-es" only after sibilants and "o" ("churches", "heroes"): "Welles" is no plural of "well".
        if esEndings.contains(where: endsWith), listed(length - 2, "") { return true }
        if endsWith("s") { return listed(length - 1, "") }
        if endsWith("ing") { return isStem(length - 3) }
        if endsWith("ed") { return listed(length - 1, "") || isStem(length - 2) }
        return false

        /// The stem of a participle, four letters at least so that "Jared" and "Ming" stay names:
        /// "process", "wreck", "stop(p)"; before a dropped "e" two will do: "us(e)", "hav(e)", "chas(e)".
        func isStem(_ stem: Int) -> Bool {
            guard stem >= 2 else { return false }
            if listed(stem, "e") { return true }
            guard stem >= 4 else { return false }
            return listed(stem, "") || isDoubled(stem) && listed(stem - 1, "")
        }
    }

    private static let esEndings = ["ches", "shes", "sses", "xes", "zes", "oes"]

    /// The bundled lists, or empty lists when the resource is missing.
    ///
    /// Filled from the files' bytes: a `String` for each of the 220,000 lines cost most of the load time.
    static func bundled() -> NameLists {
        var given = WordIndex<Bool>.Builder(capacity: 8_000)
        var surnames = WordIndex<Bool>.Builder(capacity: 16_000)
        var worldGiven = WordIndex<Bool>.Builder(capacity: 4_000)
        var lower: [UInt8] = []
        let keepFirst: (Bool, Bool) -> Bool = { old, _ in old }
        _ = ResourceFile.forEachRecord("names.tsv") { fields in
            guard fields.count >= 2 else { return }
            lower.removeAll(keepingCapacity: true)
            var ascii = true
            for byte in fields[0] {
                ascii = ascii && byte < 0x80
                lower.append(byte >= 0x41 && byte <= 0x5A ? byte + 32 : byte)
            }
            let kind = String(decoding: fields[1], as: UTF8.self)
            let add = { (list: inout WordIndex<Bool>.Builder) in
                if ascii {
                    lower.withUnsafeBufferPointer { list.add(bytes: $0, true, merge: keepFirst) }
                } else {
                    list.add(String(decoding: fields[0], as: UTF8.self).lowercased(), true, merge: keepFirst)
                }
            }
            switch kind {
            case "given": add(&given)
            case "world": add(&worldGiven)
            default: add(&surnames)
            }
        }
        var words = WordIndex<Bool>.Builder(capacity: 200_000)
        _ = ResourceFile.forEachRecord("words.txt") { fields in
            words.add(bytes: fields[0], true, merge: keepFirst)
        }
        return NameLists(given: WordSet(given.build()), surnames: WordSet(surnames.build()),
                         worldGiven: WordSet(worldGiven.build()), words: WordSet(words.build()))
    }
}
