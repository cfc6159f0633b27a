/// Query productions (`grammar/queries.md`): WITH, set operations, SELECT blocks, the clauses that apply to a
/// whole result (ORDER/SORT/DISTRIBUTE/CLUSTER BY, LIMIT, OFFSET), multi-insert branches and VALUES.
extension Parser {
    /// Words that end an expression or a source where an alias could otherwise stand, so that
    /// `SELECT a FROM t LIMIT 1` does not read `LIMIT` as an alias of `t`. The reserved ones are listed too,
    /// for clarity and for the messages of `parseKeywordPrimary`.
    static let clauseKeywords: Set<Keyword> = [
        .from, .where, .group, .having, .limit, .lateral, .join, .order, .sort, .cluster, .distribute, .union,
        .window, .on, .left, .right, .full, .inner, .cross, .semi, .anti, .except, .minus, .intersect, .using,
        .offset, .insert, .select,
    ]

    /// The clause keywords a misspelt alias is compared with for "did you mean".
    static let clauseSuggestions: [Keyword] = [
        .from, .where, .group, .having, .order, .sort, .cluster, .distribute, .limit, .join, .left, .right, .inner,
        .full, .cross, .union, .lateral, .window, .select, .intersect, .except, .offset,
    ]

    // MARK: - Queries

    /// `query: [withClause] queryBody [queryTail]`
    mutating func parseQuery() throws -> Query {
        let start = current.span
        let with = at(.with) ? try parseWithClause() : nil
        var query = try parseQuery(with: with)
        query.span = start.union(query.span)
        return query
    }

    /// ```
    /// withClause: WITH [RECURSIVE] cte (',' cte)*
    /// cte: identifier ['(' identifier (',' identifier)* ')'] [AS] '(' query ')'
    /// ```
    mutating func parseWithClause() throws -> WithClause {
        try expect(.with)
        var clause = WithClause(tables: [])
        if atWord("RECURSIVE"), canBeName(peek()) {
            advance()
            clause.isRecursive = true
        }
        repeat {
            let name = try parseIdentifier("name of the WITH query")
            var columns: [Identifier] = []
            if at(.leftParen), !peekIs(.select), !peekIs(.with), !peekIs(.from), !peekIs(.values) {
                columns = try parseParenthesizedList(of: "column names of \(name)") { try $0.parseIdentifier("column name") }
            }
            let hasAs = eat(.as) != nil
            guard let opener = eat(.leftParen) else {
                throw unexpected(hasAs ? "'(' and the query of \(name)" : "AS and the query of \(name)",
                                 suggesting: hasAs ? [] : [.as])
            }
            let query = try nested { try $0.parseQuery() }
            try expectClosing(.rightParen, opener: opener.span, of: "query of \(name)")
            clause.tables.append(CommonTableExpression(name: name, columns: columns, query: query))
        } while eat(.comma) != nil
        return clause
    }

    /// Whether a token can be an identifier: a word, a quoted name or a non-reserved keyword.
    func canBeName(_ token: Token) -> Bool {
        switch token.kind {
        case .identifier, .quotedIdentifier: return true
        case .keyword(let keyword): return !keyword.isReserved
        default: return false
        }
    }

    /// `query: queryBody [queryTail]`, after an already parsed `WITH`.
    mutating func parseQuery(with: WithClause?) throws -> Query {
        let start = current.span
        let body = try parseSetOperations()
        var query = Query(with: with, body: body)
        try parseQueryTail(into: &query)
        // No name can follow a query; a near-miss of a clause keyword (`ORDR BY`) is reported as one.
        if at(.identifier), suggestion(for: current, among: Parser.clauseSuggestions) != nil {
            throw unexpected("end of the query", suggesting: Parser.clauseSuggestions)
        }
        query.span = start.union(previousSpan)
        return query
    }

