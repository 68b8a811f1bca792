#if canImport(Glibc)
import Glibc
#endif

/// Why the state store or the run lock failed.
public struct StateStoreError: Error, Sendable, CustomStringConvertible {
    /// What went wrong.
    public enum Code: String, Sendable {
        case cannotOpen, statementFailed, lockHeld, cannotLock
    }

    public var code: Code
    /// The database file, or for the lock codes the folder being locked.
    public var path: String
    /// What was being done, such as `record https://example.org/`.
    public var operation: String
    /// The cause: SQLite's or the system's message, or who holds the lock.
    public var detail: String

    /// An error about `path` while doing `operation`.
    public init(_ code: Code, path: String, operation: String = "", detail: String) {
        self.code = code
        self.path = path
        self.operation = operation
        self.detail = detail
    }

    /// One sentence naming the file or folder and the cause.
    public var description: String {
        switch code {
        case .cannotOpen: "Cannot open the state store \(path): \(detail)."
        case .statementFailed: "The state store \(path) could not \(operation): \(detail)."
        case .lockHeld:
            "Another pipeline run (\(detail)) is using \(path); wait for it to finish or remove \(path)/.lock if it is gone."
        case .cannotLock: "Cannot lock \(path)/.lock: \(detail)."
        }
    }
}
