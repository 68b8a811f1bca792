import Dispatch
import Extract
import Fetch
import Foundation
import Load
import Logging
import PipelineModel

/// Settings of a whole run.
public struct PipelineOptions: Sendable {
    /// Settings of the fetch stage (transfers in flight, timeouts, limits).
    public var fetch = FetchOptions()
    /// Threads that extract pages at once.
    public var extractWorkers = max(1, ProcessInfo.processInfo.activeProcessorCount)
    /// Items each hand-off between stages holds before the stage before it waits.
    public var queueCapacity = 32
    /// Most seeds between being read and being written; bounds memory however long the run.
    public var window = 256
    /// Whether to show a progress line when standard error is a terminal.
    public var progress = true
    /// Set to stop taking new seeds (SIGINT, SIGTERM).
    public var stop = StopFlag()

    public init() {}
}

/// The fetch, extract and load stages, run together or one at a time.
///
/// Each stage runs as workers on Dispatch queues; bounded queues between them make a fast stage
/// wait for a slow one, and every output is written in the seeds' order.
public struct Pipeline: Sendable {
    /// The version written into `run.json` and shown by `--version`.
    public static let version = "0.1.0"

    public let options: PipelineOptions
    let logger: Logger
    let extractor: Extractor

    public init(options: PipelineOptions = PipelineOptions(), logger: Logger = Logger(label: "pipeline")) {
        self.options = options
        self.logger = logger
        self.extractor = Extractor()
    }

    /// Initialises libcurl and libxml2; call once before any other use, from one thread.
    public static func initialize() {
        Fetcher.initialize()
        Extractor.initialize()
    }

    // MARK: - Commands

    /// Fetches, extracts and loads every seed, writing the results and `run.json` into `out`.
    public func run(seeds: String, out: RunFolder) throws(StageError) -> RunReport {
        let clock = RunClock()
        let reader = try SeedReader(path: seeds)
        try RunFolder.create(out.url)
        let archive = try FetchArchiveWriter(folder: out)
        let results = try ResultWriter(folder: out)
        let progress = ProgressLine(total: SeedReader.count(path: seeds), enabled: options.progress)
        defer { progress.stop() }

        let window = DispatchSemaphore(value: options.window)
        let fetched = BoundedQueue<FetchOutcome>(capacity: options.queueCapacity)
        let extracted = BoundedQueue<StageResult>(capacity: options.queueCapacity)
        let archiveSink = OrderedSink<FetchOutcome> { outcome throws(StageError) in try archive.write(outcome) }
        let fetchMeter = StageMeter(workers: options.fetch.concurrency)

        let group = DispatchGroup()
        startFetch(reader: reader, window: window, meter: fetchMeter, group: group) { outcome in
            progress.fetched()
            archiveSink.add(outcome, index: outcome.index)
            fetched.send(outcome)
        } done: {
            fetched.finish()
        }
        let extractMeter = startExtract(input: fetched, output: extracted, group: group)

        let tally = ResultTally()
        let loadMeter = StageMeter(workers: 1)
        let loadSink = OrderedSink<StageResult> { result throws(StageError) in
            let started = ContinuousClock.now
            try results.write(result)
            tally.add(result)
            progress.finished(failed: tally.isFailure(result))
            loadMeter.count(ok: !tally.isFailure(result), busy: ContinuousClock.now - started)
        }
        while let result = extracted.receive() {
            for _ in 0..<loadSink.add(result, index: result.index) { window.signal() }
        }
        group.wait()
        if let error = archiveSink.error ?? loadSink.error { throw error }
        try archive.finish()
        try results.finish()

        let report = tally.report(
            command: "run", clock: clock,
            stages: ["fetch": fetchMeter.finish(), "extract": extractMeter.finish(), "load": loadMeter.finish()])
        try write(report, to: out.report)
        return report
    }

