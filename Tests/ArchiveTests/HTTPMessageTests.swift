import Testing

@testable import Archive

@Suite("HTTP messages of request records")
struct HTTPMessageTests {
    static let cases: [(url: String, host: String?, target: String?)] = [
        ("https://example.org/news/a b?q=1#part", "example.org", "/news/a%20b?q=1"),
        ("HTTP://user:pw@example.org:8080?x=1", "example.org:8080", "/?x=1"),
        ("http://example.org", "example.org", "/"),
        ("http://example.org#top", "example.org", "/"),
        ("https://bücher.example/straße/ü", "bücher.example", "/stra%C3%9Fe/%C3%BC"),
        ("http://example.org/a\u{7f}b\tc", "example.org", "/a%7Fb%09c"),
        ("file:///tmp/page.html", nil, nil),
        ("ftp://example.org/file", nil, nil),
        ("example.org/no-scheme", nil, nil),
        ("mailto:someone@example.org", nil, nil),
    ]

    @Test("Host and request target come from the URL; other schemes have none", arguments: cases.indices)
    func hostAndTarget(index: Int) {
        let (url, host, target) = Self.cases[index]
        let split = HTTPMessage.hostAndTarget(of: url)
        #expect(split?.host == host, "\(url)")
        #expect(split?.target == target, "\(url)")
    }
}
