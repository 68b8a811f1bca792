import Foundation
import PipelineModel

/// A fetched page as `fetch/pages.ndjson` keeps it; the body is in a file of its own.
struct StoredPage: Codable {
    var index: Int
    var id: String
    var url: String
    var finalURL: String
    var status: Int
    var headers: [HTTPHeader]
    var fetchedAt: String
    var duration: Double
    /// The body file, relative to the run folder.
    var bodyFile: String
    var bodyBytes: Int
    /// What the incremental run made of the page.
    var change: PageChange

    enum CodingKeys: String, CodingKey {
        case index, id, url
        case finalURL = "final_url"
        case status, headers
        case fetchedAt = "fetched_at"
        case duration
        case bodyFile = "body_file"
        case bodyBytes = "body_bytes"
        case change
    }

    init(page: FetchedPage, change: PageChange, bodyFile: String) {
        self.change = change
        index = page.seed.index
        id = page.seed.id
        url = page.seed.url
        finalURL = page.finalURL
        status = page.status
        headers = page.headers
        fetchedAt = Timestamp.format(page.fetchedAt)
        duration = page.duration
        self.bodyFile = bodyFile
        bodyBytes = page.body.count
    }

    /// The page with its body read back from `folder`.
    func page(in folder: URL) throws(StageError) -> FetchedPage {
        let file = folder.appendingPathComponent(bodyFile)
        guard let data = FileManager.default.contents(atPath: file.path) else {
            throw StageError("Cannot read the stored body \(file.path) of \(url).")
        }
        return FetchedPage(
            seed: Seed(index: index, url: url), finalURL: finalURL, status: status, headers: headers,
            body: [UInt8](data), fetchedAt: Timestamp.parse(fetchedAt) ?? Date(timeIntervalSince1970: 0),
            duration: duration)
    }
}
