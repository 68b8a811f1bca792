import Foundation
import Synchronization

/// Turns the many ways pages write dates into ISO 8601 at the precision given
/// (`2019-12-20T08:15:00+01:00`, `2019-12-20`, `2019-12`).
enum DateNormalizer {
    private static let monthNames: [String: Int] = {
        var table: [String: Int] = [:]
        let english = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
                       "october", "november", "december"]
        for (offset, name) in english.enumerated() {
            table[name] = offset + 1
            table[String(name.prefix(3))] = offset + 1
        }
        table["sept"] = 9
        return table
    }()

    /// The most characters of a text that ``findInText(_:dayFirst:)`` searches; texts near a headline or
    /// a label are far shorter.
    static let longestSearchedText = 2_000

    /// A machine-readable date (meta content, `datetime` attribute, JSON-LD) as ISO 8601, or nil.
    static func normalize(_ raw: String) -> String? {
        let value = raw.trimmingScalars(where: FoundationWhiteSpace.isWhitespaceOrNewline)
        guard !value.isEmpty else { return nil }
        if let iso = isoPrefix(value) { return iso }
        return findInText(value)
    }

    /// The machine date at the start of a value, with its time and zone if given.
    static let isoPattern = #"^(\d{4})-(\d{1,2})(?:-(\d{1,2}))?(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?"#
    /// A machine date without separators.
    static let compactPattern = #"^(\d{4})(\d{2})(\d{2})$"#

    /// `2019-12-20`, `2019-12-20T08:15`, `2019-12-20 08:15:00Z`, `2019-12-20T08:15:00.000+0100`, `20191220`.
    private static func isoPrefix(_ value: String) -> String? {
        // Nearly every machine date is printable ASCII, whose groups are read by hand: matching a regular
        // expression costs more than the rest of a page's metadata.
        let printable = WhiteSpace.withBytes(value) { bytes in bytes.allSatisfy { $0 >= 0x20 && $0 < 0x7F } }
        if let groups = printable ? MachineDateGroups.iso(value) : captures(isoPattern, in: value) {
            guard let year = Int(groups[0] ?? ""), let month = Int(groups[1] ?? ""), plausible(year: year, month: month)
            else { return nil }
            guard let dayText = groups[2], let day = Int(dayText), (1...31).contains(day) else {
                return "\(year)-\(twoDigits(month))"
            }
            var result = "\(year)-\(twoDigits(month))-\(twoDigits(day))"
            if let hour = groups[3], let minute = groups[4] {
                result += "T\(hour):\(minute):\(groups[5] ?? "00")"
                if let zone = groups[6] {
                    if zone == "Z" {
                        result += "Z"
                    } else {
                        let digits = zone.filter(\.isNumber)
                        result += "\(zone.prefix(1))\(digits.prefix(2)):\(digits.suffix(2))"
                    }
                }
            }
            return result
        }
        if let groups = printable ? MachineDateGroups.compact(value) : captures(compactPattern, in: value),
           let year = Int(groups[0] ?? ""), let month = Int(groups[1] ?? ""), let day = Int(groups[2] ?? ""),
           plausible(year: year, month: month), (1...31).contains(day) {
            return "\(year)-\(twoDigits(month))-\(twoDigits(day))"
        }
        return nil
    }

    /// The first date written for people in `text`: "December 20, 2019", "20 December 2019",
    /// "Dec. 20, 2019", "12/20/2019", "20.12.2019", "2019/12/20". Slash dates are read month first
    /// unless `dayFirst` or the first number cannot be a month.
    static func findInText(_ text: String, dayFirst: Bool = false) -> String? {
        // Only the start of a long text is searched (a whole document in a meta value or a dated element
        // of a broken page): the patterns cost time on every character.
        let text = text.utf8.count > longestSearchedText ? String(text.prefix(longestSearchedText)) : text
        // Each pattern costs tens of thousands of instructions to try: only those the text may hold are.
        let signs = DateSigns(text)
        guard signs.year else { return nil }
        let lower = text.lowercased()
        var found: [(position: Int, date: String)] = []
        let monthPattern = #"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"#
        // Month day, year
        if signs.monthName,
           let (position, groups) = firstMatch(#"\b"# + monthPattern + #"\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b"#, in: lower),
           let date = make(year: groups[2], month: groups[0].flatMap(monthNumber), day: groups[1]) {
            found.append((position, date))
        }
        // day Month year
        if signs.monthName,
           let (position, groups) = firstMatch(#"\b(\d{1,2})(?:st|nd|rd|th)?\.?\s+(?:of\s+)?"# + monthPattern + #",?\s+(\d{4})\b"#, in: lower),
           let date = make(year: groups[2], month: groups[1].flatMap(monthNumber), day: groups[0]) {
            found.append((position, date))
        }
        // 2019/12/20 or 2019-12-20
        if signs.numericDate, let (position, groups) = firstMatch(#"\b(\d{4})[/.-](\d{1,2})[/.-](\d{1,2})\b"#, in: lower),
           let date = make(year: groups[0], month: groups[1].flatMap { Int($0) }, day: groups[2]) {
            found.append((position, date))
        }
        // 12/20/2019, 20.12.2019
        if signs.numericDate, let (position, groups) = firstMatch(#"\b(\d{1,2})([/.-])(\d{1,2})[/.-](\d{4})\b"#, in: lower),
           let first = groups[0].flatMap({ Int($0) }), let second = groups[2].flatMap({ Int($0) }) {
            let readDayFirst = first > 12 || (dayFirst && second <= 12) || (groups[1] == "." && second <= 12)
            let month = readDayFirst ? second : first
            let day = readDayFirst ? first : second
            if let date = make(year: groups[3], month: month, day: String(day)) {
                found.append((position, date))
            }
        }
        return found.min { $0.position < $1.position }?.date
    }

    /// A date given by the path of a URL, such as `/2019/12/20/` or `/2019/12/`.
    static func fromURL(_ url: String) -> String? {
        // The pattern's year follows a slash: an address without "/19" or "/20" (most) is not matched, and
        // the expression is not even compiled for it.
        guard WhiteSpace.occurs("/19", in: url) || WhiteSpace.occurs("/20", in: url) else { return nil }
        if let groups = captures(#"/((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})(?:/|[-_+.]|$)"#, in: url),
           let date = make(year: groups[0], month: groups[1].flatMap { Int($0) }, day: groups[2]) {
            return date
        }
        return nil
    }

    private static func monthNumber(_ name: String) -> Int? {
        monthNames[name.trimmingScalars { $0 == "." }]
    }

    private static func plausible(year: Int, month: Int) -> Bool {
        (1990...2100).contains(year) && (1...12).contains(month)
    }

    private static func make(year: String?, month: Int?, day: String?) -> String? {
        guard let year = year.flatMap({ Int($0) }), let month, plausible(year: year, month: month),
              let day = day.flatMap({ Int($0) }), (1...31).contains(day) else { return nil }
        return "\(year)-\(twoDigits(month))-\(twoDigits(day))"
    }

    /// `String(format: "%02d", number)` for 0...99, without Foundation's formatting (plausible years have
    /// four digits, so they need no padding).
    private static func twoDigits(_ number: Int) -> String {
        number < 10 ? "0\(number)" : "\(number)"
    }

    /// Compiled patterns by source; compiling one costs more than matching it, and the patterns are few and fixed.
    private static let compiled = Mutex<[String: NSRegularExpression]>([:])

    private static func expression(_ pattern: String) -> NSRegularExpression? {
        if let known = compiled.withLock({ $0[pattern] }) { return known }
        guard let expression = try? NSRegularExpression(pattern: pattern, options: [.caseInsensitive]) else { return nil }
        compiled.withLock { $0[pattern] = expression }
        return expression
    }

    private static func captures(_ pattern: String, in text: String) -> [String?]? {
        firstMatch(pattern, in: text).map(\.1)
    }

    private static func firstMatch(_ pattern: String, in text: String) -> (Int, [String?])? {
        guard let expression = expression(pattern) else { return nil }
        let whole = NSRange(text.startIndex..., in: text)
        guard let match = expression.firstMatch(in: text, range: whole) else { return nil }
        var groups: [String?] = []
        for group in 1..<match.numberOfRanges {
            let range = match.range(at: group)
            groups.append(range.location == NSNotFound ? nil : Range(range, in: text).map { String(text[$0]) })
        }
        return (match.range.location, groups)
    }
}

/// What a text may hold of the patterns of ``DateNormalizer/findInText(_:dayFirst:)``, seen on its bytes:
/// every pattern needs a year of four digits, the first two a month name, the last two digits on both
/// sides of `/`, `.` or `-`.
///
/// A pattern may match only where its sign is set. In ASCII the signs are exact. Outside it, `\d` takes
/// any decimal digit and case-insensitive matching folds letters such as "ſ" to "s": every non-ASCII
/// scalar counts as a possible digit, and a month name as always possible.
struct DateSigns {
    private(set) var year = false
    private(set) var monthName = false
    private(set) var numericDate = false

    init(_ text: String) {
        (year, monthName, numericDate) = WhiteSpace.withBytes(text) { bytes in
            var ascii = true
            var digits = 0
            var year = false
            var numericDate = false
            for (position, byte) in bytes.enumerated() {
                if byte >= 0x80 {
                    ascii = false
                    // A scalar's first byte counts as a possible digit; the bytes that continue it change nothing.
                    if byte >= 0xC0 { digits += 1 }
                } else if byte >= 0x30 && byte <= 0x39 {
                    digits += 1
                } else {
                    digits = 0
                    if byte == 0x2F || byte == 0x2E || byte == 0x2D, position > 0, position + 1 < bytes.count,
                       DateSigns.mayBeDigit(bytes[position - 1]), DateSigns.mayBeDigit(bytes[position + 1]) {
                        numericDate = true
                    }
                }
                if digits >= 4 { year = true }
            }
            return (year, !ascii || DateSigns.hasMonthName(bytes), numericDate)
        }
    }

    /// An ASCII digit or a byte of a non-ASCII scalar.
    private static func mayBeDigit(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || byte >= 0x80
    }

    /// True if the first three letters of a month's English name occur, in any case.
    private static func hasMonthName(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard bytes.count >= 3 else { return false }
        for position in 0..<(bytes.count - 2) {
            switch bytes[position].asciiLowercased {
            case UInt8(ascii: "j"), UInt8(ascii: "f"), UInt8(ascii: "m"), UInt8(ascii: "a"), UInt8(ascii: "s"), UInt8(ascii: "o"),
                 UInt8(ascii: "n"), UInt8(ascii: "d"):
                break
            default:
                continue
            }
            let letters = (UInt32(bytes[position].asciiLowercased) << 16) | (UInt32(bytes[position + 1].asciiLowercased) << 8)
                | UInt32(bytes[position + 2].asciiLowercased)
            if monthStems.contains(letters) { return true }
        }
        return false
    }

    /// "jan" to "dec", three bytes packed in an integer.
    private static let monthStems: Set<UInt32> = Set(
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"].map { stem in
            stem.utf8.reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
        })
}

/// The capture groups of ``DateNormalizer``'s machine-date patterns, read by hand from printable ASCII:
/// there `\d` is 0 to 9, `\s` only the space, and the case-insensitive `T` and `Z` also take `t` and `z`.
/// A test checks them against the regular expressions.
enum MachineDateGroups {
    /// The groups of ``DateNormalizer/isoPattern``, nil where it does not match.
    static func iso(_ text: String) -> [String?]? {
        WhiteSpace.withBytes(text) { bytes -> [String?]? in
            var reader = ByteReader(bytes: bytes)
            guard let year = reader.digits(4...4), reader.skip("-"), let month = reader.digits(1...2) else { return nil }
            var groups: [String?] = [year, month, nil, nil, nil, nil, nil]
            // An optional group is taken whole or not at all: each is tried on a copy of the reader.
            var day = reader
            if day.skip("-"), let digits = day.digits(1...2) {
                groups[2] = digits
                reader = day
            }
            var time = reader
            guard time.skip("T") || time.skip("t") || time.skip(" "), let hour = time.digits(2...2), time.skip(":"),
                  let minute = time.digits(2...2)
            else { return groups }
            groups[3] = hour
            groups[4] = minute
            var seconds = time
            if seconds.skip(":"), let digits = seconds.digits(2...2) {
                groups[5] = digits
                var fraction = seconds
                if fraction.skip("."), fraction.digits(1...Int.max) != nil { seconds = fraction }
                time = seconds
            }
            while time.skip(" ") {}
            if time.skip("Z") {
                groups[6] = "Z"
            } else if time.skip("z") {
                groups[6] = "z"
            } else {
                let start = time.position
                if time.skip("+") || time.skip("-"), time.digits(2...2) != nil {
                    // `:?` gives way when the two digits do not follow the colon.
                    var colon = time
                    if colon.skip(":"), colon.digits(2...2) != nil {
                        groups[6] = colon.text(from: start)
                    } else if time.digits(2...2) != nil {
                        groups[6] = time.text(from: start)
                    }
                }
            }
            return groups
        }
    }

    /// The groups of ``DateNormalizer/compactPattern``: eight digits and nothing else.
    static func compact(_ text: String) -> [String?]? {
        let utf8 = Array(text.utf8)
        guard utf8.count == 8, utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        return [String(decoding: utf8[0..<4], as: UTF8.self), String(decoding: utf8[4..<6], as: UTF8.self),
                String(decoding: utf8[6..<8], as: UTF8.self)]
    }

    /// A position in ASCII bytes.
    private struct ByteReader {
        let bytes: UnsafeBufferPointer<UInt8>
        var position = 0

        /// Consumes `character` if it comes next.
        mutating func skip(_ character: Unicode.Scalar) -> Bool {
            guard position < bytes.count, UInt32(bytes[position]) == character.value else { return false }
            position += 1
            return true
        }

        /// Consumes as many digits as `count` allows, at most its upper bound; nil (consuming nothing) if
        /// fewer than its lower bound come next.
        mutating func digits(_ count: ClosedRange<Int>) -> String? {
            var end = position
            while end < bytes.count, end - position < count.upperBound, bytes[end] >= 0x30, bytes[end] <= 0x39 { end += 1 }
            guard end - position >= count.lowerBound else { return nil }
            defer { position = end }
            return text(from: position, to: end)
        }

        func text(from start: Int, to end: Int? = nil) -> String {
            String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<(end ?? position)]), as: UTF8.self)
        }
    }
}
