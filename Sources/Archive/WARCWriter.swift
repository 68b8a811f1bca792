import Digests
import Foundation
import PipelineModel
import Synchronization

/// Appends fetched pages to `FOLDER/NAME.warc.gz` as WARC/1.1 records, one gzip member each.
///
/// Opening writes a `warcinfo` record describing this run; each archived page then adds a
/// `request` and a `response` record (a `resource` record for non-HTTP URLs such as `file://`).
/// Records go to the file with one `write` per page, so a crash leaves at most the last page cut
/// short; the next writer opened on the file moves such a cut tail aside before appending (see
/// `repairNote`). `flush()` and `finish()` make the records durable with `fsync`.
///
/// `Sendable`: calls from several threads are serialised on an internal mutex, though one writer
/// task keeps the records in a predictable order.
public final class WARCWriter: Sendable {
    /// The file being appended to.
    public let path: String
    /// The `WARC-Record-ID` of the `warcinfo` record this writer wrote first.
    public let warcinfoID: String
    /// A sentence for the log when opening found an incomplete record at the end of the file
    /// (left by a run that was killed while writing) and moved it to a side file; nil otherwise.
    public let repairNote: String?
    /// The open file; every use goes through `withLock`.
    private let output: Locked<Output>
    /// Deflaters not in use, so that preparing pages on several threads does not set up a compressor for each page.
    private let spareDeflaters: Locked<[GzipMemberDeflater]>
    private let recordIDs: RecordIDGenerator

    private final class Output {
        let file: ArchiveFile

        init(file: ArchiveFile) {
            self.file = file
        }
    }

    /// One page's records, compressed into gzip members and ready for ``append(_:)``.
    public struct PreparedRecords: Sendable {
        let bytes: [UInt8]
        /// Where in `bytes` the member of the page's (last) `response` or `resource` record starts.
        let responseStart: Int
        /// The IDs of the records.
        public let ids: ArchivedIDs
        /// The SHA-256 of the page's body, which its payload digest holds: callers that keep a
        /// hash of the body need not compute it again.
        public let bodySHA256: [UInt8]
    }

    /// The IDs of the records written for one page.
    public struct ArchivedIDs: Sendable, Equatable {
        /// The `request` record, nil for a `resource` record.
        public var request: String?
        /// The `response` (or `resource`) record.
        public var response: String
    }

