import CLibXML2

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A page with its long script and style bodies and runs of text replaced by short markers and the
/// attributes of its start tags left out, for libxml2 to parse, and the replaced content to give back
/// when the markers and tags come out of the parser.
///
/// libxml2 2.9's HTML parser spends some 80 instructions on each character of a script body or an
/// attribute value, and on real pages those are over half of all bytes, so the parse costs more than
/// the rest of the extract stage. A marker is the byte 0x7F (DEL), the index of the replaced content in
/// decimal, and 0x7F again; ``HTMLTreeBuilder`` leaves DEL bytes of the page itself out before it gets
/// here, and a page that still holds one is not condensed.
///
/// Only content that the parser passes on unchanged is replaced: a script or style body without control
/// characters or the two non-characters U+FFFE and U+FFFF (libxml2 drops those), and a run of text between
/// two tags under the same rules, with a visible character and no `&` (an entity to decode).
/// ``HTMLTreeBuilder`` trusts the condensed parse only if every marker comes back exactly once, whole and
/// where it was put (a body as the entire text of its script or style element, a run of text as one whole
/// piece of text) and no DEL shows up anywhere else; otherwise the page is parsed again as it is. Under
/// that check the two parses agree: the parser entered each marker at the byte where the content began
/// and left it at the delimiter that ends the content too (the first `</script`, the next `<`), so it
/// read the content the same way and made the same decisions before and after it.
///
/// Runs of white space between two tags, which make up a good part of a page's text, cannot be replaced
/// by a marker: white space that libxml2 would leave out, or not take as the start of a paragraph, must
/// stay white space. Such a run is cut to its first byte instead, and ``HTMLTreeBuilder`` knows it by
/// where it ends in the condensed page: the parser reports a run of text when it reaches the `<` that
/// ends it. Each cut run must come back exactly there, as that one byte, or the page is parsed again.
///
/// The attributes of a start tag, which libxml2 reads character by character, name by name, are left out
/// of it (`<div class="a" id="b">` becomes `<div>`) and read by the scan instead, which keeps those that
/// extraction reads (``HTMLDocument/keptAttributes``) with their values as they are in the page: the tag
/// keeps its name and its end, and no attribute steers how libxml2 builds the tree but those of the
/// tags left alone. ``HTMLTreeBuilder`` knows the tag again by where the parser reports it, at its `>`
/// (or `/>`) in the condensed page; each stripped tag must come back there, under its name, or the
/// page is parsed again.
///
/// libxml2 also spends some 2,000 instructions on each element, and pages of tens of thousands of links
/// or table cells are made of little else. A run of whole elements that libxml2 would build just as their
/// tags spell them (see ``RunElements`` and ``Scanner/takeElementRun(from:)``) is replaced by a marker
/// too, and ``HTMLTreeBuilder`` builds its elements from ``runEvents`` where the marker comes back: as a
/// whole piece of text, in the body, in an element that none of the run's elements closes.
struct CondensedInput {
    /// The condensed page, ending in a NUL byte for libxml2.
    let bytes: [UInt8]
    /// Where each replaced piece lies in the original page, by marker index.
    let replaced: [Range<Int>]
    /// For each replaced piece, the element whose body it is ("script" or "style") or ``textRun`` for a run
    /// of text.
    let bodyOf: [String]
    /// Where each run of white space cut to its first byte ends in the condensed page, in page order.
    let whiteSpaceEnds: [Int]
    /// Where each cut run of white space lies in the original page (by its place in ``whiteSpaceEnds``).
    let whiteSpaceRuns: [Range<Int>]
    /// The start tags whose attributes were left out, in page order.
    let strippedTags: [StrippedTag]
    /// The attributes of the stripped tags that extraction reads (``StrippedTag/attributes``).
    let keptAttributes: [KeptAttribute]
    /// The runs of elements replaced by markers, by marker index (see ``RunElements``).
    let elementRuns: [Int: ElementRun]
    /// What the runs of elements hold, run after run.
    let runEvents: [RunEvent]
    /// How many start and plain end tags the page holds, to size the node array.
    let startTagCount: Int
    let endTagCount: Int
    /// How many bytes of text (bodies, runs of text and of white space) the markers and cut runs stand
    /// for, to size the text buffer: script bodies are often most of a page.
    let replacedTextLength: Int

    /// A start tag whose attributes were left out of the condensed page.
    struct StrippedTag {
        /// Where its `>` (or `/>`) lies in the condensed page: where the parser reports the element.
        let end: Int
        /// Where its name lies in the page.
        let name: Range<Int>
        /// Its attributes in ``keptAttributes``.
        let attributes: Range<Int>
    }

    /// A run of elements replaced by a marker.
    struct ElementRun {
        /// What it holds, in ``runEvents``.
        let events: Range<Int>
        /// The elements that start at its top level, which must not close the element that the marker lands in.
        let topLevel: RunElements.Set
    }

    /// A start tag, an end tag, a run of text, a script or style body or a comment in a run of elements,
    /// in page order.
    struct RunEvent {
        enum Kind {
            case start, end, text, comment
            /// A script or style body.
            case source
        }
        let kind: Kind
        /// The name of a tag, or where the text or the comment's body lies, in the page.
        let range: Range<Int>
        /// A start tag's element, by place in ``RunElements/names``.
        var element = 0
        /// A start tag's attributes that extraction reads, in ``keptAttributes``.
        var attributes = 0..<0
    }

