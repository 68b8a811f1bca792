import Foundation
import Load
import PipelineModel
import Testing

@testable import Stages

@Suite("Stored page records")
struct StoredPageTests {
    static let pages: [(FetchedPage, PageChange)] = [
        (
            FetchedPage(
                seed: Seed(index: 0, url: "https://example.org/news/1"), finalURL: "https://example.org/news/1?x=\"y\"",
                status: 200,
                headers: [HTTPHeader(name: "Content-Type", value: "text/html"), HTTPHeader(name: "ETag", value: "W/\"abc\\d\"")],
                body: Array("<p>hello</p>".utf8), fetchedAt: Date(timeIntervalSince1970: 1_700_000_000.123), duration: 0.003386),
            PageChange(kind: .new, reason: nil, contentHash: String(repeating: "ab", count: 32), duplicateOf: nil)
        ),
        (
            FetchedPage(
                seed: Seed(index: 41, url: "https://example.org/dup"), finalURL: "https://example.org/dup", status: 304,
                headers: [], body: [], fetchedAt: Date(timeIntervalSince1970: 0), duration: 2),
            PageChange(kind: .unchanged, reason: "not_modified", contentHash: nil, duplicateOf: "https://example.org/first")
        ),
        (
            FetchedPage(
                seed: Seed(index: 7, url: "https://example.org/ünï\tcode"), finalURL: "https://example.org/ünï\tcode",
                status: 404, headers: [HTTPHeader(name: "X-Note", value: "line\r\nbreak \u{1}")], body: Array(repeating: 0x41, count: 9),
                fetchedAt: Date(timeIntervalSince1970: 1_234_567_890.5), duration: 1.5e-05),
            PageChange(kind: .changed, reason: nil, contentHash: "00", duplicateOf: nil)
        ),
    ]

    static let bodies = [
        StoredPage.Body(file: "fetch/bodies/0123456789abcdef.body"),
        StoredPage.Body(record: StoredPage.BodyRecord(file: "warc/pipeline-20261129120000.warc.gz", offset: 123_456)),
        StoredPage.Body(),
    ]

    @Test(
        "The hand-written line of pages.ndjson is byte for byte what the NDJSON encoder writes",
        arguments: pages.indices, bodies.indices)
    func lineMatchesTheEncoder(index: Int, bodyIndex: Int) throws {
        let (page, change) = Self.pages[index]
        let stored = StoredPage(page: page, change: change, body: Self.bodies[bodyIndex])
        var expected = [UInt8](try NDJSON.encoder().encode(stored))
        expected.append(0x0A)
        #expect(String(decoding: stored.jsonLine, as: UTF8.self) == String(decoding: expected, as: UTF8.self))
        let decoded = try JSONDecoder().decode(StoredPage.self, from: Data(stored.jsonLine.dropLast()))
        #expect(decoded.change == change && decoded.headers == page.headers && decoded.url == page.seed.url)
        #expect(decoded.bodyFile == stored.bodyFile && decoded.bodyRecord == stored.bodyRecord)
    }
}
