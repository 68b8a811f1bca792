import CLibXML2

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Builds the node array of an ``HTMLDocument`` straight from libxml2's SAX events, so that libxml2
/// never builds (and frees) a tree of its own: that tree, its copy and its freeing cost about as much
/// as the rest of the extract stage together.
///
/// The HTML parser implies and closes elements itself before it reports them, so the events are the
/// ones libxml2's own tree builder (`SAX2.c`) would receive. The builder repeats the choices of that
/// tree builder which shape the nodes: adjacent runs of text (or of script source) become one node,
/// text outside every element is dropped, an element that starts after the root has closed joins
/// the first root element (or the document, when a doctype, comment or processing instruction came
/// first), and a boolean attribute without a value takes its name as value.
struct HTMLTreeBuilder {
    /// The nodes so far, in document order; node 0 is the document.
    private(set) var nodes: [HTMLNode] = [
        HTMLNode(name: "#document", textRange: 0..<0, attributes: [], parent: HTMLDocument.none, isInline: false, classAndID: "")
    ]
    /// For each node, its last child so far, to link the next one.
    private var lastChild: [Int] = [HTMLDocument.none]
    /// Open elements, innermost last; ``skipped`` for an element left out with its content.
    private var open: [Int] = []
    /// The text of the text nodes so far, end to end (``HTMLDocument/textBytes``); after
    /// ``pendingStart`` lies text not yet made a node, which grows while the parser reports it in pieces.
    private var textBytes: [UInt8] = []
    private var pendingStart = 0
    /// The replaced body that the pending text stands for, if it is a marker (see ``CondensedInput``).
    private var pendingBody: Int?
    /// Whether `text` is script or style source (libxml2 keeps it apart from text around it).
    private var textIsSource = false

    /// What came first among the document's own children; it decides where a late element goes.
    private enum FirstChild {
        case nothing, element(Int), other
    }
    private var firstChild = FirstChild.nothing

    /// The parser, whose dictionary tells which name addresses ``NameCache`` may keep.
    private var dictionary: xmlDictPtr?
    private var elementNames = NameCache<ElementName>()
    /// A number for each element name, and the elements of each number in document order.
    private var nameIDs: [String: Int] = [:]
    private var elementsByNameID: [[Int]] = []

    /// What the builder keeps of an element name.
    private struct ElementName {
        var name: String
        var isInline: Bool
        /// The key of ``elementsByNameID``.
        var id: Int
    }
    private var attributeNames = NameCache<AttributeName>()
    /// The element names of runs of elements, by place in ``RunElements/names``, once met.
    private var runElementNames: [ElementName?] = []

    /// What the builder keeps of an attribute name.
    private struct AttributeName {
        var name: String
        /// True for `class` and `id`, which make up ``HTMLNode/classAndID``.
        var isClassOrID: Bool
        /// False for attributes left out (see ``HTMLDocument/keptAttributes``).
        var isKept: Bool
    }

    /// The page and its condensed form while a condensed page is parsed (see ``CondensedInput``).
    private var restoration: Restoration?
    /// The parser, whose place in the condensed page tells which run of white space it reports.
    private var parser: htmlParserCtxtPtr?
    /// Where the parser was when it reported the last element it started (see ``buildRun(_:_:reportedAt:)``).
    private var lastStartPosition = -1

    /// The stand-in for an open element that is left out (an element without a name).
    private static let skipped = -2

    /// libxml2 options: keep what a broken page has (RECOVER), stay quiet, never touch the network,
    /// and lift the 256-level depth limit (HUGE) that otherwise drops the rest of a deeply nested page.
    private static let parseOptions = Int32(
        HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
            | HTML_PARSE_NONET.rawValue | XML_PARSE_HUGE.rawValue)

    /// Which parse ``build(utf8:url:mode:)`` makes.
    enum Mode {
        /// The condensed page where its parse can be trusted, else the page as it is: the extract stage's way.
        case condensedWhereTrusted
        /// The condensed page only (for tests).
        case condensedOnly
        /// The page as it is only (for tests).
        case plain
    }

