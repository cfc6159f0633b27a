/// Bodies of Hive's date and time functions, over `HiveDate` / `HiveTimestamp` in UTC. String arguments are
/// converted first with `date(from:)` / `timestamp(from:)`, which follow Spark's casts: `year('2019-03-15
/// 25:61:07')` is 2019 because only the date part is read, `month('2019-02-30')` is NULL.
/// Expectations in the tests were confirmed against Spark 4.3.
public enum DateFunctions {
    // MARK: - Arguments

    /// A DATE argument from any value (string, date, timestamp); nil for NULL or unparseable text.
    public static func date(from v: HiveValue) -> HiveDate? {
        switch v {
        case .date(let d): return d
        case .timestamp(let t): return t.date
        case .string(let s): return HiveDate(parsing: s)
        default: return nil
        }
    }

    /// A TIMESTAMP argument from any value (string, date, timestamp).
    public static func timestamp(from v: HiveValue) -> HiveTimestamp? {
        switch v {
        case .timestamp(let t): return t
        case .date(let d): return HiveTimestamp(date: d)
        case .string(let s): return HiveTimestamp(parsing: s)
        default: return nil
        }
    }

    // MARK: - Fields

    /// `year(d)`.
    public static func year(_ d: HiveDate) -> Int { d.civil.year }
    /// `month(d)`.
    public static func month(_ d: HiveDate) -> Int { d.civil.month }
    /// `day(d)` / `dayofmonth(d)`.
    public static func dayOfMonth(_ d: HiveDate) -> Int { d.civil.day }
    /// `quarter(d)`: 1...4.
    public static func quarter(_ d: HiveDate) -> Int { (d.civil.month - 1) / 3 + 1 }
    /// `dayofyear(d)`: 1...366.
    public static func dayOfYear(_ d: HiveDate) -> Int { let c = d.civil; return Civil.dayOfYear(c.year, c.month, c.day) }
    /// `dayofweek(d)`: 1 = Sunday ... 7 = Saturday.
    public static func dayOfWeek(_ d: HiveDate) -> Int { d.isoDayOfWeek % 7 + 1 }
    /// `weekday(d)`: 0 = Monday ... 6 = Sunday.
    public static func weekday(_ d: HiveDate) -> Int { d.isoDayOfWeek - 1 }
    /// `hour(t)`.
    public static func hour(_ t: HiveTimestamp) -> Int { Int(t.microOfDay / 3_600_000_000) }
    /// `minute(t)`.
    public static func minute(_ t: HiveTimestamp) -> Int { Int(t.microOfDay / 60_000_000 % 60) }
    /// `second(t)`: whole seconds.
    public static func second(_ t: HiveTimestamp) -> Int { Int(t.microOfDay / 1_000_000 % 60) }

    /// `weekofyear(d)`: the ISO-8601 week (weeks start Monday; week 1 holds the year's first Thursday), so
    /// 2021-01-03 is in week 53 of 2020.
    public static func weekOfYear(_ d: HiveDate) -> Int {
        // The Thursday of d's week decides the ISO year.
        let thursday = Int(d.days) - (d.isoDayOfWeek - 1) + 3
        let y = Civil.civilFromDays(thursday).year
        return (thursday - Civil.daysFromCivil(y, 1, 1)) / 7 + 1
    }

    // MARK: - Arithmetic

    /// `datediff(end, start)`: days from `start` to `end`.
    public static func datediff(_ end: HiveDate, _ start: HiveDate) -> Int { Int(end.days) - Int(start.days) }

    /// `date_add(d, n)`.
    public static func dateAdd(_ d: HiveDate, _ n: Int) -> HiveDate { HiveDate(days: Int32(truncatingIfNeeded: Int(d.days) + n)) }

    /// `date_sub(d, n)`.
    public static func dateSub(_ d: HiveDate, _ n: Int) -> HiveDate { dateAdd(d, -n) }

    /// `add_months(d, n)` as Spark 3+: the same day of the target month, or its last day when the month is
    /// shorter. Unlike Hive 2, the last day of a month does not stay the last day (`add_months('2019-02-28', 1)` is
    /// 2019-03-28, confirmed against Spark 4.3).
    public static func addMonths(_ d: HiveDate, _ n: Int) -> HiveDate {
        let c = d.civil
        let total = c.year * 12 + (c.month - 1) + n
        let y = total >= 0 ? total / 12 : (total - 11) / 12
        let m = total - y * 12 + 1
        let day = min(c.day, Civil.daysInMonth(y, m))
        return HiveDate(days: Int32(truncatingIfNeeded: Civil.daysFromCivil(y, m, day)))
    }

    /// `months_between(t1, t2[, roundOff])` as Spark: whole months when both days are equal or both are month
    /// ends; otherwise the month difference plus the remaining time over a 31-day month; rounded to 8 digits
    /// unless `roundOff` is false.
    public static func monthsBetween(_ t1: HiveTimestamp, _ t2: HiveTimestamp, roundOff: Bool = true) -> Double {
        let a = t1.fields, b = t2.fields
        let monthDiff = Double((a.year * 12 + a.month) - (b.year * 12 + b.month))
        let aLast = a.day == Civil.daysInMonth(a.year, a.month)
        let bLast = b.day == Civil.daysInMonth(b.year, b.month)
        if a.day == b.day || (aLast && bLast) { return monthDiff }
        let secondsA = Double(t1.microOfDay) / 1_000_000, secondsB = Double(t2.microOfDay) / 1_000_000
        let diff = monthDiff + (Double(a.day - b.day) * 86_400 + secondsA - secondsB) / (31 * 86_400)
        guard roundOff else { return diff }
        return (diff * 1e8 + 0.5).rounded(.down) / 1e8 // Java Math.round
    }