    /// Opens or creates `folder/name.warc.gz` (creating `folder` too) and appends a `warcinfo` record.
    ///
    /// An existing file that is not gzip-compressed is refused rather than appended to.
    ///
    /// - Parameters:
    ///   - software: the `software` field of the `warcinfo` record.
    ///   - info: further `warcinfo` fields, such as `operator` or `robots`.
    public init(folder: String, name: String, software: String = "pipeline", info: [HTTPHeader] = []) throws(WARCError) {
        let fileName = name + ".warc.gz"
        path = (folder as NSString).appendingPathComponent(fileName)
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw WARCError(.cannotCreate, path: folder, detail: "\(error.localizedDescription)")
        }
        repairNote = try IncompleteTail.setAside(in: path)
        let file = try ArchiveFile.forAppending(path)
        output = Locked(Output(file: file))
        spareDeflaters = Locked([GzipMemberDeflater()])
        let recordIDs = RecordIDGenerator()
        warcinfoID = recordIDs.next()
        self.recordIDs = recordIDs
        var fields = "software: \(software)\r\nformat: WARC File Format 1.1\r\n"
        fields += "conformsTo: http://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/\r\n"
        for field in info { fields += HTTPMessage.fieldLine(field) }
        let warcinfo = RecordToWrite(
            type: "warcinfo",
            headers: [
                HTTPHeader(name: "WARC-Type", value: "warcinfo"),
                HTTPHeader(name: "WARC-Record-ID", value: warcinfoID),
                HTTPHeader(name: "WARC-Date", value: WARCDate.format(Date())),
                HTTPHeader(name: "WARC-Filename", value: fileName),
                HTTPHeader(name: "WARC-Block-Digest", value: WARCRecord.sha256Label(Array(fields.utf8))),
                HTTPHeader(name: "Content-Type", value: "application/warc-fields"),
            ],
            block: [Array(fields.utf8)])
        let bytes = try compress([warcinfo]).bytes
        try output.withLock { (output) throws(WARCError) in try output.file.writeAll(bytes) }
    }

    /// Appends the records for one fetched page and returns their IDs.
    ///
    /// - Parameters:
    ///   - page: the page; its body is stored as the fetcher decoded it, so the recorded response
    ///     headers carry `X-Original-Content-Encoding` and the stored `Content-Length`.
    ///   - userAgent: the `User-Agent` the request was sent with.
    ///   - requestHeaders: other headers sent, such as `If-None-Match` or `Accept-Encoding`.
    ///   - method: the request method.
    @discardableResult
    public func archive(
        _ page: FetchedPage, userAgent: String, requestHeaders: [HTTPHeader] = [], method: String = "GET"
    ) throws(WARCError) -> ArchivedIDs {
        let prepared = try prepare(page, userAgent: userAgent, requestHeaders: requestHeaders, method: method)
        try append(prepared)
        return prepared.ids
    }

    /// The records of one page, compressed and ready for ``append(_:)``, made without the writer's
    /// lock: several threads can prepare pages while one appends them in order. Parameters as for
    /// ``archive(_:userAgent:requestHeaders:method:)``.
    public func prepare(
        _ page: FetchedPage, userAgent: String, requestHeaders: [HTTPHeader] = [], method: String = "GET"
    ) throws(WARCError) -> PreparedRecords {
        if !page.redirects.isEmpty {
            // Each redirect response gets its own pair of records, before the final response's.
            var final = page
            final.redirects = []
            var bytes: [UInt8] = []
            for response in page.redirects {
                bytes += try prepare(response, userAgent: userAgent, requestHeaders: requestHeaders, method: method).bytes
            }
            let last = try prepare(final, userAgent: userAgent, requestHeaders: requestHeaders, method: method)
            return PreparedRecords(
                bytes: bytes + last.bytes, responseStart: bytes.count + last.responseStart, ids: last.ids,
                bodySHA256: last.bodySHA256)
        }
        let date = WARCDate.format(page.fetchedAt.addingTimeInterval(-max(0, page.duration)))
        let common = [
            HTTPHeader(name: "WARC-Date", value: date),
            HTTPHeader(name: "WARC-Target-URI", value: page.finalURL),
            HTTPHeader(name: "WARC-Warcinfo-ID", value: warcinfoID),
        ]
        let responseID = newRecordID()
        let bodyDigest = Digest.sha256(page.body)
        guard let (host, target) = HTTPMessage.hostAndTarget(of: page.finalURL) else {
            // A resource record's block is the body itself, so its block digest is the body's.
            let resource = RecordToWrite(
                type: "resource", id: responseID, fields: common, blockDigest: bodyDigest, payloadDigest: nil,
                contentType: page.contentType ?? "application/octet-stream", block: [page.body])
            return PreparedRecords(
                bytes: try compress([resource]).bytes, responseStart: 0,
                ids: ArchivedIDs(request: nil, response: responseID), bodySHA256: bodyDigest)
        }
        let requestID = newRecordID()
        let requestBlock = HTTPMessage.requestBlock(host: host, target: target, method: method, userAgent: userAgent, extraHeaders: requestHeaders)
        let request = RecordToWrite(
            type: "request", id: requestID,
            fields: common + [HTTPHeader(name: "WARC-Concurrent-To", value: responseID)],
            blockDigest: Digest.sha256(requestBlock), payloadDigest: nil,
            contentType: "application/http; msgtype=request", block: [requestBlock])
        let responseHead = HTTPMessage.responseHead(status: page.status, headers: page.headers, bodyCount: page.body.count)
        let response = RecordToWrite(
            type: "response", id: responseID,
            fields: common + [HTTPHeader(name: "WARC-Concurrent-To", value: requestID)],
            blockDigest: Digest.sha256(responseHead, page.body), payloadDigest: bodyDigest,
            contentType: "application/http; msgtype=response", block: [responseHead, page.body])
        let compressed = try compress([request, response])
        return PreparedRecords(
            bytes: compressed.bytes, responseStart: compressed.starts[1],
            ids: ArchivedIDs(request: requestID, response: responseID), bodySHA256: bodyDigest)
    }

    /// Appends prepared records with one `write` and returns the file offset of the page's
    /// `response` (or `resource`) record, where a ``WARCReader`` can read its body back.
    @discardableResult
    public func append(_ prepared: PreparedRecords) throws(WARCError) -> Int {
        try output.withLock { (output) throws(WARCError) in
            let start = output.file.end
            try output.file.writeAll(prepared.bytes)
            return start + prepared.responseStart
        }
    }

    /// Appends the prepared records of several pages with one `write` and returns, for each, the
    /// file offset of its `response` (or `resource`) record: a `write` per page cost more than
    /// building its line of `pages.ndjson`.
    public func append(_ batch: [PreparedRecords]) throws(WARCError) -> [Int] {
        guard batch.count > 1 else { return try batch.map { (prepared) throws(WARCError) in try append(prepared) } }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(batch.reduce(0) { $0 + $1.bytes.count })
        var starts: [Int] = []
        for prepared in batch {
            starts.append(bytes.count + prepared.responseStart)
            bytes += prepared.bytes
        }
        return try output.withLock { (output) throws(WARCError) in
            let start = output.file.end
            try output.file.writeAll(bytes)
            return starts.map { start + $0 }
        }
    }

    /// Makes everything written so far durable. The corresponding C function is `fsync`.
    public func flush() throws(WARCError) {
        try output.withLock { (output) throws(WARCError) in try output.file.sync() }
    }

    /// Makes everything durable and closes the file; later calls fail. A writer dropped without
    /// `finish()` closes its file without `fsync`.
    public func finish() throws(WARCError) {
        try output.withLock { (output) throws(WARCError) in try output.file.close() }
    }

    /// A record to compress: its fields, and its block in one or two pieces (an HTTP head and the
    /// page's body), so that the body is hashed where it is rather than copied.
    private struct RecordToWrite {
        var type: String
        var headers: [HTTPHeader]
        var block: [[UInt8]]

        /// A record with its ID, type, SHA-256 digests and content type in the usual field order.
        init(
            type: String, id: String, fields: [HTTPHeader], blockDigest: [UInt8], payloadDigest: [UInt8]?,
            contentType: String, block: [[UInt8]]
        ) {
            var headers = [HTTPHeader(name: "WARC-Type", value: type), HTTPHeader(name: "WARC-Record-ID", value: id)]
            headers += fields
            headers.append(HTTPHeader(name: "WARC-Block-Digest", value: WARCRecord.sha256Label(digest: blockDigest)))
            if let payloadDigest {
                headers.append(HTTPHeader(name: "WARC-Payload-Digest", value: WARCRecord.sha256Label(digest: payloadDigest)))
            }
            headers.append(HTTPHeader(name: "Content-Type", value: contentType))
            self.init(type: type, headers: headers, block: block)
        }

        init(type: String, headers: [HTTPHeader], block: [[UInt8]]) {
            self.type = type
            self.headers = headers
            self.block = block
        }
    }

    /// Compresses each record into its own gzip member, with a deflater no other thread is using,
    /// and returns the members one after the other with where each starts. A page's records share
    /// one call: taking a deflater and giving it back is two trips through a lock that the other
    /// preparing threads wait on too.
    private func compress(_ records: [RecordToWrite]) throws(WARCError) -> (bytes: [UInt8], starts: [Int]) {
        let deflater = spareDeflaters.withLock { $0.popLast() } ?? GzipMemberDeflater()
        defer { spareDeflaters.withLock { $0.append(deflater) } }
        var bytes: [UInt8] = []
        var starts: [Int] = []
        for record in records {
            starts.append(bytes.count)
            let head = WARCRecord.head(headers: record.headers, blockCount: record.block.reduce(0) { $0 + $1.count })
            do {
                try deflater.appendMember([head] + record.block + [WARCRecord.end], to: &bytes)
            } catch {
                throw WARCError(.cannotWrite, path: path, detail: "cannot compress a \(record.type) record: \(error)")
            }
        }
        return (bytes, starts)
    }

    private func newRecordID() -> String {
        recordIDs.next()
    }
}

