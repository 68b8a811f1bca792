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
    static func parse(_ text: String) -> JSONValue? {
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

/// The members of a JSON object. The metadata reader asks an object for only a few keys, so a list,
/// cheaper to build than a dictionary, is enough; a repeated key gives its last value.
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
