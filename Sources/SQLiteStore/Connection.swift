import CSQLite

/// One SQLite database connection: owns the `sqlite3` handle and closes it in `deinit`.
///
/// ## Threading
/// A connection is opened with `SQLITE_OPEN_NOMUTEX` and must be used from one thread at a time: create it, prepare
/// and step its statements, register functions, and release it, all without concurrent access. It is marked
/// `@unchecked Sendable` so that it can be *handed* to another thread or task, and so that `interrupt()`, the one
/// method that is safe from any thread at any time, can be called from a signal handler task or a watchdog while
/// the owning thread runs a query.
///
/// ## Lifetime
/// Closures registered as functions, collations or virtual tables are retained by SQLite until the connection
/// closes; they must not capture the connection strongly, or neither is ever freed.
public final class Connection: @unchecked Sendable {
    /// The `sqlite3` handle. Valid for the lifetime of this object.
    public let handle: OpaquePointer

    /// Where a database lives.
    public enum Location: Sendable, Equatable {
        /// A file at this path, created if missing (unless the connection is read-only).
        case file(String)
        /// A private in-memory database, gone when the connection closes.
        case inMemory
        /// A private on-disk temporary database, deleted when the connection closes.
        case temporary
    }

    /// SQLite's journal modes (`PRAGMA journal_mode`).
    public enum JournalMode: String, Sendable {
        /// Write-ahead log: readers do not block the writer. Ignored by SQLite for in-memory databases.
        case wal = "WAL"
        /// The classic rollback journal, deleted at commit.
        case delete = "DELETE"
        /// Rollback journal truncated at commit.
        case truncate = "TRUNCATE"
        /// Rollback journal kept in memory.
        case memory = "MEMORY"
        /// No journal: no rollback on crash.
        case off = "OFF"
    }

    /// SQLite's synchronous levels (`PRAGMA synchronous`).
    public enum Synchronous: String, Sendable {
        /// No fsync; fastest, unsafe on power loss.
        case off = "OFF"
        /// Fsync at critical moments; safe with WAL.
        case normal = "NORMAL"
        /// Fsync on every commit (SQLite's default).
        case full = "FULL"
        /// FULL plus a sync of the directory after deleting a journal.
        case extra = "EXTRA"
    }

    /// Options applied when the connection opens. `nil` leaves SQLite's default.
    public struct Configuration: Sendable {
        /// Open read-only (never creates the file).
        public var readOnly: Bool
        /// The journal mode to set.
        public var journalMode: JournalMode?
        /// How long to wait, in milliseconds, for another connection's lock before failing with a busy error.
        /// 0 fails at once.
        public var busyTimeoutMilliseconds: Int
        /// The synchronous level to set.
        public var synchronous: Synchronous?
        /// Whether to enforce foreign keys.
        public var foreignKeys: Bool?
        /// How many prepared statements `cachedStatement(_:)` keeps.
        public var statementCacheCapacity: Int

        /// Creates a configuration; every parameter defaults to SQLite's own default.
        public init(
            readOnly: Bool = false,
            journalMode: JournalMode? = nil,
            busyTimeoutMilliseconds: Int = 0,
            synchronous: Synchronous? = nil,
            foreignKeys: Bool? = nil,
            statementCacheCapacity: Int = 64
        ) {
            self.readOnly = readOnly
            self.journalMode = journalMode
            self.busyTimeoutMilliseconds = busyTimeoutMilliseconds
            self.synchronous = synchronous
            self.foreignKeys = foreignKeys
            self.statementCacheCapacity = statementCacheCapacity
        }
    }

    /// Where this connection's main database lives.
    public let location: Location
    /// Statements handed out by `cachedStatement(_:)`.
    let statementCache: StatementCache
    private let interruptFlag = InterruptFlag()

