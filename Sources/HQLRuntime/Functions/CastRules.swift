import HiveValues

/// Casts from text into the SQLite encodings of docs/engine-design.md §2. The parsing itself is HiveValues'
/// `HiveCast` (Spark's non-ANSI rules, confirmed against Spark); what is here is specific to how hqlrun stores
/// DECIMAL: as an unscaled 64-bit integer at the column's scale.
enum CastRules {
    /// Text as an integer of `bits` bits (`'12.7'` is 12); nil when it does not parse or does not fit.
    static func integer(_ text: String, bits: Int) -> Int64? {
        switch bits {
        case 8: return HiveCast.toInt8(text).map(Int64.init)
        case 16: return HiveCast.toInt16(text).map(Int64.init)
        case 32: return HiveCast.toInt32(text).map(Int64.init)
        default: return HiveCast.toInt64(text)
        }
    }

    /// Text as DECIMAL(precision, scale), rounded half up, as its unscaled value; nil when it does not parse or
    /// does not fit (in the precision, or in 64 bits).
    static func decimal(_ text: String, precision: Int, scale: Int) -> Int64? {
        guard let value = HiveCast.toDecimal(text, DecimalType(precision: precision, scale: scale)),
              let scaled = value.setScale(scale) else { return nil }
        return Int64(exactly: scaled.unscaled)
    }

    /// Whether an unscaled value has at most `precision` digits.
    static func fits(_ value: Int64, precision: Int) -> Bool {
        guard precision < 19 else { return true }
        var limit: Int64 = 1
        for _ in 0..<precision { limit *= 10 }
        return value.magnitude < limit.magnitude
    }

    /// Drops `digits` decimal digits, rounding half away from zero (Hive's HALF_UP).
    static func roundHalfUp(_ value: Int64, droppingDigits digits: Int) -> Int64 {
        guard digits > 0 else { return value }
        guard digits < 19 else { return 0 }
        var factor: Int64 = 1
        for _ in 0..<digits { factor *= 10 }
        let quotient = value / factor
        let remainder = (value % factor).magnitude
        return remainder * 2 >= factor.magnitude ? (value < 0 ? quotient - 1 : quotient + 1) : quotient
    }
}