    /// `queryBody: intersection ((UNION | EXCEPT | MINUS) [ALL | DISTINCT] intersection)*`
    mutating func parseSetOperations() throws -> QueryBody {
        var left = try parseIntersections()
        while true {
            let setOperator: SetOperation.Operator
            switch current.kind {
            case .keyword(.union): setOperator = .union
            case .keyword(.except): setOperator = .except
            case .keyword(.minus): setOperator = .minus
            default: return left
            }
            advance()
            let quantifier = parseSetQuantifier()
            let right = try parseIntersections()
            left = .setOperation(SetOperation(op: setOperator, quantifier: quantifier, left: left, right: right))
        }
    }

    /// `intersection: queryPrimary (INTERSECT [ALL | DISTINCT] queryPrimary)*` — binds tighter than UNION, as in Spark.
    mutating func parseIntersections() throws -> QueryBody {
        var left = try parseQueryPrimary()
        while eat(.intersect) != nil {
            let quantifier = parseSetQuantifier()
            let right = try parseQueryPrimary()
            left = .setOperation(SetOperation(op: .intersect, quantifier: quantifier, left: left, right: right))
        }
        return left
    }

    private mutating func parseSetQuantifier() -> SetQuantifier? {
        if eat(.all) != nil { return .all }
        if eat(.distinct) != nil { return .distinct }
        return nil
    }

    /// `queryPrimary: select | fromFirstSelect | VALUES valuesRows | '(' query ')'`
    mutating func parseQueryPrimary() throws -> QueryBody {
        switch current.kind {
        case .keyword(.select):
            return .select(try parseSelect())
        case .keyword(.from):
            return .select(try parseFromFirstSelect())
        case .keyword(.values):
            return .values(try parseValuesRows())
        case .leftParen:
            let opener = advance()
            let query = try nested { try $0.parseQuery() }
            try expectClosing(.rightParen, opener: opener.span, of: "parenthesised query")
            return .parenthesized(query)
        default:
            throw unexpected("SELECT, FROM, VALUES or '(' to start a query", suggesting: [.select, .from, .values, .with])
        }
    }

    /// ```
    /// queryTail: [ORDER BY orderItems] [CLUSTER BY expressions] [DISTRIBUTE BY expressions] [SORT BY orderItems]
    ///            [LIMIT (ALL | expression [',' expression])] [OFFSET expression]
    /// ```
    /// Hive's `LIMIT m, n` means `LIMIT n OFFSET m`.
    mutating func parseQueryTail(into query: inout Query) throws {
        if at(any: .order, .sort, .cluster, .distribute), !peekIs(.by) {
            let keyword = text(of: current).uppercased()
            advance()
            throw unexpected("BY after \(keyword)", suggesting: [.by])
        }
        if eat(.order, .by) { query.orderBy = try parseOrderItems() }
        if eat(.cluster, .by) { query.clusterBy = try parseExpressionList() }
        if eat(.distribute, .by) { query.distributeBy = try parseExpressionList() }
        if eat(.sort, .by) { query.sortBy = try parseOrderItems() }
        if eat(.limit) != nil {
            if eat(.all) == nil {
                let first = try parseExpression()
                if eat(.comma) != nil {
                    query.offset = first
                    query.limit = try parseExpression()
                } else {
                    query.limit = first
                }
            }
        }
        if eat(.offset) != nil { query.offset = try parseExpression() }
    }

    // MARK: - SELECT

    /// `select: SELECT [ALL | DISTINCT] selectItem (',' selectItem)* [FROM tableReferences] selectClauses`
    mutating func parseSelect() throws -> Select {
        let start = try expect(.select).span
        var select = Select(items: [])
        select.quantifier = parseSetQuantifier()
        select.items = try parseSelectItems()
        if eat(.from) != nil { select.from = try parseTableReferences() }
        try parseSelectClauses(into: &select)
        select.span = start.union(previousSpan)
        return select
    }

    /// `fromFirstSelect: FROM tableReferences SELECT [ALL | DISTINCT] selectItem (',' selectItem)* selectClauses`
    mutating func parseFromFirstSelect() throws -> Select {
        let start = try expect(.from).span
        var select = Select(items: [], isFromFirst: true)
        select.from = try parseTableReferences()
        if !at(.select) { throw unexpected("SELECT after the FROM clause", suggesting: [.select]) }
        advance()
        select.quantifier = parseSetQuantifier()
        select.items = try parseSelectItems()
        try parseSelectClauses(into: &select)
        select.span = start.union(previousSpan)
        return select
    }

