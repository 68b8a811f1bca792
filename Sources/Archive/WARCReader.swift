import PipelineModel

/// Reads WARC records one at a time from a `.warc.gz` (one or many gzip members) or a plain `.warc`.
///
/// Memory stays bounded by the largest record plus a 64 KiB read buffer. Malformed or cut-short
/// input throws a `WARCError` naming the file and the offset of the failing record.
public final class WARCReader {
    /// The file being read.
    public let path: String
    private let stream: DecodedStream
    /// Records whose headers or block claim more than this are refused as malformed.
    private let maxRecordBytes: Int

    /// Opens `path`; gzip is recognised by its magic bytes, not by the file name.
    ///
    /// - Parameters:
    ///   - offset: where to start reading: the start of a record, for a `.warc.gz` the start of
    ///     its gzip member, such as ``WARCRecord/offset`` or what ``WARCWriter/append(_:)`` returned.
    ///   - maxRecordBytes: the largest record accepted, a guard against a corrupt
    ///     `Content-Length` asking for all memory.
    public init(path: String, offset: Int = 0, maxRecordBytes: Int = 1 << 30) throws(WARCError) {
        self.path = path
        self.maxRecordBytes = maxRecordBytes
        let file = try ArchiveFile.forReading(path)
        if offset > 0 { try file.seek(to: offset) }
        stream = try DecodedStream(file: file, start: offset)
    }

    /// The next record, or nil at the end of the file.
    public func next() throws(WARCError) -> WARCRecord? {
        // Tolerate extra line ends between records, which some writers leave.
        while true {
            guard let byte = try stream.peek() else { return nil }
            guard byte == 13 || byte == 10 else { break }
            stream.consume(1)
        }
        let offset = stream.fileOffset(ofDecoded: stream.position)
        let fail = { (detail: String) in WARCError(.malformedRecord, path: self.path, offset: offset, detail: detail) }
        let cut = { (detail: String) in WARCError(.truncated, path: self.path, offset: offset, detail: detail) }

        guard let versionLine = try stream.readLine(limit: 64) else { throw cut("the file ends inside the version line") }
        guard versionLine.hasPrefix("WARC/") else {
            let shown = versionLine.prefix(40)
            let printable = shown.unicodeScalars.allSatisfy { $0.isASCII && $0.value >= 32 && $0.value < 127 }
            throw fail("expected a WARC/1.x version line, found " + (printable ? "\"\(shown)\"" : "binary data"))
        }
        var lines: [String] = []
        var headerBytes = 0
        while true {
            guard let line = try stream.readLine(limit: 64 * 1024) else { throw cut("the file ends inside the record headers") }
            if line.isEmpty { break }
            headerBytes += line.utf8.count
            guard headerBytes <= 1 << 20 else { throw fail("the record headers are longer than 1 MiB") }
            lines.append(line)
        }
        let headers = HTTPMessage.parseFields(lines)
        let record = WARCRecord(type: "", version: String(versionLine.dropFirst(5)), headers: headers, block: [], path: path, offset: offset)
        guard let lengthText = record.header("Content-Length"), let length = Int(lengthText), length >= 0 else {
            throw fail("the Content-Length field is missing or not a number")
        }
        guard length <= maxRecordBytes else { throw fail("Content-Length \(length) is over the limit of \(maxRecordBytes) bytes") }
        guard let type = record.header("WARC-Type") else { throw fail("the WARC-Type field is missing") }
        guard let block = try stream.read(count: length) else {
            throw cut("the block is shorter than its Content-Length of \(length) bytes")
        }
        for expected: UInt8 in [13, 10, 13, 10] {
            guard let byte = try stream.peek() else { throw cut("the record does not end with two line ends") }
            guard byte == expected else {
                throw fail("the block does not end after its Content-Length of \(length) bytes")
            }
            stream.consume(1)
        }
        return WARCRecord(type: type, version: record.version, headers: headers, block: block, path: path, offset: offset)
    }

    /// All remaining records; for tests and small files.
    public func readAll() throws(WARCError) -> [WARCRecord] {
        var records: [WARCRecord] = []
        while let record = try next() { records.append(record) }
        return records
    }
}

/// The bytes of a WARC file after gzip decoding, buffered, with the file offset of each gzip member.
private final class DecodedStream {
    private let file: ArchiveFile
    /// Nil for a plain file.
    private let inflater: Inflater?
    /// Compressed bytes read from the file and not yet inflated.
    private var input: [UInt8] = []
    private var inputPosition = 0
    /// File offset of `input[inputPosition]`.
    private var fileOffset: Int
    /// File offset of the first byte read.
    private let start: Int
    private var fileEnded = false
    /// Whether the inflater is inside a member that has not ended yet.
    private var inMember = false
    /// Decoded bytes not yet consumed start at `buffer[bufferPosition]`.
    private var buffer: [UInt8] = []
    private var bufferPosition = 0
    /// Decoded offset of `buffer[0]`.
    private var bufferBase = 0
    /// (decoded offset, file offset) where each gzip member starts, oldest first; trimmed as records pass.
    private var memberStarts: [(decoded: Int, file: Int)]
    /// Where zlib writes before the bytes join `buffer`; reused because zeroing it costs.
    private var inflated = [UInt8](repeating: 0, count: chunk)

