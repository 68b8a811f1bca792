/// White space found on UTF-8 bytes, with the scalars of Unicode's `White_Space` property.
///
/// Splitting a `String` by `Character.isWhitespace` runs grapheme breaking and a property lookup per
/// character, which cost more than all of libxml2's parsing; page text is mostly ASCII, so a byte test
/// settles nearly every case and only lead bytes of the few non-ASCII spaces need a closer look.
enum WhiteSpace {
    /// The length in bytes of the white-space scalar that starts at `position`, or 0 if none does.
    @inline(__always)
    static func length(in bytes: UnsafeBufferPointer<UInt8>, at position: Int) -> Int {
        let byte = bytes[position]
        if byte < 0x80 { return byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) ? 1 : 0 }
        return nonASCIILength(in: bytes, at: position)
    }

    /// U+0085, U+00A0, U+1680, U+2000...U+200A, U+2028, U+2029, U+202F, U+205F and U+3000.
    private static func nonASCIILength(in bytes: UnsafeBufferPointer<UInt8>, at position: Int) -> Int {
        let byte = bytes[position]
        let remaining = bytes.count - position
        switch byte {
        case 0xC2:
            guard remaining >= 2 else { return 0 }
            return bytes[position + 1] == 0x85 || bytes[position + 1] == 0xA0 ? 2 : 0
        case 0xE1:
            guard remaining >= 3 else { return 0 }
            return bytes[position + 1] == 0x9A && bytes[position + 2] == 0x80 ? 3 : 0
        case 0xE2:
            guard remaining >= 3 else { return 0 }
            let second = bytes[position + 1]
            let third = bytes[position + 2]
            if second == 0x80 {
                return third <= 0x8A || third == 0xA8 || third == 0xA9 || third == 0xAF ? 3 : 0
            }
            return second == 0x81 && third == 0x9F ? 3 : 0
        case 0xE3:
            guard remaining >= 3 else { return 0 }
            return bytes[position + 1] == 0x80 && bytes[position + 2] == 0x80 ? 3 : 0
        default:
            return 0
        }
    }

    /// Calls `body` with the UTF-8 bytes of `text`, without copying a native string.
    @inline(__always)
    static func withBytes<Result>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        if let result = text.utf8.withContiguousStorageIfAvailable(body) { return result }
        var copy = text
        return copy.withUTF8(body)
    }

    /// Calls `word` for each run of bytes without white space, saying whether white space came before
    /// it; returns whether the text ends in white space.
    @discardableResult
    static func forEachWord(
        in buffer: UnsafeBufferPointer<UInt8>, _ word: (_ word: UnsafeBufferPointer<UInt8>, _ spaceBefore: Bool) -> Void
    ) -> Bool {
        var position = 0
        let count = buffer.count
        var sawSpace = false
        while position < count {
            let space = length(in: buffer, at: position)
            if space > 0 {
                sawSpace = true
                position += space
                continue
            }
            var end = position + 1
            while end < count && length(in: buffer, at: end) == 0 { end += 1 }
            word(UnsafeBufferPointer(rebasing: buffer[position..<end]), sawSpace)
            sawSpace = false
            position = end
        }
        return sawSpace
    }

    /// `text` with white space trimmed at both ends and every run of it made one space.
    static func collapse(_ text: String) -> String {
        var writer = CollapsingWriter()
        writer.append(text)
        return writer.text
    }

    /// True if `needle` (ASCII) occurs in `haystack`, compared byte by byte.
    ///
    /// Foundation's `contains` goes through `NSString` and costs far more on the short class names it is used for.
    static func occurs(_ needle: StaticString, in haystack: String) -> Bool {
        let pattern = UnsafeBufferPointer(start: needle.utf8Start, count: needle.utf8CodeUnitCount)
        return withBytes(haystack) { occurs(pattern, in: $0) }
    }

    /// True if `needle` occurs in `haystack`.
    static func occurs(_ needle: UnsafeBufferPointer<UInt8>, in haystack: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = needle.first, needle.count <= haystack.count else { return false }
        let last = haystack.count - needle.count
        var start = 0
        while start <= last {
            if haystack[start] == first {
                var offset = 1
                while offset < needle.count && haystack[start + offset] == needle[offset] { offset += 1 }
                if offset == needle.count { return true }
            }
            start += 1
        }
        return false
    }
}

/// Joins pieces of text into one line: white space trimmed at both ends, every run of it one space.
struct CollapsingWriter {
    private(set) var bytes: [UInt8] = []
    /// Set when white space (or a word break) was seen since the last word.
    private var pendingSpace = false

