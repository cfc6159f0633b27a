/// The result of parsing a script: every statement that parsed, and a diagnostic for every one that did not.
public struct ParsedScript: Sendable {
    public var statements: [Statement]
    public var diagnostics: [Diagnostic]

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}

/// A hand-written recursive-descent parser for HiveQL and Spark SQL.
///
/// Conventions (kept by every `Parser+*.swift` file):
/// - one `parseX` function per production, its doc comment quoting the grammar rule from `grammar/`;
/// - binary operators by precedence climbing over `BinaryOperator.precedence`;
/// - cursor helpers `at`/`eat`/`expect`; lookahead with `peek(n)`, never by backtracking state by hand;
/// - a syntax error throws a `Diagnostic`; `parseScript` records it, skips to the next `;` and goes on,
///   so one run reports every bad statement;
/// - recursion goes through `nested { }`, which turns too-deep input into a diagnostic instead of a stack overflow.
public struct Parser {
    public let file: SourceFile
    let tokens: [Token]
    var index = 0
    var depth = 0
    /// Warnings found while parsing a statement that still parsed.
    var warnings: [Diagnostic] = []
    /// Text that a command took raw (`SET k=v`, `!cmd`, `source path`); stray characters in it are no error.
    var rawTextSpans: [Span] = []

    /// Deep enough for any real query; shallow enough for the default 8 MB stack in debug builds.
    static let maximumDepth = 200
    /// The longest operator chain (`a + b + ..`, `x = 1 OR ..`) accepted; its tree is that deep, and the
    /// binder, printer and generator walk trees recursively.
    static let maximumChainDepth = 2_000
    /// The depth of the operator chains being parsed (see `parseBinary`).
    var chainDepth = 0

    init(file: SourceFile, tokens: [Token]) {
        self.file = file
        self.tokens = tokens
    }

    // MARK: - Entry points

    /// Parses every statement of a script, recovering at `;` after an error.
    public static func parseScript(_ file: SourceFile) -> ParsedScript {
        var diagnostics: [Diagnostic] = []
        let tokens = Lexer.tokenize(file, diagnostics: &diagnostics)
        var parser = Parser(file: file, tokens: tokens)
        var statements: [Statement] = []
        // Lexical errors are reported once; statements containing them fail to parse on their own.
        while !parser.at(.endOfFile) {
            if parser.eat(.semicolon) != nil { continue }
            let start = parser.index
            do {
                parser.rawTextSpans.removeAll()
                let statement = try parser.parseTopLevelStatement()
                statements.append(statement)
                for raw in parser.rawTextSpans {
                    diagnostics.removeAll { $0.code == "HQL1003" && $0.span.start >= raw.start && $0.span.end <= raw.end }
                }
            } catch let diagnostic as Diagnostic {
                if !diagnostics.contains(where: { $0.span.start >= parser.tokens[start].span.start
                    && $0.span.start <= diagnostic.span.start && $0.code.hasPrefix("HQL1") }) {
                    diagnostics.append(diagnostic)
                }
                parser.skipToStatementEnd()
            } catch {
                diagnostics.append(.error("HQL2000", "\(error)", at: parser.current.span))
                parser.skipToStatementEnd()
            }
            diagnostics.append(contentsOf: parser.warnings)
            parser.warnings.removeAll()
        }
        diagnostics.sort { $0.span.start < $1.span.start }
        return ParsedScript(statements: statements, diagnostics: diagnostics)
    }

    /// Parses text that must hold exactly one statement (a trailing `;` is allowed).
    public static func parseStatement(_ file: SourceFile) throws -> Statement {
        let script = parseScript(file)
        if let error = script.diagnostics.first(where: { $0.severity == .error }) { throw error }
        guard script.statements.count == 1 else {
            throw Diagnostic.error("HQL2001", "expected exactly one statement, found \(script.statements.count)",
                                   at: Span(start: 0, end: file.bytes.count))
        }
        return script.statements[0]
    }

    /// Parses text that must hold one expression; used by tests and by the REPL's evaluation helpers.
    public static func parseExpression(_ file: SourceFile) throws -> Expression {
        var diagnostics: [Diagnostic] = []
        let tokens = Lexer.tokenize(file, diagnostics: &diagnostics)
        if let error = diagnostics.first { throw error }
        var parser = Parser(file: file, tokens: tokens)
        let expression = try parser.parseExpression()
        if !parser.at(.endOfFile) { throw parser.unexpected("end of expression") }
        return expression
    }

