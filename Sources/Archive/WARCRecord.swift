import Digests
import PipelineModel

/// One WARC record: its named fields and its block, as stored.
public struct WARCRecord: Sendable {
    /// The `WARC-Type` field: `warcinfo`, `request`, `response`, `resource`, `revisit`, `metadata`…
    public var type: String
    /// The version line without the `WARC/` prefix, such as `1.1`.
    public var version: String
    /// The named fields in file order, `WARC-Type` and `Content-Length` included.
    public var headers: [HTTPHeader]
    /// The record block, `Content-Length` bytes.
    public var block: [UInt8]
    /// The file the record was read from (empty for a record built in memory).
    public var path: String
    /// Where the record starts in that file: the offset of its gzip member for `.warc.gz`.
    public var offset: Int

    /// A record with these fields and block; `path` and `offset` say where it was read from.
    public init(type: String, version: String = "1.1", headers: [HTTPHeader], block: [UInt8], path: String = "", offset: Int = 0) {
        self.type = type
        self.version = version
        self.headers = headers
        self.block = block
        self.path = path
        self.offset = offset
    }

    /// The value of the first field with this name, compared case-insensitively.
    public func header(_ name: String) -> String? {
        let wanted = name.lowercased()
        return headers.first { $0.name.lowercased() == wanted }?.value
    }

    /// The `WARC-Record-ID`, with its angle brackets.
    public var recordID: String? { header("WARC-Record-ID") }

    /// The `WARC-Target-URI`.
    public var targetURI: String? { header("WARC-Target-URI") }

    /// Checks `WARC-Block-Digest` and, for HTTP records, `WARC-Payload-Digest` when present and
    /// in SHA-1; throws `digestMismatch` when one does not match.
    public func verifyDigests() throws(WARCError) {
        if let expected = header("WARC-Block-Digest"), let actual = Self.sha1Label(of: block, like: expected),
            actual != expected.uppercased()
        {
            throw WARCError(.digestMismatch, path: path, offset: offset, detail: "WARC-Block-Digest says \(expected) but the block hashes to \(actual)")
        }
        if let expected = header("WARC-Payload-Digest"), let payload = HTTPMessage.payload(ofBlock: block),
            let actual = Self.sha1Label(of: payload, like: expected), actual != expected.uppercased()
        {
            throw WARCError(.digestMismatch, path: path, offset: offset, detail: "WARC-Payload-Digest says \(expected) but the payload hashes to \(actual)")
        }
    }

    /// `sha1:` and the base32 SHA-1 of `bytes`, the form warcio and wget write.
    static func sha1Label(_ bytes: [UInt8]) -> String {
        sha1Label(digest: Digest.sha1(bytes))
    }

    /// `sha1:` and the base32 of a SHA-1 digest already computed.
    static func sha1Label(digest: [UInt8]) -> String {
        "sha1:" + Digest.base32(digest)
    }

    /// The SHA-1 label in upper case when `label` names SHA-1 in base32; nil for other algorithms.
    private static func sha1Label(of bytes: [UInt8], like label: String) -> String? {
        guard label.lowercased().hasPrefix("sha1:"), label.count == 37 else { return nil }
        return sha1Label(bytes).uppercased()
    }

    /// What comes before a record's block as it goes into a file: version line, fields with
    /// `Content-Length` set to `blockCount` (replacing any given), blank line.
    static func head(version: String = "1.1", headers: [HTTPHeader], blockCount: Int) -> [UInt8] {
        var text = "WARC/\(version)\r\n"
        for field in headers where field.name.lowercased() != "content-length" {
            text += HTTPMessage.fieldLine(field)
        }
        text += "Content-Length: \(blockCount)\r\n\r\n"
        return Array(text.utf8)
    }

    /// What follows a record's block: two line ends.
    static let end: [UInt8] = [13, 10, 13, 10]
}