    /// An attribute that extraction reads, of a stripped tag, as libxml2 would pass it: the first of its
    /// name in the tag, with its value as it is in the page (nil for an attribute without a value).
    struct KeptAttribute {
        /// The name, by its place in ``KeptAttributeNames/names``.
        let name: Int
        let value: Range<Int>?
    }

    /// What ``bodyOf`` says of a run of text.
    static let textRun = "#text"
    /// What ``bodyOf`` says of a run of elements.
    static let elementRun = "#elements"
    /// Runs of text at least this long are left alone: libxml2 reports text in pieces of 1,000
    /// characters and may drop a last piece of only white space, which a marker would keep.
    static let maximumTextLength = 1000

    /// The byte that opens and closes a marker.
    static let markerByte: UInt8 = 0x7F
    /// Shorter content is not worth a marker.
    static let minimumLength = 16

    /// The page condensed; nil if nothing is worth replacing or the page holds a DEL byte. Tests leave runs
    /// of elements alone with `takingRuns`, to see the rest of the condensing.
    static func condense(_ page: UnsafeBufferPointer<UInt8>, takingRuns: Bool = true) -> CondensedInput? {
        guard let base = page.baseAddress, memchr(base, Int32(markerByte), page.count) == nil else { return nil }
        var scanner = Scanner(page: page, takingRuns: takingRuns)
        scanner.scan()
        guard !scanner.replaced.isEmpty || scanner.dropped || !scanner.whiteSpaceEnds.isEmpty || !scanner.strippedTags.isEmpty
        else { return nil }
        scanner.output.append(contentsOf: UnsafeBufferPointer(rebasing: page[scanner.copiedUpTo...]))
        scanner.output.append(0)
        return CondensedInput(
            bytes: scanner.output, replaced: scanner.replaced, bodyOf: scanner.bodyOf, whiteSpaceEnds: scanner.whiteSpaceEnds,
            whiteSpaceRuns: scanner.whiteSpaceRuns, strippedTags: scanner.strippedTags, keptAttributes: scanner.keptAttributes,
            elementRuns: scanner.elementRuns, runEvents: scanner.runEvents,
            startTagCount: scanner.startTagCount, endTagCount: scanner.endTagCount,
            replacedTextLength: scanner.replacedTextLength)
    }

    /// The marker index that `value` consists of, or nil if it is no whole marker.
    static func markerIndex(_ value: UnsafeBufferPointer<UInt8>) -> Int? {
        guard value.count >= 3, value.count <= 20, value[0] == markerByte, value[value.count - 1] == markerByte else {
            return nil
        }
        var index = 0
        for digit in value[1..<(value.count - 1)] {
            guard digit >= 0x30 && digit <= 0x39 else { return nil }
            index = index * 10 + Int(digit - 0x30)
        }
        return index
    }

    /// True if `text` holds a DEL byte.
    static func containsMarkerByte(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = text.baseAddress else { return false }
        return memchr(base, Int32(markerByte), text.count) != nil
    }

    /// One pass over the page: start tags with their attributes, comments, script and style bodies, and text.
    private struct Scanner {
        let page: UnsafeBufferPointer<UInt8>
        var output: [UInt8] = []
        var copiedUpTo = 0
        var replaced: [Range<Int>] = []
        var bodyOf: [String] = []
        var whiteSpaceEnds: [Int] = []
        var whiteSpaceRuns: [Range<Int>] = []
        var strippedTags: [StrippedTag] = []
        var keptAttributes: [KeptAttribute] = []
        /// True once a comment's body has been left out.
        var dropped = false
        var startTagCount = 0
        var endTagCount = 0
        var replacedTextLength = 0
        var runEvents: [RunEvent] = []
        var elementRuns: [Int: ElementRun] = [:]
        private var position = 0
        /// The names of the elements open at the scan, as far as it can tell without libxml2's rules for
        /// closing elements: where a run of elements may go (see ``takeElementRun(from:)``).
        private var openNames: [OpenName] = []

        /// An element open at the scan: its name in the page, and its place in ``RunElements/names`` (nil for
        /// none).
        private struct OpenName {
            let name: Range<Int>
            let element: Int?
        }
        /// Where the last try at a run of elements stopped reading: no try starts before it, so that no
        /// byte is read by more than one try.
        private var noRunBefore = 0
        private let runElements = RunElements.table
        /// The open elements of a run while it is read, kept between runs for its storage.
        private var runOpen: [Int] = []

        init(page: UnsafeBufferPointer<UInt8>, takingRuns: Bool) {
            self.page = page
            noRunBefore = takingRuns ? 0 : Int.max
            output.reserveCapacity(page.count + 1)
        }