    /// Parses text that must hold one type, such as `decimal(10,2)` or `map<string,array<int>>`
    /// (how the catalog stores column types).
    public static func parseDataType(_ file: SourceFile) throws -> DataType {
        var diagnostics: [Diagnostic] = []
        let tokens = Lexer.tokenize(file, diagnostics: &diagnostics)
        if let error = diagnostics.first { throw error }
        var parser = Parser(file: file, tokens: tokens)
        let type = try parser.parseDataType()
        if !parser.at(.endOfFile) { throw parser.unexpected("end of type") }
        return type
    }

    /// One statement and its end: `;` or the end of input.
    mutating func parseTopLevelStatement() throws -> Statement {
        let statement = try parseStatement()
        if !at(.semicolon) && !at(.endOfFile) {
            throw Diagnostic.error("HQL2002", "unexpected \(describe(current)) after the end of the statement; "
                                   + "is a ';' missing?", at: current.span)
        }
        return statement
    }

    /// Skips to just past the next `;` (or to the end).
    mutating func skipToStatementEnd() {
        while !at(.endOfFile) {
            if eat(.semicolon) != nil { return }
            index += 1
        }
    }

    // MARK: - Cursor

    var current: Token { tokens[index] }

    /// The token `offset` places ahead (the end-of-file token past the end).
    func peek(_ offset: Int = 1) -> Token {
        let target = index + offset
        return target < tokens.count ? tokens[target] : tokens[tokens.count - 1]
    }

    /// The span of the token just consumed.
    var previousSpan: Span { index > 0 ? tokens[index - 1].span : current.span }

    func at(_ kind: TokenKind) -> Bool { current.kind == kind }

    func at(_ keyword: Keyword) -> Bool { current.kind == .keyword(keyword) }

    func at(any keywords: Keyword...) -> Bool {
        if case .keyword(let keyword) = current.kind { return keywords.contains(keyword) }
        return false
    }

    /// Whether the token `offset` ahead is this keyword.
    func peekIs(_ keyword: Keyword, _ offset: Int = 1) -> Bool { peek(offset).kind == .keyword(keyword) }

    func peekIs(_ kind: TokenKind, _ offset: Int = 1) -> Bool { peek(offset).kind == kind }

    @discardableResult
    mutating func advance() -> Token {
        let token = tokens[index]
        if index < tokens.count - 1 { index += 1 }
        return token
    }

    @discardableResult
    mutating func eat(_ kind: TokenKind) -> Token? {
        at(kind) ? advance() : nil
    }

    @discardableResult
    mutating func eat(_ keyword: Keyword) -> Token? {
        at(keyword) ? advance() : nil
    }

    /// Consumes two keywords in a row (`IF EXISTS`), or nothing.
    mutating func eat(_ first: Keyword, _ second: Keyword) -> Bool {
        guard at(first), peekIs(second) else { return false }
        advance()
        advance()
        return true
    }

    /// Consumes three keywords in a row (`IF NOT EXISTS`), or nothing.
    mutating func eat(_ first: Keyword, _ second: Keyword, _ third: Keyword) -> Bool {
        guard at(first), peekIs(second), peekIs(third, 2) else { return false }
        advance()
        advance()
        advance()
        return true
    }

    @discardableResult
    mutating func expect(_ kind: TokenKind, _ what: String? = nil) throws -> Token {
        if let token = eat(kind) { return token }
        throw unexpected(what ?? kind.displayName)
    }

    @discardableResult
    mutating func expect(_ keyword: Keyword) throws -> Token {
        if let token = eat(keyword) { return token }
        throw unexpected(keyword.rawValue, suggesting: [keyword])
    }

    /// Expects the `)` (or `]`, `>`) that closes something opened at `opener`, naming where it was opened.
    @discardableResult
    mutating func expectClosing(_ kind: TokenKind, opener: Span, of what: String) throws -> Token {
        if let token = eat(kind) { return token }
        let location = file.location(of: opener.start)
        throw Diagnostic.error("HQL2003", "expected \(kind.displayName) to close the \(what) opened at \(location), "
                               + "found \(describe(current))", at: current.span)
    }

    /// Runs a nested production, turning runaway nesting into a diagnostic.
    mutating func nested<T>(_ body: (inout Parser) throws -> T) throws -> T {
        depth += 1
        defer { depth -= 1 }
        if depth > Parser.maximumDepth {
            throw Diagnostic.error("HQL2004", "nesting is too deep (more than \(Parser.maximumDepth) levels)",
                                   at: current.span)
        }
        return try body(&self)
    }

    // MARK: - Errors

