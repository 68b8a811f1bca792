import Fetch
import Foundation
import PipelineModel

extension FetchOptions {
    /// Short limits so that failing tests fail fast; politeness, robots.txt and retries stay off unless a
    /// test turns them on, so that each test sees only the requests it is about.
    static func testing(
        timeout: Double = 5, maxRedirects: Int = 5, maxBodyBytes: Int = 1 << 20, concurrency: Int = 4
    ) -> FetchOptions {
        var options = FetchOptions()
        options.timeout = timeout
        options.connectTimeout = 2
        options.maxRedirects = maxRedirects
        options.maxBodyBytes = maxBodyBytes
        options.concurrency = concurrency
        options.politeness = false
        options.respectRobots = false
        options.maxAttempts = 1
        return options
    }
}

extension FetchOutcome {
    var page: FetchedPage? {
        if case .page(let page) = self { return page }
        return nil
    }

    var failure: Failure? {
        if case .failure(let failure) = self { return failure }
        return nil
    }
}

/// Fetches `urls` through a queue that is filled and finished up front; outcomes in delivery order.
func fetch(_ urls: [String], options: FetchOptions = .testing()) -> [FetchOutcome] {
    let input = BoundedQueue<Seed>(capacity: max(1, urls.count))
    for (index, url) in urls.enumerated() {
        input.send(Seed(index: index, url: url))
    }
    input.finish()
    var outcomes: [FetchOutcome] = []
    Fetcher(options: options).run(input: input) { outcomes.append($0) }
    return outcomes
}

/// Fetches one URL and returns its only outcome, or nil if there was not exactly one.
func fetchOne(_ url: String, options: FetchOptions = .testing()) -> FetchOutcome? {
    let outcomes = fetch([url], options: options)
    return outcomes.count == 1 ? outcomes[0] : nil
}

/// A file in a fresh temporary folder, removed with the folder when `body` returns.
func withTemporaryFile<T>(contents: [UInt8], _ body: (URL) throws -> T) throws -> T {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("fetch-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("page.html")
    try Data(contents).write(to: file)
    return try body(file)
}
