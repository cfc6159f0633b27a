// CREATE TABLE in its Hive and Spark forms, and the ROW FORMAT / STORED AS clauses that
// INSERT OVERWRITE DIRECTORY shares. Grammar: grammar/tables.md.

extension Parser {
    /// The keywords that start a clause of CREATE TABLE, for near-miss hints.
    static let createTableClauseKeywords: [Keyword] = [
        .comment, .using, .options, .partitioned, .clustered, .row, .stored, .location, .tblproperties, .as,
    ]

    /// ```
    /// createTable: [OR REPLACE] [TEMPORARY] [EXTERNAL] TABLE [IF NOT EXISTS] qualifiedName
    ///              ( LIKE qualifiedName (LOCATION STRING | TBLPROPERTIES propertyList)*
    ///              | [columnDefinitions] tableClause* [AS query] )
    /// tableClause: COMMENT STRING
    ///            | USING qualifiedName
    ///            | OPTIONS propertyList
    ///            | PARTITIONED BY '(' partitionColumn (',' partitionColumn)* ')'
    ///            | bucketing
    ///            | rowFormat
    ///            | storageFormat
    ///            | LOCATION STRING
    ///            | TBLPROPERTIES propertyList
    /// ```
    /// The clauses come in any order, as Spark allows; each at most once.
    mutating func parseCreateTable(_ modifiers: CreateModifiers) throws -> StatementKind {
        try expect(.table)
        let ifNotExists = try parseIfNotExists()
        let name = try parseQualifiedName("table name")
        if at(.like) {
            if let span = modifiers.orReplace {
                throw Diagnostic.error("HQL2042", "OR REPLACE cannot be used with CREATE TABLE .. LIKE", at: span)
            }
            return .createTableLike(try parseCreateTableLike(modifiers, ifNotExists: ifNotExists, name: name))
        }
        var table = CreateTable(isTemporary: modifiers.temporary != nil, isExternal: modifiers.external != nil,
                                orReplace: modifiers.orReplace != nil, ifNotExists: ifNotExists, name: name)
        if at(.leftParen) { table.columns = try parseColumnDefinitions() }
        var seen: [String: Span] = [:]
        while true {
            let clauseStart = current.span
            if at(.comment) {
                try noteClause("COMMENT", at: clauseStart, seen: &seen)
                table.comment = try parseKeywordString(.comment, "comment string")
            } else if at(.using) {
                try noteClause("USING", at: clauseStart, seen: &seen)
                advance()
                let provider = try parseQualifiedName("data source name (csv, parquet, json, ..)")
                table.provider = Identifier(provider.description, span: provider.span)
            } else if at(.options) {
                try noteClause("OPTIONS", at: clauseStart, seen: &seen)
                advance()
                table.options = try parsePropertyList(of: "options")
            } else if at(.partitioned) {
                try noteClause("PARTITIONED BY", at: clauseStart, seen: &seen)
                advance()
                try require(.by, "after PARTITIONED")
                table.partitionedBy = try parseParenthesizedList(of: "partition column list") {
                    try $0.parsePartitionColumn()
                }
            } else if at(.clustered) {
                try noteClause("CLUSTERED BY", at: clauseStart, seen: &seen)
                table.clusteredBy = try parseBucketing()
            } else if at(.row) {
                try noteClause("ROW FORMAT", at: clauseStart, seen: &seen)
                table.rowFormat = try parseRowFormat()
            } else if at(.stored) {
                try noteClause("STORED", at: clauseStart, seen: &seen)
                table.storage = try parseStorageFormat()
            } else if at(.location) {
                try noteClause("LOCATION", at: clauseStart, seen: &seen)
                table.location = try parseKeywordString(.location, "location string")
            } else if at(.tblproperties) {
                try noteClause("TBLPROPERTIES", at: clauseStart, seen: &seen)
                advance()
                table.tableProperties = try parsePropertyList(of: "table properties")
            } else if eat(.as) != nil {
                table.asQuery = try parseQuery()
                return .createTable(table)
            } else if at(.semicolon) || at(.endOfFile) {
                return .createTable(table)
            } else if at(.sorted) {
                throw Diagnostic.error("HQL2042", "SORTED BY belongs to a bucketing clause: write "
                                       + "CLUSTERED BY (..) SORTED BY (..) INTO n BUCKETS", at: current.span)
            } else {
                throw expected("a table clause (COMMENT, PARTITIONED BY, CLUSTERED BY, ROW FORMAT, STORED AS, "
                               + "LOCATION, TBLPROPERTIES, USING, OPTIONS), AS or the end of the statement",
                               suggesting: Parser.createTableClauseKeywords)
            }
        }
    }

    /// `createTableLike: .. TABLE [IF NOT EXISTS] qualifiedName LIKE qualifiedName
    ///                   (LOCATION STRING | TBLPROPERTIES propertyList)*`
    mutating func parseCreateTableLike(_ modifiers: CreateModifiers, ifNotExists: Bool,
                                       name: QualifiedName) throws -> CreateTableLike {
        try expect(.like)
        var like = CreateTableLike(isTemporary: modifiers.temporary != nil, isExternal: modifiers.external != nil,
                                   ifNotExists: ifNotExists, name: name,
                                   source: try parseQualifiedName("source table name"))
        var seen: [String: Span] = [:]
        while true {
            if at(.location) {
                try noteClause("LOCATION", at: current.span, seen: &seen)
                like.location = try parseKeywordString(.location, "location string")
            } else if at(.tblproperties) {
                try noteClause("TBLPROPERTIES", at: current.span, seen: &seen)
                advance()
                like.tableProperties = try parsePropertyList(of: "table properties")
            } else if at(.semicolon) || at(.endOfFile) {
                return like
            } else {
                throw expected("LOCATION, TBLPROPERTIES or the end of the statement",
                               suggesting: [.location, .tblproperties])
            }
        }
    }