    /// Parses UTF-8 bytes into nodes; nil if libxml2 cannot set up a parser. The corresponding C
    /// functions are `htmlCtxtReadDoc` and `htmlCtxtReadMemory`, with a SAX handler that calls back
    /// into this builder.
    ///
    /// Tests ask for one of the two parses alone with `mode`; with `.condensedOnly`, a page whose condensed
    /// parse cannot be trusted gives nil.
    static func build(utf8 page: [UInt8], url: String?, mode: Mode = .condensedWhereTrusted) -> HTMLDocument? {
        guard !page.isEmpty, page.count < Int(Int32.max) else { return nil }
        // DEL, a control character that no text shows, is the condensed input's marker: a page that holds
        // one is read without it, so that it is condensed too (parsed as it is, a large page can take
        // longer than its time bound).
        let holdsDEL = page.withUnsafeBufferPointer { CondensedInput.containsMarkerByte($0) }
        let bytes = holdsDEL ? page.filter { $0 != CondensedInput.markerByte } : page
        guard !bytes.isEmpty else { return nil }
        let built = bytes.withUnsafeBufferPointer { page -> HTMLTreeBuilder? in
            guard let base = page.baseAddress else { return nil }
            if memchr(base, 0, page.count) != nil {
                guard mode != .condensedOnly else { return nil }
                // A NUL byte would end a C string early: libxml2 copies the bytes into a buffer of its own.
                return parse(url: url, inputLength: page.count) { context in
                    let characters = UnsafeRawPointer(base).assumingMemoryBound(to: CChar.self)
                    _ = htmlCtxtReadMemory(context, characters, Int32(page.count), url, "UTF-8", parseOptions)
                }
            }
            if mode != .plain, let condensed = CondensedInput.condense(page),
               let builder = condensed.bytes.withUnsafeBufferPointer({ input in
                   parse(url: url, inputLength: page.count, restoring: Restoration(page: page, condensed: condensed),
                         expectedNodes: 2 * condensed.startTagCount + condensed.endTagCount + 16) { context in
                       _ = input.baseAddress.map { htmlCtxtReadDoc(context, $0, url, "UTF-8", parseOptions) }
                   }
               }), builder.restoration?.isComplete == true {
                return builder
            }
            guard mode != .condensedOnly else { return nil }
            // As a C string, the bytes are parsed where they are, without libxml2's copy and conversion.
            return (bytes + [0]).withUnsafeBufferPointer { input in
                parse(url: url, inputLength: page.count) { context in
                    _ = input.baseAddress.map { htmlCtxtReadDoc(context, $0, url, "UTF-8", parseOptions) }
                }
            }
        }
        guard let built else { return nil }
        var elementsByName = ["#document": [0]]
        for (name, id) in built.nameIDs { elementsByName[name] = built.elementsByNameID[id] }
        return HTMLDocument(
            nodes: built.nodes, textBytes: built.textBytes, subtreeEnds: built.subtreeEnds(), elementsByName: elementsByName)
    }

    /// Runs one parse with a fresh parser whose callbacks build into a fresh builder.
    private static func parse(
        url: String?, inputLength: Int, restoring restoration: Restoration? = nil, expectedNodes: Int? = nil,
        _ read: (htmlParserCtxtPtr) -> Void
    ) -> HTMLTreeBuilder? {
        guard let context = htmlNewParserCtxt() else { return nil }
        defer { htmlFreeParserCtxt(context) }
        guard let handler = context.pointee.sax else { return nil }
        installCallbacks(in: handler)
        var builder = HTMLTreeBuilder()
        // An element per start tag and a run of text after each tag, if they were counted, else one node
        // to some hundred bytes: a first guess spares most of the copies of growth.
        let nodes = expectedNodes ?? inputLength / 128
        builder.nodes.reserveCapacity(nodes)
        builder.lastChild.reserveCapacity(nodes)
        // Text is seldom more than a quarter of a page's bytes besides what markers stand for; growing the
        // buffer by doubling copies it.
        builder.textBytes.reserveCapacity(inputLength / 4 + (restoration?.condensed.replacedTextLength ?? 0))
        builder.dictionary = context.pointee.dict
        builder.restoration = restoration
        builder.parser = context
        withUnsafeMutablePointer(to: &builder) { pointer in
            context.pointee.userData = UnsafeMutableRawPointer(pointer)
            // No tree is built, so the document libxml2 returns is always NULL.
            read(context)
            context.pointee.userData = nil
        }
        builder.flushText()
        return builder
    }

