import Archive
import Foundation
import PipelineModel
import Testing

@Suite("Damaged WARC files")
struct DamagedFileTests {
    /// Ways a file can be damaged, each turning good `.warc.gz` bytes into bad ones.
    enum Damage: String, CaseIterable, Sendable {
        case cutInHalf, lastByteMissing, cutAfterFirstRecord, garbage, gzipMagicThenGarbage, trailingGarbage
        case plainText, plainLengthTooShort, plainLengthTooLong, plainLengthNotANumber, plainNoBlankLine

        func apply(to good: [UInt8], firstMemberEnd: Int) -> [UInt8] {
            let plain = Array("WARC/1.1\r\nWARC-Type: resource\r\nContent-Length: 5\r\n\r\nhello\r\n\r\n".utf8)
            switch self {
            case .cutInHalf: return Array(good.prefix(good.count / 2))
            case .lastByteMissing: return Array(good.dropLast())
            case .cutAfterFirstRecord: return Array(good.prefix(firstMemberEnd + 20))
            case .garbage: return (0..<5000).map { UInt8(truncatingIfNeeded: $0 &* 7919 &+ 13) }
            case .gzipMagicThenGarbage: return [0x1f, 0x8b] + Array(repeating: 0x55, count: 300)
            case .trailingGarbage: return good + Array("not a gzip member".utf8)
            case .plainText: return Array(String(repeating: "no line ends here ", count: 10_000).utf8)
            case .plainLengthTooShort:
                return Array(String(decoding: plain, as: UTF8.self).replacingOccurrences(of: "Length: 5", with: "Length: 3").utf8)
            case .plainLengthTooLong:
                return Array(String(decoding: plain, as: UTF8.self).replacingOccurrences(of: "Length: 5", with: "Length: 500").utf8)
            case .plainLengthNotANumber:
                return Array(String(decoding: plain, as: UTF8.self).replacingOccurrences(of: "Length: 5", with: "Length: -5").utf8)
            case .plainNoBlankLine: return Array(plain.prefix(40))
            }
        }
    }

    @Test("Damaged files throw an error naming the file and offset instead of crashing", arguments: Damage.allCases)
    func damagedFilesThrow(damage: Damage) throws {
        try inTemporaryFolder { folder in
            let writer = try WARCWriter(folder: folder, name: "good")
            try writer.archive(WARCRoundTripTests.decodedPage, userAgent: "ua")
            try writer.finish()
            let good = Array(try Data(contentsOf: URL(fileURLWithPath: writer.path)))
            let firstMemberEnd = try WARCReader(path: writer.path).readAll()[1].offset
            let path = folder + "/damaged-\(damage.rawValue).warc.gz"
            try Data(damage.apply(to: good, firstMemberEnd: firstMemberEnd)).write(to: URL(fileURLWithPath: path))

            let reader = try WARCReader(path: path)
            let error = #expect(throws: WARCError.self) {
                while try reader.next() != nil {}
            }
            let description = error?.description ?? ""
            #expect(description.contains(path), "\(description)")
            #expect(description.contains("at offset"), "\(description)")
            #expect(description.hasSuffix("."))
            #expect(description.unicodeScalars.allSatisfy { $0.isASCII && $0.value >= 32 }, "\(description)")
        }
    }

    @Test("An empty file has no records")
    func emptyFile() throws {
        try inTemporaryFolder { folder in
            let path = folder + "/empty.warc.gz"
            try Data().write(to: URL(fileURLWithPath: path))
            #expect(try WARCReader(path: path).readAll().isEmpty)
        }
    }

    @Test("A missing file is an error naming it")
    func missingFile() {
        let error = #expect(throws: WARCError.self) { try WARCReader(path: "/nonexistent/run.warc.gz") }
        #expect(error?.description == "Cannot read /nonexistent/run.warc.gz: No such file or directory.")
    }

    @Test("A changed block fails its digest check")
    func digestMismatch() throws {
        var record = WARCRecord(
            type: "resource", headers: [HTTPHeader(name: "WARC-Block-Digest", value: "sha1:3I42H3S6NNFQ2MSVX7XZKYAYSCX5QBYJ")], block: [])
        try record.verifyDigests()
        record.block = [1]
        #expect(throws: WARCError.self) { try record.verifyDigests() }
    }
}
