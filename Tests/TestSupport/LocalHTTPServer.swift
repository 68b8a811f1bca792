import Foundation
import Synchronization

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
    /// Seconds to wait before answering, to make a client time out.
    public var delay: Double

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

    /// A 200 HTML page with this text as body.
    public static func html(_ s: String) -> TestResponse {
        TestResponse(body: Array(s.utf8))
    }

    /// A redirect (301, 302, 307 or 308) to `location`, which may be a path or an absolute URL.
    public static func redirect(to location: String, status: Int = 302) -> TestResponse {
        TestResponse(status: status, headers: [("Location", location)], body: [])
    }
}

/// An HTTP/1.1 server on 127.0.0.1 with an ephemeral port that answers fixed routes, for tests.
///
/// Each connection is served on its own thread and closed after one response. Unknown paths get 404.
/// The server stops on ``stop()`` or when it is freed.
public final class LocalHTTPServer: Sendable {
    /// What the server threads share. The threads hold this, not the server, so that freeing the
    /// server is what stops them.
    private let core: ServerCore

    /// Starts listening and serving `routes`, keyed by path (`/a`, `/dir/page?x=1`; a route without
    /// a query also answers the same path with any query).
    public init(routes: [String: TestResponse]) throws {
        let (listener, port) = try Self.makeListener()
        core = ServerCore(routes: routes, listener: listener, port: port)
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
    }

    let routes: [String: TestResponse]
    let listener: Int32
    let port: UInt16
    private let state = Mutex(State())

    init(routes: [String: TestResponse], listener: Int32, port: UInt16) {
        self.routes = routes
        self.listener = listener
        self.port = port
    }

    var requestCount: Int { state.withLock { $0.requestCount } }

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
            let thread = Thread { [self] in serve(connection) }
            thread.name = "LocalHTTPServer.connection"
            thread.start()
        }
    }

    /// Reads one request, answers it from the routes, and closes the connection.
    private func serve(_ connection: Int32) {
        defer { close(connection) }
        guard let path = readRequestPath(connection) else { return }
        state.withLock { $0.requestCount += 1 }
        let response = routes[path] ?? routes[String(path.prefix { $0 != "?" })] ?? Self.notFound
        if response.delay > 0 {
            // Sleep in slices so that stop() ends a slow answer promptly.
            let deadline = Date(timeIntervalSinceNow: response.delay)
            while Date() < deadline, !isStopped { usleep(10_000) }
            if isStopped { return }
        }
        sendAll(connection, Self.encode(response))
    }

    private static let notFound = TestResponse(
        status: 404, headers: [("Content-Type", "text/plain")], body: Array("not found".utf8))

    /// Reads up to the end of the request head and returns the request target, or nil if there is none.
    private func readRequestPath(_ connection: Int32) -> String? {
        var head: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        let end = Array("\r\n\r\n".utf8)
        while head.firstRange(of: end) == nil, head.count < 65536 {
            let count = chunk.withUnsafeMutableBytes { recv(connection, $0.baseAddress, $0.count, 0) }
            guard count > 0 else { return nil }
            head += chunk[0..<count]
        }
        let requestLine = String(decoding: head.prefix { $0 != UInt8(ascii: "\r") }, as: UTF8.self)
        let parts = requestLine.split(separator: " ")
        return parts.count >= 2 ? String(parts[1]) : nil
    }

    /// The bytes of a whole response: status line, headers, and body (chunked if asked for).
    private static func encode(_ response: TestResponse) -> [UInt8] {
        let chunked = response.headers.contains {
            $0.0.lowercased() == "transfer-encoding" && $0.1.lowercased().contains("chunked")
        }
        var head = "HTTP/1.1 \(response.status) \(reason(response.status))\r\n"
        for (name, value) in response.headers { head += "\(name): \(value)\r\n" }
        if !chunked, !response.headers.contains(where: { $0.0.lowercased() == "content-length" }) {
            head += "Content-Length: \(response.body.count)\r\n"
        }
        head += "Connection: close\r\n\r\n"
        guard chunked else { return Array(head.utf8) + response.body }
        var bytes = Array(head.utf8)
        var offset = 0
        while offset < response.body.count {
            let piece = response.body[offset..<min(offset + 4096, response.body.count)]
            bytes += Array((String(piece.count, radix: 16) + "\r\n").utf8) + piece + Array("\r\n".utf8)
            offset += piece.count
        }
        return bytes + Array("0\r\n\r\n".utf8)
    }

    private static func reason(_ status: Int) -> String {
        switch status {
        case 200: "OK"
        case 301: "Moved Permanently"
        case 302: "Found"
        case 307: "Temporary Redirect"
        case 308: "Permanent Redirect"
        case 404: "Not Found"
        case 500: "Internal Server Error"
        default: "Status"
        }
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
