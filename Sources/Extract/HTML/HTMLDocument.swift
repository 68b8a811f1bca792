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
    /// Where the decoded text of a text node lies in ``HTMLDocument/textBytes`` (empty for elements).
    var textRange: Range<Int>
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

    /// The value of an attribute, if present (names are lowercase; only ``HTMLDocument/keptAttributes`` are kept).
    func attribute(_ wanted: String) -> String? {
        assert(HTMLDocument.keptAttributes.contains(wanted), "add \(wanted) to HTMLDocument.keptAttributes")
        return attributes.first { $0.name.isSameName(wanted) }?.value
    }
}

extension String {
    /// `==` for tag and attribute names that rules out a name of another length first: the standard
    /// library compares two different short strings on a slow path, and most names compared differ.
    @inline(__always)
    func isSameName(_ other: String) -> Bool {
        utf8.count == other.utf8.count && self == other
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
    /// The UTF-8 text of all text nodes end to end (see ``HTMLNode/textRange``): one buffer instead of a
    /// `String` per text node, which cost an allocation, a UTF-8 check and a release for each of them.
    let textBytes: [UInt8]
    /// For each node, one past its last descendant (see ``subtreeEnd(of:)``).
    private(set) var subtreeEnds: [Int] = []
    /// The elements of each tag name in document order (the document itself under its name), so that
    /// finding the elements of one name does not compare the name of every node.
    private let elementsByName: [String: [Int]]

    /// Parses UTF-8 bytes; nil if libxml2 cannot parse them (see ``HTMLTreeBuilder``).
    static func parse(utf8 bytes: [UInt8], url: String?) -> HTMLDocument? {
        HTMLTreeBuilder.build(utf8: bytes, url: url)
    }

    /// A document from the nodes ``HTMLTreeBuilder`` built.
    init(nodes: [HTMLNode], textBytes: [UInt8], subtreeEnds: [Int], elementsByName: [String: [Int]]) {
        self.nodes = nodes
        self.textBytes = textBytes
        self.subtreeEnds = subtreeEnds
        self.elementsByName = elementsByName
    }

    // MARK: Text

    /// The text of a text node (empty for an element).
    func text(of index: Int) -> String {
        withText(of: index) { String(decoding: $0, as: UTF8.self) }
    }

    /// Calls `body` with the UTF-8 bytes of a text node's text, in place.
    @inline(__always)
    func withText<Result>(of index: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        let range = nodes[index].textRange
        return textBytes.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[range])) }
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

    /// The node and its descendants, as one range of indices.
    func subtree(of index: Int) -> Range<Int> {
        index..<subtreeEnds[index]
    }

    /// The nearest ancestor of `index` that `matches`, among those after `bound` in document order (node 0,
    /// the document itself, is never one).
    func nearestAncestor(of index: Int, after bound: Int = 0, where matches: (HTMLNode) -> Bool) -> Int? {
        var ancestor = nodes[index].parent
        while ancestor > bound {
            if matches(nodes[ancestor]) { return ancestor }
            ancestor = nodes[ancestor].parent
        }
        return nil
    }

    /// The first element with this tag name, in document order.
    func firstElement(named name: String, within root: Int = 0) -> Int? {
        let end = subtreeEnd(of: root)
        guard !name.isEmpty else { return (root..<end).first { nodes[$0].name == name } }
        guard let all = elementsByName[name] else { return nil }
        let first = HTMLDocument.firstPosition(in: all, notBelow: root)
        return first < all.count && all[first] < end ? all[first] : nil
    }

    /// Every element with this tag name, in document order.
    func elements(named name: String, within root: Int = 0) -> [Int] {
        let end = subtreeEnd(of: root)
        guard !name.isEmpty else { return (root..<end).filter { nodes[$0].name == name } }
        guard let all = elementsByName[name] else { return [] }
        if root == 0 { return all }
        return Array(all[HTMLDocument.firstPosition(in: all, notBelow: root)..<HTMLDocument.firstPosition(in: all, notBelow: end)])
    }

    /// The position of the first index in the ascending `indices` that is at least `bound`.
    private static func firstPosition(in indices: [Int], notBelow bound: Int) -> Int {
        var low = 0
        var high = indices.count
        while low < high {
            let middle = (low + high) / 2
            if indices[middle] < bound { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// The attributes that the extract stage reads; the parser leaves out all others (most of a page's
    /// attributes: links, image sources, sizes, data for scripts), which spares their parsing and copies
    /// (see ``KeptAttributeNames``). Reading another attribute means adding its name here.
    static let keptAttributes: Set<String> = [
        "class", "id", "role", "itemprop", "style", "hidden", "aria-hidden", "aria-controls", "aria-expanded", "type", "rel",
        "content", "property", "name", "http-equiv", "datetime", "pubdate", "lang", "xml:lang",
    ]

    /// Elements that flow within a line of text; every other element separates words.
    static let inlineTags: Set<String> = [
        "a", "abbr", "b", "bdi", "bdo", "big", "cite", "code", "data", "del", "dfn", "em", "font", "i", "img", "ins",
        "kbd", "label", "mark", "nobr", "q", "rp", "rt", "ruby", "s", "samp", "small", "span", "strike", "strong",
        "sub", "sup", "time", "tt", "u", "var", "wbr", "acronym", "blink",
    ]

    /// The first byte of ``plainText(of:)``, found without building the text; nil if it is empty.
    func firstVisibleByte(of index: Int) -> UInt8? {
        for position in index..<subtreeEnd(of: index) where nodes[position].isText {
            let found = withText(of: position) { bytes -> UInt8? in
                var offset = 0
                while offset < bytes.count {
                    let space = WhiteSpace.length(in: bytes, at: offset)
                    if space == 0 { return bytes[offset] }
                    offset += space
                }
                return nil
            }
            if let found { return found }
        }
        return nil
    }

    /// All text below a node, with white space collapsed to single spaces.
    func plainText(of index: Int) -> String {
        let end = subtreeEnd(of: index)
        var writer = CollapsingWriter()
        for position in index..<end {
            if nodes[position].isText {
                withText(of: position) { writer.append($0) }
            } else if !nodes[position].isInline {
                // "Product<br>Management" or "<li>One</li><li>Two</li>" must not run together.
                writer.separate()
            }
        }
        return writer.text
    }
}
