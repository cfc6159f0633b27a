import CSQLite

/// A prepared SQL statement: one `sqlite3_stmt`, owned by this object and finalized in `deinit`.
///
/// Create statements with `Connection.prepare(_:persistent:)` or `Connection.cachedStatement(_:)`. A statement
/// belongs to its connection's thread (see `Connection`); it is deliberately not `Sendable`.
///
/// Parameter indices are 1-based (SQLite's numbering: `?1`, or the n-th `?`); column indices are 0-based.
public final class Statement {
    /// The `sqlite3_stmt` handle. Valid for the lifetime of this object.
    public let handle: OpaquePointer
    /// The SQL text of this one statement, as prepared.
    public let sql: String

    /// The connection that caches this statement, so a failed step can evict it. Weak: the cache owns statements,
    /// so a strong reference would be a cycle. The SQLite handle itself outlives the `Connection` object anyway,
    /// because the connection closes with `sqlite3_close_v2`, which waits for the last statement to be finalized.
    weak var cache: StatementCache?
    /// True while the statement sits in a cache; only then does a failed step evict it.
    var isCached = false

    /// Takes ownership of a prepared handle.
    init(handle: OpaquePointer, sql: String) {
        self.handle = handle
        self.sql = sql
    }

    deinit {
        sqlite3_finalize(handle)
    }

    // MARK: - Metadata

    /// The number of columns in the result set (0 for statements that return no rows).
    public var columnCount: Int { Int(sqlite3_column_count(handle)) }

    /// The name of each result column (its `AS` alias when there is one).
    public var columnNames: [String] {
        (0..<columnCount).map { index in
            sqlite3_column_name(handle, Int32(index)).map { String(cString: $0) } ?? ""
        }
    }

    /// The declared type of result column `index` when it is a direct reference to a table column
    /// (`sqlite3_column_decltype`), else nil (expressions have no declared type).
    public func declaredType(at index: Int) -> String? {
        sqlite3_column_decltype(handle, Int32(index)).map { String(cString: $0) }
    }

    /// The number of SQL parameters; the largest parameter index.
    public var parameterCount: Int { Int(sqlite3_bind_parameter_count(handle)) }

    /// The name of parameter `index` including its prefix (`:a`, `@a`, `$a`, `?1`), or nil for a bare `?`.
    public func parameterName(at index: Int) -> String? {
        sqlite3_bind_parameter_name(handle, Int32(index)).map { String(cString: $0) }
    }

    /// The index of the parameter named `name` (prefix included, e.g. `":id"`), or nil when there is none.
    public func parameterIndex(of name: String) -> Int? {
        let index = sqlite3_bind_parameter_index(handle, name)
        return index > 0 ? Int(index) : nil
    }

    /// True when the statement makes no direct change to the database file (`sqlite3_stmt_readonly`).
    public var isReadOnly: Bool { sqlite3_stmt_readonly(handle) != 0 }

    /// The SQL with the current bindings substituted as literals (`sqlite3_expanded_sql`), for logging.
    public var expandedSQL: String? {
        guard let expanded = sqlite3_expanded_sql(handle) else { return nil }
        defer { sqlite3_free(expanded) }
        return String(cString: expanded)
    }

    // MARK: - Binding

    /// Binds an integer to parameter `index` (1-based).
    public func bind(_ value: Int64, at index: Int) throws {
        try check(sqlite3_bind_int64(handle, Int32(index), value))
    }

    /// Binds an integer to parameter `index` (1-based).
    public func bind(_ value: Int, at index: Int) throws {
        try check(sqlite3_bind_int64(handle, Int32(index), Int64(value)))
    }

    /// Binds a double to parameter `index` (1-based).
    public func bind(_ value: Double, at index: Int) throws {
        try check(sqlite3_bind_double(handle, Int32(index), value))
    }

    /// Binds text to parameter `index` (1-based). Embedded NULs are kept; SQLite copies the bytes.
    public func bind(_ value: String, at index: Int) throws {
        var value = value
        let code = value.withUTF8 { utf8 -> Int32 in
            // An empty buffer may have a nil base address, and a nil pointer would bind NULL instead of ''.
            guard let base = utf8.baseAddress, utf8.count > 0 else {
                return sqlite3_bind_text(handle, Int32(index), "", 0, SQLITE_TRANSIENT_DESTRUCTOR)
            }
            return base.withMemoryRebound(to: CChar.self, capacity: utf8.count) { chars in
                sqlite3_bind_text64(
                    handle, Int32(index), chars, sqlite3_uint64(utf8.count), SQLITE_TRANSIENT_DESTRUCTOR,
                    UInt8(SQLITE_UTF8))
            }
        }
        try check(code)
    }

    /// Binds bytes to parameter `index` (1-based). An empty buffer binds a zero-length blob, not NULL.
    public func bind(blob bytes: UnsafeRawBufferPointer, at index: Int) throws {
        guard let base = bytes.baseAddress, bytes.count > 0 else {
            try check(sqlite3_bind_zeroblob(handle, Int32(index), 0))
            return
        }
        try check(sqlite3_bind_blob64(
            handle, Int32(index), base, sqlite3_uint64(bytes.count), SQLITE_TRANSIENT_DESTRUCTOR))
    }

    /// Binds bytes to parameter `index` (1-based). An empty array binds a zero-length blob, not NULL.
    public func bind(blob bytes: [UInt8], at index: Int) throws {
        try bytes.withUnsafeBytes { try bind(blob: $0, at: index) }
    }

