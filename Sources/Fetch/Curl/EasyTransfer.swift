import CCurl
import Foundation
import PipelineModel

/// One libcurl easy handle and everything libcurl does not copy for it: the error buffer and the
/// buffers the callbacks fill. The handle goes back to its pool in `deinit`, so the object must
/// outlive the transfer.
///
/// Not thread-safe: created, driven and freed by one ``MultiDriver`` on one thread.
final class EasyTransfer {
    /// The URL this transfer fetches.
    let url: String
    /// The `CURL *` handle; it never leaves the Fetch module.
    let handle: UnsafeMutableRawPointer
    /// libcurl writes a readable error text here; it keeps the pointer, so the buffer lives as long as the handle.
    private let errorBuffer: UnsafeMutablePointer<CChar>
    private let maxBodyBytes: Int
    /// Decoded body bytes received so far.
    private(set) var body: [UInt8] = []
    /// Headers of the latest response; emptied on every new status line so redirects leave none behind.
    private(set) var headers: [HTTPHeader] = []
    /// Where the handle came from and goes back to.
    private let pool: EasyHandlePool
    /// Set when the write callback aborted because the decoded body passed `maxBodyBytes`.
    private(set) var bodyTooLarge = false
    /// Extra request headers; libcurl keeps the list without copying it, so it lives as long as the handle.
    private var requestHeaders: UnsafeMutablePointer<curl_slist>?

