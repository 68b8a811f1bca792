import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Reads an NDJSON file one line at a time, so memory stays flat however long the file is.
public final class NDJSONReader<Record: Decodable> {
    /// The file being read.
    public let path: String
    private let file: UnsafeMutablePointer<FILE>
    private var buffer: UnsafeMutablePointer<CChar>?
    private var capacity = 0
    private let decoder = JSONDecoder()
    /// The number of the line last read, from 1.
    public private(set) var lineNumber = 0

    /// Opens `path` for reading.
    public init(path: String) throws(LoadError) {
        self.path = path
        guard let file = fopen(path, "r") else {
            throw LoadError(.cannotRead, path: path, errno: errno)
        }
        self.file = file
    }

    deinit {
        free(buffer)
        fclose(file)
    }

    /// The next record, nil at the end of the file; blank lines are skipped.
    public func next() throws(LoadError) -> Record? {
        while true {
            let length = getline(&buffer, &capacity, file)
            guard length >= 0, let buffer else { return nil }
            lineNumber += 1
            let data = Data(bytes: buffer, count: length)
            if data.allSatisfy({ $0 == 0x0A || $0 == 0x0D || $0 == 0x20 }) { continue }
            do {
                return try decoder.decode(Record.self, from: data)
            } catch {
                throw LoadError(.malformedLine, path: path, detail: "line \(lineNumber): \(error)")
            }
        }
    }
}
