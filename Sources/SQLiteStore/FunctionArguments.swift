import CSQLite

/// A view of the arguments of one call of a Swift SQL function, valid only during that call.
///
/// Nothing is copied or allocated: each getter reads the `sqlite3_value` SQLite passed in. Indices are 0-based;
/// an out-of-range index reads as NULL.
public struct FunctionArguments {
    @usableFromInline let argv: UnsafeMutablePointer<OpaquePointer?>?
    /// The number of arguments of this call.
    public let count: Int

    @usableFromInline
    init(count: Int32, argv: UnsafeMutablePointer<OpaquePointer?>?) {
        self.argv = argv
        self.count = argv == nil ? 0 : Int(max(0, count))
    }

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

/// Where a Swift function or virtual-table column writes its result (a `sqlite3_context`), valid only during the
/// call that received it. Each setter calls one `sqlite3_result_*` directly; a later call overrides an earlier one.
public struct ResultContext {
    /// The `sqlite3_context` handle.
    @usableFromInline let context: OpaquePointer

    @usableFromInline
    init(_ context: OpaquePointer) {
        self.context = context
    }

    /// Returns NULL.
    @inlinable
    public func resultNull() {
        sqlite3_result_null(context)
    }

    /// Returns an integer.
    @inlinable
    public func result(_ value: Int64) {
        sqlite3_result_int64(context, value)
    }

    /// Returns an integer.
    @inlinable
    public func result(_ value: Int) {
        sqlite3_result_int64(context, Int64(value))
    }

    /// Returns a double.
    @inlinable
    public func result(_ value: Double) {
        sqlite3_result_double(context, value)
    }

    /// Returns text; SQLite copies the bytes.
    @inlinable
    public func result(_ value: String) {
        var value = value
        value.withUTF8 { result(utf8: $0) }
    }

    /// Returns text given as UTF-8 bytes (SQLite copies them): the zero-allocation path for slices of a buffer.
    @inlinable
    public func result(utf8 bytes: UnsafeBufferPointer<UInt8>) {
        guard let base = bytes.baseAddress, bytes.count > 0 else {
            // A nil pointer would make the result NULL rather than ''.
            sqlite3_result_text(context, "", 0, SQLITE_TRANSIENT_DESTRUCTOR)
            return
        }
        base.withMemoryRebound(to: CChar.self, capacity: bytes.count) { chars in
            sqlite3_result_text64(
                context, chars, sqlite3_uint64(bytes.count), SQLITE_TRANSIENT_DESTRUCTOR, UInt8(SQLITE_UTF8))
        }
    }

    /// Returns a blob; SQLite copies the bytes. An empty buffer returns a zero-length blob, not NULL.
    @inlinable
    public func result(blob bytes: UnsafeRawBufferPointer) {
        guard let base = bytes.baseAddress, bytes.count > 0 else {
            sqlite3_result_zeroblob(context, 0)
            return
        }
        sqlite3_result_blob64(context, base, sqlite3_uint64(bytes.count), SQLITE_TRANSIENT_DESTRUCTOR)
    }

    /// Returns a blob; SQLite copies the bytes.
    @inlinable
    public func result(blob bytes: [UInt8]) {
        bytes.withUnsafeBytes { result(blob: $0) }
    }

    /// Returns any value.
    @inlinable
    public func result(_ value: SQLiteValue) {
        switch value {
        case .null: resultNull()
        case .integer(let integer): result(integer)
        case .real(let real): result(real)
        case .text(let text): result(text)
        case .blob(let bytes): result(blob: bytes)
        }
    }

    /// Makes the call fail with `message` (and `SQLITE_ERROR`); the statement stops with that message.
    public func resultError(_ message: String) {
        var message = message
        message.withUTF8 { utf8 in
            utf8.withMemoryRebound(to: CChar.self) { chars in
                // A nil base (empty message) is fine here: SQLite then reports a generic message.
                sqlite3_result_error(context, chars.baseAddress, Int32(clamping: chars.count))
            }
        }
    }

    /// Makes the call fail with a thrown error: an `SQLiteError` keeps its message and code, any other error is
    /// described with `String(describing:)`.
    public func resultError(_ error: any Error) {
        if let error = error as? SQLiteError {
            resultError(error.message)
            sqlite3_result_error_code(context, error.extendedCode)
        } else {
            resultError(String(describing: error))
        }
    }
}

/// The text to report for an error thrown by Swift code running inside SQLite: an `SQLiteError`'s own message
/// (not its description, which would prefix the code a second time), otherwise `String(describing:)`.
func messageForThrownError(_ error: any Error) -> String {
    (error as? SQLiteError)?.message ?? String(describing: error)
}
