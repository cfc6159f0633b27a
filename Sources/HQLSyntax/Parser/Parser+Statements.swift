// The statement dispatcher and the small productions every statement family shares:
// partition specs, property lists, column definitions, clause bookkeeping and keyword near-miss hints.
// The grammar is documented in grammar/README.md and one file per family.

extension Parser {
    // MARK: - Dispatch

    /// A statement production, chosen by its first keyword.
    typealias StatementProduction = @Sendable (inout Parser) throws -> StatementKind

    /// The keywords that start a statement, and the production each one starts.
    /// The keys double as the candidates of the "did you mean" hint for a misspelt first word.
    static let statementStarters: [Keyword: StatementProduction] = [
        .select: { try .query($0.parseQuery()) },
        .values: { try .query($0.parseQuery()) },
        .with: { try $0.parseWithPrefixedStatement() },
        .from: { try $0.parseFromFirstStatement(with: nil) },
        .insert: { try .insert($0.parseInsert(with: nil)) },
        .load: { try .loadData($0.parseLoadData()) },
        .create: { try $0.parseCreateStatement() },
        .drop: { try $0.parseDropStatement() },
        .alter: { try $0.parseAlterStatement() },
        .truncate: { try .truncateTable($0.parseTruncateTable()) },
        .msck: { try .msckRepairTable($0.parseMsckRepairTable()) },
        .analyze: { try .analyzeTable($0.parseAnalyzeTable()) },
        .use: { try $0.parseUse() },
        .show: { try .show($0.parseShow()) },
        .describe: { try .describe($0.parseDescribe()) },
        .desc: { try .describe($0.parseDescribe()) },
        .explain: { try .explain($0.parseExplain()) },
        .set: { try .set($0.parseSet()) },
        .reset: { try $0.parseReset() },
        .add: { try $0.parseAddResource() },
        .list: { try $0.parseListResources() },
    ]

    /// The CLI-level words, which the lexer sees as plain identifiers.
    static let cliWords = ["SOURCE", "QUIT", "EXIT"]

    /// ```
    /// statement: query | insert | multiInsert | loadData
    ///          | createDatabase | dropDatabase | use
    ///          | createTable | createTableLike | dropTable | truncateTable | alterTable | msckRepairTable
    ///          | createView | alterView | dropView | createFunction | dropFunction | analyzeTable
    ///          | set | reset | addResource | listResources | show | describe | explain
    ///          | cliCommand
    /// ```
    /// The statement's span covers its text without the closing `;`.
    mutating func parseStatement() throws -> Statement {
        let start = current.span.start
        let kind = try nested { try $0.parseStatementKind() }
        return Statement(kind, span: Span(start: start, end: max(start, previousSpan.end)))
    }

    private mutating func parseStatementKind() throws -> StatementKind {
        if case .keyword(let keyword) = current.kind, let production = Parser.statementStarters[keyword] {
            return try production(&self)
        }
        if at(.leftParen) { return .query(try parseQuery()) }
        if at(.bang) { return .cliCommand(try parseShellCommand()) }
        if current.kind == .identifier, Parser.cliWords.contains(text(of: current).uppercased()) {
            return .cliCommand(try parseCLICommand())
        }
        throw unknownStatement()
    }

    /// `unknown statement 'SELCT'; did you mean SELECT?`, or a plain "expected a statement".
    private func unknownStatement() -> Diagnostic {
        let starters = Array(Parser.statementStarters.keys).sorted { $0.rawValue < $1.rawValue }
        if current.kind == .identifier {
            var message = "unknown statement '\(text(of: current))'"
            if let keyword = nearMiss(current, among: starters) {
                message += "; did you mean \(keyword.rawValue)?"
            } else {
                message += "; expected a statement such as SELECT, INSERT, CREATE, ALTER, DROP, SET or SHOW"
            }
            return .error("HQL2040", message, at: current.span)
        }
        return .error("HQL2040", "expected the start of a statement (SELECT, INSERT, CREATE, ..), found "
                      + describe(current), at: current.span)
    }

