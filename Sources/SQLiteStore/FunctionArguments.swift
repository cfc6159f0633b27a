import CSQLite

/// A view of the arguments of one call of a Swift SQL function, valid only during that call.
///
/// Nothing is copied or allocated: each getter reads the `sqlite3_value` SQLite passed in. Indices are 0-based;
/// an out-of-range index reads as NULL.
public struct FunctionArguments {
    /// SQLite's argument array (`sqlite3_value **`).
    @usableFromInline let argv: UnsafeMutablePointer<OpaquePointer?>?
    /// The number of arguments of this call.
    public let count: Int

    /// Wraps the arguments SQLite passed to a function or to xFilter.
    @usableFromInline
    init(count: Int32, argv: UnsafeMutablePointer<OpaquePointer?>?) {
        self.argv = argv
        self.count = argv == nil ? 0 : Int(max(0, count))
    }

    /// The `sqlite3_value` of argument `index`, nil when out of range.
    @inlinable
    func raw(_ index: Int) -> OpaquePointer? {
        guard index >= 0, index < count, let argv else { return nil }
        return argv[index]
    }

    /// The storage class of argument `index`.
    @inlinable
    public func type(at index: Int) -> SQLiteType {
        guard let value = raw(index) else { return .null }
        return SQLiteType(code: sqlite3_value_type(value))
    }

    /// True when argument `index` is NULL (or missing).
    @inlinable
    public func isNull(at index: Int) -> Bool {
        type(at: index) == .null
    }

    /// Argument `index` as an integer, converted by SQLite's rules (NULL reads as 0).
    @inlinable
    public func int64(at index: Int) -> Int64 {
        guard let value = raw(index) else { return 0 }
        return sqlite3_value_int64(value)
    }

    /// Argument `index` as a double, converted by SQLite's rules (NULL reads as 0.0).
    @inlinable
    public func double(at index: Int) -> Double {
        guard let value = raw(index) else { return 0 }
        return sqlite3_value_double(value)
    }

    /// Argument `index` as text, or nil when it is NULL. Numbers are rendered by SQLite.
    @inlinable
    public func text(at index: Int) -> String? {
        withUnsafeUTF8(at: index) { bytes in
            bytes.map { String(decoding: $0, as: UTF8.self) }
        }
    }

    /// Calls `body` with argument `index`'s UTF-8 bytes (nil when NULL) without copying them.
    @inlinable
    public func withUnsafeUTF8<Result>(
        at index: Int, _ body: (UnsafeBufferPointer<UInt8>?) throws -> Result
    ) rethrows -> Result {
        guard let value = raw(index), let bytes = sqlite3_value_text(value) else { return try body(nil) }
        // `sqlite3_value_bytes` after `sqlite3_value_text`: the length of the converted text.
        let length = Int(sqlite3_value_bytes(value))
        return try body(UnsafeBufferPointer(start: bytes, count: length))
    }

    /// Argument `index` as bytes, or nil when it is NULL.
    @inlinable
    public func blob(at index: Int) -> [UInt8]? {
        guard let value = raw(index), sqlite3_value_type(value) != SQLITE_NULL else { return nil }
        guard let bytes = sqlite3_value_blob(value) else { return [] }
        return Array(UnsafeRawBufferPointer(start: bytes, count: Int(sqlite3_value_bytes(value))))
    }

    /// Argument `index` as a `SQLiteValue`, keeping its storage class.
    @inlinable
    public func value(at index: Int) -> SQLiteValue {
        guard let value = raw(index) else { return .null }
        switch sqlite3_value_type(value) {
        case SQLITE_INTEGER: return .integer(sqlite3_value_int64(value))
        case SQLITE_FLOAT: return .real(sqlite3_value_double(value))
        case SQLITE_TEXT: return .text(text(at: index) ?? "")
        case SQLITE_BLOB: return .blob(blob(at: index) ?? [])
        default: return .null
        }
    }

    /// All arguments as values (allocates an array; the per-index getters do not).
    public var values: [SQLiteValue] {
        (0..<count).map { value(at: $0) }
    }
}
