@testable import Entities
import PipelineModel

/// One span as a test reads it: the label, the text it covers and its normalized value.
struct Found: Equatable, CustomStringConvertible {
    var type: EntityType
    var text: String
    var normalized: String

    var description: String { "\(type.label) \"\(text)\" -> \(normalized)" }
}

/// The spans the shared recognizer finds in `text`, with the text each covers.
func found(_ text: String, published: String? = nil) -> [Found] {
    let scalars = Array(text.unicodeScalars)
    return EntityRecognizer.shared.spans(in: text, published: published).map { span in
        Found(type: span.type, text: String(String.UnicodeScalarView(scalars[span.start..<span.end])),
              normalized: span.normalized)
    }
}

/// The spans of one type in `text`.
func found(_ type: EntityType, in text: String, published: String? = nil) -> [Found] {
    found(text, published: published).filter { $0.type == type }
}
