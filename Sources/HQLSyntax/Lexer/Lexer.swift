/// Turns HiveQL/Spark SQL source bytes into tokens.
///
/// Works on UTF-8 bytes through a 256-entry class table; comments and white space are skipped,
/// never materialised. Lexical errors (unterminated strings or comments, stray bytes) become
/// diagnostics with positions, and lexing goes on, so one run reports everything.
public struct Lexer {
    /// Lexes the whole file; the result always ends with an `.endOfFile` token.
    public static func tokenize(_ file: SourceFile, diagnostics: inout [Diagnostic]) -> [Token] {
        tokenize(file, in: Span(start: 0, end: file.bytes.count), diagnostics: &diagnostics)
    }

    /// Lexes the bytes of `range` only.
    public static func tokenize(_ file: SourceFile, in range: Span, diagnostics: inout [Diagnostic]) -> [Token] {
        file.bytes.withUnsafeBufferPointer { buffer in
            var lexer = LexerState(bytes: buffer, position: range.start, end: min(range.end, buffer.count))
            // A rough guess of one token per five bytes avoids most regrowth.
            lexer.tokens.reserveCapacity(max(16, range.length / 5))
            lexer.run()
            diagnostics.append(contentsOf: lexer.diagnostics)
            return lexer.tokens
        }
    }
}

/// The mutable cursor of one lexing run.
private struct LexerState {
    let bytes: UnsafeBufferPointer<UInt8>
    var position: Int
    let end: Int
    var tokens: [Token] = []
    var diagnostics: [Diagnostic] = []
    private let classes = CharacterClass.table
    private let keywordTable = KeywordTable.shared

    init(bytes: UnsafeBufferPointer<UInt8>, position: Int, end: Int) {
        self.bytes = bytes
        self.position = position
        self.end = end
    }

    @inline(__always) func byte(at index: Int) -> UInt8 {
        index < end ? bytes[index] : 0
    }

    mutating func run() {
        while position < end {
            let start = position
            let current = bytes[position]
            switch classes[Int(current)] {
            case .space, .newline:
                position += 1
            case .letter, .underscore, .highBit:
                lexWord(from: start)
            case .digit:
                lexNumberOrWord(from: start)
            case .dot:
                if classes[Int(byte(at: position + 1))] == .digit {
                    lexNumberOrWord(from: start)
                } else {
                    position += 1
                    tokens.append(Token(.dot, Span(start: start, end: position)))
                }
            case .quote:
                lexString(from: start, quote: current)
            case .backtick:
                lexQuotedIdentifier(from: start)
            case .operatorStart:
                lexOperator(from: start, current)
            case .other:
                position += 1
                // Swallow a run of unexpected bytes into one token so garbage yields one diagnostic, not thousands.
                while position < end, classes[Int(bytes[position])] == .other { position += 1 }
                let span = Span(start: start, end: position)
                tokens.append(Token(.invalid, span))
                diagnostics.append(.error("HQL1003", "unexpected character in input", at: span))
            }
        }
        tokens.append(Token(.endOfFile, Span(start: end, end: end)))
    }

    // MARK: - Words and numbers

    mutating func lexWord(from start: Int) {
        position += 1
        while position < end, bytes[position].isIdentifierByte { position += 1 }
        if let keyword = keywordTable.lookup(bytes, start, position) {
            tokens.append(Token(.keyword(keyword), Span(start: start, end: position)))
        } else {
            tokens.append(Token(.identifier, Span(start: start, end: position)))
        }
    }

    /// Numbers: `12`, `1.5`, `.5`, `1e10`, `1.5E-3`, with an optional suffix `L S Y D F BD`.
    /// Hive and Spark both allow identifiers that start with digits (`1st_col`), so a digit run
    /// followed by more identifier bytes that are not a suffix is a word.
    mutating func lexNumberOrWord(from start: Int) {
        var cursor = start
        while classes[Int(byte(at: cursor))] == .digit { cursor += 1 }
        let integerDigitsEnd = cursor
        // `1.` is a number, but `a[0].f` is a field access, so the dot is taken only before a digit or a non-word byte.
        if byte(at: cursor) == UInt8(ascii: "."),
           classes[Int(byte(at: cursor + 1))] == .digit || (cursor > start && !byte(at: cursor + 1).isIdentifierByte) {
            cursor += 1
            while classes[Int(byte(at: cursor))] == .digit { cursor += 1 }
        }
        let hasDigits = cursor > start + (integerDigitsEnd == start ? 1 : 0)
        if hasDigits, byte(at: cursor) | 0x20 == UInt8(ascii: "e") {
            var exponent = cursor + 1
            if byte(at: exponent) == UInt8(ascii: "+") || byte(at: exponent) == UInt8(ascii: "-") { exponent += 1 }
            if classes[Int(byte(at: exponent))] == .digit {
                cursor = exponent
                while classes[Int(byte(at: cursor))] == .digit { cursor += 1 }
            }
        }
        // Suffixes.
        let first = byte(at: cursor).asciiUppercased
        if first == UInt8(ascii: "B"), byte(at: cursor + 1).asciiUppercased == UInt8(ascii: "D"),
           !byte(at: cursor + 2).isIdentifierByte {
            cursor += 2
        } else if [UInt8(ascii: "L"), UInt8(ascii: "S"), UInt8(ascii: "Y"), UInt8(ascii: "D"), UInt8(ascii: "F")]
                    .contains(first), !byte(at: cursor + 1).isIdentifierByte {
            cursor += 1
        }
        if byte(at: cursor).isIdentifierByte, integerDigitsEnd == cursor || !containsDot(start, cursor) {
            // `123abc`: an identifier starting with digits.
            position = cursor
            while position < end, bytes[position].isIdentifierByte { position += 1 }
            tokens.append(Token(.identifier, Span(start: start, end: position)))
            return
        }
        position = cursor
        tokens.append(Token(.number, Span(start: start, end: position)))
    }

