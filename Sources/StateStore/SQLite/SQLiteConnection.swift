import CSQLite

/// A value bound to or read from an SQL statement.
enum SQLValue: Equatable {
    case null
    case integer(Int64)
    case text(String)

    var text: String? {
        if case .text(let value) = self { return value }
        return nil
    }

    var integer: Int64? {
        if case .integer(let value) = self { return value }
        return nil
    }

    init(_ text: String?) {
        self = text.map { .text($0) } ?? .null
    }
}

/// One SQLite connection and the prepared statements it has compiled, reused by SQL text.
///
/// Only this folder imports `CSQLite`. Not thread-safe: `StateStore` guards it with a mutex.
final class SQLiteConnection {
    let path: String
    private let handle: OpaquePointer
    /// Compiled statements by SQL text; finalised before the connection closes.
    private var statements: [String: PreparedStatement] = [:]

    /// Opens or creates the database. The corresponding C function is `sqlite3_open_v2`.
    init(path: String, busyTimeoutMilliseconds: Int32) throws(StateStoreError) {
        self.path = path
        var handle: OpaquePointer?
        let status = sqlite3_open_v2(path, &handle, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nil)
        guard status == SQLITE_OK, let handle else {
            let detail = handle.map { String(cString: sqlite3_errmsg($0)) } ?? String(cString: sqlite3_errstr(status))
            sqlite3_close_v2(handle)
            throw StateStoreError(.cannotOpen, path: path, detail: detail)
        }
        self.handle = handle
        sqlite3_busy_timeout(handle, busyTimeoutMilliseconds)
    }

    deinit {
        statements.removeAll()
        // The _v2 form closes once any statement still alive is finalised, so order cannot leak.
        sqlite3_close_v2(handle)
    }

    /// Runs SQL text that may hold several statements and returns no rows (schema, pragmas).
    /// The corresponding C function is `sqlite3_exec`.
    func execute(_ sql: String, operation: String) throws(StateStoreError) {
        var message: UnsafeMutablePointer<CChar>?
        let status = sqlite3_exec(handle, sql, nil, nil, &message)
        guard status == SQLITE_OK else {
            let detail = message.map { String(cString: $0) } ?? String(cString: sqlite3_errstr(status))
            sqlite3_free(message)
            throw StateStoreError(.statementFailed, path: path, operation: operation, detail: detail)
        }
    }

    /// Rows the last INSERT, UPDATE or DELETE changed. The corresponding C function is `sqlite3_changes`.
    var changes: Int {
        Int(sqlite3_changes(handle))
    }

    /// Runs one statement with `values` bound to `?1`, `?2`… and returns its rows. `operation`, which
    /// names what failed in the error, is made only on failure: most name a URL or hash, and making
    /// them for every statement cost more than some statements.
    func rows(_ sql: String, _ values: [SQLValue], operation: @autoclosure () -> String) throws(StateStoreError) -> [[SQLValue]] {
        let statement = try prepared(sql, operation: operation())
        defer { statement.reset() }
        for (offset, value) in values.enumerated() {
            let status = statement.bind(value, at: Int32(offset + 1))
            guard status == SQLITE_OK else { throw failure(operation()) }
        }
        var rows: [[SQLValue]] = []
        while true {
            switch statement.step() {
            case SQLITE_ROW: rows.append(statement.currentRow())
            case SQLITE_DONE: return rows
            default: throw failure(operation())
            }
        }
    }

    private func prepared(_ sql: String, operation: @autoclosure () -> String) throws(StateStoreError) -> PreparedStatement {
        if let statement = statements[sql] { return statement }
        var pointer: OpaquePointer?
        guard sqlite3_prepare_v3(handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &pointer, nil) == SQLITE_OK,
            let pointer
        else { throw failure(operation()) }
        let statement = PreparedStatement(pointer)
        statements[sql] = statement
        return statement
    }

    private func failure(_ operation: String) -> StateStoreError {
        StateStoreError(.statementFailed, path: path, operation: operation, detail: String(cString: sqlite3_errmsg(handle)))
    }
}

/// A compiled statement, finalised in `deinit`.
final class PreparedStatement {
    private let handle: OpaquePointer

    init(_ handle: OpaquePointer) {
        self.handle = handle
    }

    deinit {
        sqlite3_finalize(handle)
    }

    /// The corresponding C functions are `sqlite3_bind_null`, `sqlite3_bind_int64` and
    /// `sqlite3_bind_text` (through `CSQLite_bind_text_transient`, which makes SQLite copy the text).
    func bind(_ value: SQLValue, at index: Int32) -> Int32 {
        switch value {
        case .null: sqlite3_bind_null(handle, index)
        case .integer(let number): sqlite3_bind_int64(handle, index, number)
        case .text(let text): CSQLite_bind_text_transient(handle, index, text, -1)
        }
    }

    func step() -> Int32 {
        sqlite3_step(handle)
    }

    func currentRow() -> [SQLValue] {
        (0..<sqlite3_column_count(handle)).map { column in
            switch sqlite3_column_type(handle, column) {
            case SQLITE_NULL: .null
            case SQLITE_INTEGER: .integer(sqlite3_column_int64(handle, column))
            default: sqlite3_column_text(handle, column).map { .text(String(cString: $0)) } ?? .null
            }
        }
    }

    /// Readies the statement for its next use and drops the bound values.
    func reset() {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
    }
}