    /// Replaces libxml2's tree-building callbacks by ones that call the builder in the user-data pointer.
    private static func installCallbacks(in handler: UnsafeMutablePointer<htmlSAXHandler>) {
        let initialized = handler.pointee.initialized
        handler.pointee = htmlSAXHandler()
        handler.pointee.initialized = initialized
        handler.pointee.startElement = { context, name, attributes in
            HTMLTreeBuilder.builder(context)?.pointee.startElement(name, attributes)
        }
        handler.pointee.endElement = { context, _ in
            HTMLTreeBuilder.builder(context)?.pointee.endElement()
        }
        handler.pointee.characters = { context, characters, length in
            HTMLTreeBuilder.builder(context)?.pointee.append(characters, length, isSource: false)
        }
        handler.pointee.cdataBlock = { context, characters, length in
            HTMLTreeBuilder.builder(context)?.pointee.append(characters, length, isSource: true)
        }
        // Comments, processing instructions and entity references are no nodes here, but in libxml2's
        // tree they separate the text before them from the text after (an entity reference is never
        // a child of the document itself).
        handler.pointee.comment = { context, content in
            HTMLTreeBuilder.builder(context)?.pointee.addOtherNode(content)
        }
        handler.pointee.processingInstruction = { context, target, data in
            HTMLTreeBuilder.builder(context)?.pointee.addOtherNode(target, data)
        }
        handler.pointee.reference = { context, _ in
            HTMLTreeBuilder.builder(context)?.pointee.flushText()
        }
        // A doctype always becomes the document's first child in libxml2's tree.
        handler.pointee.internalSubset = { context, name, publicID, systemID in
            guard let builder = HTMLTreeBuilder.builder(context) else { return }
            builder.pointee.firstChild = .other
            builder.pointee.restoration?.check(name, publicID, systemID)
        }
    }

    private static func builder(_ context: UnsafeMutableRawPointer?) -> UnsafeMutablePointer<HTMLTreeBuilder>? {
        context?.assumingMemoryBound(to: HTMLTreeBuilder.self)
    }

    // MARK: Events

    private mutating func startElement(
        _ namePointer: UnsafePointer<xmlChar>?, _ attributeList: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?
    ) {
        flushText()
        // A stripped tag is taken even where the element is left out, as it must come back.
        var stripped: (attributes: [HTMLAttribute], classAndID: String)?
        if restoration != nil, let namePointer {
            let position = inputPosition()
            lastStartPosition = position
            stripped = restoration?.strippedTag(named: namePointer, at: position)
        }
        let element = namePointer.map { elementName($0) } ?? ElementName(name: "", isInline: false, id: -1)
        let name = element.name
        let parent: Int
        if let innermost = open.last {
            parent = innermost
        } else {
            switch firstChild {
            case .nothing:
                parent = 0
            case .element(let root):
                parent = root
            case .other:
                parent = 0
            }
        }
        guard parent != HTMLTreeBuilder.skipped, !name.isEmpty else {
            open.append(HTMLTreeBuilder.skipped)
            return
        }
        let (attributes, classAndID) = stripped ?? attributes(attributeList)
        let index = openElement(element, attributes: attributes, classAndID: classAndID, parent: parent)
        if case .nothing = firstChild { firstChild = .element(index) }
    }

    /// Adds an element under `parent` and makes it the innermost open one.
    @discardableResult @inline(__always)
    private mutating func openElement(
        _ element: ElementName, attributes: consuming [HTMLAttribute], classAndID: consuming String, parent: Int
    ) -> Int {
        let index = add(
            HTMLNode(
                name: element.name, textRange: 0..<0, attributes: attributes, parent: parent, isInline: element.isInline,
                classAndID: classAndID))
        elementsByNameID[element.id].append(index)
        open.append(index)
        return index
    }

