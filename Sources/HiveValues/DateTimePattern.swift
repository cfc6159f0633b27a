/// A compiled datetime pattern for `date_format`, `from_unixtime`, `unix_timestamp(s, fmt)`, `to_date(s, fmt)` and
/// `to_timestamp(s, fmt)`.
///
/// Letters follow Spark 3+'s patterns (java.time's `DateTimeFormatter`, which Spark uses), which agree with Java's
/// `SimpleDateFormat` on `y M d H h k K m s a E D z Z X G` and quoted literals (`'at'`, `''`), with one visible
/// difference: `S` is a **fraction** of a second truncated to the count (`S` of .123 is `1`, `SSSSSS` shows
/// microseconds), not a millisecond number. `w` (week of year, weeks starting Sunday) and `u` (ISO day number)
/// are SimpleDateFormat's meanings; Spark 3+ rejects them with an error. Names are English. The session zone is
/// UTC, so `z` prints `UTC`, `Z` `+0000`, `X` `Z`. Confirmed against Spark 4.3 (see the tests).
public struct DateTimePattern: Sendable {
    enum Token: Sendable, Equatable {
        case literal(String)
        case field(Unicode.Scalar, Int)
    }

    let tokens: [Token]

    /// Compiles a pattern; nil for an unterminated quote or a letter this implementation does not know
    /// (where Spark raises an error, the runtime shows NULL or an error as the catalog decides).
    public init?(_ pattern: String) {
        var tokens: [Token] = []
        let p = Array(pattern.unicodeScalars)
        var i = 0
        var literal = ""
        func flush() { if !literal.isEmpty { tokens.append(.literal(literal)); literal = "" } }
        while i < p.count {
            let c = p[i]
            if c == "'" {
                if i + 1 < p.count && p[i + 1] == "'" { literal += "'"; i += 2; continue }
                var j = i + 1
                var closed = false
                while j < p.count {
                    if p[j] == "'" {
                        if j + 1 < p.count && p[j + 1] == "'" { literal += "'"; j += 2; continue }
                        closed = true
                        break
                    }
                    literal.unicodeScalars.append(p[j])
                    j += 1
                }
                guard closed else { return nil }
                i = j + 1
            } else if (c.value >= 65 && c.value <= 90) || (c.value >= 97 && c.value <= 122) {
                guard "GyYuMLdDQqEeaHhKkmsSzZXxVOwWF".unicodeScalars.contains(c) else { return nil }
                var n = 1
                while i + n < p.count && p[i + n] == c { n += 1 }
                flush()
                tokens.append(.field(c, n))
                i += n
            } else {
                literal.unicodeScalars.append(c)
                i += 1
            }
        }
        flush()
        self.tokens = tokens
    }

    private static let cache = Locked<[String: DateTimePattern?]>([:])

    /// A compiled pattern from a process-wide cache (patterns are usually constants repeated on every row).
    public static func cached(_ pattern: String) -> DateTimePattern? {
        if let hit = cache.withLock({ $0[pattern] }) { return hit }
        let compiled = DateTimePattern(pattern)
        cache.withLock { table in
            if table.count >= 256 { table.removeAll(keepingCapacity: true) }
            table[pattern] = .some(compiled)
        }
        return compiled
    }

    /// `yyyy-MM-dd HH:mm:ss`, the default of `from_unixtime` and `unix_timestamp`.
    public static let defaultTimestamp = DateTimePattern("yyyy-MM-dd HH:mm:ss") ?? DateTimePattern(tokens: [])

    /// A pattern from tokens (the fallback above never happens: the default pattern is valid).
    init(tokens: [Token]) { self.tokens = tokens }

    static let monthNames = ["January", "February", "March", "April", "May", "June", "July", "August",
                             "September", "October", "November", "December"]
    static let dayNames = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

    // MARK: - Formatting

