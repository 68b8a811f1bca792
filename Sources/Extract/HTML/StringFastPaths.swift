import Foundation

/// Cheaper ways to the results of a few `String` and Foundation operations the extract stage uses on many
/// short strings (names, attribute values, meta values). Each gives exactly what the operation it stands for
/// gives, settling the common case (ASCII) on UTF-8 bytes and leaving the rest to that operation.
extension String {
    /// The string without its leading and trailing scalars for which `isTrimmed` holds: what Foundation's
    /// `trimmingCharacters(in:)` gives for the same set, and the string itself, uncopied, when there are none.
    ///
    /// Foundation's trimming goes through `NSString` and costs thousands of instructions even when there is
    /// nothing to trim, more than the rest of the work on a meta value.
    func trimmingScalars(where isTrimmed: (Unicode.Scalar) -> Bool) -> String {
        if let first = utf8.first, let last = utf8.last, first < 0x80, last < 0x80,
           !isTrimmed(Unicode.Scalar(first)), !isTrimmed(Unicode.Scalar(last)) {
            return self
        }
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !isTrimmed($0) }),
              let last = scalars.lastIndex(where: { !isTrimmed($0) })
        else { return "" }
        if first == scalars.startIndex && scalars.index(after: last) == scalars.endIndex { return self }
        return String(scalars[first...last])
    }

    /// `lowercased()`, returning the string itself when it is ASCII without capitals (most names and
    /// attribute values), where lowering would only copy it.
    func lowercasedIfNeeded() -> String {
        WhiteSpace.withBytes(self, ASCIIWords.isLowercase) ? self : lowercased()
    }

    /// `lowercased().split(separator: " ").contains(word)` for a lowercase ASCII `word`, as in `rel` lists.
    func hasWord(_ word: StaticString) -> Bool {
        ASCIIWords.containsWord(in: self) { ASCIIWords.matches($0, word, ignoringCase: true) }
            ?? lowercased().split(separator: " ").contains(Substring(String(describing: word)))
    }

    /// Foundation's `components(separatedBy:)` for a one-byte ASCII separator, split on bytes when the string
    /// is ASCII (where every byte is a character of its own but for CR LF, which holds no separator).
    func components(separatedByASCII separator: Unicode.Scalar) -> [String] {
        let split: [String]? = WhiteSpace.withBytes(self) { bytes in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            return bytes.split(separator: UInt8(separator.value), omittingEmptySubsequences: false)
                .map { String(decoding: UnsafeBufferPointer(rebasing: $0), as: UTF8.self) }
        }
        return split ?? components(separatedBy: String(separator))
    }

    /// True if the string has fewer than `limit` characters (`count < limit`), counting at most `limit`
    /// characters instead of all: a text has no more characters than UTF-8 bytes.
    func isShorter(than limit: Int) -> Bool {
        utf8.count < limit || prefix(limit).count < limit
    }

    /// Foundation's `contains(_:)` for an ASCII `needle`.
    ///
    /// Foundation compares characters (grapheme clusters), so "/" is not in "/\u{301}"; a match of the bytes
    /// between ASCII neighbours is a match of whole characters, and where the bytes do not occur Foundation
    /// finds nothing either (no other scalars are canonically equivalent to the ASCII letters and signs
    /// searched for). Only a match beside non-ASCII bytes is left to Foundation.
    func containsASCII(_ needle: StaticString) -> Bool {
        let pattern = UnsafeBufferPointer(start: needle.utf8Start, count: needle.utf8CodeUnitCount)
        let settled: Bool? = WhiteSpace.withBytes(self) { bytes in
            guard let first = pattern.first, pattern.count <= bytes.count else { return false }
            var start = 0
            while start <= bytes.count - pattern.count {
                if bytes[start] == first && bytes[start..<start + pattern.count].elementsEqual(pattern) {
                    let end = start + pattern.count
                    let asciiBefore = start == 0 || bytes[start - 1] < 0x80
                    let asciiAfter = end == bytes.count || bytes[end] < 0x80
                    return asciiBefore && asciiAfter ? true : nil
                }
                start += 1
            }
            return false
        }
        return settled ?? contains(String(describing: needle))
    }
}

/// Foundation's predefined character sets for white space, as predicates on scalars for
/// ``Swift/String/trimmingScalars(where:)``.
enum FoundationWhiteSpace {
    /// `CharacterSet.whitespacesAndNewlines`: Unicode's `White_Space` and U+200B ZERO WIDTH SPACE.
    static func isWhitespaceOrNewline(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200B, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: true
        default: false
        }
    }

    /// `CharacterSet.whitespaces`: the space separators, tab and U+200B ZERO WIDTH SPACE.
    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x20, 0xA0, 0x1680, 0x2000...0x200B, 0x202F, 0x205F, 0x3000: true
        default: false
        }
    }
}

/// Words of ASCII text on its bytes.
enum ASCIIWords {
    /// True if the bytes are ASCII without capital letters: lowering them changes nothing.
    static func isLowercase(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        for byte in bytes where byte >= 0x80 || (byte >= 0x41 && byte <= 0x5A) { return false }
        return true
    }

    /// Whether `matches` holds for a word of ASCII `text`, the words being what `split(separator: " ")` gives
    /// (in ASCII, a space character is a space byte); nil for other text.
    static func containsWord(in text: String, where matches: (UnsafeBufferPointer<UInt8>) -> Bool) -> Bool? {
        WhiteSpace.withBytes(text) { bytes -> Bool? in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            var start = 0
            while start < bytes.count {
                var end = start
                while end < bytes.count && bytes[end] != 0x20 { end += 1 }
                if end > start && matches(UnsafeBufferPointer(rebasing: bytes[start..<end])) { return true }
                start = end + 1
            }
            return false
        }
    }

    /// True if `bytes` are the ASCII `word`, in any case when `ignoringCase`.
    static func matches(_ bytes: UnsafeBufferPointer<UInt8>, _ word: StaticString, ignoringCase: Bool = false) -> Bool {
        guard bytes.count == word.utf8CodeUnitCount else { return false }
        for offset in 0..<bytes.count {
            let byte = ignoringCase ? bytes[offset].asciiLowercased : bytes[offset]
            if byte != word.utf8Start[offset] { return false }
        }
        return true
    }
}
