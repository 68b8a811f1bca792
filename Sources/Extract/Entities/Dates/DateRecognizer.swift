/// Finds calendar dates, years, decades, centuries, relative dates and durations, and writes them
/// as ISO 8601 at the precision the text gives ("2019-12", "--10-01", "1990s", "P3Y").
struct DateRecognizer: Sendable {
    /// A date found at some token: how many tokens it covers and its normalized value.
    private struct Match {
        var end: Int
        var normalized: String
    }

    private static let units: [String: String] = [
        "day": "D", "days": "D", "week": "W", "weeks": "W", "month": "M", "months": "M",
        "year": "Y", "years": "Y", "decade": "DE", "decades": "DE", "century": "CE", "centuries": "CE",
        "weekend": "WE", "weekends": "WE", "season": "SE", "seasons": "SE",
    ]
    private static let relativeModifiers: Set<String> = ["last", "next", "this", "past", "coming", "previous", "following"]
    private static let seasons: Set<String> = ["spring", "summer", "autumn", "fall", "winter"]
    private static let periodModifiers: Set<String> = ["early", "late", "mid", "mid-"]
    /// Words after a four-digit number that make it a count, not a year.
    private static let countNouns: Set<String> = [
        "people", "persons", "men", "women", "children", "votes", "troops", "km", "miles", "metres", "meters",
        "feet", "dollars", "euros", "pounds", "tons", "tonnes", "cases", "deaths", "hectares", "acres",
        "members", "students", "times", "words", "pages", "calories", "mg", "kg", "copies", "units",
        "rupees", "rs", "refugees", "prisoners", "soldiers", "employees", "workers", "households",
        "hours", "minutes", "seconds", "hrs", "mins", "ft", "sq", "authors", "articles", "books", "items", "users",
        "visitors", "participants", "respondents", "patients", "pupils", "schoolchildren",
    ]
    /// Capitalised words that end a street's name, so that a number before them is a house number.
    private static let streetWords: Set<String> = [
        "street", "st", "avenue", "ave", "road", "rd", "boulevard", "blvd", "terrace", "lane", "drive", "dr",
        "way", "highway", "hwy", "place", "court", "square",
    ]

    func recognize(in text: inout AnnotatedText, published: String?) {
        let anchor = published.flatMap(CalendarDay.init(iso:))
        // Where the next number, month, weekday or calendar unit is: a date starting with "the" or
        // "a" needs one within a few words, so most articles are passed over at once.
        var nextCore = Array(repeating: Int.max, count: text.count + 1)
        for index in stride(from: text.count - 1, through: 0, by: -1) {
            let token = text[index]
            let isCore = token.kind == .number || token.classes.contains(.dateCore) || Self.partOfYear(token) != nil
                || Self.isCenturyAdjective(token)
                || token.kind == .word && (token.text.utf8.first.map { $0 >= 0x30 && $0 <= 0x39 } ?? false)
            nextCore[index] = isCore ? index : nextCore[index + 1]
        }
        var index = 0
        while index < text.count {
            if !text.isClaimed(index), Self.canStartDate(text[index]), nextCore[index] - index <= 5,
               let match = match(at: index, in: text, anchor: anchor),
               text.isFree(index..<match.end) {
                text.claim(index..<match.end, as: .date, normalized: match.normalized)
                index = match.end
            } else {
                index += 1
            }
        }
    }

    /// Words before a duration that say how exact it is: "over 250 years", "more than seven years".
    private static let quantifiers: [[String]] = [
        ["more", "than"], ["less", "than"], ["fewer", "than"], ["at", "least"], ["at", "most"], ["close", "to"],
        ["up", "to"], ["over"], ["nearly"], ["almost"], ["about"], ["around"], ["approximately"], ["roughly"],
        ["only"], ["just"], ["some"], ["under"],
    ]
    /// Words for a part of a period: "the end of 1990", "the second half of the 20th century".
    private static let periodParts: [[String]] = [
        ["the", "end", "of"], ["the", "beginning", "of"], ["the", "start", "of"], ["the", "middle", "of"],
        ["the", "turn", "of"], ["the", "first", "half", "of"], ["the", "second", "half", "of"],
        ["the", "latter", "half", "of"], ["the", "early", "part", "of"], ["the", "late", "part", "of"],
        ["the", "spring", "of"], ["the", "summer", "of"], ["the", "autumn", "of"], ["the", "fall", "of"],
        ["the", "winter", "of"], ["spring"], ["summer"], ["autumn"], ["fall"], ["winter"],
    ]
    /// Words before a calendar unit that make it a date: "every year", "that same year", "recent years".
    private static let unitDeterminers: [[String]] = [
        ["that", "same"], ["the", "same"], ["the", "following"], ["the", "previous"], ["every"], ["each"],
        ["that"], ["those"], ["these"], ["recent"], ["later"], ["final"], ["early"], ["a"],
    ]
    private static let possessives: Set<String> = ["his", "her", "its", "their", "my", "your", "our"]

