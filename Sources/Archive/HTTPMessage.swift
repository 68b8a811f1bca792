import Foundation
import PipelineModel

/// An HTTP response taken back out of a `response` record, body decoded.
public struct ArchivedResponse: Sendable {
    /// The `WARC-Target-URI` of the record.
    public var targetURI: String
    /// The `WARC-Date` of the record, nil when it is missing or unreadable.
    public var date: Date?
    /// The HTTP status code.
    public var httpStatus: Int
    /// The HTTP headers as recorded, in order (`Content-Encoding` and `Transfer-Encoding` kept).
    public var httpHeaders: [HTTPHeader]
    /// The body with chunked transfer coding and gzip or deflate content coding undone.
    ///
    /// A body in another content coding (`br`, `zstd`) is returned as stored; its
    /// `Content-Encoding` header says so.
    public var body: [UInt8]

    /// Decodes the HTTP message in a `response` record.
    public init(_ record: WARCRecord) throws(WARCError) {
        guard record.type == "response" else {
            throw WARCError(.notAResponse, path: record.path, offset: record.offset, detail: "its WARC-Type is \(record.type)")
        }
        let fail = { (detail: String) in WARCError(.malformedHTTP, path: record.path, offset: record.offset, detail: detail) }
        guard let head = HTTPMessage.head(ofBlock: record.block) else {
            throw fail("no blank line ends the HTTP headers")
        }
        let statusParts = head.startLine.split(separator: " ", maxSplits: 2)
        guard statusParts.count >= 2, statusParts[0].hasPrefix("HTTP/"), let status = Int(statusParts[1]) else {
            throw fail("the status line \"\(head.startLine.prefix(80))\" is not HTTP/x.y NNN")
        }
        var body = Array(record.block[head.bodyStart...])
        let headers = head.headers
        func values(_ name: String) -> [String] {
            headers.filter { $0.name.lowercased() == name }
                .flatMap { $0.value.split(separator: ",") }
                .map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
                .filter { !$0.isEmpty }
        }
        if values("transfer-encoding").contains("chunked") {
            guard let dechunked = HTTPMessage.dechunked(body) else { throw fail("the chunked body is malformed") }
            body = dechunked
        }
        // Codings are listed in the order they were applied, so undo them from the last; an
        // unsupported one stops the decoding there and the body keeps it and those before it.
        codings: for coding in values("content-encoding").reversed() {
            do {
                switch coding {
                case "gzip", "x-gzip": body = try Inflater.inflateAll(body, format: .gzip)
                case "deflate":
                    let zlib = try? Inflater.inflateAll(body, format: .zlib)
                    body = try zlib ?? Inflater.inflateAll(body, format: .raw)
                case "identity": continue
                default: break codings
                }
            } catch {
                throw WARCError(.badCompression, path: record.path, offset: record.offset, detail: "the \(coding) body: \(error)")
            }
        }
        self.targetURI = record.targetURI ?? ""
        self.date = record.header("WARC-Date").flatMap(WARCDate.parse)
        self.httpStatus = status
        self.httpHeaders = headers
        self.body = body
    }
}

/// Building and splitting the HTTP messages that `request` and `response` blocks hold.
public enum HTTPMessage {
    /// Start line, headers and where the body starts.
    struct Head {
        var startLine: String
        var headers: [HTTPHeader]
        var bodyStart: Int
    }

    /// Splits the header section off an HTTP block; nil when no blank line ends it.
    /// Accepts bare LF line ends, which some tools write.
    static func head(ofBlock block: [UInt8]) -> Head? {
        var lines: [String] = []
        var lineStart = 0
        var index = 0
        while index < block.count {
            if block[index] == 10 {
                var end = index
                if end > lineStart && block[end - 1] == 13 { end -= 1 }
                if end == lineStart {
                    guard let startLine = lines.first else { return nil }
                    return Head(startLine: startLine, headers: parseFields(lines.dropFirst()), bodyStart: index + 1)
                }
                lines.append(String(decoding: block[lineStart..<end], as: UTF8.self))
                lineStart = index + 1
            }
            index += 1
        }
        return nil
    }

    /// The payload of an HTTP block: what follows the header section; nil when there is none.
    static func payload(ofBlock block: [UInt8]) -> [UInt8]? {
        head(ofBlock: block).map { Array(block[$0.bodyStart...]) }
    }

