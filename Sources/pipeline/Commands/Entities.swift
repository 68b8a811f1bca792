import ArgumentParser
import Entities
import Foundation
import Load
import PipelineModel
import Stages

extension PipelineCommand {
    /// `pipeline entities`: the entity step alone, on NDJSON texts.
    struct Entities: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Find people, laws, dates and places in texts read as NDJSON on standard input.",
            discussion: """
                Reads lines {"id": ..., "text": ..., "published": "2019-12-20" (optional)} and writes one \
                line {"id": ..., "entities": [{"start", "end", "label", "normalized"}]} per input line, in \
                order. Offsets count Unicode scalars (code points), end exclusive; labels are PERSON, LAW, \
                DATE and PLACE. A line that is not such an object gets {"id": null, "error": ...}.
                """
        )

        @Option(help: "Threads that find entities at once One per core by default.")
        var workers: Int = max(1, ProcessInfo.processInfo.activeProcessorCount)

        @OptionGroup var output: OutputFlags

        func validate() throws {
            guard workers >= 1 else { throw ValidationError("--workers must be at least 1.") }
        }

        func run() throws {
            _ = output.bootstrap()
            let recognizer = EntityRecognizer.shared
            let stdout = FileHandle.standardOutput
            var out = Data()
            orderedParallelMap(
                label: "pipeline.entities", workers: workers,
                produce: { send in
                    while let line = readLine(strippingNewline: true) {
                        send(line)
                    }
                },
                transform: { line -> String in
                    Self.answer(line: line, recognizer: recognizer)
                },
                consume: { line in
                    out.append(contentsOf: line.utf8)
                    out.append(0x0A)
                    if out.count > 1 << 16 {
                        stdout.write(out)
                        out.removeAll(keepingCapacity: true)
                    }
                }
            )
            stdout.write(out)
        }

        private struct Input: Decodable {
            var id: IDValue?
            var text: String
            var published: String?
        }

        private struct Output: Encodable {
            var id: IDValue?
            var entities: [Span]?
            var error: String?
        }

        private struct Span: Encodable {
            var start: Int
            var end: Int
            var label: String
            var normalized: String
        }

        private static func answer(line: String, recognizer: EntityRecognizer) -> String {
            let output: Output
            do {
                let input = try JSONDecoder().decode(Input.self, from: Data(line.utf8))
                let spans = recognizer.spans(in: input.text, published: input.published).map {
                    Span(start: $0.start, end: $0.end, label: $0.type.label, normalized: $0.normalized)
                }
                output = Output(id: input.id, entities: spans)
            } catch {
                output = Output(id: nil, error: "The line is not a JSON object with a string \"text\".")
            }
            return NDJSON.line(output) ?? "{\"id\":null,\"error\":\"unencodable\"}"
        }
    }
}

/// An id as given: a string or a number, written back unchanged.
enum IDValue: Codable, Sendable {
    case string(String)
    case number(Int)

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let number = try? container.decode(Int.self) {
            self = .number(number)
        } else {
            self = .string(try container.decode(String.self))
        }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .string(let string): try container.encode(string)
        case .number(let number): try container.encode(number)
        }
    }
}
