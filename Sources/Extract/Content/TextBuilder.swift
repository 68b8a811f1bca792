/// Renders chosen parts of a page as plain text: paragraphs separated by a blank line, headings and
/// list items on lines of their own, table cells separated by ` | `, white space collapsed, and
/// words never glued together across tags.
struct TextBuilder {
    /// The break owed before the next piece of text; the strongest one requested wins.
    private enum Gap: Int, Comparable {
        case none, space, line, paragraph
        static func < (a: Gap, b: Gap) -> Bool { a.rawValue < b.rawValue }
    }

    private var output = ""
    private var pending: Gap = .none
    /// Set when the next text follows a table cell in the same row.
    private var pendingCellSeparator = false

    private static let paragraphBlocks: Set<String> = [
        "p", "div", "section", "article", "main", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "table",
        "ul", "ol", "dl", "figure", "figcaption", "form", "fieldset", "address", "header", "footer", "aside", "nav",
        "hr", "center", "details", "summary", "caption", "body", "html",
    ]
    private static let lineBlocks: Set<String> = ["li", "dt", "dd", "tr", "br", "option", "legend", "thead", "tbody", "tfoot"]
    private static let cells: Set<String> = ["td", "th"]

    /// The text of the subtrees at `roots`, leaving out every node marked in `excluded`.
    static func render(_ document: HTMLDocument, roots: [Int], excluded: [Bool]) -> String {
        var builder = TextBuilder()
        for root in roots {
            builder.walk(document, root: root, excluded: excluded)
            builder.request(.paragraph)
        }
        return builder.output
    }

    private mutating func walk(_ document: HTMLDocument, root: Int, excluded: [Bool]) {
        let nodes = document.nodes
        // Open elements whose end has not been reached yet; closing them emits their trailing break.
        var open: [Int] = []
        var preformatted = 0
        var index = root
        let end = document.subtreeEnd(of: root)
        while index < end {
            while let last = open.last, document.subtreeEnd(of: last) <= index {
                open.removeLast()
                if nodes[last].name == "pre" { preformatted -= 1 }
                close(nodes[last].name)
            }
            if excluded[index] {
                index = document.subtreeEnd(of: index)
                continue
            }
            let node = nodes[index]
            if node.isText {
                if preformatted > 0 {
                    appendPreformatted(node.text)
                } else {
                    append(node.text)
                }
            } else {
                openElement(node.name)
                if node.name == "pre" { preformatted += 1 }
                open.append(index)
            }
            index += 1
        }
        while let last = open.popLast() {
            close(nodes[last].name)
        }
    }

    private mutating func openElement(_ name: String) {
        if TextBuilder.paragraphBlocks.contains(name) {
            request(.paragraph)
        } else if name == "br" {
            request(.line)
        } else if TextBuilder.lineBlocks.contains(name) {
            request(.line)
            if name == "tr" { pendingCellSeparator = false }
        } else if TextBuilder.cells.contains(name) {
            // The separator is written before the cell's first word (see appendWord), so empty cells add none.
            return
        } else if !BoilerplateClassifier.inlineTags.contains(name) {
            // Unknown elements (custom tags, HTML5 tags the parser does not know) still separate words.
            request(.space)
        }
    }

    private mutating func close(_ name: String) {
        if TextBuilder.paragraphBlocks.contains(name) {
            request(.paragraph)
        } else if TextBuilder.lineBlocks.contains(name) {
            if name != "br" { request(.line) }
        } else if TextBuilder.cells.contains(name) {
            pendingCellSeparator = true
            request(.space)
        } else if !BoilerplateClassifier.inlineTags.contains(name) {
            request(.space)
        }
    }

    private mutating func request(_ gap: Gap) {
        if gap > pending { pending = gap }
        if gap >= .line { pendingCellSeparator = false }
    }

    private mutating func flushGap() {
        guard !output.isEmpty else {
            pending = .none
            return
        }
        switch pending {
        case .none: break
        case .space: output += " "
        case .line: output += "\n"
        case .paragraph: output += "\n\n"
        }
        pending = .none
    }

    /// Appends text with runs of white space collapsed; white space at either end becomes a pending space.
    private mutating func append(_ text: String) {
        var word = ""
        var sawSpace = false
        for character in text {
            if character.isWhitespace {
                sawSpace = true
                continue
            }
            if sawSpace {
                if !word.isEmpty {
                    appendWord(word)
                    word = ""
                }
                request(.space)
                sawSpace = false
            }
            word.append(character)
        }
        if !word.isEmpty { appendWord(word) }
        if sawSpace { request(.space) }
    }

    private mutating func appendWord(_ word: String) {
        if pendingCellSeparator && pending <= .space && !output.isEmpty {
            output += " | "
            pending = .none
        }
        pendingCellSeparator = false
        flushGap()
        output += word
    }

    /// Text inside `<pre>`: line breaks kept, other white space runs collapsed.
    private mutating func appendPreformatted(_ text: String) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        for (number, line) in lines.enumerated() {
            if number > 0 { request(.line) }
            append(String(line))
        }
    }
}