        mutating func scan() {
            let count = page.count
            // Where text starts that libxml2 reads as text up to the next `<`: after a start tag, an end
            // tag or a comment, which it ends at the same `>` as the scan.
            var textStart: Int?
            while let open = find(0x3C, from: position) {  // <
                if let start = textStart {
                    if let end = takeElementRun(from: start) {
                        position = end
                        textStart = nil
                        continue
                    }
                    condenseText(start..<open)
                }
                textStart = nil
                position = open + 1
                if matches("!--", at: position) {
                    let close = find("-->", from: position + 3)
                    if let close { emptyComment(body: (position + 3)..<close) }
                    position = close.map { $0 + 3 } ?? count
                    textStart = position
                } else if position < count, isLetter(page[position]) {
                    startTagCount += 1
                    guard let opened = startTag() else { return }
                    if let body = opened {
                        if !skipBody(of: body) { return }
                    } else {
                        textStart = position
                    }
                } else if position < count, page[position] == 0x2F, let name = endTag() {  // /
                    endTagCount += 1
                    textStart = position
                    if let open = openNames.lastIndex(where: { isSameName($0.name, name) }) { openNames.removeSubrange(open...) }
                }
            }
        }

        /// Reads a start tag from its name to its `>`, leaving its attributes out where it may (see
        /// ``strip(_:name:attributes:)``); gives the name of the element if a script or style body follows,
        /// and nil at the end of the page.
        private mutating func startTag() -> StaticString?? {
            guard let tag = readStartTag() else { return nil }
            if tag.mayStrip && tag.sawAttribute {
                strip(tag.name.upperBound..<tag.attributesEnd, name: tag.name, attributes: tag.attributes)
            } else {
                keptAttributes.removeSubrange(tag.attributes)
            }
            notePredictedOpen(tag)
            return .some(tag.isEmptyElement ? nil : tag.body)
        }

        /// A start tag as ``readStartTag()`` read it.
        struct StartTag {
            let name: Range<Int>
            /// Its attributes that extraction reads, in ``keptAttributes``.
            let attributes: Range<Int>
            /// Where its attributes end: at the `>` or `/>`.
            let attributesEnd: Int
            /// False where the attributes must stay for libxml2 to read (see ``readStartTag()``).
            let mayStrip: Bool
            let sawAttribute: Bool
            /// True if some text in the tag was no attribute, which libxml2 skips up to a blank.
            let holdsStray: Bool
            /// Ends in `/>`, which closes the element at once for libxml2.
            let isEmptyElement: Bool
            /// "script" or "style" where a body follows.
            let body: StaticString?
        }

        /// Reads a start tag from its name to its `>`, noting its kept attributes in ``keptAttributes``;
        /// nil at the end of the page.
        ///
        /// Attributes are read as libxml2 2.9 reads them: a name of letters, digits and `:_.-`, then
        /// perhaps `=` and a value, in quotes or up to a blank or `>`; anything else is skipped up to
        /// the next blank. The attributes stay where libxml2 would decode a value that extraction reads
        /// (an entity), might read the tag otherwise (a control character, a name cut at 100 bytes) or
        /// may drop the whole tag: `html`, `head` and `body`, which are dropped when misplaced.
        private mutating func readStartTag() -> StartTag? {
            let name = readName()
            var body: StaticString?
            var mayStrip = name.count < 100
            switch name.count {
            case 4: mayStrip = !isName("html", name) && !isName("head", name) && !isName("body", name)
            case 5: body = isName("style", name) ? "style" : nil
            case 6: body = isName("script", name) ? "script" : nil
            default: break
            }
            let firstKept = keptAttributes.count
            var sawAttribute = false
            var holdsStray = false
            while position < page.count {
                skipBlanks()
                guard position < page.count else { return nil }
                let byte = page[position]
                let isEmptyElement = byte == 0x2F && position + 1 < page.count && page[position + 1] == 0x3E  // />
                if byte == 0x3E || isEmptyElement {  // >
                    let end = position
                    position += isEmptyElement ? 2 : 1
                    return StartTag(
                        name: name, attributes: firstKept..<keptAttributes.count, attributesEnd: end, mayStrip: mayStrip,
                        sawAttribute: sawAttribute, holdsStray: holdsStray, isEmptyElement: isEmptyElement, body: body)
                }
                sawAttribute = true
                guard isNameStart(byte) else {
                    // Not a name: libxml2 skips to the next blank, `>` or `/>`.
                    holdsStray = true
                    while position < page.count, !isBlank(page[position]), page[position] != 0x3E,
                          !(page[position] == 0x2F && position + 1 < page.count && page[position + 1] == 0x3E) {
                        if page[position] < 0x20 { mayStrip = false }
                        position += 1
                    }
                    continue
                }
                let attribute = readName()
                // libxml2 reads at most 100 bytes of a name, and takes the rest as another attribute.
                if attribute.count >= 100 { mayStrip = false }
                var kept = mayStrip ? KeptAttributeNames.index(of: UnsafeBufferPointer(rebasing: page[attribute])) : nil
                if let name = kept, keptAttributes[firstKept...].contains(where: { $0.name == name }) { kept = nil }  // a repeat
                skipBlanks()
                guard position < page.count, page[position] == 0x3D else {  // =
                    if let kept { keptAttributes.append(KeptAttribute(name: kept, value: nil)) }
                    continue
                }
                position += 1
                skipBlanks()
                guard position < page.count else { return nil }
                let quote = page[position]
                let value: Range<Int>
                if quote == 0x22 || quote == 0x27 {
                    guard let end = find(quote, from: position + 1) else { return nil }
                    value = (position + 1)..<end
                    position = end + 1
                } else {
                    let start = position
                    while position < page.count, !isBlank(page[position]), page[position] != 0x3E { position += 1 }
                    value = start..<position
                }
                if let kept {
                    if isPlainText(value) {
                        keptAttributes.append(KeptAttribute(name: kept, value: value))
                    } else {
                        mayStrip = false
                    }
                }
            }
            return nil
        }

