/// What the recognisers know about a lower-case word: one bit per word list it is on.
struct WordClass: OptionSet, Sendable, Hashable {
    let rawValue: UInt32

    static let function = WordClass(rawValue: 1 << 0)
    static let common = WordClass(rawValue: 1 << 1)
    static let title = WordClass(rawValue: 1 << 2)
    static let organisation = WordClass(rawValue: 1 << 3)
    static let particle = WordClass(rawValue: 1 << 4)
    static let month = WordClass(rawValue: 1 << 5)
    static let weekday = WordClass(rawValue: 1 << 6)
    static let demonym = WordClass(rawValue: 1 << 7)
    static let givenName = WordClass(rawValue: 1 << 8)
    static let surname = WordClass(rawValue: 1 << 9)
    static let dictionaryWord = WordClass(rawValue: 1 << 10)
    static let dateStart = WordClass(rawValue: 1 << 11)
    static let instrument = WordClass(rawValue: 1 << 12)
    static let provision = WordClass(rawValue: 1 << 13)
    static let statute = WordClass(rawValue: 1 << 14)
    static let direction = WordClass(rawValue: 1 << 15)
    /// The first word of a gazetteer name.
    static let placeStart = WordClass(rawValue: 1 << 16)
    static let placeKind = WordClass(rawValue: 1 << 17)
    /// A word a date cannot do without: a month, a weekday, a calendar unit, "today".
    static let dateCore = WordClass(rawValue: 1 << 18)
    /// A given name of another country, evidence of a person before a surname only ("Sergey Brin").
    static let worldGivenName = WordClass(rawValue: 1 << 19)

    static let name: WordClass = [.givenName, .surname]
}

/// Every word list merged into one table, so that a token costs one hash lookup, made once when the
/// text is tokenized; the recognisers then test bits instead of hashing the word again and again.
struct WordTable: Sendable {
    private let classes: WordIndex<WordClass>

    init(names: NameLists, gazetteerFirstWords: WordSet) {
        var classes = WordIndex<WordClass>.Builder(capacity: names.words.count + names.given.count + names.surnames.count
            + names.worldGiven.count + gazetteerFirstWords.count)
        let union: (WordClass, WordClass) -> WordClass = { $0.union($1) }
        func add(_ words: WordSet, _ wordClass: WordClass) {
            words.forEach(plain: { classes.add(bytes: $0, wordClass, merge: union) },
                          other: { classes.add($0, wordClass, merge: union) })
        }
        func add(_ words: some Sequence<String>, _ wordClass: WordClass) {
            for word in words { classes.add(word, wordClass, merge: union) }
        }
        add(names.words, .dictionaryWord)
        add(names.given, .givenName)
        add(names.surnames, .surname)
        add(names.worldGiven, .worldGivenName)
        add(gazetteerFirstWords, .placeStart)
        add(Lexicon.functionWords, .function)
        add(Lexicon.commonCapitalised, .common)
        add(Lexicon.titles, .title)
        add(Lexicon.organisationWords, .organisation)
        add(Lexicon.nameParticles, .particle)
        add(Lexicon.months.keys, .month)
        add(Lexicon.weekdays.keys, .weekday)
        add(Lexicon.demonyms, .demonym)
        add(Lexicon.directionWords, .direction)
        add(Lexicon.placeKindWords, .placeKind)
        add(DateRecognizer.startWords, .dateStart)
        add(DateRecognizer.coreWords, .dateCore)
        add(LawRecognizer.instrumentWords, .instrument)
        add(LawRecognizer.provisionWords, .provision)
        add(LawRecognizer.statuteAbbreviations, .statute)
        self.classes = classes.build()
    }

    /// The classes of a lower-case word; empty for a word on no list.
    func classes(of lower: String) -> WordClass {
        classes[lower] ?? []
    }

    /// `classes(of:)` for a word whose bytes are plain (see `WordIndex.isPlain`).
    func classes(ofPlain lower: UnsafeBufferPointer<UInt8>) -> WordClass {
        classes[plain: lower] ?? []
    }
}
