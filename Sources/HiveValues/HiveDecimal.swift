/// An exact decimal number of at most 38 digits, as Hive's and Spark's `DECIMAL(p, s)` hold it.
///
/// The value is `unscaled × 10^-scale`. The scale is kept as given (Spark keeps it: `CAST(1.5 AS DECIMAL(10,2))`
/// prints `1.50`); the precision belongs to the column type (`DecimalType`), not to the value. Every operation that
/// can exceed 38 digits returns `nil`, which the runtime maps to SQL NULL as Hive and non-ANSI Spark do.
/// Rounding is HALF_UP (away from zero on a tie), the mode of `java.math.RoundingMode.HALF_UP` that both use.
public struct HiveDecimal: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The largest precision Hive and Spark allow.
    public static let maxPrecision = 38

    /// The digits of the value as an integer.
    public let unscaled: Int128
    /// How many of the digits are after the decimal point (0...38).
    public let scale: Int

    /// Creates a value from its unscaled integer and scale; `nil` when it has more than 38 digits or a bad scale.
    public init?(unscaled: Int128, scale: Int) {
        guard scale >= 0, scale <= HiveDecimal.maxPrecision, unscaled.magnitude < Pow10.limit else { return nil }
        self.unscaled = unscaled
        self.scale = scale
    }

    /// Internal initialiser for values already known to be in range.
    init(checked unscaled: Int128, scale: Int) {
        self.unscaled = unscaled
        self.scale = scale
    }

    /// Creates an integral decimal (scale 0).
    public init(_ value: Int64) {
        self.init(checked: Int128(value), scale: 0)
    }

    /// Zero at scale 0.
    public static let zero = HiveDecimal(checked: 0, scale: 0)

    /// The sign of the value: -1, 0 or 1.
    public var signum: Int { unscaled == 0 ? 0 : (unscaled < 0 ? -1 : 1) }

    /// The number of significant digits of the unscaled value (1 for zero).
    public var digitCount: Int { Pow10.digitCount(unscaled.magnitude) }

    /// The smallest precision whose type can hold this value at its own scale (what `DECIMAL(p, s)` needs).
    public var precision: Int { max(digitCount, scale) }

    // MARK: - Text

    /// The plain text form at the value's scale, never with an exponent (`java.math.BigDecimal.toPlainString`),
    /// which is how the spark-sql CLI prints a DECIMAL: `1.50`, `-0.05`, `12`.
    public var description: String {
        let digits = String(unscaled.magnitude)
        var out = unscaled < 0 ? "-" : ""
        if scale == 0 {
            out += digits
        } else if digits.utf8.count > scale {
            let cut = digits.index(digits.endIndex, offsetBy: -scale)
            out += digits[..<cut]
            out += "."
            out += digits[cut...]
        } else {
            out += "0."
            out += String(repeating: "0", count: scale - digits.utf8.count)
            out += digits
        }
        return out
    }

    /// Parses decimal text the way `CAST(string AS DECIMAL)` reads it: surrounding whitespace is ignored, an
    /// optional sign, digits with at most one point, an optional exponent (`1e3`, `2.5E-2`). More than 38
    /// significant digits are rounded HALF_UP away (fewer fraction digits), as `BigDecimal` + `changePrecision`
    /// does; `nil` for anything else (the NULL of a failed cast).
    public init?(parsing text: some StringProtocol) {
        var bytes = Substring(text).utf8[...]
        while let f = bytes.first, isJavaWhitespace(f) { bytes = bytes.dropFirst() }
        while let l = bytes.last, isJavaWhitespace(l) { bytes = bytes.dropLast() }
        var negative = false
        if let f = bytes.first, f == UInt8(ascii: "-") || f == UInt8(ascii: "+") {
            negative = f == UInt8(ascii: "-")
            bytes = bytes.dropFirst()
        }
        var magnitude: UInt128 = 0
        var significant = 0       // digits accumulated into `magnitude`
        var extra = 0             // significant digits beyond 38, dropped (each shifts the scale down by one)
        var fractionDigits = 0    // all digits seen after the point
        var roundUp = false       // the first dropped digit was >= 5 (HALF_UP)
        var sawDigit = false, sawPoint = false
        var exponent = 0
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let c = bytes[index]
            if c >= 48 && c <= 57 {
                sawDigit = true
                let d = c - 48
                if sawPoint { fractionDigits += 1 }
                if significant == 0 && d == 0 {
                    // leading zero: no significant digit yet
                } else if significant < HiveDecimal.maxPrecision {
                    magnitude = magnitude * 10 + UInt128(d)
                    significant += 1
                } else {
                    if extra == 0 { roundUp = d >= 5 }
                    extra += 1
                }
            } else if c == UInt8(ascii: ".") && !sawPoint {
                sawPoint = true
            } else if (c == UInt8(ascii: "e") || c == UInt8(ascii: "E")) && sawDigit {
                let rest = bytes[bytes.index(after: index)...]
                guard let e = parseSmallInt(rest) else { return nil }
                exponent = e
                break
            } else {
                return nil
            }
            index = bytes.index(after: index)
        }
        guard sawDigit else { return nil }
        if roundUp {
            magnitude += 1
            if magnitude == Pow10.limit { magnitude /= 10; extra += 1 }
        }
        var scale = fractionDigits - extra - exponent
        if scale < 0 {
            // A negative scale means trailing zeros of an integer: multiply them in.
            guard -scale <= HiveDecimal.maxPrecision, let m = Pow10.times(magnitude, power: -scale) else { return nil }
            magnitude = m
            scale = 0
        }
        if scale > HiveDecimal.maxPrecision {
            guard let r = Pow10.roundDown(magnitude, by: scale - HiveDecimal.maxPrecision) else { return nil }
            magnitude = r
            scale = HiveDecimal.maxPrecision
        }
        guard magnitude < Pow10.limit else { return nil }
        self.init(checked: negative ? -Int128(magnitude) : Int128(magnitude), scale: scale)
    }

    // MARK: - Scale and precision

    /// The value at another scale, rounded with `rounding` when digits are dropped; `nil` when it no longer fits
    /// in 38 digits.
    public func setScale(_ newScale: Int, rounding: DecimalRounding = .halfUp) -> HiveDecimal? {
        guard newScale >= 0, newScale <= HiveDecimal.maxPrecision else { return nil }
        if newScale == scale { return self }
        let mag = unscaled.magnitude
        let result: UInt128
        if newScale > scale {
            guard let m = Pow10.times(mag, power: newScale - scale) else { return nil }
            result = m
        } else {
            let drop = scale - newScale
            guard let r = Pow10.divide(mag, by: drop, rounding: rounding, negative: unscaled < 0) else { return nil }
            result = r
        }
        guard result < Pow10.limit else { return nil }
        return HiveDecimal(checked: unscaled < 0 ? -Int128(result) : Int128(result), scale: newScale)
    }

    /// The value as `DECIMAL(precision, scale)` would hold it (rounded HALF_UP to the scale), or `nil` when it
    /// needs more integer digits than the type has: the rule of `CAST(x AS DECIMAL(p, s))`.
    public func enforce(_ type: DecimalType) -> HiveDecimal? {
        // DECIMAL(p, s) holds p - s integer digits: at scale s that is at most p unscaled digits.
        guard let r = setScale(type.scale), r.digitCount <= type.precision else { return nil }
        return r
    }

    // MARK: - Conversions

    /// The value as a `Double`, correctly rounded (as `BigDecimal.doubleValue`).
    public var doubleValue: Double {
        let mag = unscaled.magnitude
        if mag < (1 << 53) && scale <= 22 {
            // Both operands are exact doubles, so one IEEE division is correctly rounded.
            let d = Double(UInt64(mag)) / Pow10.doubles[scale]
            return unscaled < 0 ? -d : d
        }
        return Double(description) ?? .nan
    }

    /// The integral part (truncated toward zero) as `Int64`, or `nil` when it does not fit.
    public var int64Value: Int64? {
        let whole = scale == 0 ? unscaled : unscaled / Int128(Pow10.table[scale])
        return Int64(exactly: whole)
    }

    /// The integral part with Java's narrowing: truncated toward zero, then the low 64 bits
    /// (`BigDecimal.longValue`), which is what non-ANSI Spark does for `CAST(dec AS BIGINT)`.
    public var int64Wrapping: Int64 {
        let whole = scale == 0 ? unscaled : unscaled / Int128(Pow10.table[scale])
        return Int64(truncatingIfNeeded: whole)
    }

    /// Converts a `Double` through its shortest decimal text (as Scala's `BigDecimal(double)`, which Spark uses),
    /// so `0.1` becomes exactly `0.1`; `nil` for NaN, infinities and magnitudes beyond 38 digits.
    public init?(_ value: Double) {
        guard value.isFinite else { return nil }
        let d = ShortestDigits(value)
        // digits × 10^(exponent - digits + 1)
        let shift = d.exponent - (d.digits.count - 1)
        var mag: UInt128 = 0
        for c in d.digits { mag = mag * 10 + UInt128(c - 48) }
        var scale = -shift
        if scale < 0 {
            guard let m = Pow10.times(mag, power: -scale) else { return nil }
            mag = m
            scale = 0
        } else if scale > HiveDecimal.maxPrecision {
            guard let r = Pow10.roundDown(mag, by: scale - HiveDecimal.maxPrecision) else { return nil }
            mag = r
            scale = HiveDecimal.maxPrecision
        }
        guard mag < Pow10.limit else { return nil }
        self.init(checked: value.sign == .minus ? -Int128(mag) : Int128(mag), scale: scale)
    }

    // MARK: - Comparison

    /// Numeric comparison, ignoring scale (`1.50 == 1.5`).
    public static func == (a: HiveDecimal, b: HiveDecimal) -> Bool { compare(a, b) == 0 }

    /// Numeric ordering.
    public static func < (a: HiveDecimal, b: HiveDecimal) -> Bool { compare(a, b) < 0 }

    /// Hashes the numeric value, so equal values at different scales hash alike.
    public func hash(into hasher: inout Hasher) {
        var u = unscaled, s = scale
        while s > 0 && u % 10 == 0 { u /= 10; s -= 1 }
        hasher.combine(u)
        hasher.combine(s)
    }

    /// -1, 0 or 1 as `a` is less than, equal to or greater than `b`.
    public static func compare(_ a: HiveDecimal, _ b: HiveDecimal) -> Int {
        if a.scale == b.scale { return a.unscaled < b.unscaled ? -1 : (a.unscaled == b.unscaled ? 0 : 1) }
        if a.signum != b.signum { return a.signum < b.signum ? -1 : 1 }
        if a.signum == 0 { return 0 }
        // Same sign: compare magnitudes at a common scale in 256 bits, then flip for negatives.
        let (x, y) = a.scale < b.scale
            ? (Wide.scaled(a.unscaled.magnitude, by: b.scale - a.scale), Wide(high: 0, low: b.unscaled.magnitude))
            : (Wide(high: 0, low: a.unscaled.magnitude), Wide.scaled(b.unscaled.magnitude, by: a.scale - b.scale))
        let c = x < y ? -1 : (x == y ? 0 : 1)
        return a.signum < 0 ? -c : c
    }
}