    private mutating func endElement() {
        flushText()
        _ = open.popLast()
    }

    private mutating func append(_ characters: UnsafePointer<xmlChar>?, _ length: Int32, isSource: Bool) {
        guard let characters, length > 0 else { return }
        var piece = UnsafeBufferPointer(start: characters, count: Int(length))
        // A cut run of white space is looked for even where the text is dropped, as it must come back.
        if restoration != nil {
            let position = inputPosition()
            if let run = restoration?.whiteSpace(piece, isSource: isSource, endingAt: position) { piece = run }
        }
        guard let parent = open.last, parent != HTMLTreeBuilder.skipped else { return }
        if isSource != textIsSource {
            flushText()
            textIsSource = isSource
        }
        if restoration != nil, CondensedInput.containsMarkerByte(piece) {
            if !isSource, let index = CondensedInput.markerIndex(piece), let run = restoration?.condensed.elementRuns[index] {
                buildRun(index, run, reportedAt: inputPosition())
                return
            }
            if !isSource, let run = restoration?.take(CondensedInput.markerIndex(piece), bodyOf: CondensedInput.textRun),
               let original = restoration?.original(run) {
                // A replaced run of text is a whole piece, wherever it lies in the text.
                if pendingBody != nil { restoration?.fail() }
                textBytes.append(contentsOf: original)
                return
            }
            // A replaced body must be the whole text of its element: the first and only piece of the run.
            let marked = isSource && textBytes.count == pendingStart && pendingBody == nil ? CondensedInput.markerIndex(piece) : nil
            pendingBody = restoration?.take(marked, bodyOf: nodes[parent].name)
            return
        }
        if pendingBody != nil { restoration?.fail() }
        textBytes.append(contentsOf: piece)
    }

    /// Builds the elements of a run that a marker stands for (see ``CondensedInput``), as libxml2 would
    /// have built them from its tags. The marker must be a whole piece of text (text still pending before it
    /// joins the run's first text, as in libxml2's tree), in an element of the body that none of the run's
    /// top-level elements closes; otherwise the parse is untrusted.
    private mutating func buildRun(_ index: Int, _ run: CondensedInput.ElementRun, reportedAt position: Int) {
        // Text in `html` or `head` makes libxml2 imply a `p` (and the `body`) just before it reports the text,
        // with the parser at the text's end: an element started there is one of those.
        guard let context = parser, let current = context.pointee.name, HTMLTreeBuilder.impliesNothing(context),
              lastStartPosition != position, pendingBody == nil, let parent = open.last, parent != HTMLTreeBuilder.skipped,
              !RunElements.table.closesAny(run.topLevel, UnsafeBufferPointer(start: current, count: Int(xmlStrlen(current)))),
              restoration?.take(index, bodyOf: CondensedInput.elementRun) != nil,
              let events = restoration?.condensed.runEvents[run.events], let page = restoration?.page
        else {
            restoration?.fail()
            return
        }
        for event in events {
            switch event.kind {
            case .text, .source:
                // libxml2 keeps text and script source apart, in nodes of their own.
                if textIsSource != (event.kind == .source) {
                    flushText()
                    textIsSource = event.kind == .source
                }
                textBytes.append(contentsOf: UnsafeBufferPointer(rebasing: page[event.range]))
            case .start:
                flushText()
                let (attributes, classAndID) = restoration?.attributes(event.attributes) ?? ([], "")
                openElement(runElementName(event.element), attributes: attributes, classAndID: classAndID, parent: open.last ?? parent)
            case .end:
                flushText()
                _ = open.popLast()
            case .comment:
                flushText()
            }
        }
    }

    /// True if a start tag (other than those of the head) makes the parser imply no `body` element: one was
    /// seen already, or `head` or `body` is open (libxml2's `htmlCheckImplied`).
    private static func impliesNothing(_ context: htmlParserCtxtPtr) -> Bool {
        if context.pointee.html >= 10 { return true }
        guard let names = context.pointee.nameTab else { return false }
        return (0..<Int(context.pointee.nameNr)).contains { place in
            names[place].map { xmlStrEqual($0, "body") == 1 || xmlStrEqual($0, "head") == 1 } ?? false
        }
    }