        /// Reads an end tag after its `<` in the plain form `/name>`, with blanks allowed before the `>`,
        /// and gives its name; nil (and the position left inside the tag) for any other form.
        private mutating func endTag() -> Range<Int>? {
            position += 1
            guard position < page.count, isNameStart(page[position]) else { return nil }
            let name = readName()
            guard name.count < 100 else { return nil }
            skipBlanks()
            guard position < page.count, page[position] == 0x3E else { return nil }  // >
            position += 1
            return name
        }

        /// Replaces the run of whole elements (and text between them) that starts at `start`, just after
        /// a tag, with a marker if it holds an element; gives where the run ends, at the `<` of the first
        /// tag after it, or nil if it is not replaced.
        ///
        /// A run holds only elements of ``RunElements/names`` whose tags are plain (no stray text, and
        /// attributes that extraction reads with plain values), each closed by its own end tag in order
        /// (or void, or ended by `/>`), none of which the HTML rules make close the element around it, and
        /// plain text (``isPlainText(_:)``) between them. For such markup, libxml2 builds exactly the
        /// elements the tags spell, so ``HTMLTreeBuilder`` builds them itself from ``runEvents``. The
        /// run ends at the last point where every element in it is closed before the first tag or text
        /// that breaks these rules, or before the end tag of the element around it.
        private mutating func takeElementRun(from start: Int) -> Int? {
            // Text in html or head makes libxml2 imply other elements; text in a script or style is source.
            guard start >= noRunBefore, let parent = openNames.last, !isName("html", parent.name), !isName("head", parent.name),
                  !isName("script", parent.name), !isName("style", parent.name)
            else { return nil }
            // Most tags are followed by text and an end tag, or by a tag that no run holds: those are
            // passed over at a glance.
            guard let first = find(0x3C, from: start), first + 1 < page.count, isLetter(page[first + 1]) else {
                noRunBefore = start + 1
                return nil
            }
            var nameEnd = first + 1
            while nameEnd < page.count, isNameByte(page[nameEnd]) { nameEnd += 1 }
            guard let firstElement = runElements.index(of: UnsafeBufferPointer(rebasing: page[(first + 1)..<nameEnd])),
                  !closes(firstElement, parent)
            else {
                noRunBefore = start + 1
                return nil
            }
            let saved = (position: position, events: runEvents.count, kept: keptAttributes.count)
            var open: [Int] = []
            swap(&open, &runOpen)
            open.removeAll(keepingCapacity: true)
            defer { swap(&open, &runOpen) }
            var elements = 0
            var endTags = 0
            var topLevel = RunElements.Set()
            var safe = (end: start, events: saved.events, kept: saved.kept, elements: 0, endTags: 0, topLevel: topLevel)
            position = start
            while let next = find(0x3C, from: position) {  // <
                if next > position {
                    let text = position..<next
                    // libxml2 reports long text in pieces of 1,000 characters (see ``maximumTextLength``).
                    guard text.count < CondensedInput.maximumTextLength, isPlainText(text) else { break }
                    runEvents.append(RunEvent(kind: .text, range: text))
                }
                if open.isEmpty {
                    safe = (next, runEvents.count, keptAttributes.count, elements, endTags, topLevel)
                }
                position = next + 1
                guard position < page.count else { break }
                if isLetter(page[position]) {
                    guard let tag = readStartTag(), !tag.holdsStray, tag.mayStrip || !tag.sawAttribute,
                          let element = runElements.index(of: UnsafeBufferPointer(rebasing: page[tag.name]))
                    else { break }
                    if let inner = open.last {
                        guard !runElements.closes(element, inner: inner) else { break }
                    } else {
                        guard !closes(element, parent) else { break }
                        topLevel.insert(element)
                    }
                    runEvents.append(RunEvent(kind: .start, range: tag.name, element: element, attributes: tag.attributes))
                    elements += 1
                    if tag.isEmptyElement || runElements.isVoid[element] {
                        runEvents.append(RunEvent(kind: .end, range: tag.name))
                    } else {
                        open.append(element)
                    }
                    if let body = tag.body, !tag.isEmptyElement {
                        // libxml2 passes a script or style body on as it is only without the characters it drops.
                        guard let end = bodyEnd(of: body, from: position),
                              isPlainBody(UnsafeBufferPointer(rebasing: page[position..<end]))
                        else { break }
                        if end > position { runEvents.append(RunEvent(kind: .source, range: position..<end)) }
                        position = end
                    }
                } else if matches("!--", at: position) {
                    // A comment is no node, but it ends the text before it; libxml2 must end it where the scan does.
                    let body = (position + 3)..<(find("-->", from: position + 3) ?? page.count)
                    guard body.upperBound < page.count, isPlainComment(body) else { break }
                    runEvents.append(RunEvent(kind: .comment, range: body))
                    position = body.upperBound + 3
                } else if page[position] == 0x2F {  // /
                    guard let name = endTag(), let element = open.last,
                          runElements.index(of: UnsafeBufferPointer(rebasing: page[name])) == element
                    else { break }
                    open.removeLast()
                    endTags += 1
                    runEvents.append(RunEvent(kind: .end, range: name))
                } else {
                    break
                }
            }
            noRunBefore = position
            position = saved.position
            // One element is worth a run already: libxml2 spends some 2,000 instructions on an element, the
            // scan and the builder a few hundred.
            guard safe.elements > 0 else {
                runEvents.removeSubrange(saved.events...)
                keptAttributes.removeSubrange(saved.kept...)
                return nil
            }
            runEvents.removeSubrange(safe.events...)
            keptAttributes.removeSubrange(safe.kept...)
            elementRuns[replaced.count] = ElementRun(events: saved.events..<safe.events, topLevel: safe.topLevel)
            replace(start..<safe.end, bodyOf: CondensedInput.elementRun)
            startTagCount += safe.elements
            endTagCount += safe.endTags
            return safe.end
        }