    /// `partitionColumn: identifier [dataType [COMMENT STRING]]` — Spark's names-only form has no type.
    mutating func parsePartitionColumn() throws -> PartitionColumn {
        let name = try parseIdentifier("partition column name")
        if at(.comma) || at(.rightParen) { return PartitionColumn(name: name) }
        let type = try parseDataType()
        let comment = at(.comment) ? try parseKeywordString(.comment, "comment string") : nil
        return PartitionColumn(name: name, type: type, comment: comment)
    }

    /// ```
    /// bucketing: CLUSTERED BY identifierList
    ///            [SORTED BY '(' identifier [ASC | DESC] (',' identifier [ASC | DESC])* ')']
    ///            INTO INTEGER BUCKETS
    /// ```
    mutating func parseBucketing() throws -> Bucketing {
        try expect(.clustered)
        try require(.by, "after CLUSTERED")
        let columns = try parseIdentifierList(of: "bucketing column list")
        var sortedBy: [(Identifier, OrderItem.Direction?)] = []
        if eat(.sorted) != nil {
            try require(.by, "after SORTED")
            sortedBy = try parseParenthesizedList(of: "sort column list") { parser in
                let column = try parser.parseIdentifier("column name")
                var direction: OrderItem.Direction?
                if parser.eat(.asc) != nil { direction = .ascending } else if parser.eat(.desc) != nil {
                    direction = .descending
                }
                return (column, direction)
            }
        }
        try require(.into, "and the number of buckets")
        let buckets = try parseIntegerLiteral("number of buckets")
        try require(.buckets, "after the number of buckets")
        return Bucketing(columns: columns, sortedBy: sortedBy, buckets: buckets)
    }

    /// ```
    /// rowFormat: ROW FORMAT ( DELIMITED delimitedClause*
    ///                       | SERDE STRING [WITH SERDEPROPERTIES propertyList] )
    /// delimitedClause: FIELDS TERMINATED BY STRING [ESCAPED BY STRING]
    ///                | COLLECTION ITEMS TERMINATED BY STRING
    ///                | MAP KEYS TERMINATED BY STRING
    ///                | LINES TERMINATED BY STRING
    ///                | NULL DEFINED AS STRING
    /// ```
    mutating func parseRowFormat() throws -> RowFormat {
        try expect(.row)
        try require(.format, "after ROW")
        if eat(.serde) != nil {
            let className = try parseStringLiteral("SerDe class name string")
            return .serde(className: className, properties: try parseOptionalSerdeProperties())
        }
        guard eat(.delimited) != nil else {
            throw expected("DELIMITED or SERDE after ROW FORMAT", suggesting: [.delimited, .serde])
        }
        var format = DelimitedRowFormat()
        var seen: [String: Span] = [:]
        while true {
            let start = current.span
            if eat(.fields) != nil {
                try noteClause("FIELDS TERMINATED BY", at: start, seen: &seen)
                format.fieldsTerminatedBy = try parseTerminator()
                if eat(.escaped) != nil {
                    try require(.by, "after ESCAPED")
                    format.escapedBy = try parseStringLiteral("escape character string")
                }
            } else if eat(.collection) != nil {
                try noteClause("COLLECTION ITEMS TERMINATED BY", at: start, seen: &seen)
                try require(.items, "after COLLECTION")
                format.collectionItemsTerminatedBy = try parseTerminator()
            } else if eat(.map) != nil {
                try noteClause("MAP KEYS TERMINATED BY", at: start, seen: &seen)
                try require(.keys, "after MAP")
                format.mapKeysTerminatedBy = try parseTerminator()
            } else if eat(.lines) != nil {
                try noteClause("LINES TERMINATED BY", at: start, seen: &seen)
                format.linesTerminatedBy = try parseTerminator()
            } else if at(.null), peekIs(.defined) {
                try noteClause("NULL DEFINED AS", at: start, seen: &seen)
                advance()
                advance()
                try require(.as, "after NULL DEFINED")
                format.nullDefinedAs = try parseStringLiteral("null marker string")
            } else {
                return .delimited(format)
            }
        }
    }

    /// `TERMINATED BY STRING`
    private mutating func parseTerminator() throws -> String {
        try require(.terminated)
        try require(.by, "after TERMINATED")
        return try parseStringLiteral("terminator string")
    }

    /// `[WITH SERDEPROPERTIES propertyList]`
    mutating func parseOptionalSerdeProperties() throws -> [Property] {
        guard at(.with), peekIs(.serdeproperties) else { return [] }
        advance()
        advance()
        return try parsePropertyList(of: "SerDe properties")
    }

    /// ```
    /// storageFormat: STORED AS identifier
    ///              | STORED AS INPUTFORMAT STRING OUTPUTFORMAT STRING
    ///              | STORED BY STRING [WITH SERDEPROPERTIES propertyList]
    /// ```
    mutating func parseStorageFormat() throws -> StorageFormat {
        try expect(.stored)
        if eat(.by) != nil {
            let handler = try parseStringLiteral("storage handler class string")
            return .storedBy(handler: handler, serdeProperties: try parseOptionalSerdeProperties())
        }
        guard eat(.as) != nil else { throw expected("AS or BY after STORED", suggesting: [.as, .by]) }
        if eat(.inputformat) != nil {
            let input = try parseStringLiteral("input format class string")
            try require(.outputformat, "after the input format")
            return .inputOutput(inputFormat: input, outputFormat: try parseStringLiteral("output format class string"))
        }
        return .storedAs(try parseIdentifier("file format (TEXTFILE, ORC, PARQUET, ..)"))
    }
}