/// How digits are dropped when a decimal's scale shrinks.
public enum DecimalRounding: Sendable {
    /// Round half away from zero (`RoundingMode.HALF_UP`): casts, arithmetic, `round`.
    case halfUp
    /// Round half to even (`RoundingMode.HALF_EVEN`): `bround`.
    case halfEven
    /// Truncate toward zero (`RoundingMode.DOWN`).
    case down
    /// Toward negative infinity (`floor`).
    case floor
    /// Toward positive infinity (`ceil`).
    case ceiling
}

/// The `DECIMAL(precision, scale)` column type, with Spark's result-type rules for arithmetic.
public struct DecimalType: Sendable, Hashable, CustomStringConvertible {
    /// Total digits (1...38).
    public let precision: Int
    /// Digits after the point (0...precision).
    public let scale: Int

    /// Creates a type; precision is clamped to 1...38 and scale to 0...precision.
    public init(precision: Int, scale: Int) {
        let p = min(max(precision, 1), HiveDecimal.maxPrecision)
        self.precision = p
        self.scale = min(max(scale, 0), p)
    }

    /// `DECIMAL(10,0)`, Hive's and Spark's default for a bare `DECIMAL`.
    public static let systemDefault = DecimalType(precision: 10, scale: 0)

    /// `decimal(p,s)` as Spark names the type.
    public var description: String { "decimal(\(precision),\(scale))" }

