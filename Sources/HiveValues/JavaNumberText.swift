/// The shortest decimal digits that round-trip a binary floating-point value, with their decimal exponent:
/// the value is `d.ddd × 10^exponent`. Swift's `description` already finds the shortest digits; this only takes
/// them apart so they can be laid out the way Java does.
struct ShortestDigits {
    /// ASCII digits, no leading or trailing zeros (a single "0" for zero).
    var digits: [UInt8]
    /// The power of ten of the first digit.
    var exponent: Int

    init(_ value: Double) { self.init(description: value.magnitude.description) }
    init(_ value: Float) { self.init(description: value.magnitude.description) }

    /// Splits Swift's text form (`1.5`, `1e-05`, `1.2345e+20`, `0.001`) into digits and exponent, in one pass
    /// over the UTF-8 bytes (this sits under every DOUBLE printed, so no intermediate strings).
    private init(description: String) {
        var text = description
        var digits: [UInt8] = []
        digits.reserveCapacity(20)
        var intDigits = -1     // digits (incl. leading zeros) before the point, once the point is seen
        var written = 0        // digits written so far, incl. leading zeros
        var leadingZeros = 0
        var exp = 0
        text.withUTF8 { buf in
            var i = 0
            while i < buf.count {
                let c = buf[i]
                if c == UInt8(ascii: ".") {
                    intDigits = written
                } else if c == UInt8(ascii: "e") || c == UInt8(ascii: "E") {
                    var j = i + 1
                    var neg = false
                    if j < buf.count, buf[j] == UInt8(ascii: "-") || buf[j] == UInt8(ascii: "+") {
                        neg = buf[j] == UInt8(ascii: "-")
                        j += 1
                    }
                    var e = 0
                    while j < buf.count { e = e * 10 + Int(buf[j] &- 48); j += 1 }
                    exp = neg ? -e : e
                    break
                } else if c >= 48 && c <= 57 {
                    written += 1
                    if digits.isEmpty && c == 48 { leadingZeros += 1 } else { digits.append(c) }
                }
                i += 1
            }
        }
        if intDigits < 0 { intDigits = written }
        while digits.count > 1, digits.last == 48 { digits.removeLast() }
        if digits.isEmpty {
            self.digits = [48]
            self.exponent = 0
            return
        }
        self.digits = digits
        // The first significant digit sits at position `leadingZeros` of the written digit string.
        self.exponent = exp + intDigits - leadingZeros - 1
    }
}

/// Java's text forms of numbers (`Double.toString`, `Float.toString`), which Hive and the spark-sql CLI print.
public enum JavaNumberText {
    /// `Double.toString`: `1.0`, `0.30000000000000004`, `1.0E7`, `1.0E-4`, `NaN`, `Infinity`, `-0.0`.
    ///
    /// Java 19+ prints the shortest digits that round-trip, as here. Java 17, which Spark 4.3 runs on, uses an
    /// older algorithm that for some values prints a longer or off-by-one form: confirmed in Spark, `1.0E23` prints
    /// `9.999999999999999E22`, `8.41E21` prints `8.409999999999999E21` and `2.82879384806159E17` prints
    /// `2.82879384806159008E17`. Those (rare, mostly beyond 1e16) cases differ from the Spark CLI.
    public static func double(_ v: Double) -> String {
        if v.isNaN { return "NaN" }
        if v.isInfinite { return v < 0 ? "-Infinity" : "Infinity" }
        if v == 0 { return v.sign == .minus ? "-0.0" : "0.0" }
        // Java special-cases the smallest subnormal (its shortest digits would be 5.0E-324).
        if v.magnitude == .leastNonzeroMagnitude { return v < 0 ? "-4.9E-324" : "4.9E-324" }
        // Integral values in the plain range are common (counts, sums): skip the digit extraction.
        if v.magnitude < 1e7, v == v.rounded(.towardZero) {
            return String(Int64(v)) + ".0" // Int64(-0.5) never happens here: v is integral and non-zero
        }
        return layout(swiftText: v.magnitude.description, negative: v < 0)
    }

    /// `Float.toString`, with the shortest digits of the `Float` (so `0.1f` prints `0.1`, not `0.10000000149`).
    /// Java 17 sometimes prints more: Spark shows `CAST(123456789012 AS FLOAT)` as `1.23456791E11`, here
    /// `1.2345679E11`.
    public static func float(_ v: Float) -> String {
        if v.isNaN { return "NaN" }
        if v.isInfinite { return v < 0 ? "-Infinity" : "Infinity" }
        if v == 0 { return v.sign == .minus ? "-0.0" : "0.0" }
        if v.magnitude == .leastNonzeroMagnitude { return v < 0 ? "-1.4E-45" : "1.4E-45" } // Java's special case
        return layout(swiftText: v.magnitude.description, negative: v < 0)
    }

