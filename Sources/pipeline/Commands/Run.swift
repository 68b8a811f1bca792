import ArgumentParser
import Stages

extension PipelineCommand {
    /// `pipeline run`: every stage at once.
    struct Run: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Fetch, extract and load every seed URL, all stages at once.",
            discussion: """
                Writes OUT/documents.ndjson (one line per page), OUT/entities.ndjson (one line per \
                entity per page), OUT/failures.ndjson (one line per URL or page that failed), \
                OUT/run.json (counts and timings per stage) and OUT/fetch/ (the fetched pages, for \
                re-running `pipeline extract`). Every seed ends up in documents or failures exactly once.
                """
        )

        @Option(help: "The seeds file: one http://, https:// or file:// URL per line; blank lines and # comments are ignored.")
        var seeds: String

        @OptionGroup var out: OutFolder
        @OptionGroup var fetch: FetchFlags
        @OptionGroup var incremental: IncrementalFlags
        @OptionGroup var workers: WorkerFlags
        @OptionGroup var output: OutputFlags

        func run() throws {
            let logger = output.bootstrap()
            Pipeline.initialize()
            let pipeline = Pipeline(fetch: fetch, workers: workers, incremental: incremental, output: output, logger: logger)
            let report = try pipeline.run(seeds: seeds, out: out.folder)
            try finish(report, logger: logger).exitIfFailed()
        }
    }
}
