import CSQLite

/// A view of the current row of a statement, valid until the statement steps, resets or is finalized.
///
/// A `Row` copies nothing: each getter reads the column straight from SQLite. Do not keep a `Row` beyond the
/// callback or loop iteration that produced it; copy out the values you need (`value(at:)`, `values`).
///
/// Column indices are 0-based, as in `sqlite3_column_*`. Out-of-range indices read as NULL (SQLite's behaviour).
public struct Row {
    /// The statement handle whose current row this is.
    @usableFromInline let handle: OpaquePointer

    /// A view of `handle`'s current row.
    @usableFromInline
    init(handle: OpaquePointer) {
        self.handle = handle
    }

    /// The number of columns in the row.
    @inlinable
    public var count: Int { Int(sqlite3_column_count(handle)) }

    /// The storage class of column `index` in this row (it can differ from row to row).
    @inlinable
    public func type(at index: Int) -> SQLiteType {
        SQLiteType(code: sqlite3_column_type(handle, Int32(index)))
    }

    /// True when column `index` is NULL.
    @inlinable
    public func isNull(at index: Int) -> Bool {
        sqlite3_column_type(handle, Int32(index)) == SQLITE_NULL
    }

    /// Column `index` as an integer, converted by SQLite's rules (NULL reads as 0, text is parsed).
    @inlinable
    public func int64(at index: Int) -> Int64 {
        sqlite3_column_int64(handle, Int32(index))
    }

    /// Column `index` as a double, converted by SQLite's rules (NULL reads as 0.0, text is parsed).
    @inlinable
    public func double(at index: Int) -> Double {
        sqlite3_column_double(handle, Int32(index))
    }

    /// Column `index` as text, or nil when it is NULL. Numbers are rendered by SQLite; blobs are read as UTF-8
    /// (invalid sequences repaired).
    ///
    /// The bytes are decoded once, straight from SQLite's buffer into the new `String`; no intermediate array.
    @inlinable
    public func text(at index: Int) -> String? {
        let column = Int32(index)
        // `sqlite3_column_text` must come before `sqlite3_column_bytes`: the text call may convert the value,
        // and the length is that of the converted form.
        guard let bytes = sqlite3_column_text(handle, column) else { return nil }
        let length = Int(sqlite3_column_bytes(handle, column))
        return String(decoding: UnsafeBufferPointer(start: bytes, count: length), as: UTF8.self)
    }

    /// Calls `body` with column `index`'s UTF-8 bytes as SQLite holds them (nil when NULL), without copying.
    ///
    /// The buffer is valid only during `body`. This is the fastest way to compare, hash or write out text.
    @inlinable
    public func withUnsafeUTF8<Result>(
        at index: Int, _ body: (UnsafeBufferPointer<UInt8>?) throws -> Result
    ) rethrows -> Result {
        let column = Int32(index)
        guard let bytes = sqlite3_column_text(handle, column) else { return try body(nil) }
        let length = Int(sqlite3_column_bytes(handle, column))
        return try body(UnsafeBufferPointer(start: bytes, count: length))
    }

    /// Column `index` as bytes, or nil when it is NULL. Text is returned as its UTF-8 bytes.
    @inlinable
    public func blob(at index: Int) -> [UInt8]? {
        let column = Int32(index)
        if sqlite3_column_type(handle, column) == SQLITE_NULL { return nil }
        // A zero-length blob has a NULL pointer but is not NULL, hence the type check above.
        guard let bytes = sqlite3_column_blob(handle, column) else { return [] }
        let length = Int(sqlite3_column_bytes(handle, column))
        return Array(UnsafeRawBufferPointer(start: bytes, count: length))
    }

    /// Column `index` as a `SQLiteValue`, keeping its storage class.
    @inlinable
    public func value(at index: Int) -> SQLiteValue {
        let column = Int32(index)
        switch sqlite3_column_type(handle, column) {
        case SQLITE_INTEGER:
            return .integer(sqlite3_column_int64(handle, column))
        case SQLITE_FLOAT:
            return .real(sqlite3_column_double(handle, column))
        case SQLITE_TEXT:
            return .text(text(at: index) ?? "")
        case SQLITE_BLOB:
            return .blob(blob(at: index) ?? [])
        default:
            return .null
        }
    }

    /// All columns of the row as values (one array; use the per-column getters in hot loops).
    public var values: [SQLiteValue] {
        (0..<count).map { value(at: $0) }
    }

    /// The name of column `index` (its `AS` alias when there is one), or "" when out of range.
    public func columnName(at index: Int) -> String {
        guard let name = sqlite3_column_name(handle, Int32(index)) else { return "" }
        return String(cString: name)
    }
}

/// A forward-only cursor over the rows of a statement, for `while let row = try cursor.next() { ... }`.
///
/// Rows are produced one at a time as SQLite computes them; nothing is materialised. Each `Row` is valid until the
/// next call to `next()`. The statement is reset when the cursor reaches the end or fails, so a cached statement
/// goes back to the cache clean; a cursor abandoned early leaves the statement to be reset by its next use.
public struct RowCursor {
    /// The statement being stepped.
    public let statement: Statement
    private var finished = false

    /// A cursor over `statement`, which the caller has reset.
    init(statement: Statement) {
        self.statement = statement
    }

    /// Steps to the next row, or returns nil once the statement is done.
    public mutating func next() throws -> Row? {
        if finished { return nil }
        do {
            switch try statement.step() {
            case .row:
                return Row(handle: statement.handle)
            case .done:
                finished = true
                statement.reset()
                return nil
            }
        } catch {
            finished = true
            statement.reset()
            throw error
        }
    }
}
