/// Bodies of the ARRAY and MAP functions over `HiveValue` (arrays and maps arrive decoded from their JSON
/// storage form), with Spark's ordering and NULL rules. Expectations confirmed against Spark 4.3 in the tests.
public enum CollectionFunctions {
    // MARK: - Ordering

    /// Spark's total order of values of one type: NULL first, numbers by value with NaN above everything, strings
    /// by UTF-8 bytes, booleans false < true, arrays and structs element by element (a shorter prefix first).
    public static func compare(_ a: HiveValue, _ b: HiveValue) -> Int {
        switch (a, b) {
        case (.null, .null): return 0
        case (.null, _): return -1
        case (_, .null): return 1
        case (.boolean(let x), .boolean(let y)): return x == y ? 0 : (x ? 1 : -1)
        case (.string(let x), .string(let y)):
            return x.utf8.lexicographicallyPrecedes(y.utf8) ? -1 : (x == y ? 0 : 1)
        case (.binary(let x), .binary(let y)):
            return x.lexicographicallyPrecedes(y) ? -1 : (x == y ? 0 : 1)
        case (.decimal(let x), .decimal(let y)): return HiveDecimal.compare(x, y)
        case (.date(let x), .date(let y)): return x.days < y.days ? -1 : (x.days == y.days ? 0 : 1)
        case (.timestamp(let x), .timestamp(let y)): return x.micros < y.micros ? -1 : (x.micros == y.micros ? 0 : 1)
        case (.array(let x), .array(let y)):
            for (u, v) in zip(x, y) {
                let c = compare(u, v)
                if c != 0 { return c }
            }
            return x.count < y.count ? -1 : (x.count == y.count ? 0 : 1)
        case (.structValue(let x), .structValue(let y)):
            for (u, v) in zip(x, y) {
                let c = compare(u.value, v.value)
                if c != 0 { return c }
            }
            return x.count < y.count ? -1 : (x.count == y.count ? 0 : 1)
        default:
            if let x = a.int64Value, let y = b.int64Value, !a.isBoolean, !b.isBoolean {
                return x < y ? -1 : (x == y ? 0 : 1)
            }
            if let x = a.doubleValue, let y = b.doubleValue {
                // Java's Double.compare: NaN is the largest and equal to itself.
                if x.isNaN || y.isNaN { return x.isNaN && y.isNaN ? 0 : (x.isNaN ? 1 : -1) }
                return x < y ? -1 : (x == y ? 0 : 1)
            }
            return a.cliText < b.cliText ? -1 : (a.cliText == b.cliText ? 0 : 1)
        }
    }

    // MARK: - Arrays

    /// `size(a)`: element count; -1 for NULL (Spark with ANSI off).
    public static func size(_ v: HiveValue) -> Int {
        switch v {
        case .array(let items): return items.count
        case .map(let entries): return entries.count
        default: return -1
        }
    }

    /// `array_contains(a, x)`: true when found; NULL (nil) when not found but the array holds a NULL.
    public static func arrayContains(_ items: [HiveValue], _ x: HiveValue) -> Bool? {
        if x.isNull { return nil }
        var sawNull = false
        for item in items {
            if item.isNull { sawNull = true } else if compare(item, x) == 0 { return true }
        }
        return sawNull ? nil : false
    }

    /// `sort_array(a[, asc])`: NULLs first when ascending, last when descending.
    public static func sortArray(_ items: [HiveValue], ascending: Bool = true) -> [HiveValue] {
        items.sorted { ascending ? compare($0, $1) < 0 : compare($0, $1) > 0 }
    }

    /// `array_distinct(a)`: first occurrences in order (one NULL kept).
    public static func arrayDistinct(_ items: [HiveValue]) -> [HiveValue] {
        var out: [HiveValue] = []
        for item in items where !out.contains(where: { compare($0, item) == 0 }) { out.append(item) }
        return out
    }

    /// `array_max(a)`, ignoring NULLs; nil when no non-NULL element.
    public static func arrayMax(_ items: [HiveValue]) -> HiveValue? {
        items.filter { !$0.isNull }.max { compare($0, $1) < 0 }
    }

    /// `array_min(a)`, ignoring NULLs.
    public static func arrayMin(_ items: [HiveValue]) -> HiveValue? {
        items.filter { !$0.isNull }.min { compare($0, $1) < 0 }
    }

    /// `array_position(a, x)`: 1-based position of the first `x`, 0 when absent.
    public static func arrayPosition(_ items: [HiveValue], _ x: HiveValue) -> Int {
        (items.firstIndex { !$0.isNull && compare($0, x) == 0 }).map { $0 + 1 } ?? 0
    }

    /// `element_at(a, i)`: 1-based, negative from the end; nil out of range (ANSI off) or for index 0.
    public static func elementAt(_ items: [HiveValue], _ i: Int) -> HiveValue? {
        if i > 0 && i <= items.count { return items[i - 1] }
        if i < 0 && -i <= items.count { return items[items.count + i] }
        return nil
    }

