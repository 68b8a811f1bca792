import Foundation
import PipelineModel

/// What the store remembers about one URL from its last fetch.
public struct URLState: Sendable, Equatable {
    /// The URL as recorded.
    public var url: String
    /// When it was last fetched.
    public var lastFetch: Date?
    /// The HTTP status of that fetch.
    public var status: Int?
    /// The `ETag` to send back as `If-None-Match`.
    public var etag: String?
    /// The `Last-Modified` to send back as `If-Modified-Since`.
    public var lastModified: String?
    /// `ContentHash.sha256` of the body.
    public var contentHash: String?
    /// The ID of the document extracted from it.
    public var documentID: String?

    /// A state with every field given.
    public init(
        url: String, lastFetch: Date?, status: Int?, etag: String?, lastModified: String?, contentHash: String?,
        documentID: String?
    ) {
        self.url = url
        self.lastFetch = lastFetch
        self.status = status
        self.etag = etag
        self.lastModified = lastModified
        self.contentHash = contentHash
        self.documentID = documentID
    }
}

/// One pipeline run as the store knows it.
public struct RunRecord: Sendable, Equatable {
    /// The ID the run was begun with.
    public var id: String
    /// When it first began.
    public var startedAt: Date?
    /// Nil while the run has not finished (or crashed before it could say so).
    public var finishedAt: Date?
}

/// The state kept between nightly runs in one SQLite file: per-URL fetch results for conditional
/// requests and duplicate detection, and which seeds each run has finished, for resuming.
///
/// The file is in WAL mode with a 5 s busy timeout, so a second process may read while a run
/// writes. Within a process the store is `Sendable`: it owns one connection and serialises every
/// call on a mutex, so share one `StateStore` rather than opening several.
///
/// Each call is its own transaction, except inside ``transaction(_:)``. WAL with `synchronous=NORMAL`
/// keeps every committed call across a crash of the process; a power cut may lose the last few.
public final class StateStore: Sendable {
    /// The database file.
    public let path: String
    /// The connection and its prepared statements; every use goes through `withLock`.
    private let connection: Locked<SQLiteConnection>

    /// Opens or creates the store at `path` and creates its tables when missing.
    public init(path: String) throws(StateStoreError) {
        self.path = path
        let connection = try SQLiteConnection(path: path, busyTimeoutMilliseconds: 5000)
        try connection.execute(
            """
            PRAGMA journal_mode = WAL;
            PRAGMA synchronous = NORMAL;
            CREATE TABLE IF NOT EXISTS urls(
                url TEXT PRIMARY KEY, last_fetch TEXT, status INTEGER, etag TEXT, last_modified TEXT,
                content_hash TEXT, document_id TEXT);
            CREATE INDEX IF NOT EXISTS urls_by_content_hash ON urls(content_hash);
            CREATE TABLE IF NOT EXISTS bodies(content_hash TEXT PRIMARY KEY, url TEXT NOT NULL) WITHOUT ROWID;
            CREATE TABLE IF NOT EXISTS runs(id TEXT PRIMARY KEY, started TEXT NOT NULL, finished TEXT);
            CREATE TABLE IF NOT EXISTS done(
                run_id TEXT NOT NULL, idx INTEGER NOT NULL, url TEXT NOT NULL, PRIMARY KEY(run_id, idx))
                WITHOUT ROWID;
            """, operation: "create its tables")
        self.connection = Locked(connection)
    }

    /// Runs `body` in one transaction, so that its writes are committed together: a commit each costs
    /// more than the writes themselves (file locks, a write to the WAL). Calls made from other threads
    /// meanwhile join the transaction. A crash before the commit loses the writes made since it
    /// began, as if the process had died just before them. Not re-entrant: one caller at a time.
    public func transaction<T>(_ body: () -> T) throws(StateStoreError) -> T {
        // IMMEDIATE takes the write lock now, waiting out another writer within the busy timeout,
        // rather than failing later when a read turns into a write.
        try run("BEGIN IMMEDIATE", [], operation: "begin a transaction")
        let result = body()
        try run("COMMIT", [], operation: "commit a transaction")
        return result
    }

    /// Stores the result of fetching `url`, replacing what was stored.
    ///
    /// For a `304 Not Modified` the stored `etag`, `lastModified`, `contentHash` and `documentID`
    /// are kept wherever the new value is nil, since the body did not change.
    public func record(
        url: String, fetchedAt: Date, status: Int, etag: String?, lastModified: String?, contentHash: String?,
        documentID: String? = nil
    ) throws(StateStoreError) {
        try run(
            """
            INSERT INTO urls(url, last_fetch, status, etag, last_modified, content_hash, document_id)
            VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7)
            ON CONFLICT(url) DO UPDATE SET
                last_fetch = excluded.last_fetch,
                status = excluded.status,
                etag = CASE WHEN excluded.status = 304 THEN coalesce(excluded.etag, etag) ELSE excluded.etag END,
                last_modified = CASE WHEN excluded.status = 304
                    THEN coalesce(excluded.last_modified, last_modified) ELSE excluded.last_modified END,
                content_hash = CASE WHEN excluded.status = 304
                    THEN coalesce(excluded.content_hash, content_hash) ELSE excluded.content_hash END,
                document_id = CASE WHEN excluded.status = 304
                    THEN coalesce(excluded.document_id, document_id) ELSE excluded.document_id END
            """,
            [.text(url), .text(Self.format(fetchedAt)), .integer(Int64(status)), SQLValue(etag), SQLValue(lastModified),
             SQLValue(contentHash), SQLValue(documentID)],
            operation: "record \(url)")
    }