    private static let chunk = 64 * 1024

    /// Reads `file` from its current position, which is the file offset `start`.
    init(file: ArchiveFile, start: Int) throws(WARCError) {
        self.file = file
        self.start = start
        fileOffset = start
        memberStarts = [(0, start)]
        _ = try file.read(appendingTo: &input, count: Self.chunk)
        if input.count >= 2 && input[0] == 0x1f && input[1] == 0x8b {
            do {
                inflater = try Inflater(.gzip)
            } catch {
                throw WARCError(.badCompression, path: file.path, detail: "cannot start zlib: \(error)")
            }
        } else {
            inflater = nil
            buffer = input
            fileOffset = start + input.count
            input = []
        }
    }

    /// Decoded offset of the next unconsumed byte.
    var position: Int { bufferBase + bufferPosition }

    /// The file offset where the gzip member holding decoded offset `decoded` starts (for a plain
    /// file, `decoded` itself). Forgets members before it: records are read forwards.
    func fileOffset(ofDecoded decoded: Int) -> Int {
        guard inflater != nil else { return start + decoded }
        while memberStarts.count > 1 && memberStarts[1].decoded <= decoded { memberStarts.removeFirst() }
        return memberStarts[0].file
    }

    /// The next byte without consuming it; nil at the end of the file.
    func peek() throws(WARCError) -> UInt8? {
        if bufferPosition == buffer.count { guard try fill() else { return nil } }
        return buffer[bufferPosition]
    }

    func consume(_ count: Int) {
        bufferPosition += count
    }

    /// A line without its CR LF (or bare LF); nil when the file ends first. Throws when the line
    /// is longer than `limit`, which is what garbage without line ends looks like.
    func readLine(limit: Int) throws(WARCError) -> String? {
        var searchFrom = bufferPosition
        while true {
            if let newline = buffer[searchFrom...].firstIndex(of: 10) {
                var end = newline
                if end > bufferPosition && buffer[end - 1] == 13 { end -= 1 }
                let line = String(decoding: buffer[bufferPosition..<end], as: UTF8.self)
                bufferPosition = newline + 1
                return line
            }
            guard buffer.count - bufferPosition <= limit else {
                throw WARCError(.malformedRecord, path: file.path, offset: fileOffset(ofDecoded: position), detail: "a line of the record headers is longer than \(limit) bytes")
            }
            let before = buffer.count - bufferPosition
            guard try fill() else { return nil }
            searchFrom = bufferPosition + before
        }
    }

    /// Exactly `count` bytes, or nil when the file ends first.
    func read(count: Int) throws(WARCError) -> [UInt8]? {
        while buffer.count - bufferPosition < count {
            guard try fill() else { return nil }
        }
        let bytes = Array(buffer[bufferPosition..<(bufferPosition + count)])
        bufferPosition += count
        return bytes
    }

    /// Appends more decoded bytes to the buffer; false at the end of the file.
    private func fill() throws(WARCError) -> Bool {
        // Drop what was consumed so the buffer holds at most one record and a chunk.
        if bufferPosition > 0 {
            bufferBase += bufferPosition
            buffer.removeSubrange(..<bufferPosition)
            bufferPosition = 0
        }
        guard let inflater else {
            let count = try file.read(appendingTo: &buffer, count: Self.chunk)
            fileOffset += count
            return count > 0
        }
        while true {
            if inputPosition == input.count && !fileEnded {
                input.removeAll(keepingCapacity: true)
                inputPosition = 0
                if try file.read(appendingTo: &input, count: Self.chunk) == 0 { fileEnded = true }
            }
            if inputPosition == input.count && fileEnded {
                guard !inMember else {
                    throw WARCError(.truncated, path: file.path, offset: memberStarts.last?.file, detail: "the file ends inside a gzip member")
                }
                return false
            }
            let step: Inflater.Step
            do {
                step = try input.withUnsafeBytes { (all) throws -> Inflater.Step in
                    try inflated.withUnsafeMutableBytes { (out) throws -> Inflater.Step in
                        try inflater.inflate(from: UnsafeRawBufferPointer(rebasing: all[inputPosition...]), into: out)
                    }
                }
            } catch {
                let memberStart = inMember ? (memberStarts.last?.file ?? fileOffset) : fileOffset
                throw WARCError(.badCompression, path: file.path, offset: memberStart, detail: "the data is not valid gzip: \(error)")
            }
            buffer.append(contentsOf: inflated[..<step.produced])
            inputPosition += step.consumed
            fileOffset += step.consumed
            guard step.consumed > 0 || step.produced > 0 || step.memberEnded else {
                throw WARCError(.badCompression, path: file.path, offset: fileOffset, detail: "zlib makes no progress on the data")
            }
            inMember = true
            if step.memberEnded {
                inflater.reset()
                inMember = false
                memberStarts.append((decoded: bufferBase + buffer.count, file: fileOffset))
            }
            if step.produced > 0 { return true }
        }
    }
}
