import Foundation
import PipelineModel

#if canImport(Glibc)
import Glibc
#endif

/// One usable line of a seeds file: a URL to fetch, or a line that is not a URL we can fetch.
public enum SeedLine: Sendable {
    case valid(Seed)
    case invalid(Failure)

    /// The seed either way.
    public var seed: Seed {
        switch self {
        case .valid(let seed): seed
        case .invalid(let failure): failure.seed
        }
    }
}

/// Reads a seeds file line by line: one URL per line, blank lines and `#` comments ignored.
///
/// Every other line gets the next index, so an invalid line is reported in its place.
public final class SeedReader {
    /// The seeds file.
    public let path: String
    private let file: UnsafeMutablePointer<FILE>
    private var buffer: UnsafeMutablePointer<CChar>?
    private var capacity = 0
    private var lineNumber = 0
    private var nextIndex = 0

    /// Opens the seeds file; fails with a sentence naming the file and the reason.
    public init(path: String) throws(StageError) {
        self.path = path
        guard let file = fopen(path, "r") else {
            throw StageError("Cannot read the seeds file \(path): \(String(cString: strerror(errno))).")
        }
        self.file = file
    }

    deinit {
        free(buffer)
        fclose(file)
    }

    /// The next seed line, nil at the end of the file.
    public func next() -> SeedLine? {
        while true {
            let length = getline(&buffer, &capacity, file)
            guard length >= 0, let buffer else { return nil }
            lineNumber += 1
            let line = Self.trimmed(UnsafeRawBufferPointer(start: buffer, count: length))
            if line.isEmpty || line.hasPrefix("#") { continue }
            let seed = Seed(index: nextIndex, url: line)
            nextIndex += 1
            if let reason = SeedReader.problem(with: line) {
                let message = "Line \(lineNumber) of \(path) is not a URL the pipeline can fetch: \(reason)."
                return .invalid(Failure(seed: seed, stage: .seeds, error: "invalid_seed", message: message))
            }
            return .valid(seed)
        }
    }

    /// The line without the white space around it. ASCII white space, all that most lines have, is
    /// cut from the bytes; Foundation, which took half the seed reader's time when it trimmed every
    /// line, trims only lines that begin or end with other bytes, such as a no-break space.
    static func trimmed(_ bytes: UnsafeRawBufferPointer) -> String {
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) }
        var start = 0
        var end = bytes.count
        while start < end && isSpace(bytes[start]) { start += 1 }
        while end > start && isSpace(bytes[end - 1]) { end -= 1 }
        let kept = UnsafeRawBufferPointer(rebasing: bytes[start..<end])
        let text = String(decoding: kept, as: UTF8.self)
        guard let first = kept.first, let last = kept.last, first >= 0x80 || last >= 0x80 else { return text }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Counts the seeds in a file without keeping them, for the progress line.
    public static func count(path: String) -> Int? {
        guard let reader = try? SeedReader(path: path) else { return nil }
        var count = 0
        while reader.next() != nil { count += 1 }
        return count
    }

    /// Why a line is not a fetchable URL, or nil if it is one.
    static func problem(with line: String) -> String? {
        // On the UTF-8 bytes: walking Characters cost as much as parsing the URL.
        if line.utf8.contains(where: { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }) { return "it contains white space" }
        guard let components = URLComponents(string: line), let scheme = components.scheme?.lowercased() else {
            return "it has no scheme such as https://"
        }
        switch scheme {
        case "http", "https":
            if (components.host ?? "").isEmpty { return "it has no host name" }
            return nil
        case "file":
            if components.path.isEmpty { return "it has no path" }
            return nil
        default:
            return "the scheme '\(scheme)' is not http, https or file"
        }
    }
}
