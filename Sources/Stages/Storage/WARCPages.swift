import Archive
import Foundation
import PipelineModel

/// The pages of WARC files, written by this tool or another, as fetched pages to extract.
enum WARCPages {
    /// The WARC files at `path`: the file itself, or every `.warc` and `.warc.gz` in the folder, by name.
    static func files(at path: String) throws(StageError) -> [String] {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw StageError("Cannot find \(path): give a .warc.gz file or a folder of them.")
        }
        guard isFolder.boolValue else { return [path] }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        let files = names.filter { $0.hasSuffix(".warc.gz") || $0.hasSuffix(".warc") }.sorted()
        guard !files.isEmpty else { throw StageError("The folder \(path) holds no .warc or .warc.gz files.") }
        return files.map { (path as NSString).appendingPathComponent($0) }
    }

    /// Hands every `response` and `resource` record of `files` to `body` as a page, numbered in order.
    static func read(_ files: [String], _ body: (FetchedPage) throws(StageError) -> Void) throws(StageError) {
        var index = 0
        for file in files {
            do {
                let reader = try WARCReader(path: file)
                while let record = try reader.next() {
                    guard let page = try page(of: record, index: index) else { continue }
                    index += 1
                    try body(page)
                }
            } catch let error as WARCError {
                throw StageError(error.description)
            } catch {
                throw error as? StageError ?? StageError(String(describing: error))
            }
        }
    }

    /// The page a record holds, or nil for records that hold none (requests, metadata, warcinfo).
    static func page(of record: WARCRecord, index: Int) throws(WARCError) -> FetchedPage? {
        let date = record.header("WARC-Date").flatMap(Timestamp.parse) ?? Date(timeIntervalSince1970: 0)
        switch record.type {
        case "response":
            let response = try ArchivedResponse(record)
            // A redirect holds no page: the response it led to is a record of its own.
            if [301, 302, 303, 307, 308].contains(response.httpStatus) { return nil }
            let seed = Seed(index: index, url: response.targetURI)
            return FetchedPage(
                seed: seed, finalURL: response.targetURI, status: response.httpStatus, headers: response.httpHeaders,
                body: response.body, fetchedAt: response.date ?? date, duration: 0)
        case "resource":
            guard let uri = record.targetURI else { return nil }
            var headers: [HTTPHeader] = []
            if let type = record.header("Content-Type") { headers.append(HTTPHeader(name: "Content-Type", value: type)) }
            return FetchedPage(
                seed: Seed(index: index, url: uri), finalURL: uri, status: 200, headers: headers, body: record.block,
                fetchedAt: date, duration: 0)
        default:
            return nil
        }
    }
}
