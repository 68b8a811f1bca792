import Foundation

/// A JSON value as the metadata reader looks into it: strings, arrays and objects. Numbers, booleans and
/// null are never read, so they are one case.
enum JSONValue: Sendable, Equatable {
    case string(String)
    case array([JSONValue])
    case object(JSONObject)
    /// A number, `true`, `false` or `null`.
    case other

    var string: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    var array: [JSONValue]? {
        if case .array(let items) = self { return items }
        return nil
    }

    var object: JSONObject? {
        if case .object(let members) = self { return members }
        return nil
    }

    /// The value of a JSON text as Foundation's `JSONSerialization` reads it (fragments allowed), or nil
    /// where that fails.
    ///
    /// Foundation's reader costs about a hundred instructions a byte, more than the rest of the metadata
    /// together; ``JSONReader`` reads the plain JSON that nearly every page has for a fraction of that and
    /// leaves to Foundation whatever it is not sure to read the same way.
    static func parse(_ text: String) -> JSONValue? {
        if let value = WhiteSpace.withBytes(text, JSONReader.read) { return value }
        guard let data = text.data(using: .utf8),
              let parsed = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) else { return nil }
        return JSONValue(foundation: parsed)
    }

    /// The value `JSONSerialization` gives, as the same casts the metadata reader makes see it.
    init(foundation value: Any) {
        if let text = value as? String {
            self = .string(text)
        } else if let items = value as? [Any] {
            self = .array(items.map(JSONValue.init(foundation:)))
        } else if let members = value as? [String: Any] {
            self = .object(JSONObject(members: members.map { ($0.key, JSONValue(foundation: $0.value)) }))
        } else {
            self = .other
        }
    }
}

/// The members of a JSON object in the order written. Looked up by key, a repeated key gives its last
/// value, as in the dictionary Foundation makes; a list costs less to build than a dictionary, and the
/// metadata reader asks an object for only a few keys.
struct JSONObject: Sendable, Equatable {
    var members: [(key: String, value: JSONValue)] = []

    subscript(key: String) -> JSONValue? {
        members.last { $0.key == key }?.value
    }

    /// Equal when the same keys give the same values, whatever their order.
    static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
        Dictionary(lhs.members, uniquingKeysWith: { $1 }) == Dictionary(rhs.members, uniquingKeysWith: { $1 })
    }
}

/// Reads strict JSON from UTF-8 bytes to the value Foundation's `JSONSerialization` gives for it, or gives
/// up (nil) on anything where the two might differ or Foundation might fail: invalid JSON, trailing commas
/// (which Foundation accepts), numbers with exponents or more than 15 characters (which Foundation may
/// refuse as not representable), lone surrogates, byte-order marks inside strings (which Foundation
/// drops at the start of a string), nesting deeper than 64.
struct JSONReader {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var position = 0
    private var depth = 0

    private init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// The value of a whole JSON text, nil if it is not plain JSON.
    static func read(_ bytes: UnsafeBufferPointer<UInt8>) -> JSONValue? {
        var reader = JSONReader(bytes: bytes)
        guard let value = reader.value() else { return nil }
        reader.skipSpace()
        return reader.position == bytes.count ? value : nil
    }

    /// Skips the white space JSON allows between tokens: space, tab, line feed and carriage return.
    private mutating func skipSpace() {
        while position < bytes.count {
            let byte = bytes[position]
            guard byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 else { return }
            position += 1
        }
    }

    /// Consumes `byte` if it comes next.
    private mutating func consume(_ byte: UInt8) -> Bool {
        guard position < bytes.count, bytes[position] == byte else { return false }
        position += 1
        return true
    }

    private mutating func value() -> JSONValue? {
        skipSpace()
        guard position < bytes.count else { return nil }
        switch bytes[position] {
        case UInt8(ascii: "\""): return string().map(JSONValue.string)
        case UInt8(ascii: "{"): return object()
        case UInt8(ascii: "["): return array()
        case UInt8(ascii: "t"): return literal("true")
        case UInt8(ascii: "f"): return literal("false")
        case UInt8(ascii: "n"): return literal("null")
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return number()
        default: return nil
        }
    }

    private mutating func object() -> JSONValue? {
        guard depth < 64 else { return nil }
        depth += 1
        defer { depth -= 1 }
        position += 1
        var members = JSONObject()
        skipSpace()
        if consume(UInt8(ascii: "}")) { return .object(members) }
        while true {
            skipSpace()
            guard position < bytes.count, bytes[position] == UInt8(ascii: "\""), let key = string() else { return nil }
            skipSpace()
            guard consume(UInt8(ascii: ":")), let member = value() else { return nil }
            members.members.append((key, member))
            skipSpace()
            if consume(UInt8(ascii: "}")) { return .object(members) }
            guard consume(UInt8(ascii: ",")) else { return nil }
        }
    }

