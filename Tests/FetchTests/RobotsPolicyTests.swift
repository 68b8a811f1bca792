import Fetch
import Testing

@Suite("RobotsPolicy")
struct RobotsPolicyTests {
    /// The policy for the `pipeline` product token.
    private func policy(_ text: String) -> RobotsPolicy {
        RobotsPolicy(parsing: Array(text.utf8), productToken: "pipeline")
    }

    @Test("the group naming our product token wins over *, whatever the case")
    func ownGroupWins() {
        let robots = policy(
            """
            User-agent: *
            Disallow: /

            User-agent: PipeLine
            Disallow: /private
            """)
        #expect(robots.allows("/public"))
        #expect(!robots.allows("/private/page"))
    }

    @Test("without a group of our own the * group applies")
    func starGroupApplies() {
        let robots = policy(
            """
            User-agent: otherbot
            Disallow: /

            User-agent: *
            Disallow: /tmp/
            """)
        #expect(robots.allows("/"))
        #expect(!robots.allows("/tmp/x"))
    }

    @Test("a file with no group for us and no * group allows everything")
    func noGroupAllows() {
        let robots = policy("User-agent: otherbot\nDisallow: /\n")
        #expect(robots.allows("/anything"))
    }

    @Test("consecutive user-agent lines share one group and two groups for us are merged")
    func groupsShareAndMerge() {
        let robots = policy(
            """
            User-agent: a
            User-agent: pipeline
            Disallow: /one

            User-agent: b
            Disallow: /two

            User-agent: pipeline
            Disallow: /three
            """)
        #expect(!robots.allows("/one"))
        #expect(robots.allows("/two"))
        #expect(!robots.allows("/three"))
    }

    @Test("the longest matching rule decides, in either order")
    func longestMatchDecides() {
        let first = policy("User-agent: *\nDisallow: /shop\nAllow: /shop/public\n")
        let second = policy("User-agent: *\nAllow: /shop/public\nDisallow: /shop\n")
        for robots in [first, second] {
            #expect(!robots.allows("/shop/cart"))
            #expect(robots.allows("/shop/public/item"))
        }
        let deeper = policy("User-agent: *\nAllow: /a\nDisallow: /a/b\n")
        #expect(!deeper.allows("/a/b/c"))
        #expect(deeper.allows("/a/c"))
    }

    @Test("allow wins a tie between rules of equal length")
    func allowWinsTie() {
        let robots = policy("User-agent: *\nDisallow: /page\nAllow: /page\n")
        #expect(robots.allows("/page"))
    }

    @Test("* matches any run of characters and $ anchors the end")
    func wildcardsMatch() {
        let robots = policy("User-agent: *\nDisallow: /*.pdf$\nDisallow: /search*q=\n")
        #expect(!robots.allows("/docs/file.pdf"))
        #expect(robots.allows("/docs/file.pdf?download=1"))
        #expect(robots.allows("/docs/file.pdfx"))
        #expect(!robots.allows("/search?lang=en&q=x"))
        #expect(robots.allows("/search?lang=en"))
    }

    @Test("$ alone anchors the root and leaves deeper paths alone")
    func dollarAnchorsRoot() {
        let robots = policy("User-agent: *\nDisallow: /$\n")
        #expect(!robots.allows("/"))
        #expect(robots.allows("/page"))
    }

    @Test("an empty Disallow allows everything and /robots.txt is always allowed")
    func emptyDisallowAndRobotsFile() {
        #expect(policy("User-agent: *\nDisallow:\n").allows("/x"))
        #expect(policy("User-agent: *\nDisallow: /\n").allows("/robots.txt"))
    }

    @Test("comments, odd spacing, CRLF line ends, a BOM and unknown keys are tolerated")
    func toleratesMessyFiles() {
        let text = "\u{FEFF}# comment\r\nUSER-AGENT :  *   # us too\r\nSitemap: https://x/s.xml\r\n"
            + "Foo: bar\r\n  disallow:   /hidden   # no\r\nnonsense line\r\n"
        let robots = policy(text)
        #expect(!robots.allows("/hidden/page"))
        #expect(robots.allows("/shown"))
    }

    @Test("rules before any user-agent line are ignored")
    func rulesBeforeGroupsIgnored() {
        let robots = policy("Disallow: /\nUser-agent: *\nDisallow: /x\n")
        #expect(robots.allows("/y"))
        #expect(!robots.allows("/x"))
    }

    @Test("Crawl-delay of the chosen group is read, and a bad one is ignored")
    func crawlDelayIsRead() {
        #expect(policy("User-agent: *\nCrawl-delay: 2.5\n").crawlDelay == 2.5)
        #expect(policy("User-agent: other\nCrawl-delay: 9\n\nUser-agent: *\nDisallow: /x\n").crawlDelay == nil)
        #expect(policy("User-agent: *\nCrawl-delay: soon\n").crawlDelay == nil)
        #expect(policy("User-agent: *\nCrawl-delay: -3\n").crawlDelay == nil)
    }

    @Test("an empty file allows everything", arguments: ["", "\n\n", "# only a comment\n"])
    func emptyFileAllows(text: String) {
        let robots = policy(text)
        #expect(robots.rules.isEmpty)
        #expect(robots.allows("/"))
    }
}
