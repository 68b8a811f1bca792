import Archive
import Fetch
import Foundation
import Load
import PipelineModel
import StateStore

#if canImport(Glibc)
import Glibc
#endif

/// Writes what the fetch stage got under `DIR/fetch/`: page records and failures, and every
/// response as WARC records under `DIR/warc/`. A page's line says where its body is: in its
/// response record, or, when no WARC file is kept, in a body file of its own.
final class FetchArchiveWriter {
    /// `DIR/fetch/bodies`, as a path: made into a URL once per page, it cost more than the write.
    private let bodiesPath: String
    private let pages: NDJSONWriter
    private let failures: NDJSONWriter
    private let warc: WARCWriter?
    /// The WARC file relative to the run folder, as page lines name it.
    private let warcFile: String
    /// Does the work of archiving a page that needs no order, on any thread.
    let preparer: ArchivePreparer

    /// `append` continues the files of an interrupted run; `warc` false keeps no WARC files.
    init(folder: RunFolder, append: Bool = false, warc: Bool, userAgent: String) throws(StageError) {
        bodiesPath = folder.bodiesFolder.path
        try RunFolder.create(warc ? folder.fetchFolder : folder.bodiesFolder)
        pages = try wrap { () throws(LoadError) in try NDJSONWriter(url: folder.fetchedPages, append: append) }
        failures = try wrap { () throws(LoadError) in try NDJSONWriter(url: folder.fetchFailures, append: append) }
        if warc {
            let name = "pipeline-" + Timestamp.compact(Date())
            self.warc = try wrap { () throws(WARCError) in
                try WARCWriter(folder: folder.warcFolder.path, name: name, software: "pipeline/\(Pipeline.version)")
            }
        } else {
            self.warc = nil
        }
        warcFile = self.warc.map { "warc/" + ($0.path as NSString).lastPathComponent } ?? ""
        preparer = ArchivePreparer(warc: self.warc, userAgent: userAgent)
    }

    /// Pages given to ``write(_:change:records:)`` whose records and lines wait for ``flush()``.
    private var pending: [PendingPage] = []

    private struct PendingPage {
        var page: FetchedPage
        var change: PageChange
        var records: WARCWriter.PreparedRecords?
        var body = StoredPage.Body()
    }

    /// Takes a page prepared by ``preparer``, with what the incremental run made of it, to be
    /// written by the next ``flush()``. Without a WARC file its body file is written now.
    func write(_ page: FetchedPage, change: PageChange, records: WARCWriter.PreparedRecords?) throws(StageError) {
        var pendingPage = PendingPage(page: page, change: change, records: warc == nil ? nil : records)
        if pendingPage.records == nil && page.status != 304 {
            let name = page.seed.id + ".body"
            try BodyFile.write(page.body, to: bodiesPath + "/" + name)
            pendingPage.body.file = "fetch/bodies/" + name
        }
        pending.append(pendingPage)
    }

    /// Writes the pages taken since the last flush: the WARC records of all of them with one
    /// `write`, then their lines with another (a pair of writes per page cost more than the rest
    /// of storing it).
    ///
    /// Bodies go first, to the WARC file or body files, and the lines after them, so that a line
    /// never names a body that a kill cut short. A 304 answer has no body to store.
    func flush() throws(StageError) {
        guard !pending.isEmpty else { return }
        defer { pending.removeAll(keepingCapacity: true) }
        if let warc {
            let archived = pending.indices.filter { pending[$0].records != nil }
            let offsets = try wrap { () throws(WARCError) in
                try warc.append(archived.compactMap { pending[$0].records })
            }
            for (index, offset) in zip(archived, offsets) where pending[index].page.status != 304 {
                pending[index].body.record = StoredPage.BodyRecord(file: warcFile, offset: offset)
            }
        }
        var lines: [UInt8] = []
        lines.reserveCapacity(pending.count * 1024)
        for page in pending {
            lines += StoredPage(page: page.page, change: page.change, body: page.body).jsonLine
        }
        try wrap { () throws(LoadError) in try pages.writeLine(lines, lines: pending.count) }
    }

    func write(_ failure: Failure) throws(StageError) {
        try wrap { () throws(LoadError) in try failures.write(failure) }
    }

    func finish() throws(StageError) {
        try flush()
        try wrap { () throws(LoadError) in
            try pages.finish()
            try failures.finish()
        }
        if let warc {
            try wrap { () throws(WARCError) in try warc.finish() }
        }
    }
}

/// A fetch outcome with the work done on it that needs no order: the body's hash and its WARC
/// records, compressed.
struct PreparedOutcome: Sendable {
    var outcome: FetchOutcome
    var contentHash: String?
    var records: WARCWriter.PreparedRecords?
}

/// Hashes bodies and builds WARC records on several threads, ahead of the ordered archive writer.
struct ArchivePreparer: Sendable {
    let warc: WARCWriter?
    let userAgent: String

