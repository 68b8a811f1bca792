import Foundation
import PipelineModel

/// Counts and timings of one stage, as `run.json` reports them.
public struct StageStats: Codable, Sendable, Equatable {
    /// Workers (or, for fetch, transfers in flight) the stage ran with.
    public var workers: Int
    /// Items that came out of the stage as a page or document.
    public var ok: Int = 0
    /// Items that came out as failures, including failures passed on from earlier stages.
    public var failed: Int = 0
    /// Wall-clock seconds from the stage's start to its end.
    public var seconds: Double = 0
    /// Seconds spent working on items, summed over workers (for fetch: the transfers' times).
    public var busySeconds: Double = 0

    enum CodingKeys: String, CodingKey {
        case workers, ok, failed, seconds
        case busySeconds = "busy_seconds"
    }
}

/// Collects one stage's counts from several threads.
final class StageMeter: Sendable {
    private let stats: Locked<StageStats>
    private let started = ContinuousClock.now

    init(workers: Int) {
        stats = Locked(StageStats(workers: workers))
    }

    /// Counts one item and the time spent on it.
    func count(ok: Bool, busy: Duration = .zero) {
        stats.withLock {
            if ok { $0.ok += 1 } else { $0.failed += 1 }
            $0.busySeconds += busy.seconds
        }
    }

    /// The counts, with the wall time up to now.
    func finish() -> StageStats {
        let elapsed = (ContinuousClock.now - started).seconds
        return stats.withLock {
            $0.seconds = elapsed
            return $0
        }
    }
}

/// What `run.json` holds: what a command did, counted per stage.
public struct RunReport: Codable, Sendable {
    public var command: String
    public var version: String
    public var startedAt: String
    public var finishedAt: String
    public var seconds: Double
    /// Seeds (or stored pages) that went in.
    public var inputs: Int
    /// Seeds that became documents (new, changed, or extracted again with --force).
    public var documents: Int
    public var failures: Int
    /// Seeds whose page did not change since the last run (304, or the same body) and was not extracted.
    public var unchanged: Int
    /// Documents of pages never fetched before, and of pages whose body changed.
    public var new: Int
    public var changed: Int
    /// Documents whose body is the same as an earlier URL's.
    public var duplicates: Int
    /// Failures counted by their `error` code.
    public var failuresByError: [String: Int]
    /// Per-stage counts and timings, by stage name.
    public var stages: [String: StageStats]

    enum CodingKeys: String, CodingKey {
        case command, version
        case startedAt = "started_at"
        case finishedAt = "finished_at"
        case seconds, inputs, documents, failures, unchanged, new, changed, duplicates
        case failuresByError = "failures_by_error"
        case stages
    }
}

extension Duration {
    /// The duration in seconds as a floating-point number.
    var seconds: Double {
        let parts = components
        return Double(parts.seconds) + Double(parts.attoseconds) * 1e-18
    }
}