    /// `selectBranch: SELECT [ALL | DISTINCT] selectItem (',' selectItem)* selectClauses [queryTail]` — a
    /// multi-insert branch, whose `FROM` is the statement's.
    mutating func parseSelectBranch() throws -> Query {
        let start = current.span
        let selectToken = try expect(.select)
        var select = Select(items: [])
        select.quantifier = parseSetQuantifier()
        select.items = try parseSelectItems()
        if at(.from) {
            throw Diagnostic.error("HQL2022", "a SELECT of a multi-insert takes its rows from the statement's FROM "
                                   + "and cannot have its own FROM", at: current.span)
        }
        try parseSelectClauses(into: &select)
        select.span = selectToken.span.union(previousSpan)
        var query = Query(body: .select(select))
        try parseQueryTail(into: &query)
        query.span = start.union(previousSpan)
        return query
    }

    /// `selectClauses: [WHERE expression] [groupBy] [HAVING expression] [WINDOW namedWindow (',' namedWindow)*]`
    mutating func parseSelectClauses(into select: inout Select) throws {
        if eat(.where) != nil { select.whereClause = try parseExpression() }
        if at(.group) {
            advance()
            if !at(.by) { throw unexpected("BY after GROUP", suggesting: [.by]) }
            advance()
            select.groupBy = try parseGroupBy()
        }
        if eat(.having) != nil { select.having = try parseExpression() }
        if eat(.window) != nil {
            repeat {
                let name = try parseIdentifier("window name")
                try expect(.as)
                let specification: WindowSpecification
                switch try parseWindowReference() {
                case .named(let base): specification = WindowSpecification(baseWindow: base)
                case .specification(let inline): specification = inline
                }
                select.windows.append(NamedWindow(name: name, specification: specification))
            } while eat(.comma) != nil
        }
    }

    /// `selectItem: expression [[AS] identifier | AS '(' identifier (',' identifier)* ')']`
    mutating func parseSelectItems() throws -> [SelectItem] {
        var items: [SelectItem] = []
        repeat {
            let expression = try parseExpression()
            if at(.using), case .function(let call) = expression.kind,
               ["transform", "map", "reduce"].contains(call.name.description.lowercased()) {
                throw Diagnostic.error("HQL4001", "SELECT \(call.name.description.uppercased()) .. USING 'script' "
                                       + "(Hive streaming through a script) is not supported", at: current.span)
            }
            var item = SelectItem(expression: expression)
            if eat(.as) != nil {
                if at(.leftParen) {
                    item.aliases = try parseParenthesizedList(of: "column aliases") { try $0.parseIdentifier("alias") }
                    item.hasParenthesizedAliases = true
                } else {
                    item.aliases = [try parseAliasAfterAs()]
                }
            } else if let alias = try parseBareAlias(expecting: "',', FROM or another clause after the select item") {
                item.aliases = [alias]
            }
            items.append(item)
            try rejectStrayName(expecting: "',' or FROM after the select item")
        } while eat(.comma) != nil
        return items
    }

    /// The name after `AS`; a string there is Spark/MySQL habit that HiveQL rejects, so say how to write it.
    mutating func parseAliasAfterAs() throws -> Identifier {
        if at(TokenKind.string) {
            let text = StringLiteral.decode(file.bytes[current.span.start..<current.span.end])
            throw Diagnostic.error("HQL2021", "a string literal cannot be an alias in HiveQL; write it in backticks: "
                                   + "`\(text)`", at: current.span)
        }
        return try parseIdentifier("alias")
    }

