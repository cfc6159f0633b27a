#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Time-zone offsets for `to_utc_timestamp` / `from_utc_timestamp`, read from the system's compiled tz database
/// (`/usr/share/zoneinfo`, TZif files) without Foundation. Zone rules are loaded once per name and cached.
///
/// Limits: the POSIX rule string at the end of a file is not interpreted; instants after the file's last
/// transition (2037 in Debian's "fat" files) reuse the rules of 28 years earlier, which gives the same dates for
/// rules of the "n-th weekday of a month" kind until 2100. Fixed offsets (`+08:00`, `GMT-5`, `UTC`) need no file.
public enum TimeZoneDB {
    /// Where the compiled zone files live.
    public static let directory = "/usr/share/zoneinfo"

    /// The offset from UTC, in seconds, that zone `name` has at the UTC instant `utcSeconds`; nil for an unknown zone.
    public static func offset(zone name: String, atUTC utcSeconds: Int64) -> Int? {
        if let fixed = fixedOffset(named: name) { return fixed }
        guard let rules = rules(for: name) else { return nil }
        return rules.offset(atUTC: utcSeconds)
    }

    /// The offset that applies to a wall-clock time `localSeconds` (seconds since the epoch as if local were UTC) in
    /// zone `name`. In a gap or an overlap the earlier offset is used, as java.time resolves them.
    public static func offset(zone name: String, atLocal localSeconds: Int64) -> Int? {
        if let fixed = fixedOffset(named: name) { return fixed }
        guard let rules = rules(for: name) else { return nil }
        // Try the offset in force a day before/after: the one that maps back onto itself wins.
        let first = rules.offset(atUTC: localSeconds - 86_400)
        let second = rules.offset(atUTC: localSeconds + 86_400)
        if rules.offset(atUTC: localSeconds - Int64(first)) == first { return first }
        if rules.offset(atUTC: localSeconds - Int64(second)) == second { return second }
        return first
    }

    /// Offsets that need no database: `UTC`, `GMT`, `Z`, `UTC+8`, `GMT-05:00`, `+08:00`, `-0530`.
    static func fixedOffset(named name: String) -> Int? {
        let upper = name.uppercased()
        if upper == "UTC" || upper == "GMT" || upper == "Z" || upper == "UT" || upper == "ETC/UTC" || upper == "ETC/GMT" { return 0 }
        var body = Substring(upper)
        for prefix in ["UTC", "GMT", "UT"] where body.hasPrefix(prefix) { body = body.dropFirst(prefix.count); break }
        guard let sign = body.first, sign == "+" || sign == "-" else { return nil }
        let rest = body.dropFirst()
        let parts = rest.split(separator: ":", omittingEmptySubsequences: false)
        var h = 0, m = 0
        if parts.count == 2 {
            guard let hh = Int(parts[0]), let mm = Int(parts[1]) else { return nil }
            h = hh; m = mm
        } else if rest.count <= 2 {
            guard let hh = Int(rest) else { return nil }
            h = hh
        } else if rest.count == 4 {
            guard let v = Int(rest) else { return nil }
            h = v / 100; m = v % 100
        } else {
            return nil
        }
        guard h <= 18, m < 60 else { return nil }
        return (sign == "-" ? -1 : 1) * (h * 3600 + m * 60)
    }

    // MARK: - Zone files

    /// One zone's transitions: from `times[i]` (UTC seconds) on, `offsets[i]` applies; before the first,
    /// `initialOffset`.
    struct Rules: Sendable {
        var times: [Int64]
        var offsets: [Int]
        var initialOffset: Int