    /// Opens (and for a writable file, creates) a database, then applies `configuration`.
    public init(location: Location = .inMemory, configuration: Configuration = Configuration()) throws {
        let path: String
        switch location {
        case .file(let file): path = file
        case .inMemory: path = ":memory:"
        case .temporary: path = ""
        }
        var flags = SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE
        flags |= configuration.readOnly ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE)
        var db: OpaquePointer?
        let code = sqlite3_open_v2(path, &db, flags, nil)
        guard code == SQLITE_OK, let db else {
            // On failure SQLite usually still allocates a handle, which carries the message and must be closed.
            let error = SQLiteError.from(code == SQLITE_OK ? SQLITE_NOMEM : code, db: db)
            sqlite3_close_v2(db)
            throw SQLiteError(
                extendedCode: error.extendedCode, message: "cannot open \(path): \(error.message)")
        }
        self.handle = db
        self.location = location
        self.statementCache = StatementCache(capacity: configuration.statementCacheCapacity)
        sqlite3_extended_result_codes(db, 1)
        // Every stored property is set, so if configuring throws, deinit runs and closes the handle.
        try configure(configuration)
    }

    /// Opens (creating if missing) the database file at `path`.
    public convenience init(path: String, configuration: Configuration = Configuration()) throws {
        try self.init(location: .file(path), configuration: configuration)
    }

    deinit {
        statementCache.removeAll()
        // close_v2 turns the handle into a zombie until statements still held elsewhere are finalized, so a
        // `Statement` outliving its `Connection` stays valid instead of crashing.
        sqlite3_close_v2(handle)
    }

    private func configure(_ configuration: Configuration) throws {
        if configuration.busyTimeoutMilliseconds > 0 {
            sqlite3_busy_timeout(handle, Int32(clamping: configuration.busyTimeoutMilliseconds))
        }
        if let mode = configuration.journalMode {
            try execute("PRAGMA journal_mode = \(mode.rawValue)")
        }
        if let level = configuration.synchronous {
            try execute("PRAGMA synchronous = \(level.rawValue)")
        }
        if let foreignKeys = configuration.foreignKeys {
            try execute("PRAGMA foreign_keys = \(foreignKeys ? "ON" : "OFF")")
        }
    }

    // MARK: - Executing SQL

    /// Runs every statement in `sql` in order, discarding any rows.
    ///
    /// Statements are found by SQLite itself, by walking `sqlite3_prepare_v3`'s tail pointer, so semicolons inside
    /// strings, comments and trigger bodies are handled exactly as SQLite handles them. Stops at the first failure;
    /// the error's `offset` is relative to the whole of `sql`, and `statementRange` locates the failing statement.
    /// Between statements, stops with an interrupted error if `interrupt()` has been called (see `isInterrupted`).
    public func execute(_ sql: String) throws {
        var script = sql
        try script.withUTF8 { utf8 in
            guard let base = utf8.baseAddress else { return }
            try base.withMemoryRebound(to: CChar.self, capacity: utf8.count) { start in
                var offset = 0
                while offset < utf8.count {
                    if offset > 0, interruptFlag.isSet { throw SQLiteError.interrupted(sql: sql) }
                    var statement: OpaquePointer?
                    var tail: UnsafePointer<CChar>?
                    let code = sqlite3_prepare_v3(
                        handle, start + offset, Int32(clamping: utf8.count - offset), 0, &statement, &tail)
                    let next = tail.map { $0 - UnsafePointer(start) } ?? utf8.count
                    if code != SQLITE_OK {
                        var error = SQLiteError.from(code, db: handle, sql: sql)
                        error.offset = error.offset.map { $0 + offset }
                        error.statementRange = offset..<max(offset, next)
                        throw error
                    }
                    // A nil statement means the remaining text held only whitespace or comments.
                    if let statement {
                        defer { sqlite3_finalize(statement) }
                        var stepCode = sqlite3_step(statement)
                        while stepCode == SQLITE_ROW { stepCode = sqlite3_step(statement) }
                        if stepCode != SQLITE_DONE {
                            var error = SQLiteError.from(stepCode, db: handle, sql: sql)
                            error.offset = error.offset.map { $0 + offset }
                            error.statementRange = offset..<next
                            throw error
                        }
                    }
                    guard next > offset else { break }
                    offset = next
                }
            }
        }
    }

    /// Prepares exactly one statement. Throws for empty SQL or when `sql` holds a second statement.
    ///
    /// `persistent` passes `SQLITE_PREPARE_PERSISTENT`, a hint that the statement will be reused many times.
    public func prepare(_ sql: String, persistent: Bool = false) throws -> Statement {
        var text = sql
        return try text.withUTF8 { utf8 -> Statement in
            guard let base = utf8.baseAddress, utf8.count > 0 else {
                throw SQLiteError.misuse("empty SQL", sql: sql)
            }
            return try base.withMemoryRebound(to: CChar.self, capacity: utf8.count) { start in
                var statement: OpaquePointer?
                var tail: UnsafePointer<CChar>?
                let flags = persistent ? UInt32(SQLITE_PREPARE_PERSISTENT) : 0
                let code = sqlite3_prepare_v3(handle, start, Int32(clamping: utf8.count), flags, &statement, &tail)
                guard code == SQLITE_OK else { throw SQLiteError.from(code, db: handle, sql: sql) }
                guard let statement else { throw SQLiteError.misuse("no statement in SQL", sql: sql) }
                let wrapped = Statement(handle: statement, sql: sql)
                if let tail, tail - UnsafePointer(start) < utf8.count {
                    try rejectTrailingStatement(tail, length: utf8.count - (tail - UnsafePointer(start)), sql: sql)
                }
                return wrapped
            }
        }
    }

    /// Throws when the text after a prepared statement holds another statement (comments and blanks are fine).
    private func rejectTrailingStatement(_ tail: UnsafePointer<CChar>, length: Int, sql: String) throws {
        var extra: OpaquePointer?
        let code = sqlite3_prepare_v3(handle, tail, Int32(clamping: length), 0, &extra, nil)
        if let extra {
            sqlite3_finalize(extra)
            throw SQLiteError.misuse("prepare expects one statement; use execute for several", sql: sql)
        }
        // A syntax error in the trailing text is also a second statement, just a broken one.
        if code != SQLITE_OK {
            throw SQLiteError.misuse("prepare expects one statement; use execute for several", sql: sql)
        }
    }

    /// A prepared statement for `sql` from the connection's cache, prepared and cached on first use.
    ///
    /// The statement comes back reset with its bindings cleared. Do not use it re-entrantly (two live cursors over
    /// the same SQL): prepare a second statement for that. A statement whose step fails is evicted.
    public func cachedStatement(_ sql: String) throws -> Statement {
        if let statement = statementCache.statement(for: sql) { return statement }
        let statement = try prepare(sql, persistent: true)
        statementCache.insert(statement)
        return statement
    }

    /// Runs one statement with positional `arguments` through the statement cache, discarding rows.
    public func run(_ sql: String, _ arguments: [SQLiteValue] = []) throws {
        let statement = try cachedStatement(sql)
        try statement.bind(arguments)
        try statement.execute()
    }

    /// Runs one query with positional `arguments` through the statement cache, calling `body` for each row.
    public func query(_ sql: String, _ arguments: [SQLiteValue] = [], _ body: (Row) throws -> Void) throws {
        let statement = try cachedStatement(sql)
        try statement.bind(arguments)
        try statement.forEachRow(body)
    }

    /// The first column of the first row of a query, or nil when it returns no row.
    public func scalar(_ sql: String, _ arguments: [SQLiteValue] = []) throws -> SQLiteValue? {
        let statement = try cachedStatement(sql)
        try statement.bind(arguments)
        defer { statement.reset() }
        return try statement.step() == .row ? statement.value(at: 0) : nil
    }

    // MARK: - State

    /// The rowid of the most recent successful INSERT on this connection (`sqlite3_last_insert_rowid`).
    public var lastInsertRowID: Int64 { sqlite3_last_insert_rowid(handle) }

    /// Rows changed by the most recent INSERT, UPDATE or DELETE (`sqlite3_changes64`).
    public var changes: Int64 { sqlite3_changes64(handle) }

    /// Rows changed since the connection opened (`sqlite3_total_changes64`).
    public var totalChanges: Int64 { sqlite3_total_changes64(handle) }

    /// False while a transaction is open (`sqlite3_get_autocommit` is 0).
    public var isAutocommit: Bool { sqlite3_get_autocommit(handle) != 0 }

    /// The number of statements currently in the statement cache (for tests and diagnostics).
    public var cachedStatementCount: Int { statementCache.count }

    /// Finalizes every cached statement, e.g. before detaching a database they reference.
    public func clearStatementCache() {
        statementCache.removeAll()
    }

    // MARK: - Interrupting

    /// Makes the running statement stop as soon as possible with an interrupted error (`sqlite3_interrupt`), and
    /// makes `execute` stop before its next statement. Safe to call from any thread, at any time.
    public func interrupt() {
        interruptFlag.set(true)
        sqlite3_interrupt(handle)
    }

    /// True once `interrupt()` has been called, until `clearInterrupt()`. Lets a script runner stop between
    /// statements: SQLite itself forgets an interrupt as soon as no statement is running.
    public var isInterrupted: Bool { interruptFlag.isSet }

    /// Forgets an earlier `interrupt()`, before running the next command.
    public func clearInterrupt() {
        interruptFlag.set(false)
    }
}