    /// Fetches every seed and stores the pages and failures under `out/fetch/`.
    public func fetch(seeds: String, out: RunFolder) throws(StageError) -> RunReport {
        let clock = RunClock()
        let reader = try SeedReader(path: seeds)
        try RunFolder.create(out.url)
        let archive = try FetchArchiveWriter(folder: out)
        let progress = ProgressLine(total: SeedReader.count(path: seeds), enabled: options.progress)
        defer { progress.stop() }

        let window = DispatchSemaphore(value: options.window)
        let meter = StageMeter(workers: options.fetch.concurrency)
        let tally = ResultTally()
        let sink = OrderedSink<FetchOutcome> { outcome throws(StageError) in
            try archive.write(outcome)
            tally.add(outcome)
            progress.finished(failed: outcome.isFailure)
        }
        let group = DispatchGroup()
        startFetch(reader: reader, window: window, meter: meter, group: group) { outcome in
            progress.fetched()
            for _ in 0..<sink.add(outcome, index: outcome.index) { window.signal() }
        } done: {}
        group.wait()
        if let error = sink.error { throw error }
        try archive.finish()

        let report = tally.report(command: "fetch", clock: clock, stages: ["fetch": meter.finish()])
        try write(report, to: out.fetchFolder.appendingPathComponent("stats.json"))
        return report
    }

    /// Extracts the pages stored under `input/fetch/` into `out/extract/`.
    public func extract(from input: RunFolder, out: RunFolder) throws(StageError) -> RunReport {
        let clock = RunClock()
        try RunFolder.requireFile(input.fetchedPages, producedBy: "fetch")
        try RunFolder.requireFile(input.fetchFailures, producedBy: "fetch")
        let pages = try wrap { () throws(LoadError) in try NDJSONReader<StoredPage>(path: input.fetchedPages.path) }
        let failures = try wrap { () throws(LoadError) in try NDJSONReader<Failure>(path: input.fetchFailures.path) }
        let writer = try ExtractWriter(folder: out)
        let progress = ProgressLine(total: nil, enabled: options.progress)
        defer { progress.stop() }

        let window = DispatchSemaphore(value: options.window)
        let stored = BoundedQueue<FetchOutcome>(capacity: options.queueCapacity)
        let extracted = BoundedQueue<StageResult>(capacity: options.queueCapacity)
        let readError = ErrorBox()
        let group = DispatchGroup()
        let source = UncheckedBox((pages, failures))
        DispatchQueue(label: "pipeline.extract.read").async(group: group) {
            let (pages, failures) = source.value
            do {
                try mergeByIndex(pages, \.index, failures, \.seed.index) { item throws(StageError) in
                    window.wait()
                    switch item {
                    case .first(let page):
                        do {
                            stored.send(.page(try page.page(in: input.url)))
                        } catch {
                            let seed = Seed(index: page.index, url: page.url)
                            stored.send(.failure(Failure(seed: seed, stage: .extract, error: "missing_body", message: String(describing: error))))
                        }
                    case .second(let failure):
                        stored.send(.failure(failure))
                    }
                }
            } catch {
                readError.set(error as? StageError ?? StageError(String(describing: error)))
            }
            stored.finish()
        }
        let meter = startExtract(input: stored, output: extracted, group: group)

        let tally = ResultTally()
        let sink = OrderedSink<StageResult> { result throws(StageError) in
            try writer.write(result)
            tally.add(result)
            progress.finished(failed: tally.isFailure(result))
        }
        while let result = extracted.receive() {
            for _ in 0..<sink.add(result, index: result.index) { window.signal() }
        }
        group.wait()
        if let error = readError.error ?? sink.error { throw error }
        try writer.finish()

        let report = tally.report(command: "extract", clock: clock, stages: ["extract": meter.finish()])
        try write(report, to: out.extractFolder.appendingPathComponent("stats.json"))
        return report
    }

