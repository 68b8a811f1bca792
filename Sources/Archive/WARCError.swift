#if canImport(Glibc)
import Glibc
#endif

/// Why a WARC file could not be written or read, or a record could not be decoded.
public struct WARCError: Error, Sendable, CustomStringConvertible {
    /// What went wrong.
    public enum Code: String, Sendable {
        case cannotCreate, cannotWrite, cannotRead, malformedRecord, truncated, badCompression
        case notAResponse, malformedHTTP, digestMismatch
    }

    public var code: Code
    /// The WARC file concerned.
    public var path: String
    /// The byte offset in the file where the failing record (its gzip member, for `.warc.gz`) starts.
    public var offset: Int?
    /// The cause: the system's error text, zlib's message or what the parser expected.
    public var detail: String

    /// An error about `path`; `offset` names the record when one is at fault.
    public init(_ code: Code, path: String, offset: Int? = nil, detail: String) {
        self.code = code
        self.path = path
        self.offset = offset
        self.detail = detail
    }

    init(_ code: Code, path: String, errno number: Int32) {
        self.init(code, path: path, detail: String(cString: strerror(number)))
    }

    private var place: String { offset.map { "\(path) at offset \($0)" } ?? path }

    /// One sentence naming the file (and offset) and the cause.
    public var description: String {
        switch code {
        case .cannotCreate: "Cannot create \(path): \(detail)."
        case .cannotWrite: "Cannot write \(path): \(detail)."
        case .cannotRead: "Cannot read \(path): \(detail)."
        case .malformedRecord: "Malformed WARC record in \(place): \(detail)."
        case .truncated: "The WARC file \(place) is cut short: \(detail)."
        case .badCompression: "Cannot decompress \(place): \(detail)."
        case .notAResponse: "The record in \(place) is not an HTTP response: \(detail)."
        case .malformedHTTP: "Malformed HTTP message in the record in \(place): \(detail)."
        case .digestMismatch: "Digest mismatch in the record in \(place): \(detail)."
        }
    }
}
