import CSQLite

/// A thread-safe boolean, set by `Connection.interrupt()` from any thread and read on the connection's thread.
///
/// Built on an SQLite mutex rather than Foundation or the Synchronization module, to stay dependency-free and
/// available on every platform the package supports.
final class InterruptFlag: @unchecked Sendable {
    private let mutex: OpaquePointer?
    private var value = false

    /// Creates a cleared flag.
    init() {
        // A FAST mutex is a plain non-recursive one. It is nil only in a single-threaded SQLite build, where
        // no other thread may call in anyway.
        mutex = sqlite3_mutex_alloc(SQLITE_MUTEX_FAST)
    }

    deinit {
        sqlite3_mutex_free(mutex)
    }

    /// The current value.
    var isSet: Bool {
        sqlite3_mutex_enter(mutex)
        defer { sqlite3_mutex_leave(mutex) }
        return value
    }

    /// Sets the value.
    func set(_ newValue: Bool) {
        sqlite3_mutex_enter(mutex)
        value = newValue
        sqlite3_mutex_leave(mutex)
    }
}
