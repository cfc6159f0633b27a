/// Bodies of Hive's arithmetic and math functions (expectations confirmed against Spark 4.3 unless noted).
///
/// Integer arithmetic wraps at the column's width as Java does (`2147483647 + 1` is -2147483648): callers use
/// Swift's `&+ &- &*` at `Int32` or `Int64`; the functions here cover what needs more than an operator.
/// Division or modulo by zero is NULL (`nil`), also for doubles (`1.0 / 0` is NULL, not Infinity).
public enum MathFunctions {
    // MARK: - Division and modulo

    /// `a / b` on doubles (Hive's `/` always divides as DOUBLE or DECIMAL): nil when `b` is 0.
    public static func divide(_ a: Double, _ b: Double) -> Double? { b == 0 ? nil : a / b }

    /// `a DIV b`: integer division truncating toward zero; nil when `b` is 0; `Int64.min DIV -1` wraps.
    public static func div(_ a: Int64, _ b: Int64) -> Int64? {
        if b == 0 { return nil }
        if b == -1 { return 0 &- a }
        return a / b
    }

    /// `a % b` on integers: sign of `a` (Java); nil when `b` is 0.
    public static func remainder(_ a: Int64, _ b: Int64) -> Int64? {
        if b == 0 { return nil }
        if b == -1 { return 0 }
        return a % b
    }

    /// `a % b` on doubles (Java's `%`, i.e. `fmod`); nil when `b` is 0.
    public static func remainder(_ a: Double, _ b: Double) -> Double? {
        b == 0 ? nil : a.truncatingRemainder(dividingBy: b)
    }

    /// `pmod(a, b)` as Spark computes it: `r = a % b; r < 0 ? (r + b) % b : r` — so `pmod(7, -3)` is 1 and
    /// `pmod(-7, -3)` is -1. nil when `b` is 0.
    public static func pmod(_ a: Int64, _ b: Int64) -> Int64? {
        guard let r = remainder(a, b) else { return nil }
        return r < 0 ? remainder(r &+ b, b) : r
    }

    /// `pmod` on doubles.
    public static func pmod(_ a: Double, _ b: Double) -> Double? {
        guard let r = remainder(a, b) else { return nil }
        return r < 0 ? (r + b).truncatingRemainder(dividingBy: b) : r
    }

    // MARK: - Rounding

    /// `round(x, d)` on a DOUBLE: HALF_UP on the value's decimal digits (`round(2.5)` = 3.0, `round(-2.5)` = -3.0,
    /// `round(1.005, 2)` = 1.01 because Java rounds `Double.toString`'s digits); `d` may be negative.
    public static func round(_ x: Double, _ d: Int = 0) -> Double { roundDouble(x, d, .halfUp) }

    /// `bround(x, d)` on a DOUBLE: HALF_EVEN (`bround(2.5)` = 2.0, `bround(3.5)` = 4.0).
    public static func bround(_ x: Double, _ d: Int = 0) -> Double { roundDouble(x, d, .halfEven) }

    private static func roundDouble(_ x: Double, _ d: Int, _ mode: DecimalRounding) -> Double {
        guard x.isFinite, x != 0 else { return x }
        var digits = DecimalDigits(x)
        if d >= 0 {
            let (i, f) = digits.rounded(fractionDigits: d, mode: mode)
            let text = String(decoding: i, as: UTF8.self) + "." + String(decoding: f, as: UTF8.self) + "0"
            let v = Double(text) ?? x
            return digits.negative && v != 0 ? -v : v // Spark prints round(-1e-20, 2) as 0.0, not -0.0
        }
        digits.pointIndex += d // divide by 10^-d, round to an integer, multiply back
        let (i, _) = digits.rounded(fractionDigits: 0, mode: mode)
        let text = String(decoding: i, as: UTF8.self) + String(repeating: "0", count: -d)
        let v = Double(text) ?? x
        return digits.negative && v != 0 ? -v : v
    }

    /// `round(x, d)` on an integer: HALF_UP at a negative `d` (`round(12345, -2)` = 12300), wrapping on overflow.
    public static func round(_ x: Int64, _ d: Int, mode: DecimalRounding = .halfUp) -> Int64? {
        guard d < 0 else { return x }
        guard -d <= 18 else { return 0 }
        // x / 10^-d as an exact decimal, rounded to an integer, then scaled back.
        guard let q = HiveDecimal(checked: Int128(x), scale: -d).setScale(0, rounding: mode)?.int64Value else { return nil }
        // Spark narrows the rounded BigDecimal with longValue, so the result wraps (confirmed:
        // round(9223372036854775807, -1) is -9223372036854775806).
        return q &* Int64(Pow10.table[-d])
    }