    /// Where the parser is in the page it reads: at the `<` or `&` after a run of text it reports.
    private func inputPosition() -> Int {
        guard let input = parser?.pointee.input, let current = input.pointee.cur, let base = input.pointee.base else { return -1 }
        return Int(input.pointee.consumed) + (current - base)
    }

    private mutating func addOtherNode(_ content: UnsafePointer<xmlChar>?, _ more: UnsafePointer<xmlChar>? = nil) {
        flushText()
        if open.isEmpty, case .nothing = firstChild { firstChild = .other }
        restoration?.check(content, more)
    }

    /// Makes the pending text a node of the innermost open element.
    mutating func flushText() {
        guard textBytes.count > pendingStart || pendingBody != nil else { return }
        defer {
            pendingStart = textBytes.count
            pendingBody = nil
        }
        guard let parent = open.last, parent != HTMLTreeBuilder.skipped else {
            textBytes.removeLast(textBytes.count - pendingStart)
            return
        }
        if let body = pendingBody, let original = restoration?.original(body) {
            textBytes.removeLast(textBytes.count - pendingStart)
            textBytes.append(contentsOf: original)
        }
        add(HTMLNode(
            name: "", textRange: pendingStart..<textBytes.count, attributes: [], parent: parent, isInline: true,
            classAndID: ""))
    }

    @discardableResult
    private mutating func add(_ node: consuming HTMLNode) -> Int {
        let index = nodes.count
        let parent = node.parent
        nodes.append(node)
        lastChild.append(HTMLDocument.none)
        if lastChild[parent] == HTMLDocument.none {
            nodes[parent].firstChild = index
        } else {
            nodes[lastChild[parent]].nextSibling = index
        }
        lastChild[parent] = index
        return index
    }

    /// For each node, one past its last descendant.
    private func subtreeEnds() -> [Int] {
        var ends = Array(1...nodes.count)
        for index in stride(from: nodes.count - 1, to: 0, by: -1) {
            let parent = nodes[index].parent
            ends[parent] = max(ends[parent], ends[index])
        }
        return ends
    }

    // MARK: Names and attributes

    /// The element name at `pointer`, from ``elementNames`` if met before.
    private mutating func elementName(_ pointer: UnsafePointer<xmlChar>) -> ElementName {
        if let known = elementNames.value(for: pointer) { return known }
        let element = elementName(named: HTMLTreeBuilder.elementName(pointer))
        elementNames.remember(element, for: pointer, dictionary: dictionary)
        return element
    }

    /// The element name of a run's element, by its place in ``RunElements/names``.
    private mutating func runElementName(_ place: Int) -> ElementName {
        if runElementNames.isEmpty { runElementNames = Array(repeating: nil, count: RunElements.names.count) }
        if let known = runElementNames[place] { return known }
        let element = elementName(named: RunElements.names[place])
        runElementNames[place] = element
        return element
    }

    /// What the builder keeps of an element name, numbered at its first use.
    private mutating func elementName(named name: String) -> ElementName {
        let id: Int
        if let known = nameIDs[name] {
            id = known
        } else {
            id = elementsByNameID.count
            nameIDs[name] = id
            elementsByNameID.append([])
        }
        return ElementName(name: name, isInline: HTMLDocument.inlineTags.contains(name), id: id)
    }

    /// The lowercase name of an element as libxml2's tree keeps it: without a prefix before the first
    /// colon (`esi:include` is `include`), as `xmlSplitQName` leaves it.
    private static func elementName(_ pointer: UnsafePointer<xmlChar>) -> String {
        let bytes = UnsafeBufferPointer(start: pointer, count: Int(xmlStrlen(pointer)))
        let name: String
        if let colon = bytes.firstIndex(of: 0x3A), colon > 0, colon < bytes.count - 1 {
            name = String(decoding: bytes[(colon + 1)...], as: UTF8.self)
        } else {
            name = String(decoding: bytes, as: UTF8.self)
        }
        return name.lowercasedIfNeeded()
    }

