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
        let server = try slowServer { "Report \($0) from Vilnius about the appeal of Kaster Musakhan." }
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
            waitForLines(4, in: partial, while: first)
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
        let server = try slowServer { "Statement \($0) on the detention of Gizat Nurdauletov." }
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
            waitForLines(3, in: partial, while: run)
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

    /// A server of 60 article pages at `/p0` ... `/p59`, each answered after 0.15 s: long enough, even
    /// fetched two at a time, that a busy machine cannot finish the run before the test stops it.
    func slowServer(sentence: (Int) -> String) throws -> LocalHTTPServer {
        var routes: [String: TestResponse] = [:]
        for i in 0..<60 {
            routes["/p\(i)"] = TestResponse(
                body: Array("<html><body><article><p>\(sentence(i))</p></article></body></html>".utf8), delay: 0.15)
        }
        return try LocalHTTPServer(routes: routes)
    }

    /// Polls until `file` has `count` lines, the process has ended, or 30 s have passed.
    func waitForLines(_ count: Int, in file: URL, while process: Process) {
        var polls = 0
        while lineCount(file) < count && process.isRunning && polls < 3_000 {
            usleep(10_000)
            polls += 1
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