    /// `expected X, found Y`, with a keyword suggestion when the found word is a near-miss spelling.
    func unexpected(_ expected: String, suggesting keywords: [Keyword] = []) -> Diagnostic {
        var message = "expected \(expected), found \(describe(current))"
        if let suggestion = suggestion(for: current, among: keywords) {
            message += "; did you mean \(suggestion.rawValue)?"
        }
        return .error("HQL2010", message, at: current.span)
    }

    /// How a token is shown in messages: its text for words, its kind otherwise.
    func describe(_ token: Token) -> String {
        switch token.kind {
        case .endOfFile: return "end of input"
        case .string: return "string " + clipped(text(of: token))
        case .number, .identifier, .quotedIdentifier, .keyword:
            return "'" + clipped(text(of: token)) + "'"
        default:
            return token.kind.displayName
        }
    }

    private func clipped(_ text: String) -> String {
        text.count > 40 ? String(text.prefix(37)) + "..." : text
    }

    /// A keyword the found word is probably a misspelling of (edit distance 1–2).
    func suggestion(for token: Token, among keywords: [Keyword]) -> Keyword? {
        guard token.kind == .identifier else { return nil }
        let word = text(of: token).uppercased()
        guard word.count >= 3 else { return nil }
        var best: (Keyword, Int)?
        for keyword in keywords {
            let distance = EditDistance.between(word, keyword.rawValue)
            let allowed = keyword.rawValue.count <= 4 ? 1 : 2
            if distance <= allowed, distance < (best?.1 ?? Int.max) { best = (keyword, distance) }
        }
        return best?.0
    }

    // MARK: - Text

    /// The source text of a token.
    func text(of token: Token) -> String { file.text(of: token.span) }

    /// The raw source text between two byte offsets (for `SET k=v` and CLI commands, which Hive takes raw).
    func rawText(from start: Int, to end: Int) -> String {
        file.text(of: Span(start: start, end: end))
    }

    // MARK: - Names and literals shared by every family

    /// `identifier: IDENTIFIER | QUOTED_IDENTIFIER | non-reserved keyword`
    mutating func parseIdentifier(_ what: String = "identifier") throws -> Identifier {
        let token = current
        switch token.kind {
        case .identifier:
            advance()
            return Identifier(text(of: token), span: token.span)
        case .quotedIdentifier:
            advance()
            let bytes = file.bytes[token.span.start..<token.span.end]
            return Identifier(StringLiteral.decodeQuotedIdentifier(bytes), isQuoted: true, span: token.span)
        case .keyword(let keyword) where !keyword.isReserved:
            advance()
            return Identifier(text(of: token), span: token.span)
        case .keyword(let keyword):
            throw Diagnostic.error("HQL2011", "expected \(what), found reserved keyword \(keyword.rawValue); "
                                   + "write it in backticks (`\(text(of: token))`) to use it as a name", at: token.span)
        default:
            throw unexpected(what)
        }
    }

    /// Whether the current token can start an identifier.
    var atIdentifier: Bool {
        switch current.kind {
        case .identifier, .quotedIdentifier: return true
        case .keyword(let keyword): return !keyword.isReserved
        default: return false
        }
    }

    /// `qualifiedName: identifier ('.' identifier)*`
    mutating func parseQualifiedName(_ what: String = "name") throws -> QualifiedName {
        var parts = [try parseIdentifier(what)]
        while at(.dot) {
            advance()
            parts.append(try parseIdentifier(what))
        }
        return QualifiedName(parts)
    }

    /// A string literal, with adjacent literals joined (`'a' 'b'` is `'ab'`, as in Hive).
    mutating func parseStringLiteral(_ what: String = "string literal") throws -> String {
        guard at(TokenKind.string) else { throw unexpected(what) }
        var value = ""
        while at(TokenKind.string) {
            let token = advance()
            value += StringLiteral.decode(file.bytes[token.span.start..<token.span.end])
        }
        return value
    }

    /// An integer literal such as a bucket count or a `VARCHAR` length.
    mutating func parseIntegerLiteral(_ what: String = "integer") throws -> Int {
        guard at(.number), let value = Int(text(of: current)) else { throw unexpected(what) }
        advance()
        return value
    }

    /// `'(' item (',' item)* ')'`, naming the list in the error when the `)` is missing.
    mutating func parseParenthesizedList<T>(of what: String,
                                            _ item: (inout Parser) throws -> T) throws -> [T] {
        let opener = try expect(.leftParen, "'(' to open the \(what)")
        var items: [T] = []
        repeat {
            items.append(try item(&self))
        } while eat(.comma) != nil
        try expectClosing(.rightParen, opener: opener.span, of: what)
        return items
    }
}
