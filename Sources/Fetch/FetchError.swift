import CCurl
import Foundation
import PipelineModel

/// The stable codes of fetch failures, as written in the failures output.
public enum FetchErrorCode: String, Sendable, CaseIterable {
    case dnsFailed = "dns_failed"
    case connectFailed = "connect_failed"
    case timeout = "timeout"
    case tooManyRedirects = "too_many_redirects"
    case redirectNotAllowed = "redirect_not_allowed"
    case httpStatus = "http_status"
    case bodyTooLarge = "body_too_large"
    case fileNotFound = "file_not_found"
    case tlsFailed = "tls_failed"
    case invalidURL = "invalid_url"
    case transferFailed = "transfer_failed"
    case robotsDisallowed = "robots_disallowed"
    case stalled = "stalled"
}

/// Why one URL could not be fetched: a stable code, the URL, and one sentence a user can act on.
public struct FetchError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kind of failure.
    public var code: FetchErrorCode
    /// The URL that failed, as given in the seed.
    public var url: String
    /// What failed, on which URL, and why.
    public var message: String

    /// Creates an error from its parts.
    public init(code: FetchErrorCode, url: String, message: String) {
        self.code = code
        self.url = url
        self.message = message
    }

    public var description: String { message }

    /// The failure record of `seed` for this error, after `attempts` requests (0 when none was made).
    public func failure(for seed: Seed, attempts: Int = 1) -> Failure {
        Failure(seed: seed, stage: .fetch, error: code.rawValue, message: message, attempts: attempts)
    }
}

extension FetchError {
    /// Judges an ended transfer: nil when it gave a page worth keeping, otherwise the error.
    ///
    /// A transfer that libcurl completed can still fail here, on an HTTP status of 400 or more.
    init?(_ report: TransferReport, options: FetchOptions) {
        guard let (code, message) = Self.classify(report, options: options) else { return nil }
        self.init(code: code, url: report.url, message: message)
    }

    /// The code and message for a report, one CURLcode (or group of them) at a time.
    private static func classify(_ report: TransferReport, options: FetchOptions) -> (FetchErrorCode, String)? {
        let url = report.url
        // Most transfers end well, so the parts of a message are only worked out for a failure.
        guard report.result != CURLE_OK || report.status >= 400 else { return nil }
        let host = hostAndPort(of: url)
        let detail = report.errorText.isEmpty ? String(cString: curl_easy_strerror(report.result)) : report.errorText
        switch report.result {
        case CURLE_OK:
            return (.httpStatus, "The server answered HTTP status \(report.status) for \(url)\(via(report)).")
        case CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_RESOLVE_PROXY:
            return (.dnsFailed, "Could not resolve host '\(host)' for \(url).")
        case CURLE_COULDNT_CONNECT:
            return (
                .connectFailed,
                "Could not connect to '\(host)' for \(url): the connection was refused or the host is unreachable."
            )
        case CURLE_OPERATION_TIMEDOUT where report.errorText.hasPrefix("Operation too slow"):
            // libcurl's words for the CURLOPT_LOW_SPEED_TIME limit, the only way to tell it from the total limit.
            return (
                .stalled,
                "Gave up on \(url) after \(seconds(options.stallSeconds)) without receiving a byte; "
                    + "the server stopped sending."
            )
        case CURLE_OPERATION_TIMEDOUT where report.connected:
            return (
                .timeout,
                "Gave up on \(url) after the \(seconds(options.timeout)) time limit; "
                    + "the server is too slow or the limit too short."
            )
        case CURLE_OPERATION_TIMEDOUT:
            // Whichever limit is shorter is the one that ended a transfer that never connected.
            let limit = seconds(min(options.timeout, options.connectTimeout))
            return (.timeout, "Could not connect to '\(host)' for \(url) within the \(limit) time limit.")
        case CURLE_TOO_MANY_REDIRECTS:
            return (
                .tooManyRedirects,
                "Stopped following redirects for \(url) after \(options.maxRedirects) redirects; "
                    + "the site may redirect in a loop."
            )
        case CURLE_UNSUPPORTED_PROTOCOL where report.redirectCount > 0:
            // libcurl has already moved its effective URL to the refused target.
            let target = report.effectiveURL == url ? "a URL that is not http or https" : "'\(report.effectiveURL)'"
            return (
                .redirectNotAllowed,
                "Refused the redirect from \(url) to \(target): redirects may only lead to http or https URLs."
            )
        case CURLE_UNSUPPORTED_PROTOCOL, CURLE_URL_MALFORMAT:
            return (
                .invalidURL,
                "The URL '\(url)' cannot be fetched: \(detail); only http, https and file URLs are supported."
            )
        case CURLE_WRITE_ERROR where report.bodyTooLarge, CURLE_FILESIZE_EXCEEDED:
            return (
                .bodyTooLarge,
                "The body of \(url) is larger than the limit of \(options.maxBodyBytes) bytes after decoding; "
                    + "raise the limit to keep it."
            )
        case CURLE_FILE_COULDNT_READ_FILE:
            return (.fileNotFound, "The file '\(path(of: url))' does not exist or cannot be read, for \(url).")
        case CURLE_SSL_CONNECT_ERROR, CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CERTPROBLEM, CURLE_SSL_CIPHER,
            CURLE_SSL_CACERT_BADFILE, CURLE_SSL_ISSUER_ERROR, CURLE_SSL_PINNEDPUBKEYNOTMATCH,
            CURLE_SSL_INVALIDCERTSTATUS, CURLE_SSL_SHUTDOWN_FAILED, CURLE_SSL_CRL_BADFILE,
            CURLE_SSL_ENGINE_NOTFOUND, CURLE_SSL_ENGINE_SETFAILED, CURLE_SSL_ENGINE_INITFAILED,
            CURLE_SSL_CLIENTCERT, CURLE_USE_SSL_FAILED:
            return (.tlsFailed, "The TLS connection to '\(host)' failed for \(url): \(detail).")
        default:
            return (.transferFailed, "Fetching \(url) failed: \(detail).")
        }
    }

    /// " (redirected to X)" when the last response came from another URL than the seed's.
    private static func via(_ report: TransferReport) -> String {
        report.effectiveURL == report.url ? "" : " (redirected to \(report.effectiveURL))"
    }

    /// "example.org" or "127.0.0.1:8080": the host as a user would look it up.
    private static func hostAndPort(of url: String) -> String {
        guard let components = URLComponents(string: url), let host = components.host else { return url }
        return components.port.map { "\(host):\($0)" } ?? host
    }

    private static func path(of url: String) -> String {
        URLComponents(string: url)?.path ?? url
    }

    /// "1 s", "0.5 s": how a time limit reads in a message.
    private static func seconds(_ value: Double) -> String {
        let text = value == value.rounded() ? String(Int(value)) : String(value)
        return "\(text) s"
    }
}