    /// What is stored for `url`, nil when it was never recorded.
    public func entry(url: String) throws(StateStoreError) -> URLState? {
        let rows = try run(
            "SELECT url, last_fetch, status, etag, last_modified, content_hash, document_id FROM urls WHERE url = ?1",
            [.text(url)], operation: "look up \(url)")
        guard let row = rows.first, row.count == 7 else { return nil }
        return URLState(
            url: row[0].text ?? url, lastFetch: row[1].text.flatMap(Self.parse), status: row[2].integer.map { Int($0) },
            etag: row[3].text, lastModified: row[4].text, contentHash: row[5].text, documentID: row[6].text)
    }

    /// Whether any URL is recorded.
    public func hasURLs() throws(StateStoreError) -> Bool {
        try !run("SELECT 1 FROM urls LIMIT 1", [], operation: "look for recorded URLs").isEmpty
    }

    /// The URL first recorded with this content hash, other than `excluding`: the page a new
    /// body duplicates. Nil when no other URL has it.
    public func firstURL(withContentHash hash: String, excluding: String? = nil) throws(StateStoreError) -> String? {
        try run(
            "SELECT url FROM urls WHERE content_hash = ?1 AND url IS NOT ?2 ORDER BY rowid LIMIT 1",
            [.text(hash), SQLValue(excluding)], operation: "look up content hash \(hash)"
        ).first?.first?.text
    }

    /// Claims a body for `url` by its content hash: the URL that claimed the same body first when
    /// that is another URL (the page this one duplicates), nil when `url` is the first.
    ///
    /// Claims are stored as soon as a page is fetched, so duplicates are recognised within a run as
    /// well as across runs, with no list of hashes kept in memory.
    public func claimBody(hash: String, url: String) throws(StateStoreError) -> String? {
        try connection.withLock { (connection) throws(StateStoreError) -> String? in
            _ = try connection.rows(
                "INSERT INTO bodies(content_hash, url) VALUES(?1, ?2) ON CONFLICT(content_hash) DO NOTHING",
                [.text(hash), .text(url)], operation: "claim content hash \(hash)")
            // A new claim, the usual case, needs no look-up: `url` is the first.
            if connection.changes == 1 { return nil }
            let first = try connection.rows(
                "SELECT url FROM bodies WHERE content_hash = ?1", [.text(hash)], operation: "look up content hash \(hash)"
            ).first?.first?.text
            return first == url ? nil : first
        }
    }

    /// Records that run `id` started; starting a run again (a resume) keeps its first start time.
    public func beginRun(id: String, startedAt: Date) throws(StateStoreError) {
        try run(
            "INSERT INTO runs(id, started) VALUES(?1, ?2) ON CONFLICT(id) DO UPDATE SET finished = NULL",
            [.text(id), .text(Self.format(startedAt))], operation: "begin run \(id)")
    }

    /// Records that run `id` finished, so it is no longer offered for resuming.
    public func finishRun(id: String, finishedAt: Date) throws(StateStoreError) {
        try run("UPDATE runs SET finished = ?2 WHERE id = ?1", [.text(id), .text(Self.format(finishedAt))], operation: "finish run \(id)")
    }

    /// The most recently started run that never finished: the one to resume, if any.
    public func unfinishedRun() throws(StateStoreError) -> RunRecord? {
        let rows = try run(
            "SELECT id, started, finished FROM runs WHERE finished IS NULL ORDER BY started DESC, rowid DESC LIMIT 1",
            [], operation: "look up unfinished runs")
        guard let row = rows.first, let id = row[0].text else { return nil }
        return RunRecord(id: id, startedAt: row[1].text.flatMap(Self.parse), finishedAt: nil)
    }

    /// Records that seed number `index` of run `runID` (`url`) is completely handled.
    ///
    /// Call it after the page's outputs are written, so that a resumed run redoes anything less.
    public func markDone(runID: String, index: Int, url: String) throws(StateStoreError) {
        try run(
            "INSERT OR REPLACE INTO done(run_id, idx, url) VALUES(?1, ?2, ?3)",
            [.text(runID), .integer(Int64(index)), .text(url)], operation: "mark seed \(index) of run \(runID) done")
    }

    /// Whether seed number `index` of run `runID` was marked done.
    public func isDone(runID: String, index: Int) throws(StateStoreError) -> Bool {
        !(try run(
            "SELECT 1 FROM done WHERE run_id = ?1 AND idx = ?2",
            [.text(runID), .integer(Int64(index))], operation: "look up seed \(index) of run \(runID)"
        ).isEmpty)
    }

    /// The indexes of every seed of run `runID` marked done, to skip them all at once on resume.
    public func doneIndexes(runID: String) throws(StateStoreError) -> Set<Int> {
        let rows = try run("SELECT idx FROM done WHERE run_id = ?1", [.text(runID)], operation: "list the done seeds of run \(runID)")
        return Set(rows.compactMap { $0.first?.integer.map { Int($0) } })
    }

    @discardableResult
    private func run(_ sql: String, _ values: [SQLValue], operation: @autoclosure () -> String) throws(StateStoreError) -> [[SQLValue]] {
        try connection.withLock { (connection) throws(StateStoreError) -> [[SQLValue]] in
            try connection.rows(sql, values, operation: operation())
        }
    }

    private static func format(_ date: Date) -> String { Timestamp.format(date) }

    private static func parse(_ text: String) -> Date? { Timestamp.parse(text) }
}
