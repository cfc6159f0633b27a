// DDL: databases, the CREATE/DROP/ALTER dispatch, views, functions, TRUNCATE, MSCK and ANALYZE.
// CREATE TABLE lives in Parser+CreateTable.swift, ALTER TABLE in Parser+AlterTable.swift.
// Grammar: grammar/databases.md and grammar/tables.md.

/// The modifiers that may stand between CREATE and the object keyword, with where each was written.
struct CreateModifiers {
    /// `OR REPLACE` (Spark tables and views).
    var orReplace: Span?
    /// `GLOBAL` (Spark's `GLOBAL TEMPORARY VIEW`); a plain word to the lexer.
    var global: Span?
    /// `TEMPORARY` (tables, views, functions).
    var temporary: Span?
    /// `EXTERNAL` (Hive tables).
    var external: Span?
}

extension Parser {
    // MARK: - CREATE / DROP / ALTER dispatch

    /// ```
    /// create: CREATE [OR REPLACE] [GLOBAL] [TEMPORARY] [EXTERNAL]
    ///         (DATABASE | SCHEMA | TABLE | VIEW | FUNCTION) ..
    /// ```
    mutating func parseCreateStatement() throws -> StatementKind {
        try expect(.create)
        var modifiers = CreateModifiers()
        if at(.or) {
            let start = advance().span
            try require(.replace, "after OR")
            modifiers.orReplace = start.union(previousSpan)
        }
        if atBareWord("GLOBAL") { modifiers.global = advance().span }
        if let token = eat(.temporary) { modifiers.temporary = token.span }
        if let token = eat(.external) { modifiers.external = token.span }

        let objects: [Keyword] = [.table, .view, .database, .schema, .function, .temporary, .external]
        if at(.database) || at(.schema) {
            try reject(modifiers.orReplace, "OR REPLACE", with: "DATABASE")
            try reject(modifiers.global, "GLOBAL", with: "DATABASE")
            try reject(modifiers.temporary, "TEMPORARY", with: "DATABASE")
            try reject(modifiers.external, "EXTERNAL", with: "DATABASE")
            return .createDatabase(try parseCreateDatabase())
        }
        if at(.table) {
            try reject(modifiers.global, "GLOBAL", with: "TABLE")
            return try parseCreateTable(modifiers)
        }
        if at(.view) {
            try reject(modifiers.external, "EXTERNAL", with: "VIEW")
            if modifiers.global != nil && modifiers.temporary == nil {
                throw Diagnostic.error("HQL2042", "GLOBAL needs TEMPORARY: write CREATE GLOBAL TEMPORARY VIEW",
                                       at: modifiers.global ?? current.span)
            }
            return .createView(try parseCreateView(modifiers))
        }
        if at(.function) {
            try reject(modifiers.orReplace, "OR REPLACE", with: "FUNCTION")
            try reject(modifiers.global, "GLOBAL", with: "FUNCTION")
            try reject(modifiers.external, "EXTERNAL", with: "FUNCTION")
            return .createFunction(try parseCreateFunction(isTemporary: modifiers.temporary != nil))
        }
        throw expected("TABLE, VIEW, DATABASE, SCHEMA or FUNCTION after CREATE", suggesting: objects)
    }

    /// Fails when a CREATE modifier was written with an object it does not apply to.
    private func reject(_ span: Span?, _ modifier: String, with object: String) throws {
        if let span {
            throw Diagnostic.error("HQL2042", "\(modifier) cannot be used with CREATE \(object)", at: span)
        }
    }

    /// `drop: DROP (DATABASE | SCHEMA | TABLE | VIEW | [TEMPORARY] FUNCTION) ..`
    mutating func parseDropStatement() throws -> StatementKind {
        try expect(.drop)
        if at(.database) || at(.schema) { return .dropDatabase(try parseDropDatabase()) }
        if at(.table) { return .dropTable(try parseDropTable()) }
        if at(.view) { return .dropView(try parseDropView()) }
        if at(.temporary) || at(.function) { return .dropFunction(try parseDropFunction()) }
        throw expected("TABLE, VIEW, DATABASE, SCHEMA or FUNCTION after DROP",
                       suggesting: [.table, .view, .database, .schema, .function, .temporary])
    }

    /// `alter: ALTER TABLE alterTable | ALTER VIEW qualifiedName AS query`
    mutating func parseAlterStatement() throws -> StatementKind {
        try expect(.alter)
        if at(.table) { return .alterTable(try parseAlterTable()) }
        if at(.view) {
            advance()
            let name = try parseQualifiedName("view name")
            try require(.as, "and the view's new query")
            return .alterViewAs(name: name, query: try parseQuery())
        }
        throw expected("TABLE or VIEW after ALTER", suggesting: [.table, .view])
    }