    /// `round(x, d)` on a DECIMAL: HALF_UP to scale max(d, 0) (`round(2.5)` = 3, `round(123.456, -1)` = 120).
    public static func round(_ x: HiveDecimal, _ d: Int, mode: DecimalRounding = .halfUp) -> HiveDecimal? {
        if d >= 0 { return x.scale <= d ? x : x.setScale(d, rounding: mode) }
        guard -d <= 38 else { return nil }
        // Round at 10^-d: move the point left by -d, round to an integer, then move it back.
        let shiftedScale = x.scale - d
        guard shiftedScale <= HiveDecimal.maxPrecision else { return HiveDecimal.zero }
        let shifted = HiveDecimal(checked: x.unscaled, scale: shiftedScale)
        guard let r = shifted.setScale(0, rounding: mode), let up = Pow10.times(r.unscaled.magnitude, power: -d),
              up < Pow10.limit else { return nil }
        return HiveDecimal(checked: r.unscaled < 0 ? -Int128(up) : Int128(up), scale: 0)
    }

    /// `ceil(x)` of a DOUBLE as BIGINT (Java's `(long) Math.ceil(x)`, saturating).
    public static func ceil(_ x: Double) -> Int64 { HiveCast.doubleToInt64(x.rounded(.up)) }

    /// `floor(x)` of a DOUBLE as BIGINT.
    public static func floor(_ x: Double) -> Int64 { HiveCast.doubleToInt64(x.rounded(.down)) }

    /// `ceil` of a DECIMAL (scale 0).
    public static func ceil(_ x: HiveDecimal) -> HiveDecimal? { x.setScale(0, rounding: .ceiling) }

    /// `floor` of a DECIMAL (scale 0).
    public static func floor(_ x: HiveDecimal) -> HiveDecimal? { x.setScale(0, rounding: .floor) }

    // MARK: - Logarithms and powers

    /// `ln(x)`: nil for x <= 0 (Spark and Hive both give NULL).
    public static func ln(_ x: Double) -> Double? { x > 0 ? logE(x) : nil }

    /// `log10(x)`: nil for x <= 0.
    public static func log10(_ x: Double) -> Double? { x > 0 ? log10D(x) : nil }

    /// `log2(x)`: nil for x <= 0.
    public static func log2(_ x: Double) -> Double? { x > 0 ? log2D(x) : nil }

    /// `log(base, x)`: `ln(x) / ln(base)`; nil when either is <= 0 (`log(0, 1)` is NULL).
    public static func log(_ base: Double, _ x: Double) -> Double? {
        guard base > 0, x > 0 else { return nil }
        return logE(x) / logE(base)
    }

    /// `sqrt(x)` with **Hive's** rule: nil (NULL) for a negative x. Spark returns NaN instead — see `sqrtSpark`;
    /// hqlrun's catalog picks one (the brief chose Hive's).
    public static func sqrt(_ x: Double) -> Double? { x < 0 ? nil : x.squareRoot() }

    /// `sqrt(x)` as Spark computes it: NaN for a negative x (confirmed against Spark 4.3).
    public static func sqrtSpark(_ x: Double) -> Double { x.squareRoot() }

    /// `cbrt(x)`.
    public static func cbrt(_ x: Double) -> Double {
        if x == 0 || !x.isFinite { return x }
        var r = powD(x.magnitude, 1.0 / 3.0)
        // One Newton step makes exact cubes exact (cbrt(27) = 3.0).
        r = r - (r * r * r - x.magnitude) / (3 * r * r)
        return x < 0 ? -r : r
    }

    /// `pow(x, y)` / `power`.
    public static func pow(_ x: Double, _ y: Double) -> Double { powD(x, y) }

    /// `exp(x)`.
    public static func exp(_ x: Double) -> Double { expD(x) }

    /// `factorial(n)`: defined for 0...20, else nil.
    public static func factorial(_ n: Int) -> Int64? {
        guard (0...20).contains(n) else { return nil }
        return (1...max(n, 1)).reduce(Int64(1)) { $0 * Int64($1) }
    }

    /// `abs` on INT, wrapping at the minimum (`abs(-2147483648)` is -2147483648).
    public static func abs(_ x: Int32) -> Int32 { x < 0 ? 0 &- x : x }

    /// `abs` on BIGINT, wrapping at the minimum.
    public static func abs(_ x: Int64) -> Int64 { x < 0 ? 0 &- x : x }

    /// `signum(x)` / `sign(x)` as a DOUBLE.
    public static func signum(_ x: Double) -> Double { x.isNaN ? x : (x > 0 ? 1 : (x < 0 ? -1 : 0)) }

    /// `degrees(x)`.
    public static func degrees(_ x: Double) -> Double { x * 180 / Double.pi }

    /// `radians(x)`.
    public static func radians(_ x: Double) -> Double { x * Double.pi / 180 }

    /// `shiftleft(a, n)` on BIGINT: the count taken mod 64, as Java does.
    public static func shiftLeft(_ a: Int64, _ n: Int) -> Int64 { a << Int64(n & 63) }

    /// `shiftright(a, n)`: arithmetic shift, count mod 64.
    public static func shiftRight(_ a: Int64, _ n: Int) -> Int64 { a >> Int64(n & 63) }

    /// `shiftrightunsigned(a, n)`: logical shift, count mod 64.
    public static func shiftRightUnsigned(_ a: Int64, _ n: Int) -> Int64 {
        Int64(bitPattern: UInt64(bitPattern: a) >> UInt64(n & 63))
    }

    /// `e()`.
    public static let e = 2.718281828459045
    /// `pi()`.
    public static let pi = Double.pi
}
