/// A point in time: microseconds since 1970-01-01 00:00:00 UTC (Spark's TIMESTAMP resolution).
///
/// hqlrun runs with UTC as its session time zone (`spark.sql.session.timeZone=UTC`, `TZ=UTC`), so the wall-clock
/// fields of a timestamp are its UTC fields; only `to_utc_timestamp` / `from_utc_timestamp` consult zones.
public struct HiveTimestamp: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Microseconds since the epoch.
    public var micros: Int64

    /// Wraps a microsecond count.
    public init(micros: Int64) { self.micros = micros }

    /// Midnight (UTC) of a date.
    public init(date: HiveDate) { self.micros = Int64(date.days) * HiveTimestamp.microsPerDay }

    /// A timestamp from its fields; nil when a field is out of range.
    public init?(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0, micro: Int = 0) {
        guard let d = HiveDate(year: year, month: month, day: day),
              (0..<24).contains(hour), (0..<60).contains(minute), (0..<60).contains(second),
              (0..<1_000_000).contains(micro) else { return nil }
        let secs = Int64(d.days) * 86_400 + Int64(hour * 3600 + minute * 60 + second)
        self.micros = secs * 1_000_000 + Int64(micro)
    }

    /// Microseconds in a day.
    public static let microsPerDay: Int64 = 86_400_000_000

    public static func < (a: HiveTimestamp, b: HiveTimestamp) -> Bool { a.micros < b.micros }

    /// The date part (floor, so instants before 1970 fall on the right day).
    public var date: HiveDate {
        let (q, r) = micros.quotientAndRemainder(dividingBy: HiveTimestamp.microsPerDay)
        return HiveDate(days: Int32(truncatingIfNeeded: r < 0 ? q - 1 : q))
    }

    /// Microseconds since midnight, 0 ..< microsPerDay.
    public var microOfDay: Int64 {
        let r = micros % HiveTimestamp.microsPerDay
        return r < 0 ? r + HiveTimestamp.microsPerDay : r
    }

    /// Whole seconds since the epoch, rounded toward negative infinity (`unix_timestamp`).
    public var epochSeconds: Int64 {
        let (q, r) = micros.quotientAndRemainder(dividingBy: 1_000_000)
        return r < 0 ? q - 1 : q
    }

    /// The wall-clock fields in UTC.
    public var fields: (year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int, micro: Int) {
        let c = date.civil
        let t = Int(microOfDay)
        let secs = t / 1_000_000
        return (c.year, c.month, c.day, secs / 3600, secs / 60 % 60, secs % 60, t % 1_000_000)
    }

    /// `yyyy-MM-dd HH:mm:ss` with the fraction of a second only when non-zero and without trailing zeros
    /// (`2020-01-02 03:04:05.12`), as the spark-sql CLI prints a TIMESTAMP.
    public var description: String {
        let f = fields
        var out: [UInt8] = []
        out.reserveCapacity(26)
        Civil.appendYear(f.year, to: &out)
        out.append(UInt8(ascii: "-"))
        Civil.appendPadded(f.month, width: 2, to: &out)
        out.append(UInt8(ascii: "-"))
        Civil.appendPadded(f.day, width: 2, to: &out)
        out.append(UInt8(ascii: " "))
        Civil.appendPadded(f.hour, width: 2, to: &out)
        out.append(UInt8(ascii: ":"))
        Civil.appendPadded(f.minute, width: 2, to: &out)
        out.append(UInt8(ascii: ":"))
        Civil.appendPadded(f.second, width: 2, to: &out)
        if f.micro != 0 {
            out.append(UInt8(ascii: "."))
            var frac: [UInt8] = []
            Civil.appendPadded(f.micro, width: 6, to: &frac)
            while frac.last == 48 { frac.removeLast() }
            out.append(contentsOf: frac)
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Parses a timestamp the way `CAST(string AS TIMESTAMP)` does in Spark: whitespace trimmed; a date as
    /// `HiveDate(parsing:)` reads it; optionally ` ` or `T` then `H[H]:m[m][:s[s]][.fraction]` (fraction digits
    /// beyond microseconds are dropped) and an optional zone `Z`, `UTC`, `+hh[:mm]` or `-hh[:mm]` (converted to
    /// UTC). Hours, minutes and seconds out of range, or a day that does not exist, give nil.
    public init?(parsing text: some StringProtocol) {
        var b = Substring(text).utf8[...]
        while let f = b.first, isJavaWhitespace(f) { b = b.dropFirst() }
        while let l = b.last, isJavaWhitespace(l) { b = b.dropLast() }
        var rest = b
        guard let d = Civil.parseDateOnly(&rest) else { return nil }
        var hour = 0, minute = 0, second = 0, micro = 0
        var offsetSeconds = 0
        if let sep = rest.first {
            guard sep == UInt8(ascii: " ") || sep == UInt8(ascii: "T") else { return nil }
            rest = rest.dropFirst()
            if !rest.isEmpty {
                guard let (h, hd) = Civil.readDigits(&rest, max: 2), hd > 0,
                      rest.first == UInt8(ascii: ":") else { return nil }
                rest = rest.dropFirst()
                guard let (m, md) = Civil.readDigits(&rest, max: 2), md > 0 else { return nil }
                hour = h
                minute = m
                if rest.first == UInt8(ascii: ":") {
                    rest = rest.dropFirst()
                    guard let (s, sd) = Civil.readDigits(&rest, max: 2), sd > 0 else { return nil }
                    second = s
                    if rest.first == UInt8(ascii: ".") {
                        rest = rest.dropFirst()
                        var n = 0
                        while let c = rest.first, c >= 48, c <= 57 {
                            if n < 6 { micro = micro * 10 + Int(c - 48) }
                            n += 1
                            rest = rest.dropFirst()
                        }
                        for _ in min(n, 6)..<6 { micro *= 10 }
                    }
                }
                guard let z = Civil.parseZone(rest) else { return nil }
                offsetSeconds = z
            }
        }
        guard let t = HiveTimestamp(year: d.year, month: d.month, day: d.day,
                                    hour: hour, minute: minute, second: second, micro: micro) else { return nil }
        self.micros = t.micros - Int64(offsetSeconds) * 1_000_000
    }

    /// The timestamp plus a number of microseconds, wrapping as Java longs do.
    public func adding(micros delta: Int64) -> HiveTimestamp { HiveTimestamp(micros: micros &+ delta) }
}

extension Civil {
    /// A full date prefix (`yyyy-mm-dd` or shorter as Spark allows) whose day exists.
    static func parseDateOnly(_ b: inout Substring.UTF8View.SubSequence) -> (year: Int, month: Int, day: Int)? {
        // Split off the date part at the first ' ' or 'T', parse it, then continue after it.
        var end = b.startIndex
        while end < b.endIndex, b[end] != UInt8(ascii: " "), b[end] != UInt8(ascii: "T") { end = b.index(after: end) }
        var datePart = b[b.startIndex..<end]
        guard let r = parseDatePrefix(&datePart), datePart.isEmpty,
              r.month >= 1, r.month <= 12, r.day >= 1, r.day <= daysInMonth(r.year, r.month) else { return nil }
        b = b[end...]
        return r
    }

    /// A zone suffix after a time: empty (UTC), `Z`, `UTC`, `GMT`, `+h`, `+hh`, `+hh:mm`, `+hhmm` (and `-`), with an
    /// optional space before it. Returns the offset east of UTC in seconds.
    static func parseZone(_ z: Substring.UTF8View.SubSequence) -> Int? {
        var b = z
        if b.first == UInt8(ascii: " ") { b = b.dropFirst() }
        if b.isEmpty { return 0 }
        let s = String(decoding: b, as: UTF8.self)
        if s == "Z" || s == "UTC" || s == "GMT" || s == "UT" { return 0 }
        var body = Substring(s)
        for prefix in ["UTC", "GMT", "UT"] where body.hasPrefix(prefix) { body = body.dropFirst(prefix.count); break }
        guard let sign = body.first, sign == "+" || sign == "-" else { return TimeZoneDB.fixedOffset(named: s) }
        body = body.dropFirst()
        let digits = body.filter { $0 != ":" }
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }), digits.count <= 4 else { return nil }
        let h: Int, m: Int
        if body.contains(":") {
            let parts = body.split(separator: ":", omittingEmptySubsequences: false)
            guard parts.count == 2, let hh = Int(parts[0]), let mm = Int(parts[1]) else { return nil }
            h = hh; m = mm
        } else if digits.count <= 2 {
            h = Int(digits) ?? 0; m = 0
        } else {
            guard let v = Int(digits) else { return nil }
            h = v / 100; m = v % 100
        }
        guard h <= 18, m < 60 else { return nil }
        let off = h * 3600 + m * 60
        return sign == "-" ? -off : off
    }
}
