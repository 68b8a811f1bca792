import Foundation

/// A value guarded by a lock that lives beside it.
///
/// Built on `NSLock` (a pthread mutex) rather than `Synchronization.Mutex`, whose futex-based lock
/// on Linux is invisible to ThreadSanitizer and makes `swift test --sanitize=thread` report races
/// that are not there.
public final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    /// Only read or written with `lock` held.
    private var value: Value

    public init(_ value: Value) {
        self.value = value
    }

    /// Runs `body` with the lock held and the value to read or change.
    public func withLock<Result, Failure: Error>(_ body: (inout Value) throws(Failure) -> Result) throws(Failure) -> Result {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}
