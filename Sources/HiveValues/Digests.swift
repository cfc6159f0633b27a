/// Message digests for `md5`, `sha1`, `sha2` and `crc32`, written from their specifications (RFC 1321, FIPS 180-4,
/// ISO-HDLC CRC-32) so the library needs no crypto dependency. The SHA-2 round constants are derived at first use
/// from their definition (fraction bits of square and cube roots of primes) with exact integer roots, rather than
/// typed in as tables.
enum Digests {
    // MARK: - MD5

    static func md5(_ message: [UInt8]) -> [UInt8] {
        var a0: UInt32 = 0x6745_2301, b0: UInt32 = 0xEFCD_AB89, c0: UInt32 = 0x98BA_DCFE, d0: UInt32 = 0x1032_5476
        let shifts: [UInt32] = [7, 12, 17, 22, 5, 9, 14, 20, 4, 11, 16, 23, 6, 10, 15, 21]
        for block in padded(message, bigEndianLength: false, blockSize: 64) {
            var m = [UInt32](repeating: 0, count: 16)
            let o = block.startIndex // slices keep their parent's indices
            for i in 0..<16 {
                m[i] = UInt32(block[o + 4 * i]) | UInt32(block[o + 4 * i + 1]) << 8
                    | UInt32(block[o + 4 * i + 2]) << 16 | UInt32(block[o + 4 * i + 3]) << 24
            }
            var a = a0, b = b0, c = c0, d = d0
            for i in 0..<64 {
                var f: UInt32
                let g: Int
                switch i / 16 {
                case 0: f = (b & c) | (~b & d); g = i
                case 1: f = (d & b) | (~d & c); g = (5 * i + 1) % 16
                case 2: f = b ^ c ^ d; g = (3 * i + 5) % 16
                default: f = c ^ (b | ~d); g = (7 * i) % 16
                }
                f = f &+ a &+ md5K[i] &+ m[g]
                a = d; d = c; c = b
                b = b &+ rotl(f, shifts[(i / 16) * 4 + i % 4])
            }
            a0 = a0 &+ a; b0 = b0 &+ b; c0 = c0 &+ c; d0 = d0 &+ d
        }
        var out: [UInt8] = []
        for w in [a0, b0, c0, d0] { for k in 0..<4 { out.append(UInt8(truncatingIfNeeded: w >> (8 * UInt32(k)))) } }
        return out
    }

    /// MD5's table: the integer part of 2^32 × |sin(i + 1)| (RFC 1321 §3.4).
    private static let md5K: [UInt32] = (0..<64).map { i in UInt32(4_294_967_296 * sinAbs(Double(i + 1))) }

    // MARK: - SHA-1

