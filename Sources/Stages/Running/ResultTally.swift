import Fetch
import Foundation
import Load
import PipelineModel

/// Counts documents and failures as they are written, for `run.json`.
final class ResultTally: Sendable {
    private struct Counts {
        var documents = 0
        var failures = 0
        var unchanged = 0
        var new = 0
        var changed = 0
        var duplicates = 0
        var byError: [String: Int] = [:]
    }

    private let counts = Locked(Counts())

    init() {}

    /// A tally that starts with what an interrupted run already wrote.
    init(resuming point: ResumePoint) {
        counts.withLock {
            $0.documents = point.documents
            $0.unchanged = point.unchanged
        }
        for failure in point.failures { addFailure(failure) }
    }

    func add(_ result: StageResult) {
        switch result {
        case .document(let document):
            counts.withLock {
                $0.documents += 1
                if document.change == "new" { $0.new += 1 }
                if document.change == "changed" { $0.changed += 1 }
                if document.duplicateOf != nil { $0.duplicates += 1 }
            }
        case .failure(let failure): addFailure(failure)
        case .unchanged: counts.withLock { $0.unchanged += 1 }
        }
    }

    /// Counts a page the fetch stage stored (for `pipeline fetch`, which extracts nothing).
    func addFetched() {
        counts.withLock { $0.documents += 1 }
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
            inputs: c.documents + c.failures + c.unchanged, documents: c.documents, failures: c.failures,
            unchanged: c.unchanged, new: c.new, changed: c.changed, duplicates: c.duplicates,
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
    private let stored = Locked<StageError?>(nil)

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