    /// Spark's `adjustPrecisionScale` (with `allowPrecisionLoss`): a result wider than 38 digits keeps its
    /// integer digits and gives up fraction digits, keeping at least min(scale, 6) of them.
    static func bounded(_ precision: Int, _ scale: Int) -> DecimalType {
        if precision <= HiveDecimal.maxPrecision { return DecimalType(precision: precision, scale: scale) }
        let intDigits = precision - scale
        let minScale = min(scale, 6)
        let adjusted = max(HiveDecimal.maxPrecision - intDigits, minScale)
        return DecimalType(precision: HiveDecimal.maxPrecision, scale: adjusted)
    }

    /// Result type of `a + b` and `a - b`.
    public static func sum(_ a: DecimalType, _ b: DecimalType) -> DecimalType {
        let s = max(a.scale, b.scale)
        return bounded(max(a.precision - a.scale, b.precision - b.scale) + s + 1, s)
    }

    /// Result type of `a * b`.
    public static func product(_ a: DecimalType, _ b: DecimalType) -> DecimalType {
        bounded(a.precision + b.precision + 1, a.scale + b.scale)
    }

    /// Result type of `a / b`.
    public static func quotient(_ a: DecimalType, _ b: DecimalType) -> DecimalType {
        let s = max(6, a.scale + b.precision + 1)
        return bounded(a.precision - a.scale + b.scale + s, s)
    }

