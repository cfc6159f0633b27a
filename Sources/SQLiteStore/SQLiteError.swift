import CSQLite

/// An error reported by SQLite, or by this wrapper on SQLite's behalf.
///
/// Carries everything a caller needs to explain the failure at the right place: the extended result code, SQLite's
/// message, the SQL being prepared or run, and the UTF-8 byte offset into that SQL where SQLite located the problem
/// (`sqlite3_error_offset`, when SQLite knows one).
public struct SQLiteError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The extended result code, e.g. `SQLITE_CONSTRAINT_UNIQUE` (2067).
    public var extendedCode: Int32
    /// SQLite's message (`sqlite3_errmsg`), or the message of a Swift function that failed.
    public var message: String
    /// The SQL whose preparation or execution failed, when known.
    public var sql: String?
    /// The UTF-8 byte offset into `sql` of the token SQLite blames, when SQLite reported one.
    public var offset: Int?
    /// When `sql` is a script run by `Connection.execute`, the UTF-8 byte range of the statement that failed.
    public var statementRange: Range<Int>?

    /// Creates an error from its parts.
    public init(
        extendedCode: Int32, message: String, sql: String? = nil, offset: Int? = nil,
        statementRange: Range<Int>? = nil
    ) {
        self.extendedCode = extendedCode
        self.message = message
        self.sql = sql
        self.offset = offset
        self.statementRange = statementRange
    }

    /// The primary result code (the low 8 bits), e.g. `SQLITE_CONSTRAINT` (19).
    public var primaryCode: Int32 { extendedCode & 0xFF }

    /// A coarse classification, so callers can switch on the failures they treat specially.
    public var kind: Kind { Kind(primaryCode: primaryCode) }

    /// True when another connection holds a lock we needed and `busy_timeout` ran out (`SQLITE_BUSY`), or when a
    /// lock conflict arose within this process's shared cache (`SQLITE_LOCKED`). The CLI reports this as "the
    /// warehouse is busy" rather than as a failure of the query.
    public var isBusy: Bool { kind == .busy }

    /// True when the statement stopped because `Connection.interrupt()` was called.
    public var isInterrupted: Bool { kind == .interrupted }

    /// `message`, then the extended code; the SQL is left to callers that can point into it.
    public var description: String {
        "SQLite error \(extendedCode): \(message)"
    }

    /// Coarse classes of SQLite failure.
    public enum Kind: Sendable, Equatable {
        /// `SQLITE_BUSY` or `SQLITE_LOCKED`: retry later, nothing is wrong with the SQL.
        case busy
        /// `SQLITE_INTERRUPT`: `Connection.interrupt()` stopped the statement.
        case interrupted
        /// `SQLITE_CONSTRAINT`: a UNIQUE, NOT NULL, CHECK, FOREIGN KEY or PRIMARY KEY constraint failed.
        case constraint
        /// `SQLITE_READONLY`: an attempt to write a read-only database.
        case readOnly
        /// `SQLITE_CORRUPT` or `SQLITE_NOTADB`: the file is damaged or not a database.
        case corrupt
        /// `SQLITE_CANTOPEN`: the database file could not be opened.
        case cannotOpen
        /// `SQLITE_MISUSE`: the API was used wrongly (a bug in the caller, or an invalid request to this wrapper).
        case misuse
        /// `SQLITE_RANGE`: a parameter index out of range.
        case range
        /// Everything else, including `SQLITE_ERROR` (syntax errors, missing tables, function failures).
        case other

        /// Classifies a primary result code.
        init(primaryCode: Int32) {
            switch primaryCode {
            case SQLITE_BUSY, SQLITE_LOCKED: self = .busy
            case SQLITE_INTERRUPT: self = .interrupted
            case SQLITE_CONSTRAINT: self = .constraint
            case SQLITE_READONLY: self = .readOnly
            case SQLITE_CORRUPT, SQLITE_NOTADB: self = .corrupt
            case SQLITE_CANTOPEN: self = .cannotOpen
            case SQLITE_MISUSE: self = .misuse
            case SQLITE_RANGE: self = .range
            default: self = .other
            }
        }
    }
}

extension SQLiteError {
    /// Reads the connection's current error state after a call returned `code`.
    ///
    /// The message is taken from the handle only when the handle's error code matches `code`: some failures (e.g.
    /// a bind out of range) return a code without updating the handle, and an older message would then mislead.
    static func from(_ code: Int32, db: OpaquePointer?, sql: String? = nil) -> SQLiteError {
        guard let db else {
            return SQLiteError(extendedCode: code, message: String(cString: sqlite3_errstr(code)), sql: sql)
        }
        let handleCode = sqlite3_extended_errcode(db)
        let sameFailure = (handleCode & 0xFF) == (code & 0xFF)
        let message = sameFailure ? String(cString: sqlite3_errmsg(db)) : String(cString: sqlite3_errstr(code))
        let rawOffset = sameFailure ? sqlite3_error_offset(db) : -1
        return SQLiteError(
            extendedCode: sameFailure ? handleCode : code,
            message: message,
            sql: sql,
            offset: rawOffset >= 0 ? Int(rawOffset) : nil)
    }

    /// A wrapper-level misuse (e.g. `prepare` given two statements), reported with SQLite's misuse code.
    static func misuse(_ message: String, sql: String? = nil) -> SQLiteError {
        SQLiteError(extendedCode: SQLITE_MISUSE, message: message, sql: sql)
    }

    /// The error `execute` raises when it stops between statements because of `Connection.interrupt()`.
    static func interrupted(sql: String?) -> SQLiteError {
        SQLiteError(extendedCode: SQLITE_INTERRUPT, message: "interrupted", sql: sql)
    }
}
