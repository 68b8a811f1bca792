// Times the extract stage alone (charset, parse, boilerplate removal, metadata; no entities) on one
// core over a folder of pages, and reports pages/s, MB/s, peak memory and the slowest pages.
//
//     extract-bench FOLDER [--limit N] [--repeat R] [--json]
//
// Pages are read into memory first, so file reading is not timed.
import Extract
import Foundation
import PipelineModel

#if canImport(Glibc)
import Glibc
#endif

struct BenchError: Error, CustomStringConvertible {
    var description: String
}

func peakResidentMegabytes() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024
}

func residentMegabytes() -> Double {
    guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8),
          let pages = text.split(separator: " ").dropFirst().first.flatMap({ Double($0) })
    else { return 0 }
    return pages * Double(sysconf(Int32(_SC_PAGESIZE))) / 1_048_576
}

func main() throws {
    var arguments = Array(CommandLine.arguments.dropFirst())
    func option(_ name: String) -> Int? {
        guard let at = arguments.firstIndex(of: name), at + 1 < arguments.count else { return nil }
        defer { arguments.removeSubrange(at...(at + 1)) }
        return Int(arguments[at + 1])
    }
    let limit = option("--limit") ?? Int.max
    let repeats = max(1, option("--repeat") ?? 1)
    let json = arguments.contains("--json")
    arguments.removeAll { $0 == "--json" }
    guard let folder = arguments.first else {
        throw BenchError(description: "usage: extract-bench FOLDER [--limit N] [--repeat R] [--json]")
    }
    let names = try FileManager.default.contentsOfDirectory(atPath: folder)
        .filter { $0.hasSuffix(".html") || $0.hasSuffix(".htm") }.sorted().prefix(limit)
    guard !names.isEmpty else { throw BenchError(description: "no .html files in \(folder)") }
    let pages: [FetchedPage] = names.enumerated().compactMap { index, name in
        let path = (folder as NSString).appendingPathComponent(name)
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        let url = "https://example.org/" + name
        return FetchedPage(
            seed: Seed(index: index, url: url), finalURL: url, status: 200, headers: [], body: [UInt8](data),
            fetchedAt: Date(), duration: 0)
    }
    let bytes = pages.reduce(0) { $0 + $1.body.count }
    Extractor.initialize()
    let extractor = Extractor(recognizer: nil)
    let baseline = residentMegabytes()
    var slowest: [(ms: Double, name: String, kb: Int)] = []
    var overBound: [(ms: Double, bound: Double, name: String, kb: Int)] = []
    let clock = ContinuousClock()
    var total = Duration.zero
    for _ in 0..<repeats {
        for (page, name) in zip(pages, names) {
            let started = clock.now
            _ = extractor.extract(page)
            let elapsed = clock.now - started
            total += elapsed
            let ms = Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1000
            // The bound of the issue: 50 ms for a page under 1 MB, 50 ms per MB above that.
            let bound = max(50, 50 * Double(page.body.count) / 1_048_576)
            if ms > bound { overBound.append((ms, bound, name, page.body.count / 1024)) }
            slowest.append((ms, name, page.body.count / 1024))
            if slowest.count > 20 {
                slowest.sort { $0.ms > $1.ms }
                slowest.removeLast(slowest.count - 5)
            }
        }
    }
    slowest.sort { $0.ms > $1.ms }
    let seconds = Double(total.components.seconds) + Double(total.components.attoseconds) / 1e18
    let count = pages.count * repeats
    let result: [String: Any] = [
        "pages": count, "megabytes": Double(bytes * repeats) / 1_048_576, "seconds": seconds,
        "pages_per_second": Double(count) / seconds, "megabytes_per_second": Double(bytes * repeats) / 1_048_576 / seconds,
        "peak_rss_mb": peakResidentMegabytes(), "rss_above_baseline_mb": peakResidentMegabytes() - baseline,
        "pages_over_time_bound": overBound.count, "slowest_ms": slowest.prefix(3).map { $0.ms },
    ]
    if json {
        let data = try JSONSerialization.data(withJSONObject: result, options: [.sortedKeys])
        print(String(decoding: data, as: UTF8.self))
    } else {
        print(String(format: "extract (one core, no entities): %d pages, %.1f MB in %.2f s: %.1f pages/s, %.2f MB/s",
                     count, Double(bytes * repeats) / 1_048_576, seconds, Double(count) / seconds,
                     Double(bytes * repeats) / 1_048_576 / seconds))
        print(String(format: "peak memory %.0f MB (%.0f MB above the baseline with the pages loaded); pages over the time bound: %d",
                     peakResidentMegabytes(), peakResidentMegabytes() - baseline, overBound.count))
        for page in overBound.prefix(10) {
            print(String(format: "  over its bound: %.1f ms (bound %.0f ms)  %@ (%d KB)", page.ms, page.bound, page.name, page.kb))
        }
        for page in slowest.prefix(3) {
            print(String(format: "  slowest: %.1f ms  %@ (%d KB)", page.ms, page.name, page.kb))
        }
    }
}

do {
    try main()
} catch {
    FileHandle.standardError.write(Data("\(error)\n".utf8))
    exit(2)
}
