import Foundation
import Load
import PipelineModel

/// Reads what `pipeline extract` stored (documents, failures, unchanged pages; each file in index
/// order) back as one stream of results in index order, one record of each file in memory.
final class StoredResults {
    private let documents: NDJSONReader<Document>
    private let failures: NDJSONReader<Failure>
    private let unchanged: NDJSONReader<UnchangedRecord>?
    /// The next record of each file, nil once the file is read.
    private var heads: [StageResult?] = []

    init(folder: RunFolder) throws(StageError) {
        documents = try wrap { () throws(LoadError) in try NDJSONReader<Document>(path: folder.extractedDocuments.path) }
        failures = try wrap { () throws(LoadError) in try NDJSONReader<Failure>(path: folder.extractFailures.path) }
        let unchangedPath = folder.extractUnchanged.path
        unchanged = FileManager.default.fileExists(atPath: unchangedPath)
            ? try wrap { () throws(LoadError) in try NDJSONReader<UnchangedRecord>(path: unchangedPath) } : nil
        heads = [try read(0), try read(1), try read(2)]
    }

    /// The result with the lowest index among the files' next records; nil when all are read.
    func next() throws(StageError) -> StageResult? {
        var lowest: (file: Int, result: StageResult)?
        for (file, head) in heads.enumerated() {
            guard let head else { continue }
            if head.index < lowest?.result.index ?? Int.max { lowest = (file, head) }
        }
        guard let lowest else { return nil }
        heads[lowest.file] = try read(lowest.file)
        return lowest.result
    }

    private func read(_ file: Int) throws(StageError) -> StageResult? {
        try wrap { () throws(LoadError) -> StageResult? in
            switch file {
            case 0: return try documents.next().map(StageResult.document)
            case 1: return try failures.next().map(StageResult.failure)
            default: return try unchanged?.next().map(StageResult.unchanged)
            }
        }
    }
}
