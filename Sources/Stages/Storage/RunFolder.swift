import Foundation

/// The files a run keeps in its output folder.
///
/// ```
/// DIR/fetch/pages.ndjson      one line per fetched page (status, headers, where its body is)
/// DIR/fetch/bodies/ID.body    the decoded body bytes of each page, when no WARC file keeps them
/// DIR/fetch/failures.ndjson   seeds that did not give a page
/// DIR/warc/pipeline-TIME.warc.gz   every response as WARC/1.1 records
/// DIR/extract/documents.ndjson, failures.ndjson, unchanged.ndjson   what `pipeline extract` leaves
/// DIR/documents.ndjson, DIR/entities.ndjson, DIR/failures.ndjson, DIR/unchanged.ndjson,
/// DIR/run.json   the results
/// DIR/state.sqlite   what the next run needs to skip unchanged pages
/// DIR/.lock   held while a command writes into DIR
/// ```
public struct RunFolder: Sendable {
    /// The folder itself.
    public let url: URL

    public init(path: String) {
        url = URL(fileURLWithPath: path, isDirectory: true)
    }

    public var fetchFolder: URL { url.appendingPathComponent("fetch", isDirectory: true) }
    public var bodiesFolder: URL { fetchFolder.appendingPathComponent("bodies", isDirectory: true) }
    public var fetchedPages: URL { fetchFolder.appendingPathComponent("pages.ndjson") }
    public var fetchFailures: URL { fetchFolder.appendingPathComponent("failures.ndjson") }
    public var extractFolder: URL { url.appendingPathComponent("extract", isDirectory: true) }
    public var extractedDocuments: URL { extractFolder.appendingPathComponent("documents.ndjson") }
    public var extractFailures: URL { extractFolder.appendingPathComponent("failures.ndjson") }
    public var extractUnchanged: URL { extractFolder.appendingPathComponent("unchanged.ndjson") }
    public var unchanged: URL { url.appendingPathComponent("unchanged.ndjson") }
    public var warcFolder: URL { url.appendingPathComponent("warc", isDirectory: true) }
    public var stateStore: URL { url.appendingPathComponent("state.sqlite") }
    public var documents: URL { url.appendingPathComponent("documents.ndjson") }
    public var entities: URL { url.appendingPathComponent("entities.ndjson") }
    public var failures: URL { url.appendingPathComponent("failures.ndjson") }
    public var report: URL { url.appendingPathComponent("run.json") }

    /// The stored body of a page, by document id.
    public func body(id: String) -> URL { bodiesFolder.appendingPathComponent(id + ".body") }

    /// Creates `folder` and its parents; fails with a sentence if it cannot be written.
    public static func create(_ folder: URL) throws(StageError) {
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw StageError("Cannot create the output folder \(folder.path): \(Self.reason(error)).")
        }
        guard FileManager.default.isWritableFile(atPath: folder.path) else {
            throw StageError("Cannot write to the output folder \(folder.path): permission denied.")
        }
    }

    /// Fails with a sentence naming the file a stage needs if it is missing.
    public static func requireFile(_ file: URL, producedBy command: String) throws(StageError) {
        guard FileManager.default.fileExists(atPath: file.path) else {
            throw StageError("Cannot find \(file.path); run `pipeline \(command)` first or point --in at a folder that has it.")
        }
    }

    static func reason(_ error: any Error) -> String {
        let text = (error as NSError).localizedFailureReason ?? (error as NSError).localizedDescription
        return text.hasSuffix(".") ? String(text.dropLast()) : text
    }
}
