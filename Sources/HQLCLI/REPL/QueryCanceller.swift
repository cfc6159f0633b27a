#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// Ctrl-C for the interactive shell: one `SIGINT` handler that serves both the prompt and a running statement.
///
/// The handler is installed with `sigaction` **without** `SA_RESTART`, so a Ctrl-C makes libedit's `read` fail with
/// `EINTR` and `readline()` return NULL; the shell then asks ``takeInterrupt()`` to tell Ctrl-C from Ctrl-D.
/// While a statement runs, the engine registers a cancel function (``register(_:context:)``), e.g. one that calls
/// `sqlite3_interrupt` on its connection, and the handler calls it at once.
///
/// **Async-signal safety.** The handler only touches `Atomic` words that were initialised before it was installed,
/// and calls the registered C function. Nothing in it allocates, locks, retains or prints: "query cancelled" is
/// printed by the shell after the statement returns. A registered function must itself be async-signal-safe
/// (`sqlite3_interrupt` is: it sets a flag on the connection).
///
/// **Threads.** Linux delivers a process-directed signal to the main thread unless it blocks it; should another
/// thread receive it anyway, the handler forwards it to the thread that installed it (`pthread_kill` is
/// async-signal-safe), because that is the thread blocked in `readline()` or running the statement.
@available(macOS 15.0, *)
public enum QueryCanceller {
    /// A cancel function the handler may call from signal context: it must be async-signal-safe.
    public typealias CancelFunction = @convention(c) (UnsafeMutableRawPointer?) -> Void

    /// Ctrl-C presses not yet taken by ``takeInterrupt()``.
    private static let pending = Atomic<Int>(0)
    /// The registered function's bits, or 0; published after ``context``.
    private static let function = Atomic<UInt>(0)
    /// The registered function's argument.
    private static let context = Atomic<UInt>(0)
    /// The thread that installed the handler, to forward the signal to (Linux only; 0 when unknown).
    private static let owner = Atomic<UInt>(0)
    /// Whether the handler is installed.
    private static let installed = Atomic<Bool>(false)

    // MARK: - Installing

    /// Installs the `SIGINT` handler for the calling thread (the shell's) and returns whether it was installed
    /// now. Safe to call more than once.
    @discardableResult
    public static func install() -> Bool {
        // Touch every static first: Swift initialises them lazily, which must never happen inside the handler.
        _ = pending.load(ordering: .relaxed)
        _ = function.load(ordering: .relaxed)
        _ = context.load(ordering: .relaxed)
        #if os(Linux)
        owner.store(UInt(pthread_self()), ordering: .releasing)
        #endif
        guard !installed.exchange(true, ordering: .acquiringAndReleasing) else { return false }
        var action = sigaction()
        #if os(Linux)
        action.__sigaction_handler.sa_handler = queryCancellerSignalHandler
        #else
        action.__sigaction_u.__sa_handler = queryCancellerSignalHandler
        #endif
        sigemptyset(&action.sa_mask)
        // No SA_RESTART: the blocked read in readline() must fail with EINTR so that the shell sees the Ctrl-C.
        action.sa_flags = 0
        return sigaction(SIGINT, &action, nil) == 0
    }

    // MARK: - Cancelling a running statement

    /// Registers the function the next Ctrl-C calls with `context`, replacing any other; the engine does this
    /// around each statement, with e.g. `{ sqlite3_interrupt(OpaquePointer($0)) }` and its connection handle.
    /// Unregister before the context becomes invalid.
    public static func register(_ cancel: @escaping CancelFunction, context argument: UnsafeMutableRawPointer?) {
        function.store(0, ordering: .releasing)
        context.store(UInt(bitPattern: argument), ordering: .releasing)
        function.store(unsafeBitCast(cancel, to: UInt.self), ordering: .releasing)
    }

    /// Removes the registered function; a Ctrl-C after this only sets the flag.
    public static func unregister() {
        function.store(0, ordering: .releasing)
        context.store(0, ordering: .releasing)
    }

    /// Runs `body` with `cancel` registered, and unregisters it afterwards whatever happens.
    public static func whileRunning<T>(cancel: @escaping CancelFunction, context argument: UnsafeMutableRawPointer?,
                                       _ body: () throws -> T) rethrows -> T {
        register(cancel, context: argument)
        defer { unregister() }
        return try body()
    }

    // MARK: - The flag

    /// Whether a Ctrl-C arrived since the last ``takeInterrupt()``, without consuming it.
    public static var isInterrupted: Bool { pending.load(ordering: .acquiring) > 0 }

    /// Consumes the pending Ctrl-C presses and tells whether there was any.
    @discardableResult
    public static func takeInterrupt() -> Bool {
        pending.exchange(0, ordering: .acquiringAndReleasing) > 0
    }

    /// What the signal handler does, callable directly so tests can exercise it without a signal.
    /// Async-signal-safe: atomics and the registered C function only.
    public static func handleInterrupt() {
        pending.add(1, ordering: .acquiringAndReleasing)
        let bits = function.load(ordering: .acquiring)
        guard bits != 0 else { return }
        let cancel = unsafeBitCast(bits, to: CancelFunction.self)
        cancel(UnsafeMutableRawPointer(bitPattern: context.load(ordering: .acquiring)))
    }

    /// Called by the C handler: forwards a signal that landed on another thread, else handles it.
    fileprivate static func signalArrived() {
        #if os(Linux)
        let target = owner.load(ordering: .acquiring)
        if target != 0, UInt(pthread_self()) != target {
            pthread_kill(pthread_t(target), SIGINT)
            return
        }
        #endif
        handleInterrupt()
    }
}

/// The `SIGINT` handler itself: a C function pointer that captures nothing.
@available(macOS 15.0, *)
private func queryCancellerSignalHandler(_ signal: Int32) {
    QueryCanceller.signalArrived()
}