    /// The text written so far.
    var text: String { String(decoding: bytes, as: UTF8.self) }

    /// Marks a word break, as a block element between two texts does.
    mutating func separate() {
        pendingSpace = true
    }

    /// Appends `text`, collapsing its white space.
    mutating func append(_ text: String) {
        WhiteSpace.withBytes(text) { append($0) }
    }

    /// Appends UTF-8 text, collapsing its white space.
    mutating func append(_ buffer: UnsafeBufferPointer<UInt8>) {
        let endsInSpace = WhiteSpace.forEachWord(in: buffer) { word, spaceBefore in
            if (pendingSpace || spaceBefore) && !bytes.isEmpty { bytes.append(0x20) }
            pendingSpace = false
            bytes.append(contentsOf: word)
        }
        if endsInSpace { pendingSpace = true }
    }
}

/// Sets of byte strings searched for in one pass over a text, by their first two bytes.
///
/// Class names are tested against some sixty furniture fragments; searching for each in turn walked
/// every name sixty times. The fragments lie end to end in one buffer, and a table of the byte pairs
/// they start with leads from each position of a text straight to the few fragments that may start
/// there (usually none). Several sets can share one search (see ``init(groups:)`` and
/// ``groupsOccurring(in:)``).
struct FragmentSet: Sendable {
    private let table: ByteStringTable
    /// For each byte value, the groups with that byte as a fragment of its own.
    private let singles: [UInt64]
    /// For each byte value, where its block of 256 entries in ``pairRanges`` starts, or -1 if no
    /// fragment of two or more bytes starts with it.
    private let blocks: [Int32]
    /// For each pair of first bytes, the fragments of two or more bytes that start with it, which the
    /// sorting keeps together: `lower << 16 | upper`, 0 for none.
    private let pairRanges: [UInt32]
    /// One bit for each group.
    private let allGroups: UInt64

    /// One set of fragments.
    init(_ words: [String]) {
        self.init(groups: [words])
    }

    /// Up to 64 sets of fragments searched together; group `n` answers to bit `1 << n`.
    init(groups: [[String]]) {
        precondition(groups.count <= 64, "a FragmentSet holds at most 64 groups")
        table = ByteStringTable(groups: groups)
        precondition(table.strings.count < 0xFFFF, "a FragmentSet holds fewer than 65,535 fragments")
        var singles = [UInt64](repeating: 0, count: 256)
        var blocks = [Int32](repeating: -1, count: 256)
        var pairRanges: [UInt32] = []
        for (index, fragment) in table.strings.enumerated() {
            let first = Int(fragment[0])
            if fragment.count == 1 {
                singles[first] |= table.memberships[index]
                continue
            }
            if blocks[first] < 0 {
                blocks[first] = Int32(pairRanges.count)
                pairRanges.append(contentsOf: repeatElement(0, count: 256))
            }
            let slot = Int(blocks[first]) + Int(fragment[1])
            let lower = pairRanges[slot] == 0 ? UInt32(index) : pairRanges[slot] >> 16
            pairRanges[slot] = lower << 16 | UInt32(index + 1)
        }
        self.singles = singles
        self.blocks = blocks
        self.pairRanges = pairRanges
        allGroups = groups.count == 64 ? ~0 : (1 << UInt64(groups.count)) - 1
    }

    /// True if one of the fragments occurs in `text`.
    func occurs(in text: String) -> Bool {
        groupsOccurring(in: text) != 0
    }

    /// True if one of the fragments occurs in the UTF-8 `bytes`.
    func occurs(in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        groupsOccurring(in: bytes) != 0
    }

    /// The groups (one bit each) with a fragment that occurs in `text`.
    func groupsOccurring(in text: String) -> UInt64 {
        WhiteSpace.withBytes(text) { groupsOccurring(in: $0) }
    }

    /// The groups (one bit each) with a fragment that occurs in the UTF-8 `haystack`.
    func groupsOccurring(in haystack: UnsafeBufferPointer<UInt8>) -> UInt64 {
        singles.withUnsafeBufferPointer { singles in
            blocks.withUnsafeBufferPointer { blocks in
                pairRanges.withUnsafeBufferPointer { pairRanges in
                    var found: UInt64 = 0
                    let count = haystack.count
                    for start in 0..<count {
                        let first = Int(haystack[start])
                        found |= singles[first]
                        let block = Int(blocks[first])
                        guard block >= 0, start + 1 < count else { continue }
                        let range = pairRanges[block + Int(haystack[start + 1])]
                        guard range != 0 else { continue }
                        found |= table.groups(
                            of: Int(range >> 16)..<Int(range & 0xFFFF), at: start, in: haystack, besides: found)
                        if found == allGroups { break }
                    }
                    return found
                }
            }
        }
    }
}

