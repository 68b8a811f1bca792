import CISAL

/// Compresses one WARC record into one complete gzip member, with ISA-L's igzip at level 1, or
/// with deflate's fixed Huffman code when the record is small.
///
/// One member per record lets a reader start at any record's offset, which is how WARC indexes
/// (CDX) point into a file. igzip compresses a whole buffer in one call; on HTML it is two to three
/// times as fast as libdeflate's level 1 (files 3 to 8 % larger), and compressing was the largest
/// part of the CPU that archiving a page took.
final class GzipMemberDeflater {
    /// Records below this size use the fixed code: level 1 fits codes to each input, at a cost
    /// that does not shrink with it (14 µs for a 556-byte request record, 3 µs with the fixed code,
    /// which makes it 469 bytes instead of 404).
    static let fittedCodesFrom = 2048

    /// ISA-L's work area (hash table and the like); its contents matter only within one call.
    private var levelBuffer: [UInt8]
    /// The record's pieces joined, then the member compressed: kept from one record to the next
    /// so that each record does not allocate and clear buffers of its own.
    private var input: [UInt8] = []
    private var output: [UInt8] = []

    init() {
        levelBuffer = [UInt8](repeating: 0, count: CISAL_level1_buffer_size())
    }

    /// Appends `parts`, one after the other, to `bytes` as one gzip member. The corresponding C
    /// function is `isal_deflate_stateless`.
    func appendMember(_ parts: [[UInt8]], to bytes: inout [UInt8]) throws(CompressionFailure) {
        input.removeAll(keepingCapacity: true)
        for part in parts { input += part }
        // Room for stored blocks and the gzip frame, which is all that incompressible bytes need;
        // should the estimate be short, a larger buffer is tried.
        var capacity = input.count + input.count / 8 + 1024
        while true {
            if output.count < capacity { output = [UInt8](repeating: 0, count: capacity) }
            var produced = 0
            let fitted = input.count >= Self.fittedCodesFrom
            let status = input.withUnsafeBytes { input in
                output.withUnsafeMutableBytes { out in
                    levelBuffer.withUnsafeMutableBytes { level in
                        CISAL_gzip_member(
                            input.baseAddress, input.count, out.baseAddress, out.count, fitted ? level.baseAddress : nil,
                            fitted ? level.count : 0, &produced)
                    }
                }
            }
            switch status {
            case 0:
                bytes.append(contentsOf: output[..<produced])
                return
            case 1 where capacity < 2 * input.count + 65_536:
                capacity *= 2
            default:
                throw CompressionFailure(description: "ISA-L could not compress \(input.count) bytes (status \(status))")
            }
        }
    }
}

/// Compressing a record failed.
struct CompressionFailure: Error, Sendable, CustomStringConvertible {
    var description: String
}
