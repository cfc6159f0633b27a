// Session and metadata commands (SET, RESET, ADD/LIST resources, SHOW, DESCRIBE) and the commands the
// CLI's script reader handles itself (source, !, quit, exit). Grammar: grammar/session.md and grammar/cli.md.
//
// Several of these take the rest of the statement as raw text, as the Hive CLI does: the tokens only tell
// where the statement ends, and the text between them is kept as written.

extension Parser {
    // MARK: - Raw text

    /// Consumes every token up to the `;` (or the end of input) and returns the source text they cover, trimmed.
    /// Hive's escaped `\;` does not end the statement; it stays in the text as written.
    mutating func consumeRawRest() -> (text: String, span: Span) {
        let start = current.span.start
        var end = start
        while !at(.semicolon) && !at(.endOfFile) {
            if at(.backslash), peekIs(.semicolon), peek().span.start == current.span.end { advance() }
            end = advance().span.end
        }
        rawTextSpans.append(Span(start: start, end: end))
        return (Parser.trimmed(rawText(from: start, to: end)), Span(start: start, end: end))
    }

    /// Paths separated by white space, up to the `;`. A lone string literal is decoded; anything else is raw text,
    /// so both `ADD JAR '/tmp/a b.jar'` and `ADD JAR /tmp/udfs.jar` work.
    mutating func parseRawPaths() -> [String] {
        var paths: [String] = []
        while !at(.semicolon) && !at(.endOfFile) {
            let first = advance()
            var end = first.span.end
            var tokenCount = 1
            while !at(.semicolon) && !at(.endOfFile) && current.span.start == end {
                end = advance().span.end
                tokenCount += 1
            }
            rawTextSpans.append(Span(start: first.span.start, end: end))
            if tokenCount == 1, first.kind == TokenKind.string {
                paths.append(StringLiteral.decode(file.bytes[first.span.start..<first.span.end]))
            } else {
                paths.append(rawText(from: first.span.start, to: end))
            }
        }
        return paths
    }

