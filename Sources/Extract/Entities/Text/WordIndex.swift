/// A read-only hash table from words to values, keyed by their UTF-8 bytes.
///
/// The word lists hold some 250,000 words and every token is looked up in them several times, so
/// lookups avoid `Hasher` (seeded SipHash) and `String` comparison: a word's bytes are hashed with
/// FNV-1a, and each slot of the table carries the hash and the first eight bytes of its key, so that
/// most lookups read one slot and, when found, one value.
/// The tables can be filled from the bytes of a resource file without making a `String` per line.
///
/// Byte equality is `String` equality only for ASCII that no other scalar is canonically equivalent
/// to; every other key ("Zürich", or one with the "K" that U+212A KELVIN SIGN equals) lives in a
/// `Dictionary` that compares as `String` does, and a word is looked up in the one of the two its own
/// bytes send it to, which answers as one `[String: Value]` would.
struct WordIndex<Value: Sendable>: Sendable {
    /// One place of the open-addressing table.
    fileprivate struct Slot: Sendable {
        /// The key's first eight bytes, zero-padded (plain keys have no zero byte, so the padding
        /// tells a short key's length).
        var prefix: UInt64
        var hash: UInt32
        /// The entry's index + 1; 0 for an empty slot.
        var entry: UInt32
    }

    /// The arrays in one object, so that copying a table (and the recognisers holding tables) costs
    /// one reference count.
    private final class Storage: Sendable {
        /// Every plain key's bytes back to back; key `i` spans `keyStarts[i]..<keyStarts[i + 1]`.
        let bytes: [UInt8]
        let keyStarts: [Int32]
        let values: [Value]
        /// A power of two long, at most half full.
        let slots: [Slot]
        /// The keys that are not plain (see `isPlain`).
        let others: [String: Value]

        init(bytes: [UInt8], keyStarts: [Int32], values: [Value], slots: [Slot], others: [String: Value]) {
            self.bytes = bytes
            self.keyStarts = keyStarts
            self.values = values
            self.slots = slots
            self.others = others
        }
    }

    private let storage: Storage

    private init(storage: Storage) {
        self.storage = storage
    }

    /// An empty table.
    init() {
        self = Builder().build()
    }

    /// How many words the table holds.
    var count: Int { storage.values.count + storage.others.count }

    /// The value of `key`, or nil.
    subscript(key: String) -> Value? {
        // nil when the key is not plain.
        func lookUp(_ bytes: UnsafeBufferPointer<UInt8>) -> Value?? {
            guard let signature = Self.signature(bytes) else { return .none }
            return .some(entry(bytes, signature).map { storage.values[$0] })
        }
        let found = key.utf8.withContiguousStorageIfAvailable(lookUp) ?? Array(key.utf8).withUnsafeBufferPointer(lookUp)
        if let plain = found { return plain }
        return storage.others[key]
    }

    /// The value of a key whose bytes are plain (see `isPlain`), or nil.
    subscript(plain key: UnsafeBufferPointer<UInt8>) -> Value? {
        guard let signature = Self.signature(key), let entry = entry(key, signature) else { return nil }
        return storage.values[entry]
    }

    func contains(_ key: String) -> Bool {
        self[key] != nil
    }

    /// Calls `plain` with every plain key's bytes and value, in the order they were first added, then
    /// `other` with every other key and value.
    func forEach(plain: (UnsafeBufferPointer<UInt8>, Value) -> Void, other: (String, Value) -> Void) {
        let keyStarts = storage.keyStarts
        let values = storage.values
        storage.bytes.withUnsafeBufferPointer { all in
            for entry in values.indices {
                plain(UnsafeBufferPointer(rebasing: all[Int(keyStarts[entry])..<Int(keyStarts[entry + 1])]), values[entry])
            }
        }
        for (key, value) in storage.others { other(key, value) }
    }

    /// ASCII without a zero byte and without the three characters a non-ASCII scalar is canonically
    /// equivalent to (";" of U+037E, "`" of U+1FEF, "K" of U+212A): bytes that only an equal `String` has.
    static func isPlain(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        signature(bytes) != nil
    }

    /// The 32-bit FNV-1a hash and the first eight bytes (little end first, zero-padded) of a plain
    /// key, in one pass; nil when the key is not plain.
    private static func signature(_ key: UnsafeBufferPointer<UInt8>) -> (hash: UInt32, prefix: UInt64)? {
        var hash: UInt32 = 2_166_136_261
        var prefix: UInt64 = 0
        // Wrapping operators: the checked ones branched on every byte.
        var shift: UInt64 = 0
        for byte in key {
            if byte >= 0x80 || byte == 0 || byte == 0x3B || byte == 0x60 || byte == 0x4B { return nil }
            hash = (hash ^ UInt32(truncatingIfNeeded: byte)) &* 16_777_619
            if shift < 64 {
                prefix |= UInt64(truncatingIfNeeded: byte) &<< shift
                shift &+= 8
            }
        }
        return (hash, prefix)
    }

