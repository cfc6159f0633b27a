/// Bodies of `md5`, `sha1`, `sha2`, `crc32` and `hash`.
///
/// `hash(...)` is **Spark's**: Murmur3 (x86, 32-bit) with seed 42, each argument hashed with the previous result
/// as its seed, NULL leaving the seed unchanged. Hive's own `hash` is Java `hashCode` based and gives different
/// numbers; Spark is hqlrun's oracle, so Spark's is implemented. Values confirmed against Spark 4.3 in the tests.
public enum HashFunctions {
    /// `md5(x)`: lower-case hex of the MD5 digest.
    public static func md5(_ bytes: [UInt8]) -> String { hexLower(Digests.md5(bytes)) }

    /// `sha1(x)` / `sha(x)`.
    public static func sha1(_ bytes: [UInt8]) -> String { hexLower(Digests.sha1(bytes)) }

    /// `sha2(x, bits)` for 224, 256 (also 0), 384, 512; nil for other lengths.
    public static func sha2(_ bytes: [UInt8], _ bits: Int) -> String? {
        switch bits {
        case 0, 256: return hexLower(Digests.sha256(bytes))
        case 224: return hexLower(Digests.sha256(bytes, truncatedTo224: true))
        case 384: return hexLower(Digests.sha512(bytes, truncatedTo384: true))
        case 512: return hexLower(Digests.sha512(bytes))
        default: return nil
        }
    }

    /// `crc32(x)` as an unsigned value (BIGINT).
    public static func crc32(_ bytes: [UInt8]) -> Int64 { Int64(Digests.crc32(bytes)) }

    /// Spark's `hash(a, b, ...)`. `types` gives the declared types where the value alone is ambiguous (a DECIMAL's
    /// precision decides between hashing the unscaled value as a long, up to 18 digits, or its bytes); without
    /// it a decimal whose unscaled value fits in a long is hashed as a long.
    public static func hash(_ values: [HiveValue], types: [HiveType]? = nil, seed: Int32 = 42) -> Int32 {
        var h = UInt32(bitPattern: seed)
        for (i, v) in values.enumerated() {
            h = Murmur3.hash(v, type: types.flatMap { i < $0.count ? $0[i] : nil }, seed: h)
        }
        return Int32(bitPattern: h)
    }

    static func hexLower(_ bytes: [UInt8]) -> String {
        let digits: [UInt8] = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count * 2)
        for b in bytes { out.append(digits[Int(b >> 4)]); out.append(digits[Int(b & 15)]) }
        return String(decoding: out, as: UTF8.self)
    }
}

/// Murmur3 x86 32-bit as Spark's `Murmur3_x86_32` applies it, including its way of hashing the tail bytes of a
/// string: each remaining byte (sign-extended) is mixed as a whole block, unlike the reference algorithm.
enum Murmur3 {
    @inline(__always) static func mixK1(_ k: UInt32) -> UInt32 {
        var k1 = k &* 0xCC9E_2D51
        k1 = Digests.rotl(k1, 15)
        return k1 &* 0x1B87_3593
    }

    @inline(__always) static func mixH1(_ h: UInt32, _ k1: UInt32) -> UInt32 {
        var h1 = h ^ k1
        h1 = Digests.rotl(h1, 13)
        return h1 &* 5 &+ 0xE654_6B64
    }

    @inline(__always) static func fmix(_ h: UInt32, _ length: Int) -> UInt32 {
        var h1 = h ^ UInt32(truncatingIfNeeded: length)
        h1 ^= h1 >> 16
        h1 = h1 &* 0x85EB_CA6B
        h1 ^= h1 >> 13
        h1 = h1 &* 0xC2B2_AE35
        h1 ^= h1 >> 16
        return h1
    }

    static func hashInt(_ v: Int32, _ seed: UInt32) -> UInt32 {
        fmix(mixH1(seed, mixK1(UInt32(bitPattern: v))), 4)
    }

