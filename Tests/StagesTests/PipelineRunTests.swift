import Foundation
import PipelineModel
import Stages
import Testing

@Suite("Whole pipeline on file:// seeds")
struct PipelineRunTests {
    static let pages = ["appeal-letter.html", "news-layout.html", "no-article.html", "windows-1251.html", "latin1-no-meta.html"]

    /// Seeds: every fixture page, a missing file, a line that is not a URL, a PNG and an empty file.
    func seeds(in folder: URL) throws -> String {
        let png = folder.appendingPathComponent("image.png")
        try Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13]).write(to: png)
        let empty = folder.appendingPathComponent("empty.html")
        try Data().write(to: empty)
        var lines = Self.pages.map { Fixtures.page($0).absoluteString }
        lines += ["# a comment", folder.appendingPathComponent("missing.html").absoluteString, "not a url"]
        lines += [png.absoluteString, empty.absoluteString]
        return try writeSeeds(lines, in: folder)
    }

    @Test("Every seed ends up exactly once in documents or failures, in seed order")
    func nothingLost() throws {
        try withRunFolder { folder in
            let out = RunFolder(path: folder.appendingPathComponent("out").path)
            let report = try testPipeline().run(seeds: try seeds(in: folder), out: out)
            let documents = try readLines(out.documents)
            let failures = try readLines(out.failures)
            #expect(documents.count == Self.pages.count)
            #expect(failures.count == 4)
            let indices = (documents + failures).compactMap { $0["index"] as? Int }.sorted()
            #expect(indices == Array(0..<9))
            #expect(documents.compactMap { $0["index"] as? Int } == Array(0..<5))
            let codes = Dictionary(uniqueKeysWithValues: failures.compactMap { f -> (Int, String)? in
                guard let i = f["index"] as? Int, let e = f["error"] as? String else { return nil }
                return (i, e)
            })
            #expect(codes == [5: "file_not_found", 6: "invalid_seed", 7: "not_html", 8: "empty_body"])
            #expect(failures.allSatisfy { ($0["message"] as? String)?.isEmpty == false })
            #expect(report.inputs == 9 && report.documents == 5 && report.failures == 4)
            #expect(report.stages["fetch"] != nil && report.stages["extract"] != nil && report.stages["load"] != nil)
            let runJSON = try JSONSerialization.jsonObject(with: Data(contentsOf: out.report)) as? [String: Any]
            #expect(runJSON?["documents"] as? Int == 5)
        }
    }

    @Test("Every document has every key, absent values as null")
    func documentKeys() throws {
        try withRunFolder { folder in
            let out = RunFolder(path: folder.appendingPathComponent("out").path)
            _ = try testPipeline().run(seeds: try seeds(in: folder), out: out)
            let keys: Set = [
                "id", "url", "final_url", "source", "status", "fetched_at", "content_type", "charset", "title",
                "author", "published", "language", "tags", "text", "entities",
            ]
            let text = try String(contentsOf: out.documents, encoding: .utf8)
            for line in text.split(separator: "\n") {
                let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
                #expect(keys.isSubset(of: Set(object.keys)))
            }
        }
    }

    @Test(
        "Stage by stage gives the same results as one run, and loading again gives the same files, with bodies read back from the WARC file or from body files",
        arguments: [true, false])
    func stagedEqualsRun(warc: Bool) throws {
        try withRunFolder { folder in
            let seeds = try seeds(in: folder)
            var pipeline = testPipeline()
            pipeline.options.warc = warc
            let whole = RunFolder(path: folder.appendingPathComponent("whole").path)
            _ = try pipeline.run(seeds: seeds, out: whole)
            let staged = RunFolder(path: folder.appendingPathComponent("staged").path)
            _ = try pipeline.fetch(seeds: seeds, out: staged)
            let bodies = (try? FileManager.default.contentsOfDirectory(atPath: staged.bodiesFolder.path)) ?? []
            #expect(bodies.isEmpty == warc)
            _ = try pipeline.extract(from: staged, out: staged)
            _ = try pipeline.load(from: staged, out: staged)
            for file in [\RunFolder.documents, \.entities, \.failures] {
                #expect(try withoutTimestamps(whole[keyPath: file]) == withoutTimestamps(staged[keyPath: file]))
            }
            let first = try Data(contentsOf: staged.documents)
            _ = try pipeline.load(from: staged, out: staged)
            #expect(try Data(contentsOf: staged.documents) == first)

            // --in reads another run folder's stage output.
            let other = RunFolder(path: folder.appendingPathComponent("other").path)
            _ = try pipeline.extract(from: staged, out: other)
            _ = try pipeline.load(from: other, out: other)
            #expect(try Data(contentsOf: other.documents) == first)
        }
    }

    @Test("An output folder that cannot be written stops the run with a clear error")
    func unwritableOutput() throws {
        try withRunFolder { folder in
            let seeds = try writeSeeds([Fixtures.page("appeal-letter.html").absoluteString], in: folder)
            let error = #expect(throws: StageError.self) {
                try testPipeline().run(seeds: seeds, out: RunFolder(path: "/proc/pipeline-out"))
            }
            #expect(error?.description.hasPrefix("Cannot create the output folder /proc/pipeline-out") == true)
        }
    }

    @Test(
        "A page that cannot be stored ends the run with the error, not waiting forever on the pages after it",
        .timeLimit(.minutes(1)), arguments: ["run", "fetch"])
    func storeErrorEndsRun(command: String) throws {
        try withRunFolder { folder in
            let page = try Data(contentsOf: Fixtures.page("news-layout.html"))
            var urls: [String] = []
            // Many more pages than the test pipeline's window of 4.
            for number in 0..<40 {
                let file = folder.appendingPathComponent("page-\(number).html")
                try page.write(to: file)
                urls.append(file.absoluteString)
            }
            let seeds = try writeSeeds(urls, in: folder)
            let out = RunFolder(path: folder.appendingPathComponent("out").path)
            // A folder where the third page's body file goes makes storing that page fail (body
            // files are written when no WARC file keeps the bodies).
            let blocked = out.body(id: Seed(index: 2, url: urls[2]).id)
            try FileManager.default.createDirectory(at: blocked, withIntermediateDirectories: true)
            var pipeline = testPipeline()
            pipeline.options.warc = false
            let error = #expect(throws: StageError.self) {
                _ = command == "run" ? try pipeline.run(seeds: seeds, out: out) : try pipeline.fetch(seeds: seeds, out: out)
            }
            #expect(error?.description.contains(blocked.path) == true)
        }
    }

    @Test("Load without an extract stage output names what is missing")
    func loadNeedsExtract() throws {
        try withRunFolder { folder in
            let run = RunFolder(path: folder.path)
            let error = #expect(throws: StageError.self) { try testPipeline().load(from: run, out: run) }
            #expect(error?.description.contains("pipeline extract") == true)
        }
    }

    /// The file's text with every `fetched_at` value blanked.
    func withoutTimestamps(_ file: URL) throws -> String {
        let text = try String(contentsOf: file, encoding: .utf8)
        return text.replacing(/"fetched_at":"[^"]*"/, with: "\"fetched_at\":\"\"")
    }
}

