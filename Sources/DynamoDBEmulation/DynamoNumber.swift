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
        render(try parse(text))
    }

    /// The number of significant digits of canonical or raw number text (0 for zero); used for item sizes.
    static func significantDigitCount(_ text: String) -> Int {
        (try? parse(text).digits.count) ?? text.utf8.count
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
