import Foundation
import PipelineModel
import Stages
import Testing
import TestSupport

@Suite("Incremental runs over HTTP")
struct IncrementalRunTests {
    static let article = """
        <html lang="en"><head><title>Court hears appeal</title></head><body><article><h1>Court hears appeal</h1>
        <p>The court in Vilnius heard the appeal of Kaster Musakhan on October 1, 2019, and reserved judgment.</p>
        <p>Lawyers cited Article 33 of the 1951 Geneva Convention Relating to the Status of Refugees.</p>
        </article></body></html>
        """

    func server() throws -> LocalHTTPServer {
        var tagged = TestResponse.html(Self.article)
        tagged.etag = "\"v1\""
        var dated = TestResponse.html(Self.article.replacingOccurrences(of: "Vilnius", with: "Almaty"))
        dated.lastModified = "Tue, 17 Dec 2019 10:00:00 GMT"
        return try LocalHTTPServer(routes: [
            "/tagged": tagged,
            "/dated": dated,
            "/plain": .html(Self.article.replacingOccurrences(of: "court", with: "tribunal")),
            "/copy": .html(Self.article.replacingOccurrences(of: "court", with: "tribunal")),
            "/gone": TestResponse(status: 404, body: Array("gone".utf8)),
        ])
    }

    @Test("A second run sends validators and skips pages that did not change")
    func secondRunSkipsUnchanged() throws {
        let server = try server()
        defer { server.stop() }
        try withRunFolder { folder in
            let seeds = try writeSeeds(["/tagged", "/dated", "/plain", "/copy", "/gone"].map(server.url), in: folder)
            let out = RunFolder(path: folder.appendingPathComponent("out").path)
            let first = try testPipeline().run(seeds: seeds, out: out)
            #expect(first.documents == 4 && first.failures == 1 && first.unchanged == 0)
            #expect(first.new == 4 && first.changed == 0 && first.duplicates == 1)
            let documents = try readLines(out.documents)
            #expect(documents[3]["duplicate_of"] as? String == server.url("/plain"))
            #expect(documents[0]["etag"] as? String == "\"v1\"")
            #expect((documents[0]["content_hash"] as? String)?.count == 64)

            let second = try testPipeline().run(seeds: seeds, out: out)
            #expect(second.documents == 0 && second.unchanged == 4 && second.failures == 1)
            let unchanged = try readLines(out.unchanged)
            #expect(unchanged.compactMap { $0["reason"] as? String } == ["not_modified", "not_modified", "same_content", "same_content"])
            #expect(server.requests(for: "/tagged").last?.headers["if-none-match"] == "\"v1\"")
            #expect(server.requests(for: "/dated").last?.headers["if-modified-since"] == "Tue, 17 Dec 2019 10:00:00 GMT")

            var forced = testPipeline()
            forced.options.force = true
            let third = try forced.run(seeds: seeds, out: out)
            #expect(third.documents == 4 && third.unchanged == 0)
            #expect(server.requests(for: "/tagged").last?.headers["if-none-match"] == nil)
        }
    }

    @Test("Every response is kept in a WARC file that extract reads back")
    func warcRoundTrip() throws {
        let server = try server()
        defer { server.stop() }
        try withRunFolder { folder in
            let seeds = try writeSeeds(["/tagged", "/dated"].map(server.url), in: folder)
            let out = RunFolder(path: folder.appendingPathComponent("out").path)
            _ = try testPipeline().run(seeds: seeds, out: out)
            let warcs = try FileManager.default.contentsOfDirectory(atPath: out.warcFolder.path).filter { $0.hasSuffix(".warc.gz") }
            #expect(warcs.count == 1)

            var texts: [String] = []
            try testPipeline().documents(warc: out.warcFolder.path) { result in
                if case .success(let document) = result { texts.append(document.text) }
            }
            let documents = try readLines(out.documents)
            #expect(texts == documents.compactMap { $0["text"] as? String })
            #expect(texts.count == 2)
        }
    }

    @Test("Stage by stage over HTTP, extract reads each body back from its response record, after a redirect and after a second fetch into the folder")
    func stagedBodiesFromWARC() throws {
        let server = try LocalHTTPServer(routes: [
            "/moved": .redirect(to: "/plain"),
            "/plain": .html(Self.article.replacingOccurrences(of: "court", with: "tribunal")),
            "/dated": .html(Self.article.replacingOccurrences(of: "Vilnius", with: "Almaty")),
        ])
        defer { server.stop() }
        try withRunFolder { folder in
            let seeds = try writeSeeds(["/moved", "/dated"].map(server.url), in: folder)
            let whole = RunFolder(path: folder.appendingPathComponent("whole").path)
            _ = try testPipeline().run(seeds: seeds, out: whole)
            let expected = try readLines(whole.documents).compactMap { $0["text"] as? String }
            #expect(expected.count == 2)
            var forced = testPipeline()
            forced.options.force = true
            let staged = RunFolder(path: folder.appendingPathComponent("staged").path)
            // Twice: the second fetch appends to the first one's WARC file or starts one of its own.
            for _ in 0..<2 {
                _ = try forced.fetch(seeds: seeds, out: staged)
                _ = try forced.extract(from: staged, out: staged)
                _ = try forced.load(from: staged, out: staged)
                #expect(try readLines(staged.documents).compactMap { $0["text"] as? String } == expected)
            }
            let lines = try readLines(staged.fetchedPages)
            #expect(lines.allSatisfy { $0["body_record"] != nil && $0["body_file"] == nil })
        }
    }

    @Test("A second command on a folder in use is refused with a clear message")
    func lockRefusesSecondRun() throws {
        try withRunFolder { folder in
            let out = RunFolder(path: folder.appendingPathComponent("out").path)
            try FileManager.default.createDirectory(at: out.url, withIntermediateDirectories: true)
            let lockFile = out.url.appendingPathComponent(".lock").path
            let descriptor = open(lockFile, O_RDWR | O_CREAT, 0o644)
            #expect(descriptor >= 0)
            #expect(flock(descriptor, LOCK_EX | LOCK_NB) == 0)
            defer { close(descriptor) }
            let seeds = try writeSeeds([Fixtures.page("news-layout.html").absoluteString], in: folder)
            let error = #expect(throws: StageError.self) { try testPipeline().run(seeds: seeds, out: out) }
            #expect(error?.description.contains("Another pipeline run") == true)
        }
    }
}
