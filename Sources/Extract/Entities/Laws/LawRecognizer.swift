/// Finds whole legal citations: named instruments ("the Criminal Code of the Republic of Kazakhstan",
/// "the 1951 Geneva Convention Relating to the Status of Refugees") and provisions, alone or with
/// the instrument they belong to ("Article 392, Part 1, of the Criminal Code ...", "Section 13(1)(e)
/// of the PC Act"). It runs first, so that a year inside a law's name is not taken as a date.
struct LawRecognizer: Sendable {
    /// Words that end (or head) the name of a legal instrument.
    static let instrumentWords: Set<String> = [
        "act", "acts", "code", "codes", "convention", "constitution", "treaty", "covenant", "charter", "protocol",
        "directive", "regulation", "regulations", "resolution", "declaration", "statute", "law", "bill",
        "ordinance", "rules", "sanhita", "agreement", "accord", "accords", "amendment", "decree", "schedule",
    ]
    /// Instruments whose single word is enough to name them.
    private static let standaloneInstruments: Set<String> = ["constitution"]
    /// Abbreviations of statutes common enough to be cited alone.
    static let statuteAbbreviations: Set<String> = [
        "ipc", "crpc", "cpc", "ndps", "uapa", "pmla", "fera", "fema", "sarfaesi", "gdpr", "iccpr", "icescr",
        "udhr", "cedaw", "echr", "uncat", "cat", "crc", "bns", "bnss", "bsa", "cgst", "igst", "gst",
    ]
    /// Words that introduce a provision, lower case.
    static let provisionWords: Set<String> = [
        "section", "sections", "sec", "secs", "s", "ss", "article", "articles", "art", "arts", "rule", "rules",
        "order", "clause", "clauses", "sub-section", "sub-sections", "subsection", "subsections", "sub-clause",
        "part", "chapter", "paragraph", "paragraphs", "para", "schedule", "item", "regulation", "regulations",
        "sub-rule", "proviso", "explanation", "title", "cl", "sub",
    ]
    /// Provision words that need a following full stop ("S. 36", "Art. 5", "cl.(4)").
    private static let abbreviatedProvisionWords: Set<String> = ["sec", "secs", "s", "ss", "art", "arts", "para", "cl"]
    /// Provision words that are a citation only with the instrument they belong to.
    private static let dependentProvisionWords: Set<String> = [
        "clause", "clauses", "paragraph", "paragraphs", "para", "explanation", "proviso", "item", "sub-clause", "cl",
    ]
    /// Words that join the numbers of a list of provisions ("302 r/w 34", "269A(1) read with 269A(5)").
    private static let listJoiners: Set<String> = [",", "and", "or", "/", "to", "&", "-", "–", "r/w", "rw", "rws"]
    /// Words that join the parts of a name ("Convention Relating to the Status of Refugees").
    private static let nameConnectors: Set<String> = ["of", "on", "the", "and", "for", "to", "in", "against", "&"]
    /// Words after an instrument word that continue its name with what it is about.
    private static let nameContinuations: Set<String> = [
        "of", "on", "relating", "for", "against", "concerning", "regarding", "governing", "to",
    ]
    private static let romanNumerals: Set<String> = [
        "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii", "xiii", "xiv", "xv", "xvi",
        "xvii", "xviii", "xix", "xx", "xxi", "xxii", "xxiii", "xxiv", "xxv", "xxx", "xl", "xli", "xlii", "l",
    ]

