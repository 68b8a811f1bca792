import Foundation
import PipelineModel
import Stages
import Testing

@Suite("Continuing an interrupted run")
struct ResumeTests {
    /// Cuts a finished file back to its first `lines` lines plus half a line, as a kill would.
    func interrupt(_ file: URL, keeping lines: Int) throws {
        let text = try String(contentsOf: file, encoding: .utf8)
        let all = text.split(separator: "\n", omittingEmptySubsequences: true)
        var kept = all.prefix(lines).map { $0 + "\n" }.joined()
        if lines < all.count { kept += all[lines].prefix(10) }
        try Data(kept.utf8).write(to: file.appendingPathExtension("partial"))
        try FileManager.default.removeItem(at: file)
    }

    @Test("A run started again after a kill keeps what was written and writes each seed once")
    func resumesWithoutLossOrRepeats() throws {
        try withRunFolder { folder in
            let pages = ["appeal-letter.html", "news-layout.html", "no-article.html", "windows-1251.html"]
            var lines = pages.map { Fixtures.page($0).absoluteString }
            lines.insert("not a url", at: 2)
            let seeds = try writeSeeds(lines, in: folder)
            let pipeline = testPipeline()
            let out = RunFolder(path: folder.appendingPathComponent("out").path)
            _ = try pipeline.run(seeds: seeds, out: out)
            let expected = try [out.documents, out.entities, out.failures].map { try String(contentsOf: $0, encoding: .utf8) }

            // As if killed after seed 2 was written: documents 0, 1; failure 2; a torn line after.
            let marker = out.url.appendingPathComponent("run.partial.json")
            let identity = try JSONSerialization.data(withJSONObject: [
                "path": URL(fileURLWithPath: seeds).standardizedFileURL.path, "hash": DocumentID.make(bytes: Data(contentsOf: URL(fileURLWithPath: seeds))),
            ])
            try identity.write(to: marker)
            try interrupt(out.documents, keeping: 2)
            try interrupt(out.failures, keeping: 1)
            try interrupt(out.entities, keeping: 1_000)
            // The state store is written only after a seed's line, so it knew nothing of the seeds after the kill.
            for suffix in ["", "-wal", "-shm"] {
                try? FileManager.default.removeItem(atPath: out.stateStore.path + suffix)
            }

            let report = try pipeline.run(seeds: seeds, out: out)
            let again = try [out.documents, out.entities, out.failures].map { try String(contentsOf: $0, encoding: .utf8) }
            #expect(strip(again[0]) == strip(expected[0]))
            #expect(again[1] == expected[1])
            #expect(again[2] == expected[2])
            #expect(report.inputs == 5 && report.documents == 4 && report.failures == 1)
            // Only the two seeds after the resume point were fetched again.
            #expect(report.stages["fetch"].map { $0.ok + $0.failed } == 2)
            #expect(!FileManager.default.fileExists(atPath: marker.path))
            #expect(!FileManager.default.fileExists(atPath: out.documents.path + ".partial"))
        }
    }

    @Test("Partial files of another seeds file are not continued")
    func otherSeedsStartOver() throws {
        try withRunFolder { folder in
            let out = RunFolder(path: folder.appendingPathComponent("out").path)
            try FileManager.default.createDirectory(at: out.url, withIntermediateDirectories: true)
            try Data("{\"index\":0}\n".utf8).write(to: out.documents.appendingPathExtension("partial"))
            try Data("{\"path\":\"/elsewhere\",\"hash\":\"0\"}".utf8).write(to: out.url.appendingPathComponent("run.partial.json"))
            let seeds = try writeSeeds([Fixtures.page("news-layout.html").absoluteString], in: folder)
            let report = try testPipeline().run(seeds: seeds, out: out)
            #expect(report.documents == 1)
            #expect(try readLines(out.documents).count == 1)
        }
    }

    func strip(_ text: String) -> String {
        text.replacing(/"fetched_at":"[^"]*"/, with: "")
    }
}
