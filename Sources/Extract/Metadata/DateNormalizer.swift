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

    /// A machine-readable date (meta content, `datetime` attribute, JSON-LD) as ISO 8601, or nil.
    static func normalize(_ raw: String) -> String? {
        let value = raw.trimmingScalars(where: FoundationWhiteSpace.isWhitespaceOrNewline)
        guard !value.isEmpty else { return nil }
        if let iso = isoPrefix(value) { return iso }
        return findInText(value)
    }

    /// `2019-12-20`, `2019-12-20T08:15`, `2019-12-20 08:15:00Z`, `2019-12-20T08:15:00.000+0100`, `20191220`.
    private static func isoPrefix(_ value: String) -> String? {
        let pattern = #"^(\d{4})-(\d{1,2})(?:-(\d{1,2}))?(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?"#
        if let groups = captures(pattern, in: value) {
            guard let year = Int(groups[0] ?? ""), let month = Int(groups[1] ?? ""), plausible(year: year, month: month)
            else { return nil }
            guard let dayText = groups[2], let day = Int(dayText), (1...31).contains(day) else {
                return String(format: "%04d-%02d", year, month)
            }
            var result = String(format: "%04d-%02d-%02d", year, month, day)
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
        if let groups = captures(#"^(\d{4})(\d{2})(\d{2})$"#, in: value),
           let year = Int(groups[0] ?? ""), let month = Int(groups[1] ?? ""), let day = Int(groups[2] ?? ""),
           plausible(year: year, month: month), (1...31).contains(day) {
            return String(format: "%04d-%02d-%02d", year, month, day)
        }
        return nil
    }

    /// The first date written for people in `text`: "December 20, 2019", "20 December 2019",
    /// "Dec. 20, 2019", "12/20/2019", "20.12.2019", "2019/12/20". Slash dates are read month first
    /// unless `dayFirst` or the first number cannot be a month.
    static func findInText(_ text: String, dayFirst: Bool = false) -> String? {
        let lower = text.lowercased()
        var found: [(position: Int, date: String)] = []
        let monthPattern = #"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"#
        // Month day, year
        if let (position, groups) = firstMatch(#"\b"# + monthPattern + #"\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b"#, in: lower),
           let date = make(year: groups[2], month: groups[0].flatMap(monthNumber), day: groups[1]) {
            found.append((position, date))
        }
        // day Month year
        if let (position, groups) = firstMatch(#"\b(\d{1,2})(?:st|nd|rd|th)?\.?\s+(?:of\s+)?"# + monthPattern + #",?\s+(\d{4})\b"#, in: lower),
           let date = make(year: groups[2], month: groups[1].flatMap(monthNumber), day: groups[0]) {
            found.append((position, date))
        }
        // 2019/12/20 or 2019-12-20
        if let (position, groups) = firstMatch(#"\b(\d{4})[/.-](\d{1,2})[/.-](\d{1,2})\b"#, in: lower),
           let date = make(year: groups[0], month: groups[1].flatMap { Int($0) }, day: groups[2]) {
            found.append((position, date))
        }
        // 12/20/2019, 20.12.2019
        if let (position, groups) = firstMatch(#"\b(\d{1,2})([/.-])(\d{1,2})[/.-](\d{4})\b"#, in: lower),
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
        return String(format: "%04d-%02d-%02d", year, month, day)
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