    func recognize(in text: inout AnnotatedText) {
        // Names first, so that a provision can find the instrument that follows it.
        var names: [Int: Range<Int>] = [:]
        var index = 0
        while index < text.count {
            if let name = instrumentName(around: index, in: text) {
                names[name.lowerBound] = name
                index = name.upperBound
            } else {
                index += 1
            }
        }
        var found: [(range: Range<Int>, normalized: String)] = []
        var lastLaw: (end: Int, name: String)?
        // "the Criminal Code" after "the Criminal Code of the Republic of Kazakhstan" is the same code.
        var fullNames: [String] = []
        func normalizedName(_ name: Range<Int>) -> String {
            let normalized = self.normalizedName(name, in: text)
            if let full = fullNames.last(where: { $0.hasPrefix(normalized + " ") }) { return full }
            fullNames.append(normalized)
            return normalized
        }
        index = 0
        while index < text.count {
            if let name = names[index] {
                let normalized = normalizedName(name)
                found.append((name, normalized))
                lastLaw = (name.upperBound, normalized)
                index = name.upperBound
                continue
            }
            guard let provisionEnd = provision(at: index, in: text) else {
                index += 1
                continue
            }
            let provisionText = trimmedSurface(index..<provisionEnd, in: text)
            var gap = provisionEnd
            if text.isPunctuation(gap, ",") { gap += 1 }
            let joiner = text.lower(gap)
            if joiner == "of" || joiner == "under" || joiner == "in" { gap += 1 }
            if text.lower(gap) == "the" { gap += 1 }
            if let name = names[gap] ?? names[provisionEnd] ?? acronymStatute(at: gap, in: text) {
                let normalized = normalizedName(name)
                found.append((index..<name.upperBound, normalized + ", " + provisionText))
                lastLaw = (name.upperBound, normalized)
                index = name.upperBound
                continue
            }
            // "clause 3", "paragraph 17", "Explanation 2" alone are parts of a judgment or a contract.
            if Self.dependentProvisionWords.contains(text.lower(index)) {
                index += 1  // what follows it may still be a citation: "clause 3 and Section 5 of the Act"
                continue
            }
            // "the Convention ... whose Article 33": a provision right after an instrument belongs to it.
            if let last = lastLaw, index - last.end <= 2,
               (last.end..<index).allSatisfy({ ["whose", "its", ",", "under"].contains(text.lower($0)) }) {
                found.append((index..<provisionEnd, last.name + ", " + provisionText))
            } else {
                found.append((index..<provisionEnd, provisionText))
            }
            index = provisionEnd
        }
        for (range, normalized) in found {
            text.claim(range, as: .law, normalized: normalized)
        }
    }

    // MARK: Instrument names

