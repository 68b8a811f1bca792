import Archive
import Dispatch
import Extract
import Fetch
import Foundation
import Load
import Logging
import PipelineModel
import StateStore

/// Settings of a whole run.
public struct PipelineOptions: Sendable {
    /// Settings of the fetch stage (transfers in flight, politeness, retries, limits).
    public var fetch = FetchOptions()
    /// Threads that extract pages at once.
    public var extractWorkers = max(1, ProcessInfo.processInfo.activeProcessorCount)
    /// Items each hand-off between stages holds before the stage before it waits.
    public var queueCapacity = 32
    /// Most seeds between being read and being written; bounds memory however long the run.
    public var window = 256
    /// Whether to show a progress line when standard error is a terminal.
    public var progress = true
    /// Extract pages that did not change since the last run too, and send no conditional headers.
    public var force = false
    /// The state store that remembers earlier runs; nil keeps it in the run folder.
    public var statePath: String?
    /// Whether to keep every response as WARC records under `DIR/warc/`.
    public var warc = true
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

    /// Most fetch outcomes stored in one state store transaction. A crash loses what the store
    /// learnt of at most these pages (their duplicate claims, and in `pipeline run` the validators
    /// of pages loaded meanwhile), which their next fetch learns again.
    static let outcomesPerTransaction = 64

    public var options: PipelineOptions
    let logger: Logger

    public init(options: PipelineOptions = PipelineOptions(), logger: Logger = Logger(label: "pipeline")) {
        self.options = options
        self.logger = logger
    }

    /// The extractor, made when a command extracts: making it loads the entity gazetteers, which
    /// `pipeline fetch` and `pipeline load` do not need.
    var extractor: Extractor { Extractor() }

    /// Initialises libcurl and libxml2; call once before any other use, from one thread.
    public static func initialize() {
        Fetcher.initialize()
        Extractor.initialize()
    }

    // MARK: - Commands

    /// Fetches, extracts and loads every seed, writing the results and `run.json` into `out`.
    ///
    /// If an earlier run of the same seeds file into `out` was interrupted (killed, power cut), this
    /// one continues where it stopped: seeds already written are kept and not fetched again.
    public func run(seeds: String, out: RunFolder) throws(StageError) -> RunReport {
        let clock = RunClock()
        let reader = try SeedReader(path: seeds)
        let lock = try lockFolder(out)
        defer { lock.release() }
        let resume = try ResumePoint.find(in: out, seeds: seeds)
        if resume.next > 0 {
            logger.notice("continuing an interrupted run", metadata: ["written": "\(resume.next)", "folder": "\(out.url.path)"])
        }
        let tracker = try changeTracker(for: out)
        let archive = try FetchArchiveWriter(
            folder: out, append: resume.next > 0, warc: options.warc, userAgent: options.fetch.userAgentHeader)
        let results = try ResultWriter.results(in: out, append: resume.next > 0)
        try ResumePoint.mark(out, seeds: seeds)
        let progress = ProgressLine(total: SeedReader.count(path: seeds), enabled: options.progress)
        defer { progress.stop() }

        let window = DispatchSemaphore(value: options.window)
        let fetched = BoundedQueue<ExtractWork>(capacity: options.queueCapacity)
        let extracted = BoundedQueue<StageResult>(capacity: options.queueCapacity)
        let fetchMeter = StageMeter(workers: options.fetch.concurrency)
        let group = DispatchGroup()
        let (archiveQueue, archiveErrors) = startArchive(
            first: resume.next, archive: archive, tracker: tracker, window: window, group: group,
            next: { work in fetched.send(work) },
            done: { fetched.finish() })
        startFetch(reader: reader, from: resume.next, tracker: tracker, window: window, meter: fetchMeter, group: group) { outcome in
            progress.fetched()
            archiveQueue.send(outcome)
        } done: {
            archiveQueue.finish()
        }
        let extractMeter = startExtract(input: fetched, output: extracted, group: group)

        let tally = ResultTally(resuming: resume)
        let loadMeter = StageMeter(workers: 1)
        let loadSink = OrderedSink<StageResult>(first: resume.next) { result throws(StageError) in
            let started = ContinuousClock.now
            try results.write(result)
            try tracker.commit(result)
            tally.add(result)
            progress.finished(failed: result.isFailure)
            loadMeter.count(ok: !result.isFailure, busy: ContinuousClock.now - started)
        }
        while let result = extracted.receive() {
            for _ in 0..<loadSink.add(result, index: result.index) { window.signal() }
        }
        group.wait()
        if let error = archiveErrors.error ?? loadSink.error { throw error }
        try archive.finish()
        try results.finish()
        ResumePoint.clear(out)

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
        let lock = try lockFolder(out)
        defer { lock.release() }
        let tracker = try changeTracker(for: out)
        let archive = try FetchArchiveWriter(folder: out, warc: options.warc, userAgent: options.fetch.userAgentHeader)
        let progress = ProgressLine(total: SeedReader.count(path: seeds), enabled: options.progress)
        defer { progress.stop() }

        let window = DispatchSemaphore(value: options.window)
        let meter = StageMeter(workers: options.fetch.concurrency)
        let tally = ResultTally()
        let group = DispatchGroup()
        let (archiveQueue, archiveErrors) = startArchive(
            first: 0, archive: archive, tracker: tracker, window: window, group: group,
            next: { work in
                if case .done(let result) = work { tally.add(result) } else { tally.addFetched() }
                progress.finished(failed: false)
                window.signal()
            },
            done: {})
        startFetch(reader: reader, from: 0, tracker: tracker, window: window, meter: meter, group: group) { outcome in
            progress.fetched()
            archiveQueue.send(outcome)
        } done: {
            archiveQueue.finish()
        }
        group.wait()
        if let error = archiveErrors.error { throw error }
        try archive.finish()

        let report = tally.report(command: "fetch", clock: clock, stages: ["fetch": meter.finish()])
        try write(report, to: out.fetchFolder.appendingPathComponent("stats.json"))
        return report
    }

