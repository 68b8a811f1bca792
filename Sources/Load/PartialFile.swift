import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// The `.partial` NDJSON files an interrupted run leaves behind, made safe to continue.
public enum PartialFile {
    /// Keeps the leading complete lines of `file` for which `keep` is true and cuts the file after
    /// them, dropping a torn last line too. Returns how many lines were kept; 0 if there is no file.
    @discardableResult
    public static func trim(_ file: URL, keep: (Data) -> Bool) throws(LoadError) -> Int {
        guard let handle = fopen(file.path, "r+") else {
            if errno == ENOENT { return 0 }
            throw LoadError(.cannotRead, path: file.path, errno: errno)
        }
        defer { fclose(handle) }
        var buffer: UnsafeMutablePointer<CChar>?
        var capacity = 0
        defer { free(buffer) }
        var kept = 0
        var end: off_t = 0
        while true {
            let length = getline(&buffer, &capacity, handle)
            guard length > 0, let buffer else { break }
            let line = Data(bytes: buffer, count: length)
            guard line.last == 0x0A, keep(line) else { break }
            kept += 1
            end += off_t(length)
        }
        if ftruncate(fileno(handle), end) != 0 {
            throw LoadError(.cannotWrite, path: file.path, errno: errno)
        }
        return kept
    }

    /// The `index` field of an NDJSON line, if it has one.
    public static func index(of line: Data) -> Int? {
        struct Indexed: Decodable { var index: Int }
        return (try? JSONDecoder().decode(Indexed.self, from: line))?.index
    }
}