        /// True if a start tag of `element` (a place in ``RunElements/names``) closes the open element `parent`.
        private func closes(_ element: Int, _ parent: OpenName) -> Bool {
            if let known = parent.element { return runElements.closes(element, inner: known) }
            return runElements.closes(element, UnsafeBufferPointer(rebasing: page[parent.name]))
        }

        /// Keeps ``openNames`` after a start tag: the elements it closes by the HTML rules go (as far as the
        /// rules for ``RunElements`` tell), and it is open next unless void or ended by `/>`.
        private mutating func notePredictedOpen(_ tag: StartTag) {
            let element = runElements.index(of: UnsafeBufferPointer(rebasing: page[tag.name]))
            if let element {
                while let inner = openNames.last?.element, runElements.closes(element, inner: inner) {
                    openNames.removeLast()
                }
            }
            if !tag.isEmptyElement, !isVoid(tag.name) { openNames.append(OpenName(name: tag.name, element: element)) }
        }

        /// True for the elements that libxml2 2.9 closes at once (it has no end tag).
        private func isVoid(_ name: Range<Int>) -> Bool {
            switch name.count {
            case 2: isName("br", name) || isName("hr", name)
            case 3: isName("img", name) || isName("col", name)
            case 4: isName("area", name) || isName("base", name) || isName("link", name) || isName("meta", name)
            case 5: isName("input", name) || isName("frame", name) || isName("param", name)
            case 7: isName("isindex", name)
            case 8: isName("basefont", name)
            default: false
            }
        }

        /// Replaces a run of text between two tags if libxml2 passes it on unchanged in one piece: not
        /// too short or too long, with a visible character (text of only white space may be dropped) and
        /// plain (``isPlainText(_:)``). A run of only white space is cut to its first byte instead.
        private mutating func condenseText(_ run: Range<Int>) {
            guard run.count > 1, run.count < CondensedInput.maximumTextLength else { return }
            var position = run.lowerBound
            while position < run.upperBound, isBlank(page[position]) { position += 1 }
            if position < run.upperBound {
                if run.count >= CondensedInput.minimumLength, page[position] > 0x20, isPlainText(run) {
                    replace(run, bodyOf: CondensedInput.textRun)
                }
            } else if startTagCount > 0 {  // libxml2 skips white space before the first element
                copyPage(upTo: run.lowerBound + 1)
                copiedUpTo = run.upperBound
                whiteSpaceEnds.append(output.count)
                whiteSpaceRuns.append(run)
                replacedTextLength += run.count
            }
        }

        /// Leaves out the body of a comment, which libxml2 reads character by character only to hand it
        /// to a callback that keeps nothing of it. Bodies that libxml2 may end before the `-->` the scan
        /// found are left alone: one that starts with `>` or `->`, or holds `--!>`.
        private mutating func emptyComment(body: Range<Int>) {
            guard body.count >= CondensedInput.minimumLength, isPlainComment(body) else { return }
            drop(body)
        }

        /// True for the body of a comment that libxml2 ends at the first `-->` after it, as the scan does:
        /// not one that starts with `>` or `->`, or holds `--!>`.
        private func isPlainComment(_ body: Range<Int>) -> Bool {
            !body.isEmpty && page[body.lowerBound] != 0x3E && !matches("->", at: body.lowerBound) && !contains("--!>", in: body)
        }

        /// Reads a name of letters, digits and `:_.-`, as libxml2's `htmlParseHTMLName` does.
        private mutating func readName() -> Range<Int> {
            let start = position
            while position < page.count, isNameByte(page[position]) { position += 1 }
            return start..<position
        }

        private mutating func skipBlanks() {
            while position < page.count, isBlank(page[position]) { position += 1 }
        }

        /// True if the names at `a` and `b` are equal in any case.
        private func isSameName(_ a: Range<Int>, _ b: Range<Int>) -> Bool {
            a.count == b.count && (0..<a.count).allSatisfy { page[a.lowerBound + $0] | 0x20 == page[b.lowerBound + $0] | 0x20 }
        }