    /// Phrases indexed by their first word, longest first, so that a lookup costs one hash.
    private struct PhraseIndex: Sendable {
        let byFirstWord: [String: [[String]]]

        init(_ phrases: [[String]]) {
            var index: [String: [[String]]] = [:]
            for phrase in phrases.sorted(by: { $0.count > $1.count }) {
                guard let first = phrase.first else { continue }
                index[first, default: []].append(phrase)
            }
            byFirstWord = index
        }

        /// The number of tokens at `start` that spell one of the phrases (longest first), or nil.
        func length(at start: Int, in text: AnnotatedText) -> Int? {
            guard let candidates = byFirstWord[text.lower(start)] else { return nil }
            for phrase in candidates where phrase.indices.dropFirst().allSatisfy({ text.lower(start + $0) == phrase[$0] }) {
                return phrase.count
            }
            return nil
        }
    }

    private static let quantifierIndex = PhraseIndex(quantifiers)
    private static let periodPartIndex = PhraseIndex(periodParts)
    private static let unitDeterminerIndex = PhraseIndex(unitDeterminers)

    /// Lower-case words that can start a date; any other word is skipped without further lookups.
    static let startWords: Set<String> = {
        var words = Set(Lexicon.months.keys).union(Lexicon.weekdays.keys).union(Lexicon.numberWords.keys)
        words.formUnion(Lexicon.ordinalWords.keys)
        for phrase in quantifiers + periodParts + unitDeterminers { if let first = phrase.first { words.insert(first) } }
        words.formUnion(possessives)
        words.formUnion(relativeModifiers)
        words.formUnion(periodModifiers)
        words.formUnion(["the", "yesterday", "today", "tomorrow", "earlier", "later", "few", "several", "many", "fiscal"])
        // "centuries ago", "years ago".
        words.formUnion(units.keys.filter { $0.hasSuffix("s") })
        return words
    }()

    /// Words that every date contains at least one of (besides numbers).
    static let coreWords: Set<String> = Set(Lexicon.months.keys).union(Lexicon.weekdays.keys).union(units.keys)
        .union(["yesterday", "today", "tomorrow", "spring", "summer", "autumn", "fall", "winter", "season", "quarter"])
        .union(decadeWords.keys)

    /// Numbers, ordinals ("19th"), decades ("1990s") and the start words can start a date.
    private static func canStartDate(_ token: Token) -> Bool {
        if token.kind == .number { return true }
        guard token.kind == .word else { return false }
        if let first = token.text.utf8.first, first >= 0x30 && first <= 0x39 { return true }
        return token.classes.contains(.dateStart) || partOfYear(token) != nil || isCenturyAdjective(token)
    }

    /// "nineteenth-century", "th-century" (of "17th-century"): a century as one hyphenated word.
    private static func isCenturyAdjective(_ token: Token) -> Bool {
        token.kind == .word && token.lower.utf8.count >= 10 && token.lower.utf8.last == UInt8(ascii: "y")
            && token.lower.hasSuffix("-century")
    }

    /// "third-quarter" (as in "third-quarter profit"): a quarter of a business year in one word, as its
    /// code. "second-half" is left out: it is as often a half of a match.
    private static func partOfYear(_ token: Token) -> String? {
        guard token.kind == .word, token.lower.utf8.contains(UInt8(ascii: "-")) else { return nil }
        let parts = token.lower.split(separator: "-")
        guard parts.count == 2, let ordinal = Lexicon.ordinalWords[String(parts[0])] else { return nil }
        return parts[1] == "quarter" && ordinal <= 4 ? "Q\(ordinal)" : nil
    }

