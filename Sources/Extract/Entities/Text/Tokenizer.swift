/// One token of a text: a word, a number or a punctuation mark, with its place in Unicode scalars.
struct Token: Sendable {
    /// What a token is made of; recognisers branch on this before they look at the text.
    enum Kind: Sendable, Equatable {
        case word, number, punctuation
    }

    var start: Int
    var end: Int
    var kind: Kind
    /// The surface text, with curly apostrophes made straight so that lookups need one spelling.
    var text: String
    /// `text` lowercased: the key for every lexicon lookup.
    var lower: String
    /// A line break lies between the previous token and this one.
    var lineBreakBefore: Bool
    /// Whitespace lies between the previous token and this one.
    var spaceBefore: Bool
    /// The first scalar is an upper-case letter.
    var isCapitalized: Bool
    /// Two or more letters, all upper case.
    var isAllCaps: Bool
    /// The token starts a sentence, a line or a list item.
    var sentenceInitial: Bool
    /// The word lists `lower` is on, filled in from the recogniser's `WordTable`.
    var classes: WordClass = []

    /// The numeric value of an all-digit token.
    var number: Int? { kind == .number ? Int(text) : nil }
}

/// Splits a text into tokens in one pass over its Unicode scalars.
///
/// Letters joined by a hyphen or an apostrophe stay one token ("Morkūnaitė-Mikulėnienė", "O'Rourke"),
/// but a possessive "'s" is split off so that the name before it can be a span of its own.
enum Tokenizer {
    static func tokenize(_ scalars: [Unicode.Scalar]) -> [Token] {
        var tokens: [Token] = []
        tokens.reserveCapacity(scalars.count / 4)
        var index = 0
        var sawSpace = false
        var sawLineBreak = true
        let count = scalars.count
        // Reused for every token that is not ASCII: building a `String` from UTF-8 bytes is much
        // cheaper than appending scalars to a `String.UnicodeScalarView`.
        var buffer: [UInt8] = []
        while index < count {
            let scalar = scalars[index]
            if isWhitespace(scalar) {
                if scalar == "\n" || scalar == "\r" || scalar == "\u{2028}" || scalar == "\u{2029}" {
                    sawLineBreak = true
                }
                sawSpace = true
                index += 1
                continue
            }
            let start = index
            var kind = Token.Kind.punctuation
            if isLetter(scalar) {
                kind = .word
                index = endOfWord(scalars, from: index)
            } else if isDigit(scalar) {
                kind = .number
                while index < count, isDigit(scalars[index]) { index += 1 }
                // Ordinals and decades ("19th", "1990s") are one token; other letters after digits
                // ("2019Bitter" where a page ran two fields together) start a new token.
                let suffixEnd = endOfWord(scalars, from: index)
                if suffixEnd > index {
                    let suffix = strings(scalars[index..<suffixEnd], buffer: &buffer).lower
                    if Self.numberSuffixes.contains(suffix) {
                        kind = .word
                        index = suffixEnd
                    }
                }
            } else if (scalar == "'" || scalar == "\u{2019}") && !sawSpace && index + 1 < count,
                      scalars[index + 1] == "s" || scalars[index + 1] == "S",
                      index + 2 >= count || !isLetter(scalars[index + 2]) {
                // The possessive "'s" is one token, so that "Alimuly's" ends the name before it.
                index += 2
            } else {
                index += 1
            }
            let (text, lower) = strings(scalars[start..<index], buffer: &buffer)
            let capitalized = kind == .word && isUppercase(scalars[start])
            var letters = 0
            var upper = 0
            if kind == .word {
                for s in scalars[start..<index] where isLetter(s) {
                    letters += 1
                    if isUppercase(s) { upper += 1 }
                }
            }
            // By index: a copy of the previous `Token` would retain and release its strings.
            let previous = tokens.count - 1
            var initial = sawLineBreak || previous < 0
            if previous >= 0, tokens[previous].kind == .punctuation, !initial {
                // A one-character ASCII mark's kind comes from a table; only others compare strings.
                let single = tokens[previous].end - tokens[previous].start == 1 ? scalars[tokens[previous].start] : nil
                let mark = single.flatMap { $0.isASCII ? asciiMarks[Int($0.value)] : nil } ?? Mark(tokens[previous].text)
                switch mark {
                case .sentenceEnd:
                    initial = !(tokens[previous].text == "." && isAbbreviation(tokens))
                case .opening:
                    initial = tokens[previous].sentenceInitial
                case .inside:
                    break
                case .other:
                    // Emoji, bullets and other symbols start a new piece of text.
                    initial = true
                }
            }
            tokens.append(Token(
                start: start, end: index, kind: kind, text: text, lower: lower,
                lineBreakBefore: sawLineBreak, spaceBefore: sawSpace,
                isCapitalized: capitalized, isAllCaps: letters >= 2 && upper == letters,
                sentenceInitial: initial))
            sawSpace = false
            sawLineBreak = false
        }
        return tokens
    }

    /// What a punctuation mark says about the word after it.
    private enum Mark {
        /// The word after it starts a sentence ("." unless it ends an abbreviation).
        case sentenceEnd
        /// The word after it starts a sentence when the mark does.
        case opening
        /// The sentence goes on.
        case inside
        case other

