import Fetch
import Foundation
import PipelineModel
import StateStore

/// Compares fetched pages with what the state store remembers of earlier runs, and remembers
/// what each run wrote.
///
/// The store is read when a page is fetched and written only after the page's line is written to
/// the results, so a run killed in between fetches the page again rather than losing it.
final class ChangeTracker: Sendable {
    let store: StateStore
    /// Extract unchanged pages too, and send no conditional headers.
    let force: Bool
    /// False while the store has no URL to tell of: it had none when opened and this run recorded
    /// none since. A first run then asks it nothing per page, which on the fetcher's thread cost a
    /// tenth of a transfer.
    private let mayKnowURLs: Locked<Bool>

    /// Opens (or creates) the state store at `path`.
    init(path: String, force: Bool) throws(StageError) {
        let store = try wrap { () throws(StateStoreError) in try StateStore(path: path) }
        self.store = store
        self.force = force
        mayKnowURLs = Locked(try wrap { () throws(StateStoreError) in try store.hasURLs() })
    }

    /// What the store remembers of `url`; nil when it knows no URL at all.
    private func entry(url: String) throws(StateStoreError) -> URLState? {
        guard mayKnowURLs.withLock({ $0 }) else { return nil }
        return try store.entry(url: url)
    }

    /// The validators to send for `seed`: those of its last fetch, unless the run is forced.
    func validators(for seed: Seed) -> CacheValidators? {
        guard !force, let entry = try? entry(url: seed.url) else { return nil }
        guard entry.etag != nil || entry.lastModified != nil else { return nil }
        return CacheValidators(etag: entry.etag, lastModified: entry.lastModified)
    }

    /// Classifies a fetched page, whose body hashes to `hash` (see ``ContentHash``), as new, changed
    /// or unchanged, and finds an earlier URL with the same body.
    func classify(_ page: FetchedPage, hash: String) throws(StageError) -> PageChange {
        let earlier = try wrap { () throws(StateStoreError) in try entry(url: page.seed.url) }
        if page.status == 304 {
            return PageChange(kind: .unchanged, reason: "not_modified", contentHash: earlier?.contentHash)
        }
        let duplicate = try wrap { () throws(StateStoreError) in try store.claimBody(hash: hash, url: page.seed.url) }
        let kind: PageChange.Kind
        switch earlier?.contentHash {
        case nil: kind = earlier == nil ? .new : .changed
        case hash: kind = .unchanged
        default: kind = .changed
        }
        return PageChange(kind: kind, reason: kind == .unchanged ? "same_content" : nil, contentHash: hash, duplicateOf: duplicate)
    }

    /// Runs `body`, which may classify and commit many pages, in one state store transaction.
    func batch<T>(_ body: () -> T) throws(StageError) -> T {
        try wrap { () throws(StateStoreError) in try store.transaction(body) }
    }

    /// Remembers a result once its line is written: validators and content hash for the next run.
    func commit(_ result: StageResult) throws(StageError) {
        if case .failure = result { return }
        mayKnowURLs.withLock { $0 = true }
        switch result {
        case .document(let document):
            guard let status = document.status, let fetchedAt = document.fetchedAt, document.contentHash != nil else { return }
            try wrap { () throws(StateStoreError) in
                try store.record(
                    url: document.url, fetchedAt: fetchedAt, status: status, etag: document.etag,
                    lastModified: document.lastModified, contentHash: document.contentHash, documentID: document.id)
            }
        case .unchanged(let record):
            try wrap { () throws(StateStoreError) in
                try store.record(
                    url: record.url, fetchedAt: Timestamp.parse(record.fetchedAt) ?? Date(), status: record.status,
                    etag: record.etag, lastModified: record.lastModified, contentHash: record.contentHash, documentID: record.id)
            }
        case .failure:
            break
        }
    }
}
