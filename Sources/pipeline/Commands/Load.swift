import ArgumentParser
import Stages

extension PipelineCommand {
    /// `pipeline load`: the load stage alone.
    struct Load: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write the results of a run from what `pipeline extract` stored under OUT/extract/.",
            discussion: """
                Writes OUT/documents.ndjson, OUT/entities.ndjson, OUT/failures.ndjson and OUT/run.json. \
                Each file is written under a .partial name and renamed when complete, so a reader never \
                sees half a file; loading the same input again gives the same files.
                """
        )

        @OptionGroup var out: OutFolder

        @Option(name: .customLong("in"), help: "Read the extract stage's output from this run folder instead of OUT.")
        var input: String?

        @Option(help: "The state store to record this run's pages in, for the next run. Default: OUT/state.sqlite.")
        var state: String?

        @OptionGroup var output: OutputFlags

        func run() throws {
            let logger = output.bootstrap()
            var pipeline = Pipeline(workers: nil, output: output, logger: logger)
            pipeline.options.statePath = state
            let report = try pipeline.load(from: RunFolder(path: input ?? out.path), out: out.folder)
            try finish(report, logger: logger).exitIfFailed()
        }
    }
}
