// Decimal arithmetic: each operation computes the exact result (in up to 256 bits), then rounds it HALF_UP to the
// result type's scale and checks the precision, as Spark's Decimal does through java.math.BigDecimal.

extension HiveDecimal {
    /// `a + b` held as `type` (see `DecimalType.sum`); `nil` on overflow.
    public static func add(_ a: HiveDecimal, _ b: HiveDecimal, as type: DecimalType) -> HiveDecimal? {
        let s = max(a.scale, b.scale)
        // Values have at most 38 digits and the scales differ by at most 38, so the aligned sum fits in 256 bits;
        // a 128-bit fast path covers the usual case.
        if let x = aligned(a, to: s), let y = aligned(b, to: s) {
            let (sum, o) = x.addingReportingOverflow(y)
            if !o { return finish(negative: sum < 0, magnitude: Wide(high: 0, low: sum.magnitude), scale: s, as: type) }
        }
        return addWide(a, b, scale: s, as: type)
    }

    /// `a - b` held as `type`; `nil` on overflow.
    public static func subtract(_ a: HiveDecimal, _ b: HiveDecimal, as type: DecimalType) -> HiveDecimal? {
        add(a, HiveDecimal(checked: -b.unscaled, scale: b.scale), as: type)
    }

    /// `a * b` held as `type` (see `DecimalType.product`); `nil` on overflow.
    public static func multiply(_ a: HiveDecimal, _ b: HiveDecimal, as type: DecimalType) -> HiveDecimal? {
        let p = a.unscaled.magnitude.multipliedFullWidth(by: b.unscaled.magnitude)
        let negative = (a.unscaled < 0) != (b.unscaled < 0)
        return finish(negative: negative, magnitude: Wide(high: p.high, low: p.low), scale: a.scale + b.scale, as: type)
    }

    /// `a / b` held as `type` (see `DecimalType.quotient`); `nil` when `b` is zero (Hive's NULL) or on overflow.
    public static func divide(_ a: HiveDecimal, _ b: HiveDecimal, as type: DecimalType) -> HiveDecimal? {
        guard b.unscaled != 0 else { return nil }
        // a/b at scale s: (ua × 10^(s - sa + sb)) / ub, rounded HALF_UP on the remainder.
        let shift = type.scale - a.scale + b.scale
        var num = Wide(high: 0, low: a.unscaled.magnitude)
        var den = b.unscaled.magnitude
        if shift >= 0 {
            guard let n = num.timesPow10(shift) else { return nil }
            num = n
        } else {
            // More fraction digits in a than wanted: scale the divisor instead (exact, then rounded below).
            guard let d = Pow10.times(den, power: -shift) else { return HiveDecimal(checked: 0, scale: type.scale) }
            den = d
        }
        guard num.high < den else { return nil } // quotient would exceed 128 bits: far beyond 38 digits
        let (q, r) = den.dividingFullWidth((high: num.high, low: num.low))
        var mag = q
        if r >= den - r { mag += 1 } // 2r >= den without overflowing
        let negative = (a.unscaled < 0) != (b.unscaled < 0)
        return finish(negative: negative, magnitude: Wide(high: 0, low: mag), scale: type.scale, as: type)
    }

    /// `a % b` (sign of `a`, as Java's `BigDecimal.remainder`) held as `type`; `nil` when `b` is zero.
    public static func remainder(_ a: HiveDecimal, _ b: HiveDecimal, as type: DecimalType) -> HiveDecimal? {
        guard b.unscaled != 0 else { return nil }
        let s = max(a.scale, b.scale)
        guard let x = aligned(a, to: s), let y = aligned(b, to: s) else { return nil }
        let r = x % y
        return finish(negative: r < 0, magnitude: Wide(high: 0, low: r.magnitude), scale: s, as: type)
    }

