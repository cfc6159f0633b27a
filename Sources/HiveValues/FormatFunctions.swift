/// `format_number` (Java `DecimalFormat`) and `format_string` / `printf` (a `java.util.Formatter` subset).
///
/// Java formats a double from its `Double.toString` digits, not from its exact binary value: `%.2f` of 2.675 is
/// `2.68` and `format_number(1234567.895, 2)` is `1,234,567.90` (both confirmed against Spark 4.3). The same is
/// done here, from the shortest round-trip digits.
public enum FormatFunctions {
    /// `format_number(x, d)` for a DOUBLE: grouped with `,`, exactly `d` fraction digits, HALF_EVEN
    /// (`format_number(2.5, 0)` is `2`); nil when `d` < 0. A negative value rounding to zero keeps its `-`.
    public static func formatNumber(_ x: Double, _ d: Int) -> String? {
        guard d >= 0 else { return nil }
        if x.isNaN { return "NaN" }
        if x.isInfinite { return x < 0 ? "-∞" : "∞" } // DecimalFormat's infinity symbol
        return group(DecimalDigits(x), minFraction: d, maxFraction: d, grouping: 3, minInteger: 1, mode: .halfEven)
    }

    /// `format_number(x, d)` for a DECIMAL or an integer given as decimal digits.
    public static func formatNumber(_ x: HiveDecimal, _ d: Int) -> String? {
        guard d >= 0 else { return nil }
        return group(DecimalDigits(x), minFraction: d, maxFraction: d, grouping: 3, minInteger: 1, mode: .halfEven)
    }

    /// `format_number(x, pattern)` with a `DecimalFormat` pattern such as `##.###` or `#,##0.00`: `0` digits are
    /// always shown, `#` only when non-zero (but at least one integer digit); the grouping size is the digits after
    /// the last `,`.
    public static func formatNumber(_ x: Double, pattern: String) -> String? {
        let p = Array(pattern.utf8)
        let point = p.firstIndex(of: UInt8(ascii: ".")) ?? p.count
        let intPart = p[..<point], fracPart = point < p.count ? p[(point + 1)...] : []
        // Spark prints format_number(0.5, '#.#') as 0.5: at least one integer digit (confirmed).
        let minInt = max(intPart.filter { $0 == 48 }.count, 1)
        let minFrac = fracPart.filter { $0 == 48 }.count
        let maxFrac = fracPart.filter { $0 == 48 || $0 == UInt8(ascii: "#") }.count
        var grouping = 0
        if let comma = intPart.lastIndex(of: UInt8(ascii: ",")) { grouping = intPart.distance(from: comma, to: intPart.endIndex) - 1 }
        guard x.isFinite else { return JavaNumberText.double(x) }
        return group(DecimalDigits(x), minFraction: minFrac, maxFraction: maxFrac, grouping: grouping,
                     minInteger: minInt, mode: .halfEven)
    }

    static func group(_ v: DecimalDigits, minFraction: Int, maxFraction: Int, grouping: Int, minInteger: Int,
                      mode: DecimalRounding) -> String {
        var (intDigits, frac) = v.rounded(fractionDigits: maxFraction, mode: mode)
        while frac.count > minFraction, frac.last == 48 { frac.removeLast() }
        while intDigits.count > max(minInteger, 0), intDigits.first == 48 { intDigits.removeFirst() }
        while intDigits.count < minInteger { intDigits.insert(48, at: 0) }
        var out: [UInt8] = v.negative ? [UInt8(ascii: "-")] : []
        for (i, c) in intDigits.enumerated() {
            if grouping > 0 && i > 0 && (intDigits.count - i) % grouping == 0 { out.append(UInt8(ascii: ",")) }
            out.append(c)
        }
        if !frac.isEmpty { out.append(UInt8(ascii: ".")); out.append(contentsOf: frac) }
        return String(decoding: out, as: UTF8.self)
    }