    /// `explain: EXPLAIN [EXTENDED | FORMATTED | CODEGEN | COST | DEPENDENCY | LOGICAL] statement`
    mutating func parseExplain() throws -> Explain {
        try expect(.explain)
        var mode: Explain.Mode?
        if case .keyword(let keyword) = current.kind, let found = Explain.Mode(rawValue: keyword.rawValue) {
            advance()
            mode = found
        }
        if at(.explain) {
            throw Diagnostic.error("HQL2010", "EXPLAIN cannot explain another EXPLAIN", at: current.span)
        }
        // Hive's other modes: say so, rather than failing inside the explained statement.
        let otherModes = ["VECTORIZATION", "CBO", "AST", "LOCKS", "AUTHORIZATION", "REOPTIMIZATION"]
        if mode == nil, (at(.analyze) && !peekIs(.table)) || otherModes.contains(where: atBareWord)
            || at(.authorization) {
            throw Diagnostic.error("HQL2042", "EXPLAIN \(text(of: current).uppercased()) is not supported; the modes "
                                   + "are EXTENDED, FORMATTED, CODEGEN, COST, DEPENDENCY and LOGICAL", at: current.span)
        }
        return Explain(mode: mode, statement: try parseStatement())
    }

    // MARK: - Keyword hints

    /// A keyword the found word is probably a misspelling of. More forgiving than the core's
    /// `suggestion(for:among:)`: two-letter words (`AZ` for AS) and long keywords (`TBLPROPERTY`) get a hint too.
    func nearMiss(_ token: Token, among keywords: [Keyword]) -> Keyword? {
        let word: String
        if token.kind == .identifier {
            word = text(of: token).uppercased()
        } else if case .keyword(let keyword) = token.kind, !keywords.contains(keyword) {
            word = keyword.rawValue
        } else {
            return nil
        }
        guard word.count >= 2 else { return nil }
        var best: (keyword: Keyword, distance: Int)?
        for keyword in keywords {
            let length = keyword.rawValue.count
            let allowed = length <= 4 ? 1 : length <= 9 ? 2 : 3
            let distance = EditDistance.between(word, keyword.rawValue)
            if distance <= allowed, distance < word.count, distance < (best?.distance ?? Int.max) {
                best = (keyword, distance)
            }
        }
        return best?.keyword
    }

    /// `expected <what>, found X`, with a near-miss hint among `keywords`.
    func expected(_ what: String, suggesting keywords: [Keyword]) -> Diagnostic {
        var message = "expected \(what), found \(describe(current))"
        if let keyword = nearMiss(current, among: keywords) {
            message += "; did you mean \(keyword.rawValue)?"
        }
        return .error("HQL2010", message, at: current.span)
    }

    /// Consumes `keyword` or fails with a near-miss hint (`STORED AZ` → "did you mean AS?").
    @discardableResult
    mutating func require(_ keyword: Keyword, _ context: String? = nil) throws -> Token {
        if let token = eat(keyword) { return token }
        let what = context.map { "\(keyword.rawValue) \($0)" } ?? keyword.rawValue
        throw expected(what, suggesting: [keyword])
    }

    /// Whether the current token is the bare word `word` (for words the lexer does not know, like GLOBAL).
    func atBareWord(_ word: String) -> Bool {
        current.kind == .identifier && text(of: current).uppercased() == word
    }

    // MARK: - Clause bookkeeping

    /// Records a clause of a statement whose clauses come in any order, failing if it was already written.
    func noteClause(_ name: String, at span: Span, seen: inout [String: Span]) throws {
        if let first = seen[name] {
            throw Diagnostic.error("HQL2041", "\(name) is given twice; the first \(name) is at "
                                   + "\(file.location(of: first.start))", at: span)
        }
        seen[name] = span
    }

    /// `IF NOT EXISTS`, reporting a misspelt `EXIST` or the like.
    mutating func parseIfNotExists() throws -> Bool {
        guard at(.if) else { return false }
        advance()
        try require(.not, "after IF")
        try require(.exists, "after IF NOT")
        return true
    }

    /// `IF EXISTS`
    mutating func parseIfExists() throws -> Bool {
        guard at(.if) else { return false }
        advance()
        try require(.exists, "after IF")
        return true
    }

    // MARK: - Shared productions

