import Foundation
import StateStore
import Testing

/// A scratch folder for one test, removed when the test lets go of it.
final class ScratchFolder {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("state-tests-\(UUID().uuidString)").path

    init() throws {
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }

    var database: String { path + "/state.sqlite" }
}

@Suite("State store")
struct StateStoreTests {
    let fetchedAt = Date(timeIntervalSince1970: 1_790_000_000.5)

    @Test("A recorded URL reads back field for field, and an unknown one is nil")
    func roundTrip() throws {
        let scratch = try ScratchFolder()
        let store = try StateStore(path: scratch.database)
        try store.record(
            url: "https://example.org/a", fetchedAt: fetchedAt, status: 200, etag: "\"v1\"",
            lastModified: "Tue, 01 Sep 2026 10:00:00 GMT", contentHash: ContentHash.sha256(Array("a".utf8)), documentID: "doc-a")
        let entry = try #require(try store.entry(url: "https://example.org/a"))
        #expect(entry == URLState(
            url: "https://example.org/a", lastFetch: fetchedAt, status: 200, etag: "\"v1\"",
            lastModified: "Tue, 01 Sep 2026 10:00:00 GMT",
            contentHash: "ca978112ca1bbdcafac231b39a23dc4da786eff8147c4e72b9807785afee48bb", documentID: "doc-a"))
        #expect(try store.entry(url: "https://example.org/other") == nil)
    }

    @Test("Writes in a transaction are seen by the same store at once and by another connection only after the commit")
    func transactionCommitsTogether() throws {
        let scratch = try ScratchFolder()
        let store = try StateStore(path: scratch.database)
        let reader = try StateStore(path: scratch.database)
        let url = "https://example.org/a"
        var own: Result<URLState?, StateStoreError>?
        var other: Result<URLState?, StateStoreError>?
        try store.transaction {
            try? store.record(url: url, fetchedAt: fetchedAt, status: 200, etag: "\"v1\"", lastModified: nil, contentHash: "h1")
            own = Result { () throws(StateStoreError) in try store.entry(url: url) }
            other = Result { () throws(StateStoreError) in try reader.entry(url: url) }
        }
        #expect(try own?.get()?.etag == "\"v1\"")
        #expect(try #require(other).get() == nil)
        #expect(try reader.entry(url: url)?.etag == "\"v1\"")
    }

    @Test("Recording again replaces the row, but a 304 keeps the validators and hash it does not carry")
    func updates() throws {
        let scratch = try ScratchFolder()
        let store = try StateStore(path: scratch.database)
        let url = "https://example.org/a"
        try store.record(url: url, fetchedAt: fetchedAt, status: 200, etag: "\"v1\"", lastModified: nil, contentHash: "h1", documentID: "d1")
        try store.record(url: url, fetchedAt: fetchedAt + 60, status: 304, etag: nil, lastModified: nil, contentHash: nil)
        var entry = try #require(try store.entry(url: url))
        #expect(entry.status == 304)
        #expect(entry.lastFetch == fetchedAt + 60)
        #expect(entry.etag == "\"v1\"" && entry.contentHash == "h1" && entry.documentID == "d1")
        try store.record(url: url, fetchedAt: fetchedAt + 120, status: 200, etag: nil, lastModified: "Wed", contentHash: "h2")
        entry = try #require(try store.entry(url: url))
        #expect(entry.etag == nil && entry.lastModified == "Wed" && entry.contentHash == "h2" && entry.documentID == nil)
    }

    @Test("Data survives closing and reopening the file, which is in WAL mode")
    func reopen() throws {
        let scratch = try ScratchFolder()
        do {
            let store = try StateStore(path: scratch.database)
            try store.record(url: "https://example.org/kept", fetchedAt: fetchedAt, status: 200, etag: nil, lastModified: nil, contentHash: "h")
            try store.beginRun(id: "run-1", startedAt: fetchedAt)
            try store.markDone(runID: "run-1", index: 3, url: "https://example.org/kept")
        }
        let store = try StateStore(path: scratch.database)
        #expect(try store.entry(url: "https://example.org/kept")?.contentHash == "h")
        #expect(try store.isDone(runID: "run-1", index: 3))
        // Only a database in WAL mode keeps a -wal file beside it while open.
        #expect(FileManager.default.fileExists(atPath: scratch.database + "-wal"))
    }

    @Test("The first URL with a content hash is found, optionally excluding the one asking")
    func duplicates() throws {
        let scratch = try ScratchFolder()
        let store = try StateStore(path: scratch.database)
        for (url, hash) in [("https://b.example/", "same"), ("https://a.example/", "same"), ("https://c.example/", "other")] {
            try store.record(url: url, fetchedAt: fetchedAt, status: 200, etag: nil, lastModified: nil, contentHash: hash)
        }
        #expect(try store.firstURL(withContentHash: "same") == "https://b.example/")
        #expect(try store.firstURL(withContentHash: "same", excluding: "https://b.example/") == "https://a.example/")
        #expect(try store.firstURL(withContentHash: "other", excluding: "https://c.example/") == nil)
        #expect(try store.firstURL(withContentHash: "none") == nil)
    }

    @Test("An interrupted run is offered for resume with the seeds it finished")
    func resume() throws {
        let scratch = try ScratchFolder()
        let store = try StateStore(path: scratch.database)
        try store.beginRun(id: "old", startedAt: fetchedAt - 86_400)
        try store.finishRun(id: "old", finishedAt: fetchedAt - 80_000)
        #expect(try store.unfinishedRun() == nil)
        try store.beginRun(id: "night", startedAt: fetchedAt)
        try store.markDone(runID: "night", index: 0, url: "https://a.example/")
        try store.markDone(runID: "night", index: 2, url: "https://c.example/")
        let pending = try #require(try store.unfinishedRun())
        #expect(pending.id == "night" && pending.startedAt == fetchedAt && pending.finishedAt == nil)
        #expect(try store.doneIndexes(runID: "night") == [0, 2])
        #expect(try store.isDone(runID: "night", index: 2))
        #expect(try !store.isDone(runID: "night", index: 1))
        #expect(try !store.isDone(runID: "old", index: 0))
        try store.finishRun(id: "night", finishedAt: fetchedAt + 3600)
        #expect(try store.unfinishedRun() == nil)
    }

    @Test("Calls from many tasks at once are serialised safely")
    func concurrentUse() async throws {
        let scratch = try ScratchFolder()
        let store = try StateStore(path: scratch.database)
        let fetchedAt = fetchedAt
        try await withThrowingTaskGroup(of: Void.self) { group in
            for index in 0..<200 {
                group.addTask {
                    try store.record(url: "https://example.org/\(index)", fetchedAt: fetchedAt, status: 200, etag: nil, lastModified: nil, contentHash: "h\(index % 7)")
                    try store.markDone(runID: "r", index: index, url: "https://example.org/\(index)")
                    _ = try store.entry(url: "https://example.org/\(index / 2)")
                }
            }
            try await group.waitForAll()
        }
        #expect(try store.doneIndexes(runID: "r").count == 200)
    }

    @Test("A file that is not a database gives an error naming it")
    func notADatabase() throws {
        let scratch = try ScratchFolder()
        try Data(String(repeating: "not sqlite ", count: 200).utf8).write(to: URL(fileURLWithPath: scratch.database))
        let error = #expect(throws: StateStoreError.self) { try StateStore(path: scratch.database) }
        #expect(error?.description.contains(scratch.database) == true)
        #expect(error?.description.hasSuffix(".") == true)
    }

    @Test("Content hashes are lower-case hex SHA-256")
    func contentHash() {
        #expect(ContentHash.sha256([]) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }
}

/// The exit status of a program run to completion with no input or output.
func exitStatus(of executable: String, _ arguments: [String]) throws -> Int32 {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    process.standardInput = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    return process.terminationStatus
}
