import Archive
import Foundation
import PipelineModel
import Testing

@Suite("WARC writer and reader")
struct WARCRoundTripTests {
    static let html = Array("<html><head><title>Ünïcode</title></head><body>\(String(repeating: "text ", count: 3000))</body></html>".utf8)

    static func page(_ url: String, status: Int = 200, headers: [HTTPHeader], body: [UInt8]) -> FetchedPage {
        FetchedPage(
            seed: Seed(index: 0, url: url), finalURL: url, status: status, headers: headers, body: body,
            fetchedAt: Date(timeIntervalSince1970: 1_790_000_000), duration: 0.25)
    }

    /// A page as libcurl hands it over: headers as received, body already decoded.
    static let decodedPage = page(
        "https://example.org/news/a%20b?q=1&r=2",
        headers: [
            HTTPHeader(name: "Content-Type", value: "text/html; charset=utf-8"),
            HTTPHeader(name: "Content-Encoding", value: "gzip"),
            HTTPHeader(name: "Transfer-Encoding", value: "chunked"),
            HTTPHeader(name: "Content-Length", value: "123"),
            HTTPHeader(name: "ETag", value: "\"v1\""),
        ],
        body: html)

    @Test("Pages written come back with their headers, bodies and valid digests")
    func roundTrip() throws {
        try inTemporaryFolder { folder in
            let writer = try WARCWriter(folder: folder, name: "run", info: [HTTPHeader(name: "operator", value: "tests")])
            let first = try writer.archive(
                Self.decodedPage, userAgent: "pipeline-test/1.0",
                requestHeaders: [HTTPHeader(name: "If-None-Match", value: "\"v0\"")])
            try writer.archive(
                Self.page("http://example.org:8080", status: 404, headers: [HTTPHeader(name: "Content-Type", value: "text/plain")], body: []),
                userAgent: "pipeline-test/1.0")
            let file = try writer.archive(
                Self.page("file:///tmp/page.html", headers: [HTTPHeader(name: "Content-Type", value: "text/html")], body: Array("<p>local</p>".utf8)),
                userAgent: "pipeline-test/1.0")
            try writer.finish()
            #expect(writer.path == folder + "/run.warc.gz")
            #expect(file.request == nil)

            let records = try WARCReader(path: writer.path).readAll()
            #expect(records.map(\.type) == ["warcinfo", "request", "response", "request", "response", "resource"])
            for record in records {
                try record.verifyDigests()
                #expect(record.version == "1.1")
                #expect(record.header("WARC-Record-ID")?.hasPrefix("<urn:uuid:") == true)
                #expect(record.header("Content-Length") == String(record.block.count))
            }
            #expect(records.dropFirst().allSatisfy { $0.header("WARC-Block-Digest")?.hasPrefix("sha256:") == true })
            #expect(records[0].recordID == writer.warcinfoID)
            #expect(String(decoding: records[0].block, as: UTF8.self).contains("operator: tests\r\n"))

            let request = records[1]
            let response = records[2]
            #expect(request.recordID == first.request)
            #expect(response.recordID == first.response)
            #expect(request.header("WARC-Concurrent-To") == first.response)
            #expect(response.header("WARC-Concurrent-To") == first.request)
            #expect(response.header("WARC-Date") == "2026-09-21T14:13:19Z")
            #expect(response.header("Content-Type") == "application/http; msgtype=response")
            #expect(response.header("WARC-Payload-Digest")?.hasPrefix("sha256:") == true)
            let requestText = String(decoding: request.block, as: UTF8.self)
            #expect(requestText.hasPrefix("GET /news/a%20b?q=1&r=2 HTTP/1.1\r\nHost: example.org\r\nUser-Agent: pipeline-test/1.0\r\n"))
            #expect(requestText.hasSuffix("If-None-Match: \"v0\"\r\n\r\n"))
            #expect(String(decoding: records[3].block, as: UTF8.self).hasPrefix("GET / HTTP/1.1\r\nHost: example.org:8080\r\n"))

            let decoded = try ArchivedResponse(response)
            #expect(decoded.targetURI == Self.decodedPage.finalURL)
            #expect(decoded.httpStatus == 200)
            #expect(decoded.body == Self.html)
            #expect(decoded.date == Date(timeIntervalSince1970: 1_790_000_000 - 1))
            let names = decoded.httpHeaders.map(\.name)
            #expect(names == ["Content-Type", "X-Original-Content-Encoding", "X-Original-Transfer-Encoding", "ETag", "Content-Length"])
            #expect(decoded.httpHeaders.last?.value == String(Self.html.count))

            let missing = try ArchivedResponse(records[4])
            #expect(missing.httpStatus == 404)
            #expect(missing.body.isEmpty)
            #expect(records[5].block == Array("<p>local</p>".utf8))
            #expect(throws: WARCError.self) { try ArchivedResponse(records[5]) }
        }
    }