    /// The name and value pairs libxml2 passes, up to the first missing name, and the element's
    /// ``HTMLNode/classAndID``.
    private mutating func attributes(
        _ list: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?
    ) -> (attributes: [HTMLAttribute], classAndID: String) {
        guard let list else { return ([], "") }
        var count = 0
        while list[2 * count] != nil { count += 1 }
        var result = AttributeList(capacity: count)
        for pair in 0..<count {
            guard let namePointer = list[2 * pair] else { break }
            let valuePointer = list[2 * pair + 1]
            let name: AttributeName
            if let known = attributeNames.value(for: namePointer) {
                name = known
            } else {
                // libxml2's HTML parser already lowercases names; only other ones are lowered here.
                let lowered = String(cString: namePointer).lowercasedIfNeeded()
                let isKept = WhiteSpace.withBytes(lowered, KeptAttributeNames.index) != nil
                name = AttributeName(name: lowered, isClassOrID: lowered == "class" || lowered == "id", isKept: isKept)
                attributeNames.remember(name, for: namePointer, dictionary: dictionary)
            }
            guard name.isKept else { continue }
            // `<option selected>` has its name as value in libxml2's tree.
            let valueBytes = valuePointer ?? (htmlIsBooleanAttr(namePointer) != 0 ? namePointer : nil)
            let bytes = valueBytes.map { UnsafeBufferPointer(start: $0, count: Int(xmlStrlen($0))) }
            // Markers stand only for text: one in a value means the parse went astray.
            if restoration != nil, let bytes, CondensedInput.containsMarkerByte(bytes) { restoration?.fail() }
            result.append(name: name.name, value: bytes, isClassOrID: name.isClassOrID)
        }
        return result.finished()
    }

    /// The attributes of an element, built up in order, with its ``HTMLNode/classAndID``: the lowercase
    /// class and id joined by a space.
    struct AttributeList {
        private var attributes: [HTMLAttribute] = []
        private var classOrIDCount = 0
        /// The first class or id, when it is lowercase ASCII already (the usual case): shared as it is,
        /// without a copy, if no other follows.
        private var sharedClassOrID: String?
        /// The class and id so far otherwise, lowered.
        private var joined: [UInt8] = []

        init(capacity: Int) {
            attributes.reserveCapacity(capacity)
        }

        /// Appends an attribute with the UTF-8 bytes of its value (nil for none).
        mutating func append(name: String, value bytes: UnsafeBufferPointer<UInt8>?, isClassOrID: Bool) {
            let value = bytes.map { String(decoding: $0, as: UTF8.self) } ?? ""
            attributes.append(HTMLAttribute(name: name, value: value))
            guard isClassOrID else { return }
            let bytes = bytes ?? UnsafeBufferPointer(start: nil, count: 0)
            classOrIDCount += 1
            if classOrIDCount == 1, ASCIIWords.isLowercase(bytes) {
                sharedClassOrID = value
                return
            }
            if let shared = sharedClassOrID {
                joined.append(contentsOf: shared.utf8)
                sharedClassOrID = nil
            }
            if !joined.isEmpty { joined.append(0x20) }
            if bytes.allSatisfy({ $0 < 0x80 }) {
                joined.reserveCapacity(joined.count + bytes.count)
                for byte in bytes { joined.append(byte.asciiLowercased) }
            } else {
                joined.append(contentsOf: value.lowercased().utf8)
            }
        }

        /// The attributes and the element's ``HTMLNode/classAndID``.
        func finished() -> (attributes: [HTMLAttribute], classAndID: String) {
            (attributes, sharedClassOrID ?? (classOrIDCount == 0 ? "" : String(decoding: joined, as: UTF8.self)))
        }
    }
}

/// What libxml2's names become, remembered by address.
///
/// libxml2 keeps element and attribute names in its parser dictionary, which gives each distinct name
/// one address for the whole parse: a name becomes a `String` once instead of at each of its thousands
/// of uses. Only addresses the dictionary owns are remembered, so that no address can stand for two names.
private struct NameCache<Value> {
    private static var size: Int { 256 }
    private var addresses = [UnsafePointer<xmlChar>?](repeating: nil, count: NameCache.size)
    private var values = [Value?](repeating: nil, count: NameCache.size)

