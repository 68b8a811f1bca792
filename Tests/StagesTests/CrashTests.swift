import Foundation
import PipelineModel
import Stages
import Testing
import TestSupport

/// Runs the built `pipeline` binary and kills it, as a power cut or the OOM killer would.
@Suite("Killed runs")
struct CrashTests {
    static let binary = Fixtures.root.appendingPathComponent(".build/debug/pipeline")

    @Test("Killed with SIGKILL and run again: every seed once, no torn or repeated line, finished seeds not fetched again")
    func killedRunResumes() throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.binary.path), "build the pipeline binary first")
        var routes: [String: TestResponse] = [:]
        // Long enough (60 pages, two at a time, 0.15 s each) that a busy machine cannot finish the
        // run before the test gets to kill it.
        for i in 0..<60 {
            routes["/p\(i)"] = TestResponse(
                body: Array("<html><body><article><p>Report \(i) from Vilnius about the appeal of Kaster Musakhan.</p></article></body></html>".utf8),
                delay: 0.15)
        }
        let server = try LocalHTTPServer(routes: routes)
        defer { server.stop() }
        try withRunFolder { folder in
            let urls = (0..<60).map { server.url("/p\($0)") }
            let seeds = try writeSeeds(urls, in: folder)
            let out = folder.appendingPathComponent("out")
            let arguments = [
                "run", "--seeds", seeds, "--out", out.path, "--no-politeness", "--fetch-concurrency", "2",
                "--max-attempts", "1", "--no-progress", "--log-level", "error",
            ]
            let first = try start(arguments)
            // Wait until some seeds are written, then kill without warning.
            let partial = out.appendingPathComponent("documents.ndjson.partial")
            var polls = 0
            while lineCount(partial) < 4 && first.isRunning && polls < 3_000 {
                usleep(10_000)
                polls += 1
            }
            kill(first.processIdentifier, SIGKILL)
            first.waitUntilExit()
            #expect(first.terminationReason == .uncaughtSignal)
            let written = lineCount(partial)
            #expect(written >= 4 && written < 60)
            let requestsBefore = server.requestCount

            let second = try start(arguments)
            second.waitUntilExit()
            #expect(second.terminationStatus == 0)

            let text = try String(contentsOf: out.appendingPathComponent("documents.ndjson"), encoding: .utf8)
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
            let records = try lines.map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] ?? [:] }
            #expect(records.compactMap { $0["url"] as? String } == urls)
            #expect(!FileManager.default.fileExists(atPath: partial.path))
            // Only seeds not written before the kill were fetched again (robots.txt aside).
            let pagesFetchedAgain = server.requests.dropFirst(requestsBefore).filter { $0.path.hasPrefix("/p") }.count
            #expect(pagesFetchedAgain <= 60 - written)
            #expect(pagesFetchedAgain >= 60 - written - 2)
        }
    }

    @Test("SIGTERM stops a run cleanly: pages in flight finish, the rest are interrupted failures, files complete")
    func terminatedRunFinishesFiles() throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.binary.path), "build the pipeline binary first")
        var routes: [String: TestResponse] = [:]
        // Long enough (60 pages, one at a time, 0.15 s each) that the fetch is still going when the
        // first documents are written, even on a busy machine where loading the gazetteers is slow.
        for i in 0..<60 {
            routes["/p\(i)"] = TestResponse(
                body: Array("<html><body><article><p>Statement \(i) on the detention of Gizat Nurdauletov.</p></article></body></html>".utf8),
                delay: 0.15)
        }
        let server = try LocalHTTPServer(routes: routes)
        defer { server.stop() }
        try withRunFolder { folder in
            let urls = (0..<60).map { server.url("/p\($0)") }
            let seeds = try writeSeeds(urls, in: folder)
            let out = folder.appendingPathComponent("out")
            let run = try start([
                "run", "--seeds", seeds, "--out", out.path, "--no-politeness", "--fetch-concurrency", "1",
                "--max-attempts", "1", "--no-progress", "--log-level", "error",
            ])
            let partial = out.appendingPathComponent("documents.ndjson.partial")
            var polls = 0
            while lineCount(partial) < 3 && run.isRunning && polls < 3_000 {
                usleep(10_000)
                polls += 1
            }
            kill(run.processIdentifier, SIGTERM)
            run.waitUntilExit()
            #expect(run.terminationReason == .exit)
            #expect(run.terminationStatus == 1)
            let documents = lineCount(out.appendingPathComponent("documents.ndjson"))
            let failures = try readLines(out.appendingPathComponent("failures.ndjson"))
            #expect(documents >= 3)
            #expect(documents + failures.count == 60)
            #expect(!failures.isEmpty && failures.allSatisfy { $0["error"] as? String == "interrupted" })
            #expect(!FileManager.default.fileExists(atPath: partial.path))
        }
    }

    @Test("Exit status 2 when the run cannot start, with one sentence on standard error")
    func couldNotRun() throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.binary.path), "build the pipeline binary first")
        for arguments in [["run", "--seeds", "/nonexistent/seeds.txt", "--out", "/tmp/pipeline-never"], ["run", "--out", "x"]] {
            let process = Process()
            process.executableURL = Self.binary
            process.arguments = arguments
            let errors = Pipe()
            process.standardError = errors
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            #expect(process.terminationStatus == 2, "\(arguments): \(message)")
            #expect(!message.isEmpty)
        }
    }

    func start(_ arguments: [String]) throws -> Process {
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        return process
    }

    func lineCount(_ file: URL) -> Int {
        guard let data = FileManager.default.contents(atPath: file.path) else { return 0 }
        return data.reduce(0) { $1 == 0x0A ? $0 + 1 : $0 }
    }
}
