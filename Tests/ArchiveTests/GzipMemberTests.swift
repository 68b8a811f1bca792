@testable import Archive
import Testing

@Suite("Gzip members")
struct GzipMemberTests {
    /// Text like a record's, and bytes that do not compress, of `count` bytes.
    static func input(_ count: Int, compressible: Bool) -> [UInt8] {
        if compressible {
            let line = Array("WARC-Target-URI: http://example.org/page\r\n".utf8)
            return (0..<count).map { line[$0 % line.count] }
        }
        var state: UInt64 = 0x1234_5678
        return (0..<count).map { _ in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return UInt8(truncatingIfNeeded: state >> 33)
        }
    }

    @Test(
        "Inputs on both sides of the size where fitted codes start come back whole from one member each",
        arguments: [0, 1, 300, GzipMemberDeflater.fittedCodesFrom - 1, GzipMemberDeflater.fittedCodesFrom, 70_000],
        [true, false])
    func membersRoundTrip(count: Int, compressible: Bool) throws {
        let deflater = GzipMemberDeflater()
        let whole = Self.input(count, compressible: compressible)
        // Two parts, as a record's head and body are given.
        let parts = [Array(whole.prefix(count / 3)), Array(whole.dropFirst(count / 3))]
        var bytes: [UInt8] = [0xAA]
        try deflater.appendMember(parts, to: &bytes)
        let firstEnd = bytes.count
        try deflater.appendMember([Array("second".utf8)], to: &bytes)
        #expect(bytes.first == 0xAA)
        #expect(try Inflater.inflateAll(Array(bytes[1..<firstEnd]), format: .gzip) == whole)
        #expect(try Inflater.inflateAll(Array(bytes[firstEnd...]), format: .gzip) == Array("second".utf8))
        if compressible && count >= 300 {
            #expect(firstEnd - 1 < count / 2)
        }
    }
}
