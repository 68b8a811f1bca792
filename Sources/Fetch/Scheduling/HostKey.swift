import Foundation

/// The unit that politeness and robots.txt apply to: a URL's scheme, host and port.
///
/// `http://a.org/` and `http://a.org:80/x` share a key; `https://a.org/` and `http://a.org:8080/` do not.
struct HostKey: Hashable, Sendable, CustomStringConvertible {
    /// `http` or `https`.
    let scheme: String
    /// The host, lower-cased; an IPv6 address without brackets.
    let host: String
    let port: Int

    /// The key of an http or https URL; nil for `file://` and anything else that has no host to be polite to.
    init?(url: String) {
        guard let components = URLComponents(string: url), let scheme = components.scheme?.lowercased(),
            scheme == "http" || scheme == "https", let host = components.host, !host.isEmpty
        else { return nil }
        self.scheme = scheme
        self.host = host.lowercased()
        port = components.port ?? (scheme == "https" ? 443 : 80)
    }

    /// `https://example.org:443`: how the host reads in logs and messages.
    var description: String {
        let name = host.contains(":") ? "[\(host)]" : host
        return "\(scheme)://\(name):\(port)"
    }

    /// Where this host's robots.txt lives.
    var robotsURL: String { description + "/robots.txt" }

    /// The part of `url` that robots.txt rules are matched against: the path with its query, as written.
    static func robotsPath(of url: String) -> String {
        guard let components = URLComponents(string: url) else { return "/" }
        let path = components.percentEncodedPath.isEmpty ? "/" : components.percentEncodedPath
        return components.percentEncodedQuery.map { "\(path)?\($0)" } ?? path
    }
}
