/// `CAST` between Hive types with non-ANSI Spark's rules (which hqlrun follows; Hive agrees on the common cases):
/// a value that cannot be converted becomes NULL (`nil`) instead of an error; integer narrowing wraps; a double
/// beyond an integer type's range saturates (Java's `(int) d`).
public enum HiveCast {
    // MARK: - From text

    /// `CAST(s AS BIGINT)`: whitespace trimmed, optional sign, digits, and an optional fraction that is truncated
    /// (`'12.7'` → 12). No exponent, no hex; out of range → nil. Confirmed against Spark 4.3.
    public static func toInt64(_ s: some StringProtocol) -> Int64? {
        integer(s, min: Int64.min, max: Int64.max)
    }

    /// `CAST(s AS INT)`; see `toInt64`.
    public static func toInt32(_ s: some StringProtocol) -> Int32? {
        integer(s, min: Int64(Int32.min), max: Int64(Int32.max)).map { Int32($0) }
    }

    /// `CAST(s AS SMALLINT)`; see `toInt64`.
    public static func toInt16(_ s: some StringProtocol) -> Int16? {
        integer(s, min: Int64(Int16.min), max: Int64(Int16.max)).map { Int16($0) }
    }

    /// `CAST(s AS TINYINT)`; see `toInt64` (`'128'` → nil).
    public static func toInt8(_ s: some StringProtocol) -> Int8? {
        integer(s, min: Int64(Int8.min), max: Int64(Int8.max)).map { Int8($0) }
    }

    private static func integer(_ s: some StringProtocol, min: Int64, max: Int64) -> Int64? {
        var b = Substring(s).utf8[...]
        while let f = b.first, isJavaWhitespace(f) { b = b.dropFirst() }
        while let l = b.last, isJavaWhitespace(l) { b = b.dropLast() }
        var negative = false
        if let f = b.first, f == UInt8(ascii: "-") || f == UInt8(ascii: "+") {
            negative = f == UInt8(ascii: "-")
            b = b.dropFirst()
        }
        guard !b.isEmpty else { return nil }
        // Accumulate negatively so Int64.min parses without overflow.
        var v: Int64 = 0
        var sawDigit = false
        var inFraction = false
        for c in b {
            if c == UInt8(ascii: ".") && !inFraction { inFraction = true; continue }
            guard c >= 48 && c <= 57 else { return nil }
            if inFraction { continue } // fraction digits are validated, then dropped
            sawDigit = true
            let (m, o1) = v.multipliedReportingOverflow(by: 10)
            let (n, o2) = m.subtractingReportingOverflow(Int64(c - 48))
            if o1 || o2 { return nil }
            v = n
        }
        guard sawDigit || inFraction else { return nil }
        if !negative {
            if v == Int64.min { return nil }
            v = -v
        }
        return v >= min && v <= max ? v : nil
    }

    /// `CAST(s AS DOUBLE)`: Java's `Double.parseDouble` after trimming (so `1.5d`, `1.5f`, `NaN`, `Infinity` are
    /// accepted) plus Spark's case-insensitive `inf`, `+inf`, `-inf`, `infinity`, `nan`. Confirmed against Spark 4.3.
    public static func toDouble(_ s: some StringProtocol) -> Double? {
        var b = Substring(s).utf8[...]
        while let f = b.first, isJavaWhitespace(f) { b = b.dropFirst() }
        while let l = b.last, isJavaWhitespace(l) { b = b.dropLast() }
        guard !b.isEmpty else { return nil }
        // Only digits, sign, point and exponent reach the fast parser; letters are the special words.
        var plain = true
        for c in b where !(c >= 48 && c <= 57) && c != 46 && c != 43 && c != 45 && c != 101 && c != 69 {
            plain = false
            break
        }
        let text = String(decoding: b, as: UTF8.self)
        if plain {
            // Swift accepts "1e5", ".5", "5."; Java does too. Reject what Java rejects: a lone sign or point.
            return Double(text)
        }
        switch text.lowercased() {
        case "nan", "+nan", "-nan": return .nan
        case "inf", "+inf", "infinity", "+infinity": return .infinity
        case "-inf", "-infinity": return -.infinity
        default: break
        }
        // Java's hexadecimal floating-point literals (`0x1p3` is 8.0; confirmed against Spark 4.3).
        let lower = text.lowercased()
        if lower.hasPrefix("0x") || lower.hasPrefix("-0x") || lower.hasPrefix("+0x") {
            let body = lower.last.map { "df".contains($0) } == true ? String(lower.dropLast()) : lower
            return Double(body.hasPrefix("+") ? String(body.dropFirst()) : body)
        }
        // Java's type suffixes: 1.5d, 1.5F.
        if let last = text.last, "dDfF".contains(last) {
            let body = text.dropLast()
            if body.utf8.allSatisfy({ ($0 >= 48 && $0 <= 57) || $0 == 46 || $0 == 43 || $0 == 45 || $0 == 101 || $0 == 69 }) {
                return Double(body)
            }
        }
        return nil
    }