    private func containsDot(_ start: Int, _ end: Int) -> Bool {
        var index = start
        while index < end {
            if bytes[index] == UInt8(ascii: ".") { return true }
            index += 1
        }
        return false
    }

    // MARK: - Quoted things

    /// A string in `'` or `"`; a backslash escapes the next byte, whatever it is.
    mutating func lexString(from start: Int, quote: UInt8) {
        position += 1
        while position < end {
            let current = bytes[position]
            if current == UInt8(ascii: "\\") {
                position += 2
                continue
            }
            position += 1
            if current == quote {
                tokens.append(Token(.string, Span(start: start, end: position)))
                return
            }
        }
        position = end
        let span = Span(start: start, end: end)
        tokens.append(Token(.string, span))
        diagnostics.append(.error("HQL1001", "unterminated string literal", at: Span(start: start, end: start + 1)))
    }

    /// A backtick identifier; a doubled backtick stands for one.
    mutating func lexQuotedIdentifier(from start: Int) {
        position += 1
        while position < end {
            if bytes[position] == UInt8(ascii: "`") {
                if byte(at: position + 1) == UInt8(ascii: "`") {
                    position += 2
                    continue
                }
                position += 1
                tokens.append(Token(.quotedIdentifier, Span(start: start, end: position)))
                return
            }
            position += 1
        }
        tokens.append(Token(.quotedIdentifier, Span(start: start, end: end)))
        diagnostics.append(.error("HQL1002", "unterminated quoted identifier", at: Span(start: start, end: start + 1)))
    }

    // MARK: - Comments and operators

    /// Skips a `/* .. */` comment, which nests as in Spark.
    mutating func skipBlockComment(from start: Int) {
        var depth = 0
        while position < end {
            if bytes[position] == UInt8(ascii: "/"), byte(at: position + 1) == UInt8(ascii: "*") {
                depth += 1
                position += 2
            } else if bytes[position] == UInt8(ascii: "*"), byte(at: position + 1) == UInt8(ascii: "/") {
                depth -= 1
                position += 2
                if depth == 0 { return }
            } else {
                position += 1
            }
        }
        diagnostics.append(.error("HQL1004", "unterminated comment", at: Span(start: start, end: start + 2)))
    }

    mutating func lexOperator(from start: Int, _ current: UInt8) {
        let next = byte(at: position + 1)
        var kind: TokenKind
        var length = 1
        switch current {
        case UInt8(ascii: "("): kind = .leftParen
        case UInt8(ascii: ")"): kind = .rightParen
        case UInt8(ascii: "["): kind = .leftBracket
        case UInt8(ascii: "]"): kind = .rightBracket
        case UInt8(ascii: "{"): kind = .leftBrace
        case UInt8(ascii: "}"): kind = .rightBrace
        case UInt8(ascii: ","): kind = .comma
        case UInt8(ascii: ";"): kind = .semicolon
        case UInt8(ascii: "?"): kind = .question
        case UInt8(ascii: "$"): kind = .dollar
        case UInt8(ascii: "\\"): kind = .backslash
        case UInt8(ascii: "~"): kind = .tilde
        case UInt8(ascii: "^"): kind = .caret
        case UInt8(ascii: "+"): kind = .plus
        case UInt8(ascii: "*"): kind = .star
        case UInt8(ascii: "%"): kind = .percent
        case UInt8(ascii: ":"):
            if next == UInt8(ascii: ":") { kind = .doubleColon; length = 2 } else { kind = .colon }
        case UInt8(ascii: "="):
            if next == UInt8(ascii: "=") { kind = .equalEqual; length = 2 } else { kind = .equal }
        case UInt8(ascii: "!"):
            if next == UInt8(ascii: "=") { kind = .bangEqual; length = 2 } else { kind = .bang }
        case UInt8(ascii: "<"):
            if next == UInt8(ascii: "=") {
                if byte(at: position + 2) == UInt8(ascii: ">") { kind = .nullSafeEqual; length = 3 }
                else { kind = .lessEqual; length = 2 }
            } else if next == UInt8(ascii: ">") { kind = .lessGreater; length = 2 }
            else { kind = .less }
        case UInt8(ascii: ">"):
            if next == UInt8(ascii: "=") { kind = .greaterEqual; length = 2 } else { kind = .greater }
        case UInt8(ascii: "&"):
            if next == UInt8(ascii: "&") { kind = .ampersandAmpersand; length = 2 } else { kind = .ampersand }
        case UInt8(ascii: "|"):
            if next == UInt8(ascii: "|") { kind = .pipePipe; length = 2 } else { kind = .pipe }
        case UInt8(ascii: "-"):
            if next == UInt8(ascii: "-") {
                skipLineComment()
                return
            }
            if next == UInt8(ascii: ">") { kind = .arrow; length = 2 } else { kind = .minus }
        case UInt8(ascii: "/"):
            if next == UInt8(ascii: "*") {
                skipBlockComment(from: start)
                return
            }
            kind = .slash
        default:
            kind = .invalid
        }
        position += length
        tokens.append(Token(kind, Span(start: start, end: position)))
    }

    mutating func skipLineComment() {
        while position < end, bytes[position] != UInt8(ascii: "\n") { position += 1 }
    }
}
