import Foundation
import Load
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

    /// The record as one line of `pages.ndjson`, the same bytes `NDJSON.encoder()` makes of it,
    /// written by hand: the encoder cost more than all the rest of storing a page.
    var jsonLine: [UInt8] {
        var json = JSONLine()
        json.field("body_bytes", bodyBytes)
        json.field("body_file", bodyFile)
        json.object("change") { change.write(to: &$0) }
        json.field("duration", duration)
        json.field("fetched_at", fetchedAt)
        json.field("final_url", finalURL)
        json.objects("headers", headers) { json, header in
            json.field("name", header.name)
            json.field("value", header.value)
        }
        json.field("id", id)
        json.field("index", index)
        json.field("status", status)
        json.field("url", url)
        return json.line()
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

extension PageChange {
    /// The fields of the change as `JSONEncoder` writes them, in sorted key order.
    func write(to json: inout JSONLine) {
        json.field("content_hash", contentHash)
        json.field("duplicate_of", duplicateOf)
        json.field("kind", kind.rawValue)
        json.field("reason", reason)
    }
}
