import CSQLite

/// Prepared statements keyed by their exact SQL text, so repeated queries skip parsing and planning.
///
/// Bounded: when full, the least recently used statement is dropped (finalized once nobody else holds it).
/// A statement whose step failed is evicted, because after some failures (a schema change, SQLITE_FULL) reusing the
/// same `sqlite3_stmt` would repeat the failure or hide state the caller should not inherit.
final class StatementCache {
    private struct Entry {
        let statement: Statement
        var lastUse: UInt64
    }

    private var entries: [String: Entry] = [:]
    private var tick: UInt64 = 0
    /// The most statements kept; 0 disables caching.
    let capacity: Int

    /// Creates an empty cache holding at most `capacity` statements.
    init(capacity: Int) {
        self.capacity = max(0, capacity)
    }

    /// The number of statements currently cached.
    var count: Int { entries.count }

    /// The cached statement for `sql`, reset and with bindings cleared, or nil.
    func statement(for sql: String) -> Statement? {
        guard var entry = entries[sql] else { return nil }
        tick &+= 1
        entry.lastUse = tick
        entries[sql] = entry
        entry.statement.reset()
        entry.statement.clearBindings()
        return entry.statement
    }

    /// Adds `statement` under its SQL, evicting the least recently used entry when full.
    func insert(_ statement: Statement) {
        guard capacity > 0 else { return }
        if entries.count >= capacity, entries[statement.sql] == nil,
            let oldest = entries.min(by: { $0.value.lastUse < $1.value.lastUse })
        {
            oldest.value.statement.isCached = false
            entries[oldest.key] = nil
        }
        tick &+= 1
        statement.isCached = true
        statement.cache = self
        entries[statement.sql] = Entry(statement: statement, lastUse: tick)
    }

    /// Removes `statement` if it is the one cached under its SQL.
    func evict(_ statement: Statement) {
        statement.isCached = false
        if let entry = entries[statement.sql], entry.statement === statement {
            entries[statement.sql] = nil
        }
    }

    /// Drops every statement (each is finalized once no caller holds it).
    func removeAll() {
        for entry in entries.values { entry.statement.isCached = false }
        entries.removeAll()
    }
}
