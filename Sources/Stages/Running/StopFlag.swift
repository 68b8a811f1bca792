import Dispatch
import Foundation
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// Set when the run should stop taking new seeds: after SIGINT or SIGTERM.
///
/// Seeds already in flight are finished; seeds not yet started are recorded as `interrupted`
/// failures, so every seed still ends up in the outputs and every file is finished cleanly.
public final class StopFlag: Sendable {
    private let stopped = Atomic<Bool>(false)

    public init() {}

    /// Whether a stop was asked for.
    public var isSet: Bool { stopped.load(ordering: .relaxed) }

    /// Asks the run to stop.
    public func set() { stopped.store(true, ordering: .relaxed) }

    /// Sets the flag on the first SIGINT or SIGTERM; a second one ends the process at once.
    public func installSignalHandlers() {
        for number in [SIGINT, SIGTERM] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: DispatchQueue(label: "pipeline.signals"))
            source.setEventHandler { [self] in
                if isSet { _exit(130) }
                set()
                FileHandle.standardError.write(Data("\nStopping: finishing the pages in flight; press Ctrl-C again to quit at once.\n".utf8))
            }
            source.resume()
            StopFlag.sources.append(source)
        }
    }

    /// Keeps the signal sources alive for the life of the process; only touched by
    /// `installSignalHandlers`, which the command line calls once from its main thread.
    nonisolated(unsafe) private static var sources: [any DispatchSourceSignal] = []
}