    /// The name of a legal instrument whose instrument word is at `index` or which starts there.
    private func instrumentName(around index: Int, in text: AnnotatedText) -> Range<Int>? {
        let token = text[index]
        guard token.kind == .word, token.classes.contains(.instrument) || token.classes.contains(.statute) || token.text == "CrPC"
        else { return nil }
        if Self.statuteAbbreviations.contains(token.lower) && token.isAllCaps || token.text == "CrPC" {
            return index..<yearSuffix(after: index + 1, in: text)
        }
        guard token.isCapitalized, Self.instrumentWords.contains(token.lower) else { return nil }
        // Extend left over the capitalised words of the name ("Indian Penal", "1951 Geneva").
        var start = index
        var leftWords = 0
        while start > 0, leftWords < 10 {
            let previous = text[start - 1]
            if previous.kind == .word && previous.isCapitalized && !previous.classes.contains(.function)
                && !previous.classes.contains(.provision) && (previous.spaceBefore || start - 1 == 0 || previous.lineBreakBefore) {
                start -= 1
                leftWords += 1
                if previous.sentenceInitial { break }
            } else if previous.kind == .word, let digit = previous.text.utf8.first, digit >= 0x30 && digit <= 0x39,
                      ["st", "nd", "rd", "th"].contains(String(previous.lower.suffix(2))) {
                // "the 73rd Amendment".
                start -= 1
                leftWords += 1
                break
            } else if previous.kind == .number, previous.text.count == 4, start - 1 > 0 || leftWords > 0 {
                // A year in the name: "the 1951 Geneva Convention".
                start -= 1
                break
            } else if previous.kind == .punctuation && previous.text == ")", let open = bracketedWords(before: start - 1, in: text) {
                // "Money Circulation Schemes (Banning) Act", "Real Estate (Regulation and Development) Rules".
                start = open
            } else if previous.text == ".", !previous.spaceBefore, let initial = text.token(start - 2), initial.kind == .word,
                      initial.text.count == 1, initial.isCapitalized, leftWords > 0 || start == index {
                // "U.P. Motor Vehicle Rules": the initials of a state.
                start -= 2
                leftWords += 1
            } else if Self.nameConnectors.contains(previous.lower) && previous.lower != "the" && leftWords > 0,
                      let before = text.token(start - 2), before.isCapitalized, before.kind == .word,
                      !Lexicon.functionWords.contains(before.lower) {
                start -= 1
            } else {
                break
            }
        }
        // "Nathan Law", "Jude Law": a given name before "Law" makes it a surname.
        if token.lower == "law", index - start == 1, text[start].classes.contains(.givenName) { return nil }
        // "President Bill Clinton": a given name before a surname starts a person's name.
        if token.classes.contains(.givenName), let next = text.token(index + 1), next.kind == .word, next.isCapitalized,
           !next.lineBreakBefore, next.classes.isDisjoint(with: [.instrument, .function]) {
            return nil
        }
        // "the 1894 Act" names an instrument only with the document's context.
        let isGeneric = (start == index || start == index - 1 && text[start].kind == .number)
            && !Self.standaloneInstruments.contains(token.lower)
        var end = index + 1
        // "Banking Regulation Act", "Amendment Rules": the last instrument word heads the name.
        var head = token
        while let next = text.token(end), next.kind == .word, next.isCapitalized, !next.lineBreakBefore,
              Self.instrumentWords.contains(next.lower) {
            head = next
            end += 1
        }
        // "(Amendment)" after the instrument word.
        if text.isPunctuation(end, "("), text.lower(end + 1) == "amendment", text.isPunctuation(end + 2, ")") { end += 3 }
        // A number that names the instrument: "Resolution 2231", "Regulation (EU) 2016/679",
        // "Directive 95/46/EC", "Protocol No. 11".
        if head.lower != "act" || text.lower(end + 1) != "of" {
            var cursor = end
            if text.isPunctuation(cursor, "("), let inner = text.token(cursor + 1), inner.isAllCaps,
               text.isPunctuation(cursor + 2, ")") { cursor += 3 }
            if text.lower(cursor) == "no", text.isPunctuation(cursor + 1, ".") { cursor += 2 }
            if let number = text.token(cursor), number.kind == .number, !number.lineBreakBefore {
                cursor += 1
                while let next = text.token(cursor), !next.spaceBefore,
                      next.kind == .number || next.text == "/" || next.kind == .word && next.isAllCaps {
                    cursor += 1
                }
                end = cursor
            }
        }
        // What the instrument is about: "Code of the Republic of Kazakhstan", "Convention Relating to
        // the Status of Refugees", "Convention on Refugees".
        if Self.nameContinuations.contains(text.lower(end)), !text[end].lineBreakBefore {
            var cursor = end + 1
            if text.lower(cursor) == "to" { cursor += 1 }
            if text.lower(cursor) == "the" { cursor += 1 }
            var last = -1
            while let next = text.token(cursor), !next.lineBreakBefore {
                if next.kind == .word && next.isCapitalized && !Self.provisionWords.contains(next.lower) {
                    last = cursor
                    cursor += 1
                } else if next.lower == "and" && text.lower(cursor + 1) == "the" {
                    break  // "the Declaration ... and the Treaty ...": a second instrument
                } else if Self.nameConnectors.contains(next.lower) || next.lower == "'s" {
                    cursor += 1
                } else {
                    break
                }
            }
            if last >= 0 { end = last + 1 }
        }
        // "Act 68 of 1984", "Punjab Act 2 of 1985".
        if head.lower == "act", let number = text.token(end), number.kind == .number, text.lower(end + 1) == "of",
           let year = text.token(end + 2), year.kind == .number, year.text.count == 4 {
            return start..<end + 3
        }
        if isGeneric && end == index + 1 { return nil }
        return start..<yearSuffix(after: end, in: text)
    }

    /// The "(" that opens a bracket of capitalised words closing at `close` ("(Banning)",
    /// "(Regulation and Development)"), or nil.
    private func bracketedWords(before close: Int, in text: AnnotatedText) -> Int? {
        var cursor = close - 1
        var words = 0
        while cursor > close - 7, let token = text.token(cursor), !token.lineBreakBefore {
            if text.isPunctuation(cursor, "(") { return words > 0 ? cursor : nil }
            guard token.kind == .word, token.isCapitalized || Self.nameConnectors.contains(token.lower) else { return nil }
            if token.isCapitalized { words += 1 }
            cursor -= 1
        }
        return nil
    }