    @Test(
        "The request record has the Host and request target libcurl would send",
        arguments: [
            ("https://example.org", "GET / HTTP/1.1\r\nHost: example.org\r\n"),
            ("HTTPS://Example.org?q=1#top", "GET /?q=1 HTTP/1.1\r\nHost: Example.org\r\n"),
            ("http://user:secret@h.example:8080/a b/ü?x=1", "GET /a%20b/%C3%BC?x=1 HTTP/1.1\r\nHost: h.example:8080\r\n"),
        ])
    func requestLines(url: String, expected: String) throws {
        try inTemporaryFolder { folder in
            let writer = try WARCWriter(folder: folder, name: "run")
            try writer.archive(Self.page(url, headers: [], body: []), userAgent: "ua")
            try writer.finish()
            let request = try #require(try WARCReader(path: writer.path).readAll().first { $0.type == "request" })
            #expect(String(decoding: request.block, as: UTF8.self).hasPrefix(expected))
            #expect(request.targetURI == url)
        }
    }

    @Test("A second writer appends to the file instead of replacing it")
    func appends() throws {
        try inTemporaryFolder { folder in
            for _ in 0..<2 {
                let writer = try WARCWriter(folder: folder, name: "run")
                try writer.archive(Self.decodedPage, userAgent: "ua")
                try writer.finish()
            }
            let records = try WARCReader(path: folder + "/run.warc.gz").readAll()
            #expect(records.map(\.type) == ["warcinfo", "request", "response", "warcinfo", "request", "response"])
        }
    }

    @Test("A record cut short by a killed run is moved aside before the next writer appends")
    func repairsIncompleteTail() throws {
        try inTemporaryFolder { folder in
            let writer = try WARCWriter(folder: folder, name: "run")
            #expect(writer.repairNote == nil)
            try writer.archive(Self.decodedPage, userAgent: "ua")
            try writer.finish()
            let whole = Array(try Data(contentsOf: URL(fileURLWithPath: writer.path)))
            let responseOffset = try WARCReader(path: writer.path).readAll()[2].offset
            // As if the run died in the middle of writing the same page again.
            let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: writer.path))
            try handle.seekToEnd()
            try handle.write(contentsOf: Data(whole[responseOffset..<(responseOffset + 100)]))
            try handle.close()

