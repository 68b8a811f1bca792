import Archive
import Foundation
import Load
import PipelineModel

/// A fetched page as `fetch/pages.ndjson` keeps it; the body is in its WARC response record or,
/// when the run keeps no WARC files, in a file of its own.
struct StoredPage: Codable {
    /// Where a page's body is stored: one of the two, or neither for a 304 answer.
    struct Body {
        var file: String?
        var record: BodyRecord?
    }

    /// A WARC record holding a page's body.
    struct BodyRecord: Codable, Equatable {
        /// The WARC file, relative to the run folder.
        var file: String
        /// Where the record (its gzip member) starts in the file.
        var offset: Int
    }

    var index: Int
    var id: String
    var url: String
    var finalURL: String
    var status: Int
    var headers: [HTTPHeader]
    var fetchedAt: String
    var duration: Double
    /// The body file, relative to the run folder.
    var bodyFile: String?
    /// The response record holding the body.
    var bodyRecord: BodyRecord?
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
        case bodyRecord = "body_record"
        case bodyBytes = "body_bytes"
        case change
    }

    init(page: FetchedPage, change: PageChange, body: Body) {
        self.change = change
        index = page.seed.index
        id = page.seed.id
        url = page.seed.url
        finalURL = page.finalURL
        status = page.status
        headers = page.headers
        fetchedAt = Timestamp.format(page.fetchedAt)
        duration = page.duration
        bodyFile = body.file
        bodyRecord = body.record
        bodyBytes = page.body.count
    }

    /// The record as one line of `pages.ndjson`, the same bytes `NDJSON.encoder()` makes of it,
    /// written by hand: the encoder cost more than all the rest of storing a page.
    var jsonLine: [UInt8] {
        var json = JSONLine()
        json.field("body_bytes", bodyBytes)
        json.field("body_file", bodyFile)
        if let bodyRecord {
            json.object("body_record") { json in
                json.field("file", bodyRecord.file)
                json.field("offset", bodyRecord.offset)
            }
        }
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
        FetchedPage(
            seed: Seed(index: index, url: url), finalURL: finalURL, status: status, headers: headers,
            body: try body(in: folder), fetchedAt: Timestamp.parse(fetchedAt) ?? Date(timeIntervalSince1970: 0),
            duration: duration)
    }

    private func body(in folder: URL) throws(StageError) -> [UInt8] {
        if let bodyFile {
            let file = folder.appendingPathComponent(bodyFile)
            guard let data = FileManager.default.contents(atPath: file.path) else {
                throw StageError("Cannot read the stored body \(file.path) of \(url).")
            }
            return [UInt8](data)
        }
        guard let bodyRecord else { throw StageError("No body of \(url) is stored (its status is \(status)).") }
        let file = folder.appendingPathComponent(bodyRecord.file).path
        do throws(WARCError) {
            guard let record = try WARCReader(path: file, offset: bodyRecord.offset).next() else {
                throw WARCError(.truncated, path: file, offset: bodyRecord.offset, detail: "no record starts there")
            }
            // The fetcher's decoded body, as the writer stored it: its codings are only named in
            // X-Original- headers, so reading it back decodes nothing.
            return record.type == "resource" ? record.block : try ArchivedResponse(record).body
        } catch {
            throw StageError("Cannot read the stored body of \(url): \(error.description)")
        }
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