    /// The end of a name after its optional year: ", 1988", " 1872", " (26 of 1881)".
    private func yearSuffix(after end: Int, in text: AnnotatedText) -> Int {
        var cursor = end
        if text.isPunctuation(cursor, ",") || text.lower(cursor) == "of" { cursor += 1 }  // ", 1988", "of 2015"
        if let year = text.token(cursor), year.kind == .number, year.text.count == 4 || year.text.count == 5 && cursor > end,
           let value = year.number, value >= 1000, !year.lineBreakBefore {
            return cursor + 1
        }
        if text.isPunctuation(end, "("), let close = (end + 1..<min(end + 7, text.count)).first(where: { text.isPunctuation($0, ")") }),
           let last = text.token(close - 1), last.kind == .number, last.text.count == 4, text.lower(close - 2) == "of" {
            return close + 1
        }
        return end
    }

    // MARK: Provisions

    /// The end of a provision starting at `index` ("Article 392, Part 1", "Sections 120B, 212 and 302",
    /// "sub-section (7) of Section 63"), or nil.
    private func provision(at index: Int, in text: AnnotatedText) -> Int? {
        guard let token = text.token(index), token.kind == .word, token.classes.contains(.provision) else { return nil }
        var cursor = index + 1
        if token.lower == "sub" {
            // "Sub Section 5 of Section 3", "Sub-section" written apart.
            guard let next = text.token(cursor), ["section", "clause", "rule", "sections", "clauses", "rules"].contains(next.lower) else { return nil }
            cursor += 1
        }
        if Self.abbreviatedProvisionWords.contains(token.lower) {
            guard text.isPunctuation(cursor, ".") else { return nil }
            cursor += 1
        } else if text.isPunctuation(cursor, "-") || text.isPunctuation(cursor, ".") {
            cursor += 1  // "Sections - 54 and 59", "Art. 5"
        }
        // A bare "part" or "order" needs a number that looks like one.
        guard var end = provisionNumber(at: cursor, in: text, allowRoman: true) else { return nil }
        if token.lower == "title" && (!token.isCapitalized || text[cursor].kind == .number) { return nil }
        if ["part", "order", "schedule", "item", "rule", "rules", "chapter"].contains(token.lower), !token.isCapitalized,
           text[cursor].kind != .number { return nil }
        // Lists and ranges: "Sections 13 and 19", "302/149", "20 to 24".
        while true {
            var joiner = text.lower(end)
            var joinerLength = 1
            if joiner == "read", text.lower(end + 1) == "with" {
                joiner = "r/w"
                joinerLength = 2
            } else if joiner == "r", text.isPunctuation(end + 1, "/"), text.lower(end + 2) == "w" {
                joiner = "r/w"
                joinerLength = 3
            }
            if Self.listJoiners.contains(joiner),
               let next = provisionNumber(at: end + joinerLength, in: text, allowRoman: false) {
                end = next
                continue
            }
            // "Rule 3 and Rule 3A", "Articles 14 and Article 21".
            if [",", "and", "or", "&"].contains(joiner), let next = provision(at: end + 1, in: text) {
                end = next
                continue
            }
            // Chained sub-provisions: ", Part 1", "of Section 63", "Rule 27 (1) of Order XLI".
            var gap = end
            if text.isPunctuation(gap, ",") { gap += 1 }
            if text.lower(gap) == "of" { gap += 1 }
            if gap > end, let sub = provision(at: gap, in: text) {
                end = sub
                continue
            }
            if let sub = provision(at: end, in: text), text[end].isCapitalized || text.lower(end) == "rule" {
                end = sub  // "Order VII Rule 11"
                continue
            }
            break
        }
        // "Section 138 NI Act" or "Order 7 Rule 11 CPC" without "of".
        return end
    }

