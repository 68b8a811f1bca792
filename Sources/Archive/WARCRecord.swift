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
    /// in base32 SHA-1 or SHA-256; throws `digestMismatch` when one does not match.
    public func verifyDigests() throws(WARCError) {
        if let expected = header("WARC-Block-Digest"), let actual = Self.label(of: block, like: expected),
            actual != expected.uppercased()
        {
            throw WARCError(.digestMismatch, path: path, offset: offset, detail: "WARC-Block-Digest says \(expected) but the block hashes to \(actual)")
        }
        if let expected = header("WARC-Payload-Digest"), let payload = HTTPMessage.payload(ofBlock: block),
            let actual = Self.label(of: payload, like: expected), actual != expected.uppercased()
        {
            throw WARCError(.digestMismatch, path: path, offset: offset, detail: "WARC-Payload-Digest says \(expected) but the payload hashes to \(actual)")
        }
    }

    /// `sha256:` and the base32 SHA-256 of `bytes`, the form warcio writes for SHA-256.
    static func sha256Label(_ bytes: [UInt8]) -> String {
        sha256Label(digest: Digest.sha256(bytes))
    }

    /// `sha256:` and the base32 of a SHA-256 digest already computed.
    static func sha256Label(digest: [UInt8]) -> String {
        "sha256:" + Digest.base32(digest)
    }

    /// The label of `bytes` in upper case, in the algorithm `label` names when it is SHA-1 or
    /// SHA-256 in base32 (as warcio, wget and this writer write them); nil otherwise.
    private static func label(of bytes: [UInt8], like label: String) -> String? {
        let lowered = label.lowercased()
        if lowered.hasPrefix("sha1:") && label.count == 5 + 32 {
            return ("sha1:" + Digest.base32(Digest.sha1(bytes))).uppercased()
        }
        if lowered.hasPrefix("sha256:") && label.count == 7 + 56 {
            return sha256Label(bytes).uppercased()
        }
        return nil
    }

    /// What comes before a record's block as it goes into a file: version line, fields with
    /// `Content-Length` set to `blockCount` (replacing any given), blank line.
    static func head(version: String = "1.1", headers: [HTTPHeader], blockCount: Int) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(512)
        bytes += "WARC/\(version)\r\n".utf8
        for field in headers where !HTTPMessage.isName(field.name, "content-length") {
            HTTPMessage.appendFieldLine(field, to: &bytes)
        }
        bytes += "Content-Length: \(blockCount)\r\n\r\n".utf8
        return bytes
    }

    /// What follows a record's block: two line ends.
    static let end: [UInt8] = [13, 10, 13, 10]
}