    private mutating func array() -> JSONValue? {
        guard depth < 64 else { return nil }
        depth += 1
        defer { depth -= 1 }
        position += 1
        var items: [JSONValue] = []
        skipSpace()
        if consume(UInt8(ascii: "]")) { return .array(items) }
        while true {
            guard let item = value() else { return nil }
            items.append(item)
            skipSpace()
            if consume(UInt8(ascii: "]")) { return .array(items) }
            guard consume(UInt8(ascii: ",")) else { return nil }
        }
    }

    private mutating func literal(_ word: StaticString) -> JSONValue? {
        let count = word.utf8CodeUnitCount
        guard bytes.count - position >= count else { return nil }
        for offset in 0..<count where bytes[position + offset] != word.utf8Start[offset] { return nil }
        position += count
        return .other
    }

    private func isDigit(at index: Int) -> Bool {
        index < bytes.count && bytes[index] >= UInt8(ascii: "0") && bytes[index] <= UInt8(ascii: "9")
    }

    /// A number without exponent of at most 15 characters, which Foundation always holds in an integer or
    /// a finite double.
    private mutating func number() -> JSONValue? {
        let start = position
        if bytes[position] == UInt8(ascii: "-") { position += 1 }
        guard isDigit(at: position) else { return nil }
        // No leading zeros: "0" stands alone.
        if bytes[position] == UInt8(ascii: "0") {
            position += 1
        } else {
            while isDigit(at: position) { position += 1 }
        }
        if position < bytes.count, bytes[position] == UInt8(ascii: ".") {
            position += 1
            guard isDigit(at: position) else { return nil }
            while isDigit(at: position) { position += 1 }
        }
        guard position - start <= 15 else { return nil }
        if position < bytes.count {
            switch bytes[position] {
            case 0x20, 0x0A, 0x0D, 0x09, UInt8(ascii: ","), UInt8(ascii: "]"), UInt8(ascii: "}"): break
            default: return nil
            }
        }
        return .other
    }

    /// A string from its opening quote; the bytes are valid UTF-8, as they come from a `String`.
    private mutating func string() -> String? {
        position += 1
        // Runs of plain bytes are copied whole; most strings are one run, decoded in place.
        var decoded: [UInt8] = []
        var escaped = false
        var runStart = position
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
                let run = UnsafeBufferPointer(rebasing: bytes[runStart..<position])
                if byte == UInt8(ascii: "\"") {
                    position += 1
                    guard escaped else { return String(decoding: run, as: UTF8.self) }
                    decoded.append(contentsOf: run)
                    return String(decoding: decoded, as: UTF8.self)
                }
                decoded.append(contentsOf: run)
                escaped = true
                guard let scalar = escape() else { return nil }
                UTF8.encode(scalar) { decoded.append($0) }
                runStart = position
                continue
            }
            // A control character must be escaped; a byte-order mark is dropped by Foundation at the start of a string.
            if byte < 0x20 || (byte == 0xEF && position + 2 < bytes.count && bytes[position + 1] == 0xBB && bytes[position + 2] == 0xBF) {
                return nil
            }
            position += 1
        }
        return nil
    }

    /// The character of an escape sequence, from its backslash.
    private mutating func escape() -> Unicode.Scalar? {
        guard position + 1 < bytes.count else { return nil }
        let kind = bytes[position + 1]
        position += 2
        switch kind {
        case UInt8(ascii: "\""): return "\""
        case UInt8(ascii: "\\"): return "\\"
        case UInt8(ascii: "/"): return "/"
        case UInt8(ascii: "b"): return "\u{08}"
        case UInt8(ascii: "f"): return "\u{0C}"
        case UInt8(ascii: "n"): return "\n"
        case UInt8(ascii: "r"): return "\r"
        case UInt8(ascii: "t"): return "\t"
        case UInt8(ascii: "u"):
            guard let unit = hexUnit() else { return nil }
            if unit & 0xFC00 == 0xD800 {
                guard consume(UInt8(ascii: "\\")), consume(UInt8(ascii: "u")), let low = hexUnit(), low & 0xFC00 == 0xDC00
                else { return nil }
                return Unicode.Scalar((UInt32(unit) - 0xD800) * 0x400 + (UInt32(low) - 0xDC00) + 0x10000)
            }
            return Unicode.Scalar(unit)
        default:
            return nil
        }
    }

    /// Four hexadecimal digits.
    private mutating func hexUnit() -> UInt16? {
        guard bytes.count - position >= 4 else { return nil }
        var unit: UInt16 = 0
        for _ in 0..<4 {
            let byte = bytes[position]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: return nil
            }
            unit = unit << 4 | UInt16(digit)
            position += 1
        }
        return unit
    }
}
