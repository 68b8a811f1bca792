/// Renders chosen parts of a page as plain text: paragraphs separated by a blank line, headings and
/// list items on lines of their own, table cells separated by ` | `, white space collapsed, and
/// words never glued together across tags.
struct TextBuilder {
    /// The break owed before the next piece of text; the strongest one requested wins.
    private enum Gap: Int, Comparable {
        case none, space, line, paragraph
        static func < (a: Gap, b: Gap) -> Bool { a.rawValue < b.rawValue }
    }

    /// UTF-8 of the text so far; bytes, because appending to a `String` word by word costs more than the rest.
    private var output: [UInt8] = []
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
        let text = String(decoding: builder.output, as: UTF8.self)
        return hasRepeatedLongLine(builder.output) ? withoutRepeatedLines(text) : text
    }

    /// Whether a line of at least ``repeatedLineLength`` bytes occurs twice: a look at the bytes, by
    /// hash, so that the usual page without one is not split into lines.
    static func hasRepeatedLongLine(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { buffer in
            var seen = LongLines(buffer)
            var start = 0
            while start < buffer.count {
                let end = buffer[start...].firstIndex(of: 0x0A) ?? buffer.count
                if end - start >= repeatedLineLength, !seen.insert(start..<end) { return true }
                start = end + 1
            }
            return false
        }
    }

    /// Lines at least this long are said once: a second copy is a gallery caption or a teaser shown twice.
    static let repeatedLineLength = 100

    /// The text without the second and later copies of a long line, keeping one blank line between paragraphs.
    static func withoutRepeatedLines(_ text: String) -> String {
        WhiteSpace.withBytes(text) { buffer in
            var seen = LongLines(buffer)
            var kept: [Range<Int>] = []
            var dropped = false
            var start = 0
            while start <= buffer.count {
                let end = buffer[start...].firstIndex(of: 0x0A) ?? buffer.count
                defer { start = end + 1 }
                if end - start >= repeatedLineLength, !seen.insert(start..<end) {
                    dropped = true
                    continue
                }
                // A dropped paragraph must not leave two blank lines behind.
                if start == end, kept.last?.isEmpty ?? true { continue }
                kept.append(start..<end)
            }
            guard dropped else { return text }
            while kept.last?.isEmpty == true { kept.removeLast() }
            var output: [UInt8] = []
            output.reserveCapacity(buffer.count)
            for (position, line) in kept.enumerated() {
                if position > 0 { output.append(0x0A) }
                output.append(contentsOf: buffer[line])
            }
            return String(decoding: output, as: UTF8.self)
        }
    }

    /// The long lines of a text met so far, by hash of their bytes, to tell a second copy of one.
    private struct LongLines {
        let text: UnsafeBufferPointer<UInt8>
        private var seen: [Int: [Range<Int>]] = [:]

        init(_ text: UnsafeBufferPointer<UInt8>) {
            self.text = text
        }

        /// Adds the line at `range`; false if the same bytes were added before.
        mutating func insert(_ range: Range<Int>) -> Bool {
            let line = UnsafeBufferPointer(rebasing: text[range])
            var hasher = Hasher()
            hasher.combine(bytes: UnsafeRawBufferPointer(line))
            let key = hasher.finalize()
            if seen[key]?.contains(where: { text[$0].elementsEqual(line) }) == true { return false }
            seen[key, default: []].append(range)
            return true
        }
    }

    /// What an element does to the text around it, found once from its name when it opens.
    private enum Layout {
        /// A block set apart by blank lines.
        case paragraph
        /// A `<br>`: a line break where it stands.
        case lineBreak
        /// An element on lines of its own; a table row also starts its cells afresh.
        case line, row
        /// A table cell, separated from the next one in its row.
        case cell
        /// An element within a line of text.
        case inline
        /// Any other element, which still separates words.
        case other

        init(_ name: String) {
            if TextBuilder.paragraphBlocks.contains(name) {
                self = .paragraph
            } else if name == "br" {
                self = .lineBreak
            } else if TextBuilder.lineBlocks.contains(name) {
                self = name == "tr" ? .row : .line
            } else if TextBuilder.cells.contains(name) {
                self = .cell
            } else {
                self = BoilerplateClassifier.inlineTags.contains(name) ? .inline : .other
            }
        }
    }

    /// The layouts of the last few element names seen: a page's elements come in runs of a few names
    /// (`td`, `tr`, `br`, `li`), and comparing a short name costs far less than the hashing of
    /// ``Layout/init(_:)``'s set look-ups, which pages of a hundred thousand cells felt.
    private struct RecentLayouts {
        private var names = [String](repeating: "", count: 8)
        private var layouts = [Layout](repeating: .other, count: 8)
        private var next = 0
        /// The slot of the last name asked for, compared first: runs of one name (`li`, `td`) are the most common.
        private var last = 0

        mutating func layout(of name: String) -> Layout {
            if names[last].isSameName(name) { return layouts[last] }
            if let slot = names.firstIndex(where: { $0.isSameName(name) }) {
                last = slot
                return layouts[slot]
            }
            let layout = Layout(name)
            names[next] = name
            layouts[next] = layout
            last = next
            next = (next + 1) % names.count
            return layout
        }
    }

    private mutating func walk(_ document: HTMLDocument, root: Int, excluded: [Bool]) {
        let nodes = document.nodes
        // Open elements whose end has not been reached yet; closing them emits their trailing break.
        var open: [(index: Int, layout: Layout, isPre: Bool)] = []
        var preformatted = 0
        var layouts = RecentLayouts()
        var index = root
        let end = document.subtreeEnd(of: root)
        while index < end {
            while let last = open.last, document.subtreeEnd(of: last.index) <= index {
                open.removeLast()
                if last.isPre { preformatted -= 1 }
                close(last.layout)
            }
            if excluded[index] {
                index = document.subtreeEnd(of: index)
                continue
            }
            if nodes[index].isText {
                if preformatted > 0 {
                    document.withText(of: index) { appendPreformatted($0) }
                } else {
                    document.withText(of: index) { append($0) }
                }
            } else if !nodes[index].isInline {
                // Inline elements neither break a line nor separate words, so only other elements are looked up.
                let layout = layouts.layout(of: nodes[index].name)
                // `<pre>` is a paragraph block: the name of no other layout is compared.
                let isPre = layout == .paragraph && nodes[index].name == "pre"
                openElement(layout)
                if isPre { preformatted += 1 }
                open.append((index, layout, isPre))
            }
            index += 1
        }
        while let last = open.popLast() {
            close(last.layout)
        }
    }

    private mutating func openElement(_ layout: Layout) {
        switch layout {
        case .paragraph: request(.paragraph)
        case .lineBreak, .line: request(.line)
        case .row:
            request(.line)
            pendingCellSeparator = false
        // The separator is written before the cell's first word (see appendWord), so empty cells add none.
        case .cell, .inline: break
        // Unknown elements (custom tags, HTML5 tags the parser does not know) still separate words.
        case .other: request(.space)
        }
    }

    private mutating func close(_ layout: Layout) {
        switch layout {
        case .paragraph: request(.paragraph)
        case .line, .row: request(.line)
        case .lineBreak, .inline: break
        case .cell:
            pendingCellSeparator = true
            request(.space)
        case .other: request(.space)
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
        case .space: output.append(0x20)
        case .line: output.append(0x0A)
        case .paragraph: output.append(contentsOf: [0x0A, 0x0A])
        }
        pending = .none
    }

    /// Appends text with runs of white space collapsed; white space at either end becomes a pending space.
    ///
    /// Words parted by one plain space each are written as one run: word by word, each would be preceded by
    /// the same single space, so the bytes are the same and most of a paragraph goes in one copy.
    private mutating func append(_ buffer: UnsafeBufferPointer<UInt8>) {
        var position = 0
        let count = buffer.count
        var sawSpace = false
        while position < count {
            let space = WhiteSpace.length(in: buffer, at: position)
            if space > 0 {
                sawSpace = true
                position += space
                continue
            }
            var end = position + 1
            while end < count {
                if WhiteSpace.length(in: buffer, at: end) == 0 {
                    end += 1
                } else if buffer[end] == 0x20, end + 1 < count, WhiteSpace.length(in: buffer, at: end + 1) == 0 {
                    end += 2
                } else {
                    break
                }
            }
            if sawSpace { request(.space) }
            appendWord(UnsafeBufferPointer(rebasing: buffer[position..<end]))
            sawSpace = false
            position = end
        }
        if sawSpace { request(.space) }
    }

    private mutating func appendWord(_ word: UnsafeBufferPointer<UInt8>) {
        if pendingCellSeparator && pending <= .space && !output.isEmpty {
            output.append(contentsOf: [0x20, 0x7C, 0x20])  // " | "
            pending = .none
        }
        pendingCellSeparator = false
        flushGap()
        output.append(contentsOf: word)
    }

    /// Text inside `<pre>`: line breaks kept, other white space runs collapsed.
    ///
    /// A CR LF pair is one character that is not a line feed, so it collapses like other white space.
    private mutating func appendPreformatted(_ buffer: UnsafeBufferPointer<UInt8>) {
        var lineStart = 0
        for position in 0..<buffer.count where buffer[position] == 0x0A && !(position > 0 && buffer[position - 1] == 0x0D) {
            append(UnsafeBufferPointer(rebasing: buffer[lineStart..<position]))
            request(.line)
            lineStart = position + 1
        }
        append(UnsafeBufferPointer(rebasing: buffer[lineStart..<buffer.count]))
    }
}