        /// Skips a script or style body, replacing it if it may be; false at the end of the page.
        ///
        /// libxml2 2.9 (recovering) ends the body at the first `</` followed by the element's name in
        /// any case, and reads any other `</` in it as source.
        private mutating func skipBody(of tag: StaticString) -> Bool {
            let start = position
            guard let end = bodyEnd(of: tag, from: start) else { return false }
            let body = start..<end
            if body.count >= CondensedInput.minimumLength, isPlainBody(UnsafeBufferPointer(rebasing: page[body])) {
                replace(body, bodyOf: tag.description)
            }
            position = end
            return true
        }

        /// Where a script or style body that starts at `start` ends: at the first `</` followed by the
        /// element's name in any case; nil if none follows.
        private func bodyEnd(of tag: StaticString, from start: Int) -> Int? {
            var end = start
            while let slash = find("</", from: end) {
                let after = slash + 2
                if isName(tag, after..<min(after + tag.utf8CodeUnitCount, page.count)) { return slash }
                end = after
            }
            return nil
        }

        /// Leaves out the attributes of a start tag, between its name and its end, noting what is kept of them.
        private mutating func strip(_ range: Range<Int>, name: Range<Int>, attributes: Range<Int>) {
            copyPage(upTo: range.lowerBound)
            copiedUpTo = range.upperBound
            strippedTags.append(StrippedTag(end: output.count, name: name, attributes: attributes))
        }

        /// Text or a value that libxml2 passes on as it is: without `&` (an entity to decode) and without
        /// the characters that ``isPlainBody(_:)`` rules out.
        private func isPlainText(_ range: Range<Int>) -> Bool {
            guard !range.isEmpty, let base = page.baseAddress else { return true }
            return memchr(base + range.lowerBound, 0x26, range.count) == nil  // &
                && isPlainBody(UnsafeBufferPointer(rebasing: page[range]))
        }

        /// Leaves out a comment's body.
        private mutating func drop(_ range: Range<Int>) {
            copyPage(upTo: range.lowerBound)
            copiedUpTo = range.upperBound
            dropped = true
        }

        private mutating func replace(_ range: Range<Int>, bodyOf tag: String) {
            copyPage(upTo: range.lowerBound)
            output.append(CondensedInput.markerByte)
            let index = replaced.count
            var divisor = 1
            while divisor <= index / 10 { divisor *= 10 }
            while divisor > 0 {
                output.append(0x30 + UInt8(index / divisor % 10))
                divisor /= 10
            }
            output.append(CondensedInput.markerByte)
            copiedUpTo = range.upperBound
            replaced.append(range)
            bodyOf.append(tag)
            replacedTextLength += range.count
        }

        /// Copies the page from where the output stopped up to `end`.
        private mutating func copyPage(upTo end: Int) {
            output.append(contentsOf: UnsafeBufferPointer(rebasing: page[copiedUpTo..<end]))
        }

        /// No control character but tab, line feed and carriage return, and no U+FFFE or U+FFFF (EF BF BE/BF).
        private func isPlainBody(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
            let raw = UnsafeRawBufferPointer(bytes)
            var offset = 0
            while offset < bytes.count {
                // Bodies are long: 32 bytes at a time while no byte is below 0x20 or a 0xEF (the usual bit
                // tricks), then eight at a time with an exact test, lane by lane, that lets tab, line feed
                // and carriage return (in nearly every word of source) pass. Only words that fail both
                // are looked at byte by byte.
                if offset + 32 <= bytes.count {
                    var suspicious: UInt64 = 0
                    for lane in stride(from: 0, to: 32, by: 8) {
                        suspicious |= Scanner.quickTest(raw.loadUnaligned(fromByteOffset: offset + lane, as: UInt64.self))
                    }
                    if suspicious == 0 {
                        offset += 32
                        continue
                    }
                }
                let end = min(offset + 8, bytes.count)
                if end - offset == 8 {
                    let word = raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
                    let below20 = (word &- 0x20 &* Scanner.ones) & ~word & Scanner.highBits
                    let lead = word ^ (0xEF &* Scanner.ones)
                    let hasEF = (lead &- Scanner.ones) & ~lead & Scanner.highBits
                    if below20 == 0 && hasEF == 0 {
                        offset = end
                        continue
                    }
                    if hasEF == 0 {
                        let low = word & ~Scanner.highBits
                        let control = ~(low &+ 0x60 &* Scanner.ones) & ~word & Scanner.highBits
                        let allowed = Scanner.zeroLanes(word ^ (0x09 &* Scanner.ones)) | Scanner.zeroLanes(word ^ (0x0A &* Scanner.ones))
                            | Scanner.zeroLanes(word ^ (0x0D &* Scanner.ones))
                        if control & ~allowed == 0 {
                            offset = end
                            continue
                        }
                    }
                }
                for position in offset..<end {
                    let byte = bytes[position]
                    if byte < 0x20, byte != 0x09, byte != 0x0A, byte != 0x0D { return false }
                    if Scanner.startsDroppedNonCharacter(bytes, at: position, end: bytes.count) { return false }
                }
                offset = end
            }
            return true
        }

