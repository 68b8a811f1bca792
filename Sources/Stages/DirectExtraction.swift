import Extract
import Foundation
import PipelineModel

extension Pipeline {
    /// Extracts HTML files directly, on the extract workers, handing each file's document or
    /// failure to `consume` in the order given. `source` is the path given; `url` (default: the
    /// file's `file://` URL) gives the id.
    public func documents(files: [String], url: String?, consume: (Result<Document, Failure>) -> Void) {
        let extractor = extractor
        orderedParallelMap(
            label: "pipeline.extract.files", workers: options.extractWorkers,
            produce: { send in
                for (index, path) in files.enumerated() { send((index, path)) }
            },
            transform: { (index, path) -> Result<Document, Failure> in
                Self.extract(file: path, index: index, url: url, extractor: extractor)
            },
            consume: consume)
    }

    /// Extracts every response of WARC files (a file, or a folder of them), handing each page's
    /// document or failure to `consume` in file order.
    public func documents(warc path: String, consume: (Result<Document, Failure>) -> Void) throws(StageError) {
        let extractor = extractor
        let files = try WARCPages.files(at: path)
        let readError = ErrorBox()
        orderedParallelMap(
            label: "pipeline.extract.warc", workers: options.extractWorkers,
            produce: { send in
                do {
                    try WARCPages.read(files) { page throws(StageError) in send(page) }
                } catch {
                    readError.set(error as? StageError ?? StageError(String(describing: error)))
                }
            },
            transform: { page in extractor.extract(page) },
            consume: consume)
        if let error = readError.error { throw error }
    }

    private static func extract(file path: String, index: Int, url: String?, extractor: Extractor) -> Result<Document, Failure> {
        let pageURL = url ?? URL(fileURLWithPath: path).standardizedFileURL.absoluteString
        let seed = Seed(index: index, url: pageURL)
        guard let data = FileManager.default.contents(atPath: path) else {
            return .failure(Failure(seed: seed, stage: .extract, error: "unreadable_file", message: "Cannot read the file \(path)."))
        }
        let page = FetchedPage(seed: seed, finalURL: pageURL, status: 200, headers: [], body: [UInt8](data), fetchedAt: Date(), duration: 0)
        return extractor.extract(page).map { document in
            var document = document
            document.source = path
            document.status = nil
            document.fetchedAt = nil
            return document
        }
    }
}