    /// Formats a timestamp (UTC wall clock); nil when a field's count has no meaning (`MMMMM`, `EEEEE`).
    public func format(_ t: HiveTimestamp) -> String? {
        let f = t.fields
        let date = t.date
        var out = ""
        for token in tokens {
            switch token {
            case .literal(let s): out += s
            case .field(let c, let n):
                switch c {
                case "G": out += f.year > 0 ? "AD" : "BC"
                case "y", "Y":
                    let y = f.year > 0 ? f.year : 1 - f.year
                    out += n == 2 ? pad(y % 100, 2) : pad(y, n)
                case "u": out += String(date.isoDayOfWeek)
                case "M", "L":
                    switch n {
                    case 1, 2: out += pad(f.month, n)
                    case 3: out += String(DateTimePattern.monthNames[f.month - 1].prefix(3))
                    case 4: out += DateTimePattern.monthNames[f.month - 1]
                    default: return nil
                    }
                case "d": guard n <= 2 else { return nil }; out += pad(f.day, n)
                case "D": guard n <= 3 else { return nil }; out += pad(Civil.dayOfYear(f.year, f.month, f.day), n)
                case "Q", "q":
                    let q = (f.month - 1) / 3 + 1
                    switch n {
                    case 1, 2: out += pad(q, n)
                    case 3: out += "Q\(q)"
                    case 4: out += ["1st", "2nd", "3rd", "4th"][q - 1] + " quarter"
                    default: return nil
                    }
                case "E":
                    let name = DateTimePattern.dayNames[date.isoDayOfWeek - 1]
                    switch n {
                    case 1, 2, 3: out += String(name.prefix(3))
                    case 4: out += name
                    default: return nil
                    }
                case "a": out += f.hour < 12 ? "AM" : "PM"
                case "H": out += pad(f.hour, n)
                case "h": out += pad(f.hour % 12 == 0 ? 12 : f.hour % 12, n)
                case "K": out += pad(f.hour % 12, n)
                case "k": out += pad(f.hour == 0 ? 24 : f.hour, n)
                case "m": out += pad(f.minute, n)
                case "s": out += pad(f.second, n)
                case "S":
                    guard n <= 9 else { return nil }
                    let micro = pad(f.micro, 6) + "000"
                    out += String(micro.prefix(n))
                case "z": out += n >= 4 ? "Coordinated Universal Time" : "UTC"
                case "Z": out += n <= 3 ? "+0000" : (n == 4 ? "GMT" : "Z")
                case "X": out += "Z"
                case "x": out += n == 1 ? "+00" : (n == 2 || n == 4 ? "+0000" : "+00:00")
                case "V": out += "UTC"
                case "O": out += "GMT"
                case "w": out += pad(DateTimePattern.sundayWeekOfYear(date), n)
                case "W", "F", "e": return nil
                default: return nil
                }
            }
        }
        return out
    }

    /// Week of year as `SimpleDateFormat` counts it in the US locale: weeks start on Sunday and week 1 is the
    /// week containing January 1.
    static func sundayWeekOfYear(_ d: HiveDate) -> Int {
        let c = d.civil
        let jan1 = HiveDate(days: Int32(Civil.daysFromCivil(c.year, 1, 1)))
        let jan1Sunday0 = jan1.isoDayOfWeek % 7 // Sunday = 0
        let doy = Int(d.days - jan1.days)
        let week = (doy + jan1Sunday0) / 7 + 1
        // The last days of December belong to week 1 of the next year when that week holds January 1.
        let next = HiveDate(days: Int32(Civil.daysFromCivil(c.year + 1, 1, 1)))
        if Int(next.days - d.days) <= next.isoDayOfWeek % 7 { return 1 }
        return week
    }