@Suite("Stages on stored input")
struct StoredInputTests {
    @Test("Extract and load run on the fetch stage stored under Fixtures/ with no network")
    func storedFetchStage() throws {
        try withRunFolder { folder in
            let stored = RunFolder(path: Fixtures.root.appendingPathComponent("Fixtures/stored-run").path)
            let out = RunFolder(path: folder.path)
            let pipeline = testPipeline()
            let extracted = try pipeline.extract(from: stored, out: out)
            #expect(extracted.documents == 3 && extracted.failures == 1)
            let report = try pipeline.load(from: out, out: out)
            #expect(report.inputs == 4)
            let documents = try readLines(out.documents)
            #expect(documents.compactMap { $0["url"] as? String } == [
                "https://news.example.org/2019/12/20/appeal", "https://daily.example.net/world/lawyers-inquiry",
                "https://pravo.example.ru/news/activists",
            ])
            #expect(documents.last?["charset"] as? String == "windows-1251")
            #expect(documents.first?["etag"] as? String != nil)
            let failures = try readLines(out.failures)
            #expect(failures.first?["error"] as? String == "http_status")
            // The stored folder itself is only read.
            #expect(!FileManager.default.fileExists(atPath: stored.extractFolder.path))
        }
    }
}

@Suite("Output schema")
struct OutputSchemaTests {
    @Test("Every output line of a run validates against the JSON Schemas in schema/")
    func linesMatchSchemas() throws {
        try withRunFolder { folder in
            let pages = ["appeal-letter.html", "news-layout.html", "windows-1251.html"]
            var lines = pages.map { Fixtures.page($0).absoluteString }
            lines.append("not a url")
            let seeds = try writeSeeds(lines, in: folder)
            let out = RunFolder(path: folder.appendingPathComponent("out").path)
            _ = try testPipeline().run(seeds: seeds, out: out)
            let script = """
                import json, sys, pathlib
                from jsonschema import Draft202012Validator
                from referencing import Registry, Resource
                root = pathlib.Path(sys.argv[1])
                schemas = {p.name: json.loads(p.read_text()) for p in root.glob("*.schema.json")}
                registry = Registry().with_resources(
                    [(s["$id"], Resource.from_contents(s)) for s in schemas.values()]
                    + [(name, Resource.from_contents(s)) for name, s in schemas.items()])
                count = 0
                for schema_name, file in [("document.schema.json", "documents.ndjson"),
                                          ("entity-line.schema.json", "entities.ndjson"),
                                          ("failure.schema.json", "failures.ndjson")]:
                    validator = Draft202012Validator(schemas[schema_name], registry=registry)
                    for line in open(pathlib.Path(sys.argv[2]) / file, encoding="utf-8"):
                        validator.validate(json.loads(line))
                        count += 1
                print(count)
                """
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["python3", "-c", script, Fixtures.root.appendingPathComponent("schema").path, out.url.path]
            let output = Pipe()
            let errors = Pipe()
            process.standardOutput = output
            process.standardError = errors
            try process.run()
            process.waitUntilExit()
            let printed = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            let complaint = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            #expect(process.terminationStatus == 0, "\(complaint)")
            #expect((Int(printed.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0) > 10)
        }
    }
}
