import CSQLite

extension Connection {
    /// How a transaction takes its locks (`BEGIN DEFERRED | IMMEDIATE | EXCLUSIVE`).
    public enum TransactionKind: String, Sendable {
        /// Locks are taken on first read or write; a later write may then fail busy without waiting.
        case deferred = "DEFERRED"
        /// The write lock is taken at BEGIN, so a busy database fails (or waits) up front, not mid-transaction.
        case immediate = "IMMEDIATE"
        /// Like immediate; in rollback-journal mode also keeps readers out.
        case exclusive = "EXCLUSIVE"
    }

    /// Runs `body` in a transaction: `BEGIN` (immediate by default), then `COMMIT` when `body` returns, or
    /// `ROLLBACK` when it throws (the error is rethrown). Must not be called inside another transaction; use
    /// `savepoint(_:_:)` to nest.
    ///
    /// When the commit itself fails (e.g. busy, or a deferred foreign-key violation), the transaction is rolled
    /// back and the commit error thrown, so the connection is never left inside a half-finished transaction.
    @discardableResult
    public func transaction<Result>(
        _ kind: TransactionKind = .immediate, _ body: () throws -> Result
    ) throws -> Result {
        guard isAutocommit else {
            throw SQLiteError.misuse("transaction started inside a transaction; use savepoint to nest")
        }
        try run("BEGIN \(kind.rawValue) TRANSACTION")
        let result: Result
        do {
            result = try body()
        } catch {
            rollbackIgnoringErrors()
            throw error
        }
        do {
            try run("COMMIT TRANSACTION")
        } catch {
            rollbackIgnoringErrors()
            throw error
        }
        return result
    }

    /// Runs `body` inside `SAVEPOINT name`: released when `body` returns, rolled back to and released when it
    /// throws (the error is rethrown). Savepoints nest, inside or outside a transaction; outside one, the outermost
    /// savepoint behaves as a deferred transaction.
    @discardableResult
    public func savepoint<Result>(_ name: String, _ body: () throws -> Result) throws -> Result {
        let quoted = quoteIdentifier(name)
        try execute("SAVEPOINT \(quoted)")
        let result: Result
        do {
            result = try body()
        } catch {
            // ROLLBACK TO keeps the savepoint open; RELEASE then removes it (and ends the transaction it began).
            // Either may fail if SQLite already rolled the whole transaction back (e.g. after SQLITE_FULL);
            // then there is nothing left to undo.
            try? execute("ROLLBACK TRANSACTION TO SAVEPOINT \(quoted)")
            try? execute("RELEASE SAVEPOINT \(quoted)")
            throw error
        }
        do {
            try execute("RELEASE SAVEPOINT \(quoted)")
        } catch {
            try? execute("ROLLBACK TRANSACTION TO SAVEPOINT \(quoted)")
            try? execute("RELEASE SAVEPOINT \(quoted)")
            throw error
        }
        return result
    }

    /// Rolls back the open transaction, if any. SQLite may already have rolled it back on its own after some
    /// errors (SQLITE_FULL, SQLITE_IOERR, SQLITE_BUSY, SQLITE_NOMEM); ROLLBACK would then fail, so check first.
    private func rollbackIgnoringErrors() {
        guard !isAutocommit else { return }
        try? run("ROLLBACK TRANSACTION")
    }
}

/// Quotes an SQL identifier with double quotes, doubling any embedded quote, so any name is safe to splice.
func quoteIdentifier(_ name: String) -> String {
    "\"" + name.replacingAll("\"", with: "\"\"") + "\""
}