    /// An alias written without `AS`, if one stands here. A word that is not a clause keyword but looks like a
    /// misspelt one (`FORM`, `WHRE`) and is followed by something no alias can be followed by is reported as
    /// the misspelling it probably is.
    mutating func parseBareAlias(expecting expected: String) throws -> Identifier? {
        guard atIdentifier else { return nil }
        if case .keyword(let keyword) = current.kind, Parser.clauseKeywords.contains(keyword) { return nil }
        if atWord("NATURAL"), case .keyword(let next) = peek().kind,
           [.join, .inner, .left, .right, .full, .cross].contains(next) {
            throw Diagnostic.error("HQL2023", "NATURAL JOIN is not HiveQL; name the join columns with USING (..)",
                                   at: current.span)
        }
        if suggestion(for: current, among: Parser.clauseSuggestions) != nil, !canFollowAlias(peek()) {
            throw unexpected(expected, suggesting: Parser.clauseSuggestions)
        }
        return try parseIdentifier("alias")
    }

    /// A name, number or string right after a complete item (`SELECT a b c`, `FROM t t2 t3`) is an error here,
    /// where the message can say what was expected, rather than at the end of the statement.
    mutating func rejectStrayName(expecting expected: String) throws {
        switch current.kind {
        case .identifier, .quotedIdentifier, .number, .string:
            throw unexpected(expected, suggesting: Parser.clauseSuggestions)
        default:
            return
        }
    }

    /// Whether a token may follow an alias.
    private func canFollowAlias(_ token: Token) -> Bool {
        switch token.kind {
        case .comma, .rightParen, .semicolon, .endOfFile, .leftParen: return true
        case .keyword(let keyword): return Parser.clauseKeywords.contains(keyword) || keyword == .tablesample
        default: return false
        }
    }

    // MARK: - GROUP BY

    /// ```
    /// groupBy: (ROLLUP | CUBE) '(' expressions ')'
    ///        | GROUPING SETS groupingSets
    ///        | expressions [WITH ROLLUP | WITH CUBE | GROUPING SETS groupingSets]
    /// ```
    mutating func parseGroupBy() throws -> GroupBy {
        if at(any: .rollup, .cube), peekIs(.leftParen) {
            let isRollup = at(.rollup)
            advance()
            let expressions = try parseParenthesizedList(of: isRollup ? "ROLLUP" : "CUBE") { try $0.parseExpression() }
            return GroupBy(expressions: expressions, modifier: isRollup ? .rollup : .cube)
        }
        if eat(.grouping, .sets) { return GroupBy(expressions: [], modifier: .groupingSets(try parseGroupingSets())) }
        let expressions = try parseExpressionList()
        // WITH and GROUPING are reserved and cannot follow a GROUP BY list otherwise, so they commit here.
        if eat(.with) != nil {
            if eat(.rollup) != nil { return GroupBy(expressions: expressions, modifier: .withRollup) }
            if eat(.cube) != nil { return GroupBy(expressions: expressions, modifier: .withCube) }
            throw unexpected("ROLLUP or CUBE after GROUP BY .. WITH", suggesting: [.rollup, .cube])
        }
        if eat(.grouping) != nil {
            try expect(.sets)
            return GroupBy(expressions: expressions, modifier: .groupingSets(try parseGroupingSets()))
        }
        return GroupBy(expressions: expressions)
    }

    /// `groupingSets: '(' groupingSet (',' groupingSet)* ')'` with `groupingSet: '(' [expressions] ')' | expression`
    mutating func parseGroupingSets() throws -> [[Expression]] {
        try parseParenthesizedList(of: "GROUPING SETS") { parser in
            guard let opener = parser.eat(.leftParen) else { return [try parser.parseExpression()] }
            if parser.eat(.rightParen) != nil { return [] }
            let set = try parser.parseExpressionList()
            try parser.expectClosing(.rightParen, opener: opener.span, of: "grouping set")
            return set
        }
    }

    // MARK: - VALUES

    /// `valuesRows: VALUES valuesRow (',' valuesRow)*` with `valuesRow: '(' expression (',' expression)* ')' | expression`
    mutating func parseValuesRows() throws -> [[Expression]] {
        try expect(.values)
        var rows: [[Expression]] = []
        repeat {
            if at(.leftParen) {
                rows.append(try parseParenthesizedList(of: "VALUES row") { try $0.nested { try $0.parseExpression() } })
            } else {
                rows.append([try parseExpression()])
            }
        } while eat(.comma) != nil
        return rows
    }
}
