import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns a page's bytes into UTF-8 in the charset chosen by ``CharsetDetector``.
///
/// Bytes that are invalid in that charset become U+FFFD, so a wrong declaration never stops extraction.
enum TextDecoder {
    /// True if `charset` (a canonical name) can be decoded here.
    static func supports(_ charset: String) -> Bool {
        if isBuiltIn(charset) { return true }
        let converter = iconv_open("UTF-8", charset)
        guard converter != iconv_t(bitPattern: -1) else { return false }
        iconv_close(converter)
        return true
    }

    /// The UTF-8 bytes of `body` decoded as `charset`, after skipping `skip` bytes of byte-order mark.
    static func decode(_ body: [UInt8], charset: String, skip: Int = 0) -> [UInt8] {
        let input = body[min(skip, body.count)...]
        switch charset {
        case "utf-8":
            // Valid bytes (nearly every page) are used as they are, without a copy for the check.
            if input.withUnsafeBufferPointer(CharsetDetector.isValidUTF8) { return skip == 0 ? body : Array(input) }
            return Array(String(decoding: input, as: UTF8.self).utf8)
        case "windows-1252", "iso-8859-1", "us-ascii":
            // Browsers decode all three as windows-1252 (HTML standard), which only adds printable
            // characters in 0x80...0x9F where ISO-8859-1 has unused control codes.
            return decodeWindows1252(input)
        default:
            return decodeWithIconv(input, charset: charset) ?? decodeWindows1252(input)
        }
    }

    private static func isBuiltIn(_ charset: String) -> Bool {
        ["utf-8", "windows-1252", "iso-8859-1", "us-ascii"].contains(charset)
    }

    /// windows-1252's characters for 0x80...0x9F; the other bytes map to the same code point.
    private static let windows1252High: [UInt32] = [
        0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD,
        0x017D, 0xFFFD, 0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A,
        0x0153, 0xFFFD, 0x017E, 0x0178,
    ]

    /// The UTF-8 bytes of each byte 0x80...0xFF in windows-1252.
    private static let windows1252HighUTF8: [[UInt8]] = (0x80...0xFF).map { byte in
        let value = byte <= 0x9F ? windows1252High[byte - 0x80] : UInt32(byte)
        return Array(String(Unicode.Scalar(value) ?? "\u{FFFD}").utf8)
    }

    /// ASCII bytes are copied as they are, the others written from a table: a page in the wrong charset
    /// can be megabytes long, and a string built scalar by scalar costs some 500 instructions a byte.
    private static func decodeWindows1252(_ input: ArraySlice<UInt8>) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(input.count + input.count / 4)
        for byte in input {
            if byte < 0x80 {
                output.append(byte)
            } else {
                output.append(contentsOf: windows1252HighUTF8[Int(byte - 0x80)])
            }
        }
        return output
    }

    /// Decodes with the C library's iconv, replacing each undecodable byte by U+FFFD; nil if iconv
    /// does not know the charset.
    private static func decodeWithIconv(_ input: ArraySlice<UInt8>, charset: String) -> [UInt8]? {
        let converter = iconv_open("UTF-8", charset)
        guard converter != iconv_t(bitPattern: -1) else { return nil }
        defer { iconv_close(converter) }
        var output: [UInt8] = []
        output.reserveCapacity(input.count * 2)
        var source = Array(input)
        let replacement: [UInt8] = [0xEF, 0xBF, 0xBD]
        let chunkSize = 64 * 1024
        var chunk = [UInt8](repeating: 0, count: chunkSize)
        source.withUnsafeMutableBufferPointer { sourceBuffer in
            guard let sourceBase = sourceBuffer.baseAddress else { return }
            var inPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(sourceBase)
                .assumingMemoryBound(to: CChar.self)
            var inLeft = sourceBuffer.count
            while inLeft > 0 {
                let (result, produced, failure) = chunk.withUnsafeMutableBufferPointer { chunkBuffer -> (Int, Int, Int32) in
                    var outPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(chunkBuffer.baseAddress)?
                        .assumingMemoryBound(to: CChar.self)
                    var outLeft = chunkSize
                    let result = iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft)
                    return (result, chunkSize - outLeft, errno)
                }
                output.append(contentsOf: chunk[0..<produced])
                if result == -1 {
                    if failure == E2BIG { continue }
                    // EILSEQ or EINVAL: an invalid or truncated sequence. Replace one byte and go on.
                    output.append(contentsOf: replacement)
                    inPointer = inPointer.map { $0 + 1 }
                    inLeft -= 1
                }
            }
        }
        return output
    }
}