    /// Binds NULL to parameter `index` (1-based).
    public func bindNull(at index: Int) throws {
        try check(sqlite3_bind_null(handle, Int32(index)))
    }

    /// Binds any value to parameter `index` (1-based).
    public func bind(_ value: SQLiteValue, at index: Int) throws {
        switch value {
        case .null: try bindNull(at: index)
        case .integer(let integer): try bind(integer, at: index)
        case .real(let real): try bind(real, at: index)
        case .text(let text): try bind(text, at: index)
        case .blob(let bytes): try bind(blob: bytes, at: index)
        }
    }

    /// Binds a value to the parameter named `name`, prefix included (`":id"`, `"@id"`, `"$id"`).
    /// Throws `SQLiteError.Kind.range` when the statement has no such parameter.
    public func bind(_ value: SQLiteValue, name: String) throws {
        guard let index = parameterIndex(of: name) else {
            throw SQLiteError(extendedCode: SQLITE_RANGE, message: "no parameter named \(name)", sql: sql)
        }
        try bind(value, at: index)
    }

    /// Binds `values` to parameters 1…n in order; parameters after n keep their bindings. Throws when there are
    /// more values than parameters.
    public func bind(_ values: [SQLiteValue]) throws {
        guard values.count <= parameterCount else {
            throw SQLiteError(
                extendedCode: SQLITE_RANGE,
                message: "\(values.count) values for \(parameterCount) parameters", sql: sql)
        }
        for (offset, value) in values.enumerated() {
            try bind(value, at: offset + 1)
        }
    }

    /// Binds each value to the parameter of that name (prefix included).
    public func bind(_ values: [String: SQLiteValue]) throws {
        for (name, value) in values {
            try bind(value, name: name)
        }
    }

    /// Sets every parameter back to NULL.
    public func clearBindings() {
        sqlite3_clear_bindings(handle)
    }

    // MARK: - Stepping

    /// What one `step()` produced.
    public enum StepResult: Sendable, Equatable {
        /// A row is available through `row` (or the statement's getters) until the next step.
        case row
        /// The statement has finished.
        case done
    }

    /// Runs the statement up to its next row. On failure, throws `SQLiteError` (with this statement's SQL) and, if
    /// the statement came from a connection's cache, evicts it so the next user gets a fresh one.
    @discardableResult
    public func step() throws -> StepResult {
        let code = sqlite3_step(handle)
        if code == SQLITE_ROW { return .row }
        if code == SQLITE_DONE { return .done }
        let error = SQLiteError.from(code, db: sqlite3_db_handle(handle), sql: sql)
        if isCached { cache?.evict(self) }
        throw error
    }

    /// Resets the statement so it can run again; bindings are kept. Errors are not reported here: the failing
    /// `step()` already threw them (`sqlite3_reset` repeats the last step's error).
    public func reset() {
        sqlite3_reset(handle)
    }

    /// The current row; valid only after `step()` returned `.row` and until the next step or reset.
    public var row: Row { Row(handle: handle) }

    /// Runs the statement to completion, ignoring any rows, then resets it.
    public func execute() throws {
        defer { reset() }
        while try step() == .row {}
    }

    /// A cursor that streams the statement's rows (see `RowCursor`). The statement is reset first.
    public func rows() -> RowCursor {
        reset()
        return RowCursor(statement: self)
    }

    /// Calls `body` for each row as SQLite produces it, then resets the statement (also when `body` throws).
    /// The `Row` is valid only during the call.
    public func forEachRow(_ body: (Row) throws -> Void) throws {
        reset()
        defer { reset() }
        let row = Row(handle: handle)
        while try step() == .row {
            try body(row)
        }
    }

    // MARK: - Column getters (current row)

    /// Column `index` of the current row as an integer (NULL reads as 0). See `Row.int64(at:)`.
    @inlinable public func int64(at index: Int) -> Int64 { row.int64(at: index) }
    /// Column `index` of the current row as a double (NULL reads as 0.0). See `Row.double(at:)`.
    @inlinable public func double(at index: Int) -> Double { row.double(at: index) }
    /// Column `index` of the current row as text, nil when NULL. See `Row.text(at:)`.
    @inlinable public func text(at index: Int) -> String? { row.text(at: index) }
    /// Column `index` of the current row as bytes, nil when NULL. See `Row.blob(at:)`.
    @inlinable public func blob(at index: Int) -> [UInt8]? { row.blob(at: index) }
    /// Column `index` of the current row as a value. See `Row.value(at:)`.
    @inlinable public func value(at index: Int) -> SQLiteValue { row.value(at: index) }
    /// True when column `index` of the current row is NULL.
    @inlinable public func isNull(at index: Int) -> Bool { row.isNull(at: index) }
    /// The storage class of column `index` of the current row.
    @inlinable public func type(at index: Int) -> SQLiteType { row.type(at: index) }

    // MARK: - Private

    private func check(_ code: Int32) throws {
        guard code == SQLITE_OK else {
            throw SQLiteError.from(code, db: sqlite3_db_handle(handle), sql: sql)
        }
    }
}

/// `SQLITE_TRANSIENT`: tells SQLite to copy bound or returned bytes before the call returns. The C macro is a cast
/// of -1 to a function pointer, which Swift cannot import, hence the bit cast.
@usableFromInline @inline(__always)
var SQLITE_TRANSIENT_DESTRUCTOR: sqlite3_destructor_type {
    unsafeBitCast(-1 as Int, to: sqlite3_destructor_type.self)
}