    /// Loads the documents and failures stored under `input/extract/` into the result files of
    /// `out`, and writes `run.json` with the stages' counts.
    public func load(from input: RunFolder, out: RunFolder) throws(StageError) -> RunReport {
        let clock = RunClock()
        try RunFolder.requireFile(input.extractedDocuments, producedBy: "extract")
        try RunFolder.requireFile(input.extractFailures, producedBy: "extract")
        let documents = try wrap { () throws(LoadError) in try NDJSONReader<Document>(path: input.extractedDocuments.path) }
        let failures = try wrap { () throws(LoadError) in try NDJSONReader<Failure>(path: input.extractFailures.path) }
        let results = try ResultWriter(folder: out)
        let meter = StageMeter(workers: 1)
        let tally = ResultTally()
        try mergeByIndex(documents, \.index, failures, \.seed.index) { item throws(StageError) in
            let started = ContinuousClock.now
            let result: StageResult
            switch item {
            case .first(let document): result = .document(document)
            case .second(let failure): result = .failure(failure)
            }
            try results.write(result)
            tally.add(result)
            meter.count(ok: !tally.isFailure(result), busy: ContinuousClock.now - started)
        }
        try results.finish()

        var stages = ["load": meter.finish()]
        for (name, folder) in [("fetch", input.fetchFolder), ("extract", input.extractFolder)] {
            let file = folder.appendingPathComponent("stats.json")
            if let data = FileManager.default.contents(atPath: file.path),
               let earlier = try? JSONDecoder().decode(RunReport.self, from: data),
               let stats = earlier.stages[name] {
                stages[name] = stats
            }
        }
        let report = tally.report(command: "load", clock: clock, stages: stages)
        try write(report, to: out.report)
        return report
    }

    // MARK: - Stage workers

    /// Starts the seed reader and the fetcher; `deliver` gets every seed's outcome, invalid seeds
    /// included, and `done` runs after the last one.
    private func startFetch(
        reader: SeedReader, window: DispatchSemaphore, meter: StageMeter, group: DispatchGroup,
        deliver: @escaping @Sendable (FetchOutcome) -> Void, done: @escaping @Sendable () -> Void
    ) {
        let seeds = BoundedQueue<Seed>(capacity: options.queueCapacity)
        let unchecked = UncheckedBox(reader)
        let stop = options.stop
        DispatchQueue(label: "pipeline.seeds").async(group: group) {
            while let line = unchecked.value.next() {
                window.wait()
                switch line {
                case .valid(let seed) where stop.isSet:
                    let message = "The run was stopped before \(seed.url) was fetched; run again to fetch it."
                    deliver(.failure(Failure(seed: seed, stage: .fetch, error: "interrupted", message: message)))
                case .valid(let seed): seeds.send(seed)
                case .invalid(let failure): deliver(.failure(failure))
                }
            }
            seeds.finish()
        }
        let fetcher = Fetcher(options: options.fetch, logger: logger)
        DispatchQueue(label: "pipeline.fetch").async(group: group) {
            fetcher.run(input: seeds) { outcome in
                meter.count(ok: !outcome.isFailure)
                deliver(outcome)
            }
            done()
        }
    }

    /// Starts the extract workers, which turn fetched pages into documents and pass failures on.
    private func startExtract(
        input: BoundedQueue<FetchOutcome>, output: BoundedQueue<StageResult>, group: DispatchGroup
    ) -> StageMeter {
        let meter = StageMeter(workers: options.extractWorkers)
        let workers = DispatchGroup()
        let queue = DispatchQueue(label: "pipeline.extract", attributes: .concurrent)
        for _ in 0..<options.extractWorkers {
            queue.async(group: workers) { [extractor] in
                while let outcome = input.receive() {
                    switch outcome {
                    case .page(let page):
                        let started = ContinuousClock.now
                        let result = extractor.extract(page)
                        let busy = ContinuousClock.now - started
                        switch result {
                        case .success(let document):
                            meter.count(ok: true, busy: busy)
                            output.send(.document(document))
                        case .failure(let failure):
                            meter.count(ok: false, busy: busy)
                            output.send(.failure(failure))
                        }
                    case .failure(let failure):
                        output.send(.failure(failure))
                    }
                }
            }
        }
        group.enter()
        workers.notify(queue: DispatchQueue(label: "pipeline.extract.done")) {
            output.finish()
            group.leave()
        }
        return meter
    }

    private func write(_ report: RunReport, to file: URL) throws(StageError) {
        let encoder = NDJSON.encoder()
        encoder.outputFormatting.insert(.prettyPrinted)
        do {
            var data = try encoder.encode(report)
            data.append(0x0A)
            try data.write(to: file, options: .atomic)
        } catch {
            throw StageError("Cannot write \(file.path): \(RunFolder.reason(error)).")
        }
    }
}

extension FetchOutcome {
    /// The seed's index, which orders every output.
    var index: Int {
        switch self {
        case .page(let page): page.seed.index
        case .failure(let failure): failure.seed.index
        }
    }

    var isFailure: Bool {
        if case .failure = self { return true }
        return false
    }
}
