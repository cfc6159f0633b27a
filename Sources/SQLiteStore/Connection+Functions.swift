import CSQLite

/// The per-group state of a Swift aggregate function: one instance per GROUP BY group (or window partition),
/// created on the group's first row and dropped after `finalize()`.
public protocol AggregateFunction: AnyObject {
    /// Adds one row's arguments to the state.
    func step(_ arguments: FunctionArguments) throws
    /// The group's result. Called once; for an empty input (no rows, no GROUP BY) on a fresh state.
    func finalize() throws -> SQLiteValue
}

/// An aggregate that can also run as a window function over a sliding frame.
public protocol WindowFunction: AggregateFunction {
    /// Removes one row's arguments (the row leaving the frame) from the state.
    func inverse(_ arguments: FunctionArguments) throws
    /// The result for the current frame, without ending the group.
    func value() throws -> SQLiteValue
}

/// What SQLite may assume about a Swift function.
public struct FunctionOptions: OptionSet, Sendable {
    /// The raw `SQLITE_*` flag bits.
    public let rawValue: Int32

    /// Creates options from raw flag bits.
    public init(rawValue: Int32) { self.rawValue = rawValue }

    /// Same arguments, same result, no side effects (`SQLITE_DETERMINISTIC`): SQLite may factor calls out of
    /// loops and allow the function in indexes, CHECK constraints and generated columns.
    public static let deterministic = FunctionOptions(rawValue: SQLITE_DETERMINISTIC)
    /// No side effects and no information leak (`SQLITE_INNOCUOUS`): safe in views and triggers of an untrusted
    /// schema. Set it only on functions that are pure in the strong sense.
    public static let innocuous = FunctionOptions(rawValue: SQLITE_INNOCUOUS)
    /// Callable only from top-level SQL, never from schema objects (`SQLITE_DIRECTONLY`).
    public static let directOnly = FunctionOptions(rawValue: SQLITE_DIRECTONLY)

    /// The usual flags for a pure function: deterministic and innocuous.
    public static let pure: FunctionOptions = [.deterministic, .innocuous]
}

// MARK: - Boxes (user data owned by SQLite, released by xDestroy)

/// A scalar function's body, retained by SQLite as the function's user data.
final class ScalarFunctionBox {
    /// The Swift implementation.
    let body: (FunctionArguments, ResultContext) throws -> Void
    /// Boxes `body`.
    init(_ body: @escaping (FunctionArguments, ResultContext) throws -> Void) { self.body = body }
}

/// An aggregate's state factory, retained by SQLite as the function's user data.
final class AggregateFunctionBox {
    /// Makes the state of a new group.
    let makeState: () -> AggregateStateBox
    /// Boxes `makeState`.
    init(_ makeState: @escaping () -> AggregateStateBox) { self.makeState = makeState }
}

/// One group's state; a pointer to it, retained, lives in the group's `sqlite3_aggregate_context`.
final class AggregateStateBox {
    /// The group's state object.
    let state: any AggregateFunction
    /// The same object seen as a window function, resolved once per group rather than cast on every row.
    let window: (any WindowFunction)?

    /// Boxes the state of a plain aggregate.
    init(_ state: any AggregateFunction) {
        self.state = state
        self.window = nil
    }

    /// Boxes the state of a window function.
    init(window: any WindowFunction) {
        self.state = window
        self.window = window
    }
}

/// A collation's comparison, retained by SQLite as the collation's user data.
final class CollationBox {
    /// The comparison: <0, 0 or >0.
    let compare: (UnsafeRawBufferPointer, UnsafeRawBufferPointer) -> Int32
    /// Boxes `compare`.
    init(_ compare: @escaping (UnsafeRawBufferPointer, UnsafeRawBufferPointer) -> Int32) { self.compare = compare }
}

/// Releases a box retained with `Unmanaged.passRetained`; the `xDestroy` of every registration.
private func releaseBox(_ pointer: UnsafeMutableRawPointer?) {
    guard let pointer else { return }
    Unmanaged<AnyObject>.fromOpaque(pointer).release()
}

// MARK: - Registration

extension Connection {
    /// Registers (or replaces) a scalar SQL function whose body receives all arguments as an array.
    ///
    /// - Parameters:
    ///   - argumentCount: the arity, or nil for any number of arguments (SQLite allows both for one name).
    ///   - options: what SQLite may assume; pass `.pure` for functions without side effects.
    ///   - body: the implementation. A thrown error makes the statement fail with the error's description.
    public func createFunction(
        _ name: String, argumentCount: Int?, options: FunctionOptions = [],
        _ body: @escaping ([SQLiteValue]) throws -> SQLiteValue
    ) throws {
        try createFunction(name, argumentCount: argumentCount, options: options) { arguments, result in
            result.result(try body(arguments.values))
        }
    }

