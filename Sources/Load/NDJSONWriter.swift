import Foundation
import PipelineModel

#if canImport(Glibc)
import Glibc
#endif

/// Writes one JSON value per line to a file that appears under its final name only when finished.
///
/// Lines go to `NAME.partial` with one `write(2)` call each, so a crash never leaves half a line in
/// a finished file; ``finish()`` flushes to disk and renames the file into place atomically.
public final class NDJSONWriter {
    /// Where the finished file goes.
    public let url: URL
    /// Where lines go until ``finish()``.
    public let partialURL: URL
    private var descriptor: Int32
    private let encoder = NDJSON.encoder()
    /// Lines written so far.
    public private(set) var count = 0

    /// Creates `url.partial`, or with `append` continues the lines an interrupted run left in it
    /// (trim them first with ``PartialFile/trim(_:keep:)``); fails if the folder cannot be written.
    public init(url: URL, append: Bool = false) throws(LoadError) {
        self.url = url
        self.partialURL = url.appendingPathExtension("partial")
        let truncate = append ? 0 : O_TRUNC
        descriptor = open(partialURL.path, O_WRONLY | O_CREAT | truncate | O_APPEND | O_CLOEXEC, 0o644)
        if descriptor < 0 {
            throw LoadError(.cannotCreate, path: partialURL.path, errno: errno)
        }
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
    }

    /// Encodes `value` as one line and appends it.
    public func write(_ value: some Encodable) throws(LoadError) {
        var line: Data
        do {
            line = try encoder.encode(value)
        } catch {
            throw LoadError(.cannotEncode, path: url.path, detail: String(describing: error))
        }
        line.append(0x0A)
        try writeLine(line)
    }

    /// Appends raw bytes that already form whole lines, each ending in a newline (see ``JSONLine``),
    /// with one `write`; `lines` says how many there are.
    public func writeLine(_ line: some ContiguousBytes, lines: Int = 1) throws(LoadError) {
        let written = line.withUnsafeBytes { raw -> Int in
            guard let base = raw.baseAddress else { return 0 }
            var offset = 0
            while offset < raw.count {
                let n = Glibc.write(descriptor, base + offset, raw.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    return -1
                }
                offset += n
            }
            return offset
        }
        if written < 0 {
            throw LoadError(.cannotWrite, path: partialURL.path, errno: errno)
        }
        count += lines
    }

    /// Flushes the lines to disk and moves the file to its final name.
    public func finish() throws(LoadError) {
        guard descriptor >= 0 else { return }
        let failedSync = fsync(descriptor) != 0
        close(descriptor)
        descriptor = -1
        if failedSync {
            throw LoadError(.cannotWrite, path: partialURL.path, errno: errno)
        }
        if rename(partialURL.path, url.path) != 0 {
            throw LoadError(.cannotWrite, path: url.path, errno: errno)
        }
    }
}

/// JSON settings shared by every output file, so that the same input always gives the same bytes.
public enum NDJSON {
    /// An encoder with sorted keys and unescaped slashes.
    public static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    /// Encodes one value as a line of JSON without the newline.
    public static func line(_ value: some Encodable) -> String? {
        guard let data = try? encoder().encode(value) else { return nil }
        return String(decoding: data, as: UTF8.self)
    }
}