    /// Java's layout: plain notation for 10^-3 <= |v| < 10^7, else `d.dddE±n`; always a digit after the point.
    static func layout(_ d: ShortestDigits, negative: Bool) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(26)
        if negative { out.append(UInt8(ascii: "-")) }
        let e = d.exponent
        let digits = d.digits
        if e >= -3 && e < 7 {
            if e >= 0 {
                for i in 0...e { out.append(i < digits.count ? digits[i] : 48) }
                out.append(UInt8(ascii: "."))
                if digits.count > e + 1 { out.append(contentsOf: digits[(e + 1)...]) } else { out.append(48) }
            } else {
                out.append(48)
                out.append(UInt8(ascii: "."))
                for _ in 0..<(-e - 1) { out.append(48) }
                out.append(contentsOf: digits)
            }
        } else {
            out.append(digits[0])
            out.append(UInt8(ascii: "."))
            if digits.count > 1 { out.append(contentsOf: digits[1...]) } else { out.append(48) }
            out.append(UInt8(ascii: "E"))
            out.append(contentsOf: String(e).utf8)
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The same layout straight from Swift's shortest text (`1.5`, `1e-05`, `1.2345e+20`), without heap buffers:
    /// digits go to a stack buffer and the result is written into the new string's storage. This is the path
    /// every printed DOUBLE and FLOAT takes.
    static func layout(swiftText: String, negative: Bool) -> String {
        var text = swiftText
        return text.withUTF8 { src in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 96) { buffer -> String in
                // buffer[0..<40]: digits; buffer[48...]: the output, copied once into the (often small, inline) String.
                let digits = buffer
                var n = 0, written = 0, leadingZeros = 0, intDigits = -1, exp = 0
                var i = 0
                while i < src.count {
                    let c = src[i]
                    if c >= 48 && c <= 57 {
                        written += 1
                        if n == 0 && c == 48 { leadingZeros += 1 } else if n < 40 { digits[n] = c; n += 1 }
                    } else if c == UInt8(ascii: ".") {
                        intDigits = written
                    } else if c == UInt8(ascii: "e") || c == UInt8(ascii: "E") {
                        var j = i + 1
                        var neg = false
                        if j < src.count, src[j] == UInt8(ascii: "-") || src[j] == UInt8(ascii: "+") {
                            neg = src[j] == UInt8(ascii: "-")
                            j += 1
                        }
                        while j < src.count { exp = exp * 10 + Int(src[j] &- 48); j += 1 }
                        if neg { exp = -exp }
                        break
                    }
                    i += 1
                }
                if intDigits < 0 { intDigits = written }
                while n > 1 && digits[n - 1] == 48 { n -= 1 }
                if n == 0 { return negative ? "-0.0" : "0.0" }
                let e = exp + intDigits - leadingZeros - 1
                do {
                    let out = UnsafeMutableBufferPointer(rebasing: buffer[48..<96])
                    var k = 0
                    if negative { out[k] = UInt8(ascii: "-"); k += 1 }
                    if e >= -3 && e < 7 {
                        if e >= 0 {
                            for d in 0...e { out[k] = d < n ? digits[d] : 48; k += 1 }
                            out[k] = UInt8(ascii: "."); k += 1
                            if n > e + 1 {
                                for d in (e + 1)..<n { out[k] = digits[d]; k += 1 }
                            } else {
                                out[k] = 48; k += 1
                            }
                        } else {
                            out[k] = 48; out[k + 1] = UInt8(ascii: "."); k += 2
                            for _ in 0..<(-e - 1) { out[k] = 48; k += 1 }
                            for d in 0..<n { out[k] = digits[d]; k += 1 }
                        }
                    } else {
                        out[k] = digits[0]; out[k + 1] = UInt8(ascii: "."); k += 2
                        if n > 1 {
                            for d in 1..<n { out[k] = digits[d]; k += 1 }
                        } else {
                            out[k] = 48; k += 1
                        }
                        out[k] = UInt8(ascii: "E"); k += 1
                        if e < 0 { out[k] = UInt8(ascii: "-"); k += 1 }
                        var m = abs(e)
                        let start = k
                        repeat { out[k] = UInt8(48 + m % 10); k += 1; m /= 10 } while m > 0
                        var lo = start, hi = k - 1
                        while lo < hi { let t = out[lo]; out[lo] = out[hi]; out[hi] = t; lo += 1; hi -= 1 }
                    }
                    return String(decoding: UnsafeBufferPointer(rebasing: out[0..<k]), as: UTF8.self)
                }
            }
        }
    }
}
