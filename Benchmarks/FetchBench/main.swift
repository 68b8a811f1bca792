import Fetch
import Foundation
import PipelineModel

// The fetcher alone, without the pipeline's storage: reads one URL per line, fetches them all with
// politeness and robots.txt off, drops the bodies, and prints one line:
// `pages=N failures=N bytes=N seconds=S pages_per_second=R`.
// scripts/bench-fetch.sh runs it beside `pipeline fetch` and `curl --parallel`, so that the cost of
// fetching can be told apart from the cost of writing the archive.
//
// Usage: fetch-bench SEEDS_FILE [CONCURRENCY]

let arguments = CommandLine.arguments
guard arguments.count >= 2, let text = try? String(contentsOfFile: arguments[1], encoding: .utf8) else {
    FileHandle.standardError.write(Data("usage: fetch-bench SEEDS_FILE [CONCURRENCY]\n".utf8))
    exit(2)
}
let urls = text.split(whereSeparator: \.isNewline).map(String.init).filter { !$0.isEmpty }

var options = FetchOptions()
options.concurrency = arguments.count >= 3 ? max(1, Int(arguments[2]) ?? 16) : 16
options.politeness = false
options.respectRobots = false
options.maxAttempts = 1

Fetcher.initialize()
// Seeds arrive through a small queue from another thread, as they do in `pipeline fetch`.
let input = BoundedQueue<Seed>(capacity: 32)
let producer = Thread {
    for (index, url) in urls.enumerated() {
        input.send(Seed(index: index, url: url))
    }
    input.finish()
}
let start = ContinuousClock.now
producer.start()
var (pages, failures, bytes) = (0, 0, 0)
Fetcher(options: options).run(input: input) { outcome in
    switch outcome {
    case .page(let page):
        pages += 1
        bytes += page.body.count
    case .failure:
        failures += 1
    }
}
let (whole, fraction) = (ContinuousClock.now - start).components
let seconds = Double(whole) + Double(fraction) / 1e18
print(
    "pages=\(pages) failures=\(failures) bytes=\(bytes) seconds=\(String(format: "%.3f", seconds)) "
        + "pages_per_second=\(String(format: "%.1f", Double(pages) / seconds))")
exit(failures == 0 ? 0 : 1)
