/// Base64 with the standard alphabet and padding (RFC 4648 §4), as `base64` / `unbase64` use.
public enum Base64 {
    private static let alphabet: [UInt8] = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
    private static let reverse: [Int8] = {
        var t = [Int8](repeating: -1, count: 256)
        for (i, c) in alphabet.enumerated() { t[Int(c)] = Int8(i) }
        return t
    }()

    /// Encodes bytes with `=` padding, no line breaks.
    public static func encode(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity((bytes.count + 2) / 3 * 4)
        var i = 0
        while i + 3 <= bytes.count {
            let n = UInt32(bytes[i]) << 16 | UInt32(bytes[i + 1]) << 8 | UInt32(bytes[i + 2])
            out.append(alphabet[Int(n >> 18 & 63)]); out.append(alphabet[Int(n >> 12 & 63)])
            out.append(alphabet[Int(n >> 6 & 63)]); out.append(alphabet[Int(n & 63)])
            i += 3
        }
        let rest = bytes.count - i
        if rest > 0 {
            let n = UInt32(bytes[i]) << 16 | (rest == 2 ? UInt32(bytes[i + 1]) << 8 : 0)
            out.append(alphabet[Int(n >> 18 & 63)]); out.append(alphabet[Int(n >> 12 & 63)])
            out.append(rest == 2 ? alphabet[Int(n >> 6 & 63)] : UInt8(ascii: "="))
            out.append(UInt8(ascii: "="))
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Decodes base64, ignoring whitespace and tolerating missing padding; nil on other junk.
    public static func decode(_ text: String) -> [UInt8]? {
        var out: [UInt8] = []
        var acc: UInt32 = 0
        var bits = 0
        for c in text.utf8 {
            if c == UInt8(ascii: "=") { break }
            if isJavaWhitespace(c) { continue }
            let v = reverse[Int(c)]
            guard v >= 0 else { return nil }
            acc = acc << 6 | UInt32(v)
            bits += 6
            if bits >= 8 {
                bits -= 8
                out.append(UInt8(truncatingIfNeeded: acc >> UInt32(bits)))
            }
        }
        return out
    }
}

/// `hex`, `unhex`, `conv`, `bin`, `base64`, `unbase64`.
public enum EncodingFunctions {
    private static let upperHex: [UInt8] = Array("0123456789ABCDEF".utf8)

    /// `hex(bigint)`: the two's-complement bits in upper-case hex (`hex(-1)` is sixteen `F`s).
    public static func hex(_ v: Int64) -> String { String(UInt64(bitPattern: v), radix: 16, uppercase: true) }

    /// `hex(string)` / `hex(binary)`: each byte as two upper-case hex digits.
    public static func hex(_ bytes: some Sequence<UInt8>) -> String {
        var out: [UInt8] = []
        for b in bytes { out.append(upperHex[Int(b >> 4)]); out.append(upperHex[Int(b & 15)]) }
        return String(decoding: out, as: UTF8.self)
    }

    /// `unhex(s)`: pairs of hex digits to bytes; an odd length gets a leading 0 (Spark); nil on a non-hex digit.
    public static func unhex(_ s: String) -> [UInt8]? {
        var digits = Array(s.utf8)
        if digits.count % 2 == 1 { digits.insert(48, at: 0) }
        var out: [UInt8] = []
        out.reserveCapacity(digits.count / 2)
        var i = 0
        while i < digits.count {
            guard let h = hexDigitValue(digits[i]), let l = hexDigitValue(digits[i + 1]) else { return nil }
            out.append(h << 4 | l)
            i += 2
        }
        return out
    }

    /// `bin(bigint)`: the two's-complement bits in binary.
    public static func bin(_ v: Int64) -> String { String(UInt64(bitPattern: v), radix: 2) }

    /// `conv(num, fromBase, toBase)` as Hive/Spark: reads the longest valid prefix of `num` in `fromBase`
    /// (2...36) as an unsigned 64-bit value (a leading `-` negates it), and writes it in |toBase|: unsigned when
    /// `toBase` > 0, signed when negative. Overflow saturates to 2^64-1. nil for bad bases or no digits.
    public static func conv(_ num: String, from fromBase: Int, to toBase: Int) -> String? {
        guard (2...36).contains(abs(fromBase)), (2...36).contains(abs(toBase)) else { return nil }
        var bytes = Substring(num).utf8[...]
        while let f = bytes.first, f == 32 { bytes = bytes.dropFirst() }
        var negative = false
        if bytes.first == UInt8(ascii: "-") { negative = true; bytes = bytes.dropFirst() }
        let base = UInt64(abs(fromBase))
        var value: UInt64 = 0
        var any = false
        for c in bytes {
            let d: UInt64
            switch c {
            case 48...57: d = UInt64(c - 48)
            case 65...90: d = UInt64(c - 55)
            case 97...122: d = UInt64(c - 87)
            default: d = 99
            }
            if d >= base { break }
            any = true
            let (m, o1) = value.multipliedReportingOverflow(by: base)
            let (a, o2) = m.addingReportingOverflow(d)
            if o1 || o2 { value = UInt64.max; break }
            value = a
        }
        guard any else { return nil }
        if negative { value = 0 &- value }
        let radix = abs(toBase)
        if toBase < 0 && Int64(bitPattern: value) < 0 {
            return "-" + String(0 &- value, radix: radix, uppercase: true)
        }
        return String(value, radix: radix, uppercase: true)
    }
}
