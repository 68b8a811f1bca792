import Foundation
import PipelineModel

#if canImport(Glibc)
import Glibc
#endif

/// An exclusive lock on an output folder, so two runs (say cron's and a manual one) never write
/// the same files at once.
///
/// The lock is `flock` on `FOLDER/.lock`. The kernel drops it when the holding process exits or
/// is killed, so a stale `.lock` file never blocks the next run; the pid and start time written
/// into it only make the refusal message useful. Released in `deinit` or by `release()`.
public final class RunLock {
    /// The folder locked.
    public let folder: String
    private var descriptor: Int32

    private init(folder: String, descriptor: Int32) {
        self.folder = folder
        self.descriptor = descriptor
    }

    deinit {
        release()
    }

    /// Takes the lock on `folder` (creating the folder if missing) or throws `lockHeld` at once,
    /// naming the holder's pid and start time. The corresponding C function is `flock`.
    public static func acquire(folder: String) throws(StateStoreError) -> RunLock {
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw StateStoreError(.cannotLock, path: folder, detail: error.localizedDescription)
        }
        let path = (folder as NSString).appendingPathComponent(".lock")
        // O_CLOEXEC: a child process must not inherit the lock and keep it after we exit.
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw StateStoreError(.cannotLock, path: folder, detail: String(cString: strerror(errno))) }
        while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            let number = errno
            if number == EINTR { continue }
            let holder = number == EWOULDBLOCK ? readHolder(descriptor) : ""
            close(descriptor)
            guard number == EWOULDBLOCK else {
                throw StateStoreError(.cannotLock, path: folder, detail: String(cString: strerror(number)))
            }
            throw StateStoreError(.lockHeld, path: folder, detail: holder)
        }
        let startedAt = Timestamp.formatSeconds(Date())
        let note = Array("pid \(getpid())\nstarted \(startedAt)\n".utf8)
        // The note is only for messages: a failure to write it must not cost the run its lock.
        if ftruncate(descriptor, 0) == 0 {
            _ = note.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, 0) }
        }
        return RunLock(folder: folder, descriptor: descriptor)
    }

    /// Releases the lock; later calls do nothing.
    public func release() {
        guard descriptor >= 0 else { return }
        // The file stays: removing it would let a waiting run lock an unlinked file while a third
        // creates a new one. Emptying it keeps a stale pid out of later messages.
        _ = ftruncate(descriptor, 0)
        close(descriptor)
        descriptor = -1
    }

    /// "pid N, started T" from the holder's note, or what is known of it.
    private static func readHolder(_ descriptor: Int32) -> String {
        var bytes = [UInt8](repeating: 0, count: 256)
        let count = bytes.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, 0) }
        let text = String(decoding: bytes[..<max(0, count)], as: UTF8.self)
        var pid = "unknown"
        var started = "unknown"
        for line in text.split(separator: "\n") {
            if line.hasPrefix("pid ") { pid = String(line.dropFirst(4)) }
            if line.hasPrefix("started ") { started = String(line.dropFirst(8)) }
        }
        return "pid \(pid), started \(started)"
    }
}