    /// Extracts the pages stored under `input/fetch/` into `out/extract/`.
    public func extract(from input: RunFolder, out: RunFolder) throws(StageError) -> RunReport {
        try RunFolder.requireFile(input.fetchedPages, producedBy: "fetch")
        try RunFolder.requireFile(input.fetchFailures, producedBy: "fetch")
        let pages = try wrap { () throws(LoadError) in try NDJSONReader<StoredPage>(path: input.fetchedPages.path) }
        let failures = try wrap { () throws(LoadError) in try NDJSONReader<Failure>(path: input.fetchFailures.path) }
        let source = UncheckedBox((pages, failures))
        let force = options.force
        return try extract(into: out) { send throws(StageError) in
            let (pages, failures) = source.value
            try mergeByIndex(pages, \.index, failures, \.seed.index) { item throws(StageError) in
                switch item {
                case .first(let stored):
                    do {
                        let page = try stored.page(in: input.url)
                        let skip = stored.change.kind == .unchanged && !force
                        send(skip ? .done(.unchanged(UnchangedRecord(page: page, change: stored.change))) : .page(page, stored.change))
                    } catch {
                        let seed = Seed(index: stored.index, url: stored.url)
                        send(.done(.failure(Failure(seed: seed, stage: .extract, error: "missing_body", message: String(describing: error)))))
                    }
                case .second(let failure):
                    send(.done(.failure(failure)))
                }
            }
        }
    }

    /// Extracts the responses of WARC files (a file, or every `.warc` and `.warc.gz` in a folder),
    /// written by this tool or another, into `out/extract/`.
    public func extract(warc path: String, out: RunFolder) throws(StageError) -> RunReport {
        let files = try WARCPages.files(at: path)
        return try extract(into: out) { send throws(StageError) in
            try WARCPages.read(files) { page throws(StageError) in send(.page(page, nil)) }
        }
    }

