/// DynamoDB's number rules (spec §7.2): parsing, the 38-significant-digit and range limits, the canonical text the
/// service stores and returns, and an order-preserving binary form for keys.
public enum DynamoNumber {
    /// The most significant digits a number may carry.
    public static let maximumDigits = 38
    /// The largest decimal exponent of the leading digit (9.99…E+125).
    public static let maximumExponent = 125
    /// The smallest decimal exponent of the leading digit (1E-130).
    public static let minimumExponent = -130

    /// A parsed number: sign, significant digits (no leading or trailing zeros; empty for zero) and the decimal
    /// exponent of the leading digit (value = d.ddd × 10^exponent).
    struct Parts: Equatable {
        var negative: Bool
        var digits: [UInt8]
        var exponent: Int
    }

    /// Returns the canonical text of `text` (`1.50` → `1.5`, `1E2` → `100`, `-0` → `0`), or throws the service's
    /// `ValidationException` for text that is not a number, has more than 38 significant digits or is out of range.
    public static func canonical(_ text: String) throws -> String {
        if isPlainCanonical(text) { return text }
        return render(try parse(text))
    }

    /// True when `text` is already canonical and within the limits, checked without allocating: `-`? then either
    /// a non-zero-led integer, or `0` / a non-zero-led integer, `.`, and a fraction not ending in `0`; at most 38
    /// digits, no exponent. The bulk write path takes this exit for nearly every number.
    static func isPlainCanonical(_ text: String) -> Bool {
        var utf8 = text.utf8[...]
        if utf8.first == UInt8(ascii: "-") { utf8 = utf8.dropFirst() }
        guard let first = utf8.first, first >= 0x31 && first <= 0x39 || first == 0x30 else { return false }
        var digits = 0
        var seenPoint = false
        var last: UInt8 = 0
        for byte in utf8 {
            if byte == UInt8(ascii: ".") {
                guard !seenPoint else { return false }
                seenPoint = true
            } else if byte >= 0x30 && byte <= 0x39 {
                digits += 1
            } else {
                return false
            }
            last = byte
        }
        if first == 0x30 {
            // "0" alone (not "-0"), or "0.xxx" with a short run of leading fraction zeros (the range check).
            if !seenPoint { return text == "0" }
            guard utf8.count >= 3, utf8.dropFirst().first == UInt8(ascii: "."), digits <= 39, utf8.count < 100 else { return false }
            guard utf8.dropFirst(2).contains(where: { $0 != 0x30 }) else { return false }
        } else if digits > 38 {
            return false
        }
        if seenPoint { return last != UInt8(ascii: ".") && last != 0x30 }
        return true
    }

    /// The number of significant digits of canonical or raw number text (0 for zero); used for item sizes.
    static func significantDigitCount(_ text: String) -> Int {
        if isPlainCanonical(text) {
            // Canonical: no leading zeros except "0.", no trailing zeros after a point; integers may end in zeros.
            var count = 0, leading = true, trailingZeros = 0
            let hasPoint = text.utf8.contains(UInt8(ascii: "."))
            for byte in text.utf8 where byte >= 0x30 && byte <= 0x39 {
                if leading && byte == 0x30 { continue }
                leading = false
                count += 1
                trailingZeros = byte == 0x30 ? trailingZeros + 1 : 0
            }
            return hasPoint ? count : count - trailingZeros
        }
        return (try? parse(text).digits.count) ?? text.utf8.count
    }

