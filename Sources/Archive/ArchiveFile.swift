#if canImport(Glibc)
import Glibc
#endif

/// An open file descriptor for a WARC file, closed in `deinit`.
///
/// Plain POSIX calls rather than `FileHandle`: the writer needs `O_APPEND`, one `write` per
/// record and `fsync`, and errors must carry `errno`.
final class ArchiveFile {
    let path: String
    private var descriptor: Int32
    private var scratch: [UInt8] = []
    /// In a file opened for appending, where the next `writeAll` starts: the file's length when
    /// opened plus what was written since.
    private(set) var end = 0

    /// Opens `path` for appending, creating it when missing. The corresponding C functions are
    /// `open` and `lseek`.
    static func forAppending(_ path: String) throws(WARCError) -> ArchiveFile {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw WARCError(.cannotCreate, path: path, errno: errno) }
        let file = ArchiveFile(path: path, descriptor: descriptor)
        let length = lseek(descriptor, 0, SEEK_END)
        guard length >= 0 else { throw WARCError(.cannotCreate, path: path, errno: errno) }
        file.end = Int(length)
        return file
    }

    /// Opens `path` for reading.
    static func forReading(_ path: String) throws(WARCError) -> ArchiveFile {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw WARCError(.cannotRead, path: path, errno: errno) }
        return ArchiveFile(path: path, descriptor: descriptor)
    }

    private init(path: String, descriptor: Int32) {
        self.path = path
        self.descriptor = descriptor
    }

    deinit {
        if descriptor >= 0 { Glibc.close(descriptor) }
    }

    /// Writes all of `bytes`, retrying short writes and interrupted calls.
    func writeAll(_ bytes: [UInt8]) throws(WARCError) {
        var written = 0
        while written < bytes.count {
            let result = bytes.withUnsafeBytes { raw in
                raw.baseAddress.map { write(descriptor, $0 + written, raw.count - written) } ?? 0
            }
            if result < 0 {
                if errno == EINTR { continue }
                throw WARCError(.cannotWrite, path: path, errno: errno)
            }
            written += result
        }
        end += written
    }

    /// Reads up to `count` bytes and appends them to `buffer`; returns how many, 0 at the end of the file.
    func read(appendingTo buffer: inout [UInt8], count: Int) throws(WARCError) -> Int {
        // A reused buffer: growing and zeroing `buffer` per call costs more than the read itself.
        if scratch.count < count { scratch = [UInt8](repeating: 0, count: count) }
        while true {
            let result = scratch.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, count) }
            if result < 0 {
                if errno == EINTR { continue }
                throw WARCError(.cannotRead, path: path, errno: errno)
            }
            buffer.append(contentsOf: scratch[..<result])
            return result
        }
    }

    /// Moves the read position to `offset`. The corresponding C function is `lseek`.
    func seek(to offset: Int) throws(WARCError) {
        guard lseek(descriptor, off_t(offset), SEEK_SET) >= 0 else { throw WARCError(.cannotRead, path: path, errno: errno) }
    }

    /// Flushes written data to the disk. The corresponding C function is `fsync`.
    func sync() throws(WARCError) {
        guard fsync(descriptor) == 0 else { throw WARCError(.cannotWrite, path: path, errno: errno) }
    }

    /// Syncs and closes; later calls fail.
    func close() throws(WARCError) {
        guard descriptor >= 0 else { return }
        let syncStatus = fsync(descriptor)
        let syncErrno = errno
        let closeStatus = Glibc.close(descriptor)
        descriptor = -1
        guard syncStatus == 0 else { throw WARCError(.cannotWrite, path: path, errno: syncErrno) }
        guard closeStatus == 0 else { throw WARCError(.cannotWrite, path: path, errno: errno) }
    }
}