    /// The value remembered for the name at `pointer`, if any.
    func value(for pointer: UnsafePointer<xmlChar>) -> Value? {
        let slot = NameCache.slot(pointer)
        return addresses[slot] == pointer ? values[slot] : nil
    }

    /// Remembers `value` for the name at `pointer` if the parser's dictionary owns that address.
    mutating func remember(_ value: Value, for pointer: UnsafePointer<xmlChar>, dictionary: xmlDictPtr?) {
        guard let dictionary, xmlDictOwns(dictionary, pointer) == 1 else { return }
        let slot = NameCache.slot(pointer)
        addresses[slot] = pointer
        values[slot] = value
    }

    /// Fibonacci hashing of the address picks the slot; a name that lands on a taken slot replaces it.
    private static func slot(_ pointer: UnsafePointer<xmlChar>) -> Int {
        Int(truncatingIfNeeded: (UInt(bitPattern: pointer) &* 0x9E37_79B9_7F4A_7C15) >> 56)
    }
}

/// The original page and its condensed form while the condensed form is parsed: it hands back the
/// replaced content for each marker and notes whether the parse can be trusted (see ``CondensedInput``).
private struct Restoration {
    let page: UnsafeBufferPointer<UInt8>
    let condensed: CondensedInput
    private var taken: [Bool]
    private var takenCount = 0
    /// How many cut runs of white space came back so far.
    private var whiteSpaceCount = 0
    /// How many stripped tags came back so far.
    private var strippedCount = 0
    private var failed = false
    /// The attributes built for earlier elements, by ``slot(of:)``: the elements of a page repeat
    /// the same few classes, and a repeat shares the array and strings of the first instead of making
    /// its own. Made at the first stripped tag, when this copy of the restoration is the only one.
    private var built: [BuiltAttributes?] = []

    private struct BuiltAttributes {
        /// The kept attributes they were built from.
        let kept: Range<Int>
        let attributes: [HTMLAttribute]
        let classAndID: String
    }

    init(page: UnsafeBufferPointer<UInt8>, condensed: CondensedInput) {
        self.page = page
        self.condensed = condensed
        taken = Array(repeating: false, count: condensed.replaced.count)
    }

    /// True if every marker came back once, in its place, and none anywhere else.
    var isComplete: Bool {
        !failed && takenCount == taken.count && whiteSpaceCount == condensed.whiteSpaceEnds.count
            && strippedCount == condensed.strippedTags.count
    }

    /// The original run of white space that `piece`, reported with the parser at `position`, stands for;
    /// nil if it stands for none. The next cut run must come back as text ending where it ends, as its
    /// one byte, before the parser reports anything beyond it; otherwise the parse is untrusted.
    mutating func whiteSpace(_ piece: UnsafeBufferPointer<UInt8>, isSource: Bool, endingAt position: Int) -> UnsafeBufferPointer<UInt8>? {
        guard whiteSpaceCount < condensed.whiteSpaceEnds.count, position >= condensed.whiteSpaceEnds[whiteSpaceCount] else {
            return nil
        }
        let run = condensed.whiteSpaceRuns[whiteSpaceCount]
        guard !isSource, position == condensed.whiteSpaceEnds[whiteSpaceCount], piece.count == 1, piece[0] == page[run.lowerBound]
        else {
            failed = true
            return nil
        }
        whiteSpaceCount += 1
        return UnsafeBufferPointer(rebasing: page[run])
    }

    /// The attributes of the next stripped tag if the parser, at `position`, reports the element of that
    /// tag: one named `name` (lowercase) whose `>` lies there. Elements the parser implies (`html`,
    /// `head`, `body`, which are never stripped) may come first at the same place. A stripped tag passed
    /// over never comes back, and leaves the parse untrusted.
    mutating func strippedTag(
        named name: UnsafePointer<xmlChar>, at position: Int
    ) -> (attributes: [HTMLAttribute], classAndID: String)? {
        guard strippedCount < condensed.strippedTags.count else { return nil }
        let tag = condensed.strippedTags[strippedCount]
        guard tag.end == position else { return nil }
        for (offset, byte) in page[tag.name].enumerated() where byte.asciiLowercased != name[offset] { return nil }
        guard name[tag.name.count] == 0 else { return nil }
        strippedCount += 1
        return attributes(tag.attributes)
    }

