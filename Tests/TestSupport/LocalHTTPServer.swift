import Archive
import Foundation
import PipelineModel

// POSIX sockets as Linux spells them; the project builds and tests on Linux only.
import Glibc

/// A canned answer of ``LocalHTTPServer`` for one path.
public struct TestResponse: Sendable {
    /// The HTTP status code.
    public var status: Int
    /// Headers sent as given. `Content-Length` is added unless present or the response is
    /// `Transfer-Encoding: chunked`, in which case the body is sent in chunks with no length.
    public var headers: [(String, String)]
    /// The body bytes, sent as given (already compressed if a `Content-Encoding` header says so).
    public var body: [UInt8]
    /// Seconds to wait before answering (slow headers), to make a client time out.
    public var delay: Double
    /// Seconds between two pieces of the body (a drip-fed body); 0 sends the body at once.
    public var bodyPieceDelay: Double = 0
    /// Bytes in each drip-fed piece.
    public var bodyPieceSize: Int = 1
    /// If set, only this many body bytes are sent before the connection closes, whatever the length says.
    public var sentBodyBytes: Int? = nil
    /// Whether the body goes without Content-Length or chunking, its end marked by closing the connection.
    public var closeDelimited = false
    /// Sent as `ETag`; a request whose `If-None-Match` names it gets `304 Not Modified`.
    public var etag: String? = nil
    /// Sent as `Last-Modified`; a request whose `If-Modified-Since` is this same text gets `304 Not Modified`.
    public var lastModified: String? = nil

    /// Creates a response; by default a 200 HTML page.
    public init(
        status: Int = 200, headers: [(String, String)] = [("Content-Type", "text/html; charset=utf-8")],
        body: [UInt8], delay: Double = 0
    ) {
        self.status = status
        self.headers = headers
        self.body = body
        self.delay = delay
    }

    /// An answer with this status and a `Retry-After` header (seconds or an HTTP-date).
    public static func retryLater(status: Int = 503, retryAfter: String) -> TestResponse {
        TestResponse(status: status, headers: [("Retry-After", retryAfter)], body: Array("later".utf8))
    }

    /// A plain-text robots.txt.
    public static func robots(_ text: String) -> TestResponse {
        TestResponse(headers: [("Content-Type", "text/plain")], body: Array(text.utf8))
    }

    /// A 200 HTML page with this text as body.
    public static func html(_ s: String) -> TestResponse {
        TestResponse(body: Array(s.utf8))
    }

    /// A redirect (301, 302, 307 or 308) to `location`, which may be a path or an absolute URL.
    public static func redirect(to location: String, status: Int = 302) -> TestResponse {
        TestResponse(status: status, headers: [("Location", location)], body: [])
    }
}

/// One request as the server saw it, for tests that check what a client sent and when.
public struct LoggedRequest: Sendable {
    /// The request target, such as `/a?b=c`.
    public var path: String
    /// The request headers, names lower-cased; a repeated header keeps its last value.
    public var headers: [String: String]
    /// When the request head had been read.
    public var arrival: ContinuousClock.Instant
    /// When the answer had been sent (or given up); nil while it is being served.
    public var finished: ContinuousClock.Instant?
    /// Which connection carried it, counted from 0 in the order of acceptance.
    public var connection: Int

    /// The `Host` header.
    public var host: String? { headers["host"] }
}

/// An HTTP/1.1 server on 127.0.0.1 with an ephemeral port that answers fixed routes, for tests.
///
/// Each connection is served on its own thread and closed after one response. Unknown paths get 404.
/// Every request is logged (``requests``), and routes can misbehave: slow headers, drip-fed or truncated
/// bodies, bodies without a length, answers that change from one request to the next (`sequences`),
/// and `304 Not Modified` for a matching conditional request.
/// The server stops on ``stop()`` or when it is freed.
public final class LocalHTTPServer: Sendable {
    /// What the server threads share. The threads hold this, not the server, so that freeing the
    /// server is what stops them.
    private let core: ServerCore

    /// Starts listening and serving `routes`, keyed by path (`/a`, `/dir/page?x=1`; a route without
    /// a query also answers the same path with any query).
    ///
    /// A path in `sequences` answers its first request with the first response, the second with the
    /// second, and every later one with the last: a route that fails twice, then succeeds.
    public init(routes: [String: TestResponse], sequences: [String: [TestResponse]] = [:]) throws {
        let (listener, port) = try Self.makeListener()
        core = ServerCore(routes: routes, sequences: sequences, listener: listener, port: port)
        let thread = Thread { [core] in core.acceptLoop() }
        thread.name = "LocalHTTPServer.accept"
        thread.start()
    }

    deinit {
        core.stop()
    }

    /// `http://127.0.0.1:PORT`, without a trailing slash.
    public var baseURL: String { "http://127.0.0.1:\(core.port)" }

