import PipelineModel

/// A text being annotated: its tokens, which of them an entity already covers, and the spans found.
///
/// Recognisers run one after the other on the same `AnnotatedText`; a later one only takes tokens
/// that no earlier one claimed, which keeps the spans free of overlaps.
struct AnnotatedText {
    /// Everything in one object, copied before a change when shared: recognisers' closures capture
    /// the text by value, and copying five arrays cost five reference counts each time.
    private final class Storage {
        let scalars: [Unicode.Scalar]
        let tokens: [Token]
        /// Read for nearly every token, so kept where no exclusivity check guards it.
        let claimed: UnsafeMutableBufferPointer<Bool>
        var spans: [EntitySpan] = []
        var spanTokens: [Range<Int>] = []

        init(scalars: [Unicode.Scalar], tokens: [Token]) {
            self.scalars = scalars
            self.tokens = tokens
            claimed = .allocate(capacity: tokens.count)
            claimed.initialize(repeating: false)
        }

        func copy() -> Storage {
            let copy = Storage(scalars: scalars, tokens: tokens)
            for index in claimed.indices { copy.claimed[index] = claimed[index] }
            copy.spans = spans
            copy.spanTokens = spanTokens
            return copy
        }

        deinit {
            claimed.deallocate()
        }
    }

    private var storage: Storage

    var scalars: [Unicode.Scalar] { storage.scalars }
    var tokens: [Token] { storage.tokens }
    var spans: [EntitySpan] { storage.spans }
    /// The tokens each span of `spans` covers, at the same index.
    var spanTokens: [Range<Int>] { storage.spanTokens }

    init(_ text: String, words: WordTable) {
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars { scalars.append(scalar) }
        var tokens = Tokenizer.tokenize(scalars)
        for index in tokens.indices where tokens[index].kind == .word {
            tokens[index].classes = words.classes(of: tokens[index].lower)
        }
        storage = Storage(scalars: scalars, tokens: tokens)
    }

    var count: Int { storage.tokens.count }

    /// Lent rather than copied: `text[index].kind` then reads one field without retaining and
    /// releasing the token's strings.
    subscript(index: Int) -> Token {
        _read { yield storage.tokens[index] }
    }

    /// The token at `index`, or nil past either end.
    func token(_ index: Int) -> Token? {
        index >= 0 && index < count ? storage.tokens[index] : nil
    }

    /// No token of `range` belongs to an entity yet.
    func isFree(_ range: Range<Int>) -> Bool {
        guard range.lowerBound >= 0, range.upperBound <= count else { return false }
        return !storage.claimed[range].contains(true)
    }

    func isClaimed(_ index: Int) -> Bool {
        index >= 0 && index < count && storage.claimed[index]
    }

    private mutating func makeUnique() {
        if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
    }

    /// Records an entity over the tokens of `range`.
    mutating func claim(_ range: Range<Int>, as type: EntityType, normalized: String) {
        guard !range.isEmpty, isFree(range) else { return }
        makeUnique()
        for index in range { storage.claimed[index] = true }
        storage.spans.append(EntitySpan(start: storage.tokens[range.lowerBound].start,
                                        end: storage.tokens[range.upperBound - 1].end, type: type, normalized: normalized))
        storage.spanTokens.append(range)
    }

    /// Gives the span at `spanIndex` a new normalized value (a surname alone becomes the full name).
    mutating func setNormalized(ofSpan spanIndex: Int, to normalized: String) {
        makeUnique()
        storage.spans[spanIndex].normalized = normalized
    }

    /// Gives the span at `spanIndex` a new type when later evidence outweighs the first guess.
    mutating func setType(ofSpan spanIndex: Int, to type: EntityType, normalized: String) {
        makeUnique()
        storage.spans[spanIndex].type = type
        storage.spans[spanIndex].normalized = normalized
    }

    /// For each token, the index in `spans` of the span covering it, or -1.
    func spanIndexByToken() -> [Int] {
        var result = Array(repeating: -1, count: count)
        for (spanIndex, range) in storage.spanTokens.enumerated() {
            for index in range { result[index] = spanIndex }
        }
        return result
    }

    /// The text of the tokens in `range` as written, whitespace runs made single spaces.
    func surface(_ range: Range<Int>) -> String {
        joined(range, lowerCase: false)
    }

    /// `surface(range)` in lower case: the key for gazetteer lookups.
    func key(_ range: Range<Int>) -> String {
        joined(range, lowerCase: true)
    }

    /// A flag rather than a key path: reading a property through a `KeyPath` costs a generic call.
    private func joined(_ range: Range<Int>, lowerCase: Bool) -> String {
        // One token, the most frequent lookup, needs no new string.
        if range.count == 1 { return lowerCase ? storage.tokens[range.lowerBound].lower : storage.tokens[range.lowerBound].text }
        var result = ""
        for index in range {
            if index > range.lowerBound && storage.tokens[index].spaceBefore { result += " " }
            result += lowerCase ? storage.tokens[index].lower : storage.tokens[index].text
        }
        return result
    }

    /// The end of the run of unclaimed capitalised words from `start` on one line, at most `limit`
    /// words long, stopping before a word in any of `stop`.
    func capitalisedRun(from start: Int, limit: Int, stoppingAt stop: WordClass) -> Int {
        var end = start
        while end - start < limit, let token = token(end), token.kind == .word, token.isCapitalized, !storage.claimed[end],
              end == start || !token.lineBreakBefore, token.classes.isDisjoint(with: stop) {
            end += 1
        }
        return end
    }

    /// The token at `index` is punctuation spelled `text`.
    func isPunctuation(_ index: Int, _ text: String) -> Bool {
        // By index: a copy of the `Token` would retain and release its strings.
        guard index >= 0 && index < count else { return false }
        return storage.tokens[index].kind == .punctuation && storage.tokens[index].text == text
    }

    /// The lower-cased text of the token at `index`, or "" past either end.
    func lower(_ index: Int) -> String {
        index >= 0 && index < count ? storage.tokens[index].lower : ""
    }
}