    /// The attributes and ``HTMLNode/classAndID`` of an element from its kept attributes (a range of
    /// ``CondensedInput/keptAttributes``).
    mutating func attributes(_ kept: Range<Int>) -> (attributes: [HTMLAttribute], classAndID: String) {
        guard !kept.isEmpty else { return ([], "") }
        if built.isEmpty { built = Array(repeating: nil, count: 1024) }
        let slot = slot(of: kept)
        if let earlier = built[slot], sameAttributes(kept, earlier.kept) {
            return (earlier.attributes, earlier.classAndID)
        }
        var list = HTMLTreeBuilder.AttributeList(capacity: kept.count)
        for attribute in condensed.keptAttributes[kept] {
            // None of the attributes read is one that libxml2 gives its name as value when it has none.
            list.append(
                name: KeptAttributeNames.names[attribute.name], value: attribute.value.map { UnsafeBufferPointer(rebasing: page[$0]) },
                isClassOrID: KeptAttributeNames.isClassOrID[attribute.name])
        }
        let (attributes, classAndID) = list.finished()
        built[slot] = BuiltAttributes(kept: kept, attributes: attributes, classAndID: classAndID)
        return (attributes, classAndID)
    }

    /// A slot in ``built`` for kept attributes, from their names and the length and first and last
    /// bytes of their values.
    private func slot(of attributes: Range<Int>) -> Int {
        var hash = UInt64(attributes.count)
        for attribute in condensed.keptAttributes[attributes] {
            hash = hash &* 0x9E37_79B9_7F4A_7C15 &+ UInt64(attribute.name)
            guard let value = attribute.value, !value.isEmpty else { continue }
            hash = hash &* 0x9E37_79B9_7F4A_7C15 &+ UInt64(value.count)
            hash ^= UInt64(page[value.lowerBound]) << 8 | UInt64(page[value.upperBound - 1])
        }
        return Int(truncatingIfNeeded: (hash &* 0x9E37_79B9_7F4A_7C15) >> 54)  // 10 bits: 1,024 slots
    }

    /// True if two runs of kept attributes have the same names and values.
    private func sameAttributes(_ a: Range<Int>, _ b: Range<Int>) -> Bool {
        guard a.count == b.count, let base = page.baseAddress else { return false }
        for offset in 0..<a.count {
            let first = condensed.keptAttributes[a.lowerBound + offset]
            let second = condensed.keptAttributes[b.lowerBound + offset]
            guard first.name == second.name else { return false }
            switch (first.value, second.value) {
            case (nil, nil):
                continue
            case let (x?, y?):
                guard x.count == y.count, memcmp(base + x.lowerBound, base + y.lowerBound, x.count) == 0 else { return false }
            default:
                return false
            }
        }
        return true
    }

    /// Takes the marker `index` found as the whole text of an element with that name (or as a whole run
    /// of text); nil (and the parse untrusted) if it does not belong there.
    mutating func take(_ index: Int?, bodyOf element: String) -> Int? {
        guard let index, index < taken.count, !taken[index], condensed.bodyOf[index] == element else {
            failed = true
            return nil
        }
        taken[index] = true
        takenCount += 1
        return index
    }

    /// The replaced content of marker `index`.
    func original(_ index: Int) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: page[condensed.replaced[index]])
    }

    /// Marks the parse untrusted.
    mutating func fail() {
        failed = true
    }

    /// Marks the parse untrusted if a marker byte shows up in text that libxml2 keeps elsewhere.
    mutating func check(_ strings: UnsafePointer<xmlChar>?...) {
        for string in strings {
            guard let string else { continue }
            if CondensedInput.containsMarkerByte(UnsafeBufferPointer(start: string, count: Int(xmlStrlen(string)))) {
                failed = true
            }
        }
    }
}
