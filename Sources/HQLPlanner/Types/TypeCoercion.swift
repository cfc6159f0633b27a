/// Hive's implicit conversion rules: the conversion lattice, the common type of two operands, what `CAST` and
/// `INSERT` accept.
///
/// The lattice is Hive's "Allowed Implicit Conversions" table (`FunctionRegistry.implicitConvertible`): numbers
/// widen along TINYINT → SMALLINT → INT → BIGINT → FLOAT → DOUBLE → DECIMAL, strings convert to DOUBLE and DECIMAL,
/// numbers and dates convert to strings, NULL converts to anything. Where hqlrun departs from Hive the function's
/// comment says so and why.
public enum TypeCoercion {
    /// Where a common type is wanted; the two places use different Hive rules.
    public enum Context: Hashable, Sendable {
        /// Operands of `=`, `<`, `BETWEEN`, `IN` (Hive's `getCommonClassForComparison`).
        case comparison
        /// Branches of `CASE`, `IF`, `COALESCE`, `NVL`, elements of `array(...)`, columns of `UNION ALL`
        /// (Hive's `getCommonClass`). Hive's own `getCommonClassForUnionAll` is stricter (only types of the same
        /// group meet, so INT with STRING is an error); Spark widens UNION columns like CASE branches, and hqlrun
        /// does the same rather than reject scripts Spark runs.
        case branches
    }

    // MARK: - The lattice

    /// Hive's numeric ranking; a number converts implicitly to any number of equal or higher rank.
    static func numericRank(_ type: HiveType) -> Int? {
        switch type {
        case .tinyint: return 1
        case .smallint: return 2
        case .int: return 3
        case .bigint: return 4
        case .float: return 5
        case .double: return 6
        case .decimal: return 7
        case .void, .boolean, .string, .varchar, .char, .date, .timestamp, .binary, .intervalYearMonth,
             .intervalDayTime, .array, .map, .struct:
            return nil
        }
    }

    /// Whether Hive converts a value of type `from` to `to` without a `CAST` (function arguments, operators,
    /// the common type of branches).
    ///
    /// Primitive types follow Hive's table. hqlrun adds DATE → TIMESTAMP (Spark and Hive 3 both widen a date to
    /// midnight when it meets a timestamp). Complex types convert element-wise; structs need the same number of
    /// fields.
    public static func canConvertImplicitly(from: HiveType, to: HiveType) -> Bool {
        if from == to || from == .void { return true }
        if let complex = elementWise(from, to, canConvertImplicitly) { return complex }
        switch from.group {
        case .void: return true
        case .boolean, .binary, .interval, .complex: return false
        case .string: return to.isStringFamily || to == .double || to.decimalParameters != nil
        case .numeric:
            if to.isStringFamily { return true }
            guard let f = numericRank(from), let t = numericRank(to) else { return false }
            return f <= t
        case .dateTime: return to.isStringFamily || (from == .date && to == .timestamp)
        }
    }

    /// For complex types, whether `rule` holds element by element between two of the same shape (false for
    /// different shapes or a complex type against a primitive); nil when both are primitive.
    private static func elementWise(_ from: HiveType, _ to: HiveType,
                                    _ rule: (HiveType, HiveType) -> Bool) -> Bool? {
        guard from.isComplex || to.isComplex else { return nil }
        if let a = from.arrayElement, let b = to.arrayElement { return rule(a, b) }
        if let (ak, av) = from.mapTypes, let (bk, bv) = to.mapTypes { return rule(ak, bk) && rule(av, bv) }
        if case .struct(let a) = from, case .struct(let b) = to {
            return a.count == b.count && zip(a, b).allSatisfy { rule($0.type, $1.type) }
        }
        return false
    }

    /// Whether `CAST(x AS to)` is accepted for an `x` of type `from` (a value that does not convert becomes NULL at
    /// run time; this only says whether the cast type-checks).
    ///
    /// Follows Hive: BINARY casts only to and from strings; DATE does not cast to or from numbers; complex types
    /// cast only to complex types of the same shape. Spark also lets arrays, maps and structs cast to STRING;
    /// Hive rejects that, and so does hqlrun.
    public static func canCastExplicitly(from: HiveType, to: HiveType) -> Bool {
        if from == to || from == .void { return true }
        if let complex = elementWise(from, to, canCastExplicitly) { return complex }
        if to == .void { return false }
        switch from.group {
        case .void, .string: return true
        case .boolean, .numeric:
            return to.isNumeric || to == .boolean || to.isStringFamily || to == .timestamp
        case .dateTime:
            return to.isStringFamily || to.isDateTime || (from == .timestamp && (to.isNumeric || to == .boolean))
        case .binary: return to == .binary || to.isStringFamily
        case .interval: return to == from || to.isStringFamily
        case .complex: return false
        }
    }

    /// Whether `INSERT` (and `INSERT OVERWRITE`, `CTAS` into a declared schema) stores a value of type `from` in a
    /// column of type `to`.
    ///
    /// Hive and Spark's `storeAssignmentPolicy=LEGACY`: any primitive goes into any primitive column, a value
    /// that does not convert is stored as NULL. Complex values must have the same shape, element-wise.
    public static func canAssign(from: HiveType, to: HiveType) -> Bool {
        if from == to || from == .void { return true }
        if let complex = elementWise(from, to, canAssign) { return complex }
        return to != .void
    }

    // MARK: - Common types

    /// The type both operands are converted to, or nil when Hive finds none (a type error).
    public static func commonType(for context: Context, _ a: HiveType, _ b: HiveType) -> HiveType? {
        switch context {
        case .comparison: return comparisonType(a, b)
        case .branches: return branchType(a, b)
        }
    }