    /// `Name: value` lines into fields; a line starting with space or tab continues the previous one.
    static func parseFields<Lines: Sequence<String>>(_ lines: Lines) -> [HTTPHeader] {
        var fields: [HTTPHeader] = []
        for line in lines {
            if let first = line.first, first == " " || first == "\t", !fields.isEmpty {
                fields[fields.count - 1].value += " " + line.trimmingCharacters(in: .whitespaces)
                continue
            }
            guard let colon = line.firstIndex(of: ":") else { continue }
            fields.append(HTTPHeader(
                name: String(line[..<colon]).trimmingCharacters(in: .whitespaces),
                value: String(line[line.index(after: colon)...]).trimmingCharacters(in: .whitespaces)))
        }
        return fields
    }

    /// The body with chunked transfer coding removed; nil when the chunk framing is broken.
    static func dechunked(_ body: [UInt8]) -> [UInt8]? {
        var result: [UInt8] = []
        var index = 0
        while true {
            guard let lineEnd = body[index...].firstIndex(of: 10) else { return nil }
            let line = String(decoding: body[index..<lineEnd], as: UTF8.self)
            let sizeText = line.split(separator: ";", maxSplits: 1).first.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) } ?? ""
            guard let size = Int(sizeText, radix: 16), size >= 0 else { return nil }
            index = lineEnd + 1
            if size == 0 { return result }  // trailers, if any, are dropped
            guard size <= body.count - index else { return nil }
            result.append(contentsOf: body[index..<(index + size)])
            index += size
            // The CRLF after the chunk data.
            if index < body.count && body[index] == 13 { index += 1 }
            guard index < body.count, body[index] == 10 else { return nil }
            index += 1
        }
    }

    /// The `Host` value and request target of an `http` or `https` URL; nil for other URLs.
    ///
    /// Split by hand rather than with `URLComponents`, which rejects URLs that libcurl sends as
    /// they are (spaces, raw non-ASCII), and such a page still needs its request record.
    static func hostAndTarget(of url: String) -> (host: String, target: String)? {
        // On UTF-8 bytes, as the other helpers here: every archived page needs this, and searching
        // the String's Characters cost as much as building the rest of the request record.
        let bytes = Array(url.utf8)
        let colon = UInt8(ascii: ":"), slash = UInt8(ascii: "/")
        guard let schemeEnd = bytes.indices.dropLast(2).first(where: { bytes[$0] == colon && bytes[$0 + 1] == slash && bytes[$0 + 2] == slash }),
            ["http", "https"].contains(String(decoding: bytes[..<schemeEnd], as: UTF8.self).lowercased())
        else {
            return nil
        }
        let rest = bytes[(schemeEnd + 3)...].prefix { $0 != UInt8(ascii: "#") }
        let authorityEnd = rest.firstIndex { $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "?") } ?? rest.endIndex
        let authority = rest[..<authorityEnd]
        let host = authority.lastIndex(of: UInt8(ascii: "@")).map { authority[($0 + 1)...] } ?? authority
        let path = rest[authorityEnd...]
        // A request line cannot hold spaces, controls or raw non-ASCII; send them as %XX, as libcurl does.
        var target: [UInt8] = path.first == UInt8(ascii: "/") ? [] : [UInt8(ascii: "/")]
        let digits = Array("0123456789ABCDEF".utf8)
        for byte in path {
            if byte <= 0x20 || byte >= 0x7f {
                target += [UInt8(ascii: "%"), digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]]
            } else {
                target.append(byte)
            }
        }
        return (String(decoding: host, as: UTF8.self), String(decoding: target, as: UTF8.self))
    }

    /// A request block: `GET target HTTP/1.1`, `Host`, `User-Agent`, the extra headers, a blank line.
    static func requestBlock(host: String, target: String, method: String, userAgent: String, extraHeaders: [HTTPHeader]) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(256)
        bytes += "\(method) \(target) HTTP/1.1\r\n".utf8
        appendFieldLine(HTTPHeader(name: "Host", value: host), to: &bytes)
        appendFieldLine(HTTPHeader(name: "User-Agent", value: userAgent), to: &bytes)
        for field in extraHeaders where !isName(field.name, "host") && !isName(field.name, "user-agent") {
            appendFieldLine(field, to: &bytes)
        }
        bytes += [13, 10]
        return bytes
    }

    /// The status line and header of a response block whose body the fetcher already decoded; the
    /// body follows them in the block.
    ///
    /// `Content-Encoding` and `Transfer-Encoding` become `X-Original-…` and `Content-Length` is the
    /// stored length, so that a reader does not try to decode the body a second time.
    static func responseHead(status: Int, headers: [HTTPHeader], bodyCount: Int) -> [UInt8] {
        // Built as bytes, field names compared without lower-cased copies: this runs for every
        // archived page, and building it as a String cost a tenth of archiving the page.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(512)
        bytes += "HTTP/1.1 \(status) \(reasonPhrase(status))\r\n".utf8
        for field in headers where !isName(field.name, "content-length") {
            if isName(field.name, "content-encoding") || isName(field.name, "transfer-encoding") {
                appendFieldLine(HTTPHeader(name: "X-Original-" + field.name, value: field.value), to: &bytes)
            } else {
                appendFieldLine(field, to: &bytes)
            }
        }
        bytes += "Content-Length: \(bodyCount)\r\n\r\n".utf8
        return bytes
    }

    /// One `Name: value` line; line breaks in the value become spaces so they cannot end the header.
    static func fieldLine(_ field: HTTPHeader) -> String {
        var bytes: [UInt8] = []
        appendFieldLine(field, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends the ``fieldLine(_:)`` of `field` to `bytes`.
    static func appendFieldLine(_ field: HTTPHeader, to bytes: inout [UInt8]) {
        appendCleaned(field.name, dropColons: true, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
        bytes.append(UInt8(ascii: " "))
        appendCleaned(field.value, dropColons: false, to: &bytes)
        bytes.append(13)
        bytes.append(10)
    }

    /// Appends the UTF-8 of `text` with CR and LF made spaces and, if `dropColons`, colons left out.
    private static func appendCleaned(_ text: String, dropColons: Bool, to bytes: inout [UInt8]) {
        // Works on UTF-8 bytes: this runs for every header of every archived page, and walking
        // Characters (grapheme clusters) cost more than compressing the record.
        func needsWork(_ bytes: some Sequence<UInt8>) -> Bool {
            bytes.contains { $0 == 0x0D || $0 == 0x0A || (dropColons && $0 == 0x3A) }
        }
        // The contiguous UTF-8 of a native string is scanned several times faster than its view.
        guard text.utf8.withContiguousStorageIfAvailable(needsWork) ?? needsWork(text.utf8) else {
            bytes += text.utf8
            return
        }
        for byte in text.utf8 where !(dropColons && byte == 0x3A) {
            bytes.append(byte == 0x0D || byte == 0x0A ? 0x20 : byte)
        }
    }

    /// Whether the field name `name` is `lowercased` (ASCII lower case) in any case, compared
    /// without making a lower-cased copy.
    static func isName(_ name: String, _ lowercased: String) -> Bool {
        name.utf8.count == lowercased.utf8.count
            && name.utf8.elementsEqual(lowercased.utf8) { byte, wanted in (byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte) == wanted }
    }

    /// The usual reason phrase for a status code; warcio and browsers ignore its wording.
    public static func reasonPhrase(_ status: Int) -> String {
        switch status {
        case 200: "OK"
        case 201: "Created"
        case 202: "Accepted"
        case 203: "Non-Authoritative Information"
        case 204: "No Content"
        case 206: "Partial Content"
        case 301: "Moved Permanently"
        case 302: "Found"
        case 303: "See Other"
        case 304: "Not Modified"
        case 307: "Temporary Redirect"
        case 308: "Permanent Redirect"
        case 400: "Bad Request"
        case 401: "Unauthorized"
        case 403: "Forbidden"
        case 404: "Not Found"
        case 408: "Request Timeout"
        case 410: "Gone"
        case 429: "Too Many Requests"
        case 500: "Internal Server Error"
        case 502: "Bad Gateway"
        case 503: "Service Unavailable"
        case 504: "Gateway Timeout"
        default: "Status"
        }
    }
}

/// `WARC-Date` text: ISO 8601 in UTC.
enum WARCDate {
    /// Second precision, as WARC 1.0 readers expect.
    static func format(_ date: Date) -> String {
        Timestamp.formatSeconds(date)
    }

    /// Reads `2026-01-02T03:04:05Z`, with or without fractional seconds.
    static func parse(_ text: String) -> Date? {
        if let date = try? Date(text, strategy: Date.ISO8601FormatStyle(timeZone: .gmt)) { return date }
        return try? Date(text, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true, timeZone: .gmt))
    }
}
