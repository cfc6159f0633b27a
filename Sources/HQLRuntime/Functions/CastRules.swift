/// String and number conversions with Spark's non-ANSI rules (hqlrun's conformance oracle):
/// leading and trailing white space is ignored and a value that does not convert is nil (NULL).
enum CastRules {
    private static func trimmed(_ text: String) -> Substring {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        return Substring(text).drop(while: isSpace).reversed().drop(while: isSpace).reversed().reduce(into: "") {
            $0.append($1)
        }[...]
    }

    /// `true t yes y 1` and `false f no n 0`, in any case.
    static func boolean(_ text: String) -> Bool? {
        switch trimmed(text).lowercased() {
        case "true", "t", "yes", "y", "1": return true
        case "false", "f", "no", "n", "0": return false
        default: return nil
        }
    }

    /// Digits with an optional sign; a fraction is dropped (`'12.7'` is 12); out of range is nil.
    static func integer(_ text: String, bits: Int) -> Int64? {
        var body = trimmed(text)
        if let dot = body.firstIndex(of: ".") {
            let fraction = body[body.index(after: dot)...]
            guard fraction.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
            body = body[..<dot]
            if body == "" || body == "-" || body == "+" {
                guard !fraction.isEmpty else { return nil }
                body += "0"
            }
        }
        guard let value = Int64(body) else { return nil }
        switch bits {
        case 8: return Int8(exactly: value).map { _ in value }
        case 16: return Int16(exactly: value).map { _ in value }
        case 32: return Int32(exactly: value).map { _ in value }
        default: return value
        }
    }

    /// Java's `Double.parseDouble` forms, including `Infinity`, `NaN` and a trailing `d`/`f`.
    static func double(_ text: String) -> Double? {
        var body = trimmed(text)
        if let last = body.last, "dDfF".contains(last), body.count > 1,
           body.dropLast().last.map({ $0.isNumber || $0 == "." }) == true {
            body = body.dropLast()
        }
        switch body.lowercased() {
        case "infinity", "+infinity", "inf", "+inf": return .infinity
        case "-infinity", "-inf": return -.infinity
        case "nan": return .nan
        default: break
        }
        guard body.allSatisfy({ $0.isASCII && ($0.isNumber || "+-.eE".contains($0)) }) else { return nil }
        return Double(body)
    }

    /// A decimal text rounded half up to `scale` digits, as an unscaled integer; nil when it does not parse
    /// or does not fit DECIMAL(precision, scale).
    static func decimal(_ text: String, precision: Int, scale: Int) -> Int64? {
        var body = trimmed(text)
        var negative = false
        if body.first == "-" || body.first == "+" {
            negative = body.first == "-"
            body = body.dropFirst()
        }
        var exponent = 0
        if let e = body.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            guard let value = Int(body[body.index(after: e)...]) else { return nil }
            exponent = value
            body = body[..<e]
        }
        var digits = ""
        var fractionDigits = 0
        var seenPoint = false
        for character in body {
            if character == "." {
                if seenPoint { return nil }
                seenPoint = true
            } else if character.isASCII, character.isNumber {
                digits.append(character)
                if seenPoint { fractionDigits += 1 }
            } else {
                return nil
            }
        }
        guard !digits.isEmpty else { return nil }
        // value = digits × 10^(exponent − fractionDigits); bring it to `scale` fraction digits.
        let shift = scale + exponent - fractionDigits
        var trimmedDigits = Substring(digits).drop { $0 == "0" }
        if trimmedDigits.isEmpty { trimmedDigits = "0" }
        var unscaled: Int64
        if shift >= 0 {
            guard trimmedDigits.count + shift <= 18, let base = Int64(trimmedDigits) else { return nil }
            unscaled = base
            for _ in 0..<shift { unscaled *= 10 }
        } else {
            let drop = -shift
            if drop > trimmedDigits.count + 1 { return negative ? 0 : 0 }
            let keepCount = max(0, trimmedDigits.count - drop)
            let kept = trimmedDigits.prefix(keepCount)
            let firstDropped = trimmedDigits.dropFirst(keepCount).first ?? "0"
            guard kept.count <= 18 else { return nil }
            unscaled = kept.isEmpty ? 0 : (Int64(kept) ?? 0)
            if let digit = firstDropped.wholeNumberValue, digit >= 5 { unscaled += 1 }
        }
        let value = negative ? -unscaled : unscaled
        return fits(value, precision: precision) ? value : nil
    }

    /// Whether an unscaled value has at most `precision` digits.
    static func fits(_ value: Int64, precision: Int) -> Bool {
        guard precision < 19 else { return true }
        var limit: Int64 = 1
        for _ in 0..<precision { limit *= 10 }
        return value.magnitude < limit.magnitude
    }

    /// Drops `digits` decimal digits, rounding half away from zero (Hive's HALF_UP).
    static func roundHalfUp(_ value: Int64, droppingDigits digits: Int) -> Int64 {
        guard digits > 0 else { return value }
        guard digits < 19 else { return 0 }
        var factor: Int64 = 1
        for _ in 0..<digits { factor *= 10 }
        let quotient = value / factor
        let remainder = (value % factor).magnitude
        return remainder * 2 >= factor.magnitude ? (value < 0 ? quotient - 1 : quotient + 1) : quotient
    }
}