    private func match(at start: Int, in text: AnnotatedText, anchor: CalendarDay?) -> Match? {
        if let part = Self.partOfYear(text[start]) { return Match(end: start + 1, normalized: part) }
        if let length = Self.quantifierIndex.length(at: start, in: text),
           let inner = duration(at: start + length, in: text, anchor: anchor) {
            return inner
        }
        // "the end of 1990", "the end of January" (a month of no year is "--01").
        if let length = Self.periodPartIndex.length(at: start, in: text),
           let inner = core(at: start + length, in: text, anchor: anchor),
           inner.normalized.first.map({ $0.isNumber || $0 == "-" }) ?? false {
            return inner
        }
        // "fiscal 1997": a business year.
        if text.lower(start) == "fiscal", let value = year(at: start + 1, in: text) {
            return Match(end: start + 2, normalized: CalendarDay.pad(value, 4))
        }
        // "the turn of the century".
        if let length = Self.periodPartIndex.length(at: start, in: text), text.lower(start) == "the",
           text.lower(start + length) == "the", text.lower(start + length + 1) == "century" {
            return Match(end: start + length + 2, normalized: text.key(start..<start + length + 2))
        }
        // "1230 BC", "347 AD", "the 7th century BC": a year or a century of an era.
        if let date = core(at: start, in: text, anchor: anchor) ?? eraYear(at: start, in: text) {
            return Self.eras.contains(text.lower(date.end)) && text.token(date.end)?.isAllCaps == true
                ? Match(end: date.end + 1, normalized: date.normalized + " " + text[date.end].text) : date
        }
        // "the year 71", "the year 1066".
        if text.lower(start) == "the", text.lower(start + 1) == "year", let number = text.token(start + 2), number.kind == .number,
           number.text.count <= 4, let value = number.number, value > 0, !text.isPunctuation(start + 3, ","),
           !Self.countNouns.contains(text.lower(start + 3)) {
            return Match(end: start + 3, normalized: CalendarDay.pad(value, 4))
        }
        // "a couple of years", "the last couple of days", "a couple of weeks ago".
        if let couple = coupleOf(at: start, in: text) { return couple }
        // "centuries ago", "years ago": a plural unit alone before "ago".
        // Not "hundreds of years ago", "[Ten] years ago": a count before the unit is part of the date.
        if let code = Self.units[text.lower(start)], text.lower(start).hasSuffix("s"), code != "WE", text.lower(start + 1) == "ago",
           !["of", "]", ")"].contains(text.lower(start - 1)), text.token(start - 1)?.kind != .number {
            return Match(end: start + 2, normalized: text.key(start..<start + 2))
        }
        // "the 2011 season", "His 2010 season".
        if text.lower(start) == "the" || Self.possessives.contains(text.lower(start)),
           year(at: start + 1, in: text) != nil, text.lower(start + 2) == "season", let value = text[start + 1].number {
            return Match(end: start + 3, normalized: CalendarDay.pad(value, 4))
        }
        // "her 80s": an age as a decade of life.
        if Self.possessives.contains(text.lower(start)), let next = text.token(start + 1), next.kind == .word,
           next.lower.count == 3, next.lower.hasSuffix("0s"), next.lower.first?.isNumber ?? false {
            return Match(end: start + 2, normalized: text.key(start..<start + 2))
        }
        // "the third quarter", "the fourth quarter of 2009": a quarter of a business year.
        if text.lower(start) == "the", let quarter = Lexicon.ordinalWords[text.lower(start + 1)], (1...4).contains(quarter),
           text.lower(start + 2) == "quarter" {
            if text.lower(start + 3) == "of", let year = year(at: start + 4, in: text) {
                return Match(end: start + 5, normalized: CalendarDay.pad(year, 4) + "-Q\(quarter)")
            }
            return Match(end: start + 3, normalized: "Q\(quarter)")
        }
        if let length = Self.unitDeterminerIndex.length(at: start, in: text) ?? (Self.possessives.contains(text.lower(start)) ? 1 : nil) {
            var index = start + length
            if Self.possessives.contains(text.lower(start)),
               ["first", "last", "early", "final", "later"].contains(text.lower(index)) { index += 1 }
            let unit = text.lower(index)
            if index > start + (Self.possessives.contains(text.lower(start)) ? 1 : 0), let code = Self.units[unit] {
                let plural = unit.hasSuffix("s")
                let determiner = text.key(start..<start + length)
                let singularDeterminer = ["that", "every", "each", "a", "the", "that same", "the same"].contains(determiner)
                // "its first week", "her last years": a possessive with a modifier takes either number.
                let possessiveWithModifier = Self.possessives.contains(text.lower(start)) && index > start + 1
                // "a season ticket", "its most recent season": a season is a date only after these.
                let seasonAllowed = code != "SE" || ["that", "every", "each", "the same", "that same"].contains(determiner)
                    || possessiveWithModifier
                if seasonAllowed, plural != singularDeterminer || possessiveWithModifier || text.lower(start) == "recent"
                    || text.lower(start) == "later" {
                    let normalized = text.lower(start) == "a" ? "P1" + (code == "DE" ? "0Y" : code == "CE" ? "00Y" : code) : text.key(start..<index + 1)
                    return Match(end: index + 1, normalized: normalized)
                }
            }
        }
        // Ranges ("1947 to 1960") are two dates, as in OntoNotes and GUM.
        return nil
    }

    /// "a couple of years", "the last couple of days", "a couple of weeks ago": two of a unit, or a few.
    private func coupleOf(at start: Int, in text: AnnotatedText) -> Match? {
        var index = start
        let relative = text.lower(start) == "the" && ["last", "past", "next", "first"].contains(text.lower(start + 1))
        if relative {
            index += 2
        } else if text.lower(start) == "a" {
            index += 1
        } else {
            return nil
        }
        guard text.lower(index) == "couple", text.lower(index + 1) == "of", let code = Self.units[text.lower(index + 2)],
              code != "WE", text.lower(index + 2).hasSuffix("s") else { return nil }
        let end = text.lower(index + 3) == "ago" ? index + 4 : index + 3
        let normalized = relative || end == index + 4 ? text.key(start..<end)
            : "P" + (code == "DE" ? "20Y" : code == "CE" ? "200Y" : "2" + code)
        return Match(end: end, normalized: normalized)
    }

