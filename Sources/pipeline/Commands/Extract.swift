import ArgumentParser
import Extract
import Foundation
import Load
import PipelineModel
import Stages

extension PipelineCommand {
    /// `pipeline extract`: the extract stage alone, on a run folder, WARC files or HTML files.
    struct Extract: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Extract main text, metadata and entities from stored pages, WARC files or HTML files.",
            discussion: """
                With --out, reads the pages that `pipeline fetch` stored under OUT/fetch/ (or under \
                IN/fetch/ with --in IN) and writes OUT/extract/ for `pipeline load`.
                With --in FILE.warc.gz (or a folder of .warc/.warc.gz files, from this tool or another), \
                extracts every response in them: into OUT/extract/ with --out, else as document lines on \
                standard output.
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

        @Option(name: .customLong("in"), help: "Read stored pages from this run folder, WARC file or folder of WARC files.")
        var input: String?

        @Flag(help: "Extract pages that the fetch stage found unchanged since the last run too.")
        var force = false

        @OptionGroup var workers: WorkerFlags
        @OptionGroup var output: OutputFlags

        func validate() throws {
            if pages.isEmpty && outPath == nil && input == nil {
                throw ValidationError("Give HTML files to extract, --out DIR to extract a run folder, or --in FILE.warc.gz.")
            }
            if !pages.isEmpty && (outPath != nil || input != nil) {
                throw ValidationError("Give either HTML files or --out/--in, not both.")
            }
            if outPath == nil, let input, !Self.isWARC(input) {
                throw ValidationError("--in \(input) is a run folder: give --out DIR to write its extract stage into.")
            }
        }

        func run() throws {
            let logger = output.bootstrap()
            Pipeline.initialize()
            var pipeline = Pipeline(workers: workers, output: output, logger: logger)
            pipeline.options.force = force
            if let outPath {
                let out = RunFolder(path: outPath)
                let report: RunReport
                if let input, Self.isWARC(input) {
                    report = try pipeline.extract(warc: input, out: out)
                } else {
                    report = try pipeline.extract(from: RunFolder(path: input ?? outPath), out: out)
                }
                try finish(report, logger: logger).exitIfFailed()
            } else if let input {
                try print { consume throws in try pipeline.documents(warc: input, consume: consume) }.exitIfFailed()
            } else {
                try print { consume in pipeline.documents(files: pages, url: url, consume: consume) }.exitIfFailed()
            }
        }

        /// Whether `path` names WARC input: a `.warc`/`.warc.gz` file, or a folder without `fetch/`.
        static func isWARC(_ path: String) -> Bool {
            if path.hasSuffix(".warc") || path.hasSuffix(".warc.gz") { return true }
            let folder = RunFolder(path: path)
            return !FileManager.default.fileExists(atPath: folder.fetchFolder.path)
        }

        /// Prints each document line on standard output and each failure on standard error.
        private func print(_ produce: (_ consume: (Result<Document, Failure>) -> Void) throws -> Void) throws -> ExitStatus {
            var failed = 0
            var buffer = Data()
            let stdout = FileHandle.standardOutput
            try produce { result in
                switch result {
                case .success(let document):
                    if let line = NDJSON.line(document) { buffer.append(contentsOf: (line + "\n").utf8) }
                    if buffer.count > 1 << 16 {
                        stdout.write(buffer)
                        buffer.removeAll(keepingCapacity: true)
                    }
                case .failure(let failure):
                    failed += 1
                    FileHandle.standardError.write(Data("\(failure.seed.url): \(failure.error): \(failure.message)\n".utf8))
                }
            }
            stdout.write(buffer)
            return failed == 0 ? .success : .someFailures
        }
    }
}