    static func sha1(_ message: [UInt8]) -> [UInt8] {
        var h: [UInt32] = [0x6745_2301, 0xEFCD_AB89, 0x98BA_DCFE, 0x1032_5476, 0xC3D2_E1F0]
        var w = [UInt32](repeating: 0, count: 80)
        for block in padded(message, bigEndianLength: true, blockSize: 64) {
            for i in 0..<16 { w[i] = be32(block, 4 * i) }
            for i in 16..<80 { w[i] = rotl(w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16], 1) }
            var a = h[0], b = h[1], c = h[2], d = h[3], e = h[4]
            for i in 0..<80 {
                let f: UInt32, k: UInt32
                switch i / 20 {
                case 0: f = (b & c) | (~b & d); k = 0x5A82_7999
                case 1: f = b ^ c ^ d; k = 0x6ED9_EBA1
                case 2: f = (b & c) | (b & d) | (c & d); k = 0x8F1B_BCDC
                default: f = b ^ c ^ d; k = 0xCA62_C1D6
                }
                let t = rotl(a, 5) &+ f &+ e &+ k &+ w[i]
                e = d; d = c; c = rotl(b, 30); b = a; a = t
            }
            h[0] = h[0] &+ a; h[1] = h[1] &+ b; h[2] = h[2] &+ c; h[3] = h[3] &+ d; h[4] = h[4] &+ e
        }
        return h.flatMap(bytesBE)
    }

    // MARK: - SHA-256 / SHA-224

    static func sha256(_ message: [UInt8], truncatedTo224: Bool = false) -> [UInt8] {
        let c = SHAConstants.shared
        var h: [UInt32] = truncatedTo224 ? c.iv384.map { UInt32(truncatingIfNeeded: $0) } : c.iv512.map { UInt32($0 >> 32) }
        let k = c.k512.prefix(64).map { UInt32($0 >> 32) }
        var w = [UInt32](repeating: 0, count: 64)
        for block in padded(message, bigEndianLength: true, blockSize: 64) {
            for i in 0..<16 { w[i] = be32(block, 4 * i) }
            for i in 16..<64 {
                let s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >> 3)
                let s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >> 10)
                w[i] = w[i - 16] &+ s0 &+ w[i - 7] &+ s1
            }
            var a = h[0], b = h[1], cc = h[2], d = h[3], e = h[4], f = h[5], g = h[6], hh = h[7]
            for i in 0..<64 {
                let s1 = rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)
                let ch = (e & f) ^ (~e & g)
                let t1 = hh &+ s1 &+ ch &+ k[i] &+ w[i]
                let s0 = rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)
                let maj = (a & b) ^ (a & cc) ^ (b & cc)
                let t2 = s0 &+ maj
                hh = g; g = f; f = e; e = d &+ t1; d = cc; cc = b; b = a; a = t1 &+ t2
            }
            h[0] = h[0] &+ a; h[1] = h[1] &+ b; h[2] = h[2] &+ cc; h[3] = h[3] &+ d
            h[4] = h[4] &+ e; h[5] = h[5] &+ f; h[6] = h[6] &+ g; h[7] = h[7] &+ hh
        }
        let out = h.flatMap(bytesBE)
        return truncatedTo224 ? Array(out.prefix(28)) : out
    }

    // MARK: - SHA-512 / SHA-384

    static func sha512(_ message: [UInt8], truncatedTo384: Bool = false) -> [UInt8] {
        let c = SHAConstants.shared
        var h: [UInt64] = truncatedTo384 ? c.iv384 : c.iv512
        let k = c.k512
        var w = [UInt64](repeating: 0, count: 80)
        for block in padded(message, bigEndianLength: true, blockSize: 128) {
            for i in 0..<16 { w[i] = UInt64(be32(block, 8 * i)) << 32 | UInt64(be32(block, 8 * i + 4)) }
            for i in 16..<80 {
                let s0 = rotr(w[i - 15], 1) ^ rotr(w[i - 15], 8) ^ (w[i - 15] >> 7)
                let s1 = rotr(w[i - 2], 19) ^ rotr(w[i - 2], 61) ^ (w[i - 2] >> 6)
                w[i] = w[i - 16] &+ s0 &+ w[i - 7] &+ s1
            }
            var a = h[0], b = h[1], cc = h[2], d = h[3], e = h[4], f = h[5], g = h[6], hh = h[7]
            for i in 0..<80 {
                let s1 = rotr(e, 14) ^ rotr(e, 18) ^ rotr(e, 41)
                let ch = (e & f) ^ (~e & g)
                let t1 = hh &+ s1 &+ ch &+ k[i] &+ w[i]
                let s0 = rotr(a, 28) ^ rotr(a, 34) ^ rotr(a, 39)
                let maj = (a & b) ^ (a & cc) ^ (b & cc)
                let t2 = s0 &+ maj
                hh = g; g = f; f = e; e = d &+ t1; d = cc; cc = b; b = a; a = t1 &+ t2
            }
            h[0] = h[0] &+ a; h[1] = h[1] &+ b; h[2] = h[2] &+ cc; h[3] = h[3] &+ d
            h[4] = h[4] &+ e; h[5] = h[5] &+ f; h[6] = h[6] &+ g; h[7] = h[7] &+ hh
        }
        let out = h.flatMap { [bytesBE(UInt32($0 >> 32)), bytesBE(UInt32(truncatingIfNeeded: $0))].flatMap { $0 } }
        return truncatedTo384 ? Array(out.prefix(48)) : out
    }

    // MARK: - CRC-32

    private static let crcTable: [UInt32] = (0..<256).map { n in
        var c = UInt32(n)
        for _ in 0..<8 { c = c & 1 != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }

    static func crc32(_ message: [UInt8]) -> UInt32 {
        var c: UInt32 = 0xFFFF_FFFF
        for b in message { c = crcTable[Int((c ^ UInt32(b)) & 0xFF)] ^ (c >> 8) }
        return c ^ 0xFFFF_FFFF
    }

    // MARK: - Helpers

    /// The message with the Merkle–Damgård padding, cut into blocks.
    private static func padded(_ message: [UInt8], bigEndianLength: Bool, blockSize: Int) -> [ArraySlice<UInt8>] {
        var m = message
        let bitLength = UInt64(message.count) &* 8
        let lengthBytes = blockSize == 128 ? 16 : 8
        m.append(0x80)
        while (m.count + lengthBytes) % blockSize != 0 { m.append(0) }
        if lengthBytes == 16 { m.append(contentsOf: [UInt8](repeating: 0, count: 8)) }
        for k in 0..<8 {
            let shift = bigEndianLength ? UInt64(56 - 8 * k) : UInt64(8 * k)
            m.append(UInt8(truncatingIfNeeded: bitLength >> shift))
        }
        return stride(from: 0, to: m.count, by: blockSize).map { m[$0..<($0 + blockSize)] }
    }

    private static func be32(_ b: ArraySlice<UInt8>, _ i: Int) -> UInt32 {
        let s = b.startIndex + i
        return UInt32(b[s]) << 24 | UInt32(b[s + 1]) << 16 | UInt32(b[s + 2]) << 8 | UInt32(b[s + 3])
    }

    private static func bytesBE(_ w: UInt32) -> [UInt8] {
        [UInt8(w >> 24), UInt8(truncatingIfNeeded: w >> 16), UInt8(truncatingIfNeeded: w >> 8), UInt8(truncatingIfNeeded: w)]
    }

    @inline(__always) static func rotl(_ x: UInt32, _ n: UInt32) -> UInt32 { x << n | x >> (32 - n) }
    @inline(__always) private static func rotr(_ x: UInt32, _ n: UInt32) -> UInt32 { x >> n | x << (32 - n) }
    @inline(__always) private static func rotr(_ x: UInt64, _ n: UInt64) -> UInt64 { x >> n | x << (64 - n) }
}

