import Foundation

/// Reads the text files the Entities target ships (the gazetteer and the name lists).
///
/// SwiftPM's generated `Bundle.module` stops the process when the resource bundle is missing, for
/// example when the binary was copied without its `pipeline_Entities.resources` folder. A missing list
/// must only make recognition weaker, so this looks for the bundle first and touches `Bundle.module`
/// only when the bundle is where the accessor will look.
enum ResourceFile {
    private static let bundleName = "pipeline_Entities.resources"

    /// The lines of the resource `name`, or nil (with a warning on standard error) when it cannot be read.
    static func lines(_ name: String) -> [Substring]? {
        guard let url = url(of: name), let data = FileManager.default.contents(atPath: url.path) else {
            warn("entities: resource \(name) not found; recognising without it")
            return nil
        }
        let text = String(decoding: data, as: UTF8.self)
        return text.split(separator: "\n", omittingEmptySubsequences: true)
    }

    private static func url(of name: String) -> URL? {
        let fileManager = FileManager.default
        var candidates: [URL] = []
        let mainBundlePath = Bundle.main.bundleURL.appendingPathComponent(bundleName)
        if fileManager.fileExists(atPath: mainBundlePath.path) {
            candidates.append(Bundle.module.bundleURL)
        }
        if let executable = Bundle.main.executableURL {
            candidates.append(executable.deletingLastPathComponent().appendingPathComponent(bundleName))
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