    /// `element_at(m, key)` / `m[key]`: nil when the key is absent.
    public static func elementAt(_ entries: [HiveMapEntry], _ key: HiveValue) -> HiveValue? {
        entries.first { compare($0.key, key) == 0 }?.value
    }

    /// `array_join(a, sep[, nullReplacement])`: NULL elements skipped unless a replacement is given.
    public static func arrayJoin(_ items: [HiveValue], _ sep: String, nullReplacement: String? = nil) -> String {
        var parts: [String] = []
        for item in items {
            if item.isNull { if let r = nullReplacement { parts.append(r) } } else { parts.append(item.cliText) }
        }
        return parts.joined(separator: sep)
    }

    /// `slice(a, start, length)`: 1-based start, negative from the end; nil for start 0 or a negative length
    /// (Spark raises an error).
    public static func slice(_ items: [HiveValue], _ start: Int, _ length: Int) -> [HiveValue]? {
        guard start != 0, length >= 0 else { return nil }
        let from = start > 0 ? start - 1 : items.count + start
        guard from >= 0, from < items.count else { return [] }
        return Array(items[from..<min(items.count, from + length)])
    }

    /// `flatten(a)`: one level; NULL when an inner array is NULL.
    public static func flatten(_ items: [HiveValue]) -> [HiveValue]? {
        var out: [HiveValue] = []
        for item in items {
            guard case .array(let inner) = item else { return nil }
            out.append(contentsOf: inner)
        }
        return out
    }

    /// `sequence(start, stop[, step])` for integers; step defaults to ±1; nil when the step points away from stop.
    public static func sequence(_ start: Int64, _ stop: Int64, _ step: Int64? = nil) -> [Int64]? {
        let s = step ?? (start <= stop ? 1 : -1)
        if s == 0 { return start == stop ? [start] : nil }
        if (stop > start && s < 0) || (stop < start && s > 0) { return nil }
        return Array(stride(from: start, through: stop, by: Int(s)))
    }

    /// `array_union(a, b)`: distinct elements of both, in order of first appearance.
    public static func arrayUnion(_ a: [HiveValue], _ b: [HiveValue]) -> [HiveValue] { arrayDistinct(a + b) }

    /// `array_intersect(a, b)`: distinct elements of `a` also in `b`.
    public static func arrayIntersect(_ a: [HiveValue], _ b: [HiveValue]) -> [HiveValue] {
        arrayDistinct(a).filter { x in b.contains { compare($0, x) == 0 } }
    }

    /// `array_except(a, b)`: distinct elements of `a` not in `b`.
    public static func arrayExcept(_ a: [HiveValue], _ b: [HiveValue]) -> [HiveValue] {
        arrayDistinct(a).filter { x in !b.contains { compare($0, x) == 0 } }
    }

    /// `arrays_overlap(a, b)`: true on a common non-NULL element; NULL when none but either holds a NULL.
    public static func arraysOverlap(_ a: [HiveValue], _ b: [HiveValue]) -> Bool? {
        for x in a where !x.isNull {
            if b.contains(where: { !$0.isNull && compare($0, x) == 0 }) { return true }
        }
        return a.contains(where: \.isNull) || b.contains(where: \.isNull) ? nil : false
    }

    /// `array_remove(a, x)`: every element equal to `x` removed.
    public static func arrayRemove(_ items: [HiveValue], _ x: HiveValue) -> [HiveValue] {
        items.filter { $0.isNull || compare($0, x) != 0 }
    }

    /// `array_repeat(x, n)`.
    public static func arrayRepeat(_ x: HiveValue, _ n: Int) -> [HiveValue] { Array(repeating: x, count: max(n, 0)) }

    // MARK: - Maps

    /// `map_keys(m)`.
    public static func mapKeys(_ entries: [HiveMapEntry]) -> [HiveValue] { entries.map(\.key) }

    /// `map_values(m)`.
    public static func mapValues(_ entries: [HiveMapEntry]) -> [HiveValue] { entries.map(\.value) }

    /// `map_contains_key(m, k)`.
    public static func mapContainsKey(_ entries: [HiveMapEntry], _ key: HiveValue) -> Bool {
        entries.contains { compare($0.key, key) == 0 }
    }

    /// `map_from_arrays(keys, values)`: nil when the lengths differ or a key is NULL.
    public static func mapFromArrays(_ keys: [HiveValue], _ values: [HiveValue]) -> [HiveMapEntry]? {
        guard keys.count == values.count, !keys.contains(where: \.isNull) else { return nil }
        return zip(keys, values).map { HiveMapEntry($0, $1) }
    }
}

extension HiveValue {
    /// Whether this is a BOOLEAN (kept apart from integers when ordering).
    var isBoolean: Bool { if case .boolean = self { return true } else { return false } }
}