    /// Era abbreviations after a year or a century.
    private static let eras: Set<String> = ["bc", "ad", "bce", "ce"]

    /// A number of one to four digits before an era: "347 AD", "44 BC".
    private func eraYear(at index: Int, in text: AnnotatedText) -> Match? {
        guard let token = text.token(index), token.kind == .number, token.text.count <= 4,
              Self.eras.contains(text.lower(index + 1)), text.token(index + 1)?.isAllCaps == true else { return nil }
        return Match(end: index + 1, normalized: token.text)
    }

    /// "the sixties", "the nineties": decades of the 20th century in words.
    private static let decadeWords: [String: String] = [
        "twenties": "1920s", "thirties": "1930s", "forties": "1940s", "fifties": "1950s", "sixties": "1960s",
        "seventies": "1970s", "eighties": "1980s", "nineties": "1990s",
    ]

    /// A date that is not a range and has no quantifier.
    private func core(at start: Int, in text: AnnotatedText, anchor: CalendarDay?) -> Match? {
        guard start < text.count else { return nil }
        let token = text[start]
        // A leading "the" or period word belongs to decades and centuries, "early"/"late" also to
        // months and years ("the late 1970s", "late April").
        var index = start
        var hasThe = false
        if token.lower == "the" {
            hasThe = true
            index += 1
        }
        var modifier = false
        if Self.periodModifiers.contains(text.lower(index)) {
            modifier = true
            index += 1
            if text.isPunctuation(index, "-") { index += 1 }
        }
        if hasThe || modifier {
            if let decade = decade(at: index, in: text) { return Match(end: decade.end, normalized: decade.normalized) }
            if hasThe, let decade = Self.decadeWords[text.lower(index)] { return Match(end: index + 1, normalized: decade) }
            if hasThe, let decade = shortDecade(at: index, in: text) { return decade }
            if let century = century(at: index, in: text) { return century }
            if hasThe && !modifier {
                if let relative = pastPeriod(at: start, in: text, anchor: anchor) { return relative }
                return nil
            }
            if let date = calendarDate(at: index, in: text, anchor: anchor) { return Match(end: date.end, normalized: date.normalized) }
            return nil
        }
        if Lexicon.weekdays[token.lower] != nil, token.isCapitalized, token.lower.count > 3 {
            var next = start + 1
            if text.isPunctuation(next, ",") { next += 1 }
            if let date = calendarDate(at: next, in: text, anchor: anchor) { return date }
            // "Saturday Morning Breakfast Cereal" is a title; in "Thursday night" the day is the date.
            if let after = text.token(start + 1), after.kind == .word, after.isCapitalized,
               !["night", "morning", "afternoon", "evening"].contains(after.lower) {
                return nil
            }
            return Match(end: start + 1, normalized: resolveWeekday(token.lower, anchor: anchor))
        }
        if let decade = decade(at: start, in: text) { return decade }
        if let century = century(at: start, in: text) { return century }
        if let date = calendarDate(at: start, in: text, anchor: anchor) { return date }
        if let relative = relativeDate(at: start, in: text, anchor: anchor) { return relative }
        return nil
    }

    // MARK: Calendar dates

    /// "19th December, 2019", "October 1, 2019", "Oct. 1", "December 2019", "12/20/2019", "2019-12-20", "2019".
    private func calendarDate(at start: Int, in text: AnnotatedText, anchor: CalendarDay?) -> Match? {
        if let numeric = numericDate(at: start, in: text) { return numeric }
        if let range = rangeInOneMonthOrYear(at: start, in: text, anchor: anchor) { return range }
        // Day first: "19th December, 2019", "16 July 1860", "the 1st of May".
        if let day = dayOfMonth(text.token(start)) {
            var index = start + 1
            if text.lower(index) == "of" { index += 1 }
            if let (month, afterMonth) = month(at: index, in: text) {
                guard day <= CalendarDay.daysIn(month: month, year: nil) else { return nil }
                var end = afterMonth
                var next = afterMonth
                if text.isPunctuation(next, ",") { next += 1 }
                if let year = year(at: next, in: text, afterMonth: true) {
                    end = next + 1
                    return Match(end: end, normalized: Self.iso(year: year, month: month, day: day))
                }
                return Match(end: end, normalized: Self.iso(year: anchor?.year, month: month, day: day))
            }
        }
        // Month first: "October 1, 2019", "Oct. 1", "December 2019", "December".
        if let (month, afterMonth) = month(at: start, in: text) {
            var index = afterMonth
            if let day = dayOfMonth(text.token(index)), !text.isPunctuation(index + 1, ":"),
               day <= CalendarDay.daysIn(month: month, year: nil) {
                index += 1
                var next = index
                if text.isPunctuation(next, ",") { next += 1 }
                if let year = year(at: next, in: text) {
                    return Match(end: next + 1, normalized: Self.iso(year: year, month: month, day: day))
                }
                return Match(end: index, normalized: Self.iso(year: anchor?.year, month: month, day: day))
            }
            if text.isPunctuation(index, ",") && year(at: index + 1, in: text) != nil || text.lower(index) == "of" && year(at: index + 1, in: text, afterMonth: true) != nil {
                index += 1  // "December, 2019", "December of 384"
            }
            if let year = year(at: index, in: text, afterMonth: true) {
                return Match(end: index + 1, normalized: Self.iso(year: year, month: month, day: nil))
            }
            return Match(end: afterMonth, normalized: Self.iso(year: anchor?.year, month: month, day: nil))
        }
        if let year = year(at: start, in: text), isYearInContext(start, in: text) {
            // "1928 onwards".
            let end = ["onwards", "onward"].contains(text.lower(start + 1)) ? start + 2 : start + 1
            return Match(end: end, normalized: CalendarDay.pad(year, 4) + (end > start + 1 ? "/.." : ""))
        }
        return nil
    }

