/// Builds one JSON object by hand, byte for byte as ``NDJSON/encoder()`` writes the same value, for
/// records written once per page, where `JSONEncoder` costs more than the rest of the write.
///
/// The caller gives the fields in sorted key order and leaves out nil values, as the encoder does;
/// tests compare the two outputs.
public struct JSONLine {
    /// The bytes so far.
    public private(set) var bytes: [UInt8] = []
    /// Whether the object being written has a field already, one entry per open object.
    private var hasField: [Bool] = []

    /// Starts an object.
    public init(capacity: Int = 512) {
        bytes.reserveCapacity(capacity)
        open()
    }

    /// The object, closed, with a newline: ready for ``NDJSONWriter/writeLine(_:)``.
    public consuming func line() -> [UInt8] {
        close()
        bytes.append(UInt8(ascii: "\n"))
        return bytes
    }

    public mutating func field(_ key: String, _ value: String?) {
        guard let value else { return }
        name(key)
        string(value)
    }

    public mutating func field(_ key: String, _ value: Int) {
        name(key)
        bytes.append(contentsOf: String(value).utf8)
    }

    /// A number as `JSONEncoder` writes a `Double`: its shortest form, without a trailing `.0`.
    /// JSON has no infinity or NaN; they are written as 0, where the encoder would fail.
    public mutating func field(_ key: String, _ value: Double) {
        name(key)
        guard value.isFinite else {
            bytes.append(UInt8(ascii: "0"))
            return
        }
        let text = value.description
        bytes.append(contentsOf: text.hasSuffix(".0") ? text.utf8.dropLast(2) : text.utf8[...])
    }

    /// A nested object whose fields `fields` writes.
    public mutating func object(_ key: String, _ fields: (inout JSONLine) -> Void) {
        name(key)
        open()
        fields(&self)
        close()
    }

    /// An array of objects, one per item, whose fields `fields` writes.
    public mutating func objects<Item>(_ key: String, _ items: [Item], _ fields: (inout JSONLine, Item) -> Void) {
        name(key)
        bytes.append(UInt8(ascii: "["))
        for index in items.indices {
            if index > items.startIndex { bytes.append(UInt8(ascii: ",")) }
            open()
            fields(&self, items[index])
            close()
        }
        bytes.append(UInt8(ascii: "]"))
    }

    private mutating func open() {
        bytes.append(UInt8(ascii: "{"))
        hasField.append(false)
    }

    private mutating func close() {
        bytes.append(UInt8(ascii: "}"))
        hasField.removeLast()
    }

    private mutating func name(_ key: String) {
        if hasField[hasField.count - 1] { bytes.append(UInt8(ascii: ",")) }
        hasField[hasField.count - 1] = true
        string(key)
        bytes.append(UInt8(ascii: ":"))
    }

    /// A string with the escapes `JSONEncoder` uses: quote, backslash and the control characters;
    /// slashes and everything else as they are. Runs of bytes that need no escape are copied whole.
    private mutating func string(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { utf8 in
            var start = 0
            for offset in utf8.indices {
                let byte = utf8[offset]
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<offset]))
                escape(byte)
                start = offset + 1
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...]))
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private mutating func escape(_ byte: UInt8) {
        bytes.append(UInt8(ascii: "\\"))
        switch byte {
        case 0x08: bytes.append(UInt8(ascii: "b"))
        case 0x09: bytes.append(UInt8(ascii: "t"))
        case 0x0A: bytes.append(UInt8(ascii: "n"))
        case 0x0C: bytes.append(UInt8(ascii: "f"))
        case 0x0D: bytes.append(UInt8(ascii: "r"))
        case 0..<0x20:
            let digits = Array("0123456789abcdef".utf8)
            bytes.append(contentsOf: [UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]])
        default: bytes.append(byte)
        }
    }
}
