import Fetch
import Foundation
import Load
import PipelineModel
import Synchronization

/// Counts documents and failures as they are written, for `run.json`.
final class ResultTally: Sendable {
    private struct Counts {
        var documents = 0
        var failures = 0
        var byError: [String: Int] = [:]
    }

    private let counts = Mutex(Counts())

    func add(_ result: StageResult) {
        switch result {
        case .document: counts.withLock { $0.documents += 1 }
        case .failure(let failure): addFailure(failure)
        }
    }

    func add(_ outcome: FetchOutcome) {
        switch outcome {
        case .page: counts.withLock { $0.documents += 1 }
        case .failure(let failure): addFailure(failure)
        }
    }

    func isFailure(_ result: StageResult) -> Bool {
        if case .failure = result { return true }
        return false
    }

    private func addFailure(_ failure: Failure) {
        counts.withLock {
            $0.failures += 1
            $0.byError[failure.error, default: 0] += 1
        }
    }

    func report(command: String, clock: RunClock, stages: [String: StageStats]) -> RunReport {
        let c = counts.withLock { $0 }
        let finished = Date()
        return RunReport(
            command: command, version: Pipeline.version,
            startedAt: Timestamp.format(clock.startedAt), finishedAt: Timestamp.format(finished),
            seconds: (ContinuousClock.now - clock.started).seconds,
            inputs: c.documents + c.failures, documents: c.documents, failures: c.failures,
            failuresByError: c.byError, stages: stages)
    }
}

/// When a command started, by the wall clock and by the monotonic clock.
struct RunClock {
    let startedAt = Date()
    let started = ContinuousClock.now
}

/// Keeps the first error a background thread met, for the calling thread to throw.
final class ErrorBox: Sendable {
    private let stored = Mutex<StageError?>(nil)

    func set(_ error: StageError) {
        stored.withLock { if $0 == nil { $0 = error } }
    }

    var error: StageError? { stored.withLock { $0 } }
}

/// Moves a value that is not `Sendable` to the one thread that uses it from then on.
struct UncheckedBox<Value>: @unchecked Sendable {
    let value: Value

    init(_ value: Value) {
        self.value = value
    }
}

/// One item of a merge of two files, from the first or the second.
enum Merged<First, Second> {
    case first(First)
    case second(Second)
}

/// Reads two NDJSON files that are each in index order and hands their records to `body` in one
/// index order, holding one record of each at a time.
func mergeByIndex<First: Decodable, Second: Decodable>(
    _ first: NDJSONReader<First>, _ firstIndex: (First) -> Int,
    _ second: NDJSONReader<Second>, _ secondIndex: (Second) -> Int,
    _ body: (Merged<First, Second>) throws(StageError) -> Void
) throws(StageError) {
    var a = try wrap { () throws(LoadError) in try first.next() }
    var b = try wrap { () throws(LoadError) in try second.next() }
    while a != nil || b != nil {
        if let x = a, b.map({ firstIndex(x) <= secondIndex($0) }) ?? true {
            try body(.first(x))
            a = try wrap { () throws(LoadError) in try first.next() }
        } else if let y = b {
            try body(.second(y))
            b = try wrap { () throws(LoadError) in try second.next() }
        }
    }
}
