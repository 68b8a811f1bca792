import Foundation

/// Compresses bytes with the system's `gzip` tool, for bodies served with `Content-Encoding: gzip`.
///
/// Running the tool keeps the test target free of a zlib dependency.
public func gzipped(_ bytes: [UInt8]) throws -> [UInt8] {
    let input = FileManager.default.temporaryDirectory.appendingPathComponent("gzip-input-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: input) }
    try Data(bytes).write(to: input)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/gzip")
    process.arguments = ["-c", "-n", "-9", input.path]
    let output = Pipe()
    process.standardOutput = output
    try process.run()
    // Read before waiting: a full pipe would otherwise block gzip forever.
    let compressed = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else { throw GzipError(status: process.terminationStatus) }
    return Array(compressed)
}

/// `gzip` exited with a failure status.
public struct GzipError: Error {
    /// The exit status of `gzip`.
    public let status: Int32
}