    /// The common type of several branches or operands, folding left to right; nil for an empty list or when two
    /// of them have none.
    public static func commonType(for context: Context, of types: [HiveType]) -> HiveType? {
        guard var result = types.first else { return nil }
        for type in types.dropFirst() {
            guard let next = commonType(for: context, result, type) else { return nil }
            result = next
        }
        return result
    }

    /// Hive's `getCommonClassForComparison`, with two departures where Hive's answer is an accident of its
    /// fallback rather than a rule: BOOLEAN against a string compares as BOOLEAN (Hive would try DOUBLE), and
    /// FLOAT/DOUBLE against DECIMAL compares as DOUBLE (Hive converts the double to a decimal of guessed precision;
    /// Spark compares as DOUBLE; the answers agree except in the last digit).
    ///
    /// Note the big one that hqlrun keeps from Hive: a string against a number compares as DOUBLE, so
    /// `'10.5' = 10` is false. Spark casts the string to the number's type and finds it true.
    static func comparisonType(_ a: HiveType, _ b: HiveType) -> HiveType? {
        if a == b { return a }
        if a == .void { return b }
        if b == .void { return a }
        if a.isComplex || b.isComplex { return branchType(a, b) }
        if let merged = sameCategory(a, b) { return merged }
        if a.isStringFamily && b.isStringFamily { return .string }
        if a.isStringFamily && b.isDateTime { return b }
        if a.isDateTime && b.isStringFamily { return a }
        if a.isDateTime && b.isDateTime { return .timestamp }
        if (a == .boolean && b.isStringFamily) || (b == .boolean && a.isStringFamily) { return .boolean }
        if (a.isNumeric && b.isDateTime) || (a.isDateTime && b.isNumeric) {
            return (a == .timestamp || b == .timestamp) ? .double : nil
        }
        if isFloatAgainstDecimal(a, b) { return .double }
        return smallestNumericTarget(a, b)
    }

    /// Hive's `getCommonClass` (CASE, IF, COALESCE, NVL, `array(...)`, UNION ALL): a string meets a string as
    /// STRING; otherwise the type the other converts to; otherwise the smallest number both convert to.
    ///
    /// One departure: DOUBLE or FLOAT against DECIMAL gives DOUBLE, as in Spark and standard SQL; Hive's lattice
    /// would convert the double to a decimal and silently round it.
    static func branchType(_ a: HiveType, _ b: HiveType) -> HiveType? {
        if a == b { return a }
        if a == .void { return b }
        if b == .void { return a }
        if let x = a.arrayElement, let y = b.arrayElement {
            return branchType(x, y).map { .array($0) }
        }
        if let (ak, av) = a.mapTypes, let (bk, bv) = b.mapTypes {
            guard let key = branchType(ak, bk), let value = branchType(av, bv) else { return nil }
            return .map(key: key, value: value)
        }
        if case .struct(let x) = a, case .struct(let y) = b {
            // Hive's getCommonClassForStruct: the same field names (ignoring case), in the same order.
            guard x.count == y.count else { return nil }
            var fields: [HiveType.Field] = []
            for (left, right) in zip(x, y) {
                guard left.name.lowercased() == right.name.lowercased(),
                      let type = branchType(left.type, right.type) else { return nil }
                fields.append(HiveType.Field(left.name, type))
            }
            return .struct(fields)
        }
        if a.isComplex || b.isComplex { return nil }
        if let merged = sameCategory(a, b) { return merged }
        if a.isStringFamily && b.isStringFamily { return .string }
        if isFloatAgainstDecimal(a, b) { return .double }
        if canConvertImplicitly(from: a, to: b) { return retarget(b, from: a, b) }
        if canConvertImplicitly(from: b, to: a) { return retarget(a, from: a, b) }
        return smallestNumericTarget(a, b)
    }

    /// Two types of the same category with different parameters: decimals widen to hold both, VARCHAR and CHAR
    /// take the longer length.
    private static func sameCategory(_ a: HiveType, _ b: HiveType) -> HiveType? {
        if a.decimalParameters != nil, b.decimalParameters != nil { return DecimalTyping.wider(a, b) }
        if case .varchar(let x) = a, case .varchar(let y) = b { return .varchar(max(x, y)) }
        if case .char(let x) = a, case .char(let y) = b { return .char(max(x, y)) }
        return nil
    }

    /// FLOAT or DOUBLE against DECIMAL, in either order.
    private static func isFloatAgainstDecimal(_ a: HiveType, _ b: HiveType) -> Bool {
        (a.isFloatingPoint && b.decimalParameters != nil) || (b.isFloatingPoint && a.decimalParameters != nil)
    }

    /// The first of TINYINT … DOUBLE, DECIMAL that both types convert to implicitly.
    private static func smallestNumericTarget(_ a: HiveType, _ b: HiveType) -> HiveType? {
        let candidates: [HiveType] = [.tinyint, .smallint, .int, .bigint, .float, .double,
                                      .decimal(precision: 38, scale: 18)]
        for target in candidates where canConvertImplicitly(from: a, to: target)
            && canConvertImplicitly(from: b, to: target) {
            return retarget(target, from: a, b)
        }
        return nil
    }

    /// The target type with its parameters worked out from both operands (a DECIMAL target holds both).
    private static func retarget(_ target: HiveType, from a: HiveType, _ b: HiveType) -> HiveType {
        guard target.decimalParameters != nil else { return target }
        return DecimalTyping.wider(DecimalTyping.asDecimal(a), DecimalTyping.asDecimal(b))
    }
}
