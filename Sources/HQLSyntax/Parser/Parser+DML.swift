// Data statements: INSERT, Hive's multi-insert and from-first query, LOAD DATA. Grammar: grammar/data.md.

extension Parser {
    /// ```
    /// withStatement: withClause (insert | fromFirst | queryRest)
    /// ```
    /// A `WITH` may lead a query, an INSERT or a from-first statement; which one is known only after it.
    mutating func parseWithPrefixedStatement() throws -> StatementKind {
        let start = current.span.start
        let with = try parseWithClause()
        if at(.insert) { return .insert(try parseInsert(with: with)) }
        if at(.from) { return try parseFromFirstStatement(with: with) }
        var query = try parseQuery(with: with)
        query.span = Span(start: start, end: previousSpan.end)
        return .query(query)
    }

    // MARK: - INSERT

    /// ```
    /// insert: [withClause] insertTarget (query | VALUES valuesRow (',' valuesRow)*)
    /// ```
    mutating func parseInsert(with: WithClause?) throws -> Insert {
        let target = try parseInsertTarget()
        return Insert(with: with, target: target, source: try parseInsertSource())
    }

    /// The rows an INSERT writes: a query, or `VALUES (..), (..)` as a query whose body is `.values`.
    private mutating func parseInsertSource() throws -> Query {
        if at(.values) {
            let start = current.span.start
            let rows = try parseValuesRows()
            return Query(body: .values(rows), span: Span(start: start, end: previousSpan.end))
        }
        if at(.select) || at(.with) || at(.from) || at(.leftParen) { return try parseQuery() }
        throw expected("a query (SELECT, WITH, FROM, '(') or VALUES", suggesting: [.select, .values, .with, .from])
    }

    /// ```
    /// insertTarget: INSERT OVERWRITE [TABLE] qualifiedName [partitionSpec [IF NOT EXISTS]] [identifierList]
    ///             | INSERT INTO [TABLE] qualifiedName [partitionSpec] [identifierList]
    ///             | INSERT OVERWRITE [LOCAL] DIRECTORY STRING [rowFormat] [storageFormat]
    /// ```
    mutating func parseInsertTarget() throws -> InsertTarget {
        let start = try expect(.insert).span
        let mode: InsertTarget.Mode
        if eat(.overwrite) != nil {
            mode = .overwrite
        } else if eat(.into) != nil {
            mode = .into
        } else {
            throw expected("OVERWRITE or INTO after INSERT", suggesting: [.overwrite, .into])
        }
        if mode == .overwrite, at(.local) || (at(.directory) && peekIs(TokenKind.string)) {
            let isLocal = eat(.local) != nil
            try require(.directory, isLocal ? "after LOCAL" : nil)
            var directory = InsertDirectory(isLocal: isLocal, path: try parseStringLiteral("directory path string"))
            if at(.row) { directory.rowFormat = try parseRowFormat() }
            if at(.stored) { directory.storage = try parseStorageFormat() }
            return InsertTarget(mode: mode, destination: .directory(directory), span: start.union(previousSpan))
        }
        eat(.table)
        let name = try parseQualifiedName("table name")
        let partition = try parseOptionalPartitionSpec()
        var ifNotExists = false
        if at(.if) {
            let ifToken = current.span
            ifNotExists = try parseIfNotExists()
            if mode == .into || partition == nil {
                throw Diagnostic.error("HQL2042", "IF NOT EXISTS is allowed only after INSERT OVERWRITE TABLE t "
                                       + "PARTITION (..)", at: ifToken.union(previousSpan))
            }
        }
        var columns: [Identifier] = []
        if at(.leftParen), !startsQuery(peek()) {
            columns = try parseIdentifierList(of: "insert column list")
        }
        let destination = InsertTarget.Destination.table(name: name, partition: partition, ifNotExists: ifNotExists,
                                                         columns: columns)
        return InsertTarget(mode: mode, destination: destination, span: start.union(previousSpan))
    }

    /// Whether a token after `(` starts a parenthesised query rather than a column list.
    private func startsQuery(_ token: Token) -> Bool {
        let starters: [TokenKind] = [.keyword(.select), .keyword(.with), .keyword(.from), .keyword(.values), .leftParen]
        return starters.contains(token.kind)
    }

    // MARK: - FROM first

    /// ```
    /// fromFirst: [withClause] FROM tableReferences insertBranch+
    ///          | [withClause] FROM tableReferences SELECT ..   (a query; see grammar/data.md)
    /// insertBranch: insertTarget selectBranch
    /// ```
    /// With INSERTs it is Hive's multi-insert; without, it is the from-first query `FROM t SELECT ..`,
    /// which the query productions parse (set operations included).
    mutating func parseFromFirstStatement(with: WithClause?) throws -> StatementKind {
        guard insertFollowsFrom() else {
            let start = current.span.start
            var query = try parseQuery(with: with)
            query.span = Span(start: start, end: previousSpan.end)
            return .query(query)
        }
        try expect(.from)
        let sources = try parseTableReferences()
        guard at(.insert) else {
            throw expected("INSERT after the FROM clause of a multi-insert", suggesting: [.insert])
        }
        var branches: [MultiInsert.Branch] = []
        while at(.insert) {
            let target = try parseInsertTarget()
            guard at(.select) else {
                throw expected("SELECT after the INSERT clause of a multi-insert", suggesting: [.select])
            }
            branches.append(MultiInsert.Branch(target: target, query: try parseSelectBranch()))
        }
        return .multiInsert(MultiInsert(with: with, from: sources, branches: branches))
    }

    /// Whether an INSERT follows the FROM clause at the top level of this statement (a look-ahead that stops
    /// at the `;`), which makes `FROM ..` a multi-insert rather than a from-first query.
    private func insertFollowsFrom() -> Bool {
        var offset = 0
        var depth = 0
        while true {
            let kind = peek(offset).kind
            if kind == .endOfFile || kind == .semicolon { return false }
            if kind == .leftParen { depth += 1 }
            if kind == .rightParen { depth -= 1 }
            if depth == 0 {
                if kind == .keyword(.insert) { return true }
                if kind == .keyword(.select) { return false }
            }
            offset += 1
        }
    }

    // MARK: - LOAD DATA

    /// `loadData: LOAD DATA [LOCAL] INPATH STRING [OVERWRITE] INTO TABLE qualifiedName [partitionSpec]`
    mutating func parseLoadData() throws -> LoadData {
        try expect(.load)
        try require(.data, "after LOAD")
        let isLocal = eat(.local) != nil
        try require(.inpath, isLocal ? "after LOCAL" : nil)
        let path = try parseStringLiteral("path string")
        let overwrite = eat(.overwrite) != nil
        try require(.into, "TABLE")
        try require(.table, "after INTO")
        let table = try parseQualifiedName("table name")
        return LoadData(isLocal: isLocal, path: path, overwrite: overwrite, table: table,
                        partition: try parseOptionalPartitionSpec())
    }
}
