import CLibXML2

/// One attribute of an element, as the parser decoded it.
struct HTMLAttribute: Sendable {
    var name: String
    var value: String
}

/// One node of a parsed page: an element or a run of text.
struct HTMLNode: Sendable {
    /// Lowercase tag name for elements, empty for text.
    var name: String
    /// Decoded text for text nodes, empty for elements.
    var text: String
    var attributes: [HTMLAttribute]
    var parent: Int
    /// True for text and for elements that flow within a line (``HTMLDocument/inlineTags``), worked out
    /// once at parse time because every pass over the page asks.
    var isInline: Bool
    /// The lowercase class and id joined by a space (empty without them), for matching furniture names.
    var classAndID: String
    var firstChild: Int = HTMLDocument.none
    var nextSibling: Int = HTMLDocument.none

    /// True for a text node.
    var isText: Bool { name.isEmpty }

    /// The value of an attribute, if present (names are lowercase).
    func attribute(_ wanted: String) -> String? {
        attributes.first { $0.name == wanted }?.value
    }
}

/// A page parsed by libxml2 and copied into Swift values, so that no C pointer outlives the parse.
///
/// Nodes are stored in document order (pre-order) in one array; node 0 is the document itself.
/// Every walk over it is iterative, so pages nested thousands of levels deep cannot exhaust the stack.
struct HTMLDocument: Sendable {
    /// The index that means "no node".
    static let none = -1

    private(set) var nodes: [HTMLNode]
    /// For each node, one past its last descendant (see ``subtreeEnd(of:)``).
    private(set) var subtreeEnds: [Int] = []

    /// libxml2 options: keep what a broken page has (RECOVER), stay quiet, never touch the network,
    /// and lift the 256-level depth limit (HUGE) that otherwise drops the rest of a deeply nested page.
    private static let parseOptions = Int32(
        HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
            | HTML_PARSE_NONET.rawValue | XML_PARSE_HUGE.rawValue)

