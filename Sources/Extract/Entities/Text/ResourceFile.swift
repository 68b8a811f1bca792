import Foundation

/// Reads the text files the Entities target ships (the gazetteer and the name lists).
///
/// SwiftPM's generated `Bundle.module` stops the process when the resource bundle is missing, for
/// example when the binary was copied without its `pipeline_Entities.resources` folder. A missing list
/// must only make recognition weaker, so this looks for the bundle first and touches `Bundle.module`
/// only when the bundle is where the accessor will look.
enum ResourceFile {
    private static let bundleName = "pipeline_Entities.resources"

    /// The tab-separated fields of each line of the resource `name` (lines starting with "#" skipped),
    /// or nil (with a warning on standard error) when it cannot be read.
    static func records(_ name: String) -> [[String]]? {
        var records: [[String]] = []
        let found = forEachRecord(name) { fields in
            records.append(fields.map { String(decoding: $0, as: UTF8.self) })
        }
        return found ? records : nil
    }

    /// Calls `body` with the UTF-8 bytes of the tab-separated fields of each line of the resource `name`
    /// (lines starting with "#" skipped); false (with a warning on standard error) when it cannot be read.
    ///
    /// Splits the bytes directly: splitting a 2 MB `String` by `Character` took most of a second, and
    /// lists that go into a `WordIndex` need no `String` per line at all.
    static func forEachRecord(_ name: String, _ body: ([UnsafeBufferPointer<UInt8>]) -> Void) -> Bool {
        guard let url = url(of: name), let data = FileManager.default.contents(atPath: url.path) else {
            warn("entities: resource \(name) not found; recognising without it")
            return false
        }
        data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            let bytes = raw.bindMemory(to: UInt8.self)
            var lineStart = 0
            var fieldStart = 0
            var fields: [UnsafeBufferPointer<UInt8>] = []
            for index in 0...bytes.count {
                let byte: UInt8 = index < bytes.count ? bytes[index] : 0x0A
                guard byte == 0x09 || byte == 0x0A else { continue }
                fields.append(UnsafeBufferPointer(rebasing: bytes[fieldStart..<index]))
                fieldStart = index + 1
                if byte == 0x0A {
                    if index > lineStart && bytes[lineStart] != 0x23 { body(fields) }
                    fields.removeAll(keepingCapacity: true)
                    lineStart = index + 1
                }
            }
        }
        return true
    }

    private static func url(of name: String) -> URL? {
        let fileManager = FileManager.default
        var candidates: [URL] = []
        let mainBundlePath = Bundle.main.bundleURL.appendingPathComponent(bundleName)
        if fileManager.fileExists(atPath: mainBundlePath.path) {
            candidates.append(Bundle.module.bundleURL)
        }
        // Next to the executable, under this package's name or another one's ("<package>_Entities.resources")
        // when the target is built into a different package.
        var folders = [Bundle.main.bundleURL]
        if let executable = Bundle.main.executableURL { folders.append(executable.deletingLastPathComponent()) }
        for folder in folders {
            let names = (try? fileManager.contentsOfDirectory(atPath: folder.path)) ?? []
            for entry in names.sorted() where entry == bundleName || entry.hasSuffix("_Entities.resources") {
                candidates.append(folder.appendingPathComponent(entry))
            }
        }
        for directory in candidates {
            for file in [directory.appendingPathComponent(name),
                         directory.appendingPathComponent("Contents/Resources").appendingPathComponent(name)]
            where fileManager.fileExists(atPath: file.path) {
                return file
            }
        }
        return nil
    }

    private static func warn(_ message: String) {
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }
}