        init(_ text: String) {
            switch text {
            case ".", "!", "?", ":", ";", "•", "·", "|", "*", "–", "—": self = .sentenceEnd
            case "\"", "'", "“", "(", "[": self = .opening
            case ",", "-", "/", "&", "”", ")", "]", "+", "%", "$", "€", "£": self = .inside
            default: self = .other
            }
        }
    }

    /// `Mark` of each ASCII character, so that most marks cost no string comparison.
    private static let asciiMarks: [Mark] = (0..<128).map { Mark(String(UnicodeScalar(UInt8($0)))) }

    private static let numberSuffixes = ["st", "nd", "rd", "th", "s"]

    /// The text of some scalars, with typographic apostrophes made ASCII, and its lower-case form.
    private static func strings(_ slice: ArraySlice<Unicode.Scalar>, buffer: inout [UInt8]) -> (text: String, lower: String) {
        // Most tokens are ASCII once their apostrophes are straight: their bytes go straight into the
        // strings, and a word already in lower case is its own lower-case form.
        var ascii = true
        var upper = false
        for scalar in slice {
            if scalar.isASCII {
                upper = upper || scalar.value >= 65 && scalar.value <= 90
            } else if !isApostrophe(scalar, alone: slice.count == 1) {
                ascii = false
                break
            }
        }
        if ascii {
            let text = asciiString(slice, lowered: false)
            return (text, upper ? asciiString(slice, lowered: true) : text)
        }
        buffer.removeAll(keepingCapacity: true)
        for scalar in slice {
            if isApostrophe(scalar, alone: slice.count == 1) {
                buffer.append(0x27)
            } else {
                UTF8.encode(scalar) { buffer.append($0) }
            }
        }
        let text = String(decoding: buffer, as: UTF8.self)
        return (text, text.lowercased())
    }

    /// A typographic apostrophe that becomes "'": the right single quote, and the left one alone.
    private static func isApostrophe(_ scalar: Unicode.Scalar, alone: Bool) -> Bool {
        scalar == "\u{2019}" || scalar == "\u{2018}" && alone
    }

    /// The string of scalars that are ASCII or apostrophes (`isApostrophe`), lowered when asked.
    private static func asciiString(_ slice: ArraySlice<Unicode.Scalar>, lowered: Bool) -> String {
        String(unsafeUninitializedCapacity: slice.count) { bytes in
            var offset = 0
            for scalar in slice {
                var byte: UInt8 = scalar.isASCII ? UInt8(truncatingIfNeeded: scalar.value) : 0x27
                if lowered && byte >= 65 && byte <= 90 { byte += 32 }
                bytes[offset] = byte
                offset += 1
            }
            return offset
        }
    }

    /// The end of the word that starts at `index`: letters and marks, joined across one hyphen or
    /// apostrophe when a letter follows, stopping before a possessive "'s".
    private static func endOfWord(_ scalars: [Unicode.Scalar], from start: Int) -> Int {
        var index = start
        let count = scalars.count
        while index < count {
            let scalar = scalars[index]
            if isLetter(scalar) || (index > start && !scalar.isASCII && scalar.properties.generalCategory.isMark) {
                index += 1
                continue
            }
            guard index > start, index + 1 < count, isLetter(scalars[index + 1]) else { break }
            if scalar == "-" || scalar == "\u{2010}" || scalar == "\u{2011}" || scalar == "\u{00AD}" {
                index += 1
                continue
            }
            if scalar == "'" || scalar == "\u{2019}" {
                // "Alimuly's": the possessive is not part of the name.
                let next = scalars[index + 1]
                let afterNext = index + 2 < count ? scalars[index + 2] : " "
                if (next == "s" || next == "S") && !isLetter(afterNext) { break }
                index += 1
                continue
            }
            break
        }
        return index
    }

    /// The token before the last is a known abbreviation, so the "." after it ends no sentence.
    private static func isAbbreviation(_ tokens: [Token]) -> Bool {
        guard tokens.count >= 2 else { return false }
        let word = tokens[tokens.count - 2]
        guard word.kind == .word else { return false }
        if word.text.unicodeScalars.count == 1 && word.isCapitalized { return true }
        return Lexicon.abbreviations.contains(word.lower)
    }

    static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let v = scalar.value
            return (v >= 65 && v <= 90) || (v >= 97 && v <= 122)
        }
        return scalar.properties.isAlphabetic && !scalar.properties.numericType.isSome
    }

    /// ASCII answered without the Unicode property tables, which dominate the time otherwise.
    static func isUppercase(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return scalar.value >= 65 && scalar.value <= 90 }
        return scalar.properties.isUppercase
    }

    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return scalar.value == 32 || (scalar.value >= 9 && scalar.value <= 13) }
        return scalar.properties.isWhitespace
    }

    static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value >= 48 && scalar.value <= 57
    }
}

extension Optional {
    fileprivate var isSome: Bool { self != nil }
}

extension Unicode.GeneralCategory {
    fileprivate var isMark: Bool {
        self == .nonspacingMark || self == .spacingMark || self == .enclosingMark
    }
}

extension String {
    /// The string with typographic apostrophes (U+2019) replaced by ASCII ones.
    func replacingApostrophes() -> String {
        // Most strings have none, and U+2019 is E2 80 99 in UTF-8.
        guard utf8.contains(0xE2) else { return self }
        var view = String.UnicodeScalarView()
        for scalar in unicodeScalars {
            view.append(scalar == "\u{2019}" ? "'" : scalar)
        }
        return String(view)
    }
}
