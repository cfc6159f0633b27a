/// A calendar date: days since 1970-01-01 in the proleptic Gregorian calendar (Spark 3+'s calendar; Hive 3 too).
public struct HiveDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Days since the Unix epoch (negative before 1970).
    public var days: Int32

    /// Wraps a day number.
    public init(days: Int32) { self.days = days }

    /// The date of a civil year, month (1...12) and day (1...31); `nil` when the day does not exist
    /// (`2019-02-30`), which is the NULL Hive and Spark give.
    public init?(year: Int, month: Int, day: Int) {
        guard month >= 1, month <= 12, day >= 1, day <= Civil.daysInMonth(year, month) else { return nil }
        guard let d = Int32(exactly: Civil.daysFromCivil(year, month, day)) else { return nil }
        self.days = d
    }

    public static func < (a: HiveDate, b: HiveDate) -> Bool { a.days < b.days }

    /// Year, month and day.
    public var civil: (year: Int, month: Int, day: Int) { Civil.civilFromDays(Int(days)) }

    /// `yyyy-MM-dd`, as Hive and Spark print a DATE.
    public var description: String {
        let c = civil
        var out: [UInt8] = []
        out.reserveCapacity(10)
        Civil.appendYear(c.year, to: &out)
        out.append(UInt8(ascii: "-"))
        Civil.appendPadded(c.month, width: 2, to: &out)
        out.append(UInt8(ascii: "-"))
        Civil.appendPadded(c.day, width: 2, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Day of week with 1 = Monday ... 7 = Sunday (ISO).
    public var isoDayOfWeek: Int {
        let w = (Int(days) + 3) % 7 // 1970-01-01 was a Thursday (ISO 4)
        return (w < 0 ? w + 7 : w) + 1
    }

    /// Parses a date the way `CAST(string AS DATE)` does in Spark: surrounding whitespace ignored, a year of 4 to 7
    /// digits (optionally signed), then optionally `-m` or `-mm`, then `-d` or `-dd`, then optionally a space or
    /// `T` followed by anything (so `2019-03-15 25:61:07` is 2019-03-15). `nil` for a date that does not exist.
    public init?(parsing text: some StringProtocol) {
        var b = Substring(text).utf8[...]
        while let f = b.first, isJavaWhitespace(f) { b = b.dropFirst() }
        while let l = b.last, isJavaWhitespace(l) { b = b.dropLast() }
        guard let r = Civil.parseDatePrefix(&b) else { return nil }
        // After the date: nothing, or ' ' / 'T' and anything.
        if let f = b.first, f != UInt8(ascii: " ") && f != UInt8(ascii: "T") { return nil }
        self.init(year: r.year, month: r.month, day: r.day)
    }
}

/// Proleptic Gregorian calendar arithmetic on day numbers (the well-known days-from-civil algorithms by eras of
/// 400 years), plus the small digit writers used by the date and timestamp text forms.
enum Civil {
    static func isLeap(_ y: Int) -> Bool { y % 4 == 0 && (y % 100 != 0 || y % 400 == 0) }

    static func daysInMonth(_ y: Int, _ m: Int) -> Int {
        switch m {
        case 2: return isLeap(y) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 of a civil date (month 1...12).
    static func daysFromCivil(_ year: Int, _ month: Int, _ day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12 // March = 0
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The civil date of a day number.
    static func civilFromDays(_ days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    /// Day of the year, 1...366.
    static func dayOfYear(_ year: Int, _ month: Int, _ day: Int) -> Int {
        daysFromCivil(year, month, day) - daysFromCivil(year, 1, 1) + 1
    }

    /// Reads `[+-]yyyy[y..][-m[m][-d[d]]]` from the front of `b` and leaves the rest; month and day default to 1
    /// (Spark accepts `2019` and `2019-3`). Returns nil on malformed digits.
    static func parseDatePrefix(_ b: inout Substring.UTF8View.SubSequence) -> (year: Int, month: Int, day: Int)? {
        var negative = false
        if let f = b.first, f == UInt8(ascii: "-") || f == UInt8(ascii: "+") {
            negative = f == UInt8(ascii: "-")
            b = b.dropFirst()
        }
        guard let (y, yd) = readDigits(&b, max: 7), yd >= 4 else { return nil }
        var month = 1, day = 1
        if let f = b.first, f == UInt8(ascii: "-") {
            b = b.dropFirst()
            guard let (m, md) = readDigits(&b, max: 2), md >= 1 else { return nil }
            month = m
            if let g = b.first, g == UInt8(ascii: "-") {
                b = b.dropFirst()
                guard let (d, dd) = readDigits(&b, max: 2), dd >= 1 else { return nil }
                day = d
            } else if !b.isEmpty {
                return nil // `2019-03 x` is not a date
            }
        } else if !b.isEmpty {
            return nil
        }
        return (negative ? -y : y, month, day)
    }

    /// Reads up to `max` ASCII digits; nil when more digits follow (too long a field).
    static func readDigits(_ b: inout Substring.UTF8View.SubSequence, max: Int) -> (Int, Int)? {
        var v = 0, n = 0
        while let c = b.first, c >= 48, c <= 57 {
            if n == max { return nil }
            v = v * 10 + Int(c - 48)
            n += 1
            b = b.dropFirst()
        }
        return (v, n)
    }

    /// Appends `v` zero-padded to `width` digits (v >= 0).
    static func appendPadded(_ v: Int, width: Int, to out: inout [UInt8]) {
        var digits: [UInt8] = []
        var x = v
        repeat { digits.append(UInt8(48 + x % 10)); x /= 10 } while x > 0
        if digits.count < width { out.append(contentsOf: repeatElement(48, count: width - digits.count)) }
        out.append(contentsOf: digits.reversed())
    }

    /// Appends a year as Spark prints it: at least four digits (`12345-01-01` has no `+`, confirmed), `-` before
    /// year 0.
    static func appendYear(_ y: Int, to out: inout [UInt8]) {
        if y < 0 { out.append(UInt8(ascii: "-")) }
        appendPadded(abs(y), width: 4, to: &out)
    }
}