    /// Runs the extract workers over what `produce` sends and writes their results into `out/extract/`.
    private func extract(
        into out: RunFolder, produce: @escaping @Sendable (_ send: (ExtractWork) -> Void) throws(StageError) -> Void
    ) throws(StageError) -> RunReport {
        let clock = RunClock()
        let lock = try lockFolder(out)
        defer { lock.release() }
        let writer = try ResultWriter.extractOutput(in: out)
        let progress = ProgressLine(total: nil, enabled: options.progress)
        defer { progress.stop() }

        let window = DispatchSemaphore(value: options.window)
        let stored = BoundedQueue<ExtractWork>(capacity: options.queueCapacity)
        let extracted = BoundedQueue<StageResult>(capacity: options.queueCapacity)
        let readError = ErrorBox()
        let group = DispatchGroup()
        DispatchQueue(label: "pipeline.extract.read").async(group: group) {
            do {
                try produce { work in
                    window.wait()
                    stored.send(work)
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
            progress.finished(failed: result.isFailure)
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

    /// Loads the documents, failures and unchanged pages stored under `input/extract/` into the
    /// result files of `out`, and writes `run.json` with the stages' counts.
    public func load(from input: RunFolder, out: RunFolder) throws(StageError) -> RunReport {
        let clock = RunClock()
        try RunFolder.requireFile(input.extractedDocuments, producedBy: "extract")
        try RunFolder.requireFile(input.extractFailures, producedBy: "extract")
        let lock = try lockFolder(out)
        defer { lock.release() }
        let tracker = try changeTracker(for: out)
        let sources = try StoredResults(folder: input)
        let results = try ResultWriter.results(in: out)
        let meter = StageMeter(workers: 1)
        let tally = ResultTally()
        while let result = try sources.next() {
            let started = ContinuousClock.now
            try results.write(result)
            try tracker.commit(result)
            tally.add(result)
            meter.count(ok: !result.isFailure, busy: ContinuousClock.now - started)
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

    /// Takes `out`'s lock for the length of a command; a second command on the same folder is refused.
    private func lockFolder(_ out: RunFolder) throws(StageError) -> RunLock {
        try RunFolder.create(out.url)
        return try wrap { () throws(StateStoreError) in try RunLock.acquire(folder: out.url.path) }
    }

    private func changeTracker(for out: RunFolder) throws(StageError) -> ChangeTracker {
        try ChangeTracker(path: options.statePath ?? out.stateStore.path, force: options.force)
    }

    /// Starts the threads that archive fetch outcomes, so that the fetcher never waits on the disk:
    /// one per core hashes bodies and compresses WARC records in whatever order they come, and one
    /// writer stores them in seed order and hands each on to `next`: pages to extract, or results that
    /// need no extraction. `done` runs after the last outcome is stored. The first error stops the
    /// storing and the run (the seeds not yet fetched end as interrupted) and is kept in the returned box;
    /// the outcomes not stored after it give their place in the window back, so the run ends instead of
    /// waiting for them.
    private func startArchive(
        first: Int, archive: FetchArchiveWriter, tracker: ChangeTracker, window: DispatchSemaphore,
        group: DispatchGroup, next: @escaping @Sendable (ExtractWork) -> Void, done: @escaping @Sendable () -> Void
    ) -> (input: BoundedQueue<FetchOutcome>, errors: ErrorBox) {
        // As deep as the window, which already bounds the outcomes between fetch and write: the
        // fetcher, whose one thread drives every transfer, should never wait here while compressing
        // lags a moment behind.
        let input = BoundedQueue<FetchOutcome>(capacity: options.window)
        let prepared = InOrderQueue<Result<PreparedOutcome, StageError>>(first: first)
        let preparer = archive.preparer
        let workers = DispatchGroup()
        let pool = DispatchQueue(label: "pipeline.archive.prepare", attributes: .concurrent)
        for _ in 0..<max(1, ProcessInfo.processInfo.activeProcessorCount) {
            pool.async(group: workers) {
                while let outcome = input.receive() {
                    prepared.add(Result { () throws(StageError) in try preparer.prepare(outcome) }, index: outcome.index)
                }
            }
        }
        workers.notify(queue: DispatchQueue(label: "pipeline.archive.prepared")) { prepared.finish() }

        let errors = ErrorBox()
        let force = options.force
        let stop = options.stop
        let writer = UncheckedBox(archive)
        DispatchQueue(label: "pipeline.archive.write").async(group: group) {
            func failed(_ error: StageError) {
                errors.set(error)
                stop.set()
            }
            // What the outcomes of the batch being stored hand on, once their lines are written.
            var stored: [ExtractWork] = []
            func store(_ outcome: Result<PreparedOutcome, StageError>) {
                guard errors.error == nil else {
                    window.signal()
                    return
                }
                do throws(StageError) {
                    let outcome = try outcome.get()
                    switch outcome.outcome {
                    case .page(let page):
                        let change = try tracker.classify(page, hash: outcome.contentHash ?? ContentHash.sha256(page.body))
                        try writer.value.write(page, change: change, records: outcome.records)
                        if change.kind == .unchanged && !force {
                            stored.append(.done(.unchanged(UnchangedRecord(page: page, change: change))))
                        } else {
                            stored.append(.page(page, change))
                        }
                    case .failure(let failure):
                        try writer.value.write(failure)
                        stored.append(.done(.failure(failure)))
                    }
                } catch {
                    failed(error)
                    window.signal()
                }
            }
            while let first = prepared.receive() {
                // The outcomes ready now share one state store transaction and one write to each
                // file: a commit or a write per page cost more than the rest of the page's storing.
                do throws(StageError) {
                    let flushed = try tracker.batch { () -> StageError? in
                        store(first)
                        for _ in 1..<Self.outcomesPerTransaction {
                            guard let more = prepared.receiveIfReady() else { break }
                            store(more)
                        }
                        do throws(StageError) {
                            try writer.value.flush()
                            return nil
                        } catch {
                            return error
                        }
                    }
                    if let flushed { throw flushed }
                    for work in stored { next(work) }
                } catch {
                    failed(error)
                    for _ in stored { window.signal() }
                }
                stored.removeAll(keepingCapacity: true)
            }
            done()
        }
        return (input, errors)
    }

    /// Starts the seed reader and the fetcher; `deliver` gets the outcome of every seed from index
    /// `first` on, invalid seeds included, and `done` runs after the last one.
    private func startFetch(
        reader: SeedReader, from first: Int, tracker: ChangeTracker, window: DispatchSemaphore, meter: StageMeter,
        group: DispatchGroup, deliver: @escaping @Sendable (FetchOutcome) -> Void, done: @escaping @Sendable () -> Void
    ) {
        let seeds = BoundedQueue<Seed>(capacity: options.queueCapacity)
        let unchecked = UncheckedBox(reader)
        let stop = options.stop
        DispatchQueue(label: "pipeline.seeds").async(group: group) {
            while let line = unchecked.value.next() {
                if line.seed.index < first { continue }
                window.wait()
                switch line {
                case .valid(let seed) where stop.isSet:
                    deliver(.failure(Fetcher.interrupted(seed)))
                case .valid(let seed): seeds.send(seed)
                case .invalid(let failure): deliver(.failure(failure))
                }
            }
            seeds.finish()
        }
        let fetcher = Fetcher(
            options: options.fetch, logger: logger, validators: { seed in tracker.validators(for: seed) },
            shouldStop: { stop.isSet })
        DispatchQueue(label: "pipeline.fetch").async(group: group) {
            fetcher.run(input: seeds) { outcome in
                // A page's busy time is its transfer time; transfers overlap, so the sum can pass the wall time.
                if case .page(let page) = outcome {
                    meter.count(ok: true, busy: .seconds(page.duration))
                } else {
                    meter.count(ok: false)
                }
                deliver(outcome)
            }
            done()
        }
    }

    /// Starts the extract workers, which turn fetched pages into documents and pass results on.
    private func startExtract(
        input: BoundedQueue<ExtractWork>, output: BoundedQueue<StageResult>, group: DispatchGroup
    ) -> StageMeter {
        let meter = StageMeter(workers: options.extractWorkers)
        let workers = DispatchGroup()
        let queue = DispatchQueue(label: "pipeline.extract", attributes: .concurrent)
        let extractor = extractor
        for _ in 0..<options.extractWorkers {
            queue.async(group: workers) {
                while let work = input.receive() {
                    switch work {
                    case .page(let page, let change):
                        let started = ContinuousClock.now
                        let result = extractor.extract(page)
                        meter.count(ok: (try? result.get()) != nil, busy: ContinuousClock.now - started)
                        switch result {
                        case .success(let document):
                            output.send(.document(change.map { document.with(page: page, change: $0) } ?? document))
                        case .failure(let failure):
                            output.send(.failure(failure))
                        }
                    case .done(let result):
                        output.send(result)
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

extension Document {
    /// The document with what the fetch stage knew of its page: validators, hash and change.
    func with(page: FetchedPage, change: PageChange) -> Document {
        var document = self
        document.etag = page.header("ETag")
        document.lastModified = page.header("Last-Modified")
        document.contentHash = change.contentHash
        document.change = change.kind.rawValue
        document.duplicateOf = change.duplicateOf
        return document
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
