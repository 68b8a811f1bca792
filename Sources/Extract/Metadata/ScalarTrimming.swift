extension String {
    /// The string without its leading and trailing scalars for which `isTrimmed` holds: what Foundation's
    /// `trimmingCharacters(in:)` gives for the same set, and the string itself, uncopied, when there are none.
    ///
    /// Foundation's trimming goes through `NSString` and costs thousands of instructions even when there is
    /// nothing to trim, more than the rest of the work on a meta value.
    func trimmingScalars(where isTrimmed: (Unicode.Scalar) -> Bool) -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !isTrimmed($0) }),
              let last = scalars.lastIndex(where: { !isTrimmed($0) })
        else { return "" }
        if first == scalars.startIndex && scalars.index(after: last) == scalars.endIndex { return self }
        return String(scalars[first...last])
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
