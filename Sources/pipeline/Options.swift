import ArgumentParser
import Fetch
import Foundation
import Logging
import Stages

/// Flags of the fetch stage.
struct FetchFlags: ParsableArguments {
    @Option(help: "Transfers in flight at once.")
    var fetchConcurrency: Int = 8

    @Option(help: "Seconds a whole transfer may take.")
    var timeout: Double = 30

    @Option(help: "Seconds the connection set-up may take.")
    var connectTimeout: Double = 10

    @Option(help: "Most redirects followed for one URL.")
    var maxRedirects: Int = 10

    @Option(help: "Largest decoded body kept, in bytes; a larger one is a body_too_large failure.")
    var maxBodyBytes: Int = 32 << 20

    @Option(help: "The User-Agent header sent.")
    var userAgent: String = "pipeline/\(Pipeline.version)"

    @Option(help: "A URL about the crawler or its operator, appended to the User-Agent as (+URL).")
    var contactUrl: String?

    @Flag(
        inversion: .prefixedNo,
        help: "Limit requests per host (--per-host-concurrency, --per-host-delay); --no-politeness lifts both.")
    var politeness = true

    @Option(help: "Requests in flight at once to one host (scheme, host and port).")
    var perHostConcurrency: Int = 1

    @Option(help: "Least seconds between the starts of two requests to one host.")
    var perHostDelay: Double = 1

    @Flag(inversion: .prefixedNo, help: "Fetch each host's robots.txt first and obey it, Crawl-delay included.")
    var robots = true

    @Option(help: "Attempts per URL for failures that may pass (timeouts, 429, 503 and the like); 1 turns retries off.")
    var maxAttempts: Int = 3

    @Option(help: "Seconds without a byte received after which a transfer is given up as stalled; 0 turns this off.")
    var stallSeconds: Double = 15

    func validate() throws {
        guard fetchConcurrency >= 1 else { throw ValidationError("--fetch-concurrency must be at least 1.") }
        guard timeout > 0, connectTimeout > 0 else { throw ValidationError("--timeout and --connect-timeout must be above 0.") }
        guard maxRedirects >= 0 else { throw ValidationError("--max-redirects must be 0 or more.") }
        guard maxBodyBytes >= 1 else { throw ValidationError("--max-body-bytes must be at least 1.") }
        guard perHostConcurrency >= 1 else { throw ValidationError("--per-host-concurrency must be at least 1.") }
        guard perHostDelay >= 0 else { throw ValidationError("--per-host-delay must be 0 or more.") }
        guard maxAttempts >= 1 else { throw ValidationError("--max-attempts must be at least 1.") }
        guard stallSeconds >= 0 else { throw ValidationError("--stall-seconds must be 0 or more.") }
    }

    var options: FetchOptions {
        var options = FetchOptions()
        options.concurrency = fetchConcurrency
        options.timeout = timeout
        options.connectTimeout = connectTimeout
        options.maxRedirects = maxRedirects
        options.maxBodyBytes = maxBodyBytes
        options.userAgent = userAgent
        options.contactURL = contactUrl
        options.politeness = politeness
        options.perHostConcurrency = perHostConcurrency
        options.perHostDelay = perHostDelay
        options.respectRobots = robots
        options.maxAttempts = maxAttempts
        options.stallSeconds = stallSeconds
        return options
    }
}

/// Flags of the stages' workers and hand-offs.
struct WorkerFlags: ParsableArguments {
    @Option(help: "Threads that extract pages at once; one per core by default.")
    var extractWorkers: Int = max(1, ProcessInfo.processInfo.activeProcessorCount)

    @Option(help: "Items each queue between two stages holds before the stage before it waits.")
    var queueCapacity: Int = 32

    func validate() throws {
        guard extractWorkers >= 1 else { throw ValidationError("--extract-workers must be at least 1.") }
        guard queueCapacity >= 1 else { throw ValidationError("--queue-capacity must be at least 1.") }
    }
}

/// Flags of incremental runs: the state store, re-extraction and the WARC archive.
struct IncrementalFlags: ParsableArguments {
    @Flag(help: "Extract pages that did not change since the last run too, and send no If-None-Match or If-Modified-Since.")
    var force = false

    @Option(help: "The state store that remembers earlier runs (ETag, Last-Modified, content hash per URL). Default: OUT/state.sqlite.")
    var state: String?

    @Flag(inversion: .prefixedNo, help: "Keep every response as WARC/1.1 records under OUT/warc/.")
    var warc = true

    func apply(to options: inout PipelineOptions) {
        options.force = force
        options.statePath = state
        options.warc = warc
    }
}

/// Flags every subcommand has: log level and progress line.
struct OutputFlags: ParsableArguments {
    @Option(help: "Least severe log messages shown on standard error: trace, debug, info, notice, warning, error or critical.")
    var logLevel: Logger.Level = .notice

    @Flag(help: "Never show the progress line (it is shown only when standard error is a terminal).")
    var noProgress = false

    /// Sends log messages to standard error at the chosen level, once per process.
    func bootstrap() -> Logger {
        let level = logLevel
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        return Logger(label: "pipeline")
    }
}

extension Logger.Level: @retroactive ExpressibleByArgument {}

/// The `--out` folder shared by the stage commands.
struct OutFolder: ParsableArguments {
    @Option(name: .customLong("out"), help: "The run folder: stage outputs and results are written here.")
    var path: String

    var folder: RunFolder { RunFolder(path: path) }
}

extension Pipeline {
    /// A pipeline with the settings given on the command line.
    init(
        fetch: FetchFlags? = nil, workers: WorkerFlags?, incremental: IncrementalFlags? = nil, output: OutputFlags,
        logger: Logger
    ) {
        var options = PipelineOptions()
        incremental?.apply(to: &options)
        if let fetch { options.fetch = fetch.options }
        if let workers {
            options.extractWorkers = workers.extractWorkers
            options.queueCapacity = workers.queueCapacity
        }
        options.progress = !output.noProgress
        options.stop.installSignalHandlers()
        self.init(options: options, logger: logger)
    }
}

/// Prints a one-line summary of a finished command on standard error and picks the exit status.
func finish(_ report: RunReport, logger: Logger) -> ExitStatus {
    var line = "\(report.command): \(report.inputs) in, \(report.documents) ok, \(report.failures) failed"
    if report.unchanged > 0 { line += ", \(report.unchanged) unchanged" }
    line += String(format: " in %.2f s", report.seconds)
    if !report.failuresByError.isEmpty {
        let codes = report.failuresByError.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }
        line += " (" + codes.joined(separator: ", ") + ")"
    }
    logger.notice("\(line)")
    return report.failures == 0 ? .success : .someFailures
}