/// `WARC-Record-ID`s: `<urn:uuid:…>` with a random (version 4) UUID.
///
/// The bits come from SplitMix64 seeded once from the system's random source: a `UUID()` asks
/// the system for each one, a system call per record. Each word advances the state, and the
/// output function is a bijection of it, so no two IDs of one generator share their first half.
/// The state advances with an atomic add rather than under a lock, which the threads preparing
/// pages at once waited on.
final class RecordIDGenerator: Sendable {
    private let state: Atomic<UInt64>

    init() {
        var system = SystemRandomNumberGenerator()
        state = Atomic(system.next())
    }

    func next() -> String {
        let high = (nextWord() & ~0xF000) | 0x4000  // version 4
        let low = (nextWord() & ~(0b11 << 62)) | (0b10 << 62)  // RFC 4122 variant
        var text: [UInt8] = Array("<urn:uuid:".utf8)
        text.reserveCapacity(47)
        let digits: StaticString = "0123456789abcdef"
        func append(_ word: UInt64, nibbles: ClosedRange<Int>) {
            for nibble in nibbles.reversed() {
                text.append(digits.utf8Start[Int((word >> UInt64(4 * nibble)) & 0xF)])
            }
        }
        append(high, nibbles: 8...15)
        text.append(UInt8(ascii: "-"))
        append(high, nibbles: 4...7)
        text.append(UInt8(ascii: "-"))
        append(high, nibbles: 0...3)
        text.append(UInt8(ascii: "-"))
        append(low, nibbles: 12...15)
        text.append(UInt8(ascii: "-"))
        append(low, nibbles: 0...11)
        text.append(UInt8(ascii: ">"))
        return String(decoding: text, as: UTF8.self)
    }

    private func nextWord() -> UInt64 {
        var mixed = state.wrappingAdd(0x9E37_79B9_7F4A_7C15, ordering: .relaxed).newValue
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }
}
