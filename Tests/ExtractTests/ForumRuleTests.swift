import Foundation
import Testing

@testable import Extract

/// Rules for forum threads, each on a small hand-written page.
@Suite("Forum rules")
struct ForumRuleTests {
    @Test("The signature under each post is left out; the posts stay")
    func signaturesAreLeftOut() throws {
        let posts = [
            "Has anyone tried the new ferry timetable? The early boat seems to leave ten minutes sooner than it used to.",
            "Yes, it leaves at ten to seven now, and the late boat on Fridays has been moved to half past nine.",
            "Thanks, that explains why I missed it twice this week. I will set my alarm a little earlier from now on.",
        ]
        let items = posts.map {
            "<div class=\"post\"><div class=\"content\"><p>\($0)</p></div>"
                + "<div class=\"signature\">Sailing since the old harbour had a wooden pier, and proud of it.</div></div>"
        }
        let html = """
            <html><head><title>Ferry timetable</title></head><body>
            <div class="topic">\(items.joined(separator: "\n"))</div>
            </body></html>
            """
        let text = try extractHTML(html).text
        #expect(text.contains("The early boat seems to leave"))
        #expect(text.contains("set my alarm a little earlier"))
        #expect(!text.contains("wooden pier"))
    }
}
