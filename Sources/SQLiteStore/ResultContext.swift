import CSQLite

/// Where a Swift function or virtual-table column writes its result (a `sqlite3_context`), valid only during the
/// call that received it. Each setter calls one `sqlite3_result_*` directly; a later call overrides an earlier one.
public struct ResultContext {
    /// The `sqlite3_context` handle.
    @usableFromInline let context: OpaquePointer

    /// Wraps the context SQLite passed to a function or to xColumn.
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