    /// "5–6 September 2019", "March to August 2011": days of one month or months of one year, written
    /// as one date ("2019-09-05/2019-09-06", "2011-03/2011-08").
    private func rangeInOneMonthOrYear(at start: Int, in text: AnnotatedText, anchor: CalendarDay?) -> Match? {
        let joiners: Set<String> = ["-", "–", "to"]
        if let first = dayOfMonth(text.token(start)), joiners.contains(text.lower(start + 1)),
           let last = dayOfMonth(text.token(start + 2)), first < last,
           let (month, afterMonth) = month(at: start + 3, in: text), last <= CalendarDay.daysIn(month: month, year: nil) {
            var next = afterMonth
            if text.isPunctuation(next, ",") { next += 1 }
            let written = year(at: next, in: text, afterMonth: true)
            let year = written ?? anchor?.year
            return Match(end: written != nil ? next + 1 : afterMonth,
                         normalized: Self.iso(year: year, month: month, day: first) + "/" + Self.iso(year: year, month: month, day: last))
        }
        if let (first, afterFirst) = month(at: start, in: text), joiners.contains(text.lower(afterFirst)),
           let (last, afterLast) = month(at: afterFirst + 1, in: text), first < last,
           dayOfMonth(text.token(afterLast)) == nil, let year = year(at: afterLast, in: text, afterMonth: true) {
            return Match(end: afterLast + 1,
                         normalized: Self.iso(year: year, month: first, day: nil) + "/" + Self.iso(year: year, month: last, day: nil))
        }
        return nil
    }

    /// "12/20/2019" (US order unless the first number cannot be a month), "20.12.2019" (day first),
    /// "2019-12-20".
    private func numericDate(at start: Int, in text: AnnotatedText) -> Match? {
        guard let first = text.token(start), first.kind == .number,
              let separator = text.token(start + 1), separator.kind == .punctuation, !separator.spaceBefore,
              ["/", ".", "-"].contains(separator.text),
              let second = text.token(start + 2), second.kind == .number, !second.spaceBefore,
              text.isPunctuation(start + 3, separator.text), let third = text.token(start + 4),
              third.kind == .number, !third.spaceBefore, !text[start + 3].spaceBefore,
              let a = first.number, let b = second.number, let c = third.number
        else { return nil }
        // Refuse longer runs such as version numbers or phone numbers ("1.2.3.4").
        if let after = text.token(start + 5), !after.spaceBefore, after.kind == .number ||
            (after.kind == .punctuation && after.text == separator.text && text.token(start + 6)?.kind == .number) {
            return nil
        }
        let year: Int, month: Int, day: Int
        if first.text.count == 4 {
            (year, month, day) = (a, b, c)
        } else {
            guard third.text.count == 4 || third.text.count == 2 else { return nil }
            let fullYear = third.text.count == 2 ? (c < 50 ? 2000 + c : 1900 + c) : c
            if separator.text == "/" && a <= 12 {
                (year, month, day) = (fullYear, a, b)
            } else {
                (year, month, day) = (fullYear, b, a)
            }
        }
        guard (1000...2099).contains(year), (1...12).contains(month),
              day >= 1, day <= CalendarDay.daysIn(month: month, year: year) else { return nil }
        return Match(end: start + 5, normalized: Self.iso(year: year, month: month, day: day))
    }

