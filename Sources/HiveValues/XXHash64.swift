/// xxHash64 as Spark's `xxhash64(...)` applies it (seed 42, each argument hashed with the previous result as its
/// seed, NULL leaving the seed unchanged; INT-sized values as 4 bytes, BIGINT-sized as 8), written from the
/// xxHash specification.
enum XXHash64 {
    static let p1: UInt64 = 11_400_714_785_074_694_791
    static let p2: UInt64 = 14_029_467_366_897_019_727
    static let p3: UInt64 = 1_609_587_929_392_839_161
    static let p4: UInt64 = 9_650_029_242_287_828_579
    static let p5: UInt64 = 2_870_177_450_012_600_261

    @inline(__always) static func rotl(_ x: UInt64, _ r: UInt64) -> UInt64 { x << r | x >> (64 - r) }

    @inline(__always) static func round(_ acc: UInt64, _ lane: UInt64) -> UInt64 {
        rotl(acc &+ lane &* p2, 31) &* p1
    }

    @inline(__always) static func merge(_ acc: UInt64, _ v: UInt64) -> UInt64 {
        (acc ^ round(0, v)) &* p1 &+ p4
    }

    @inline(__always) static func avalanche(_ h: UInt64) -> UInt64 {
        var x = h
        x ^= x >> 33
        x = x &* p2
        x ^= x >> 29
        x = x &* p3
        x ^= x >> 32
        return x
    }

    static func hashInt(_ v: Int32, _ seed: UInt64) -> UInt64 {
        var h = seed &+ p5 &+ 4
        h ^= UInt64(UInt32(bitPattern: v)) &* p1
        h = rotl(h, 23) &* p2 &+ p3
        return avalanche(h)
    }

    static func hashLong(_ v: Int64, _ seed: UInt64) -> UInt64 {
        var h = seed &+ p5 &+ 8
        h ^= round(0, UInt64(bitPattern: v))
        h = rotl(h, 27) &* p1 &+ p4
        return avalanche(h)
    }

    static func hashBytes(_ b: [UInt8], _ seed: UInt64) -> UInt64 {
        func le64(_ i: Int) -> UInt64 {
            var v: UInt64 = 0
            for k in 0..<8 { v |= UInt64(b[i + k]) << (8 * UInt64(k)) }
            return v
        }
        func le32(_ i: Int) -> UInt64 {
            UInt64(b[i]) | UInt64(b[i + 1]) << 8 | UInt64(b[i + 2]) << 16 | UInt64(b[i + 3]) << 24
        }
        var i = 0
        var h: UInt64
        if b.count >= 32 {
            var v1 = seed &+ p1 &+ p2, v2 = seed &+ p2, v3 = seed, v4 = seed &- p1
            while i + 32 <= b.count {
                v1 = round(v1, le64(i)); v2 = round(v2, le64(i + 8))
                v3 = round(v3, le64(i + 16)); v4 = round(v4, le64(i + 24))
                i += 32
            }
            h = rotl(v1, 1) &+ rotl(v2, 7) &+ rotl(v3, 12) &+ rotl(v4, 18)
            h = merge(h, v1); h = merge(h, v2); h = merge(h, v3); h = merge(h, v4)
        } else {
            h = seed &+ p5
        }
        h = h &+ UInt64(b.count)
        while i + 8 <= b.count {
            h ^= round(0, le64(i))
            h = rotl(h, 27) &* p1 &+ p4
            i += 8
        }
        if i + 4 <= b.count {
            h ^= le32(i) &* p1
            h = rotl(h, 23) &* p2 &+ p3
            i += 4
        }
        while i < b.count {
            h ^= UInt64(b[i]) &* p5
            h = rotl(h, 11) &* p1
            i += 1
        }
        return avalanche(h)
    }

    static func hash(_ v: HiveValue, type: HiveType?, seed: UInt64) -> UInt64 {
        switch v {
        case .null: return seed
        case .boolean(let b): return hashInt(b ? 1 : 0, seed)
        case .tinyint(let x): return hashInt(Int32(x), seed)
        case .smallint(let x): return hashInt(Int32(x), seed)
        case .int(let x): return hashInt(x, seed)
        case .bigint(let x): return hashLong(x, seed)
        case .float(let f):
            let n: Float = f == 0 ? 0 : f
            return hashInt(Int32(bitPattern: n.isNaN ? 0x7FC0_0000 : n.bitPattern), seed)
        case .double(let d):
            let n: Double = d == 0 ? 0 : d
            return hashLong(Int64(bitPattern: n.isNaN ? 0x7FF8_0000_0000_0000 : n.bitPattern), seed)
        case .decimal(let d):
            var precision = d.precision
            if case .decimal(let t)? = type { precision = t.precision }
            if precision <= 18, let l = Int64(exactly: d.unscaled) { return hashLong(l, seed) }
            return hashBytes(Murmur3.twosComplementBytes(d.unscaled), seed)
        case .string(let s): return hashBytes(Array(s.utf8), seed)
        case .binary(let b): return hashBytes(b, seed)
        case .date(let d): return hashInt(d.days, seed)
        case .timestamp(let t): return hashLong(t.micros, seed)
        case .array(let items):
            var element: HiveType? = nil
            if case .array(let e)? = type { element = e }
            return items.reduce(seed) { hash($1, type: element, seed: $0) }
        case .map(let entries):
            var kt: HiveType? = nil, vt: HiveType? = nil
            if case .map(let k, let vv)? = type { kt = k; vt = vv }
            return entries.reduce(seed) { hash($1.value, type: vt, seed: hash($1.key, type: kt, seed: $0)) }
        case .structValue(let fields):
            var ft: [(String, HiveType)] = []
            if case .structType(let f)? = type { ft = f }
            var h = seed
            for (i, f) in fields.enumerated() { h = hash(f.value, type: i < ft.count ? ft[i].1 : nil, seed: h) }
            return h
        }
    }
}

extension HashFunctions {
    /// Spark's `xxhash64(a, b, ...)` (seed 42); `types` as for `hash`.
    public static func xxhash64(_ values: [HiveValue], types: [HiveType]? = nil, seed: Int64 = 42) -> Int64 {
        var h = UInt64(bitPattern: seed)
        for (i, v) in values.enumerated() {
            h = XXHash64.hash(v, type: types.flatMap { i < $0.count ? $0[i] : nil }, seed: h)
        }
        return Int64(bitPattern: h)
    }
}
