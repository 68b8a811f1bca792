extension String.UTF8View {
    /// Whether the bytes contain `byte`, searched in the string's contiguous UTF-8.
    ///
    /// More specific than `Sequence.contains(_:)`, so `word.utf8.contains(UInt8(ascii: "-"))` calls it:
    /// the generic one walks the view index by index and was a tenth of the date recogniser's time.
    func contains(_ byte: UInt8) -> Bool {
        withContiguousStorageIfAvailable { $0.contains(byte) } ?? contains(where: { $0 == byte })
    }
}