    /// A month name at `index` and the index after it (and after an abbreviation's full stop).
    private func month(at index: Int, in text: AnnotatedText) -> (Int, Int)? {
        guard let token = text.token(index), token.kind == .word, token.isCapitalized,
              let month = Lexicon.months[token.lower] else { return nil }
        var end = index + 1
        let abbreviated = token.lower.count <= 4 && token.lower != "june" && token.lower != "july"
        if abbreviated && token.lower != "may" {
            // "Mar", "Dec", "Jan" are names too; an abbreviation needs its full stop or a number.
            if text.isPunctuation(end, ".") { end += 1 } else if dayOfMonth(text.token(end)) == nil && year(at: end, in: text) == nil { return nil }
        }
        if token.lower == "may" || token.lower == "march" {
            // Also verbs: a month only next to a number or after a word that introduces a time.
            let before = text.lower(index - 1)
            let nextIsNumber = text.token(end)?.kind == .number || dayOfMonth(text.token(end)) != nil
            let previousIsDay = dayOfMonth(text.token(index - 1)) != nil || before == "of" && dayOfMonth(text.token(index - 2)) != nil
            let introduced = ["in", "of", "since", "until", "by", "early", "late", "mid", "last", "next", "this",
                              "from", "through", "before", "after", "during", "till", "between", "-"].contains(before)
            guard nextIsNumber || previousIsDay || introduced else { return nil }
        }
        return (month, end)
    }

    /// A day number, 1 to 31, written "19" or "19th".
    private func dayOfMonth(_ token: Token?) -> Int? {
        guard let token else { return nil }
        if token.kind == .number, token.text.count <= 2, let value = token.number, (1...31).contains(value) { return value }
        if token.kind == .word, let first = token.text.unicodeScalars.first, Tokenizer.isDigit(first) {
            let digits = String(token.text.prefix { $0.isASCII && $0.isNumber })
            let suffix = token.lower.dropFirst(digits.count)
            guard ["st", "nd", "rd", "th"].contains(String(suffix)), let value = Int(digits), (1...31).contains(value) else { return nil }
            return value
        }
        return nil
    }

    /// A four-digit year from 1000 to 2099 at `index`; right after a month also an early year
    /// ("30 September 420").
    private func year(at index: Int, in text: AnnotatedText, afterMonth: Bool = false) -> Int? {
        guard let token = text.token(index), token.kind == .number, token.text.count == 4 || afterMonth && token.text.count == 3,
              let value = token.number, (1000...2099).contains(value) || afterMonth && value >= 100 else { return nil }
        // "1,000" and "2019.5" are numbers, not years.
        if let next = text.token(index + 1), next.kind == .punctuation, !next.spaceBefore,
           next.text == "," || next.text == ".", let after = text.token(index + 2), after.kind == .number, !after.spaceBefore {
            return nil
        }
        if let previous = text.token(index - 1), previous.kind == .punctuation, !text[index].spaceBefore,
           [",", ".", "$", "€", "£", "#", "/", "-"].contains(previous.text), text.token(index - 2)?.kind == .number || previous.text != "," {
            return nil
        }
        // "A1237", "DH2017": letters run into the number make a code; "p. 1225": a page.
        if let previous = text.token(index - 1), previous.kind == .word, !text[index].spaceBefore { return nil }
        if text.isPunctuation(index - 1, "."), ["p", "pp"].contains(text.lower(index - 2)) { return nil }
        return value
    }

    /// A bare year is a year unless the words around it make it a count or a code.
    private func isYearInContext(_ index: Int, in text: AnnotatedText) -> Bool {
        if let next = text.token(index + 1) {
            // "1709 ABC" is a code, but "the 2022 FIFA World Cup" names the year of an event.
            if next.kind == .word && (Self.countNouns.contains(next.lower)
                || next.isAllCaps && !next.lineBreakBefore && text.lower(index - 1) != "the") { return false }
            // "10:30", "1999:12" are times and ratios; "2000: 103" (a cited page) still has its year.
            if next.kind == .punctuation && !next.spaceBefore
                && (next.text == "%" || next.text == ":" && (text.token(index + 2).map { $0.kind == .number && !$0.spaceBefore } ?? false)) {
                return false
            }
            // "1214 Anderson Ave", "1355 Inwood Terrace": a house number.
            if next.kind == .word, next.isCapitalized,
               (index + 2...index + 3).contains(where: { Self.streetWords.contains(text.lower($0)) && text[$0].isCapitalized }) {
                return false
            }
        }
        let previous = text.lower(index - 1)
        if ["no", "number", "rs", "usd", "$", "€", "£", "page", "pages", "p", "pp", "room", "flight", "route"].contains(previous) {
            return false
        }
        // "over 1000 featured articles", "more than 1500", "the 1000 + on the list": a quantity, not a year.
        // ("about 1900" and "around 1850" are often dates.)
        let range = ["-", "–", "to"].contains(text.lower(index + 1)) && text.token(index + 2)?.kind == .number
        if ["over", "some", "than", "nearly", "almost", "under"].contains(previous) && !range || text.isPunctuation(index + 1, "+") {
            return false
        }
        return true
    }

    // MARK: Decades, centuries

    /// "1990s", "the 1990s", "the late 1970s".
    private func decade(at index: Int, in text: AnnotatedText) -> Match? {
        guard let token = text.token(index), token.kind == .word, token.lower.hasSuffix("s") else { return nil }
        let digits = token.lower.dropLast()
        guard digits.count == 4, digits.allSatisfy({ $0.isASCII && $0.isNumber }), digits.hasSuffix("0"),
              let value = Int(digits), (1000...2099).contains(value) else { return nil }
        return Match(end: index + 1, normalized: String(digits) + "s")
    }