    /// The absolute URL of `path` on this server.
    public func url(_ path: String) -> String {
        baseURL + (path.hasPrefix("/") ? path : "/" + path)
    }

    /// How many requests the server has read so far.
    public var requestCount: Int { core.requestCount }

    /// Every request read so far, in order of arrival.
    public var requests: [LoggedRequest] { core.log }

    /// The requests read so far for `path` (the query included), in order of arrival.
    public func requests(for path: String) -> [LoggedRequest] {
        core.log.filter { $0.path == path }
    }

    /// The most requests that were being answered at one moment.
    public var maxConcurrentRequests: Int { core.maxConcurrent }

    /// Stops accepting connections and cuts waiting responses short. Safe to call more than once.
    public func stop() {
        core.stop()
    }

    /// Creates a listening TCP socket on 127.0.0.1 with a port the system chooses.
    private static func makeListener() throws -> (Int32, UInt16) {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw ServerError("socket", errno) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) }
        }
        guard bound == 0, listen(fd, 64) == 0 else {
            let code = errno
            close(fd)
            throw ServerError("bind/listen", code)
        }
        var actual = sockaddr_in()
        var actualLength = length
        let named = withUnsafeMutablePointer(to: &actual) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &actualLength) }
        }
        guard named == 0 else {
            let code = errno
            close(fd)
            throw ServerError("getsockname", code)
        }
        return (fd, UInt16(bigEndian: actual.sin_port))
    }
}

/// The listening socket, the routes and the counters that the server's threads share.
private final class ServerCore: Sendable {
    /// What the threads change; guarded by the mutex.
    private struct State {
        var requestCount = 0
        var stopped = false
        var log: [LoggedRequest] = []
        var connections = 0
        var active = 0
        var maxConcurrent = 0
        /// Requests seen so far per sequence path.
        var sequenceCounts: [String: Int] = [:]
    }

    let routes: [String: TestResponse]
    let sequences: [String: [TestResponse]]
    let listener: Int32
    let port: UInt16
    /// `Locked` rather than `Mutex`, whose futex ThreadSanitizer cannot see (see `Locked`).
    private let state = Locked(State())

    init(routes: [String: TestResponse], sequences: [String: [TestResponse]], listener: Int32, port: UInt16) {
        self.routes = routes
        self.sequences = sequences
        self.listener = listener
        self.port = port
    }

    var requestCount: Int { state.withLock { $0.requestCount } }
    var log: [LoggedRequest] { state.withLock { $0.log } }
    var maxConcurrent: Int { state.withLock { $0.maxConcurrent } }

    private var isStopped: Bool { state.withLock { $0.stopped } }

    /// The accept loop sees the flag within one poll interval and closes the socket itself.
    func stop() {
        state.withLock { $0.stopped = true }
    }

    /// Accepts connections until stopped, each served on a thread of its own, then closes the socket.
    func acceptLoop() {
        defer { close(listener) }
        while !isStopped {
            var pollSet = pollfd(fd: listener, events: Int16(POLLIN), revents: 0)
            guard poll(&pollSet, 1, 20) > 0 else { continue }
            let connection = accept(listener, nil, nil)
            guard connection >= 0 else { continue }
            let number = state.withLock { state in
                defer { state.connections += 1 }
                return state.connections
            }
            let thread = Thread { [self] in serve(connection, number: number) }
            thread.name = "LocalHTTPServer.connection"
            thread.start()
        }
    }

    /// Reads one request, logs it, answers it from the routes, and closes the connection.
    private func serve(_ connection: Int32, number: Int) {
        defer { close(connection) }
        guard let (path, headers) = readRequest(connection) else { return }
        let entry = state.withLock { state in
            state.requestCount += 1
            state.active += 1
            state.maxConcurrent = max(state.maxConcurrent, state.active)
            state.log.append(LoggedRequest(path: path, headers: headers, arrival: .now, connection: number))
            return state.log.count - 1
        }
        var active = true
        func countOut() {
            guard active else { return }
            active = false
            state.withLock { $0.active -= 1 }
        }
        defer {
            countOut()
            state.withLock { $0.log[entry].finished = .now }
        }
        var response = self.response(for: path)
        if Self.isNotModified(response, headers) {
            response = TestResponse(status: 304, headers: [], body: [])
        }
        if response.delay > 0, !pause(response.delay) { return }
        // Counted out before the answer goes: the client may start its next request as soon as it
        // has the answer, and counting out after would let a busy machine see one too many in flight.
        countOut()
        answer(response, on: connection)
    }

    /// The route's answer to this request, counting requests to a sequence.
    private func response(for path: String) -> TestResponse {
        let bare = String(path.prefix { $0 != "?" })
        let key = sequences[path] != nil ? path : bare
        if let steps = sequences[key], !steps.isEmpty {
            let seen = state.withLock { state in
                defer { state.sequenceCounts[key, default: 0] += 1 }
                return state.sequenceCounts[key, default: 0]
            }
            return steps[min(seen, steps.count - 1)]
        }
        return routes[path] ?? routes[bare] ?? Self.notFound
    }

