import CZlib

/// Compresses one WARC record into one complete gzip member.
///
/// One member per record lets a reader start at any record's offset, which is how WARC indexes
/// (CDX) point into a file. The stream is reset, not rebuilt, between records.
final class GzipMemberDeflater {
    /// Owned z_stream; zlib keeps a pointer back to it, so it must not move.
    private let stream: UnsafeMutablePointer<z_stream>

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

    /// `bytes` as one gzip member. The corresponding C functions are `deflate` and `deflateReset`.
    func member(_ bytes: [UInt8]) throws -> [UInt8] {
        defer { deflateReset(stream) }
        var output = [UInt8](repeating: 0, count: Int(deflateBound(stream, uLong(bytes.count))) + 32)
        let result: (status: Int32, produced: Int) = bytes.withUnsafeBufferPointer { input in
            output.withUnsafeMutableBufferPointer { out in
                stream.pointee.next_in = UnsafeMutablePointer(mutating: input.baseAddress)
                stream.pointee.avail_in = uInt(input.count)
                stream.pointee.next_out = out.baseAddress
                stream.pointee.avail_out = uInt(out.count)
                let status = deflate(stream, Z_FINISH)
                let produced = out.count - Int(stream.pointee.avail_out)
                stream.pointee.next_in = nil
                stream.pointee.next_out = nil
                return (status, produced)
            }
        }
        // deflateBound guarantees room for a single Z_FINISH call, so anything but the end of
        // the stream is a zlib failure, not a short buffer.
        guard result.status == Z_STREAM_END else {
            throw ZlibFailure(status: result.status, message: stream.pointee.msg.map { String(cString: $0) })
        }
        output.removeSubrange(result.produced...)
        return output
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