    /// `CAST(s AS FLOAT)`: the double parsed, then rounded to a float.
    public static func toFloat(_ s: some StringProtocol) -> Float? { toDouble(s).map { Float($0) } }

    /// `CAST(s AS BOOLEAN)`: trimmed, case-insensitive `t`, `true`, `y`, `yes`, `1` and `f`, `false`, `n`, `no`,
    /// `0`; anything else nil. Confirmed against Spark 4.3.
    public static func toBoolean(_ s: some StringProtocol) -> Bool? {
        var b = Substring(s).utf8[...]
        while let f = b.first, isJavaWhitespace(f) { b = b.dropFirst() }
        while let l = b.last, isJavaWhitespace(l) { b = b.dropLast() }
        guard b.count <= 5 else { return nil }
        switch String(decoding: b, as: UTF8.self).lowercased() {
        case "t", "true", "y", "yes", "1": return true
        case "f", "false", "n", "no", "0": return false
        default: return nil
        }
    }

    /// `CAST(s AS DECIMAL(p, s))`: parsed, rounded HALF_UP to the scale; nil when it does not fit.
    public static func toDecimal(_ s: some StringProtocol, _ type: DecimalType) -> HiveDecimal? {
        HiveDecimal(parsing: s)?.enforce(type)
    }

    // MARK: - Between numbers

    /// A double narrowed to an integer type: truncated toward zero, saturating at the bounds, NaN → 0 (Java's `(long) d`).
    public static func doubleToInt64(_ d: Double) -> Int64 {
        if d.isNaN { return 0 }
        if d >= 9.223372036854775807e18 { return Int64.max }
        if d <= -9.223372036854775808e18 { return Int64.min }
        return Int64(d.rounded(.towardZero))
    }

    /// A double narrowed to INT: Java's `(int) d` (saturating).
    public static func doubleToInt32(_ d: Double) -> Int32 {
        if d.isNaN { return 0 }
        if d >= 2147483647 { return Int32.max }
        if d <= -2147483648 { return Int32.min }
        return Int32(d.rounded(.towardZero))
    }

    // MARK: - The general entry point

