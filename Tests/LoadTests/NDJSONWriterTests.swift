import Foundation
import Load
import PipelineModel
import Testing

@Suite("NDJSON writer and reader")
struct NDJSONWriterTests {
    struct Row: Codable, Equatable {
        var n: Int
        var text: String?
    }

    @Test("Lines appear under the final name only after finish")
    func finishRenamesAtomically() throws {
        try withTemporaryFolder { folder in
            let file = folder.appendingPathComponent("rows.ndjson")
            let writer = try NDJSONWriter(url: file)
            try writer.write(Row(n: 1, text: "a"))
            #expect(!FileManager.default.fileExists(atPath: file.path))
            #expect(FileManager.default.fileExists(atPath: writer.partialURL.path))
            try writer.finish()
            #expect(FileManager.default.fileExists(atPath: file.path))
            #expect(!FileManager.default.fileExists(atPath: writer.partialURL.path))
        }
    }

    @Test("Each record is one line that reads back equal, with nulls kept")
    func roundTrip() throws {
        try withTemporaryFolder { folder in
            let file = folder.appendingPathComponent("rows.ndjson")
            let writer = try NDJSONWriter(url: file)
            let rows = [Row(n: 1, text: "line\nbreak"), Row(n: 2, text: nil), Row(n: 3, text: "ünïcödé")]
            for row in rows { try writer.write(row) }
            try writer.finish()
            let text = try String(contentsOf: file, encoding: .utf8)
            #expect(text.split(separator: "\n").count == 3)
            let reader = try NDJSONReader<Row>(path: file.path)
            var read: [Row] = []
            while let row = try reader.next() { read.append(row) }
            #expect(read == rows)
        }
    }

    @Test("Writing the same records twice gives the same bytes")
    func deterministic() throws {
        try withTemporaryFolder { folder in
            var contents: [Data] = []
            for name in ["a.ndjson", "b.ndjson"] {
                let file = folder.appendingPathComponent(name)
                let writer = try NDJSONWriter(url: file)
                let document = Document(
                    index: 0, id: DocumentID.make(url: "https://example.org/"), url: "https://example.org/",
                    source: "https://example.org/", title: "T", tags: ["x", "y"], text: "Body")
                try writer.write(document)
                try writer.finish()
                contents.append(try Data(contentsOf: file))
            }
            #expect(contents[0] == contents[1])
            let line = String(decoding: contents[0], as: UTF8.self)
            #expect(line.contains("\"author\":null"))
            #expect(line.contains("\"published\":null"))
        }
    }

    @Test("A folder that cannot be written gives a clear error")
    func unwritableFolder() throws {
        let file = URL(fileURLWithPath: "/proc/pipeline-no-such-folder/rows.ndjson")
        let error = #expect(throws: LoadError.self) { try NDJSONWriter(url: file) }
        #expect(error?.description.hasPrefix("Cannot create /proc/pipeline-no-such-folder/rows.ndjson.partial") == true)
    }

    @Test("A malformed line is reported with its number")
    func malformedLine() throws {
        try withTemporaryFolder { folder in
            let file = folder.appendingPathComponent("bad.ndjson")
            try Data("{\"n\":1}\nnot json\n".utf8).write(to: file)
            let reader = try NDJSONReader<Row>(path: file.path)
            #expect(try reader.next() == Row(n: 1, text: nil))
            let error = #expect(throws: LoadError.self) { try reader.next() }
            #expect(error?.code == .malformedLine)
            #expect(error?.description.contains("line 2") == true)
        }
    }
}

/// Runs `body` with a new empty folder that is removed afterwards.
func withTemporaryFolder(_ body: (URL) throws -> Void) throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pipeline-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    try body(folder)
}
