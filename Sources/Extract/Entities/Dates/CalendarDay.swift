import PipelineModel

/// A day of the proleptic Gregorian calendar, for resolving "yesterday" or "last month" against a
/// publication date without Foundation's calendars.
struct CalendarDay: Sendable, Equatable {
    var year: Int
    var month: Int
    var day: Int

    /// Parses the date part of an ISO 8601 timestamp ("2019-12-20", "2019-12-20T10:00:00Z").
    init?(iso text: String) {
        let parts = text.prefix(10).split(separator: "-")
        guard parts.count >= 1, let year = Int(parts[0]), parts[0].count == 4 else { return nil }
        let month = parts.count >= 2 ? Int(parts[1]) ?? 1 : 1
        let day = parts.count >= 3 ? Int(parts[2]) ?? 1 : 1
        guard (1...12).contains(month), (1...31).contains(day) else { return nil }
        self.init(year: year, month: month, day: day)
    }

    init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Days since 1970-01-01 (Howard Hinnant's days_from_civil).
    var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    init(dayNumber: Int) {
        let date = Timestamp.civilDate(daysSince1970: dayNumber)
        self.init(year: date.year, month: date.month, day: date.day)
    }

    func adding(days: Int) -> CalendarDay { CalendarDay(dayNumber: dayNumber + days) }

    /// Monday = 1 ... Sunday = 7.
    var weekday: Int {
        let w = (dayNumber + 3) % 7  // 1970-01-01 was a Thursday
        return (w < 0 ? w + 7 : w) + 1
    }

    /// The ISO 8601 week ("2019-W51").
    var isoWeek: String {
        let thursday = adding(days: 4 - weekday)
        let firstDay = CalendarDay(year: thursday.year, month: 1, day: 1)
        let week = (thursday.dayNumber - firstDay.dayNumber) / 7 + 1
        return "\(Self.pad(thursday.year, 4))-W\(Self.pad(week, 2))"
    }

    var iso: String { "\(Self.pad(year, 4))-\(Self.pad(month, 2))-\(Self.pad(day, 2))" }

    /// The month this day is in, moved by `months`, as "YYYY-MM".
    func isoMonth(adding months: Int) -> String {
        let index = year * 12 + (month - 1) + months
        return "\(Self.pad(index / 12, 4))-\(Self.pad(index % 12 + 1, 2))"
    }

    static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }

    /// The number of days in a month, so that "February 30" is not a date.
    static func daysIn(month: Int, year: Int?) -> Int {
        switch month {
        case 2:
            guard let year else { return 29 }
            return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}
