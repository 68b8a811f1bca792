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
