#if canImport(Glibc)
import Glibc
#endif

/// Why an output file could not be written or read.
public struct LoadError: Error, Sendable, CustomStringConvertible {
    /// What went wrong.
    public enum Code: String, Sendable {
        case cannotCreate, cannotWrite, cannotEncode, cannotRead, malformedLine
    }

    public var code: Code
    /// The file concerned.
    public var path: String
    /// The cause: the system's error text or the decoder's complaint.
    public var detail: String

    public init(_ code: Code, path: String, detail: String) {
        self.code = code
        self.path = path
        self.detail = detail
    }

    init(_ code: Code, path: String, errno number: Int32) {
        self.init(code, path: path, detail: String(cString: strerror(number)))
    }

    public var description: String {
        switch code {
        case .cannotCreate: "Cannot create \(path): \(detail)."
        case .cannotWrite: "Cannot write \(path): \(detail)."
        case .cannotEncode: "Cannot encode a record for \(path): \(detail)."
        case .cannotRead: "Cannot read \(path): \(detail)."
        case .malformedLine: "Malformed line in \(path): \(detail)."
        }
    }
}
