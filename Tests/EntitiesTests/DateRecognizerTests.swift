@testable import Entities
import PipelineModel
import Testing

@Suite("Dates")
struct DateRecognizerTests {
    @Test("absolute dates at the precision written", arguments: [
        ("signed on 19th December, 2019 in Vilnius", "19th December, 2019", "2019-12-19"),
        ("posted 12/20/2019 by the editors", "12/20/2019", "2019-12-20"),
        ("posted 20/12/2019 by the editors", "20/12/2019", "2019-12-20"),
        ("posted 20.12.2019 by the editors", "20.12.2019", "2019-12-20"),
        ("On October 1, 2019 they crossed", "October 1, 2019", "2019-10-01"),
        ("It began in December 2019 and", "December 2019", "2019-12"),
        ("It began in 2019 and", "2019", "2019"),
        ("updated 2019-12-20 at noon", "2019-12-20", "2019-12-20"),
        ("born 16 July 1860 in Kalištĕ", "16 July 1860", "1860-07-16"),
        ("the game on Tuesday, June 19, 2018 was", "Tuesday, June 19, 2018", "2018-06-19"),
        ("in the 1990s, many left", "the 1990s", "1990s"),
        ("in the late 1970s, many left", "the late 1970s", "1970s"),
        ("built in the 19th century by", "the 19th century", "18"),
    ])
    func absoluteDates(text: String, span: String, normalized: String) {
        #expect(found(.date, in: text) == [Found(type: .date, text: span, normalized: normalized)])
    }

    @Test("a day without a year takes the publication year, or stays yearless")
    func dayWithoutYear() {
        #expect(found(.date, in: "arrested on Oct. 1 near the border").map(\.normalized) == ["--10-01"])
        #expect(found(.date, in: "arrested on Oct. 1 near the border", published: "2019-12-20").map(\.normalized) == ["2019-10-01"])
        #expect(found(.date, in: "arrested on Oct. 1 near the border").map(\.text) == ["Oct. 1"])
    }

    @Test("relative dates resolve against the publication date", arguments: [
        ("It happened last year.", "last year", "2018"),
        ("It happened yesterday.", "yesterday", "2019-12-19"),
        ("It happened last month.", "last month", "2019-11"),
        ("It happened two years ago.", "two years ago", "2017"),
        ("It happened this year.", "this year", "2019"),
    ])
    func relativeDates(text: String, span: String, normalized: String) {
        #expect(found(.date, in: text, published: "2019-12-20") == [Found(type: .date, text: span, normalized: normalized)])
    }

    @Test("relative dates without a publication date keep the phrase")
    func relativeWithoutAnchor() {
        #expect(found(.date, in: "It happened Last Year, or yesterday.").map(\.normalized) == ["last year", "yesterday"])
    }

    @Test("durations are ISO 8601 durations")
    func durations() {
        #expect(found(.date, in: "imprisoned for three years and 20 days").map(\.normalized) == ["P3Y", "P20D"])
        #expect(found(.date, in: "a wall 5,000 years old").map(\.normalized) == ["P5000Y"])
    }

    @Test("amounts too large for any calendar are unknown amounts, not an overflow")
    func hugeAmounts() {
        let groups = "9" + String(repeating: ",999", count: 12)
        #expect(found(.date, in: "gone \(groups) days ago", published: "2019-12-20").map(\.normalized) == ["\(groups) days ago"])
        #expect(found(.date, in: "held for \(groups) decades").map(\.normalized) == ["PXY"])
        #expect(found(.date, in: "held 3-9223372036854775807 weeks ago", published: "2019-12-20").count == 1)
        #expect(found(.date, in: "held for 2-999999999999 centuries").map(\.normalized) == ["PXY"])
    }

    @Test("months as words and counts as numbers are no dates")
    func nonDates() {
        #expect(found(.date, in: "They may march if 1000 people come.").isEmpty)
        #expect(found(.date, in: "a fine of 1000 MCI or deprivation of liberty").isEmpty)
    }

    @Test("impossible calendar days are no dates")
    func impossibleDays() {
        #expect(found(.date, in: "on 02/30/2019 and 13/13/2019").isEmpty)
    }
}

@Suite("Ranges within a month or a year")
struct DateRangeTests {
    @Test("a range of days in one month or of months in one year is one date with its first and last day", arguments: [
        ("The festival ran 5–6 September 2019 in Vilnius.", "5–6 September 2019", "2019-09-05/2019-09-06", "2019-09-05", "2019-09-06"),
        ("Fieldwork lasted from March to August 2011 in all.", "March to August 2011", "2011-03/2011-08", "2011-03-01", "2011-08-31"),
    ])
    func ranges(text: String, span: String, normalized: String, start: String, end: String) throws {
        #expect(found(.date, in: text) == [Found(type: .date, text: span, normalized: normalized)])
        let entity = try #require(EntityRecognizer.shared.entities(in: text).first { $0.type == .date })
        #expect(entity.date?.start == start)
        #expect(entity.date?.end == end)
    }

    @Test("ranges of years stay two dates")
    func yearRanges() {
        #expect(found(.date, in: "He lived there 1947 to 1960.").map(\.normalized) == ["1947", "1960"])
    }
}
