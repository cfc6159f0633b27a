/// FROM-clause productions (`grammar/queries.md`): sources, joins, lateral views and table samples.
extension Parser {
    /// `tableReferences: joinedTable (',' joinedTable)*`
    mutating func parseTableReferences() throws -> [TableReference] {
        var references: [TableReference] = []
        repeat {
            references.append(try parseJoinedTable())
        } while eat(.comma) != nil
        return references
    }

    /// ```
    /// joinedTable: tableSource (joinType tableSource lateralView* [joinCondition] | lateralView)*
    /// joinType: [INNER] JOIN | CROSS JOIN | LEFT [OUTER] JOIN | RIGHT [OUTER] JOIN | FULL [OUTER] JOIN
    ///         | [LEFT] SEMI JOIN | [LEFT] ANTI JOIN
    /// joinCondition: ON expression | USING '(' identifier (',' identifier)* ')'
    /// ```
    /// A lateral view before a join's `ON` applies to the source it follows (Hive); one after the condition, or
    /// after a join that has none, applies to the join so far (Spark).
    mutating func parseJoinedTable() throws -> TableReference {
        var left = try parseTableSource()
        while true {
            if at(.lateral) {
                left = try parseLateralView(over: left)
                continue
            }
            guard let joinType = try parseJoinType() else {
                try rejectStrayName(expecting: "',', JOIN, WHERE or another clause after the table")
                return left
            }
            let source = try parseTableSource()
            var right = source
            var lateralViews = 0
            while at(.lateral) {
                right = try parseLateralView(over: right)
                lateralViews += 1
            }
            var condition: Join.Condition?
            if eat(.on) != nil {
                condition = .on(try parseExpression())
            } else if eat(.using) != nil {
                condition = .using(try parseParenthesizedList(of: "USING columns") { try $0.parseIdentifier("column name") })
            }
            if condition == nil, lateralViews > 0 {
                // No condition follows: the lateral views apply to the whole join, as in Spark.
                let join = Join(type: joinType, left: left, right: source, condition: nil)
                left = rebase(right, levels: lateralViews, onto: TableReference(.join(join), span: left.span.union(source.span)))
                continue
            }
            let join = Join(type: joinType, left: left, right: right, condition: condition)
            left = TableReference(.join(join), span: left.span.union(previousSpan))
        }
    }

    /// `reference` with the source under its `levels` outermost lateral views replaced by `base`.
    private func rebase(_ reference: TableReference, levels: Int, onto base: TableReference) -> TableReference {
        guard levels > 0, case .lateralView(var view) = reference.kind else { return base }
        view.source = rebase(view.source, levels: levels - 1, onto: base)
        return TableReference(.lateralView(view), span: base.span.union(reference.span))
    }

    /// The join keywords at the cursor, consumed; nil (consuming nothing) when no join follows.
    mutating func parseJoinType() throws -> Join.JoinType? {
        let joinType: Join.JoinType
        switch current.kind {
        case .keyword(.join):
            advance()
            return .inner
        case .keyword(.inner): joinType = .inner
        case .keyword(.cross): joinType = .cross
        case .keyword(.left):
            advance()
            if eat(.semi) != nil {
                joinType = .leftSemi
            } else if eat(.anti) != nil {
                joinType = .leftAnti
            } else {
                eat(.outer)
                joinType = .left
            }
            try expectJoin()
            return joinType
        case .keyword(.right): joinType = .right
        case .keyword(.full): joinType = .full
        case .keyword(.semi) where peekIs(.join): joinType = .leftSemi
        case .keyword(.anti) where peekIs(.join): joinType = .leftAnti
        default: return nil
        }
        advance()
        if joinType == .right || joinType == .full { eat(.outer) }
        try expectJoin()
        return joinType
    }

    private mutating func expectJoin() throws {
        if !at(.join) { throw unexpected("JOIN", suggesting: [.join]) }
        advance()
    }

