/// The precision and scale of DECIMAL results.
///
/// Hive 3 (`GenericUDFOPPlus`, `…Minus`, `…Multiply`, `…Divide`, `…Mod`, HIVE-15331) and Spark
/// (`DecimalPrecision` with `allowPrecisionLoss=true`, the default) use the same formulas, so there is one rule per
/// operator. When the exact result would need more than 38 digits, digits after the point are given up first but
/// at least 6 are kept (or all, if there were fewer): `adjusted`. Checked against Spark 4.3 with `typeof`.
public enum DecimalTyping {
    /// The decimal type an exact operand becomes when it meets a decimal in arithmetic or a common type.
    ///
    /// TINYINT → (3,0), SMALLINT → (5,0), INT → (10,0), BIGINT → (20,0). Hive uses (19,0) for BIGINT and Spark
    /// (20,0); the values print the same, and hqlrun follows Spark, the conformance oracle. Spark narrows an integer
    /// *literal* further (`1` → (1,0)); use `decimalType(forIntegerLiteral:)` for those. FLOAT → (14,7) and
    /// DOUBLE → (30,15) as in Spark; strings as the system default (38,18).
    public static func asDecimal(_ type: HiveType) -> HiveType {
        switch type {
        case .decimal: return type
        case .tinyint: return .decimal(precision: 3, scale: 0)
        case .smallint: return .decimal(precision: 5, scale: 0)
        case .int: return .decimal(precision: 10, scale: 0)
        case .bigint: return .decimal(precision: 20, scale: 0)
        case .float: return .decimal(precision: 14, scale: 7)
        case .double: return .decimal(precision: 30, scale: 15)
        case .void: return .decimal(precision: 1, scale: 0)
        case .boolean: return .decimal(precision: 1, scale: 0)
        case .string, .varchar, .char, .date, .timestamp, .binary, .intervalYearMonth, .intervalDayTime, .array,
             .map, .struct:
            return .decimal(precision: 38, scale: 18)
        }
    }

    /// The smallest decimal that holds an integer literal's value, as Spark types integer literals meeting a
    /// decimal (`decimal(10,2) + 1` is `decimal(11,2)` in Spark, `decimal(13,2)` in Hive).
    public static func decimalType(forIntegerLiteral value: Int64) -> HiveType {
        let digits = String(value.magnitude).count
        return .decimal(precision: max(1, digits), scale: 0)
    }

    /// Fits a wanted precision and scale into 38 digits, keeping the integral digits and at least
    /// `min(scale, 6)` fractional ones.
    public static func adjusted(precision: Int, scale: Int) -> HiveType {
        let maximum = HiveType.maxDecimalPrecision
        if precision <= maximum { return .decimal(precision: precision, scale: scale) }
        let integralDigits = precision - scale
        let minimumScale = min(scale, 6)
        let newScale = max(maximum - integralDigits, minimumScale)
        return .decimal(precision: maximum, scale: newScale)
    }

    /// Caps precision and scale separately at 38 (Spark's `DecimalType.bounded`).
    public static func bounded(precision: Int, scale: Int) -> HiveType {
        let maximum = HiveType.maxDecimalPrecision
        return .decimal(precision: min(precision, maximum), scale: min(scale, maximum))
    }

    /// The operators with a decimal rule.
    public enum Operator: String, Hashable, Sendable, CaseIterable {
        case plus = "+", minus = "-", multiply = "*", divide = "/", modulo = "%"
    }

    /// The result of `a op b` where both are decimals (convert integers with `asDecimal` first).
    ///
    /// - `+ -`: scale max(s1,s2), precision max(p1-s1, p2-s2) + scale + 1.
    /// - `*`: precision p1+p2+1, scale s1+s2.
    /// - `/`: scale max(6, s1+p2+1), precision p1-s1+s2+scale.
    /// - `%` (and `pmod`): scale max(s1,s2), precision min(p1-s1, p2-s2) + scale.
    /// Then `adjusted` for results wider than 38 digits.
    public static func result(_ op: Operator, _ a: HiveType, _ b: HiveType) -> HiveType {
        let (p1, s1) = asDecimal(a).decimalParameters ?? (38, 18)
        let (p2, s2) = asDecimal(b).decimalParameters ?? (38, 18)
        switch op {
        case .plus, .minus:
            let scale = max(s1, s2)
            return adjusted(precision: max(p1 - s1, p2 - s2) + scale + 1, scale: scale)
        case .multiply:
            return adjusted(precision: p1 + p2 + 1, scale: s1 + s2)
        case .divide:
            let scale = max(6, s1 + p2 + 1)
            return adjusted(precision: p1 - s1 + s2 + scale, scale: scale)
        case .modulo:
            let scale = max(s1, s2)
            return adjusted(precision: min(p1 - s1, p2 - s2) + scale, scale: scale)
        }
    }

    /// A decimal holding the values of both (the common type of two decimals): the larger integral part and the
    /// larger scale; past 38 digits the integral part wins and the scale shrinks.
    public static func wider(_ a: HiveType, _ b: HiveType) -> HiveType {
        let (p1, s1) = asDecimal(a).decimalParameters ?? (38, 18)
        let (p2, s2) = asDecimal(b).decimalParameters ?? (38, 18)
        let integral = max(p1 - s1, p2 - s2)
        let scale = max(s1, s2)
        let maximum = HiveType.maxDecimalPrecision
        if integral + scale <= maximum { return .decimal(precision: integral + scale, scale: scale) }
        let keptIntegral = min(integral, maximum)
        return .decimal(precision: maximum, scale: max(0, min(scale, maximum - keptIntegral)))
    }

    /// `sum` of a DECIMAL(p,s): DECIMAL(min(38, p+10), s) (Hive and Spark).
    public static func sum(_ type: HiveType) -> HiveType {
        let (p, s) = asDecimal(type).decimalParameters ?? (38, 18)
        return bounded(precision: p + 10, scale: s)
    }

    /// `avg` of a DECIMAL(p,s): DECIMAL(p+4, s+4), each capped at 38 (Hive and Spark).
    public static func average(_ type: HiveType) -> HiveType {
        let (p, s) = asDecimal(type).decimalParameters ?? (38, 18)
        return bounded(precision: p + 4, scale: s + 4)
    }

    /// `round`/`bround` of a DECIMAL(p,s) to `digits` places: one more integral digit for a carry
    /// (`round(9.9)` is 10), scale min(s, digits); negative `digits` give scale 0 (Spark's rule; Hive's agrees for
    /// non-negative digits).
    public static func round(_ type: HiveType, digits: Int) -> HiveType {
        let (p, s) = asDecimal(type).decimalParameters ?? (38, 18)
        let integral = p - s + 1
        if digits < 0 {
            return .decimal(precision: min(max(integral, -digits + 1), HiveType.maxDecimalPrecision), scale: 0)
        }
        let scale = min(s, digits)
        return .decimal(precision: min(integral + scale, HiveType.maxDecimalPrecision), scale: scale)
    }

    /// `floor`/`ceil` of a DECIMAL(p,s): DECIMAL(p-s+1, 0).
    public static func floorCeil(_ type: HiveType) -> HiveType {
        let (p, s) = asDecimal(type).decimalParameters ?? (38, 18)
        return .decimal(precision: min(p - s + 1, HiveType.maxDecimalPrecision), scale: 0)
    }
}