    /// Registers (or replaces) a scalar SQL function with the allocation-free calling convention: the body reads
    /// arguments through a view and writes its result straight into SQLite.
    public func createFunction(
        _ name: String, argumentCount: Int?, options: FunctionOptions = [],
        _ body: @escaping (FunctionArguments, ResultContext) throws -> Void
    ) throws {
        let box = Unmanaged.passRetained(ScalarFunctionBox(body)).toOpaque()
        // On failure SQLite itself calls xDestroy, so the box is never leaked nor double-released.
        let code = sqlite3_create_function_v2(
            handle, name, try arity(argumentCount, name), SQLITE_UTF8 | options.rawValue, box,
            { context, argc, argv in
                guard let context, let data = sqlite3_user_data(context) else { return }
                let box = Unmanaged<ScalarFunctionBox>.fromOpaque(data).takeUnretainedValue()
                let result = ResultContext(context)
                do {
                    try box.body(FunctionArguments(count: argc, argv: argv), result)
                } catch {
                    result.resultError(error)
                }
            },
            nil, nil, { releaseBox($0) })
        try check(code, registering: name)
    }

    /// Registers (or replaces) an aggregate SQL function. `makeState` creates one state object per group.
    public func createAggregate(
        _ name: String, argumentCount: Int?, options: FunctionOptions = [],
        _ makeState: @escaping () -> any AggregateFunction
    ) throws {
        let box = Unmanaged.passRetained(AggregateFunctionBox { AggregateStateBox(makeState()) }).toOpaque()
        let code = sqlite3_create_function_v2(
            handle, name, try arity(argumentCount, name), SQLITE_UTF8 | options.rawValue, box,
            nil,
            { context, argc, argv in aggregateStep(context, argc, argv) },
            { context in aggregateFinal(context) },
            { releaseBox($0) })
        try check(code, registering: name)
    }

    /// Registers (or replaces) an aggregate that can also be used as a window function with a moving frame
    /// (`sqlite3_create_window_function`).
    public func createWindowFunction(
        _ name: String, argumentCount: Int?, options: FunctionOptions = [],
        _ makeState: @escaping () -> any WindowFunction
    ) throws {
        let box = Unmanaged.passRetained(AggregateFunctionBox { AggregateStateBox(window: makeState()) }).toOpaque()
        let code = sqlite3_create_window_function(
            handle, name, try arity(argumentCount, name), SQLITE_UTF8 | options.rawValue, box,
            { context, argc, argv in aggregateStep(context, argc, argv) },
            { context in aggregateFinal(context) },
            { context in windowValue(context) },
            { context, argc, argv in windowInverse(context, argc, argv) },
            { releaseBox($0) })
        try check(code, registering: name)
    }

    /// Removes a function registered under `name` with that arity.
    public func removeFunction(_ name: String, argumentCount: Int?) throws {
        let code = sqlite3_create_function_v2(
            handle, name, try arity(argumentCount, name), SQLITE_UTF8, nil, nil, nil, nil, nil)
        try check(code, registering: name)
    }

    /// Registers (or replaces) a collation comparing raw UTF-8 bytes; `compare` returns <0, 0 or >0.
    /// Use it where byte order matters (Hive compares strings by their bytes, not by Unicode rules).
    public func createCollation(
        _ name: String, _ compare: @escaping (UnsafeRawBufferPointer, UnsafeRawBufferPointer) -> Int32
    ) throws {
        let box = Unmanaged.passRetained(CollationBox(compare)).toOpaque()
        let code = sqlite3_create_collation_v2(
            handle, name, SQLITE_UTF8, box,
            { data, leftCount, left, rightCount, right in
                guard let data else { return 0 }
                let box = Unmanaged<CollationBox>.fromOpaque(data).takeUnretainedValue()
                return box.compare(
                    UnsafeRawBufferPointer(start: left, count: Int(leftCount)),
                    UnsafeRawBufferPointer(start: right, count: Int(rightCount)))
            },
            { releaseBox($0) })
        guard code == SQLITE_OK else {
            // Unlike create_function_v2, create_collation_v2 does not call xDestroy when it fails.
            Unmanaged<CollationBox>.fromOpaque(box).release()
            throw SQLiteError.from(code, db: handle, sql: nil)
        }
    }

