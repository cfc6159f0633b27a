import HQLSyntax

/// Result types of Hive's arithmetic and bitwise operators, and the types of numeric literals.
///
/// Rules (Hive's `GenericUDFBaseNumeric` and friends; Spark agrees unless noted):
/// - A string operand of an arithmetic operator is read as DOUBLE.
/// - `+ - * %`: if either side is FLOAT, DOUBLE or a string, the result is the wider of the two approximate
///   types (FLOAT + INT is FLOAT; FLOAT + DECIMAL is DOUBLE); else if either side is DECIMAL, the
///   `DecimalTyping` rule; else the wider integral type (TINYINT + TINYINT stays TINYINT and wraps).
/// - `/`: DOUBLE, except when both sides are exact and at least one is DECIMAL: then the decimal rule.
/// - `DIV`: BIGINT for integral and decimal operands; FLOAT, DOUBLE and strings are rejected (as Spark does).
/// - `& | ^`: the wider integral type.
public enum OperatorTyping {
    /// A binary operator with a numeric result.
    public enum BinaryOperator: String, Hashable, Sendable, CaseIterable {
        case plus = "+", minus = "-", multiply = "*", divide = "/", modulo = "%", integerDivide = "DIV"
        case bitwiseAnd = "&", bitwiseOr = "|", bitwiseXor = "^"
    }

    /// The type of `a op b`, or an error naming the operator and the operand types.
    public static func resultType(of op: BinaryOperator, _ a: HiveType, _ b: HiveType) throws -> HiveType {
        if let dateTime = try dateTimeResult(op, a, b) { return dateTime }
        let left = try arithmeticOperand(a, op: op, other: b)
        let right = try arithmeticOperand(b, op: op, other: a)
        switch op {
        case .bitwiseAnd, .bitwiseOr, .bitwiseXor:
            guard left.isIntegral, right.isIntegral else { throw mismatch(op, a, b) }
            return widerIntegral(left, right)
        case .integerDivide:
            guard left.isExactNumeric, right.isExactNumeric else { throw mismatch(op, a, b) }
            return .bigint
        case .divide:
            if left.isExactNumeric, right.isExactNumeric,
               left.decimalParameters != nil || right.decimalParameters != nil {
                return DecimalTyping.result(.divide, left, right)
            }
            return .double
        case .plus, .minus, .multiply, .modulo:
            if left.isFloatingPoint || right.isFloatingPoint {
                return (left == .float && (right == .float || right.isIntegral))
                    || (right == .float && left.isIntegral) ? .float : .double
            }
            if left.decimalParameters != nil || right.decimalParameters != nil {
                let decimalOp: DecimalTyping.Operator
                switch op {
                case .plus: decimalOp = .plus
                case .minus: decimalOp = .minus
                case .multiply: decimalOp = .multiply
                case .modulo, .divide, .integerDivide, .bitwiseAnd, .bitwiseOr, .bitwiseXor: decimalOp = .modulo
                }
                return DecimalTyping.result(decimalOp, left, right)
            }
            return widerIntegral(left, right)
        }
    }

    /// The type of unary `-x`, `+x` (the operand's numeric type; strings become DOUBLE) and `~x` (integral only).
    public static func unaryResultType(negating type: HiveType, bitwise: Bool = false) throws -> HiveType {
        if type.isInterval { return type }
        let operand = try arithmeticOperand(type, op: bitwise ? .bitwiseAnd : .minus, other: type)
        if bitwise && !operand.isIntegral {
            throw HiveTypeError("operator '~' cannot be applied to \(type)")
        }
        return operand
    }

    /// The operand as arithmetic sees it: strings as DOUBLE, NULL as the other side's numeric type (or DOUBLE).
    private static func arithmeticOperand(_ type: HiveType, op: BinaryOperator, other: HiveType) throws -> HiveType {
        switch type.group {
        case .numeric: return type
        case .string: return .double
        case .void:
            // NULL takes the other side's type; NULL + NULL is DOUBLE, as Spark types it.
            return other.isNumeric ? other : .double
        case .boolean, .dateTime, .binary, .interval, .complex:
            throw HiveTypeError("operator '\(op.rawValue)' cannot be applied to \(type)")
        }
    }

    private static func widerIntegral(_ a: HiveType, _ b: HiveType) -> HiveType {
        (TypeCoercion.numericRank(a) ?? 0) >= (TypeCoercion.numericRank(b) ?? 0) ? a : b
    }

    private static func mismatch(_ op: BinaryOperator, _ a: HiveType, _ b: HiveType) -> HiveTypeError {
        HiveTypeError("operator '\(op.rawValue)' cannot be applied to \(a) and \(b)")
    }