    // MARK: - format_string / printf

    /// `format_string(fmt, args...)` / `printf`: `%[index$][flags][width][.precision]conv` with conversions
    /// `s S d x X o f e E g G c b B %` and `n`, flags `- 0 + , (space) #`. A NULL argument prints `null`. nil when
    /// an argument does not suit its conversion (Java throws; Spark fails the query).
    public static func formatString(_ format: String, _ args: [HiveValue]) -> String? {
        let f = Array(format.unicodeScalars)
        var out = ""
        var i = 0
        var nextArg = 0
        while i < f.count {
            let c = f[i]
            if c != "%" { out.unicodeScalars.append(c); i += 1; continue }
            i += 1
            guard i < f.count else { return nil }
            // argument index
            var j = i
            var number = 0
            while j < f.count, let d = f[j].asciiDigit { number = number * 10 + d; j += 1 }
            var explicitIndex: Int? = nil
            if j < f.count, f[j] == "$", j > i { explicitIndex = number - 1; i = j + 1 }
            var flags = Set<Unicode.Scalar>()
            while i < f.count, "-#+ 0,(".unicodeScalars.contains(f[i]) { flags.insert(f[i]); i += 1 }
            var width = 0
            while i < f.count, let d = f[i].asciiDigit { width = width * 10 + d; i += 1 }
            var precision: Int? = nil
            if i < f.count, f[i] == "." {
                i += 1
                var p = 0
                while i < f.count, let d = f[i].asciiDigit { p = p * 10 + d; i += 1 }
                precision = p
            }
            guard i < f.count else { return nil }
            let conv = f[i]
            i += 1
            if conv == "%" { out += pad("%", width, flags); continue }
            if conv == "n" { out += "\n"; continue }
            let argIndex = explicitIndex ?? nextArg
            if explicitIndex == nil { nextArg += 1 }
            guard argIndex >= 0, argIndex < args.count else { return nil }
            guard let piece = formatOne(args[argIndex], conv, flags, precision) else { return nil }
            if flags.contains("0") && !flags.contains("-") && "dxXofeEgG".unicodeScalars.contains(conv) {
                out += zeroPad(piece, width) // `%05d`: zeros go after the sign
            } else {
                out += pad(piece, width, flags)
            }
        }
        return out
    }

    private static func pad(_ s: String, _ width: Int, _ flags: Set<Unicode.Scalar>) -> String {
        let n = s.unicodeScalars.count
        guard width > n else { return s }
        let fill = String(repeating: " ", count: width - n)
        return flags.contains("-") ? s + fill : fill + s
    }

    private static func zeroPad(_ s: String, _ width: Int) -> String {
        let n = s.unicodeScalars.count
        guard width > n else { return s }
        let zeros = String(repeating: "0", count: width - n)
        if s.hasPrefix("-") || s.hasPrefix("+") || s.hasPrefix(" ") { return String(s.prefix(1)) + zeros + s.dropFirst() }
        return zeros + s
    }

