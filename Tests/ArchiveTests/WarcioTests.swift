import Archive
import Foundation
import PipelineModel
import Testing

@Suite("Interoperability with warcio")
struct WarcioTests {
    @Test("warcio check passes on a file we wrote and warcio index lists every record")
    func warcioAcceptsOurFiles() throws {
        let warcio = try Warcio.shared.get()
        try inTemporaryFolder { folder in
            let writer = try WARCWriter(folder: folder, name: "checked")
            try writer.archive(WARCRoundTripTests.decodedPage, userAgent: "pipeline-test/1.0")
            try writer.archive(
                WARCRoundTripTests.page("https://example.org/empty", status: 204, headers: [], body: []), userAgent: "pipeline-test/1.0")
            try writer.archive(
                WARCRoundTripTests.page("file:///tmp/x.txt", headers: [], body: Array("local".utf8)), userAgent: "pipeline-test/1.0")
            try writer.finish()

            let check = try runTool(warcio.tool, ["check", "-v", writer.path])
            #expect(check.status == 0, "warcio check failed: \(check.text)")
            #expect(check.text.contains("digest pass"))
            #expect(!check.text.contains("digest fail"))

            let index = try runTool(warcio.tool, ["index", "-f", "warc-type,warc-target-uri,http:status,offset", writer.path])
            #expect(index.status == 0, "warcio index failed: \(index.text)")
            let lines = index.text.split(separator: "\n")
            #expect(lines.count == 6)
            #expect(lines.filter { $0.contains("\"warc-type\": \"response\"") }.count == 2)
            #expect(lines.contains { $0.contains("\"http:status\": \"204\"") })
            // warcio's offsets are where our reader says each record starts.
            let offsets = try WARCReader(path: writer.path).readAll().map(\.offset)
            for (line, offset) in zip(lines, offsets) {
                #expect(line.contains("\"offset\": \"\(offset)\""), "\(line)")
            }
        }
    }

    @Test("A redirect's response is archived with its request, before the response it led to")
    func redirectsAreArchived() throws {
        let warcio = try Warcio.shared.get()
        try inTemporaryFolder { folder in
            let writer = try WARCWriter(folder: folder, name: "redirected")
            let moved = WARCRoundTripTests.page(
                "http://example.org/old", status: 301, headers: [HTTPHeader(name: "Location", value: "https://example.org/new")],
                body: Array("moved".utf8))
            var page = WARCRoundTripTests.page("https://example.org/new", headers: [], body: WARCRoundTripTests.html)
            page.redirects = [moved]
            let ids = try writer.archive(page, userAgent: "pipeline-test/1.0")
            try writer.finish()

            let check = try runTool(warcio.tool, ["check", "-v", writer.path])
            #expect(check.status == 0, "warcio check failed: \(check.text)")
            let records = try WARCReader(path: writer.path).readAll().filter { $0.type != "warcinfo" }
            #expect(records.map(\.type) == ["request", "response", "request", "response"])
            #expect(records.map { $0.targetURI ?? "" } == [
                "http://example.org/old", "http://example.org/old", "https://example.org/new", "https://example.org/new",
            ])
            #expect(try ArchivedResponse(records[1]).httpStatus == 301)
            #expect(records[3].header("WARC-Record-ID") == ids.response)
        }
    }

    @Test("A WARC written by warcio, with a chunked gzip body, is read and decoded")
    func readsWarcioFiles() throws {
        let warcio = try Warcio.shared.get()
        try inTemporaryFolder { folder in
            let path = folder + "/warcio.warc.gz"
            let script = """
                import gzip, io, sys
                from warcio.warcwriter import WARCWriter
                from warcio.statusandheaders import StatusAndHeaders
                body = ("<html><body>" + "chunked gzip body " * 500 + "</body></html>").encode()
                packed = gzip.compress(body)
                chunked = b"".join(b"%x;ext=1\\r\\n" % len(packed[i:i + 700]) + packed[i:i + 700] + b"\\r\\n" for i in range(0, len(packed), 700)) + b"0\\r\\n\\r\\n"
                with open(sys.argv[1], "wb") as out:
                    writer = WARCWriter(out, gzip=True)
                    headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html"), ("Content-Encoding", "gzip"), ("Transfer-Encoding", "chunked")], protocol="HTTP/1.1")
                    writer.write_record(writer.create_warc_record("https://example.org/gz", "response", payload=io.BytesIO(chunked), http_headers=headers))
                    plain = StatusAndHeaders("404 Not Found", [("Content-Type", "text/plain")], protocol="HTTP/1.1")
                    writer.write_record(writer.create_warc_record("https://example.org/missing", "response", payload=io.BytesIO(b"gone"), http_headers=plain))
                sys.stdout.write(body.decode())
                """
            let written = try runTool(warcio.python, ["-c", script, path])
            try #require(written.status == 0, "the warcio script failed: \(written.text)")

            let records = try WARCReader(path: path).readAll()
            #expect(records.map(\.type) == ["response", "response"])
            for record in records { try record.verifyDigests() }
            let gzipped = try ArchivedResponse(records[0])
            #expect(gzipped.targetURI == "https://example.org/gz")
            #expect(gzipped.httpStatus == 200)
            #expect(gzipped.date != nil)
            #expect(String(decoding: gzipped.body, as: UTF8.self) == written.text)
            #expect(gzipped.httpHeaders.contains(HTTPHeader(name: "Content-Encoding", value: "gzip")))
            let missing = try ArchivedResponse(records[1])
            #expect(missing.httpStatus == 404)
            #expect(missing.body == Array("gone".utf8))
        }
    }
}