        private static let ones: UInt64 = 0x0101_0101_0101_0101
        private static let highBits: UInt64 = 0x8080_8080_8080_8080

        /// Not zero exactly when a byte of `word` is below 0x20 or is 0xEF.
        @inline(__always)
        private static func quickTest(_ word: UInt64) -> UInt64 {
            let lead = word ^ (0xEF &* ones)
            return ((word &- 0x20 &* ones) & ~word | (lead &- ones) & ~lead) & highBits
        }

        /// The high bit of each byte of `word` that is zero, and no other bit.
        private static func zeroLanes(_ word: UInt64) -> UInt64 {
            ~(((word & ~highBits) &+ ~highBits) | word) & highBits
        }

        private func find(_ byte: UInt8, from start: Int) -> Int? {
            guard start < page.count, let base = page.baseAddress,
                  let found = memchr(base + start, Int32(byte), page.count - start)
            else { return nil }
            return UnsafeRawPointer(found) - UnsafeRawPointer(base)
        }

        private func find(_ text: StaticString, from start: Int) -> Int? {
            var from = start
            while let first = find(text.utf8Start.pointee, from: from) {
                if matches(text, at: first) { return first }
                from = first + 1
            }
            return nil
        }

        /// True if `text` lies within `range`; the search stops at its end.
        private func contains(_ text: StaticString, in range: Range<Int>) -> Bool {
            var from = range.lowerBound
            let last = range.upperBound - text.utf8CodeUnitCount
            while from <= last, let base = page.baseAddress,
                  let found = memchr(base + from, Int32(text.utf8Start.pointee), last + 1 - from) {
                let first = UnsafeRawPointer(found) - UnsafeRawPointer(base)
                if matches(text, at: first) { return true }
                from = first + 1
            }
            return false
        }

        private func matches(_ text: StaticString, at start: Int) -> Bool {
            let length = text.utf8CodeUnitCount
            guard start + length <= page.count else { return false }
            return (0..<length).allSatisfy { page[start + $0] == text.utf8Start[$0] }
        }

        /// True if the bytes at `range` spell `name` (lowercase ASCII) in any case.
        private func isName(_ name: StaticString, _ range: Range<Int>) -> Bool {
            guard range.count == name.utf8CodeUnitCount else { return false }
            return (0..<range.count).allSatisfy { page[range.lowerBound + $0] | 0x20 == name.utf8Start[$0] }
        }

        /// Bytes that may start an attribute name for libxml2: letters, `_`, `:` and `.`.
        private func isNameStart(_ byte: UInt8) -> Bool {
            isLetter(byte) || byte == 0x5F || byte == 0x3A || byte == 0x2E
        }

        private func isLetter(_ byte: UInt8) -> Bool {
            (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A
        }

        /// Bytes of a tag name as libxml2 reads one: letters, digits, `:`, `_`, `.` and `-`.
        private func isNameByte(_ byte: UInt8) -> Bool {
            isLetter(byte) || (byte >= 0x30 && byte <= 0x3A) || byte == 0x5F || byte == 0x2E || byte == 0x2D
        }

        /// True if U+FFFE or U+FFFF, which libxml2 drops, starts at `position` (before `end`).
        private static func startsDroppedNonCharacter(_ bytes: UnsafeBufferPointer<UInt8>, at position: Int, end: Int) -> Bool {
            bytes[position] == 0xEF && position + 2 < end && bytes[position + 1] == 0xBF && bytes[position + 2] >= 0xBE
        }

        private func isBlank(_ byte: UInt8) -> Bool {
            byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
        }
    }
}

/// The names of ``HTMLDocument/keptAttributes``, and which of them a name in a page spells.
enum KeptAttributeNames {
    /// The names, lowercase, in a fixed order.
    static let names: [String] = HTMLDocument.keptAttributes.sorted()
    /// True for `class` and `id`, which make up ``HTMLNode/classAndID``, by place in ``names``.
    static let isClassOrID: [Bool] = names.map { $0 == "class" || $0 == "id" }
    private static let bytes: [[UInt8]] = names.map { Array($0.utf8) }
    /// For each length, the places in ``names`` of the names of that length.
    private static let byLength: [[Int]] = {
        var byLength = [[Int]](repeating: [], count: (bytes.map(\.count).max() ?? 0) + 1)
        for (index, name) in bytes.enumerated() { byLength[name.count].append(index) }
        return byLength
    }()

