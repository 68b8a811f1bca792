import PipelineModel

/// The period a normalized date covers and whether the text gave it relative to the publication.
enum DatePeriod {
    /// Words that make a date relative to when the text was written.
    private static let relativeWords: Set<String> = [
        "last", "next", "this", "past", "coming", "previous", "following", "yesterday", "today", "tomorrow", "ago",
        "recent", "current", "tonight",
    ]

    /// The detail of a date written as `surface` and normalized as `normalized`, or nil when there is
    /// nothing to add (a single day given absolutely).
    static func detail(surface: String, normalized: String) -> DateDetail? {
        let words = surface.lowercased().split(whereSeparator: { !$0.isLetter })
        // Resolved only when the normalized value is a date, not the phrase kept as written.
        let resolved = normalized.first?.isNumber == true
        let relative = resolved && words.contains { relativeWords.contains(String($0)) }
        let period = range(of: normalized)
        guard relative || period != nil else { return nil }
        return DateDetail(relative: relative ? true : nil, start: period?.start, end: period?.end)
    }

    /// First and last day of "2019", "2019-12", "1990s", "18" (the 19th century), "1947/1960".
    static func range(of normalized: String) -> (start: String, end: String)? {
        if let slash = normalized.firstIndex(of: "/") {
            let first = String(normalized[..<slash])
            let last = String(normalized[normalized.index(after: slash)...])
            guard let from = range(of: first)?.start ?? day(first), let to = range(of: last)?.end ?? day(last) else { return nil }
            return (from, to)
        }
        let digits = normalized.filter(\.isNumber)
        if normalized.count == 4, digits.count == 4, let year = Int(digits) {
            return (CalendarDay.pad(year, 4) + "-01-01", CalendarDay.pad(year, 4) + "-12-31")
        }
        if normalized.count == 5, normalized.hasSuffix("s"), digits.count == 4, let decade = Int(digits) {
            return (CalendarDay.pad(decade, 4) + "-01-01", CalendarDay.pad(decade + 9, 4) + "-12-31")
        }
        if normalized.count == 2, digits.count == 2, let century = Int(digits) {
            return (CalendarDay.pad(century * 100, 4) + "-01-01", CalendarDay.pad(century * 100 + 99, 4) + "-12-31")
        }
        if normalized.count == 7, let day = CalendarDay(iso: normalized), normalized.dropFirst(4).first == "-" {
            let last = CalendarDay.daysIn(month: day.month, year: day.year)
            return (day.iso, CalendarDay(year: day.year, month: day.month, day: last).iso)
        }
        return nil
    }

    /// "2019-12-20" as it is, anything else nil.
    private static func day(_ text: String) -> String? {
        text.count == 10 && CalendarDay(iso: text) != nil ? text : nil
    }
}