    /// `pmod(a, b)` as Spark computes it: `r = a % b`, and when `r < 0`, `(r + b) % b`
    /// (so `pmod(-7, 3)` is 2 and `pmod(-7, -3)` is -1; confirmed against Spark 4.3).
    public static func pmod(_ a: HiveDecimal, _ b: HiveDecimal, as type: DecimalType) -> HiveDecimal? {
        guard b.unscaled != 0 else { return nil }
        let s = max(a.scale, b.scale)
        guard let x = aligned(a, to: s), let y = aligned(b, to: s) else { return nil }
        var r = x % y
        if r < 0 { r = (r + y) % y }
        return finish(negative: r < 0, magnitude: Wide(high: 0, low: r.magnitude), scale: s, as: type)
    }

    /// The value negated (always fits).
    public var negated: HiveDecimal { HiveDecimal(checked: -unscaled, scale: scale) }

    /// The absolute value (always fits).
    public var magnitudeValue: HiveDecimal { HiveDecimal(checked: Int128(unscaled.magnitude), scale: scale) }

    // MARK: - Helpers

    /// The unscaled value at a larger scale, or nil when it leaves 128 bits.
    static func aligned(_ v: HiveDecimal, to s: Int) -> Int128? {
        if v.scale == s { return v.unscaled }
        guard let m = Pow10.times(v.unscaled.magnitude, power: s - v.scale), m < (UInt128(1) << 127) else { return nil }
        return v.unscaled < 0 ? -Int128(m) : Int128(m)
    }

    /// The 256-bit slow path of `add`.
    private static func addWide(_ a: HiveDecimal, _ b: HiveDecimal, scale s: Int, as type: DecimalType) -> HiveDecimal? {
        let x = Wide.scaled(a.unscaled.magnitude, by: s - a.scale)
        let y = Wide.scaled(b.unscaled.magnitude, by: s - b.scale)
        let an = a.unscaled < 0, bn = b.unscaled < 0
        if an == bn { return finish(negative: an, magnitude: x.adding(y), scale: s, as: type) }
        if x < y { return finish(negative: bn, magnitude: y.subtracting(x), scale: s, as: type) }
        return finish(negative: an, magnitude: x.subtracting(y), scale: s, as: type)
    }

    /// Rounds an exact magnitude at `scale` to the type's scale (HALF_UP) and checks the type's precision.
    static func finish(negative: Bool, magnitude: Wide, scale: Int, as type: DecimalType) -> HiveDecimal? {
        var m = magnitude
        var s = scale
        if s > type.scale {
            m = m.roundedDown(by: s - type.scale)
            s = type.scale
        } else if s < type.scale {
            guard let up = m.timesPow10(type.scale - s) else { return nil }
            m = up
            s = type.scale
        }
        guard m.high == 0, m.low < Pow10.table[type.precision] else { return nil }
        return HiveDecimal(checked: negative ? -Int128(m.low) : Int128(m.low), scale: s)
    }
}

/// Powers of ten in 128 bits and the digit helpers built on them.
enum Pow10 {
    /// 10^0 ... 10^38 (10^38 < 2^127).
    static let table: [UInt128] = {
        var t: [UInt128] = [1]
        for _ in 1...38 { t.append(t[t.count - 1] * 10) }
        return t
    }()

    /// 10^0 ... 10^22, every one exact in a Double.
    static let doubles: [Double] = (0...22).map { e in (0..<e).reduce(1.0) { p, _ in p * 10 } }

    /// 10^38: one more than the largest 38-digit magnitude.
    static var limit: UInt128 { table[38] }