    private static func formatOne(_ v: HiveValue, _ conv: Unicode.Scalar, _ flags: Set<Unicode.Scalar>, _ precision: Int?) -> String? {
        switch conv {
        case "s", "S":
            var s = v.isNull ? "null" : v.cliText
            if let p = precision { s = String(s.unicodeScalars.prefix(p)) }
            return conv == "S" ? s.uppercased() : s
        case "b", "B":
            let s: String
            switch v { case .null: s = "false"; case .boolean(let b): s = b ? "true" : "false"; default: s = "true" }
            return conv == "B" ? s.uppercased() : s
        case "h", "H":
            guard !v.isNull else { return "null" }
            return nil
        default: break
        }
        if v.isNull { return "null" }
        switch conv {
        case "d":
            // Spark passes DECIMAL as its own Decimal class, which Java's %d rejects (confirmed), so only integers.
            guard let n = v.int64Value else { return nil }
            return signed(String(String(n).trimmingMinus), negative: String(n).hasPrefix("-"), flags, grouped: flags.contains(","))
        case "x", "X", "o":
            guard let n = v.int64Value else { return nil }
            let bits: UInt64
            switch v {
            case .tinyint(let x): bits = UInt64(UInt8(bitPattern: x))
            case .smallint(let x): bits = UInt64(UInt16(bitPattern: x))
            case .int(let x): bits = UInt64(UInt32(bitPattern: x))
            default: bits = UInt64(bitPattern: n)
            }
            var s = String(bits, radix: conv == "o" ? 8 : 16, uppercase: conv == "X")
            if flags.contains("#") { s = (conv == "o" ? "0" : (conv == "X" ? "0X" : "0x")) + s }
            return s
        case "c":
            guard let n = v.int64Value, let u = Unicode.Scalar(UInt32(truncatingIfNeeded: n)) else { return nil }
            return String(Character(u))
        case "f", "e", "E", "g", "G":
            let digits: DecimalDigits
            switch v {
            case .float(let x): if !x.isFinite { return JavaNumberText.float(x) }; digits = DecimalDigits(Double(x))
            case .double(let x): if !x.isFinite { return JavaNumberText.double(x) }; digits = DecimalDigits(x)
            case .decimal(let d): digits = DecimalDigits(d)
            default: return nil // Java rejects %f for integers
            }
            var p = precision ?? 6
            if conv == "g" || conv == "G" {
                // Java's %g: p significant digits (HALF_UP); plain notation when 1e-4 <= |x| < 10^p.
                if p == 0 { p = 1 }
                let sci = scientific(digits, precision: p - 1, upper: conv == "G")
                let expText = sci.split(whereSeparator: { $0 == "e" || $0 == "E" }).last.map(String.init) ?? "0"
                let exp = Int(expText.hasPrefix("+") ? String(expText.dropFirst()) : expText) ?? 0
                let isZero = digits.digits.allSatisfy { $0 == 48 }
                if isZero || (exp >= -4 && exp < p) {
                    let body = group(digits, minFraction: max(p - 1 - (isZero ? 0 : exp), 0),
                                     maxFraction: max(p - 1 - (isZero ? 0 : exp), 0), grouping: 0, minInteger: 1, mode: .halfUp)
                    return signed(String(body.trimmingMinus), negative: digits.negative, flags, grouped: false)
                }
                return signed(sci, negative: digits.negative, flags, grouped: false)
            }
            if conv == "f" {
                let body = group(digits, minFraction: p, maxFraction: p, grouping: flags.contains(",") ? 3 : 0,
                                 minInteger: 1, mode: .halfUp)
                return signed(String(body.trimmingMinus), negative: digits.negative, flags, grouped: false)
            }
            let body = scientific(digits, precision: p, upper: conv == "E")
            return signed(body, negative: digits.negative, flags, grouped: false)
        default:
            return nil
        }
    }

    private static func signed(_ magnitude: String, negative: Bool, _ flags: Set<Unicode.Scalar>, grouped: Bool) -> String {
        var m = magnitude
        if grouped {
            var out = ""
            for (i, ch) in m.enumerated() {
                if i > 0 && (m.count - i) % 3 == 0 { out += "," }
                out.append(ch)
            }
            m = out
        }
        if negative { return flags.contains("(") ? "(" + m + ")" : "-" + m }
        if flags.contains("+") { return "+" + m }
        if flags.contains(" ") { return " " + m }
        return m
    }

