import ArgumentParser
import Extract
import Foundation
import Load
import PipelineModel
import Stages

extension PipelineCommand {
    /// `pipeline extract`: the extract stage alone, on a run folder or on HTML files.
    struct Extract: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Extract main text, metadata and entities from stored pages or from HTML files.",
            discussion: """
                With --out, reads the pages that `pipeline fetch` stored under OUT/fetch/ (or under \
                IN/fetch/ with --in) and writes OUT/extract/documents.ndjson and OUT/extract/failures.ndjson \
                for `pipeline load`.
                With HTML files instead, prints one document record per file on standard output, in the \
                order given; a file that cannot be extracted is reported on standard error.
                """
        )

        @Argument(help: "HTML files to extract directly.")
        var pages: [String] = []

        @Option(help: "With HTML files: the URL they were fetched from (used for the id).")
        var url: String?

        @Option(name: .customLong("out"), help: "The run folder to write OUT/extract/ into.")
        var outPath: String?

        @Option(name: .customLong("in"), help: "Read stored pages from this run folder instead of OUT.")
        var input: String?

        @OptionGroup var workers: WorkerFlags
        @OptionGroup var output: OutputFlags

        func validate() throws {
            if pages.isEmpty && outPath == nil {
                throw ValidationError("Give HTML files to extract, or --out DIR to extract a run folder.")
            }
            if !pages.isEmpty && (outPath != nil || input != nil) {
                throw ValidationError("Give either HTML files or --out/--in, not both.")
            }
        }

        func run() throws {
            let logger = output.bootstrap()
            Pipeline.initialize()
            if let outPath {
                let pipeline = Pipeline(workers: workers, output: output, logger: logger)
                let report = try pipeline.extract(from: RunFolder(path: input ?? outPath), out: RunFolder(path: outPath))
                try finish(report, logger: logger).exitIfFailed()
            } else {
                try extractFiles().exitIfFailed()
            }
        }

        /// Extracts each file and prints its document line; failures go to standard error.
        private func extractFiles() throws -> ExitStatus {
            let extractor = Extractor()
            let files = pages
            let url = url
            var failed = 0
            let stdout = FileHandle.standardOutput
            orderedParallelMap(
                label: "pipeline.extract.files", workers: workers.extractWorkers,
                produce: { send in
                    for (index, path) in files.enumerated() { send((index, path)) }
                },
                transform: { (index, path) -> Result<Document, Failure> in
                    Self.extract(path: path, index: index, url: url, extractor: extractor)
                },
                consume: { result in
                    switch result {
                    case .success(let document):
                        if let line = NDJSON.line(document) { stdout.write(Data((line + "\n").utf8)) }
                    case .failure(let failure):
                        failed += 1
                        FileHandle.standardError.write(Data("\(failure.seed.url): \(failure.error): \(failure.message)\n".utf8))
                    }
                }
            )
            return failed == 0 ? .success : .someFailures
        }

        private static func extract(path: String, index: Int, url: String?, extractor: Extractor) -> Result<Document, Failure> {
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
}
