import CLibXML2
import Entities
import Foundation
import Logging
import PipelineModel

/// Turns fetched pages into documents: charset, parse, boilerplate removal, metadata, entities.
public struct Extractor: Sendable {
    let recognizer: EntityRecognizer?

    /// An extractor that finds entities with `recognizer`, or none when it is nil (for benchmarks
    /// of the extract stage alone).
    public init(recognizer: EntityRecognizer? = .shared) {
        self.recognizer = recognizer
    }

    /// Call once per process before extracting on several threads.
    public static func initialize() {
        xmlInitParser()
    }

    /// Extracts one fetched page; a page that cannot become a document gives a failure record.
    public func extract(_ page: FetchedPage) -> Result<Document, Failure> {
        .failure(Failure(seed: page.seed, stage: .extract, error: "not_implemented", message: "Extraction is not implemented yet."))
    }
}