    /// Registers (or replaces) a collation comparing Swift strings; `compare` returns <0, 0 or >0.
    /// Decodes both sides on every comparison: prefer the byte-level variant when it can express the order.
    public func createStringCollation(_ name: String, _ compare: @escaping (String, String) -> Int) throws {
        try createCollation(name) { left, right in
            let result = compare(String(decoding: left, as: UTF8.self), String(decoding: right, as: UTF8.self))
            return result < 0 ? -1 : (result > 0 ? 1 : 0)
        }
    }

    private func arity(_ argumentCount: Int?, _ name: String) throws -> Int32 {
        guard let argumentCount else { return -1 }
        // SQLITE_MAX_FUNCTION_ARG is at most 1000 (127 by default).
        guard (0...1000).contains(argumentCount) else {
            throw SQLiteError.misuse("function \(name): invalid argument count \(argumentCount)")
        }
        return Int32(argumentCount)
    }

    private func check(_ code: Int32, registering name: String) throws {
        guard code == SQLITE_OK else {
            var error = SQLiteError.from(code, db: handle, sql: nil)
            error.message = "cannot register \(name): \(error.message)"
            throw error
        }
    }
}

// MARK: - Aggregate trampolines

/// The state of the current group, created on first use when `create` is true. Returns nil only when SQLite could
/// not allocate the aggregate context (then the result has been set to a no-memory error) or when `create` is false
/// and the group never saw a row.
private func groupState(_ context: OpaquePointer, create: Bool) -> AggregateStateBox? {
    let size = create ? Int32(MemoryLayout<UnsafeMutableRawPointer?>.size) : 0
    guard let raw = sqlite3_aggregate_context(context, size) else {
        if create { sqlite3_result_error_nomem(context) }
        return nil
    }
    // SQLite zeroes the context on allocation, so a nil slot means "first row of this group".
    let slot = raw.assumingMemoryBound(to: UnsafeMutableRawPointer?.self)
    if let existing = slot.pointee {
        return Unmanaged<AggregateStateBox>.fromOpaque(existing).takeUnretainedValue()
    }
    guard create, let data = sqlite3_user_data(context) else { return nil }
    let factory = Unmanaged<AggregateFunctionBox>.fromOpaque(data).takeUnretainedValue()
    let state = factory.makeState()
    slot.pointee = Unmanaged.passRetained(state).toOpaque()
    return state
}

private func aggregateStep(_ context: OpaquePointer?, _ argc: Int32, _ argv: UnsafeMutablePointer<OpaquePointer?>?) {
    guard let context, let state = groupState(context, create: true) else { return }
    do {
        try state.state.step(FunctionArguments(count: argc, argv: argv))
    } catch {
        ResultContext(context).resultError(error)
    }
}

private func windowInverse(
    _ context: OpaquePointer?, _ argc: Int32, _ argv: UnsafeMutablePointer<OpaquePointer?>?
) {
    guard let context, let state = groupState(context, create: true) else { return }
    guard let window = state.window else { return }
    do {
        try window.inverse(FunctionArguments(count: argc, argv: argv))
    } catch {
        ResultContext(context).resultError(error)
    }
}

private func windowValue(_ context: OpaquePointer?) {
    guard let context, let state = groupState(context, create: true) else { return }
    guard let window = state.window else { return }
    let result = ResultContext(context)
    do {
        result.result(try window.value())
    } catch {
        result.resultError(error)
    }
}

/// Finishes a group: computes its result and releases its state. SQLite calls xFinal for every group whose
/// aggregate context was allocated, even when the statement fails or is reset early, so no state leaks.
private func aggregateFinal(_ context: OpaquePointer?) {
    guard let context else { return }
    let result = ResultContext(context)
    let state: any AggregateFunction
    if let raw = sqlite3_aggregate_context(context, 0),
        let pointer = raw.assumingMemoryBound(to: UnsafeMutableRawPointer?.self).pointee
    {
        raw.assumingMemoryBound(to: UnsafeMutableRawPointer?.self).pointee = nil
        state = Unmanaged<AggregateStateBox>.fromOpaque(pointer).takeRetainedValue().state
    } else {
        // No row reached this group (e.g. `SELECT agg(x) FROM empty`): finalize a fresh state.
        guard let data = sqlite3_user_data(context) else { return result.resultNull() }
        state = Unmanaged<AggregateFunctionBox>.fromOpaque(data).takeUnretainedValue().makeState().state
    }
    do {
        result.result(try state.finalize())
    } catch {
        result.resultError(error)
    }
}