    /// The place in ``names`` of the name that `name` spells with ASCII letters in any case, if any.
    static func index(of name: UnsafeBufferPointer<UInt8>) -> Int? {
        guard name.count < byLength.count else { return nil }
        candidates: for index in byLength[name.count] {
            let candidate = bytes[index]
            for offset in 0..<name.count where name[offset].asciiLowercased != candidate[offset] { continue candidates }
            return index
        }
        return nil
    }
}

/// The elements that a run of elements may hold (see ``CondensedInput``): common elements of text, lists,
/// tables, forms and drawings, and scripts and styles, that libxml2 2.9 builds as their tags spell them
/// when each is closed in order; none of html, head and body, which it handles apart.
struct RunElements {
    /// The names, lowercase; at most 128, as ``Set`` has a bit for each.
    static let names: [String] = [
        "a", "abbr", "b", "bdi", "cite", "code", "del", "em", "font", "i", "ins", "kbd", "mark", "q", "s", "small",
        "span", "strike", "strong", "sub", "sup", "time", "u", "label", "br", "img", "wbr", "hr", "div", "p", "li", "ul",
        "ol", "dl", "dt", "dd", "td", "th", "tr", "tbody", "thead", "table", "h1", "h2", "h3", "h4", "h5", "h6",
        "article", "section", "header", "footer", "nav", "aside", "figure", "figcaption", "blockquote", "address",
        "form", "input", "button", "select", "option", "picture", "svg", "path", "g", "circle", "rect", "use", "polygon",
        "script", "style", "noscript",
    ]

    /// Places in ``names``, a bit for each.
    struct Set {
        private var words: (UInt64, UInt64) = (0, 0)

        mutating func insert(_ element: Int) {
            if element < 64 { words.0 |= 1 << UInt64(element) } else { words.1 |= 1 << UInt64(element - 64) }
        }

        /// True if any element of the set satisfies `predicate`.
        func contains(where predicate: (Int) -> Bool) -> Bool {
            Set.contains(words.0, from: 0, where: predicate) || Set.contains(words.1, from: 64, where: predicate)
        }

        /// True if a place `first` plus a set bit of `word` satisfies `predicate`.
        private static func contains(_ word: UInt64, from first: Int, where predicate: (Int) -> Bool) -> Bool {
            var remaining = word
            while remaining != 0 {
                if predicate(first + remaining.trailingZeroBitCount) { return true }
                remaining &= remaining - 1
            }
            return false
        }
    }

    /// The tables, made once: the scan keeps a copy, as it asks for every tag of a page.
    static let table = RunElements()

    private let bytes: [[UInt8]] = RunElements.names.map { Array($0.utf8) }
    /// The places in ``names`` by length and first letter (see ``bucket(_:_:)``): a name is looked up among
    /// the one or two of its bucket.
    private let buckets: [[Int]]
    /// True for the names that libxml2 closes at once, by place in ``names``.
    let isVoid: [Bool]
    /// For each pair of places in ``names``, whether a start tag of the first closes an open element of
    /// the second for libxml2.
    private let closing: [[Bool]]

    private init() {
        var buckets = [[Int]](repeating: [], count: 11 * 32)
        for (index, name) in bytes.enumerated() { buckets[RunElements.bucket(name.count, name[0])].append(index) }
        self.buckets = buckets
        isVoid = RunElements.names.map { name in
            name.withCString { htmlTagLookup(UnsafeRawPointer($0).assumingMemoryBound(to: xmlChar.self))?.pointee.empty == 1 }
        }
        closing = RunElements.names.map { new in RunElements.names.map { old in RunElements.closesByLibxml2(new, old) } }
    }

    private static func bucket(_ length: Int, _ first: UInt8) -> Int {
        length * 32 + Int(first & 0x1F)
    }

    /// The place in ``names`` of the name that `name` spells in any case, if any.
    func index(of name: UnsafeBufferPointer<UInt8>) -> Int? {
        guard name.count > 0, name.count <= 10 else { return nil }
        candidates: for index in buckets[RunElements.bucket(name.count, name[0])] {
            let candidate = bytes[index]
            for offset in 0..<name.count where name[offset].asciiLowercased != candidate[offset] { continue candidates }
            return index
        }
        return nil
    }

    /// True if a start tag of `element` closes an open element of the name at `open`, in any case.
    func closes(_ element: Int, _ open: UnsafeBufferPointer<UInt8>) -> Bool {
        if let known = index(of: open) { return closing[element][known] }
        return RunElements.closesByLibxml2(RunElements.names[element], String(decoding: open.map { $0.asciiLowercased }, as: UTF8.self))
    }

    /// True if a start tag of any of `elements` closes an open element of the name at `open`.
    func closesAny(_ elements: Set, _ open: UnsafeBufferPointer<UInt8>) -> Bool {
        elements.contains { closes($0, open) }
    }

    /// True if a start tag of `element` closes an open element `inner` (places in ``names``).
    func closes(_ element: Int, inner: Int) -> Bool {
        closing[element][inner]
    }

    /// libxml2's answer: its table of start tags that close an open element (`htmlAutoCloseTag` asks it
    /// for two different names; for the same name, these are the entries).
    private static func closesByLibxml2(_ new: String, _ old: String) -> Bool {
        if new == old { return closingTheirOwnKind.contains(new) }
        return old.withCString { oldName in
            new.withCString { newName in
                var element = xmlNode()
                element.name = UnsafeRawPointer(newName).assumingMemoryBound(to: xmlChar.self)
                return htmlAutoCloseTag(nil, UnsafeRawPointer(oldName).assumingMemoryBound(to: xmlChar.self), &element) == 1
            }
        }
    }

    /// The elements that a start tag of their own name closes in libxml2 2.9's table.
    private static let closingTheirOwnKind: Swift.Set<String> = ["a", "col", "colgroup", "form", "li", "option", "p", "tbody", "td", "th", "tr"]
}