/// SHA-2 constants from their definition: the first 64 fraction bits of the cube roots of the first 80 primes
/// (round constants) and of the square roots of the first 16 primes (initial values of SHA-512 and SHA-384); the
/// 32-bit variants take the high (SHA-256) or low (SHA-224) halves, as FIPS 180-4 defines them.
struct SHAConstants: Sendable {
    let k512: [UInt64]
    let iv512: [UInt64]
    let iv384: [UInt64]

    static let shared = SHAConstants()

    private init() {
        var primes: [UInt64] = []
        var n: UInt64 = 2
        while primes.count < 80 {
            if !primes.contains(where: { n % $0 == 0 }) { primes.append(n) }
            n += 1
        }
        k512 = primes.map { SHAConstants.rootFraction($0, cube: true) }
        iv512 = primes[0..<8].map { SHAConstants.rootFraction($0, cube: false) }
        iv384 = primes[8..<16].map { SHAConstants.rootFraction($0, cube: false) }
    }

    /// floor(root(p) × 2^64) mod 2^64, i.e. floor(root(p × 2^(64·k))) for the k-th root, by bisection on integers.
    private static func rootFraction(_ p: UInt64, cube: Bool) -> UInt64 {
        // Target t = p × 2^192 (cube) or p × 2^128 (square), as a 256-bit value.
        let target = cube ? Wide(high: UInt128(p) << 64, low: 0) : Wide(high: UInt128(p), low: 0)
        var lo: UInt128 = 0, hi: UInt128 = UInt128(1) << 72
        while lo + 1 < hi {
            let mid = (lo + hi) / 2
            let sq = mid.multipliedFullWidth(by: mid)
            var power = Wide(high: sq.high, low: sq.low)
            if cube {
                // power × mid, which stays below 2^256 for mid < 2^72.
                let l = power.low.multipliedFullWidth(by: mid)
                let h = power.high.multipliedReportingOverflow(by: mid)
                let (hs, o) = h.partialValue.addingReportingOverflow(l.high)
                if h.overflow || o { hi = mid; continue }
                power = Wide(high: hs, low: l.low)
            }
            if power < target || power == target { lo = mid } else { hi = mid }
        }
        return UInt64(truncatingIfNeeded: lo)
    }
}