    /// Takes an easy handle from `pool` for `url` that keeps at most `maxBodyBytes` decoded bytes;
    /// nil only if libcurl cannot allocate one. `deinit` gives the handle back to the pool.
    init?(url: String, maxBodyBytes: Int, pool: EasyHandlePool) {
        guard let handle = pool.take() else { return nil }
        self.url = url
        self.handle = handle
        self.pool = pool
        self.maxBodyBytes = maxBodyBytes
        errorBuffer = .allocate(capacity: Int(CURL_ERROR_SIZE))
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE))
    }

    deinit {
        // The handle goes first: until it is reset it points at the header list.
        pool.give(handle)
        curl_slist_free_all(requestHeaders)
        errorBuffer.deallocate()
    }

    /// Sets every option of the transfer, with `headers` (`Name: value` lines) added to the request;
    /// returns the first option libcurl refused, as an error.
    ///
    /// libcurl copies every string option, so the temporary C strings Swift passes are enough; the header
    /// list is the exception and is kept in `requestHeaders`.
    ///
    /// With `followRedirects` false a redirect ends the transfer, and the report's `redirectURL` names its
    /// target: the fetcher then schedules that request itself, under the target host's robots.txt and delay.
    func configure(options: FetchOptions, headers extraHeaders: [String] = [], followRedirects: Bool) -> FetchError? {
        let context = Unmanaged.passUnretained(self).toOpaque()
        var settings: [(String, CURLcode)] = [
            ("URL", CCurl_easy_setopt_string(handle, CURLOPT_URL, url)),
            ("ERRORBUFFER", CCurl_easy_setopt_pointer(handle, CURLOPT_ERRORBUFFER, errorBuffer)),
            // Signals are process-wide; a multi-threaded program must not let libcurl use SIGALRM.
            ("NOSIGNAL", CCurl_easy_setopt_long(handle, CURLOPT_NOSIGNAL, 1)),
            ("TIMEOUT_MS", CCurl_easy_setopt_long(handle, CURLOPT_TIMEOUT_MS, Self.milliseconds(options.timeout))),
            (
                "CONNECTTIMEOUT_MS",
                CCurl_easy_setopt_long(handle, CURLOPT_CONNECTTIMEOUT_MS, Self.milliseconds(options.connectTimeout))
            ),
            ("FOLLOWLOCATION", CCurl_easy_setopt_long(handle, CURLOPT_FOLLOWLOCATION, followRedirects ? 1 : 0)),
            // libcurl 7.88 follows redirects without limit unless told otherwise.
            ("MAXREDIRS", CCurl_easy_setopt_long(handle, CURLOPT_MAXREDIRS, max(0, options.maxRedirects))),
            // Seeds may name local files; a redirect must never reach one.
            ("PROTOCOLS_STR", CCurl_easy_setopt_string(handle, CURLOPT_PROTOCOLS_STR, "http,https,file")),
            ("REDIR_PROTOCOLS_STR", CCurl_easy_setopt_string(handle, CURLOPT_REDIR_PROTOCOLS_STR, "http,https")),
            // An empty string offers every decoder built into libcurl (gzip, deflate, br, zstd).
            ("ACCEPT_ENCODING", CCurl_easy_setopt_string(handle, CURLOPT_ACCEPT_ENCODING, "")),
            ("USERAGENT", CCurl_easy_setopt_string(handle, CURLOPT_USERAGENT, options.userAgentHeader)),
            ("WRITEDATA", CCurl_easy_setopt_pointer(handle, CURLOPT_WRITEDATA, context)),
            (
                "WRITEFUNCTION",
                CCurl_easy_setopt_data_callback(handle, CURLOPT_WRITEFUNCTION) { data, size, count, context in
                    guard let transfer = EasyTransfer.from(context) else { return 0 }
                    return transfer.receiveBody(UnsafeRawBufferPointer(start: data, count: size * count))
                }
            ),
            ("HEADERDATA", CCurl_easy_setopt_pointer(handle, CURLOPT_HEADERDATA, context)),
            (
                "HEADERFUNCTION",
                CCurl_easy_setopt_data_callback(handle, CURLOPT_HEADERFUNCTION) { data, size, count, context in
                    guard let transfer = EasyTransfer.from(context) else { return 0 }
                    return transfer.receiveHeader(UnsafeRawBufferPointer(start: data, count: size * count))
                }
            ),
        ]
        if options.stallSeconds > 0 {
            // Less than one byte per second for LOW_SPEED_TIME seconds is a stall; libcurl ends the transfer
            // with CURLE_OPERATION_TIMEDOUT and "Operation too slow", which FetchError reads as `stalled`.
            let stall = Int(options.stallSeconds.rounded(.up).clamped(to: 1...Double(Int32.max)))
            settings.append(("LOW_SPEED_LIMIT", CCurl_easy_setopt_long(handle, CURLOPT_LOW_SPEED_LIMIT, 1)))
            settings.append(("LOW_SPEED_TIME", CCurl_easy_setopt_long(handle, CURLOPT_LOW_SPEED_TIME, stall)))
        }
        if !extraHeaders.isEmpty {
            settings.append(("HTTPHEADER", setRequestHeaders(extraHeaders)))
        }
        guard let (name, code) = settings.first(where: { $0.1 != CURLE_OK }) else { return nil }
        let reason = String(cString: curl_easy_strerror(code))
        return FetchError(
            code: .transferFailed, url: url,
            message: "Could not set up the transfer of \(url): libcurl refused CURLOPT_\(name) (\(reason)).")
    }

    /// Builds the header list and hands it to libcurl; CURLE_OUT_OF_MEMORY if a line cannot be added.
    ///
    /// The corresponding C function is `curl_slist_append`, which returns NULL and leaves the list as it
    /// was when it fails.
    private func setRequestHeaders(_ lines: [String]) -> CURLcode {
        for line in lines {
            guard let longer = curl_slist_append(requestHeaders, line) else { return CURLE_OUT_OF_MEMORY }
            requestHeaders = longer
        }
        return CCurl_easy_setopt_slist(handle, CURLOPT_HTTPHEADER, requestHeaders)
    }

    /// Collects the facts libcurl knows once the transfer has ended with `result`.
    func report(result: CURLcode) -> TransferReport {
        TransferReport(
            url: url,
            result: result,
            errorText: String(cString: errorBuffer),
            status: longInfo(CURLINFO_RESPONSE_CODE) ?? 0,
            effectiveURL: stringInfo(CURLINFO_EFFECTIVE_URL) ?? url,
            scheme: stringInfo(CURLINFO_SCHEME)?.lowercased() ?? "",
            redirectCount: longInfo(CURLINFO_REDIRECT_COUNT) ?? 0,
            redirectURL: stringInfo(CURLINFO_REDIRECT_URL),
            connected: (offsetInfo(CURLINFO_CONNECT_TIME_T) ?? 0) > 0,
            totalSeconds: Double(offsetInfo(CURLINFO_TOTAL_TIME_T) ?? 0) / 1_000_000,
            bodyTooLarge: bodyTooLarge,
            retryAfter: (offsetInfo(CURLINFO_RETRY_AFTER)).flatMap { $0 > 0 ? Double($0) : nil })
    }

    /// The transfer behind a callback's context pointer. Unretained: the driver owns the transfer, and
    /// libcurl calls back only while the handle, which the transfer frees, is alive.
    private static func from(_ context: UnsafeMutableRawPointer?) -> EasyTransfer? {
        context.map { Unmanaged<EasyTransfer>.fromOpaque($0).takeUnretainedValue() }
    }

    /// Appends a decoded chunk; returns less than its size, which makes libcurl abort, past the cap.
    ///
    /// The cap is checked here rather than with `CURLOPT_MAXFILESIZE_LARGE`, which counts compressed
    /// bytes and ignores bodies without a Content-Length.
    private func receiveBody(_ chunk: UnsafeRawBufferPointer) -> Int {
        guard body.count + chunk.count <= maxBodyBytes else {
            bodyTooLarge = true
            return 0
        }
        if body.isEmpty, let expected = offsetInfo(CURLINFO_CONTENT_LENGTH_DOWNLOAD_T), expected > 0 {
            // One allocation for the announced length instead of a doubling series; a lying length costs
            // at most the cap.
            body.reserveCapacity(Int(min(expected, Int64(maxBodyBytes))))
        }
        body.append(contentsOf: chunk)
        return chunk.count
    }

    /// Keeps one header line; a status line starts a new response, so the previous headers go.
    ///
    /// Works on the raw bytes: this runs for every header of every page, and Foundation's trimming
    /// was most of the fetcher's CPU time.
    private func receiveHeader(_ line: UnsafeRawBufferPointer) -> Int {
        let bytes = Self.trimmed(line, 0..<line.count)
        guard !bytes.isEmpty else { return line.count }
        let first = line[bytes.lowerBound]
        if first == UInt8(ascii: " ") || first == UInt8(ascii: "\t") {
            // An obsolete folded line continues the previous header's value.
            if !headers.isEmpty {
                headers[headers.count - 1].value += " " + Self.text(line, bytes)
            }
        } else if bytes.count >= 5, Self.text(line, bytes.lowerBound..<bytes.lowerBound + 5) == "HTTP/" {
            headers.removeAll()
        } else if let colon = line[bytes].firstIndex(of: UInt8(ascii: ":")) {
            let name = Self.text(line, Self.trimmed(line, bytes.lowerBound..<colon))
            let value = Self.text(line, Self.trimmed(line, colon + 1..<bytes.upperBound))
            headers.append(HTTPHeader(name: name, value: value))
        }
        return line.count
    }

    /// `range` without the spaces, tabs and line ends at either side.
    private static func trimmed(_ bytes: UnsafeRawBufferPointer, _ range: Range<Int>) -> Range<Int> {
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A }
        var (start, end) = (range.lowerBound, range.upperBound)
        while start < end, isSpace(bytes[start]) { start += 1 }
        while end > start, isSpace(bytes[end - 1]) { end -= 1 }
        return start..<end
    }

    private static func text(_ bytes: UnsafeRawBufferPointer, _ range: Range<Int>) -> String {
        String(decoding: UnsafeRawBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }

    private func longInfo(_ info: CURLINFO) -> Int? {
        var value = 0
        return CCurl_easy_getinfo_long(handle, info, &value) == CURLE_OK ? value : nil
    }

    private func offsetInfo(_ info: CURLINFO) -> Int64? {
        var value: curl_off_t = 0
        return CCurl_easy_getinfo_off_t(handle, info, &value) == CURLE_OK ? Int64(value) : nil
    }

    /// Copies a string that libcurl owns; the copy is made before the handle can free it.
    private func stringInfo(_ info: CURLINFO) -> String? {
        var value: UnsafeMutablePointer<CChar>?
        guard CCurl_easy_getinfo_string(handle, info, &value) == CURLE_OK, let value else { return nil }
        return String(cString: value)
    }

    /// libcurl's millisecond options take a C long; negative or huge settings are clamped.
    private static func milliseconds(_ seconds: Double) -> Int {
        guard seconds.isFinite, seconds > 0 else { return 0 }
        return Int(min(seconds * 1000, Double(Int32.max)).rounded())
    }
}

/// What an ended transfer left behind, in Swift types, for ``FetchError`` to judge.
struct TransferReport {
    var url: String
    var result: CURLcode
    /// libcurl's own text about the failure, empty if none.
    var errorText: String
    var status: Int
    var effectiveURL: String
    /// Lower-case scheme of the last request (`http`, `https`, `file`).
    var scheme: String
    var redirectCount: Int
    /// Where the response redirects to, as an absolute URL, when it is a redirect that was not followed.
    var redirectURL: String? = nil
    /// Whether a connection was set up before the transfer ended.
    var connected: Bool
    var totalSeconds: Double
    var bodyTooLarge: Bool
    /// The response's `Retry-After` in seconds (libcurl converts an HTTP-date); nil if absent or zero.
    var retryAfter: Double?
}

extension Double {
    /// The value held within `range`.
    fileprivate func clamped(to range: ClosedRange<Double>) -> Double {
        Swift.min(Swift.max(self, range.lowerBound), range.upperBound)
    }
}
