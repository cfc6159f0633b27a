/// Byte classes for the lexer's dispatch, one table lookup per byte (SQLite's `aiClass` idea).
enum CharacterClass: UInt8 {
    case space, newline, letter, digit, underscore, quote, backtick, dot, operatorStart, other, highBit

    /// The class of every byte value.
    static let table: [CharacterClass] = {
        var table = [CharacterClass](repeating: .other, count: 256)
        for byte in [0x20, 0x09, 0x0B, 0x0C, 0x0D] { table[byte] = .space }
        table[0x0A] = .newline
        for byte in UInt8(ascii: "a")...UInt8(ascii: "z") { table[Int(byte)] = .letter }
        for byte in UInt8(ascii: "A")...UInt8(ascii: "Z") { table[Int(byte)] = .letter }
        for byte in UInt8(ascii: "0")...UInt8(ascii: "9") { table[Int(byte)] = .digit }
        table[Int(UInt8(ascii: "_"))] = .underscore
        table[Int(UInt8(ascii: "'"))] = .quote
        table[Int(UInt8(ascii: "\""))] = .quote
        table[Int(UInt8(ascii: "`"))] = .backtick
        table[Int(UInt8(ascii: "."))] = .dot
        for scalar in "()[]{},;:=!<>+-*/%&|^~?$\\".unicodeScalars { table[Int(scalar.value)] = .operatorStart }
        for byte in 0x80...0xFF { table[byte] = .highBit }
        return table
    }()
}

extension UInt8 {
    /// ASCII upper-casing of one byte; other bytes are returned unchanged.
    @inline(__always) var asciiUppercased: UInt8 {
        (self >= 0x61 && self <= 0x7A) ? self - 0x20 : self
    }

    /// Whether the byte may continue an identifier: letters, digits, `_`, and any non-ASCII byte
    /// (so identifiers in other scripts lex as one word rather than as garbage).
    @inline(__always) var isIdentifierByte: Bool {
        switch CharacterClass.table[Int(self)] {
        case .letter, .digit, .underscore, .highBit: return true
        case .space, .newline, .quote, .backtick, .dot, .operatorStart, .other: return false
        }
    }
}