    /// Date, timestamp and interval arithmetic; nil when neither side is one of those.
    ///
    /// DATE ± INT is DATE (Spark's `date_add`; Hive rejects it). DATE − DATE and TIMESTAMP − TIMESTAMP are a
    /// day-time interval. DATE ± a day-time interval is a TIMESTAMP (Hive's rule; Spark keeps DATE when the interval
    /// holds whole days only).
    private static func dateTimeResult(_ op: BinaryOperator, _ a: HiveType, _ b: HiveType) throws -> HiveType? {
        guard a.isDateTime || b.isDateTime || a.isInterval || b.isInterval else { return nil }
        let additive = op == .plus || op == .minus
        if op == .minus, a.isDateTime, b.isDateTime { return .intervalDayTime }
        if additive, a.isDateTime || (op == .plus && b.isDateTime) {
            let (moment, offset) = a.isDateTime ? (a, b) : (b, a)
            if moment == .date, offset == .intervalDayTime { return .timestamp }
            if moment == .date, offset.isIntegral || offset == .void || offset == .intervalYearMonth { return .date }
            if moment == .timestamp, offset.isInterval || offset == .void { return .timestamp }
        }
        if additive, a.isInterval, a == b { return a }
        if op == .multiply, a.isInterval, b.isNumeric { return a }
        if op == .multiply, b.isInterval, a.isNumeric { return b }
        if op == .divide, a.isInterval, b.isNumeric { return a }
        throw mismatch(op, a, b)
    }

    // MARK: - Literals

    /// Which engine's typing of unsuffixed literals with a decimal point (`2.5`).
    public enum LiteralDialect: Hashable, Sendable {
        /// DECIMAL with the literal's own precision and scale (`2.5` is `decimal(2,1)`): Spark, and hqlrun's
        /// default, so `0.1 + 0.2` prints `0.3` as the conformance oracle does.
        case spark
        /// DOUBLE (`2.5` is `double`): Hive, where `0.1 + 0.2` prints `0.30000000000000004`.
        case hive
    }

    /// The type of a numeric literal as written (digits without the suffix) and its suffix.
    ///
    /// No suffix: INT if the value fits, else BIGINT, else DECIMAL (up to 38 digits), else DOUBLE; with a point
    /// see `LiteralDialect`; with an exponent, DOUBLE. `Y S L` must fit their type (Hive rejects `128Y`);
    /// `BD` is DECIMAL of the literal's own digits; `D` DOUBLE, `F` FLOAT.
    public static func literalType(text: String, suffix: NumericSuffix?,
                                   dialect: LiteralDialect = .spark) throws -> HiveType {
        switch suffix {
        case .tinyint: return try integral(text, .tinyint, range: Int64(Int8.min)...Int64(Int8.max))
        case .smallint: return try integral(text, .smallint, range: Int64(Int16.min)...Int64(Int16.max))
        case .bigint: return try integral(text, .bigint, range: Int64.min...Int64.max)
        case .double: return .double
        case .float: return .float
        case .decimal:
            guard let type = exactDecimal(text) else {
                throw HiveTypeError("decimal literal \(text)BD has more than 38 digits")
            }
            return type
        case nil:
            let lower = text.lowercased()
            if lower.contains("e") { return .double }
            if lower.contains(".") {
                switch dialect {
                case .hive: return .double
                case .spark: return exactDecimal(text) ?? .double
                }
            }
            if let value = Int64(text) {
                return Int32(exactly: value) != nil ? .int : .bigint
            }
            return exactDecimal(text) ?? .double
        }
    }

    private static func integral(_ text: String, _ type: HiveType, range: ClosedRange<Int64>) throws -> HiveType {
        guard !text.contains("."), let value = Int64(text), range.contains(value) else {
            throw HiveTypeError("literal \(text) is out of range for \(type)")
        }
        return type
    }

    /// DECIMAL(p,s) of a plain number: s digits after the point, p significant digits (at least s, at least 1).
    static func exactDecimal(_ text: String) -> HiveType? {
        var body = Substring(text)
        if body.first == "-" || body.first == "+" { body = body.dropFirst() }
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, parts.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }) else { return nil }
        let integral = parts[0]
        let fraction = parts.count == 2 ? parts[1] : ""
        let scale = fraction.count
        let digits = (integral + fraction).drop { $0 == "0" }
        let precision = max(digits.count, scale, 1)
        guard precision <= HiveType.maxDecimalPrecision else { return nil }
        return .decimal(precision: precision, scale: scale)
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
