import CLibDeflate

/// Compresses one WARC record into one complete gzip member, with libdeflate.
///
/// One member per record lets a reader start at any record's offset, which is how WARC indexes
/// (CDX) point into a file. libdeflate compresses a whole buffer in one call; on real HTML pages it
/// is about twice as fast as zlib's streaming `deflate` at level 1, and compressing was most of the
/// CPU that archiving a page took.
final class GzipMemberDeflater {
    private let compressor: OpaquePointer
    /// The record's pieces joined, then the member compressed: kept from one record to the next
    /// so that each record does not allocate and clear buffers of its own.
    private var input: [UInt8] = []
    private var output: [UInt8] = []

    /// The corresponding C function is `libdeflate_alloc_compressor`.
    init() throws(CompressionFailure) {
        // Level 1: archives are written once per page fetched and read rarely.
        guard let compressor = libdeflate_alloc_compressor(1) else {
            throw CompressionFailure(description: "libdeflate cannot allocate a compressor")
        }
        self.compressor = compressor
    }

    deinit {
        libdeflate_free_compressor(compressor)
    }

    /// Appends `parts`, one after the other, to `bytes` as one gzip member. The corresponding C
    /// functions are `libdeflate_gzip_compress_bound` and `libdeflate_gzip_compress`.
    func appendMember(_ parts: [[UInt8]], to bytes: inout [UInt8]) throws(CompressionFailure) {
        input.removeAll(keepingCapacity: true)
        for part in parts { input += part }
        let bound = libdeflate_gzip_compress_bound(compressor, input.count)
        if output.count < bound { output = [UInt8](repeating: 0, count: bound) }
        let produced = input.withUnsafeBytes { input in
            output.withUnsafeMutableBytes { out in
                libdeflate_gzip_compress(compressor, input.baseAddress, input.count, out.baseAddress, out.count)
            }
        }
        // Only a buffer smaller than the bound can make it fail.
        guard produced > 0 else {
            throw CompressionFailure(description: "libdeflate found no room for \(input.count) bytes in \(output.count)")
        }
        bytes.append(contentsOf: output[..<produced])
    }
}

/// Compressing a record failed.
struct CompressionFailure: Error, Sendable, CustomStringConvertible {
    var description: String
}