    /// `d.ddddde+xx` with HALF_UP rounding, as Java's `%e`.
    private static func scientific(_ v: DecimalDigits, precision: Int, upper: Bool) -> String {
        var digits = v.digits
        var exp = v.pointIndex - 1
        if digits.allSatisfy({ $0 == 48 }) { digits = [48]; exp = 0 }
        let shifted = DecimalDigits(negative: false, digits: digits, pointIndex: 1)
        var (intPart, frac) = shifted.rounded(fractionDigits: precision, mode: .halfUp)
        if intPart.count > 1 { // rounding carried into a new digit (9.99 → 10.0)
            frac = Array((intPart.dropFirst() + frac).prefix(precision))
            intPart = [intPart[0]]
            exp += 1
        }
        var s = String(decoding: intPart, as: UTF8.self)
        if precision > 0 { s += "." + String(decoding: frac, as: UTF8.self) }
        s += upper ? "E" : "e"
        s += exp < 0 ? "-" : "+"
        let e = String(abs(exp))
        s += e.count < 2 ? "0" + e : e
        return s
    }
}

/// A decimal number as digits and a point position: value = 0.d1d2d3... × 10^pointIndex.
struct DecimalDigits {
    var negative: Bool
    /// ASCII digits.
    var digits: [UInt8]
    /// How many of `digits` stand before the point (may be <= 0 or beyond the count).
    var pointIndex: Int

    init(negative: Bool, digits: [UInt8], pointIndex: Int) {
        self.negative = negative
        self.digits = digits
        self.pointIndex = pointIndex
    }

    /// From a double's shortest round-trip digits (Java's `Double.toString` digits).
    init(_ x: Double) {
        let d = ShortestDigits(x)
        self.init(negative: x.sign == .minus, digits: d.digits, pointIndex: d.exponent + 1)
    }

    /// From a decimal's exact digits.
    init(_ x: HiveDecimal) {
        let mag = String(x.unscaled.magnitude)
        self.init(negative: x.unscaled < 0, digits: Array(mag.utf8), pointIndex: mag.utf8.count - x.scale)
    }

    /// The integer digits and exactly `fractionDigits` fraction digits after rounding with `mode`.
    func rounded(fractionDigits n: Int, mode: DecimalRounding) -> (integer: [UInt8], fraction: [UInt8]) {
        var intPart: [UInt8] = []
        var frac: [UInt8] = []
        if pointIndex <= 0 {
            intPart = [48]
            frac = Array(repeating: 48, count: -pointIndex) + digits
        } else if pointIndex >= digits.count {
            intPart = digits + Array(repeating: 48, count: pointIndex - digits.count)
        } else {
            intPart = Array(digits[0..<pointIndex])
            frac = Array(digits[pointIndex...])
        }
        var kept = Array(frac.prefix(n))
        let dropped = frac.count > n ? Array(frac[n...]) : []
        while kept.count < n { kept.append(48) }
        var up = false
        if let first = dropped.first {
            let restNonZero = dropped.dropFirst().contains { $0 != 48 }
            switch mode {
            case .halfUp: up = first >= 53
            case .halfEven:
                if first > 53 || (first == 53 && restNonZero) { up = true }
                else if first == 53 {
                    let lastKept = kept.last ?? intPart.last ?? 48
                    up = (lastKept - 48) % 2 == 1
                }
            case .down: up = false
            case .floor: up = negative && dropped.contains { $0 != 48 }
            case .ceiling: up = !negative && dropped.contains { $0 != 48 }
            }
        }
        if up {
            var all = intPart + kept
            var k = all.count - 1
            while k >= 0 {
                if all[k] == 57 { all[k] = 48; k -= 1 } else { all[k] += 1; break }
            }
            if k < 0 { all.insert(49, at: 0) }
            intPart = Array(all[0..<(all.count - n)])
            kept = Array(all[(all.count - n)...])
        }
        return (intPart, kept)
    }
}

extension Unicode.Scalar {
    /// The value of an ASCII digit.
    var asciiDigit: Int? { value >= 48 && value <= 57 ? Int(value - 48) : nil }
}

extension String {
    /// The string without a leading `-`.
    var trimmingMinus: Substring { hasPrefix("-") ? dropFirst() : Substring(self) }
}
