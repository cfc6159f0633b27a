/// Decodes the text of string literals and backtick identifiers as Hive does
/// (`BaseSemanticAnalyzer.unescapeSQLString`'s rules, reimplemented).
public enum StringLiteral {
    /// The value of a `'..'` or `".."` token: quotes removed, escapes decoded.
    ///
    /// `\0` NUL, `\'` `\"` `\\`, `\b` `\n` `\r` `\t`, `\Z` (U+001A), `\uXXXX`, octal `\ooo` (first digit 0 or 1),
    /// while `\%` and `\_` keep their backslash so that LIKE patterns still see them escaped.
    /// Any other escaped byte stands for itself.
    public static func decode(_ bytes: ArraySlice<UInt8>) -> String {
        guard let quote = bytes.first else { return "" }
        var body = bytes.dropFirst()
        if body.last == quote, body.count >= 1 { body = body.dropLast() }
        // Fast path: nothing to decode.
        if !body.contains(UInt8(ascii: "\\")) { return String(decoding: body, as: UTF8.self) }
        var out: [UInt8] = []
        out.reserveCapacity(body.count)
        var index = body.startIndex
        while index < body.endIndex {
            let current = body[index]
            guard current == UInt8(ascii: "\\"), index + 1 < body.endIndex else {
                out.append(current)
                index += 1
                continue
            }
            let next = body[index + 1]
            if next == UInt8(ascii: "u"), index + 5 < body.endIndex, let scalar = hexScalar(body[(index + 2)..<(index + 6)]) {
                out.append(contentsOf: Array(String(Character(scalar)).utf8))
                index += 6
                continue
            }
            if index + 3 < body.endIndex, (0x30...0x31).contains(next), isOctal(body[index + 2]), isOctal(body[index + 3]) {
                let value = (next - 0x30) * 64 + (body[index + 2] - 0x30) * 8 + (body[index + 3] - 0x30)
                out.append(value)
                index += 4
                continue
            }
            switch next {
            case UInt8(ascii: "0"): out.append(0)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "Z"): out.append(0x1A)
            case UInt8(ascii: "%"), UInt8(ascii: "_"): out.append(UInt8(ascii: "\\")); out.append(next)
            default: out.append(next)
            }
            index += 2
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The name inside a backtick identifier, with doubled backticks made single.
    public static func decodeQuotedIdentifier(_ bytes: ArraySlice<UInt8>) -> String {
        var body = bytes.dropFirst()
        if body.last == UInt8(ascii: "`") { body = body.dropLast() }
        var out: [UInt8] = []
        out.reserveCapacity(body.count)
        var previousWasBacktick = false
        for byte in body {
            if byte == UInt8(ascii: "`"), previousWasBacktick {
                previousWasBacktick = false
                continue
            }
            previousWasBacktick = byte == UInt8(ascii: "`")
            out.append(byte)
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Writes `value` as a single-quoted Hive string literal that decodes back to `value`.
    public static func quote(_ value: String) -> String {
        var out = "'"
        var needsWork = false
        for byte in value.utf8 where byte == UInt8(ascii: "'") || byte == UInt8(ascii: "\\") || byte < 0x20 {
            needsWork = true
            break
        }
        if !needsWork { return "'" + value + "'" }
        var scalars = value.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = scalars.next()
        while let scalar = pending {
            pending = scalars.next()
            switch scalar {
            case "'": out += "\\'"
            case "\\":
                // `\%` and `\_` decode to themselves with the backslash kept, so they need no doubling.
                if let following = pending, following == "%" || following == "_" { out += "\\" } else { out += "\\\\" }
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{0}": out += "\\0"
            default:
                if scalar.value < 0x20 {
                    let octal = String(scalar.value, radix: 8)
                    out += "\\" + String(repeating: "0", count: 3 - octal.count) + octal
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "'"
    }

    private static func isOctal(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x37 }

    private static func hexScalar(_ bytes: ArraySlice<UInt8>) -> Unicode.Scalar? {
        var value: UInt32 = 0
        for byte in bytes {
            let digit: UInt32
            switch byte {
            case 0x30...0x39: digit = UInt32(byte - 0x30)
            case 0x41...0x46: digit = UInt32(byte - 0x41 + 10)
            case 0x61...0x66: digit = UInt32(byte - 0x61 + 10)
            default: return nil
            }
            value = value * 16 + digit
        }
        return Unicode.Scalar(value)
    }
}