    /// `last_day(d)`.
    public static func lastDay(_ d: HiveDate) -> HiveDate {
        let c = d.civil
        return HiveDate(days: Int32(truncatingIfNeeded: Civil.daysFromCivil(c.year, c.month, Civil.daysInMonth(c.year, c.month))))
    }

    /// `next_day(d, dayName)`: the first later date on that weekday; names as `MO`, `MON` or `MONDAY`, any case.
    public static func nextDay(_ d: HiveDate, _ dayName: String) -> HiveDate? {
        let name = dayName.uppercased()
        guard name.count >= 2,
              let target = DateTimePattern.dayNames.firstIndex(where: {
                  let u = $0.uppercased()
                  return u == name || (name.count <= 3 && u.hasPrefix(name))
              }) else { return nil }
        let current = d.isoDayOfWeek - 1
        var delta = target - current
        if delta <= 0 { delta += 7 }
        return dateAdd(d, delta)
    }

    /// `trunc(d, fmt)`: `YEAR`/`YYYY`/`YY`, `QUARTER`, `MONTH`/`MON`/`MM`, `WEEK` (to Monday); other formats nil
    /// (Spark gives NULL even for `Q` and `DD`).
    public static func trunc(_ d: HiveDate, _ format: String) -> HiveDate? {
        let c = d.civil
        switch format.uppercased() {
        case "YEAR", "YYYY", "YY": return HiveDate(year: c.year, month: 1, day: 1)
        case "QUARTER": return HiveDate(year: c.year, month: (c.month - 1) / 3 * 3 + 1, day: 1)
        case "MONTH", "MON", "MM": return HiveDate(year: c.year, month: c.month, day: 1)
        case "WEEK": return dateAdd(d, -(d.isoDayOfWeek - 1))
        default: return nil
        }
    }

    /// `date_trunc(fmt, t)`: `YEAR`, `QUARTER`, `MONTH`, `WEEK`, `DAY`, `HOUR`, `MINUTE`, `SECOND`, `MILLISECOND`,
    /// `MICROSECOND` (and the `trunc` aliases); nil for others.
    public static func dateTrunc(_ format: String, _ t: HiveTimestamp) -> HiveTimestamp? {
        let unit: Int64
        switch format.uppercased() {
        case "YEAR", "YYYY", "YY", "QUARTER", "MONTH", "MON", "MM", "WEEK":
            return trunc(t.date, format).map { HiveTimestamp(date: $0) }
        case "DAY", "DD": unit = HiveTimestamp.microsPerDay
        case "HOUR": unit = 3_600_000_000
        case "MINUTE": unit = 60_000_000
        case "SECOND": unit = 1_000_000
        case "MILLISECOND": unit = 1_000
        case "MICROSECOND": return t
        default: return nil
        }
        let r = t.micros % unit
        return HiveTimestamp(micros: t.micros - (r < 0 ? r + unit : r))
    }

    // MARK: - Unix time and patterns

    /// `from_unixtime(seconds[, fmt])`: the UTC wall clock of `seconds` in the pattern (default
    /// `yyyy-MM-dd HH:mm:ss`); nil for an invalid pattern.
    public static func fromUnixtime(_ seconds: Int64, _ format: String? = nil) -> String? {
        let pattern = format.map { DateTimePattern.cached($0) } ?? DateTimePattern.defaultTimestamp
        let (m, o) = seconds.multipliedReportingOverflow(by: 1_000_000)
        guard !o else { return nil }
        return pattern?.format(HiveTimestamp(micros: m))
    }

    /// `unix_timestamp(s[, fmt])`: seconds since the epoch of `s` read with the pattern (default
    /// `yyyy-MM-dd HH:mm:ss`); nil when it does not parse.
    public static func unixTimestamp(_ s: String, _ format: String? = nil) -> Int64? {
        let pattern = format.map { DateTimePattern.cached($0) } ?? DateTimePattern.defaultTimestamp
        return pattern?.parse(s)?.epochSeconds
    }

    /// `unix_timestamp(t)` of a timestamp or date value.
    public static func unixTimestamp(_ t: HiveTimestamp) -> Int64 { t.epochSeconds }

    /// `to_timestamp(s, fmt)`.
    public static func toTimestamp(_ s: String, _ format: String) -> HiveTimestamp? {
        DateTimePattern.cached(format)?.parse(s)
    }

    /// `to_date(s, fmt)`.
    public static func toDate(_ s: String, _ format: String) -> HiveDate? {
        DateTimePattern.cached(format)?.parse(s)?.date
    }

    /// `date_format(t, fmt)`.
    public static func dateFormat(_ t: HiveTimestamp, _ format: String) -> String? {
        DateTimePattern.cached(format)?.format(t)
    }

    // MARK: - Zones

    /// `from_utc_timestamp(t, zone)`: the wall clock in `zone` of the UTC instant `t`; nil for an unknown zone
    /// (Spark raises INVALID_TIMEZONE).
    public static func fromUTCTimestamp(_ t: HiveTimestamp, _ zone: String) -> HiveTimestamp? {
        guard let off = TimeZoneDB.offset(zone: zone, atUTC: t.epochSeconds) else { return nil }
        return t.adding(micros: Int64(off) * 1_000_000)
    }

    /// `to_utc_timestamp(t, zone)`: the UTC instant of the wall clock `t` in `zone`.
    public static func toUTCTimestamp(_ t: HiveTimestamp, _ zone: String) -> HiveTimestamp? {
        guard let off = TimeZoneDB.offset(zone: zone, atLocal: t.epochSeconds) else { return nil }
        return t.adding(micros: -Int64(off) * 1_000_000)
    }
}