    /// Converts any value to `type`; `.null` when the conversion fails.
    public static func cast(_ v: HiveValue, to type: HiveType) -> HiveValue {
        if case .null = v { return .null }
        switch type {
        case .boolean:
            switch v {
            case .boolean: return v
            case .string(let s): return toBoolean(s).map(HiveValue.boolean) ?? .null
            default:
                if let d = v.doubleValue { return .boolean(d != 0) }
                return .null
            }
        case .tinyint, .smallint, .int, .bigint:
            let wide: Int64?
            switch v {
            case .string(let s): wide = toInt64(s) // range checked below per width
            case .boolean(let b): wide = b ? 1 : 0
            case .tinyint(let x): wide = Int64(x)
            case .smallint(let x): wide = Int64(x)
            case .int(let x): wide = Int64(x)
            case .bigint(let x): wide = x
            case .float(let f): wide = type == .bigint ? doubleToInt64(Double(f)) : Int64(doubleToInt32(Double(f)))
            case .double(let d): wide = type == .bigint ? doubleToInt64(d) : Int64(doubleToInt32(d))
            case .decimal(let d): wide = d.int64Wrapping
            case .timestamp(let t): wide = t.epochSeconds
            default: wide = nil
            }
            guard let w = wide else { return .null }
            if case .string = v {
                // Text out of the target's range is NULL, not wrapped.
                switch type {
                case .tinyint: return Int8(exactly: w).map(HiveValue.tinyint) ?? .null
                case .smallint: return Int16(exactly: w).map(HiveValue.smallint) ?? .null
                case .int: return Int32(exactly: w).map(HiveValue.int) ?? .null
                default: return .bigint(w)
                }
            }
            switch type {
            case .tinyint: return .tinyint(Int8(truncatingIfNeeded: w))
            case .smallint: return .smallint(Int16(truncatingIfNeeded: w))
            case .int: return .int(Int32(truncatingIfNeeded: w))
            default: return .bigint(w)
            }
        case .float:
            if case .string(let s) = v { return toFloat(s).map(HiveValue.float) ?? .null }
            return v.doubleValue.map { .float(Float($0)) } ?? .null
        case .double:
            if case .string(let s) = v { return toDouble(s).map(HiveValue.double) ?? .null }
            if case .float(let f) = v { return .double(Double(f)) } // widening keeps the float's binary value
            return v.doubleValue.map(HiveValue.double) ?? .null
        case .decimal(let t):
            switch v {
            case .string(let s): return toDecimal(s, t).map(HiveValue.decimal) ?? .null
            case .decimal(let d): return d.enforce(t).map(HiveValue.decimal) ?? .null
            case .boolean(let b): return HiveDecimal(b ? 1 : 0).enforce(t).map(HiveValue.decimal) ?? .null
            case .float(let f): return HiveDecimal(Double(f)).flatMap { $0.enforce(t) }.map(HiveValue.decimal) ?? .null
            case .double(let d): return HiveDecimal(d).flatMap { $0.enforce(t) }.map(HiveValue.decimal) ?? .null
            default:
                if let i = v.int64Value { return HiveDecimal(i).enforce(t).map(HiveValue.decimal) ?? .null }
                return .null
            }
        case .string:
            switch v {
            case .string: return v
            case .binary(let b): return .string(String(decoding: b, as: UTF8.self))
            default: return .string(v.cliText)
            }
        case .binary:
            switch v {
            case .binary: return v
            case .string(let s): return .binary(Array(s.utf8))
            default: return .null
            }
        case .date:
            switch v {
            case .date: return v
            case .timestamp(let t): return .date(t.date)
            case .string(let s): return HiveDate(parsing: s).map(HiveValue.date) ?? .null
            default: return .null
            }
        case .timestamp:
            switch v {
            case .timestamp: return v
            case .date(let d): return .timestamp(HiveTimestamp(date: d))
            case .string(let s): return HiveTimestamp(parsing: s).map(HiveValue.timestamp) ?? .null
            case .boolean, .tinyint, .smallint, .int, .bigint:
                guard let i = v.int64Value else { return .null }
                let (m, o) = i.multipliedReportingOverflow(by: 1_000_000)
                return .timestamp(HiveTimestamp(micros: o ? (i < 0 ? Int64.min : Int64.max) : m))
            case .float, .double, .decimal:
                guard let d = v.doubleValue, d.isFinite else { return .null }
                return .timestamp(HiveTimestamp(micros: doubleToInt64(d * 1_000_000)))
            default: return .null
            }
        case .array, .map, .structType:
            return .null // complex casts are resolved by the planner field by field
        }
    }
}

extension HiveValue {
    /// The value as a double for numeric contexts (numbers, booleans as 0/1 are not included); nil otherwise.
    public var doubleValue: Double? {
        switch self {
        case .tinyint(let x): return Double(x)
        case .smallint(let x): return Double(x)
        case .int(let x): return Double(x)
        case .bigint(let x): return Double(x)
        case .float(let x): return Double(x)
        case .double(let x): return x
        case .decimal(let d): return d.doubleValue
        case .timestamp(let t): return Double(t.micros) / 1_000_000
        default: return nil
        }
    }

    /// The value as an Int64 for integer types (and booleans as 0/1); nil otherwise.
    public var int64Value: Int64? {
        switch self {
        case .boolean(let b): return b ? 1 : 0
        case .tinyint(let x): return Int64(x)
        case .smallint(let x): return Int64(x)
        case .int(let x): return Int64(x)
        case .bigint(let x): return x
        default: return nil
        }
    }
}