/// Python's warcio in a virtual environment outside the repository, made on first use.
struct Warcio: Sendable {
    static let folder = "/tmp/pipeline-warcio-venv"
    /// The venv's Python.
    var python: String
    /// The `warcio` command.
    var tool: String

    /// Made once per test process; a failure fails every test that needs warcio, with the reason.
    static let shared: Result<Warcio, ToolFailure> = Result { () throws(ToolFailure) -> Warcio in try prepare() }

    private static func prepare() throws(ToolFailure) -> Warcio {
        let warcio = Warcio(python: folder + "/bin/python", tool: folder + "/bin/warcio")
        if FileManager.default.isExecutableFile(atPath: warcio.tool),
            (try? runTool(warcio.python, ["-c", "import warcio"]).status) == 0
        {
            return warcio
        }
        do {
            let venv = try runTool("/usr/bin/env", ["python3", "-m", "venv", folder])
            guard venv.status == 0 else {
                throw ToolFailure(description: "python3 -m venv \(folder) failed; install python3-venv. \(venv.text)")
            }
            let pip = try runTool(folder + "/bin/pip", ["install", "--quiet", "warcio"])
            guard pip.status == 0 else {
                throw ToolFailure(description: "pip could not install warcio into \(folder); is PyPI reachable? \(pip.text)")
            }
        } catch let failure as ToolFailure {
            throw failure
        } catch {
            throw ToolFailure(description: "cannot prepare warcio in \(folder): \(error)")
        }
        return warcio
    }
}

/// Why a helper tool could not be prepared or run.
struct ToolFailure: Error, CustomStringConvertible {
    var description: String
}

/// Runs a program to completion and returns its exit status and combined output.
func runTool(_ executable: String, _ arguments: [String], input: [UInt8]? = nil) throws -> (status: Int32, output: [UInt8], text: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    let output = Pipe()
    process.standardOutput = output
    process.standardError = output
    let inputPipe = Pipe()
    process.standardInput = input == nil ? FileHandle.nullDevice : inputPipe
    try process.run()
    if let input {
        // Small inputs only: the pipe buffer (64 KiB) takes them without a reader thread.
        inputPipe.fileHandleForWriting.write(Data(input))
        try inputPipe.fileHandleForWriting.close()
    }
    // Read before waiting: a full pipe would otherwise block the tool forever.
    let bytes = Array(output.fileHandleForReading.readDataToEndOfFile())
    process.waitUntilExit()
    return (process.terminationStatus, bytes, String(decoding: bytes, as: UTF8.self))
}