    // MARK: - Databases

    /// ```
    /// createDatabase: (DATABASE | SCHEMA) [IF NOT EXISTS] identifier databaseClause*
    /// databaseClause: COMMENT STRING | LOCATION STRING | WITH DBPROPERTIES propertyList
    /// ```
    /// Clauses come in any order (as Spark allows), each at most once.
    mutating func parseCreateDatabase() throws -> CreateDatabase {
        advance()  // DATABASE or SCHEMA
        let ifNotExists = try parseIfNotExists()
        let name = try parseIdentifier("database name (an identifier)")
        var database = CreateDatabase(name: name, ifNotExists: ifNotExists)
        var seen: [String: Span] = [:]
        while true {
            if at(.comment) {
                try noteClause("COMMENT", at: current.span, seen: &seen)
                database.comment = try parseKeywordString(.comment, "comment string")
            } else if at(.location) {
                try noteClause("LOCATION", at: current.span, seen: &seen)
                database.location = try parseKeywordString(.location, "location string")
            } else if at(.with) {
                try noteClause("WITH DBPROPERTIES", at: current.span, seen: &seen)
                advance()
                try require(.dbproperties, "after WITH")
                database.properties = try parsePropertyList(of: "database properties")
            } else if at(.semicolon) || at(.endOfFile) {
                return database
            } else {
                throw expected("COMMENT, LOCATION, WITH DBPROPERTIES or the end of the statement",
                               suggesting: [.comment, .location, .with, .dbproperties])
            }
        }
    }

    /// `dropDatabase: (DATABASE | SCHEMA) [IF EXISTS] identifier [RESTRICT | CASCADE]`
    mutating func parseDropDatabase() throws -> DropDatabase {
        advance()  // DATABASE or SCHEMA
        let ifExists = try parseIfExists()
        let name = try parseIdentifier("database name (an identifier)")
        var behavior: DropDatabase.Behavior?
        if eat(.restrict) != nil { behavior = .restrict } else if eat(.cascade) != nil { behavior = .cascade }
        return DropDatabase(name: name, ifExists: ifExists, behavior: behavior)
    }

    /// `use: USE identifier`
    mutating func parseUse() throws -> StatementKind {
        try expect(.use)
        return .use(try parseIdentifier("database name (an identifier)"))
    }

    // MARK: - Tables: DROP, TRUNCATE, MSCK, ANALYZE

    /// `dropTable: TABLE [IF EXISTS] qualifiedName [PURGE]`
    mutating func parseDropTable() throws -> DropTable {
        try expect(.table)
        let ifExists = try parseIfExists()
        let name = try parseQualifiedName("table name")
        return DropTable(name: name, ifExists: ifExists, purge: eat(.purge) != nil)
    }

    /// `truncateTable: TRUNCATE TABLE qualifiedName [partitionSpec]`
    mutating func parseTruncateTable() throws -> TruncateTable {
        try expect(.truncate)
        try require(.table, "after TRUNCATE")
        let name = try parseQualifiedName("table name")
        return TruncateTable(name: name, partition: try parseOptionalPartitionSpec())
    }

    /// `msckRepairTable: MSCK [REPAIR] TABLE qualifiedName [(ADD | DROP | SYNC) PARTITIONS]`
    mutating func parseMsckRepairTable() throws -> MsckRepairTable {
        try expect(.msck)
        eat(.repair)
        try require(.table, "after MSCK REPAIR")
        let name = try parseQualifiedName("table name")
        var mode: MsckRepairTable.Mode?
        if eat(.add) != nil { mode = .add } else if eat(.drop) != nil { mode = .drop } else if eat(.sync) != nil {
            mode = .sync
        }
        if mode != nil { try require(.partitions, "after \(mode?.rawValue ?? "")") }
        return MsckRepairTable(name: name, mode: mode)
    }

