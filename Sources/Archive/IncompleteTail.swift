#if canImport(Glibc)
import Glibc
#endif

/// Finds and sets aside what a crash in the middle of a write left at the end of a `.warc.gz`.
///
/// The writer appends each page with one `write`, so a killed run can leave one cut gzip member
/// at the end. A reader stops there, and everything appended after it would be unreadable, so
/// before appending the writer moves such a tail into a side file (never deleting data) and
/// truncates the archive to its last complete member.
enum IncompleteTail {
    /// Moves the bytes after the last complete gzip member of `path` to `path.incomplete-OFFSET`.
    ///
    /// Returns a sentence saying what was moved, or nil when the file was whole (or empty or missing).
    static func setAside(in path: String) throws(WARCError) -> String? {
        var status = stat()
        guard stat(path, &status) == 0, status.st_size > 0 else { return nil }
        let total = Int(status.st_size)
        let complete = try lengthOfCompleteMembers(path)
        guard complete < total else { return nil }
        let aside = "\(path).incomplete-\(complete)"
        try copy(from: path, offset: complete, to: aside)
        guard truncate(path, off_t(complete)) == 0 else { throw WARCError(.cannotWrite, path: path, errno: errno) }
        return "Moved the \(total - complete) bytes of an incomplete record at offset \(complete) of \(path) to \(aside)."
    }

    /// How many leading bytes of the file are complete gzip members.
    private static func lengthOfCompleteMembers(_ path: String) throws(WARCError) -> Int {
        let file = try ArchiveFile.forReading(path)
        var input: [UInt8] = []
        guard try file.read(appendingTo: &input, count: 64 * 1024) >= 2, input[0] == 0x1f, input[1] == 0x8b else {
            throw WARCError(.cannotWrite, path: path, detail: "it exists but is not gzip-compressed, so records cannot be appended to it")
        }
        let inflater: Inflater
        do {
            inflater = try Inflater(.gzip)
        } catch {
            throw WARCError(.badCompression, path: path, detail: "cannot start zlib: \(error)")
        }
        var scratch = [UInt8](repeating: 0, count: 64 * 1024)
        var position = 0
        var consumedTotal = 0
        var completeEnd = 0
        while true {
            if position == input.count {
                input.removeAll(keepingCapacity: true)
                position = 0
                if try file.read(appendingTo: &input, count: 64 * 1024) == 0 { return completeEnd }
            }
            // Data that is not gzip ends the complete part just as a cut member does.
            guard
                let step = try? input.withUnsafeBytes({ all in
                    try scratch.withUnsafeMutableBytes { try inflater.inflate(from: UnsafeRawBufferPointer(rebasing: all[position...]), into: $0) }
                }),
                step.consumed > 0 || step.produced > 0 || step.memberEnded
            else { return completeEnd }
            position += step.consumed
            consumedTotal += step.consumed
            if step.memberEnded {
                completeEnd = consumedTotal
                inflater.reset()
            }
        }
    }

    private static func copy(from path: String, offset: Int, to destination: String) throws(WARCError) {
        let source = try ArchiveFile.forReading(path)
        try source.seek(to: offset)
        let target = try ArchiveFile.forAppending(destination)
        var chunk: [UInt8] = []
        while try source.read(appendingTo: &chunk, count: 1 << 20) > 0 {
            try target.writeAll(chunk)
            chunk.removeAll(keepingCapacity: true)
        }
        try target.close()
    }
}
