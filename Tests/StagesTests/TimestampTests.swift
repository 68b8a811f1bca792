import Foundation
import PipelineModel
import Testing

@Suite("Timestamps")
struct TimestampTests {
    /// Edge cases (epoch, leap days, fractions near a whole second, dates before 1970) and a
    /// deterministic spread of dates with microseconds, as `Date()` gives them, over 1900...2100.
    static let dates: [Date] = {
        var seconds: [Double] = [
            0, 0.0004, 0.0005, 0.9995, 0.9999999, 1.0015, -0.5, -1.0004, 951_782_400, 951_868_799.999,
            1_766_000_000.123456, 1_766_000_000.9996, 4_102_444_799.999, -2_208_988_800,
        ]
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        for _ in 0..<5000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let micros = Int64(bitPattern: state >> 1) % 6_311_433_600_000_000 - 2_208_988_800_000_000
            seconds.append(Double(micros) / 1_000_000)
        }
        return seconds.map { Date(timeIntervalSince1970: $0) }
    }()

    @Test("Timestamps with milliseconds read as Foundation's ISO 8601 style writes them")
    func milliseconds() {
        let style = Date.ISO8601FormatStyle.iso8601.year().month().day().time(includingFractionalSeconds: true)
            .timeZone(separator: .omitted)
        for date in Self.dates {
            #expect(Timestamp.format(date) == date.formatted(style), "\(date.timeIntervalSince1970)")
        }
    }

    @Test("Timestamps in whole seconds read as Foundation's ISO 8601 style writes them")
    func wholeSeconds() {
        for date in Self.dates {
            #expect(Timestamp.formatSeconds(date) == date.formatted(Date.ISO8601FormatStyle(timeZone: .gmt)), "\(date.timeIntervalSince1970)")
        }
    }
}
