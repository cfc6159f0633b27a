/// Doubles and floats as Java's `Double.toString` / `Float.toString` write them, which is what the
/// spark-sql and Hive CLIs print: `1.0`, `3.5`, `1.0E7`, `1.0E-4`, `0.30000000000000004`, `NaN`, `Infinity`.
///
/// The digits are Swift's shortest round-trip digits; Java's layout rules are applied to them:
/// plain notation for 10⁻³ ≤ |x| < 10⁷ with at least one fraction digit, else `d.dddE±n`.
public enum JavaNumberText {
    public static func double(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value < 0 ? "-Infinity" : "Infinity" }
        if value == 0 { return value.sign == .minus ? "-0.0" : "0.0" }
        return layout(shortest: "\(value.magnitude)", negative: value < 0, magnitude: value.magnitude)
    }

    public static func float(_ value: Float) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value < 0 ? "-Infinity" : "Infinity" }
        if value == 0 { return value.sign == .minus ? "-0.0" : "0.0" }
        return layout(shortest: "\(value.magnitude)", negative: value < 0, magnitude: Double(value.magnitude))
    }

    /// Re-lays Swift's shortest text (`1e-05`, `12345.678`, `1e+20`, `0.001`) in Java's form.
    private static func layout(shortest: String, negative: Bool, magnitude: Double) -> String {
        // Split Swift's text into significant digits and the exponent of the first digit.
        var mantissa = Substring(shortest)
        var exponent = 0
        if let e = mantissa.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            exponent = Int(mantissa[mantissa.index(after: e)...].replacingPlus()) ?? 0
            mantissa = mantissa[..<e]
        }
        var integerPart = mantissa
        var fractionPart: Substring = ""
        if let dot = mantissa.firstIndex(of: ".") {
            integerPart = mantissa[..<dot]
            fractionPart = mantissa[mantissa.index(after: dot)...]
        }
        var digits = Array(integerPart) + Array(fractionPart)
        var pointPosition = integerPart.count + exponent  // digits before the decimal point
        while digits.count > 1, digits.first == "0" {
            digits.removeFirst()
            pointPosition -= 1
        }
        while digits.count > 1, digits.last == "0" { digits.removeLast() }
        let sign = negative ? "-" : ""
        if magnitude >= 1e-3 && magnitude < 1e7 {
            if pointPosition <= 0 {
                return sign + "0." + String(repeating: "0", count: -pointPosition) + String(digits)
            }
            if pointPosition >= digits.count {
                return sign + String(digits) + String(repeating: "0", count: pointPosition - digits.count) + ".0"
            }
            return sign + String(digits[..<pointPosition]) + "." + String(digits[pointPosition...])
        }
        let fraction = digits.count > 1 ? String(digits[1...]) : "0"
        return sign + String(digits[0]) + "." + fraction + "E" + String(pointPosition - 1)
    }
}

private extension Substring {
    func replacingPlus() -> Substring { first == "+" ? dropFirst() : self }
}