    /// `partitionSpec: PARTITION '(' partitionItem (',' partitionItem)* ')'`
    /// `partitionItem: identifier ['=' expression]`
    mutating func parsePartitionSpec() throws -> PartitionSpec {
        let keyword = try require(.partition)
        let items = try parseParenthesizedList(of: "partition spec") { parser -> PartitionSpec.Item in
            let column = try parser.parseIdentifier("partition column")
            if parser.eat(.equal) != nil {
                return PartitionSpec.Item(column: column, value: try parser.parseExpression())
            }
            return PartitionSpec.Item(column: column, value: nil)
        }
        return PartitionSpec(items: items, span: keyword.span.union(previousSpan))
    }

    /// `[partitionSpec]`
    mutating func parseOptionalPartitionSpec() throws -> PartitionSpec? {
        at(.partition) ? try parsePartitionSpec() : nil
    }

    /// `propertyList: '(' property (',' property)* ')'`
    /// `property: propertyKey [['='] propertyValue]`
    mutating func parsePropertyList(of what: String) throws -> [Property] {
        try parseParenthesizedList(of: what) { try $0.parseProperty() }
    }

    /// `property: propertyKey [['='] propertyValue]`
    mutating func parseProperty() throws -> Property {
        let start = current.span
        let key = try parsePropertyKey()
        var value: String?
        if eat(.equal) != nil {
            value = try parsePropertyValue()
        } else if !at(.comma) && !at(.rightParen) {
            value = try parsePropertyValue()
        }
        return Property(key: key, value: value, span: start.union(previousSpan))
    }

    /// `propertyKey: STRING | word ('.' word)*` — any word, reserved or not, since nothing else can appear here;
    /// a single string token (see `parseSingleString`).
    mutating func parsePropertyKey() throws -> String {
        if at(TokenKind.string) { return parseSingleString() }
        var parts: [String] = []
        repeat {
            switch current.kind {
            case .identifier, .keyword:
                parts.append(text(of: advance()))
            case .quotedIdentifier:
                parts.append(try parseIdentifier().name)
            default:
                throw unexpected("property key (a string or a name)")
            }
        } while eat(.dot) != nil
        return parts.joined(separator: ".")
    }

    /// `propertyValue: STRING | ['-'] NUMBER | TRUE | FALSE | word`
    mutating func parsePropertyValue() throws -> String {
        if at(TokenKind.string) { return parseSingleString() }
        if at(TokenKind.minus), peekIs(.number) {
            advance()
            return "-" + text(of: advance())
        }
        if at(.number) { return text(of: advance()) }
        if at(.true) || at(.false) { return text(of: advance()).lowercased() }
        if at(.identifier) || atIdentifier { return text(of: advance()) }
        throw unexpected("property value (a string, number or boolean)")
    }

    /// One string token, decoded. Unlike `parseStringLiteral`, adjacent literals are not joined: in
    /// `OPTIONS ('multiLine' 'true')` the first is the key and the second the value.
    mutating func parseSingleString() -> String {
        let token = advance()
        return StringLiteral.decode(file.bytes[token.span.start..<token.span.end])
    }

    /// `columnDefinition: identifier dataType [COMMENT STRING]`
    mutating func parseColumnDefinition() throws -> ColumnDefinition {
        let name = try parseIdentifier("column name")
        let type = try parseDataType()
        let comment = eat(.comment) != nil ? try parseStringLiteral("comment string") : nil
        return ColumnDefinition(name: name, type: type, comment: comment)
    }

    /// `columnDefinitions: '(' columnDefinition (',' columnDefinition)* ')'`
    mutating func parseColumnDefinitions() throws -> [ColumnDefinition] {
        try parseParenthesizedList(of: "column list") { try $0.parseColumnDefinition() }
    }

    /// `identifierList: '(' identifier (',' identifier)* ')'`
    mutating func parseIdentifierList(of what: String, item: String = "column name") throws -> [Identifier] {
        try parseParenthesizedList(of: what) { try $0.parseIdentifier(item) }
    }

    /// `COMMENT STRING`, `LOCATION STRING` and the like: a keyword and a string.
    mutating func parseKeywordString(_ keyword: Keyword, _ what: String) throws -> String {
        try require(keyword)
        return try parseStringLiteral(what)
    }
}