    /// ```
    /// tableSource: qualifiedName [TABLESAMPLE tableSample] [alias]
    ///            | qualifiedName '(' arguments ')' [alias ['(' identifier (',' identifier)* ')']]
    ///            | '(' query ')' [alias ['(' identifier (',' identifier)* ')']]
    ///            | '(' joinedTable ')'
    ///            | VALUES valuesRows [alias ['(' identifier (',' identifier)* ')']]
    /// alias: [AS] identifier
    /// ```
    mutating func parseTableSource() throws -> TableReference {
        let start = current.span
        if at(.leftParen) {
            guard parenthesisStartsQuery else { return try parseParenthesizedJoin() }
            guard peekIs(.leftParen) else { return try parseSubquerySource() }
            // `((SELECT ..) x JOIN y ON ..)` is a join whose first source is a subquery: try the subquery on a
            // copy, then the join; if both fail, the subquery's error is the one that explains.
            var probe = self
            do {
                let source = try probe.parseSubquerySource()
                self = probe
                return source
            } catch {
                var join = self
                guard let source = try? join.parseParenthesizedJoin() else { throw error }
                self = join
                return source
            }
        }
        if at(.values) {
            let rows = try parseValuesRows()
            let (alias, columns) = try parseSourceAlias(allowColumns: true)
            return TableReference(.values(rows, alias: alias, columnAliases: columns), span: start.union(previousSpan))
        }
        let name: QualifiedName
        if case .keyword(let keyword) = current.kind, keyword.isReserved, peekIs(.leftParen),
           keyword == .range || Parser.keywordFunctionNames.contains(keyword) {
            // Spark's `range(10)` and the like: a reserved word used as a table function's name.
            let token = advance()
            name = QualifiedName([Identifier(text(of: token), span: token.span)])
        } else if atIdentifier {
            name = try parseQualifiedName("table name")
        } else if case .keyword(let keyword) = current.kind, keyword.isReserved,
                  ![.select, .from, .where, .group, .having, .order, .union, .join, .left, .right, .full, .inner,
                    .cross, .on, .lateral, .window, .values, .with, .insert, .as, .and, .or, .not, .distinct,
                    .all, .limit].contains(keyword) {
            // `FROM table`, `FROM date`: a reserved word as a table name needs backticks (a clause keyword
            // there means the name is missing, which the message below says).
            name = try parseQualifiedName("table name")
        } else {
            throw unexpected("table name, '(' or VALUES", suggesting: [.select, .values])
        }
        if at(.leftParen) {
            guard case .function(let call) = try parseFunctionCall(name: name).kind else {
                throw unexpected("table function")
            }
            let (alias, columns) = try parseSourceAlias(allowColumns: true)
            return TableReference(.tableFunction(call, alias: alias, columnAliases: columns), span: start.union(previousSpan))
        }
        var table = NamedTable(name: name)
        if at(.tablesample) { table.sample = try parseTableSample() }
        table.alias = try parseSourceAlias(allowColumns: false).alias
        return TableReference(.table(table), span: start.union(previousSpan))
    }

    /// `'(' query ')' [alias [columnAliases]]`
    private mutating func parseSubquerySource() throws -> TableReference {
        let opener = advance()
        let query = try nested { try $0.parseQuery() }
        try expectClosing(.rightParen, opener: opener.span, of: "subquery")
        let (alias, columns) = try parseSourceAlias(allowColumns: true)
        return TableReference(.subquery(query, alias: alias, columnAliases: columns), span: opener.span.union(previousSpan))
    }

    /// `'(' joinedTable ')'`
    private mutating func parseParenthesizedJoin() throws -> TableReference {
        let opener = advance()
        let inner = try nested { try $0.parseJoinedTable() }
        try expectClosing(.rightParen, opener: opener.span, of: "parenthesised join")
        return TableReference(.parenthesized(inner), span: opener.span.union(previousSpan))
    }

    /// Whether the `(` at the cursor may open a subquery rather than a parenthesised join: the first token after
    /// the run of `(` starts a query.
    var parenthesisStartsQuery: Bool {
        var offset = 0
        while peek(offset).kind == .leftParen { offset += 1 }
        switch peek(offset).kind {
        case .keyword(.select), .keyword(.with), .keyword(.from), .keyword(.values): return true
        default: return false
        }
    }

