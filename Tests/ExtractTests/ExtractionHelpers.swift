import Foundation
import PipelineModel
import Testing

@testable import Extract

/// Reads the package's `Fixtures/pages` files, found relative to this source file.
enum FixturePages {
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // ExtractTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()  // package root
        .appendingPathComponent("Fixtures/pages")

    /// The bytes of one fixture page.
    static func bytes(_ name: String) throws -> [UInt8] {
        let data = try Data(contentsOf: directory.appendingPathComponent(name))
        return [UInt8](data)
    }
}

/// A fetched page made of `body`, as the fetch stage would hand it over.
func makePage(_ body: [UInt8], contentType: String? = nil, url: String = "https://example.org/articles/page") -> FetchedPage {
    let headers = contentType.map { [HTTPHeader(name: "Content-Type", value: $0)] } ?? []
    return FetchedPage(
        seed: Seed(index: 7, url: url), finalURL: url, status: 200, headers: headers, body: body,
        fetchedAt: Date(timeIntervalSince1970: 1_700_000_000), duration: 0.1)
}

/// Extracts `page`, recording a test issue if it fails.
func extractDocument(_ page: FetchedPage) throws -> Document {
    Extractor.initialize()
    switch Extractor().extract(page) {
    case .success(let document):
        return document
    case .failure(let failure):
        Issue.record("extraction failed: \(failure.error): \(failure.message)")
        throw failure
    }
}

/// Extracts an HTML string given as UTF-8.
func extractHTML(_ html: String, contentType: String? = "text/html; charset=utf-8") throws -> Document {
    try extractDocument(makePage(Array(html.utf8), contentType: contentType))
}

/// The failure code for `page`, or nil if it became a document.
func failureCode(_ page: FetchedPage) -> String? {
    if case .failure(let failure) = Extractor().extract(page) { return failure.error }
    return nil
}
