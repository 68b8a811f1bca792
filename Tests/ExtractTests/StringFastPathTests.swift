import Foundation
import Testing

@testable import Extract

@Suite("Trimming without Foundation")
struct ScalarTrimmingTests {
    @Test("The white-space predicates hold for exactly the scalars of Foundation's sets")
    func predicatesMatchFoundation() {
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            #expect(FoundationWhiteSpace.isWhitespaceOrNewline(scalar) == CharacterSet.whitespacesAndNewlines.contains(scalar))
            #expect(FoundationWhiteSpace.isWhitespace(scalar) == CharacterSet.whitespaces.contains(scalar))
        }
    }

    @Test("Trimming gives what Foundation's trimming gives", arguments: [
        "", " ", "plain", "  both ends \n", "\u{200B}zero width\u{200B}", "\u{00A0}Café\u{3000}", "\t\r\n", "e\u{301} ",
        " \u{301}accent first", "日本語\u{2028}",
    ])
    func trimmingMatchesFoundation(text: String) {
        #expect(text.trimmingScalars(where: FoundationWhiteSpace.isWhitespaceOrNewline)
            == text.trimmingCharacters(in: .whitespacesAndNewlines))
        #expect(text.trimmingScalars(where: FoundationWhiteSpace.isWhitespace) == text.trimmingCharacters(in: .whitespaces))
        #expect(text.trimmingScalars { $0 == "e" || $0 == " " } == text.trimmingCharacters(in: CharacterSet(charactersIn: "e ")))
    }
}

@Suite("Fast paths of the metadata reader")
struct MetadataFastPathTests {
    @Test("Inert punctuation is neither letter nor digit, has no case, and is a character of its own")
    func inertPunctuation() {
        for value in UInt32(0x80)...0x2FFF where MetadataExtractor.isInertPunctuation(value) {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let character = Character(scalar)
            #expect(!character.isLetter && !character.isNumber, "U+\(String(value, radix: 16))")
            #expect(String(scalar).lowercased() == String(scalar))
            #expect(("a" + String(scalar) + "a").count == 3)
        }
    }

    @Test("Comparable keys of typographic titles are those of the general rule", arguments: [
        "Court frees “activists” — the ruling’s reach…", "Prices « rise » 5% · again", "Plain ASCII title, 2024!",
    ])
    func comparableKeys(title: String) {
        let general = String(title.lowercased().map { $0.isLetter || $0.isNumber ? $0 : " " }).split(separator: " ")
            .joined(separator: " ")
        #expect(MetadataExtractor.comparable(title) == general)
    }

    @Test("Byte-level string checks agree with the operations they stand for", arguments: [
        "", "plain", "Tag", "a/b", "http://x", "e\u{301}/\u{301}", "/\u{301}", "Über/", "a,b,,c", "naïve,café", "Ünter",
    ])
    func stringChecks(text: String) {
        #expect(text.containsASCII("/") == text.contains("/"))
        #expect(text.containsASCII("http") == text.contains("http"))
        #expect(text.components(separatedByASCII: ",") == text.components(separatedBy: ","))
        #expect(text.lowercasedIfNeeded() == text.lowercased())
        for limit in [0, 1, 3, 5] {
            #expect(text.isShorter(than: limit) == (text.count < limit))
        }
    }

    /// Random printable strings made mostly of the characters the date patterns look for.
    static func randomTexts(alphabet: [Character], count: Int, seed: UInt64) -> [String] {
        var generator = SplitMix(state: seed)
        return (0..<count).map { _ in
            String((0..<Int(generator.next() % 24)).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] })
        }
    }

    static func regexGroups(_ pattern: String, _ text: String) throws -> [String?]? {
        let expression = try NSRegularExpression(pattern: pattern, options: [.caseInsensitive])
        guard let match = expression.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) else { return nil }
        return (1..<match.numberOfRanges).map { group in
            Range(match.range(at: group), in: text).map { String(text[$0]) }
        }
    }

    @Test("Machine-date groups read by hand are the regular expressions' groups")
    func machineDateGroups() throws {
        let texts = MetadataFastPathTests.randomTexts(
            alphabet: Array("0123456789012345678901234567890123456789--::: .Tt+Zzx"), count: 20_000, seed: 7)
            + ["2019-12-20", "2019-12-20T08:15:00.000+0100", "2019-1-5 08:15:07z", "2019-12-20t08:15 +01:0", "20191220",
               "2019-12-20T08:15:00  -05:00", "2019-123", "2019-12-20T8:15"]
        for text in texts {
            #expect(MachineDateGroups.iso(text) == (try MetadataFastPathTests.regexGroups(DateNormalizer.isoPattern, text)), "\(text)")
            #expect(MachineDateGroups.compact(text) == (try MetadataFastPathTests.regexGroups(DateNormalizer.compactPattern, text)))
        }
    }

    @Test("A text without the signs of a date pattern does not match it")
    func dateSigns() throws {
        let month = #"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"#
        let texts = MetadataFastPathTests.randomTexts(
            alphabet: Array("0123456789012345678901234567890123456789 //..--,, JanMaySeptDecember of ſ٢"), count: 5_000, seed: 11)
        for text in texts {
            let signs = DateSigns(text)
            let lower = text.lowercased()
            if try MetadataFastPathTests.regexGroups(#"\b"# + month + #"\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b"#, lower) != nil
                || MetadataFastPathTests.regexGroups(#"\b(\d{1,2})(?:st|nd|rd|th)?\.?\s+(?:of\s+)?"# + month + #",?\s+(\d{4})\b"#, lower) != nil {
                #expect(signs.year && signs.monthName, "\(text)")
            }
            if try MetadataFastPathTests.regexGroups(#"\b(\d{4})[/.-](\d{1,2})[/.-](\d{1,2})\b"#, lower) != nil
                || MetadataFastPathTests.regexGroups(#"\b(\d{1,2})([/.-])(\d{1,2})[/.-](\d{4})\b"#, lower) != nil {
                #expect(signs.year && signs.numericDate, "\(text)")
            }
        }
    }
}

/// A small deterministic random number generator, so that the random cases are the same on every run.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }
}