    /// `alias [columnAliases]` after a source, when one is written, with
    /// `alias: AS identifier | identifier` and `columnAliases: '(' identifier (',' identifier)* ')'`.
    mutating func parseSourceAlias(allowColumns: Bool) throws -> (alias: Identifier?, columns: [Identifier]) {
        var alias: Identifier?
        if eat(.as) != nil {
            alias = try parseAliasAfterAs()
        } else {
            alias = try parseBareAlias(expecting: "JOIN, WHERE or another clause after the table")
        }
        var columns: [Identifier] = []
        if allowColumns, alias != nil, at(.leftParen) {
            columns = try parseParenthesizedList(of: "column aliases") { try $0.parseIdentifier("column alias") }
        }
        return (alias, columns)
    }

    /// ```
    /// lateralView: LATERAL VIEW [OUTER] qualifiedName '(' arguments ')' (identifier [[AS] columns] | AS columns)
    /// ```
    mutating func parseLateralView(over source: TableReference) throws -> TableReference {
        try expect(.lateral)
        if !at(.view) { throw unexpected("VIEW after LATERAL", suggesting: [.view]) }
        advance()
        let isOuter = eat(.outer) != nil
        let name = try parseQualifiedName("table-generating function")
        guard case .function(let function) = try parseFunctionCall(name: name).kind else {
            throw unexpected("table-generating function")
        }
        // Hive and Spark both require the table alias; only the column names are accepted without one.
        let tableAlias = at(.as) ? nil : try parseBareAlias(expecting: "table alias after the LATERAL VIEW function")
        if tableAlias == nil, !at(.as) { throw unexpected("table alias after the LATERAL VIEW function") }
        var columns: [Identifier] = []
        if eat(.as) != nil {
            repeat {
                columns.append(try parseIdentifier("column alias"))
            } while eat(.comma) != nil
        } else if atIdentifier, !atClauseKeyword {
            // Spark allows the column names without AS.
            repeat {
                columns.append(try parseIdentifier("column alias"))
            } while eat(.comma) != nil
        }
        let lateralView = LateralView(source: source, isOuter: isOuter, function: function, tableAlias: tableAlias,
                                      columnAliases: columns)
        return TableReference(.lateralView(lateralView), span: source.span.union(previousSpan))
    }

    /// Whether the current token is a clause keyword, which ends a list of names.
    var atClauseKeyword: Bool {
        if case .keyword(let keyword) = current.kind { return Parser.clauseKeywords.contains(keyword) }
        return false
    }

    /// ```
    /// tableSample: '(' BUCKET integer OUT OF integer [ON expression (',' expression)*] ')'
    ///            | '(' number PERCENT ')' | '(' expression ROWS ')' | '(' byteLength ')'
    /// ```
    mutating func parseTableSample() throws -> TableSample {
        try expect(.tablesample)
        let opener = try expect(.leftParen, "'(' after TABLESAMPLE")
        let sample: TableSample
        if eat(.bucket) != nil {
            let numerator = try parseIntegerLiteral("bucket number")
            try expect(.out)
            try expect(.of)
            let denominator = try parseIntegerLiteral("bucket count")
            var on: [Expression] = []
            if eat(.on) != nil { on = try parseExpressionList() }
            sample = .bucket(numerator: numerator, denominator: denominator, on: on)
        } else if at(.identifier), isByteLength(text(of: current)) {
            sample = .bytes(text(of: advance()))
        } else if at(.number), peekIs(Keyword.percent) {
            sample = .percent(text(of: advance()))
            advance()
        } else {
            let rows = try parseExpression()
            if !at(.rows) { throw unexpected("PERCENT or ROWS in TABLESAMPLE", suggesting: [.percent, .rows]) }
            advance()
            sample = .rows(rows)
        }
        try expectClosing(.rightParen, opener: opener.span, of: "TABLESAMPLE")
        return sample
    }

    /// `byteLength: digits ('b' | 'k' | 'm' | 'g')`, case-insensitive, as in `TABLESAMPLE (100M)`.
    private func isByteLength(_ text: String) -> Bool {
        guard let unit = text.last, "bBkKmMgG".contains(unit) else { return false }
        let digits = text.dropLast()
        return !digits.isEmpty && digits.allSatisfy(\.isASCII) && digits.allSatisfy(\.isNumber)
    }
}
