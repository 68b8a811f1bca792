import CZlib

/// Decompresses gzip, zlib or raw deflate data, member after member.
///
/// The corresponding C functions are `inflateInit2`, `inflate`, `inflateReset` and `inflateEnd`.
final class Inflater {
    /// Which wrapper the compressed data has.
    enum Format {
        /// RFC 1952 gzip members, as in `.warc.gz` files and `Content-Encoding: gzip`.
        case gzip
        /// RFC 1950 zlib data, what `Content-Encoding: deflate` means by the letter.
        case zlib
        /// RFC 1951 raw deflate, what many servers send as `Content-Encoding: deflate`.
        case raw

        var windowBits: Int32 {
            switch self {
            case .gzip: 16 + MAX_WBITS
            case .zlib: MAX_WBITS
            case .raw: -MAX_WBITS
            }
        }
    }

    /// What one call of `inflate(from:into:)` did.
    struct Step {
        var consumed: Int
        var produced: Int
        /// The current member (or stream) ended; call `reset()` before feeding the next one.
        var memberEnded: Bool
    }

    /// Owned z_stream; zlib keeps a pointer back to it, so it must not move.
    private let stream: UnsafeMutablePointer<z_stream>

    init(_ format: Format) throws {
        stream = .allocate(capacity: 1)
        stream.initialize(to: z_stream())
        let status = CZlib_inflateInit2(stream, format.windowBits)
        guard status == Z_OK else {
            stream.deallocate()
            throw ZlibFailure(status: status, message: nil)
        }
    }

    deinit {
        inflateEnd(stream)
        stream.deallocate()
    }

    /// Inflates as much of `input` as fits into `output`.
    func inflate(from input: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer) throws -> Step {
        stream.pointee.next_in = UnsafeMutablePointer(mutating: input.baseAddress?.assumingMemoryBound(to: Bytef.self))
        stream.pointee.avail_in = uInt(input.count)
        stream.pointee.next_out = output.baseAddress?.assumingMemoryBound(to: Bytef.self)
        stream.pointee.avail_out = uInt(output.count)
        let status = CZlib.inflate(stream, Z_NO_FLUSH)
        let step = Step(
            consumed: input.count - Int(stream.pointee.avail_in),
            produced: output.count - Int(stream.pointee.avail_out),
            memberEnded: status == Z_STREAM_END)
        stream.pointee.next_in = nil
        stream.pointee.next_out = nil
        // Z_BUF_ERROR only says no progress was possible with the buffers given: more input is needed.
        guard status == Z_OK || status == Z_STREAM_END || status == Z_BUF_ERROR else {
            throw ZlibFailure(status: status, message: stream.pointee.msg.map { String(cString: $0) })
        }
        return step
    }

    /// Gets ready for the next member, keeping the allocated window.
    func reset() {
        inflateReset(stream)
    }

    /// All of `bytes` inflated; for gzip, concatenated members are inflated one after the other.
    static func inflateAll(_ bytes: [UInt8], format: Format) throws -> [UInt8] {
        let inflater = try Inflater(format)
        var result: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        var position = 0
        var ended = false
        while true {
            let step = try bytes.withUnsafeBytes { (all) throws -> Step in
                try chunk.withUnsafeMutableBytes { (out) throws -> Step in
                    try inflater.inflate(from: UnsafeRawBufferPointer(rebasing: all[position...]), into: out)
                }
            }
            position += step.consumed
            result.append(contentsOf: chunk[..<step.produced])
            if step.memberEnded {
                ended = true
                guard format == .gzip, position < bytes.count else { break }
                inflater.reset()
                ended = false
            } else if step.consumed == 0 && step.produced == 0 {
                break
            }
        }
        guard ended else { throw ZlibFailure(status: Z_DATA_ERROR, message: "the compressed data ends early") }
        return result
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
