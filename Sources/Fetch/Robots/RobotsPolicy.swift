/// The rules of one robots.txt that apply to one crawler, parsed as RFC 9309 describes.
///
/// The crawler's group is every group whose `user-agent` line names its product token
/// (compared case-insensitively); without one, the `*` groups; without those, everything is allowed.
/// A path is judged by the longest matching `allow` or `disallow` pattern, and `allow` wins a tie.
public struct RobotsPolicy: Sendable, Hashable {
    /// One `allow` or `disallow` line of the crawler's group.
    public struct Rule: Sendable, Hashable {
        /// Whether the rule allows what it matches.
        public var allows: Bool
        /// The path pattern; `*` matches any run of characters and a final `$` the end of the path.
        public var pattern: String

        /// Creates a rule.
        public init(allows: Bool, pattern: String) {
            self.allows = allows
            self.pattern = pattern
        }
    }

    /// The rules of the crawler's group, in file order.
    public var rules: [Rule]
    /// The group's `Crawl-delay` in seconds, if it gives a valid one.
    public var crawlDelay: Double?

    /// A policy that allows everything: what a missing (4xx) robots.txt means.
    public static let allowAll = RobotsPolicy(rules: [], crawlDelay: nil)

    /// Creates a policy from rules already chosen for the crawler.
    public init(rules: [Rule], crawlDelay: Double?) {
        self.rules = rules
        self.crawlDelay = crawlDelay
    }

    /// Parses a robots.txt body and keeps the groups that apply to `productToken`.
    ///
    /// Lines without a colon, unknown keys and rules before the first `user-agent` line are ignored,
    /// as the RFC asks of a crawler that meets a file written by hand.
    public init(parsing body: [UInt8], productToken: String) {
        let groups = Self.groups(in: body)
        let token = productToken.lowercased()
        var chosen = groups.filter { group in group.agents.contains { $0 == token } }
        if chosen.isEmpty {
            chosen = groups.filter { $0.agents.contains("*") }
        }
        rules = chosen.flatMap(\.rules)
        crawlDelay = chosen.lazy.compactMap(\.crawlDelay).first
    }

    /// Whether the crawler may fetch `path`: the URL's path with its query, such as `/a/b?c=d`.
    ///
    /// `/robots.txt` itself is always allowed.
    public func allows(_ path: String) -> Bool {
        let target = path.isEmpty ? "/" : path
        if target == "/robots.txt" { return true }
        var best: Rule?
        for rule in rules where Self.matches(pattern: rule.pattern, path: target) {
            guard let current = best else {
                best = rule
                continue
            }
            let (length, currentLength) = (rule.pattern.utf8.count, current.pattern.utf8.count)
            if length > currentLength || (length == currentLength && rule.allows && !current.allows) {
                best = rule
            }
        }
        return best?.allows ?? true
    }

    // MARK: - Parsing

    /// One group: the agents its `user-agent` lines name (lower-cased) and the lines that follow them.
    private struct Group {
        var agents: [String] = []
        var rules: [Rule] = []
        var crawlDelay: Double?
    }

    /// Splits the file into groups; consecutive `user-agent` lines share one group.
    private static func groups(in body: [UInt8]) -> [Group] {
        var groups: [Group] = []
        var current: Group?
        var lastWasAgent = false
        for (key, value) in lines(of: body) {
            switch key {
            case "user-agent":
                if !lastWasAgent {
                    if let current { groups.append(current) }
                    current = Group()
                }
                current?.agents.append(value.lowercased())
                lastWasAgent = true
            case "allow", "disallow":
                lastWasAgent = false
                // An empty pattern matches nothing (`Disallow:` alone allows everything).
                guard !value.isEmpty else { continue }
                current?.rules.append(Rule(allows: key == "allow", pattern: value))
            case "crawl-delay":
                lastWasAgent = false
                if current?.crawlDelay == nil, let seconds = Double(value), seconds.isFinite, seconds >= 0 {
                    current?.crawlDelay = seconds
                }
            default:
                // Sitemap and unknown keys neither belong to a group nor end one.
                continue
            }
        }
        if let current { groups.append(current) }
        return groups
    }

    /// The `key: value` lines of the file, keys lower-cased, comments and blanks dropped.
    private static func lines(of body: [UInt8]) -> [(String, String)] {
        var text = String(decoding: body, as: UTF8.self)
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        return text.split(whereSeparator: { $0 == "\n" || $0 == "\r" || $0 == "\r\n" }).compactMap { line in
            let content = line.prefix { $0 != "#" }
            guard let colon = content.firstIndex(of: ":") else { return nil }
            let key = content[..<colon].trimmingWhitespace().lowercased()
            let value = content[content.index(after: colon)...].trimmingWhitespace()
            return key.isEmpty ? nil : (key, value)
        }
    }

    // MARK: - Matching

    /// Whether `pattern` matches the start of `path` (all of it if the pattern ends in `$`).
    ///
    /// Works on UTF-8 bytes and backtracks only to the latest `*`, which is enough for patterns
    /// whose only wildcard is `*`.
    static func matches(pattern: String, path: String) -> Bool {
        var rule = Array(pattern.utf8)
        let anchored = rule.last == UInt8(ascii: "$")
        if anchored { rule.removeLast() }
        let subject = Array(path.utf8)
        let star = UInt8(ascii: "*")
        var (p, s) = (0, 0)
        var backtrack: (pattern: Int, subject: Int)?
        while true {
            if p == rule.count {
                // Without `$` the pattern is a prefix; with it the path must be used up.
                if !anchored || s == subject.count { return true }
            } else if rule[p] == star {
                backtrack = (p + 1, s)
                p += 1
                continue
            } else if s < subject.count, rule[p] == subject[s] {
                p += 1
                s += 1
                continue
            }
            // Let the latest `*` swallow one more character and try again.
            guard let (starPattern, starSubject) = backtrack, starSubject < subject.count else { return false }
            backtrack = (starPattern, starSubject + 1)
            (p, s) = (starPattern, starSubject + 1)
        }
    }
}

extension Substring {
    /// The text without leading and trailing spaces and tabs.
    fileprivate func trimmingWhitespace() -> String {
        let start = firstIndex { $0 != " " && $0 != "\t" } ?? endIndex
        let end = lastIndex { $0 != " " && $0 != "\t" }.map(index(after:)) ?? start
        return String(self[start..<Swift.max(start, end)])
    }
}
