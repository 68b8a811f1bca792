import Dispatch
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Threads of their own for work that should give way to the fetcher: hashing, compressing and
/// writing what it fetched.
///
/// The fetcher's one thread drives every transfer, so each moment it waits for a core, every
/// connection waits with it. On two cores the archive threads and the web server wanted the cores
/// at the same moments, and the fetch thread spent more time waiting to run than running; a higher
/// nice value on the archive threads makes the scheduler run the fetcher first and the archive in
/// the gaps, which the bounded hand-offs keep from growing without limit.
///
/// A thread of its own rather than a Dispatch worker: a nice value, once raised, cannot be lowered
/// again without privileges, and a Dispatch worker would carry it on into other work.
enum YieldingThread {
    /// How far below the fetcher the archive threads run: at 5 the scheduler gives a thread of nice
    /// 0 about three times their share of a core they both want.
    static let niceness: Int32 = 5

    /// Runs `body` on a new thread with a lower priority, inside `group`.
    static func start(name: String, group: DispatchGroup, _ body: @escaping @Sendable () -> Void) {
        group.enter()
        let thread = Thread {
            #if os(Linux)
            // On Linux a nice value belongs to one thread, and PRIO_PROCESS with 0 names the calling
            // thread (the kernel's `current`), not the whole process. Failing to set it only leaves
            // the thread at the usual priority.
            _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, niceness)
            #endif
            body()
            group.leave()
        }
        thread.name = name
        thread.start()
    }
}
