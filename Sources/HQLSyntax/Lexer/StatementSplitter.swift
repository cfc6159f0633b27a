/// Splits a script into statement texts at `;` tokens, using the lexer, so a `;` inside a string,
/// a comment or a backtick identifier never splits (the spark-sql CLI's splitter has had many bugs here).
/// Hive's `\;` escape does not split either.
public enum StatementSplitter {
    /// One statement's text: from its first token to just before its `;` (comments before it excluded).
    public struct Piece: Equatable, Sendable {
        public var span: Span
        /// Whether a `;` ended it (false for a trailing statement at the end of input).
        public var isTerminated: Bool
    }

    /// The statements of `file` in order; empty statements (`;;`) are dropped.
    public static func split(_ file: SourceFile) -> [Piece] {
        var ignored: [Diagnostic] = []
        let tokens = Lexer.tokenize(file, diagnostics: &ignored)
        return split(tokens)
    }

    /// The statements of an already lexed token stream.
    public static func split(_ tokens: [Token]) -> [Piece] {
        var pieces: [Piece] = []
        var first: Token?
        var last: Token?
        var previous: Token?
        for token in tokens {
            switch token.kind {
            case .semicolon:
                if let escape = previous, escape.kind == .backslash, escape.span.end == token.span.start {
                    last = token
                } else {
                    if let first, let last {
                        pieces.append(Piece(span: Span(start: first.span.start, end: last.span.end), isTerminated: true))
                    }
                    first = nil
                    last = nil
                }
            case .endOfFile:
                if let first, let last {
                    pieces.append(Piece(span: Span(start: first.span.start, end: last.span.end), isTerminated: false))
                }
            default:
                if first == nil { first = token }
                last = token
            }
            previous = token
        }
        return pieces
    }

    /// Whether `text` holds at least one complete statement and nothing unfinished after the last `;`
    /// that is more than white space and comments. The REPL uses this to decide when to run what was typed.
    public static func isComplete(_ file: SourceFile) -> Bool {
        var diagnostics: [Diagnostic] = []
        let tokens = Lexer.tokenize(file, diagnostics: &diagnostics)
        // An unterminated string, identifier or comment means the user is still typing.
        if diagnostics.contains(where: { ["HQL1001", "HQL1002", "HQL1004"].contains($0.code) }) { return false }
        let pieces = split(tokens)
        guard let lastPiece = pieces.last else { return false }
        return lastPiece.isTerminated
    }
}