    /// ```
    /// analyzeTable: ANALYZE TABLE qualifiedName [partitionSpec] COMPUTE STATISTICS
    ///               [NOSCAN | FOR COLUMNS [identifier (',' identifier)*] | FOR ALL COLUMNS]
    /// ```
    mutating func parseAnalyzeTable() throws -> AnalyzeTable {
        try expect(.analyze)
        try require(.table, "after ANALYZE")
        let name = try parseQualifiedName("table name")
        let partition = try parseOptionalPartitionSpec()
        try require(.compute, "STATISTICS")
        try require(.statistics, "after COMPUTE")
        var scope = AnalyzeTable.Scope.table
        if eat(.noscan) != nil {
            scope = .noScan
        } else if eat(.for) != nil {
            if eat(.all) != nil {
                try require(.columns, "after FOR ALL")
                scope = .forAllColumns
            } else {
                try require(.columns, "after FOR")
                var columns: [Identifier] = []
                if atIdentifier {
                    repeat { columns.append(try parseIdentifier("column name")) } while eat(.comma) != nil
                }
                scope = .forColumns(columns)
            }
        }
        return AnalyzeTable(name: name, partition: partition, scope: scope)
    }

    // MARK: - Views

    /// ```
    /// createView: VIEW [IF NOT EXISTS] qualifiedName ['(' viewColumn (',' viewColumn)* ')']
    ///             (COMMENT STRING | TBLPROPERTIES propertyList)* AS query
    /// viewColumn: identifier [COMMENT STRING]
    /// ```
    mutating func parseCreateView(_ modifiers: CreateModifiers) throws -> CreateView {
        try expect(.view)
        let ifNotExists = try parseIfNotExists()
        let name = try parseQualifiedName("view name")
        var columns: [ViewColumn] = []
        if at(.leftParen) {
            columns = try parseParenthesizedList(of: "view column list") { parser -> ViewColumn in
                let column = try parser.parseIdentifier("column name")
                let comment = parser.at(.comment) ? try parser.parseKeywordString(.comment, "comment string") : nil
                return ViewColumn(name: column, comment: comment)
            }
        }
        var comment: String?
        var properties: [Property] = []
        var seen: [String: Span] = [:]
        while !at(.as) {
            if at(.comment) {
                try noteClause("COMMENT", at: current.span, seen: &seen)
                comment = try parseKeywordString(.comment, "comment string")
            } else if at(.tblproperties) {
                try noteClause("TBLPROPERTIES", at: current.span, seen: &seen)
                advance()
                properties = try parsePropertyList(of: "table properties")
            } else {
                throw expected("COMMENT, TBLPROPERTIES or AS and the view's query",
                               suggesting: [.comment, .tblproperties, .as])
            }
        }
        advance()  // AS
        return CreateView(orReplace: modifiers.orReplace != nil, isTemporary: modifiers.temporary != nil,
                          isGlobal: modifiers.global != nil, ifNotExists: ifNotExists, name: name, columns: columns,
                          comment: comment, tableProperties: properties, query: try parseQuery())
    }

    /// `dropView: VIEW [IF EXISTS] qualifiedName`
    mutating func parseDropView() throws -> DropView {
        try expect(.view)
        let ifExists = try parseIfExists()
        return DropView(name: try parseQualifiedName("view name"), ifExists: ifExists)
    }

    // MARK: - Functions

    /// ```
    /// createFunction: FUNCTION qualifiedName AS STRING [USING resource (',' resource)*]
    /// resource: (JAR | FILE | ARCHIVE) STRING
    /// ```
    mutating func parseCreateFunction(isTemporary: Bool) throws -> CreateFunction {
        try expect(.function)
        let name = try parseQualifiedName("function name")
        try require(.as, "and the implementing class")
        let className = try parseStringLiteral("class name string")
        var resources: [FunctionResource] = []
        if eat(.using) != nil {
            repeat {
                let kind: ResourceKind
                if eat(.jar) != nil {
                    kind = .jar
                } else if eat(.file) != nil {
                    kind = .file
                } else if eat(.archive) != nil {
                    kind = .archive
                } else {
                    throw expected("JAR, FILE or ARCHIVE", suggesting: [.jar, .file, .archive])
                }
                resources.append(FunctionResource(kind: kind, uri: try parseStringLiteral("resource URI string")))
            } while eat(.comma) != nil
        }
        return CreateFunction(isTemporary: isTemporary, name: name, className: className, resources: resources)
    }

    /// `dropFunction: [TEMPORARY] FUNCTION [IF EXISTS] qualifiedName`
    mutating func parseDropFunction() throws -> DropFunction {
        let isTemporary = eat(.temporary) != nil
        try require(.function, isTemporary ? "after DROP TEMPORARY" : nil)
        let ifExists = try parseIfExists()
        return DropFunction(isTemporary: isTemporary, ifExists: ifExists, name: try parseQualifiedName("function name"))
    }
}
