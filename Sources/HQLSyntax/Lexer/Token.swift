/// One lexical token: what it is and where it is. Its text is sliced from the source on demand.
public struct Token: Equatable, Sendable {
    public var kind: TokenKind
    public var span: Span

    public init(_ kind: TokenKind, _ span: Span) {
        self.kind = kind
        self.span = span
    }
}

/// The kinds of token the HiveQL/Spark SQL lexer produces.
public enum TokenKind: Hashable, Sendable {
    /// A bare word that is not a keyword.
    case identifier
    /// A backtick-quoted identifier (doubled backticks stand for one).
    case quotedIdentifier
    /// A keyword; non-reserved ones may still be used as identifiers by the parser.
    case keyword(Keyword)
    /// A string literal in `'` or `"`, escapes not yet decoded.
    case string
    /// A numeric literal, possibly with an exponent and a type suffix (`L S Y D F BD`).
    case number

    case leftParen, rightParen, leftBracket, rightBracket, leftBrace, rightBrace
    case comma, semicolon, dot, colon
    /// `::`, which is not HiveQL; lexed so the parser can reject it clearly.
    case doubleColon
    /// `->` of lambda functions.
    case arrow

    /// `=`
    case equal
    /// `==`
    case equalEqual
    /// `!=`
    case bangEqual
    /// `<>`
    case lessGreater
    /// `<=>`
    case nullSafeEqual
    case less, lessEqual, greater, greaterEqual
    case plus, minus, star, slash, percent
    case ampersand, pipe, caret, tilde
    /// `||` (string concatenation in Spark; OR in old Hive).
    case pipePipe
    /// `&&` (AND in Hive).
    case ampersandAmpersand
    /// `!` (NOT in Hive).
    case bang
    /// `?` (a parameter marker; not HiveQL).
    case question
    /// `$` left behind by an undefined `${var}`.
    case dollar
    /// `\`, meaningful only as Hive's `\;` escape.
    case backslash

    /// A byte sequence that is no token; the lexer also reports a diagnostic for it.
    case invalid
    case endOfFile
}

extension TokenKind {
    /// How the kind is shown in "expected X, found Y" messages.
    public var displayName: String {
        switch self {
        case .identifier, .quotedIdentifier: return "identifier"
        case .keyword(let keyword): return keyword.rawValue
        case .string: return "string literal"
        case .number: return "number"
        case .leftParen: return "'('"
        case .rightParen: return "')'"
        case .leftBracket: return "'['"
        case .rightBracket: return "']'"
        case .leftBrace: return "'{'"
        case .rightBrace: return "'}'"
        case .comma: return "','"
        case .semicolon: return "';'"
        case .dot: return "'.'"
        case .colon: return "':'"
        case .doubleColon: return "'::'"
        case .arrow: return "'->'"
        case .equal: return "'='"
        case .equalEqual: return "'=='"
        case .bangEqual: return "'!='"
        case .lessGreater: return "'<>'"
        case .nullSafeEqual: return "'<=>'"
        case .less: return "'<'"
        case .lessEqual: return "'<='"
        case .greater: return "'>'"
        case .greaterEqual: return "'>='"
        case .plus: return "'+'"
        case .minus: return "'-'"
        case .star: return "'*'"
        case .slash: return "'/'"
        case .percent: return "'%'"
        case .ampersand: return "'&'"
        case .pipe: return "'|'"
        case .caret: return "'^'"
        case .tilde: return "'~'"
        case .pipePipe: return "'||'"
        case .ampersandAmpersand: return "'&&'"
        case .bang: return "'!'"
        case .question: return "'?'"
        case .dollar: return "'$'"
        case .backslash: return "'\\'"
        case .invalid: return "invalid token"
        case .endOfFile: return "end of input"
        }
    }
}
