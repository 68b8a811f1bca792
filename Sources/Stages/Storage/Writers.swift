import Fetch
import Foundation
import Load
import PipelineModel

/// Writes what the fetch stage got: page records, body files and failures under `DIR/fetch/`.
final class FetchArchiveWriter {
    private let folder: RunFolder
    private let pages: NDJSONWriter
    private let failures: NDJSONWriter

    init(folder: RunFolder) throws(StageError) {
        self.folder = folder
        try RunFolder.create(folder.bodiesFolder)
        pages = try wrap { () throws(LoadError) in try NDJSONWriter(url: folder.fetchedPages) }
        failures = try wrap { () throws(LoadError) in try NDJSONWriter(url: folder.fetchFailures) }
    }

    func write(_ outcome: FetchOutcome) throws(StageError) {
        switch outcome {
        case .page(let page):
            let body = folder.body(id: page.seed.id)
            do {
                try Data(page.body).write(to: body, options: .atomic)
            } catch {
                throw StageError("Cannot write \(body.path): \(RunFolder.reason(error)).")
            }
            let relative = "fetch/bodies/" + body.lastPathComponent
            try wrap { () throws(LoadError) in try pages.write(StoredPage(page: page, bodyFile: relative)) }
        case .failure(let failure):
            try wrap { () throws(LoadError) in try failures.write(failure) }
        }
    }

    func finish() throws(StageError) {
        try wrap { () throws(LoadError) in
            try pages.finish()
            try failures.finish()
        }
    }
}

/// Writes what `pipeline extract` leaves for `pipeline load`, under `DIR/extract/`.
final class ExtractWriter {
    private let documents: NDJSONWriter
    private let failures: NDJSONWriter

    init(folder: RunFolder) throws(StageError) {
        try RunFolder.create(folder.extractFolder)
        documents = try wrap { () throws(LoadError) in try NDJSONWriter(url: folder.extractedDocuments) }
        failures = try wrap { () throws(LoadError) in try NDJSONWriter(url: folder.extractFailures) }
    }

    func write(_ result: StageResult) throws(StageError) {
        try wrap { () throws(LoadError) in
            switch result {
            case .document(let document): try documents.write(document)
            case .failure(let failure): try failures.write(failure)
            }
        }
    }

    func finish() throws(StageError) {
        try wrap { () throws(LoadError) in
            try documents.finish()
            try failures.finish()
        }
    }
}

/// Writes the run's results: `documents.ndjson`, `entities.ndjson` and `failures.ndjson`.
final class ResultWriter {
    private let documents: NDJSONWriter
    private let entities: NDJSONWriter
    private let failures: NDJSONWriter

    init(folder: RunFolder) throws(StageError) {
        try RunFolder.create(folder.url)
        documents = try wrap { () throws(LoadError) in try NDJSONWriter(url: folder.documents) }
        entities = try wrap { () throws(LoadError) in try NDJSONWriter(url: folder.entities) }
        failures = try wrap { () throws(LoadError) in try NDJSONWriter(url: folder.failures) }
    }

    func write(_ result: StageResult) throws(StageError) {
        try wrap { () throws(LoadError) in
            switch result {
            case .document(let document):
                try documents.write(document)
                for entity in document.entities {
                    try entities.write(EntityLine(document: document, entity: entity))
                }
            case .failure(let failure):
                try failures.write(failure)
            }
        }
    }

    func finish() throws(StageError) {
        try wrap { () throws(LoadError) in
            try documents.finish()
            try entities.finish()
            try failures.finish()
        }
    }
}

/// One line of `entities.ndjson`: an entity of a page, with the page's id and URL.
struct EntityLine: Encodable {
    var id: String
    var url: String
    var type: EntityType
    var text: String
    var normalized: String
    var mentions: [Mention]

    init(document: Document, entity: Entity) {
        id = document.id
        url = document.url
        type = entity.type
        text = entity.text
        normalized = entity.normalized
        mentions = entity.mentions
    }
}

/// Runs `body`, turning a file error into a stage error with the same sentence.
func wrap<T>(_ body: () throws(LoadError) -> T) throws(StageError) -> T {
    do {
        return try body()
    } catch {
        throw StageError(error.description)
    }
}
