/// The titles and roles written with a person's name: honorifics and ranks right before it
/// ("H.E.", "Mr.", "Major General"), the office they follow ("President of Kazakhstan") and an
/// abbreviated role after a comma ("Mantas Adomėnas, MP").
enum PersonTitles {
    /// Honorifics written with full stops, as the tokens before a name spell them.
    private static let honorifics: Set<String> = ["h.e.", "mr.", "mrs.", "ms.", "dr.", "messrs.", "prof.", "rev.", "hon."]
    /// Abbreviated roles that may follow a name after a comma.
    private static let trailingRoles: Set<String> = ["mp", "mep", "mps", "qc", "kc", "md", "phd"]

    /// The titles of the person whose name covers the tokens of `name`, honorifics first.
    static func titles(of name: Range<Int>, in text: AnnotatedText) -> [String] {
        // Tokens from `start` up to the name, all on the name's line and free of other entities.
        func onNameLine(_ start: Int) -> Bool {
            start >= 0 && !(start + 1..<name.lowerBound + 1).contains { text[$0].lineBreakBefore }
                && !(start..<name.lowerBound).contains { text.isClaimed($0) }
        }
        var honorificTitles: [String] = []
        var roles: [String] = []
        var end = name.lowerBound
        // Dotted honorifics right before the name: "H.E.", "Mr.".
        while let start = (2...4).map({ end - $0 }).first(where: { onNameLine($0) && honorifics.contains(text.key($0..<end)) }) {
            honorificTitles.insert(text.surface(start..<end), at: 0)
            end = start
        }
        // Ranks and offices: "Major General", "Lithuanian MP" (the adjective is no title).
        var start = end
        while onNameLine(start - 1), isTitleWord(text[start - 1]) { start -= 1 }
        if start < end { roles.append(text.surface(start..<end)) }
        // The office on a line of its own that runs into the name: "The President of Kazakhstan H.E.
        // Kassym-Jomart Tokayev", "The Prosecutor General of the Republic of Kazakhstan Mr. ...".
        var lineStart = start
        while lineStart > 0, !text[lineStart].lineBreakBefore, start - lineStart < 20 { lineStart -= 1 }
        if lineStart < start, lineStart == 0 || text[lineStart].lineBreakBefore {
            var first = lineStart
            if text.lower(first) == "the" { first += 1 }
            let words = first..<start
            if !words.isEmpty, text[first].isCapitalized, isTitleWord(text[first]),
               words.allSatisfy({ text[$0].kind == .word && (text[$0].isCapitalized || ["of", "the", "and", "for"].contains(text[$0].lower)) }) {
                roles.insert(text.surface(words), at: 0)
            }
        }
        // ", MP" after the name on its line.
        if text.isPunctuation(name.upperBound, ","), let role = text.token(name.upperBound + 1), !role.lineBreakBefore,
           trailingRoles.contains(role.lower) {
            roles.append(role.text)
        }
        return honorificTitles + roles
    }

    private static func isTitleWord(_ token: Token) -> Bool {
        token.kind == .word && token.isCapitalized && Lexicon.titles.contains(token.lower)
    }
}