    /// The end of a provision number at `index`: "392", "13(1)(e)", "120B", "13-B", "XLI", "(7)".
    private func provisionNumber(at index: Int, in text: AnnotatedText, allowRoman: Bool) -> Int? {
        guard let token = text.token(index), !token.lineBreakBefore || token.kind == .number else { return nil }
        var cursor = index
        if token.kind == .number {
            cursor += 1
        } else if token.kind == .word, token.isAllCaps, token.text.count >= 2, Self.romanNumerals.contains(String(token.lower.dropLast())),
                  let last = token.text.last, "ABCDEF".contains(last) {
            cursor += 1  // "Part IXA"
        } else if token.kind == .word, Self.romanNumerals.contains(token.lower), allowRoman || token.isAllCaps,
                  token.isAllCaps || token.text.count <= 4 && token.isCapitalized == false && text.isPunctuation(index - 1, "(") {
            cursor += 1
        } else if token.text == "(", let close = closingBracket(after: index, in: text) {
            cursor = close + 1
        } else {
            return nil
        }
        // Suffixes written without a space: "120B", "13-B", "(1)(e)", "2(24)(x)"; a bracket after a
        // space still belongs to the number: "13(1) (ib)", "Rule 27 (1)".
        while let next = text.token(cursor) {
            if next.text == "(", let close = closingBracket(after: cursor, in: text) {
                cursor = close + 1
                continue
            }
            if next.spaceBefore { break }
            if next.text == ".", let after = text.token(cursor + 1), after.kind == .number, !after.spaceBefore {
                cursor += 2  // "clause 1.6"
                continue
            }
            if next.kind == .word && next.text.count <= 2 && next.lower != "of" {
                cursor += 1
                continue
            }
            if next.text == "-", let after = text.token(cursor + 1), !after.spaceBefore,
               after.kind == .word && after.text.count <= 2 {
                cursor += 2
                continue
            }
            break
        }
        return cursor
    }

    /// The ")" that closes a short bracket of a provision number ("(1)", "(3A)", "(ib)"), or nil.
    private func closingBracket(after open: Int, in text: AnnotatedText) -> Int? {
        var cursor = open + 1
        while cursor <= open + 3, let token = text.token(cursor) {
            if token.kind == .punctuation {
                return token.text == ")" && cursor > open + 1 ? cursor : nil
            }
            if cursor > open + 1 && token.spaceBefore { return nil }
            if token.kind == .word && token.text.count > 4 { return nil }
            cursor += 1
        }
        return nil
    }

    /// A statute cited by its capitals right after a provision: "IPC", "RPC", "PITA, Act", "Cr.P.C.",
    /// "Arms Act" is found as a name already.
    private func acronymStatute(at index: Int, in text: AnnotatedText) -> Range<Int>? {
        guard let token = text.token(index), token.kind == .word, !token.lineBreakBefore else { return nil }
        var end = index
        if token.isAllCaps, (2...8).contains(token.text.count), !Self.romanNumerals.contains(token.lower) {
            end = index + 1
        } else if token.text == "Cr" || token.text == "Cr.P.C" {
            // "Cr.P.C.", "Cr.PC": dotted capitals.
            end = index + 1
            while text.isPunctuation(end, "."), let next = text.token(end + 1), !next.spaceBefore, next.kind == .word,
                  next.text.count <= 2, next.isCapitalized {
                end += 2
            }
            guard end > index + 1 else { return nil }
        } else {
            return nil
        }
        if text.isPunctuation(end, "."), !text[end].spaceBefore, token.text.hasPrefix("Cr") { end += 1 }
        if text.lower(end) == "act", text[end].isCapitalized { end += 1 }
        return index..<end
    }

    // MARK: Normal forms

    private func normalizedName(_ range: Range<Int>, in text: AnnotatedText) -> String {
        trimmedSurface(range, in: text)
    }

    /// The surface text without trailing commas.
    private func trimmedSurface(_ range: Range<Int>, in text: AnnotatedText) -> String {
        var end = range.upperBound
        while end > range.lowerBound, text.isPunctuation(end - 1, ",") { end -= 1 }
        return text.surface(range.lowerBound..<end)
    }
}
