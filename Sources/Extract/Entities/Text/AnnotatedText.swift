import PipelineModel

/// A text being annotated: its tokens, which of them an entity already covers, and the spans found.
///
/// Recognisers run one after the other on the same `AnnotatedText`; a later one only takes tokens
/// that no earlier one claimed, which keeps the spans free of overlaps.
struct AnnotatedText {
    let scalars: [Unicode.Scalar]
    let tokens: [Token]
    private(set) var claimed: [Bool]
    private(set) var spans: [EntitySpan] = []
    /// The tokens each span of `spans` covers, at the same index.
    private(set) var spanTokens: [Range<Int>] = []

    init(_ text: String, words: WordTable) {
        scalars = Array(text.unicodeScalars)
        var tokens = Tokenizer.tokenize(scalars)
        for index in tokens.indices where tokens[index].kind == .word {
            tokens[index].classes = words.classes(of: tokens[index].lower)
        }
        self.tokens = tokens
        claimed = Array(repeating: false, count: tokens.count)
    }

    var count: Int { tokens.count }

    subscript(index: Int) -> Token { tokens[index] }

    /// The token at `index`, or nil past either end.
    func token(_ index: Int) -> Token? {
        index >= 0 && index < tokens.count ? tokens[index] : nil
    }

    /// No token of `range` belongs to an entity yet.
    func isFree(_ range: Range<Int>) -> Bool {
        guard range.lowerBound >= 0, range.upperBound <= tokens.count else { return false }
        return !claimed[range].contains(true)
    }

    func isClaimed(_ index: Int) -> Bool {
        index >= 0 && index < claimed.count && claimed[index]
    }

    /// Records an entity over the tokens of `range`.
    mutating func claim(_ range: Range<Int>, as type: EntityType, normalized: String) {
        guard !range.isEmpty, isFree(range) else { return }
        for index in range { claimed[index] = true }
        spans.append(EntitySpan(start: tokens[range.lowerBound].start, end: tokens[range.upperBound - 1].end,
                                type: type, normalized: normalized))
        spanTokens.append(range)
    }

    /// Gives the span at `spanIndex` a new normalized value (a surname alone becomes the full name).
    mutating func setNormalized(ofSpan spanIndex: Int, to normalized: String) {
        spans[spanIndex].normalized = normalized
    }

    /// Gives the span at `spanIndex` a new type when later evidence outweighs the first guess.
    mutating func setType(ofSpan spanIndex: Int, to type: EntityType, normalized: String) {
        spans[spanIndex].type = type
        spans[spanIndex].normalized = normalized
    }

    /// For each token, the index in `spans` of the span covering it, or -1.
    func spanIndexByToken() -> [Int] {
        var result = Array(repeating: -1, count: tokens.count)
        for (spanIndex, range) in spanTokens.enumerated() {
            for index in range { result[index] = spanIndex }
        }
        return result
    }

    /// The text of the tokens in `range` as written, whitespace runs made single spaces.
    func surface(_ range: Range<Int>) -> String {
        joined(range, \.text)
    }

    /// `surface(range)` in lower case: the key for gazetteer lookups.
    func key(_ range: Range<Int>) -> String {
        joined(range, \.lower)
    }

    private func joined(_ range: Range<Int>, _ form: KeyPath<Token, String>) -> String {
        var result = ""
        for index in range {
            if index > range.lowerBound && tokens[index].spaceBefore { result += " " }
            result += tokens[index][keyPath: form]
        }
        return result
    }

    /// The end of the run of unclaimed capitalised words from `start` on one line, at most `limit`
    /// words long, stopping before a word in any of `stop`.
    func capitalisedRun(from start: Int, limit: Int, stoppingAt stop: WordClass) -> Int {
        var end = start
        while end - start < limit, let token = token(end), token.kind == .word, token.isCapitalized, !claimed[end],
              end == start || !token.lineBreakBefore, token.classes.isDisjoint(with: stop) {
            end += 1
        }
        return end
    }

    /// The token at `index` is punctuation spelled `text`.
    func isPunctuation(_ index: Int, _ text: String) -> Bool {
        guard let token = token(index) else { return false }
        return token.kind == .punctuation && token.text == text
    }

    /// The lower-cased text of the token at `index`, or "" past either end.
    func lower(_ index: Int) -> String {
        token(index)?.lower ?? ""
    }
}
