import Foundation
import PipelineModel
import Stages
import Testing

@Suite("Seeds file")
struct SeedReaderTests {
    @Test("Comments and blank lines are skipped; invalid lines become failures in their place")
    func readsSeeds() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("seeds-\(UUID().uuidString).txt")
        defer { try? FileManager.default.removeItem(at: file) }
        let text = """
            # a comment
            https://example.org/a

              http://example.org/b  
            not a url
            ftp://example.org/c
            file:///tmp/page.html
            https://exa mple.org/
            """
        try Data(text.utf8).write(to: file)
        let reader = try SeedReader(path: file.path)
        var lines: [SeedLine] = []
        while let line = reader.next() { lines.append(line) }
        #expect(lines.map(\.seed.index) == [0, 1, 2, 3, 4, 5])
        #expect(lines.map(\.seed.url) == [
            "https://example.org/a", "http://example.org/b", "not a url", "ftp://example.org/c",
            "file:///tmp/page.html", "https://exa mple.org/",
        ])
        let failures = lines.compactMap { line -> Failure? in
            if case .invalid(let failure) = line { return failure }
            return nil
        }
        #expect(failures.map(\.seed.index) == [2, 3, 5])
        #expect(failures.allSatisfy { $0.stage == .seeds && $0.error == "invalid_seed" })
        #expect(failures[0].message.contains("Line 5 of"))
        #expect(failures[1].message.contains("'ftp'"))
    }

    @Test("A missing seeds file is an error naming the file")
    func missingFile() {
        let error = #expect(throws: StageError.self) { try SeedReader(path: "/nonexistent/seeds.txt") }
        #expect(error?.description.contains("/nonexistent/seeds.txt") == true)
    }
}
