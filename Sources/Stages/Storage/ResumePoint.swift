import Foundation
import Load
import PipelineModel

/// Where an interrupted `pipeline run` left off, so that running it again continues instead of
/// starting over.
///
/// The loader writes one line per seed, in seed order, each with one `write(2)`; so the complete
/// lines of the partial `documents`, `failures` and `unchanged` files together are exactly the
/// seeds 0..<k. Running again keeps those lines, cuts every other partial file back to them, and
/// starts at seed k. Seeds past k that were fetched but not written are fetched again.
struct ResumePoint {
    /// Seeds already written; the run continues at this index.
    var next: Int
    /// Documents and failures already written, for `run.json`.
    var documents: Int
    var unchanged: Int
    var failures: [Failure]

    /// A fresh start.
    static let start = ResumePoint(next: 0, documents: 0, unchanged: 0, failures: [])

    /// The marker that says which seeds file the partial files in `folder` belong to.
    static func marker(in folder: RunFolder) -> URL {
        folder.url.appendingPathComponent("run.partial.json")
    }

    /// Reads and repairs what an interrupted run of the same seeds file left in `folder`; a fresh
    /// start when there is nothing to continue or it belongs to another seeds file.
    static func find(in folder: RunFolder, seeds: String) throws(StageError) -> ResumePoint {
        let marker = marker(in: folder)
        guard let data = FileManager.default.contents(atPath: marker.path),
              let recorded = try? JSONDecoder().decode(SeedsIdentity.self, from: data),
              recorded == SeedsIdentity(path: seeds)
        else { return .start }

        let documentsFile = folder.documents.appendingPathExtension("partial")
        let failuresFile = folder.failures.appendingPathExtension("partial")
        let documents = try wrap { () throws(LoadError) in try PartialFile.trim(documentsFile) { _ in true } }
        var failures: [Failure] = []
        try wrap { () throws(LoadError) in
            try PartialFile.trim(failuresFile) { line in
                guard let failure = try? JSONDecoder().decode(Failure.self, from: line) else { return false }
                failures.append(failure)
                return true
            }
        }
        let unchangedFile = folder.unchanged.appendingPathExtension("partial")
        let unchanged = try wrap { () throws(LoadError) in try PartialFile.trim(unchangedFile) { _ in true } }
        let next = documents + unchanged + failures.count
        let keep: (Data) -> Bool = { line in (PartialFile.index(of: line) ?? Int.max) < next }
        for file in [folder.entities, folder.fetchedPages, folder.fetchFailures] {
            try wrap { () throws(LoadError) in try PartialFile.trim(file.appendingPathExtension("partial"), keep: keep) }
        }
        return ResumePoint(next: next, documents: documents, unchanged: unchanged, failures: failures)
    }

    /// Records that the partial files in `folder` belong to this seeds file.
    static func mark(_ folder: RunFolder, seeds: String) throws(StageError) {
        let file = marker(in: folder)
        do {
            try JSONEncoder().encode(SeedsIdentity(path: seeds)).write(to: file, options: .atomic)
        } catch {
            throw StageError("Cannot write \(file.path): \(RunFolder.reason(error)).")
        }
    }

    /// Removes the marker once the run's files are complete.
    static func clear(_ folder: RunFolder) {
        try? FileManager.default.removeItem(at: marker(in: folder))
    }
}

/// Tells one seeds file from another: its absolute path and a hash of its bytes.
struct SeedsIdentity: Codable, Equatable {
    var path: String
    var hash: String

    init(path: String) {
        self.path = URL(fileURLWithPath: path).standardizedFileURL.path
        // Read in pieces: a seeds file can be far larger than the run's memory window.
        var hasher = FNV1a64()
        if let file = FileHandle(forReadingAtPath: path) {
            defer { try? file.close() }
            while let piece = try? file.read(upToCount: 1 << 20), !piece.isEmpty {
                hasher.combine(piece)
            }
        }
        hash = hasher.hex
    }
}