    private func entry(_ key: UnsafeBufferPointer<UInt8>, _ signature: (hash: UInt32, prefix: UInt64)) -> Int? {
        let storage = storage
        return storage.slots.withUnsafeBufferPointer { slots in
            let mask = slots.count - 1
            var index = Self.start(signature.hash, mask)
            while true {
                let slot = slots[index]
                if slot.entry == 0 { return nil }
                if slot.hash == signature.hash && slot.prefix == signature.prefix {
                    let entry = Int(slot.entry) - 1
                    // A prefix with a zero byte (a key shorter than eight bytes) is the whole key.
                    if key.count < 8 || storage.bytes.withUnsafeBufferPointer({
                        Self.equal($0, Int(storage.keyStarts[entry]), Int(storage.keyStarts[entry + 1]), key)
                    }) {
                        return entry
                    }
                }
                index = (index + 1) & mask
            }
        }
    }

    private static func equal(_ all: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int,
                              _ key: UnsafeBufferPointer<UInt8>) -> Bool {
        guard end - start == key.count else { return false }
        for index in 0..<key.count where all[start + index] != key[index] { return false }
        return true
    }

    /// The first slot to probe: the hash's bits folded, since FNV-1a's low bits alone cluster.
    private static func start(_ hash: UInt32, _ mask: Int) -> Int {
        Int(hash ^ (hash >> 15)) & mask
    }

    /// Collects words and values, then freezes them into a `WordIndex`.
    struct Builder {
        private var bytes: [UInt8] = []
        private var keyStarts: [Int32] = [0]
        private var values: [Value] = []
        private var slots: [Slot]
        private var others: [String: Value] = [:]

        init(capacity: Int = 0) {
            var size = 16
            while size < capacity * 2 { size *= 2 }
            slots = Array(repeating: Slot(prefix: 0, hash: 0, entry: 0), count: size)
            keyStarts.reserveCapacity(capacity + 1)
            values.reserveCapacity(capacity)
            bytes.reserveCapacity(capacity * 8)
        }

        /// Adds `key` with `value`, or when `key` is already there, replaces its value by
        /// `merge(old, value)`.
        mutating func add(_ key: String, _ value: Value, merge: (Value, Value) -> Value) {
            let plain = Array(key.utf8).withUnsafeBufferPointer { bytes in
                guard let signature = WordIndex.signature(bytes) else { return false }
                addPlain(bytes, signature, value, merge: merge)
                return true
            }
            if !plain {
                others[key] = others[key].map { merge($0, value) } ?? value
            }
        }

        /// `add(_:_:merge:)` for a key's UTF-8 bytes.
        mutating func add(bytes key: UnsafeBufferPointer<UInt8>, _ value: Value, merge: (Value, Value) -> Value) {
            if let signature = WordIndex.signature(key) {
                addPlain(key, signature, value, merge: merge)
            } else {
                add(String(decoding: key, as: UTF8.self), value, merge: merge)
            }
        }

        private mutating func addPlain(_ key: UnsafeBufferPointer<UInt8>, _ signature: (hash: UInt32, prefix: UInt64),
                                       _ value: Value, merge: (Value, Value) -> Value) {
            let (hash, prefix) = signature
            let mask = slots.count - 1
            var index = WordIndex.start(hash, mask)
            while slots[index].entry != 0 {
                let entry = Int(slots[index].entry) - 1
                if slots[index].hash == hash, slots[index].prefix == prefix, bytes.withUnsafeBufferPointer({
                    WordIndex.equal($0, Int(keyStarts[entry]), Int(keyStarts[entry + 1]), key)
                }) {
                    values[entry] = merge(values[entry], value)
                    return
                }
                index = (index + 1) & mask
            }
            bytes.append(contentsOf: key)
            keyStarts.append(Int32(bytes.count))
            values.append(value)
            slots[index] = Slot(prefix: prefix, hash: hash, entry: UInt32(values.count))
            if values.count * 2 > slots.count { grow() }
        }

        private mutating func grow() {
            var larger = [Slot](repeating: Slot(prefix: 0, hash: 0, entry: 0), count: slots.count * 2)
            let mask = larger.count - 1
            for slot in slots where slot.entry != 0 {
                var index = WordIndex.start(slot.hash, mask)
                while larger[index].entry != 0 { index = (index + 1) & mask }
                larger[index] = slot
            }
            slots = larger
        }

        func build() -> WordIndex {
            WordIndex(storage: Storage(bytes: bytes, keyStarts: keyStarts, values: values, slots: slots, others: others))
        }
    }
}

/// A read-only set of words, looked up by their UTF-8 bytes (see `WordIndex`).
struct WordSet: Sendable {
    private let index: WordIndex<Bool>

    init(_ index: WordIndex<Bool>) {
        self.index = index
    }

    init(_ words: some Sequence<String>) {
        var builder = WordIndex<Bool>.Builder()
        for word in words { builder.add(word, true) { old, _ in old } }
        index = builder.build()
    }

    var count: Int { index.count }

    func contains(_ word: String) -> Bool {
        index.contains(word)
    }

    /// `contains` for a word whose bytes are plain (see `WordIndex.isPlain`).
    func contains(plain word: UnsafeBufferPointer<UInt8>) -> Bool {
        index[plain: word] != nil
    }

    /// Calls `plain` with the bytes of every plain word (see `WordIndex.isPlain`), `other` with
    /// every other word.
    func forEach(plain: (UnsafeBufferPointer<UInt8>) -> Void, other: (String) -> Void) {
        index.forEach(plain: { key, _ in plain(key) }, other: { key, _ in other(key) })
    }
}