            let next = try WARCWriter(folder: folder, name: "run")
            try next.archive(Self.decodedPage, userAgent: "ua")
            try next.finish()
            let aside = writer.path + ".incomplete-\(whole.count)"
            #expect(next.repairNote == "Moved the 100 bytes of an incomplete record at offset \(whole.count) of \(writer.path) to \(aside).")
            #expect(Array(try Data(contentsOf: URL(fileURLWithPath: aside))) == Array(whole[responseOffset..<(responseOffset + 100)]))
            let records = try WARCReader(path: writer.path).readAll()
            #expect(records.map(\.type) == ["warcinfo", "request", "response", "warcinfo", "request", "response"])
        }
    }

    @Test("An existing file that is not gzip is refused, not appended to")
    func refusesPlainFile() throws {
        try inTemporaryFolder { folder in
            try Data("WARC/1.1\r\n".utf8).write(to: URL(fileURLWithPath: folder + "/run.warc.gz"))
            let error = #expect(throws: WARCError.self) { try WARCWriter(folder: folder, name: "run") }
            #expect(error?.description == "Cannot write \(folder)/run.warc.gz: it exists but is not gzip-compressed, so records cannot be appended to it.")
        }
    }

    @Test("Pages archived from several threads at once all come back whole")
    func concurrentWriters() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("archive-tests-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let writer = try WARCWriter(folder: folder, name: "run")
        try await withThrowingTaskGroup(of: Void.self) { group in
            for index in 0..<40 {
                group.addTask {
                    try writer.archive(Self.page("https://example.org/\(index)", headers: [], body: Array("page \(index)".utf8)), userAgent: "ua")
                }
            }
            try await group.waitForAll()
        }
        try writer.finish()
        let responses = try WARCReader(path: writer.path).readAll().filter { $0.type == "response" }
        let bodies = try Set(responses.map { String(decoding: try ArchivedResponse($0).body, as: UTF8.self) })
        #expect(bodies == Set((0..<40).map { "page \($0)" }))
    }

    @Test("Pages appended together each get the offset of their own response record")
    func batchOffsets() throws {
        try inTemporaryFolder { folder in
            let writer = try WARCWriter(folder: folder, name: "run")
            let pages = (0..<3).map { Self.page("https://example.org/\($0)", headers: [], body: Array("page \($0)".utf8)) }
            let single = try writer.append([try writer.prepare(pages[0], userAgent: "ua")])
            let batch = try writer.append(try pages.dropFirst().map { page throws(WARCError) in try writer.prepare(page, userAgent: "ua") })
            try writer.finish()
            let offsets = single + batch
            #expect(offsets.count == 3)
            for (index, offset) in offsets.enumerated() {
                let record = try #require(try WARCReader(path: writer.path, offset: offset).next())
                #expect(record.type == "response")
                #expect(try ArchivedResponse(record).body == Array("page \(index)".utf8))
            }
        }
    }

    @Test("Record IDs are distinct version 4 UUIDs")
    func recordIDs() throws {
        try inTemporaryFolder { folder in
            let writer = try WARCWriter(folder: folder, name: "run")
            for index in 0..<50 {
                try writer.archive(Self.page("https://example.org/\(index)", headers: [], body: []), userAgent: "ua")
            }
            try writer.finish()
            let ids = try WARCReader(path: writer.path).readAll().compactMap(\.recordID)
            #expect(ids.count == 101)
            #expect(Set(ids).count == ids.count)
            let hex = "[0-9a-f]"
            let uuid = try Regex("^<urn:uuid:\(hex){8}-\(hex){4}-4\(hex){3}-[89ab]\(hex){3}-\(hex){12}>$")
            for id in ids {
                #expect(id.wholeMatch(of: uuid) != nil, "\(id)")
            }
        }
    }

    @Test("The file can be cut at any record's offset and read from there")
    func readsFromAnyRecord() throws {
        try inTemporaryFolder { folder in
            let writer = try WARCWriter(folder: folder, name: "run")
            try writer.archive(Self.decodedPage, userAgent: "ua")
            try writer.archive(Self.page("https://example.org/2", headers: [], body: Array("two".utf8)), userAgent: "ua")
            try writer.finish()
            let records = try WARCReader(path: writer.path).readAll()
            let bytes = try Data(contentsOf: URL(fileURLWithPath: writer.path))
            #expect(records.map(\.offset) == records.map(\.offset).sorted())
            #expect(Set(records.map(\.offset)).count == records.count)
            for (index, record) in records.enumerated() {
                let tail = folder + "/tail-\(index).warc.gz"
                try bytes[record.offset...].write(to: URL(fileURLWithPath: tail))
                let rest = try WARCReader(path: tail).readAll()
                #expect(rest.map(\.recordID) == records[index...].map(\.recordID))
                #expect(rest.first?.block == record.block)
            }
        }
    }

    @Test("A plain uncompressed WARC reads the same, with bare LF HTTP headers and deflate bodies")
    func readsPlainWARC() throws {
        try inTemporaryFolder { folder in
            let compressed = try gzippedForDeflateTest(Array("deflated body".utf8))
            var http = Array("HTTP/1.0 200 OK\nContent-Encoding: deflate\n\n".utf8)
            http += compressed
            var file = Array("WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: http://a.example/\r\nWARC-Date: 2020-01-02T03:04:05Z\r\nContent-Length: \(http.count)\r\n\r\n".utf8)
            file += http + Array("\r\n\r\n\r\n".utf8)
            let path = folder + "/plain.warc"
            try Data(file + file).write(to: URL(fileURLWithPath: path))
            let records = try WARCReader(path: path).readAll()
            #expect(records.count == 2)
            #expect(records.map(\.offset) == [0, file.count])
            let response = try ArchivedResponse(try #require(records.first))
            #expect(response.body == Array("deflated body".utf8))
            #expect(response.date == Date(timeIntervalSince1970: 1_577_934_245))
        }
    }
}

/// Raw deflate data, as many servers send for `Content-Encoding: deflate`: a gzip member less its
/// 10-byte header and 8-byte trailer.
func gzippedForDeflateTest(_ bytes: [UInt8]) throws -> [UInt8] {
    let member = try runTool("/usr/bin/gzip", ["-c", "-n"], input: bytes).output
    return Array(member.dropFirst(10).dropLast(8))
}

/// Runs `body` with the path of a new empty folder that is removed afterwards.
func inTemporaryFolder(_ body: (String) throws -> Void) throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("archive-tests-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    try body(folder)
}