    func prepare(_ outcome: FetchOutcome) throws(StageError) -> PreparedOutcome {
        guard case .page(let page) = outcome else { return PreparedOutcome(outcome: outcome) }
        let records = try warc.map { warc throws(StageError) in
            try wrap { () throws(WARCError) in try warc.prepare(page, userAgent: userAgent) }
        }
        // The records' payload digest is the body's SHA-256, the content hash too.
        let hash = records.map { ContentHash.sha256(digest: $0.bodySHA256) } ?? ContentHash.sha256(page.body)
        return PreparedOutcome(outcome: outcome, contentHash: hash, records: records)
    }
}

/// Body files of fetched pages.
enum BodyFile {
    /// Writes `bytes` to `file` without `fsync`: the page's line in `pages.ndjson` is written after
    /// its body, so a body cut short by a crash is never referred to, and syncing every body would
    /// make the fetch stage wait on the disk once per page.
    static func write(_ bytes: [UInt8], to path: String) throws(StageError) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw StageError("Cannot write \(path): \(String(cString: strerror(errno))).")
        }
        defer { close(descriptor) }
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { raw in
                Glibc.write(descriptor, raw.baseAddress.map { $0 + offset }, raw.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                throw StageError("Cannot write \(path): \(String(cString: strerror(errno))).")
            }
            offset += written
        }
    }
}

/// Writes documents, failures and unchanged pages: the results of a run (`DIR/*.ndjson`, with
/// `entities.ndjson`) or what `pipeline extract` leaves for `pipeline load` (`DIR/extract/`).
final class ResultWriter {
    private let documents: NDJSONWriter
    private let entities: NDJSONWriter?
    private let failures: NDJSONWriter
    private let unchanged: NDJSONWriter

    /// The result files of a run; `append` continues those of an interrupted run.
    static func results(in folder: RunFolder, append: Bool = false) throws(StageError) -> ResultWriter {
        try ResultWriter(
            folder: folder.url, documents: folder.documents, entities: folder.entities, failures: folder.failures,
            unchanged: folder.unchanged, append: append)
    }

    /// The extract stage's output, for `pipeline load`.
    static func extractOutput(in folder: RunFolder) throws(StageError) -> ResultWriter {
        try ResultWriter(
            folder: folder.extractFolder, documents: folder.extractedDocuments, entities: nil,
            failures: folder.extractFailures, unchanged: folder.extractUnchanged, append: false)
    }

    private init(folder: URL, documents: URL, entities: URL?, failures: URL, unchanged: URL, append: Bool) throws(StageError) {
        try RunFolder.create(folder)
        self.documents = try wrap { () throws(LoadError) in try NDJSONWriter(url: documents, append: append) }
        self.entities = try entities.map { url throws(StageError) in
            try wrap { () throws(LoadError) in try NDJSONWriter(url: url, append: append) }
        }
        self.failures = try wrap { () throws(LoadError) in try NDJSONWriter(url: failures, append: append) }
        self.unchanged = try wrap { () throws(LoadError) in try NDJSONWriter(url: unchanged, append: append) }
    }

    func write(_ result: StageResult) throws(StageError) {
        try wrap { () throws(LoadError) in
            switch result {
            case .document(let document):
                // Entities first: a kill between the two leaves entity lines past the last document,
                // which a resumed run cuts off (see ResumePoint).
                if let entities {
                    for entity in document.entities {
                        try entities.write(EntityLine(document: document, entity: entity))
                    }
                }
                try documents.write(document)
            case .failure(let failure):
                try failures.write(failure)
            case .unchanged(let record):
                try unchanged.write(record)
            }
        }
    }

    func finish() throws(StageError) {
        try wrap { () throws(LoadError) in
            try entities?.finish()
            try documents.finish()
            try failures.finish()
            try unchanged.finish()
        }
    }
}

/// One line of `entities.ndjson`: an entity of a page, with the page's index, id and URL.
struct EntityLine: Encodable {
    var index: Int
    var id: String
    var url: String
    var type: EntityType
    var text: String
    var normalized: String
    var mentions: [Mention]
    /// The detail of the entity's type: GeoNames link, law citation, titles, date range.
    var place: PlaceDetail?
    var law: LawDetail?
    var person: PersonDetail?
    var date: DateDetail?

    init(document: Document, entity: Entity) {
        index = document.index
        id = document.id
        url = document.url
        type = entity.type
        text = entity.text
        normalized = entity.normalized
        mentions = entity.mentions
        place = entity.place
        law = entity.law
        person = entity.person
        date = entity.date
    }
}

/// Runs `body`, turning another module's error (files, WARC, state store) into a stage error with
/// the same sentence.
@discardableResult
func wrap<T, Failure: Error & CustomStringConvertible>(_ body: () throws(Failure) -> T) throws(StageError) -> T {
    do {
        return try body()
    } catch {
        throw StageError(error.description)
    }
}