    /// `text` without leading and trailing white space.
    static func trimmed<S: StringProtocol>(_ text: S) -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let first = text.firstIndex(where: { !isSpace($0) }),
              let last = text.lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(text[first...last])
    }

    // MARK: - SET, RESET, ADD, LIST

    /// ```
    /// set: SET | SET '-v' | SET rawKey | SET rawKey '=' rawValue
    /// ```
    /// Key and value are the raw text on either side of the first `=`, trimmed (`SET a=b c` sets `a` to `b c`).
    mutating func parseSet() throws -> SetCommand {
        try expect(.set)
        let (rest, span) = consumeRawRest()
        if rest.isEmpty { return .listOverridden }
        if rest == "-v" { return .listAll }
        guard let equals = rest.firstIndex(of: "=") else { return .show(key: rest) }
        let key = Parser.trimmed(rest[..<equals])
        if key.isEmpty {
            throw Diagnostic.error("HQL2043", "expected a configuration key before '=' in SET", at: span)
        }
        return .assign(key: key, value: Parser.trimmed(rest[rest.index(after: equals)...]))
    }

    /// `reset: RESET [rawKey]`
    mutating func parseReset() throws -> StatementKind {
        try expect(.reset)
        let rest = consumeRawRest().text
        return .reset(key: rest.isEmpty ? nil : rest)
    }

    /// `resourceKind: JAR | JARS | FILE | FILES | ARCHIVE | ARCHIVES`
    private mutating func parseResourceKind(after command: String) throws -> ResourceKind {
        if eat(.jar) != nil || eat(.jars) != nil { return .jar }
        if eat(.file) != nil || eat(.files) != nil { return .file }
        if eat(.archive) != nil || eat(.archives) != nil { return .archive }
        throw expected("JAR, FILE or ARCHIVE after \(command)", suggesting: [.jar, .jars, .file, .files, .archive,
                                                                            .archives])
    }

    /// `addResource: ADD resourceKind rawPath+`
    mutating func parseAddResource() throws -> StatementKind {
        try expect(.add)
        let kind = try parseResourceKind(after: "ADD")
        let paths = parseRawPaths()
        if paths.isEmpty { throw unexpected("a path after ADD \(kind.rawValue)") }
        return .addResource(kind, paths: paths)
    }

    /// `listResources: LIST resourceKind rawPath*`
    mutating func parseListResources() throws -> StatementKind {
        try expect(.list)
        let kind = try parseResourceKind(after: "LIST")
        return .listResources(kind, paths: parseRawPaths())
    }

    // MARK: - SHOW

    /// ```
    /// show: SHOW ( (DATABASES | SCHEMAS) [[LIKE] STRING]
    ///            | TABLES [(IN | FROM) identifier] [[LIKE] STRING]
    ///            | VIEWS [(IN | FROM) identifier] [[LIKE] STRING]
    ///            | PARTITIONS qualifiedName [partitionSpec]
    ///            | COLUMNS (IN | FROM) qualifiedName [(IN | FROM) identifier]
    ///            | CREATE TABLE qualifiedName
    ///            | TBLPROPERTIES qualifiedName ['(' propertyKey ')']
    ///            | [USER | SYSTEM | ALL] FUNCTIONS [[LIKE] STRING | qualifiedName] )
    /// ```
    mutating func parseShow() throws -> Show {
        try expect(.show)
        if eat(.databases) != nil || eat(.schemas) != nil {
            return .databases(like: try parseOptionalPattern())
        }
        if eat(.tables) != nil {
            let database = try parseOptionalInDatabase()
            return .tables(database: database, like: try parseOptionalPattern())
        }
        if eat(.views) != nil {
            let database = try parseOptionalInDatabase()
            return .views(database: database, like: try parseOptionalPattern())
        }
        if eat(.partitions) != nil {
            let table = try parseQualifiedName("table name")
            return .partitions(table: table, partition: try parseOptionalPartitionSpec())
        }
        if eat(.columns) != nil {
            guard eat(.in) != nil || eat(.from) != nil else {
                throw expected("IN or FROM after SHOW COLUMNS", suggesting: [.in, .from])
            }
            let table = try parseQualifiedName("table name")
            return .columns(table: table, database: try parseOptionalInDatabase())
        }
        if eat(.create) != nil {
            try require(.table, "after SHOW CREATE")
            return .createTable(try parseQualifiedName("table name"))
        }
        if eat(.tblproperties) != nil {
            let table = try parseQualifiedName("table name")
            var key: String?
            if let opener = eat(.leftParen) {
                key = try parsePropertyKey()
                try expectClosing(.rightParen, opener: opener.span, of: "property key")
            }
            return .tableProperties(table: table, key: key)
        }
        if at(.user) || at(.all) || atBareWord("SYSTEM") { advance() }
        if eat(.functions) != nil {
            // Spark also takes a bare function name as the pattern: `SHOW FUNCTIONS trim`.
            if !at(TokenKind.string), !at(.like), atIdentifier {
                return .functions(like: try parseQualifiedName("function name").description)
            }
            return .functions(like: try parseOptionalPattern())
        }
        throw expected("DATABASES, SCHEMAS, TABLES, VIEWS, PARTITIONS, COLUMNS, CREATE TABLE, TBLPROPERTIES or "
                       + "FUNCTIONS after SHOW",
                       suggesting: [.databases, .schemas, .tables, .views, .partitions, .columns, .create,
                                    .tblproperties, .functions])
    }

    /// `[(IN | FROM) identifier]`
    private mutating func parseOptionalInDatabase() throws -> Identifier? {
        guard eat(.in) != nil || eat(.from) != nil else { return nil }
        return try parseIdentifier("database name (an identifier)")
    }

    /// `[[LIKE] STRING]`
    private mutating func parseOptionalPattern() throws -> String? {
        if eat(.like) != nil { return try parseStringLiteral("pattern string") }
        return at(TokenKind.string) ? try parseStringLiteral() : nil
    }

    // MARK: - DESCRIBE

    /// ```
    /// describe: (DESCRIBE | DESC) ( (DATABASE | SCHEMA) [EXTENDED] identifier
    ///                             | FUNCTION [EXTENDED] qualifiedName
    ///                             | [TABLE] [FORMATTED | EXTENDED] [TABLE] qualifiedName [partitionSpec]
    ///                               [identifier ('.' identifier)*] )
    /// ```
    mutating func parseDescribe() throws -> Describe {
        advance()  // DESCRIBE or DESC
        if at(.database) || (at(.schema) && (peekStartsName || peekIs(.extended))) {
            advance()
            let detail: Describe.Detail? = eat(.extended) != nil ? .extended : nil
            return Describe(target: .database(try parseIdentifier("database name (an identifier)")), detail: detail)
        }
        if eat(.function) != nil {
            let detail: Describe.Detail? = eat(.extended) != nil ? .extended : nil
            let name: QualifiedName
            if at(TokenKind.string) {
                let span = current.span
                name = QualifiedName([Identifier(try parseStringLiteral(), span: span)])
            } else {
                name = try parseQualifiedName("function name")
            }
            return Describe(target: .function(name), detail: detail)
        }
        var detail: Describe.Detail?
        // Spark writes `DESC TABLE EXTENDED t`, Hive `DESC EXTENDED t`; both orders are taken.
        if at(.table), peekIs(.extended) || peekIs(.formatted) { advance() }
        if eat(.extended) != nil {
            detail = .extended
        } else if at(.formatted), peekStartsName {
            advance()
            detail = .formatted
        }
        eat(.table)
        let table = try parseQualifiedName("table name")
        let partition = try parseOptionalPartitionSpec()
        var column: [Identifier] = []
        if atIdentifier {
            column = try parseQualifiedName("column name").parts
        }
        return Describe(target: .table(table, partition: partition, column: column), detail: detail)
    }

    /// Whether the next token can start a name (so a word like FORMATTED before it is a modifier, not a table).
    private var peekStartsName: Bool {
        let next = peek().kind
        if next == .identifier || next == .quotedIdentifier { return true }
        if case .keyword(let keyword) = next { return !keyword.isReserved || keyword == .table }
        return false
    }

    // MARK: - CLI-level commands

    /// ```
    /// cliCommand: SOURCE rawPath | QUIT | EXIT
    /// ```
    /// The words are case-insensitive and are plain identifiers to the lexer.
    mutating func parseCLICommand() throws -> CLICommand {
        let word = advance()
        switch text(of: word).uppercased() {
        case "QUIT": return .quit
        case "EXIT": return .exit
        default:
            let path = consumeRawRest().text
            if path.isEmpty { throw unexpected("a file path after source") }
            return .source(path: path)
        }
    }

    /// `shellCommand: '!' rawText`
    mutating func parseShellCommand() throws -> CLICommand {
        try expect(.bang)
        let command = consumeRawRest().text
        if command.isEmpty { throw unexpected("a command after '!'") }
        return .shell(command: command)
    }
}
