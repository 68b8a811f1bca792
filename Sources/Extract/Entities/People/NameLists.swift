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
        // Most words are plain ASCII, whose endings can be cut as bytes.
        let plain = lower.utf8.withContiguousStorageIfAvailable { bytes in
            WordIndex<Bool>.isPlain(bytes) && !bytes.contains(0x0D) ? isPlainWord(bytes) : nil
        }
        if let plain, let answer = plain { return answer }
        if words.contains(lower) { return true }
        if lower.hasSuffix("ies") && words.contains(String(lower.dropLast(3)) + "y") { return true }
        // "-es" only after sibilants and "o" ("churches", "heroes"): "Welles" is no plural of "well".
        if Self.esEndings.contains(where: { lower.hasSuffix($0) }),
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

    private static let esEndings = ["ches", "shes", "sses", "xes", "zes", "oes"]

    /// `isWord` for plain ASCII bytes (see `WordIndex.isPlain`), where a character is a byte.
    private func isPlainWord(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        if words.contains(plain: bytes) { return true }
        let count = bytes.count
        func endsWith(_ suffix: StaticString) -> Bool {
            let length = suffix.utf8CodeUnitCount
            guard count >= length else { return false }
            let tail = suffix.utf8Start
            for offset in 0..<length where bytes[count - length + offset] != tail[offset] { return false }
            return true
        }
        func isWord(droppingLast dropped: Int) -> Bool {
            words.contains(plain: UnsafeBufferPointer(rebasing: bytes[0..<count - dropped]))
        }
        if endsWith("ies") {
            var stem = Array(bytes[0..<count - 3])
            stem.append(UInt8(ascii: "y"))
            if stem.withUnsafeBufferPointer({ words.contains(plain: $0) }) { return true }
        }
        if endsWith("ches") || endsWith("shes") || endsWith("sses") || endsWith("xes") || endsWith("zes") || endsWith("oes"),
           isWord(droppingLast: 2) { return true }
        if endsWith("s") { return isWord(droppingLast: 1) }
        if endsWith("ing") { return isStem(length: count - 3) }
        if endsWith("ed") { return isWord(droppingLast: 1) || isStem(length: count - 2) }
        return false

        /// `isStem(_:)` for the first `length` bytes.
        func isStem(length: Int) -> Bool {
            guard length >= 2 else { return false }
            var withE = Array(bytes[0..<length])
            withE.append(UInt8(ascii: "e"))
            if withE.withUnsafeBufferPointer({ words.contains(plain: $0) }) { return true }
            guard length >= 4 else { return false }
            if isWord(droppingLast: count - length) { return true }
            guard bytes[length - 1] == bytes[length - 2] else { return false }
            return isWord(droppingLast: count - length + 1)
        }
    }

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