        func offset(atUTC t: Int64) -> Int {
            // Past the table (Debian's files stop in 2037), repeat the last years' rules: the Gregorian weekday
            // pattern repeats every 28 years (10,227 days) between 1901 and 2099, so "second Sunday in March"
            // falls on the same dates 28 years earlier. This stands in for the TZif footer's POSIX rule.
            var t = t
            if let last = times.last, t > last, times.count > 2 {
                let cycle: Int64 = 10_227 * 86_400
                while t > last { t -= cycle }
            }
            // Bisection for the last transition at or before t.
            var lo = 0, hi = times.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if times[mid] <= t { lo = mid + 1 } else { hi = mid }
            }
            return lo == 0 ? initialOffset : offsets[lo - 1]
        }
    }

    private static let cache = Locked<[String: Rules?]>([:])

    static func rules(for name: String) -> Rules? {
        if let hit = cache.withLock({ $0[name] }) { return hit }
        let loaded = load(name)
        cache.withLock { $0[name] = .some(loaded) }
        return loaded
    }

    private static func load(_ name: String) -> Rules? {
        // Zone names are ASCII paths like Area/City; refuse anything that could leave the directory.
        guard !name.isEmpty, !name.contains(".."), !name.hasPrefix("/"),
              name.utf8.allSatisfy({ $0 > 32 && $0 < 127 }) else { return nil }
        guard let bytes = readFile(directory + "/" + name) else { return nil }
        return parseTZif(bytes)
    }

    private static func readFile(_ path: String) -> [UInt8]? {
        guard let f = fopen(path, "rb") else { return nil }
        defer { fclose(f) }
        var out: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = buffer.withUnsafeMutableBytes { fread($0.baseAddress, 1, 4096, f) }
            if n <= 0 { break }
            out.append(contentsOf: buffer[0..<n])
            if out.count > 1 << 20 { return nil } // no zone file is this large
        }
        return out
    }

    /// Reads a TZif file (RFC 8536): skips the 32-bit block of a version 2+ file and reads the 64-bit one.
    static func parseTZif(_ b: [UInt8]) -> Rules? {
        func be32(_ i: Int) -> Int64? {
            guard i + 4 <= b.count else { return nil }
            return Int64(Int32(bitPattern: UInt32(b[i]) << 24 | UInt32(b[i + 1]) << 16 | UInt32(b[i + 2]) << 8 | UInt32(b[i + 3])))
        }
        func be64(_ i: Int) -> Int64? {
            guard let h = be32(i), let l = be32(i + 4) else { return nil }
            return h << 32 | (l & 0xFFFF_FFFF)
        }
        guard b.count >= 44, b[0] == 0x54, b[1] == 0x5A, b[2] == 0x69, b[3] == 0x66 else { return nil }
        func counts(_ at: Int) -> [Int]? {
            var c: [Int] = []
            for k in 0..<6 { guard let v = be32(at + 20 + 4 * k), v >= 0 else { return nil }; c.append(Int(v)) }
            return c // isutcnt, isstdcnt, leapcnt, timecnt, typecnt, charcnt
        }
        guard var c = counts(0) else { return nil }
        var at = 44
        var timeSize = 4
        if b[4] >= 0x32 { // version 2+: skip the v1 block and its second header
            at += c[3] * 4 + c[3] + c[4] * 6 + c[5] + c[2] * 8 + c[1] + c[0]
            guard let c2 = counts(at) else { return nil }
            c = c2
            at += 44
            timeSize = 8
        }
        let timecnt = c[3], typecnt = c[4]
        guard typecnt > 0 else { return nil }
        var times: [Int64] = []
        times.reserveCapacity(timecnt)
        for i in 0..<timecnt {
            guard let t = timeSize == 8 ? be64(at + 8 * i) : be32(at + 4 * i) else { return nil }
            times.append(t)
        }
        at += timecnt * timeSize
        guard at + timecnt <= b.count else { return nil }
        let indices = b[at..<(at + timecnt)].map(Int.init)
        at += timecnt
        var typeOffsets: [Int] = []
        var typeIsDST: [Bool] = []
        for k in 0..<typecnt {
            guard let off = be32(at + 6 * k), at + 6 * k + 4 < b.count else { return nil }
            typeOffsets.append(Int(off))
            typeIsDST.append(b[at + 6 * k + 4] != 0)
        }
        guard indices.allSatisfy({ $0 < typecnt }) else { return nil }
        // Before the first transition: the first standard-time type (RFC 8536 §3.2), else type 0.
        let initial = typeIsDST.firstIndex(of: false).map { typeOffsets[$0] } ?? typeOffsets[0]
        return Rules(times: times, offsets: indices.map { typeOffsets[$0] }, initialOffset: initial)
    }
}

/// A value behind a mutex, for the few process-wide caches (zone rules, compiled regexes). A class around
/// `pthread_mutex_t` because `Synchronization.Mutex` needs macOS 15 and Foundation's `NSLock` is kept out.
final class Locked<Value>: @unchecked Sendable {
    private var value: Value
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>

    init(_ value: Value) {
        self.value = value
        mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
        pthread_mutex_init(mutex, nil)
    }

    deinit {
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
    }

    /// Runs `body` with exclusive access to the value.
    func withLock<R>(_ body: (inout Value) throws -> R) rethrows -> R {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return try body(&value)
    }
}
