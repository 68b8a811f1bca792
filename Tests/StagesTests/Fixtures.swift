import Foundation
import PipelineModel
import Stages

/// Paths of the package's own fixtures and temporary run folders for the tests.
enum Fixtures {
    /// The package root, found from this file's path.
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// A page under `Fixtures/pages/`.
    static func page(_ name: String) -> URL {
        root.appendingPathComponent("Fixtures/pages").appendingPathComponent(name)
    }
}

/// A fresh folder for one test, removed afterwards.
func withRunFolder(_ body: (URL) throws -> Void) throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pipeline-run-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    try body(folder)
}

/// Writes a seeds file with these lines into `folder`.
func writeSeeds(_ lines: [String], in folder: URL) throws -> String {
    let file = folder.appendingPathComponent("seeds.txt")
    try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: file)
    return file.path
}

/// The records of an NDJSON file as dictionaries.
func readLines(_ file: URL) throws -> [[String: Any]] {
    let text = try String(contentsOf: file, encoding: .utf8)
    return try text.split(separator: "\n").map { line in
        let object = try JSONSerialization.jsonObject(with: Data(line.utf8))
        return object as? [String: Any] ?? [:]
    }
}

/// A pipeline for tests: no progress line, small queues so that back-pressure is exercised.
func testPipeline(workers: Int = 2) -> Pipeline {
    var options = PipelineOptions()
    options.progress = false
    options.queueCapacity = 2
    options.window = 4
    options.extractWorkers = workers
    options.fetch.timeout = 5
    options.fetch.connectTimeout = 2
    options.fetch.politeness = false
    options.fetch.maxAttempts = 1
    Pipeline.initialize()
    return Pipeline(options: options)
}
