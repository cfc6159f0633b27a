import HQLSyntax

/// A Hive type as the binder sees it: every parameter filled in (`DECIMAL` is `decimal(10,0)`), limits checked.
///
/// The AST's `DataType` records what the source wrote; `HiveType` is what it means. `description` prints the type
/// the way `DESCRIBE` and `typeof` print it in Hive and Spark (`int`, `decimal(10,2)`, `map<string,int>`).
public indirect enum HiveType: Hashable, Sendable, CustomStringConvertible {
    /// The type of an untyped `NULL` literal; converts implicitly to every type.
    case void
    case boolean
    case tinyint, smallint, int, bigint
    case float, double
    /// An exact number of `precision` digits, `scale` of them after the point (1 ≤ precision ≤ 38, scale ≤ precision).
    case decimal(precision: Int, scale: Int)
    case string
    /// Text of at most the given number of characters (1…65535).
    case varchar(Int)
    /// Text padded to exactly the given number of characters (1…255).
    case char(Int)
    case date, timestamp, binary
    /// `INTERVAL YEAR TO MONTH`.
    case intervalYearMonth
    /// `INTERVAL DAY TO SECOND`.
    case intervalDayTime
    case array(HiveType)
    case map(key: HiveType, value: HiveType)
    case `struct`([Field])

    /// One named field of a `struct`.
    public struct Field: Hashable, Sendable {
        /// The field name as written (Hive matches field names case-insensitively).
        public var name: String
        /// The field's type.
        public var type: HiveType

        /// Creates a field.
        public init(_ name: String, _ type: HiveType) {
            self.name = name
            self.type = type
        }
    }

    // MARK: - Limits

    /// Hive's largest decimal precision (and scale).
    public static let maxDecimalPrecision = 38
    /// The precision of a bare `DECIMAL`.
    public static let defaultDecimalPrecision = 10
    /// The longest `VARCHAR`.
    public static let maxVarcharLength = 65535
    /// The longest `CHAR`.
    public static let maxCharLength = 255

    // MARK: - Conversion from the AST

    /// The type a `DataType` from the parser names, with Hive's defaults filled in and Hive's limits checked.
    ///
    /// Throws `HiveTypeError` for out-of-range parameters, `UNIONTYPE` (which hqlrun does not support, nor does
    /// Spark) and an `INTERVAL` without a year-month or day-time qualifier. The caller adds the source span.
    public init(_ ast: DataType) throws {
        switch ast {
        case .tinyint: self = .tinyint
        case .smallint: self = .smallint
        case .int: self = .int
        case .bigint: self = .bigint
        case .float: self = .float
        case .double: self = .double
        case .boolean: self = .boolean
        case .binary: self = .binary
        case .date: self = .date
        case .timestamp: self = .timestamp
        case .string: self = .string
        case .decimal(let precision, let scale):
            self = try HiveType.checkedDecimal(
                precision: precision ?? HiveType.defaultDecimalPrecision, scale: scale ?? 0)
        case .varchar(let length):
            guard (1...HiveType.maxVarcharLength).contains(length) else {
                throw HiveTypeError("VARCHAR length must be between 1 and \(HiveType.maxVarcharLength), found \(length)")
            }
            self = .varchar(length)
        case .char(let length):
            guard (1...HiveType.maxCharLength).contains(length) else {
                throw HiveTypeError("CHAR length must be between 1 and \(HiveType.maxCharLength), found \(length)")
            }
            self = .char(length)
        case .interval(let from, let to):
            self = try HiveType.intervalType(from: from, to: to)
        case .array(let element):
            self = .array(try HiveType(element))
        case .map(let key, let value):
            let keyType = try HiveType(key)
            guard keyType.isPrimitive else {
                throw HiveTypeError("a MAP key must be a primitive type, found \(keyType)")
            }
            self = .map(key: keyType, value: try HiveType(value))
        case .struct(let fields):
            var seen = Set<String>()
            var converted: [Field] = []
            for field in fields {
                guard seen.insert(field.name.name.lowercased()).inserted else {
                    throw HiveTypeError("duplicate field name '\(field.name.name)' in STRUCT")
                }
                converted.append(Field(field.name.name, try HiveType(field.type)))
            }
            self = .struct(converted)
        case .union:
            throw HiveTypeError("UNIONTYPE is not supported by hqlrun")
        }
    }

    /// A decimal type after checking Hive's limits: precision 1…38 and 0 ≤ scale ≤ precision.
    public static func checkedDecimal(precision: Int, scale: Int) throws -> HiveType {
        guard (1...maxDecimalPrecision).contains(precision) else {
            throw HiveTypeError("DECIMAL precision must be between 1 and \(maxDecimalPrecision), found \(precision)")
        }
        guard scale >= 0, scale <= precision else {
            throw HiveTypeError("DECIMAL scale must be between 0 and the precision \(precision), found \(scale)")
        }
        return .decimal(precision: precision, scale: scale)
    }

    private static func intervalType(from: IntervalUnit?, to: IntervalUnit?) throws -> HiveType {
        func isYearMonth(_ unit: IntervalUnit) -> Bool {
            switch unit {
            case .year, .month: return true
            case .week, .day, .hour, .minute, .second, .millisecond, .microsecond: return false
            }
        }
        guard let from else {
            throw HiveTypeError("an INTERVAL type needs a qualifier such as YEAR TO MONTH or DAY TO SECOND")
        }
        let upper = to ?? from
        switch (isYearMonth(from), isYearMonth(upper)) {
        case (true, true): return .intervalYearMonth
        case (false, false): return .intervalDayTime
        case (true, false), (false, true):
            throw HiveTypeError("INTERVAL \(from.rawValue) TO \(upper.rawValue) mixes year-month and day-time units")
        }
    }

    // MARK: - Printing

    /// The type as `DESCRIBE` prints it: lower case, no spaces (`struct<a:int,b:array<string>>`).
    ///
    /// Intervals print as Spark prints them (`interval year to month`); Hive's own spelling is
    /// `interval_year_month`, but Hive cannot store intervals in tables, so only `typeof` shows them.
    public var description: String {
        switch self {
        case .void: return "void"
        case .boolean: return "boolean"
        case .tinyint: return "tinyint"
        case .smallint: return "smallint"
        case .int: return "int"
        case .bigint: return "bigint"
        case .float: return "float"
        case .double: return "double"
        case .decimal(let precision, let scale): return "decimal(\(precision),\(scale))"
        case .string: return "string"
        case .varchar(let length): return "varchar(\(length))"
        case .char(let length): return "char(\(length))"
        case .date: return "date"
        case .timestamp: return "timestamp"
        case .binary: return "binary"
        case .intervalYearMonth: return "interval year to month"
        case .intervalDayTime: return "interval day to second"
        case .array(let element): return "array<\(element)>"
        case .map(let key, let value): return "map<\(key),\(value)>"
        case .struct(let fields):
            return "struct<" + fields.map { "\($0.name):\($0.type)" }.joined(separator: ",") + ">"
        }
    }

    // MARK: - Categories

    /// Hive's primitive groups, which its conversion rules are written in terms of.
    public enum Group: Hashable, Sendable {
        case void, boolean, numeric, string, dateTime, binary, interval, complex
    }

    /// The group of this type (`PrimitiveGrouping` in Hive, with complex types as one more group).
    public var group: Group {
        switch self {
        case .void: return .void
        case .boolean: return .boolean
        case .tinyint, .smallint, .int, .bigint, .float, .double, .decimal: return .numeric
        case .string, .varchar, .char: return .string
        case .date, .timestamp: return .dateTime
        case .binary: return .binary
        case .intervalYearMonth, .intervalDayTime: return .interval
        case .array, .map, .struct: return .complex
        }
    }

    /// TINYINT, SMALLINT, INT, BIGINT, FLOAT, DOUBLE or DECIMAL.
    public var isNumeric: Bool { group == .numeric }
    /// TINYINT, SMALLINT, INT or BIGINT.
    public var isIntegral: Bool {
        switch self {
        case .tinyint, .smallint, .int, .bigint: return true
        case .void, .boolean, .float, .double, .decimal, .string, .varchar, .char, .date, .timestamp, .binary,
             .intervalYearMonth, .intervalDayTime, .array, .map, .struct:
            return false
        }
    }
    /// FLOAT or DOUBLE.
    public var isFloatingPoint: Bool { self == .float || self == .double }
    /// An exact number: an integral type or DECIMAL.
    public var isExactNumeric: Bool {
        if case .decimal = self { return true }
        return isIntegral
    }
    /// STRING, VARCHAR or CHAR.
    public var isStringFamily: Bool { group == .string }
    /// DATE or TIMESTAMP.
    public var isDateTime: Bool { group == .dateTime }
    /// One of the two interval types.
    public var isInterval: Bool { group == .interval }
    /// ARRAY, MAP or STRUCT.
    public var isComplex: Bool { group == .complex }
    /// Anything but ARRAY, MAP and STRUCT (VOID included).
    public var isPrimitive: Bool { !isComplex }
    /// The type of an untyped NULL.
    public var isVoid: Bool { self == .void }

    /// The element type of an array, else nil.
    public var arrayElement: HiveType? {
        if case .array(let element) = self { return element }
        return nil
    }

    /// The key and value types of a map, else nil.
    public var mapTypes: (key: HiveType, value: HiveType)? {
        if case .map(let key, let value) = self { return (key, value) }
        return nil
    }

    /// The precision and scale of a decimal, else nil.
    public var decimalParameters: (precision: Int, scale: Int)? {
        if case .decimal(let precision, let scale) = self { return (precision, scale) }
        return nil
    }
}

/// A type that breaks Hive's rules: a bad parameter, an unsupported type, incompatible operands.
public struct HiveTypeError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The message, without location; the caller adds the span.
    public var message: String

    /// Creates an error with the given message.
    public init(_ message: String) {
        self.message = message
    }

    /// The message.
    public var description: String { message }
}