    /// Result type of `a % b` (and `pmod`).
    public static func remainder(_ a: DecimalType, _ b: DecimalType) -> DecimalType {
        let s = max(a.scale, b.scale)
        return bounded(min(a.precision - a.scale, b.precision - b.scale) + s, s)
    }

    /// The type Spark gives an integer type when it meets a decimal: TINYINT 3, SMALLINT 5, INT 10, BIGINT 20 digits.
    public static func forIntegral(digits: Int) -> DecimalType { DecimalType(precision: digits, scale: 0) }
}

/// Whitespace as Java's `String.trim` sees it (every char <= U+0020), which Spark's casts strip.
@inline(__always)
func isJavaWhitespace(_ c: UInt8) -> Bool { c <= 32 }

/// Parses a small signed decimal integer (an exponent); nil on junk or absurd size.
func parseSmallInt(_ bytes: Substring.UTF8View.SubSequence) -> Int? {
    var b = bytes
    var neg = false
    if let f = b.first, f == UInt8(ascii: "-") || f == UInt8(ascii: "+") { neg = f == UInt8(ascii: "-"); b = b.dropFirst() }
    guard !b.isEmpty else { return nil }
    var v = 0
    for c in b {
        guard c >= 48 && c <= 57 else { return nil }
        v = v * 10 + Int(c - 48)
        if v > 100_000 { return nil }
    }
    return neg ? -v : v
}