    /// "the 19th century", "the nineteenth century": ISO 8601 writes a century as its first two digits.
    private func century(at index: Int, in text: AnnotatedText) -> Match? {
        guard let token = text.token(index) else { return nil }
        // "the 19th century", and "a 17th-century writer" in one word.
        var word = token.lower
        var end = index + 2
        if token.kind == .number, let next = text.token(index + 1), !next.spaceBefore, next.lower.hasSuffix("-century") {
            // "17th-century": the digits are a token of their own.
            word = token.lower + next.lower.dropLast("-century".count)
        } else if text.lower(index + 1) != "century" {
            guard word.hasSuffix("-century") else { return nil }
            word = String(word.dropLast("-century".count))
            end = index + 1
        }
        var ordinal = Lexicon.ordinalWords[word]
        if ordinal == nil {
            let digits = word.prefix { $0.isASCII && $0.isNumber }
            if !digits.isEmpty, ["st", "nd", "rd", "th"].contains(String(word.dropFirst(digits.count))) {
                ordinal = Int(digits)
            }
        }
        guard let ordinal, (1...21).contains(ordinal) else { return nil }
        return Match(end: end, normalized: CalendarDay.pad(ordinal - 1, 2))
    }

    /// "the 20s", "the 90s": a decade in two digits after "the" (the century the text does not say).
    private func shortDecade(at index: Int, in text: AnnotatedText) -> Match? {
        guard let token = text.token(index), token.kind == .word, token.lower.count == 3, token.lower.hasSuffix("0s"),
              token.lower.first.map({ $0.isASCII && $0.isNumber }) ?? false,
              // "in the 30s°F": a temperature.
              !["°", "%"].contains(text.token(index + 1)?.text ?? "") else { return nil }
        return Match(end: index + 1, normalized: token.lower)
    }

    // MARK: Relative dates and durations

    /// "yesterday", "last year", "this month", "two years ago", "three years", "many years".
    private func relativeDate(at start: Int, in text: AnnotatedText, anchor: CalendarDay?) -> Match? {
        let word = text.lower(start)
        switch word {
        case "yesterday", "today", "tomorrow":
            guard text[start].kind == .word else { return nil }
            // "USA Today", "Yucatan Today": a capitalised word inside a name is a paper's name.
            if text[start].isCapitalized, !text[start].sentenceInitial, let previous = text.token(start - 1),
               previous.kind == .word, previous.isCapitalized, !text[start].lineBreakBefore {
                return nil
            }
            let offset = word == "yesterday" ? -1 : word == "today" ? 0 : 1
            return Match(end: start + 1, normalized: anchor.map { $0.adding(days: offset).iso } ?? word)
        default:
            break
        }
        if Self.relativeModifiers.contains(word) {
            let unit = text.lower(start + 1)
            if let code = Self.units[unit], !unit.hasSuffix("s") || unit == "days" {
                return Match(end: start + 2, normalized: resolve(modifier: word, unit: code, anchor: anchor,
                                                                 phrase: text.key(start..<start + 2)))
            }
            if Self.seasons.contains(unit) || Lexicon.weekdays[unit] != nil && unit.count > 3 {
                return Match(end: start + 2, normalized: text.key(start..<start + 2))
            }
            if unit == "few" || unit == "several" || Lexicon.numberWords[unit] != nil || text.token(start + 1)?.kind == .number {
                if let duration = duration(at: start + 1, in: text, anchor: anchor) {
                    return Match(end: duration.end, normalized: text.key(start..<duration.end))
                }
            }
            return nil
        }
        if word == "earlier" || word == "later", text.lower(start + 1) == "this",
           let code = Self.units[text.lower(start + 2)] {
            return Match(end: start + 3, normalized: resolve(modifier: "this", unit: code, anchor: anchor,
                                                             phrase: text.key(start..<start + 3)))
        }
        return duration(at: start, in: text, anchor: anchor)
    }

    /// "the past five years", "the last decade".
    private func pastPeriod(at start: Int, in text: AnnotatedText, anchor: CalendarDay?) -> Match? {
        // "the first few years", "the first several months".
        if text.lower(start + 1) == "first", ["few", "several"].contains(text.lower(start + 2)),
           let duration = duration(at: start + 2, in: text, anchor: anchor) {
            return Match(end: duration.end, normalized: text.key(start..<duration.end))
        }
        // "the past decades", "the last months of his life": a plural unit after "the past" or "the last".
        if ["past", "last"].contains(text.lower(start + 1)), let code = Self.units[text.lower(start + 2)],
           code != "D", text.lower(start + 2).hasSuffix("s") {
            return Match(end: start + 3, normalized: text.key(start..<start + 3))
        }
        guard let relative = relativeDate(at: start + 1, in: text, anchor: anchor),
              Self.relativeModifiers.contains(text.lower(start + 1)) else { return nil }
        let phrase = text.key(start..<relative.end)
        return Match(end: relative.end, normalized: relative.normalized.hasPrefix(text.lower(start + 1)) ? phrase : relative.normalized)
    }

