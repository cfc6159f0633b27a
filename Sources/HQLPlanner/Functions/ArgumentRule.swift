/// What a function expects of its arguments.
public enum ArgumentRule: Hashable, Sendable {
    /// Every argument the same expectation.
    case uniform(ArgumentType)
    /// One expectation per position; arguments past the list use `rest`.
    case positional([ArgumentType], rest: ArgumentType)

    /// The expectation for the argument at `index` (0-based).
    public func expectation(at index: Int) -> ArgumentType {
        switch self {
        case .uniform(let type): return type
        case .positional(let types, let rest): return index < types.count ? types[index] : rest
        }
    }
}

/// The kind of value an argument must be, and the type it is converted to before the call.
///
/// Acceptance is deliberately as lenient as Spark's non-ANSI implicit casts and Hive's generic UDF converters:
/// a STRING argument accepts numbers, booleans and dates (converted to text); a number argument accepts strings
/// (read as numbers, NULL when they do not parse). Complex types and BINARY are never converted implicitly.
public enum ArgumentType: Hashable, Sendable, CustomStringConvertible {
    /// Anything, unconverted.
    case any
    /// Any primitive (not ARRAY, MAP, STRUCT), unconverted.
    case primitive
    /// Text: strings as they are, other primitives but BINARY converted to STRING.
    case string
    /// Text or bytes, unconverted (`length`, `concat`, `md5` accept both).
    case stringOrBinary
    /// BINARY; strings are converted to their UTF-8 bytes.
    case binary
    /// A whole number: integral types as they are, other numbers and strings converted to INT.
    case integer
    /// A whole number converted to BIGINT where it is not integral.
    case bigint
    /// A number converted to DOUBLE.
    case double
    /// Any number, kept as it is (DECIMAL stays DECIMAL); strings become DOUBLE.
    case numeric
    /// BOOLEAN.
    case boolean
    /// A date: DATE and TIMESTAMP as they are, strings parsed by the function.
    case date
    /// A timestamp: TIMESTAMP and DATE as they are, numbers as seconds, strings parsed by the function.
    case timestamp
    /// An ARRAY of anything.
    case array
    /// A MAP.
    case map
    /// A STRUCT.
    case `struct`
    /// An ARRAY or a MAP.
    case collection

    /// Whether an argument of `type` is accepted.
    public func accepts(_ type: HiveType) -> Bool {
        if type == .void { return true }
        switch self {
        case .any: return true
        case .primitive: return type.isPrimitive
        case .string:
            return type.isStringFamily || type.isNumeric || type.isDateTime || type == .boolean
        case .stringOrBinary:
            return type.isStringFamily || type.isNumeric || type.isDateTime || type == .boolean || type == .binary
        case .binary: return type == .binary || type.isStringFamily
        case .integer, .bigint, .double, .numeric: return type.isNumeric || type.isStringFamily
        case .boolean: return type == .boolean
        case .date: return type.isDateTime || type.isStringFamily
        case .timestamp: return type.isDateTime || type.isStringFamily || type.isNumeric
        case .array: return type.arrayElement != nil
        case .map: return type.mapTypes != nil
        case .struct:
            if case .struct = type { return true }
            return false
        case .collection: return type.arrayElement != nil || type.mapTypes != nil
        }
    }

    /// The type an accepted argument of `type` is converted to before the call.
    public func convertedType(_ type: HiveType) -> HiveType {
        switch self {
        case .any, .primitive, .stringOrBinary, .array, .map, .struct, .collection:
            return type
        case .string: return type.isStringFamily ? type : .string
        case .binary: return .binary
        case .integer: return type.isIntegral ? type : .int
        case .bigint: return type.isIntegral ? type : .bigint
        case .double: return .double
        case .numeric: return type.isNumeric ? type : .double
        case .boolean: return .boolean
        case .date, .timestamp: return type == .void ? (self == .date ? .date : .timestamp) : type
        }
    }

    /// How the expectation reads in an error message.
    public var description: String {
        switch self {
        case .any: return "any value"
        case .primitive: return "a primitive value"
        case .string: return "a string"
        case .stringOrBinary: return "a string or binary"
        case .binary: return "a binary"
        case .integer, .bigint: return "an integer"
        case .double, .numeric: return "a number"
        case .boolean: return "a boolean"
        case .date: return "a date"
        case .timestamp: return "a timestamp"
        case .array: return "an array"
        case .map: return "a map"
        case .struct: return "a struct"
        case .collection: return "an array or a map"
        }
    }
}

/// One argument of a call as the binder knows it: its type, and its value when it is a constant (some result
/// types depend on constants: `round(d, 2)`, `named_struct('a', x)`, `stack(2, ...)`, `json_tuple(j, 'a', 'b')`).
public struct FunctionArgument: Hashable, Sendable {
    /// The argument's type.
    public var type: HiveType
    /// Its value when it is a literal (after constant folding), else nil.
    public var constant: Constant?

    /// A literal value.
    public enum Constant: Hashable, Sendable {
        case integer(Int64)
        case string(String)
        case null
        /// A constant of another type (double, decimal, boolean, …) that no result type depends on.
        case other
    }

    /// Creates an argument.
    public init(_ type: HiveType, constant: Constant? = nil) {
        self.type = type
        self.constant = constant
    }

    /// The constant as an integer, when it is one.
    public var integerValue: Int64? {
        if case .integer(let value) = constant { return value }
        return nil
    }

    /// The constant as a string, when it is one.
    public var stringValue: String? {
        if case .string(let value) = constant { return value }
        return nil
    }
}