    private func pad(_ v: Int, _ width: Int) -> String {
        var out: [UInt8] = []
        Civil.appendPadded(v, width: width, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    // MARK: - Parsing

    /// Parses `text` completely against the pattern (case-insensitive names, as Spark's formatter); nil when the
    /// text does not match, has leftovers (`'2019-03-15 10:11:12'` with `yyyy-MM-dd` is NULL in Spark), or names a
    /// day that does not exist. Missing fields default to 1970-01-01 00:00:00.
    public func parse(_ text: String) -> HiveTimestamp? {
        let s = Array(text.unicodeScalars)
        var i = 0
        var year = 1970, month = 1, day = 1, hour = 0, minute = 0, second = 0, micro = 0
        var dayOfYear: Int? = nil
        var pm: Bool? = nil
        var hour12: Int? = nil
        var offset = 0
        for (k, token) in tokens.enumerated() {
            let nextIsNumber: Bool = {
                guard k + 1 < tokens.count, case .field(let c, let n) = tokens[k + 1] else { return false }
                return DateTimePattern.isNumeric(c, n)
            }()
            switch token {
            case .literal(let lit):
                for c in lit.unicodeScalars {
                    guard i < s.count, s[i].properties.lowercaseMapping == c.properties.lowercaseMapping else { return nil }
                    i += 1
                }
            case .field(let c, let n):
                if DateTimePattern.isNumeric(c, n) {
                    // Fixed width when the count asks for it (`MM`, `dd`) or another number follows directly
                    // (`yyyyMMdd`); otherwise as many digits as are there.
                    let fixed = (n >= 2 && c != "y" && c != "S") || nextIsNumber || (c == "y" && n == 2)
                    let maxDigits = fixed ? n : (c == "y" ? 9 : (c == "S" ? 9 : max(n, 2)))
                    let start = i
                    var v = 0
                    var fracDigits = 0
                    while i < s.count, i - start < maxDigits, let d = s[i].asciiDigit {
                        if c == "S" { if fracDigits < 6 { v = v * 10 + d }; fracDigits += 1 } else { v = v * 10 + d }
                        i += 1
                    }
                    let got = i - start
                    if got == 0 || (fixed && got != n && !(c == "y" && n > 2 && got >= n)) { return nil }
                    switch c {
                    case "y", "Y": year = n == 2 ? 2000 + v : v
                    case "M", "L": month = v
                    case "d": day = v
                    case "D": dayOfYear = v
                    case "H", "k": hour = c == "k" && v == 24 ? 0 : v
                    case "h", "K": hour12 = v
                    case "m": minute = v
                    case "s": second = v
                    case "S":
                        var m = v
                        for _ in min(fracDigits, 6)..<6 { m *= 10 }
                        micro = m
                    case "Q", "q": break
                    default: return nil
                    }
                } else {
                    switch c {
                    case "M", "L":
                        guard let (idx, len) = DateTimePattern.matchName(s, i, DateTimePattern.monthNames, full: n >= 4) else { return nil }
                        month = idx + 1
                        i += len
                    case "E":
                        guard let (_, len) = DateTimePattern.matchName(s, i, DateTimePattern.dayNames, full: n >= 4) else { return nil }
                        i += len
                    case "a":
                        guard i + 2 <= s.count else { return nil }
                        let word = String(String.UnicodeScalarView(s[i..<(i + 2)])).uppercased()
                        guard word == "AM" || word == "PM" else { return nil }
                        pm = word == "PM"
                        i += 2
                    case "G":
                        guard i + 2 <= s.count else { return nil }
                        i += 2
                    case "X", "Z", "x", "z", "V", "O":
                        var j = i
                        while j < s.count, s[j] != " " { j += 1 }
                        let zone = String(String.UnicodeScalarView(s[i..<j]))
                        guard let z = Civil.parseZone(Substring(zone).utf8[...]) else { return nil }
                        offset = z
                        i = j
                    default: return nil
                    }
                }
            }
        }
        guard i == s.count else { return nil }
        if let h = hour12 {
            guard h <= 12 else { return nil }
            hour = (h % 12) + ((pm ?? false) ? 12 : 0)
        } else if let p = pm, p, hour < 12 {
            hour += 12
        }
        if let doy = dayOfYear {
            let days = Civil.daysFromCivil(year, 1, 1) + doy - 1
            guard doy >= 1, doy <= (Civil.isLeap(year) ? 366 : 365) else { return nil }
            let c = Civil.civilFromDays(days)
            month = c.month
            day = c.day
        }
        guard let t = HiveTimestamp(year: year, month: month, day: day, hour: hour, minute: minute,
                                    second: second, micro: micro) else { return nil }
        return t.adding(micros: -Int64(offset) * 1_000_000)
    }

    static func isNumeric(_ c: Unicode.Scalar, _ n: Int) -> Bool {
        switch c {
        case "M", "L": return n <= 2
        case "y", "Y", "d", "D", "H", "h", "K", "k", "m", "s", "S", "Q", "q": return true
        default: return false
        }
    }

    /// Matches an English name (full, or its first three letters) case-insensitively at `i`.
    static func matchName(_ s: [Unicode.Scalar], _ i: Int, _ names: [String], full: Bool) -> (Int, Int)? {
        for (idx, name) in names.enumerated() {
            let want = full ? name : String(name.prefix(3))
            let w = Array(want.lowercased().unicodeScalars)
            guard i + w.count <= s.count else { continue }
            if String(String.UnicodeScalarView(s[i..<(i + w.count)])).lowercased() == String(String.UnicodeScalarView(w)) {
                return (idx, w.count)
            }
        }
        return nil
    }
}
