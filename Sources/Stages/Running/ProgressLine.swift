import Foundation
import PipelineModel

#if canImport(Glibc)
import Glibc
#endif

/// A one-line progress display on standard error, shown only when it is a terminal.
final class ProgressLine: Sendable {
    private struct Counts {
        var fetched = 0
        var done = 0
        var failed = 0
    }

    private let counts = Locked(Counts())
    private let total: Int?
    private let enabled: Bool
    private let stopped = Locked(false)
    private let started = ContinuousClock.now

    /// `total` is the number of inputs when known, worked out only when the line is shown (counting
    /// seeds reads the whole seeds file); `enabled` false keeps the line off.
    init(total: @autoclosure () -> Int?, enabled: Bool) {
        self.enabled = enabled && isatty(STDERR_FILENO) == 1
        self.total = self.enabled ? total() : nil
        if self.enabled {
            DispatchQueue(label: "pipeline.progress").async { [self] in tick() }
        }
    }

    func fetched() { counts.withLock { $0.fetched += 1 } }

    func finished(failed: Bool) {
        counts.withLock {
            $0.done += 1
            if failed { $0.failed += 1 }
        }
    }

    /// Clears the line and stops updating it.
    func stop() {
        stopped.withLock { $0 = true }
        if enabled { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }

    private func tick() {
        while !stopped.withLock({ $0 }) {
            let c = counts.withLock { $0 }
            let elapsed = (ContinuousClock.now - started).seconds
            let rate = elapsed > 0 ? Double(c.done) / elapsed : 0
            let of = total.map { "/\($0)" } ?? ""
            let line = "\r\u{1B}[Kfetched \(c.fetched)\(of) · done \(c.done)\(of) · failed \(c.failed) · "
                + String(format: "%.1f pages/s", rate)
            FileHandle.standardError.write(Data(line.utf8))
            usleep(250_000)
        }
    }
}