    /// Whether a conditional request names the response's current validators.
    private static func isNotModified(_ response: TestResponse, _ headers: [String: String]) -> Bool {
        if let etag = response.etag, headers["if-none-match"] == etag { return true }
        if let lastModified = response.lastModified, headers["if-modified-since"] == lastModified { return true }
        return false
    }

    /// Sleeps in slices so that stop() ends a slow answer promptly; false if the server stopped meanwhile.
    private func pause(_ seconds: Double) -> Bool {
        let deadline = Date(timeIntervalSinceNow: seconds)
        while Date() < deadline, !isStopped { usleep(5_000) }
        return !isStopped
    }

    /// Sends the head and the body, drip-fed or cut short if the response asks for it.
    private func answer(_ response: TestResponse, on connection: Int32) {
        let bytes = Self.encode(response)
        let bodyStart = Self.encodeHead(response).count
        var end = bytes.count
        if let sent = response.sentBodyBytes { end = min(end, bodyStart + max(0, sent)) }
        guard response.bodyPieceDelay > 0 else {
            sendAll(connection, Array(bytes[..<end]))
            return
        }
        sendAll(connection, Array(bytes[..<bodyStart]))
        var offset = bodyStart
        while offset < end {
            if !pause(response.bodyPieceDelay) { return }
            let next = min(end, offset + max(1, response.bodyPieceSize))
            sendAll(connection, Array(bytes[offset..<next]))
            offset = next
        }
    }

    private static let notFound = TestResponse(
        status: 404, headers: [("Content-Type", "text/plain")], body: Array("not found".utf8))

    /// Reads up to the end of the request head and returns the request target and the headers
    /// (names lower-cased), or nil if there is no request.
    private func readRequest(_ connection: Int32) -> (String, [String: String])? {
        var head: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        let end = Array("\r\n\r\n".utf8)
        while head.firstRange(of: end) == nil, head.count < 65536 {
            let count = chunk.withUnsafeMutableBytes { recv(connection, $0.baseAddress, $0.count, 0) }
            guard count > 0 else { return nil }
            head += chunk[0..<count]
        }
        let lines = String(decoding: head, as: UTF8.self).components(separatedBy: "\r\n")
        let parts = lines[0].split(separator: " ")
        guard parts.count >= 2 else { return nil }
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let name = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            headers[name] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return (String(parts[1]), headers)
    }


    private static func isChunked(_ response: TestResponse) -> Bool {
        response.headers.contains {
            $0.0.lowercased() == "transfer-encoding" && $0.1.lowercased().contains("chunked")
        }
    }

    /// The status line and headers, validators and framing included.
    private static func encodeHead(_ response: TestResponse) -> [UInt8] {
        var head = "HTTP/1.1 \(response.status) \(HTTPMessage.reasonPhrase(response.status))\r\n"
        for (name, value) in response.headers { head += "\(name): \(value)\r\n" }
        if let etag = response.etag { head += "ETag: \(etag)\r\n" }
        if let lastModified = response.lastModified { head += "Last-Modified: \(lastModified)\r\n" }
        if !isChunked(response), !response.closeDelimited,
            !response.headers.contains(where: { $0.0.lowercased() == "content-length" })
        {
            head += "Content-Length: \(response.body.count)\r\n"
        }
        head += "Connection: close\r\n\r\n"
        return Array(head.utf8)
    }

    /// The bytes of a whole response: status line, headers, and body (chunked if asked for).
    private static func encode(_ response: TestResponse) -> [UInt8] {
        let head = encodeHead(response)
        guard isChunked(response) else { return head + response.body }
        var bytes = head
        var offset = 0
        while offset < response.body.count {
            let piece = response.body[offset..<min(offset + 4096, response.body.count)]
            bytes += Array((String(piece.count, radix: 16) + "\r\n").utf8) + piece + Array("\r\n".utf8)
            offset += piece.count
        }
        return bytes + Array("0\r\n\r\n".utf8)
    }

    /// Writes every byte unless the peer went away; MSG_NOSIGNAL keeps a closed peer from raising SIGPIPE.
    private func sendAll(_ connection: Int32, _ bytes: [UInt8]) {
        bytes.withUnsafeBytes { buffer in
            guard let base = buffer.baseAddress else { return }
            var offset = 0
            while offset < buffer.count {
                let sent = send(connection, base + offset, buffer.count - offset, Int32(MSG_NOSIGNAL))
                guard sent > 0 else { return }
                offset += sent
            }
        }
    }
}

/// A socket call of ``LocalHTTPServer`` failed.
public struct ServerError: Error, CustomStringConvertible {
    /// The call that failed and the system's reason.
    public let description: String

    init(_ call: String, _ code: Int32) {
        description = "LocalHTTPServer: \(call) failed: \(String(cString: strerror(code)))"
    }
}