    /// Parses UTF-8 bytes; nil if libxml2 gives no document. The corresponding C function is `htmlReadMemory`.
    static func parse(utf8 bytes: [UInt8], url: String?) -> HTMLDocument? {
        guard !bytes.isEmpty, bytes.count < Int(Int32.max) else { return nil }
        let parsed: htmlDocPtr? = bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return nil }
            let characters = UnsafeRawPointer(base).assumingMemoryBound(to: CChar.self)
            return htmlReadMemory(characters, Int32(buffer.count), url, "UTF-8", parseOptions)
        }
        guard let document = parsed else { return nil }
        defer { xmlFreeDoc(document) }
        return HTMLDocument(copying: document)
    }

    /// Copies libxml2's tree in one iterative pre-order walk.
    private init(copying document: htmlDocPtr) {
        nodes = [
            HTMLNode(
                name: "#document", text: "", attributes: [], parent: HTMLDocument.none, isInline: false, classAndID: "")
        ]
        var lastChild: [Int] = [HTMLDocument.none]
        // Work list of (C node, parent index); children are pushed last-first so they pop in order.
        var pending: [(xmlNodePtr, Int)] = []
        HTMLDocument.pushChildren(of: document.pointee.children, last: document.pointee.last, parent: 0, onto: &pending)
        while let (cNode, parent) = pending.popLast() {
            let node: HTMLNode
            switch cNode.pointee.type {
            case XML_ELEMENT_NODE:
                var name = cNode.pointee.name.map { String(cString: $0) } ?? ""
                if name.utf8.contains(where: { $0 >= 0x41 && $0 <= 0x5A || $0 >= 0x80 }) { name = name.lowercased() }
                guard !name.isEmpty else { continue }
                let attributes = HTMLDocument.attributes(of: cNode)
                node = HTMLNode(
                    name: name, text: "", attributes: attributes, parent: parent,
                    isInline: HTMLDocument.inlineTags.contains(name), classAndID: HTMLDocument.classAndID(attributes))
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                guard let content = cNode.pointee.content else { continue }
                let text = String(cString: content)
                guard !text.isEmpty else { continue }
                node = HTMLNode(name: "", text: text, attributes: [], parent: parent, isInline: true, classAndID: "")
            default:
                continue  // comments, processing instructions, DTD
            }
            let index = nodes.count
            nodes.append(node)
            lastChild.append(HTMLDocument.none)
            if lastChild[parent] == HTMLDocument.none {
                nodes[parent].firstChild = index
            } else {
                nodes[lastChild[parent]].nextSibling = index
            }
            lastChild[parent] = index
            if cNode.pointee.type == XML_ELEMENT_NODE {
                HTMLDocument.pushChildren(
                    of: cNode.pointee.children, last: cNode.pointee.last, parent: index, onto: &pending)
            }
        }
        subtreeEnds = Array(1...nodes.count)
        for index in stride(from: nodes.count - 1, to: 0, by: -1) {
            let parent = nodes[index].parent
            subtreeEnds[parent] = max(subtreeEnds[parent], subtreeEnds[index])
        }
    }

    private static func pushChildren(
        of first: xmlNodePtr?, last: xmlNodePtr?, parent: Int, onto pending: inout [(xmlNodePtr, Int)]
    ) {
        guard first != nil else { return }
        var cursor = last
        while let node = cursor {
            pending.append((node, parent))
            cursor = node.pointee.prev
        }
    }

    private static func attributes(of node: xmlNodePtr) -> [HTMLAttribute] {
        var result: [HTMLAttribute] = []
        var property = node.pointee.properties
        while let attribute = property {
            if let namePointer = attribute.pointee.name {
                var value = ""
                var child = attribute.pointee.children
                while let text = child {
                    if let content = text.pointee.content {
                        // One text child is the usual case: take it as it is rather than appending to "".
                        if value.isEmpty { value = String(cString: content) } else { value += String(cString: content) }
                    }
                    child = text.pointee.next
                }
                // libxml2's HTML parser already lowercases names; only other ones are lowered here.
                var name = String(cString: namePointer)
                if name.utf8.contains(where: { $0 >= 0x41 && $0 <= 0x5A || $0 >= 0x80 }) { name = name.lowercased() }
                result.append(HTMLAttribute(name: name, value: value))
            }
            property = attribute.pointee.next
        }
        return result
    }

    /// The lowercase class and id joined by a space; ASCII names (nearly all) are lowered byte by byte.
    private static func classAndID(_ attributes: [HTMLAttribute]) -> String {
        let named = attributes.filter { $0.name == "class" || $0.name == "id" }
        guard !named.isEmpty else { return "" }
        // One name already lowercase ASCII (the usual case) is shared as it is, without a copy.
        if named.count == 1,
           WhiteSpace.withBytes(named[0].value, { $0.allSatisfy { $0 < 0x80 && !($0 >= 0x41 && $0 <= 0x5A) } }) {
            return named[0].value
        }
        var bytes: [UInt8] = []
        for attribute in attributes where attribute.name == "class" || attribute.name == "id" {
            if !bytes.isEmpty { bytes.append(0x20) }
            let ascii = WhiteSpace.withBytes(attribute.value) { buffer -> Bool in
                guard buffer.allSatisfy({ $0 < 0x80 }) else { return false }
                bytes.append(contentsOf: buffer.lazy.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 })
                return true
            }
            if !ascii { bytes.append(contentsOf: attribute.value.lowercased().utf8) }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    // MARK: Walking

    /// The indices of a node's children, in order.
    func children(of index: Int) -> [Int] {
        var result: [Int] = []
        var child = nodes[index].firstChild
        while child != HTMLDocument.none {
            result.append(child)
            child = nodes[child].nextSibling
        }
        return result
    }

    /// One past the last descendant of `index`: descendants are exactly `index + 1 ..< end`.
    ///
    /// Pre-order storage makes every subtree a contiguous range.
    func subtreeEnd(of index: Int) -> Int {
        subtreeEnds[index]
    }

    /// The first element with this tag name, in document order.
    func firstElement(named name: String, within root: Int = 0) -> Int? {
        let end = subtreeEnd(of: root)
        return (root..<end).first { nodes[$0].name == name }
    }

    /// Every element with this tag name, in document order.
    func elements(named name: String, within root: Int = 0) -> [Int] {
        let end = subtreeEnd(of: root)
        return (root..<end).filter { nodes[$0].name == name }
    }

    /// Elements that flow within a line of text; every other element separates words.
    static let inlineTags: Set<String> = [
        "a", "abbr", "b", "bdi", "bdo", "big", "cite", "code", "data", "del", "dfn", "em", "font", "i", "img", "ins",
        "kbd", "label", "mark", "nobr", "q", "rp", "rt", "ruby", "s", "samp", "small", "span", "strike", "strong",
        "sub", "sup", "time", "tt", "u", "var", "wbr", "acronym", "blink",
    ]

    /// All text below a node, with white space collapsed to single spaces.
    func plainText(of index: Int) -> String {
        let end = subtreeEnd(of: index)
        var writer = CollapsingWriter()
        for position in index..<end {
            if nodes[position].isText {
                writer.append(nodes[position].text)
            } else if !nodes[position].isInline {
                // "Product<br>Management" or "<li>One</li><li>Two</li>" must not run together.
                writer.separate()
            }
        }
        return writer.text
    }
}