    static func hashLong(_ v: Int64, _ seed: UInt32) -> UInt32 {
        let bits = UInt64(bitPattern: v)
        var h1 = mixH1(seed, mixK1(UInt32(truncatingIfNeeded: bits)))
        h1 = mixH1(h1, mixK1(UInt32(truncatingIfNeeded: bits >> 32)))
        return fmix(h1, 8)
    }

    static func hashBytes(_ b: [UInt8], _ seed: UInt32) -> UInt32 {
        var h1 = seed
        let aligned = b.count - b.count % 4
        var i = 0
        while i < aligned {
            let word = UInt32(b[i]) | UInt32(b[i + 1]) << 8 | UInt32(b[i + 2]) << 16 | UInt32(b[i + 3]) << 24
            h1 = mixH1(h1, mixK1(word))
            i += 4
        }
        while i < b.count {
            h1 = mixH1(h1, mixK1(UInt32(bitPattern: Int32(Int8(bitPattern: b[i])))))
            i += 1
        }
        return fmix(h1, b.count)
    }

    static func hash(_ v: HiveValue, type: HiveType?, seed: UInt32) -> UInt32 {
        switch v {
        case .null: return seed
        case .boolean(let b): return hashInt(b ? 1 : 0, seed)
        case .tinyint(let x): return hashInt(Int32(x), seed)
        case .smallint(let x): return hashInt(Int32(x), seed)
        case .int(let x): return hashInt(x, seed)
        case .bigint(let x): return hashLong(x, seed)
        case .float(let f):
            let n: Float = f == 0 ? 0 : (f.isNaN ? .nan : f) // -0.0 hashes as 0.0; one NaN
            return hashInt(Int32(bitPattern: n.isNaN ? 0x7FC0_0000 : n.bitPattern), seed)
        case .double(let d):
            let n: Double = d == 0 ? 0 : d
            return hashLong(Int64(bitPattern: n.isNaN ? 0x7FF8_0000_0000_0000 : n.bitPattern), seed)
        case .decimal(let d):
            var precision = d.precision
            if case .decimal(let t)? = type { precision = t.precision }
            if precision <= 18, let l = Int64(exactly: d.unscaled) { return hashLong(l, seed) }
            return hashBytes(twosComplementBytes(d.unscaled), seed)
        case .string(let s): return hashBytes(Array(s.utf8), seed)
        case .binary(let b): return hashBytes(b, seed)
        case .date(let d): return hashInt(d.days, seed)
        case .timestamp(let t): return hashLong(t.micros, seed)
        case .array(let items):
            var h = seed
            var element: HiveType? = nil
            if case .array(let e)? = type { element = e }
            for item in items { h = hash(item, type: element, seed: h) }
            return h
        case .map(let entries):
            var h = seed
            var kt: HiveType? = nil, vt: HiveType? = nil
            if case .map(let k, let vv)? = type { kt = k; vt = vv }
            for e in entries {
                h = hash(e.key, type: kt, seed: h)
                h = hash(e.value, type: vt, seed: h)
            }
            return h
        case .structValue(let fields):
            var h = seed
            var ft: [(String, HiveType)] = []
            if case .structType(let f)? = type { ft = f }
            for (i, f) in fields.enumerated() { h = hash(f.value, type: i < ft.count ? ft[i].1 : nil, seed: h) }
            return h
        }
    }

    /// `BigInteger.toByteArray`: the shortest big-endian two's-complement bytes.
    static func twosComplementBytes(_ v: Int128) -> [UInt8] {
        var bytes: [UInt8] = []
        var x = v
        var last: UInt8
        repeat {
            last = UInt8(truncatingIfNeeded: x)
            bytes.append(last)
            x >>= 8
        } while !(x == 0 && last & 0x80 == 0) && !(x == -1 && last & 0x80 != 0)
        return bytes.reversed()
    }
}