    /// The largest amount a duration keeps ("5,000,000 years"); a larger one is read as an unknown amount,
    /// so that no arithmetic on it (a date so long ago, ten or a hundred years a unit) can overflow.
    private static let largestAmount = 999_999_999

    /// "three years", "20 days", "a few months", "two years ago".
    private func duration(at start: Int, in text: AnnotatedText, anchor: CalendarDay?) -> Match? {
        var index = start
        var amount: Int?
        let word = text.lower(index)
        if let token = text.token(index), token.kind == .number, token.text.count <= 4 {
            amount = token.number
            index += 1
            // "5,000 years": groups of thousands.
            while text.isPunctuation(index, ","), !text[index].spaceBefore, let group = text.token(index + 1), group.kind == .number,
                  !group.spaceBefore, group.text.count == 3, let value = group.number {
                amount = amount.flatMap { $0 <= Self.largestAmount / 1000 ? $0 * 1000 + value : nil }
                index += 2
            }
            // "1.5 years", "3-5 years", "4 - 7 days": the last number counts.
            if text.isPunctuation(index, "."), let fraction = text.token(index + 1), fraction.kind == .number,
               !fraction.spaceBefore { index += 2 }
            if ["-", "–", "or", "to"].contains(text.lower(index)), let upper = text.token(index + 1), upper.kind == .number {
                amount = upper.number.flatMap { $0 <= Self.largestAmount ? $0 : nil }
                index += 2
            }
        } else if let value = Lexicon.numberWords[word], word != "a" && word != "an" || text.lower(index + 1) == "few" {
            amount = value
            index += 1
        } else if ["few", "several", "many"].contains(word) {
            index += 1
        } else {
            return nil
        }
        if text.lower(index) == "few" { index += 1; amount = nil }
        if text.lower(index) == "-" { index += 1 }
        // "twenty working days", "four - 7 days".
        if ["working", "business", "calendar", "consecutive", "full"].contains(text.lower(index)) { index += 1 }
        // Weekends and seasons have no ISO 8601 duration.
        guard let code = Self.units[text.lower(index)], code != "WE", code != "SE" else { return nil }
        index += 1
        if text.lower(index) == "ago" {
            let phrase = text.key(start..<index + 1)
            guard let anchor, let amount else { return Match(end: index + 1, normalized: phrase) }
            return Match(end: index + 1, normalized: resolve(ago: amount, unit: code, anchor: anchor) ?? phrase)
        }
        let isoUnit: String
        var count = amount
        switch code {
        case "DE": isoUnit = "Y"; count = amount.map { $0 * 10 }
        case "CE": isoUnit = "Y"; count = amount.map { $0 * 100 }
        default: isoUnit = code
        }
        return Match(end: index, normalized: "P" + (count.map(String.init) ?? "X") + isoUnit)
    }

    private func resolve(modifier: String, unit: String, anchor: CalendarDay?, phrase: String) -> String {
        guard let anchor else { return phrase }
        let step: Int
        switch modifier {
        case "last", "past", "previous": step = -1
        case "next", "coming", "following": step = 1
        default: step = 0
        }
        switch unit {
        case "Y": return CalendarDay.pad(anchor.year + step, 4)
        case "M": return anchor.isoMonth(adding: step)
        case "W": return anchor.adding(days: 7 * step).isoWeek
        case "D": return anchor.adding(days: step).iso
        case "DE": return String((anchor.year / 10 + step) * 10) + "s"
        default: return phrase
        }
    }

    private func resolve(ago amount: Int, unit: String, anchor: CalendarDay) -> String? {
        switch unit {
        case "Y": return CalendarDay.pad(anchor.year - amount, 4)
        case "M": return anchor.isoMonth(adding: -amount)
        case "W": return anchor.adding(days: -7 * amount).iso
        case "D": return anchor.adding(days: -amount).iso
        case "DE": return String((anchor.year / 10 - amount) * 10) + "s"
        default: return nil
        }
    }

    /// A weekday alone: the phrase, or with a publication date the most recent such day up to it.
    private func resolveWeekday(_ name: String, anchor: CalendarDay?) -> String {
        guard let anchor, let weekday = Lexicon.weekdays[name] else { return name }
        var back = anchor.weekday - weekday
        if back < 0 { back += 7 }
        return anchor.adding(days: -back).iso
    }

    /// ISO 8601 at the precision known: "2019-12-19", "2019-12", "--10-01", "--12".
    static func iso(year: Int?, month: Int, day: Int?) -> String {
        let head = year.map { CalendarDay.pad($0, 4) } ?? "-"
        var result = head + "-" + CalendarDay.pad(month, 2)
        if let day { result += "-" + CalendarDay.pad(day, 2) }
        return result
    }
}