    /// Parses and validates number text.
    static func parse(_ text: String) throws -> Parts {
        let bytes = Array(text.utf8)
        var index = 0
        var negative = false
        if index < bytes.count, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") {
            negative = bytes[index] == UInt8(ascii: "-")
            index += 1
        }
        var digits: [UInt8] = []
        digits.reserveCapacity(bytes.count)
        var pointPosition: Int?
        var sawDigit = false
        while index < bytes.count {
            let byte = bytes[index]
            if byte >= 0x30 && byte <= 0x39 {
                digits.append(byte - 0x30)
                sawDigit = true
            } else if byte == UInt8(ascii: "."), pointPosition == nil {
                pointPosition = digits.count
            } else {
                break
            }
            index += 1
        }
        guard sawDigit else { throw notANumber() }
        var exponentShift = 0
        if index < bytes.count {
            guard bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") else { throw notANumber() }
            index += 1
            var exponentNegative = false
            if index < bytes.count, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") {
                exponentNegative = bytes[index] == UInt8(ascii: "-")
                index += 1
            }
            guard index < bytes.count else { throw notANumber() }
            var value = 0
            while index < bytes.count {
                let byte = bytes[index]
                guard byte >= 0x30 && byte <= 0x39 else { throw notANumber() }
                value = min(value * 10 + Int(byte - 0x30), 1_000_000)
                index += 1
            }
            exponentShift = exponentNegative ? -value : value
        }
        // value = 0.digits × 10^(integerDigits + shift), before trimming.
        var pointIndex = (pointPosition ?? digits.count) + exponentShift
        var leading = 0
        while leading < digits.count, digits[leading] == 0 { leading += 1 }
        if leading == digits.count { return Parts(negative: false, digits: [], exponent: 0) }
        pointIndex -= leading
        var trailing = digits.count
        while trailing > leading, digits[trailing - 1] == 0 { trailing -= 1 }
        let significant = Array(digits[leading..<trailing])
        let exponent = pointIndex - 1
        guard significant.count <= maximumDigits else {
            throw DynamoDBError(.validation, "Attempting to store more than 38 significant digits in a Number")
        }
        guard exponent <= maximumExponent else {
            throw DynamoDBError(
                .validation,
                "Number overflow. Attempting to store a number with magnitude larger than supported range")
        }
        guard exponent >= minimumExponent else {
            throw DynamoDBError(
                .validation,
                "Number underflow. Attempting to store a number with magnitude smaller than supported range")
        }
        return Parts(negative: negative, digits: significant, exponent: exponent)
    }

    private static func notANumber() -> DynamoDBError {
        DynamoDBError(.validation, "A value provided cannot be converted into a number")
    }

    /// Plain decimal text, no exponent, no leading or trailing zeros.
    static func render(_ parts: Parts) -> String {
        guard !parts.digits.isEmpty else { return "0" }
        var out: [UInt8] = []
        out.reserveCapacity(parts.digits.count + abs(parts.exponent) + 3)
        if parts.negative { out.append(UInt8(ascii: "-")) }
        let integerDigits = parts.exponent + 1
        if integerDigits <= 0 {
            out.append(UInt8(ascii: "0"))
            out.append(UInt8(ascii: "."))
            out.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: -integerDigits))
            out.append(contentsOf: parts.digits.map { $0 + 0x30 })
        } else if integerDigits >= parts.digits.count {
            out.append(contentsOf: parts.digits.map { $0 + 0x30 })
            out.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: integerDigits - parts.digits.count))
        } else {
            out.append(contentsOf: parts.digits[..<integerDigits].map { $0 + 0x30 })
            out.append(UInt8(ascii: "."))
            out.append(contentsOf: parts.digits[integerDigits...].map { $0 + 0x30 })
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// An order-preserving byte form: comparing two encodings with `memcmp` orders the numbers by value.
    ///
    /// Layout: a class byte (0x40 negative, 0x80 zero, 0xC0 positive), then for non-zero numbers the biased
    /// exponent (2 bytes, big-endian) and each digit plus one, ending in 0x00; every byte after the class byte is
    /// inverted for negative numbers, so larger magnitudes sort first.
    static func orderedBytes(_ parts: Parts) -> [UInt8] {
        guard !parts.digits.isEmpty else { return [0x80] }
        var out: [UInt8] = [parts.negative ? 0x40 : 0xC0]
        let biased = UInt16(parts.exponent + 0x8000)
        var body: [UInt8] = [UInt8(biased >> 8), UInt8(biased & 0xFF)]
        body.append(contentsOf: parts.digits.map { $0 + 1 })
        body.append(0)
        if parts.negative { body = body.map { ~$0 } }
        out.append(contentsOf: body)
        return out
    }
}