    /// How many decimal digits `v` has (1 for zero).
    static func digitCount(_ v: UInt128) -> Int {
        var lo = 1, hi = 39 // smallest n with v < 10^n, searched by bisection
        while lo < hi {
            let mid = (lo + hi) / 2
            if mid <= 38 && v >= table[mid] { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// `v × 10^power`, or nil on 128-bit overflow.
    static func times(_ v: UInt128, power: Int) -> UInt128? {
        guard power <= 38 else { return v == 0 ? 0 : nil }
        let (r, o) = v.multipliedReportingOverflow(by: table[power])
        return o ? nil : r
    }

    /// `v / 10^k` rounded HALF_UP.
    static func roundDown(_ v: UInt128, by k: Int) -> UInt128? {
        divide(v, by: k, rounding: .halfUp, negative: false)
    }

    /// `v / 10^k` with the given rounding; `negative` is the sign of the value whose magnitude is `v`.
    static func divide(_ v: UInt128, by k: Int, rounding: DecimalRounding, negative: Bool) -> UInt128? {
        if k > 38 { return rounding == .down || v == 0 ? 0 : (awayFromZero(rounding, negative) ? 1 : 0) }
        let d = table[k]
        let (q, r) = v.quotientAndRemainder(dividingBy: d)
        if r == 0 { return q }
        let half = d / 2
        switch rounding {
        case .down: return q
        case .halfUp: return r >= half ? q + 1 : q
        case .halfEven: return r > half || (r == half && q % 2 == 1) ? q + 1 : q
        case .floor: return negative ? q + 1 : q
        case .ceiling: return negative ? q : q + 1
        }
    }

    private static func awayFromZero(_ rounding: DecimalRounding, _ negative: Bool) -> Bool {
        (rounding == .floor && negative) || (rounding == .ceiling && !negative)
    }
}

/// An unsigned 256-bit integer, just enough for exact decimal products and aligned sums.
struct Wide: Comparable {
    var high: UInt128
    var low: UInt128

    static func < (a: Wide, b: Wide) -> Bool { a.high != b.high ? a.high < b.high : a.low < b.low }

    /// `v × 10^k` for k <= 38 (always fits in 256 bits).
    static func scaled(_ v: UInt128, by k: Int) -> Wide {
        let p = v.multipliedFullWidth(by: Pow10.table[min(k, 38)])
        return Wide(high: p.high, low: p.low)
    }

    func adding(_ o: Wide) -> Wide {
        let (l, c) = low.addingReportingOverflow(o.low)
        return Wide(high: high &+ o.high &+ (c ? 1 : 0), low: l)
    }

    func subtracting(_ o: Wide) -> Wide {
        let (l, b) = low.subtractingReportingOverflow(o.low)
        return Wide(high: high &- o.high &- (b ? 1 : 0), low: l)
    }

    /// `self × 10^k`, or nil on 256-bit overflow.
    func timesPow10(_ k: Int) -> Wide? {
        var w = self
        var left = k
        while left > 0 {
            let step = min(left, 38)
            let f = Pow10.table[step]
            let lo = w.low.multipliedFullWidth(by: f)
            let hi = w.high.multipliedReportingOverflow(by: f)
            guard !hi.overflow else { return nil }
            let (h, o) = hi.partialValue.addingReportingOverflow(lo.high)
            guard !o else { return nil }
            w = Wide(high: h, low: lo.low)
            left -= step
        }
        return w
    }

    /// `self / 10^k` rounded HALF_UP. Only the first dropped digit decides a HALF_UP rounding, so truncating
    /// divisions followed by one last division by ten are exact in effect.
    func roundedDown(by k: Int) -> Wide {
        guard k > 0 else { return self }
        var w = self
        var left = k - 1
        while left > 0 {
            let step = min(left, 38)
            w = w.dividedTruncating(by: Pow10.table[step]).quotient
            left -= step
        }
        let (q, r) = w.dividedTruncating(by: 10)
        return r >= 5 ? q.adding(Wide(high: 0, low: 1)) : q
    }

    /// Long division by a 128-bit divisor.
    func dividedTruncating(by d: UInt128) -> (quotient: Wide, remainder: UInt128) {
        let (qh, rh) = high.quotientAndRemainder(dividingBy: d)
        let (ql, rl) = d.dividingFullWidth((high: rh, low: low))
        return (Wide(high: qh, low: ql), rl)
    }
}