/// A set of ASCII words matched against the letter-and-digit words of a lowercase ASCII text, in
/// place, so that no word of the text becomes a `String`.
struct WordSet: Sendable {
    private let table: ByteStringTable

    /// One set of words.
    init(_ list: some Sequence<String>) {
        self.init(groups: [Array(list)])
    }

    /// Up to 64 sets of words matched together; group `n` answers to bit `1 << n`.
    init(groups: [[String]]) {
        precondition(groups.count <= 64, "a WordSet holds at most 64 groups")
        table = ByteStringTable(groups: groups)
    }

    /// ASCII letters and digits; every other byte separates words.
    @inline(__always)
    static func isWordByte(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A)
    }

    /// True if a word of `text` (ASCII only) is in the set.
    func containsWord(of text: UnsafeBufferPointer<UInt8>) -> Bool {
        groupsContainingWord(of: text) != 0
    }

    /// The groups (one bit each) that hold a word of `text` (ASCII only).
    func groupsContainingWord(of text: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var found: UInt64 = 0
        var position = 0
        let count = text.count
        while position < count {
            guard WordSet.isWordByte(text[position]) else {
                position += 1
                continue
            }
            var end = position + 1
            while end < count && WordSet.isWordByte(text[end]) { end += 1 }
            let length = end - position
            for word in table.byFirstByte[Int(text[position])]..<table.byFirstByte[Int(text[position]) + 1]
            where table.starts[word + 1] - table.starts[word] == length {
                let from = table.starts[word]
                var offset = 1
                while offset < length && text[position + offset] == table.bytes[from + offset] { offset += 1 }
                if offset == length { found |= table.memberships[word] }
            }
            position = end
        }
        return found
    }
}

/// The byte strings of up to 64 groups, distinct, sorted and laid end to end, indexed by first byte:
/// what ``FragmentSet`` and ``WordSet`` search.
private struct ByteStringTable: Sendable {
    /// The distinct strings, sorted.
    let strings: [[UInt8]]
    /// The strings end to end.
    let bytes: [UInt8]
    /// Where each string starts in `bytes`, and one more entry for the end of the last.
    let starts: [Int]
    /// For each string, the groups it belongs to, one bit per group.
    let memberships: [UInt64]
    /// For each byte value, the strings that start with it: `byFirstByte[byte] ..< byFirstByte[byte + 1]`.
    let byFirstByte: [Int]

    init(groups: [[String]]) {
        var membershipOf: [[UInt8]: UInt64] = [:]
        for (group, words) in groups.enumerated() {
            for word in words where !word.isEmpty { membershipOf[Array(word.utf8), default: 0] |= 1 << UInt64(group) }
        }
        strings = membershipOf.keys.sorted { $0.lexicographicallyPrecedes($1) }
        bytes = strings.flatMap { $0 }
        memberships = strings.map { membershipOf[$0] ?? 0 }
        var starts = [0]
        var byFirstByte = [Int](repeating: 0, count: 257)
        for string in strings {
            starts.append(starts[starts.count - 1] + string.count)
            byFirstByte[Int(string[0]) + 1] += 1
        }
        for byte in 0..<256 { byFirstByte[byte + 1] += byFirstByte[byte] }
        self.starts = starts
        self.byFirstByte = byFirstByte
    }

    /// The groups of the `fragments` that occur at `start` in `haystack`, whose first two bytes are
    /// known to match; fragments only of groups in `besides` are not compared.
    func groups(
        of fragments: Range<Int>, at start: Int, in haystack: UnsafeBufferPointer<UInt8>, besides found: UInt64
    ) -> UInt64 {
        var result: UInt64 = 0
        for fragment in fragments where memberships[fragment] & ~found != 0 {
            let from = starts[fragment]
            let length = starts[fragment + 1] - from
            guard length <= haystack.count - start else { continue }
            var offset = 2
            while offset < length && haystack[start + offset] == bytes[from + offset] { offset += 1 }
            if offset == length { result |= memberships[fragment] }
        }
        return result
    }
}

extension UInt8 {
    /// The byte with an ASCII capital letter lowered; every other byte as it is.
    @inline(__always)
    var asciiLowercased: UInt8 { self >= 0x41 && self <= 0x5A ? self | 0x20 : self }

    /// True for an ASCII letter, either case.
    @inline(__always)
    var isASCIILetter: Bool { (self | 0x20) >= 0x61 && (self | 0x20) <= 0x7A }
}
