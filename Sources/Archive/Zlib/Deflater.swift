import CZlib

/// Compresses one WARC record into one complete gzip member.
///
/// One member per record lets a reader start at any record's offset, which is how WARC indexes
/// (CDX) point into a file. The stream is reset, not rebuilt, between records.
final class GzipMemberDeflater {
    /// Owned z_stream; zlib keeps a pointer back to it, so it must not move.
    private let stream: UnsafeMutablePointer<z_stream>
    /// Where members are compressed before being appended to the caller's bytes; kept so that
    /// each member does not allocate and clear a buffer of its own.
    private var scratch: [UInt8] = []

    /// The corresponding C function is `deflateInit2` (through `CZlib_deflateInit2`).
    init() throws {
        stream = .allocate(capacity: 1)
        stream.initialize(to: z_stream())
        // 16 + 15: a gzip wrapper around a 32 KiB window, the largest zlib offers. Level 1: archives
        // are written once per page fetched and read rarely; on HTML it compresses about four times
        // faster than the default level 6 for files some 15-25% larger.
        let status = CZlib_deflateInit2(stream, 1, 16 + MAX_WBITS)
        guard status == Z_OK else {
            stream.deallocate()
            throw ZlibFailure(status: status, message: nil)
        }
    }

    deinit {
        deflateEnd(stream)
        stream.deallocate()
    }

    /// Appends `parts`, one after the other, to `output` as one gzip member: a record's head, its
    /// block in pieces and its end go in without being joined first. The corresponding C functions
    /// are `deflate` and `deflateReset`.
    func appendMember(_ parts: [[UInt8]], to output: inout [UInt8]) throws {
        defer { deflateReset(stream) }
        let total = parts.reduce(0) { $0 + $1.count }
        // Room for the whole member as deflateBound counts it, in a buffer kept from one member to
        // the next; the loop below grows it if feeding the input in pieces ever needs more.
        let bound = Int(deflateBound(stream, uLong(total))) + 64
        if scratch.count < bound { scratch = [UInt8](repeating: 0, count: bound) }
        var produced = 0
        for (number, part) in parts.enumerated() {
            let flush = number == parts.count - 1 ? Z_FINISH : Z_NO_FLUSH
            var status = Z_OK
            part.withUnsafeBufferPointer { input in
                stream.pointee.next_in = UnsafeMutablePointer(mutating: input.baseAddress)
                stream.pointee.avail_in = uInt(input.count)
                repeat {
                    if scratch.count - produced < 64 { scratch.append(contentsOf: [UInt8](repeating: 0, count: scratch.count)) }
                    scratch.withUnsafeMutableBufferPointer { out in
                        stream.pointee.next_out = out.baseAddress.map { $0 + produced }
                        stream.pointee.avail_out = uInt(out.count - produced)
                        status = deflate(stream, flush)
                        produced = out.count - Int(stream.pointee.avail_out)
                    }
                } while status == Z_OK && (stream.pointee.avail_in > 0 || flush == Z_FINISH)
                stream.pointee.next_in = nil
                stream.pointee.next_out = nil
            }
            let done = flush == Z_FINISH ? status == Z_STREAM_END : status == Z_OK || status == Z_BUF_ERROR
            guard done else {
                throw ZlibFailure(status: status, message: stream.pointee.msg.map { String(cString: $0) })
            }
        }
        output.append(contentsOf: scratch[..<produced])
    }
}

/// A zlib call returned an error status.
struct ZlibFailure: Error, Sendable, CustomStringConvertible {
    var status: Int32
    /// zlib's own message (`z_stream.msg`), when it set one.
    var message: String?

    var description: String {
        if let message { return "zlib error \(status) (\(message))" }
        return "zlib error \(status)"
    }
}
