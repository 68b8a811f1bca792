import ArgumentParser
import Stages

extension PipelineCommand {
    /// `pipeline fetch`: the fetch stage alone.
    struct Fetch: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Fetch every seed URL and store the pages under OUT/fetch/ for `pipeline extract`.",
            discussion: """
                Writes OUT/fetch/pages.ndjson (status, headers and final URL of each page, and where \
                its body is), OUT/warc/*.warc.gz (the responses, bodies included; with --no-warc the \
                decoded bytes go to OUT/fetch/bodies/ID.body instead), OUT/fetch/failures.ndjson and \
                OUT/fetch/stats.json.
                """
        )

        @Option(help: "The seeds file: one http://, https:// or file:// URL per line; blank lines and # comments are ignored.")
        var seeds: String

        @OptionGroup var out: OutFolder
        @OptionGroup var fetch: FetchFlags
        @OptionGroup var incremental: IncrementalFlags
        @OptionGroup var output: OutputFlags

        func run() throws {
            let logger = output.bootstrap()
            Pipeline.initialize()
            let pipeline = Pipeline(fetch: fetch, workers: nil, incremental: incremental, output: output, logger: logger)
            let report = try pipeline.fetch(seeds: seeds, out: out.folder)
            try finish(report, logger: logger).exitIfFailed()
        }
    }
}
