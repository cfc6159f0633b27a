/// One statement of a script, with the span of its text (without the closing `;`).
public struct Statement: Equatable, Sendable {
    public var kind: StatementKind
    public var span: Span

    public init(_ kind: StatementKind, span: Span = .none) {
        self.kind = kind
        self.span = span
    }

    public static func == (lhs: Statement, rhs: Statement) -> Bool { lhs.kind == rhs.kind }
}

/// Every statement form the dialect accepts, by family: queries and DML (`DML.swift`),
/// DDL (`DDL.swift`), session and metadata commands (`Commands.swift`).
public indirect enum StatementKind: Equatable, Sendable {
    // MARK: Queries and data
    case query(Query)
    /// `[WITH ..] INSERT OVERWRITE|INTO .. (query | VALUES ..)`
    case insert(Insert)
    /// Hive's `FROM src INSERT .. SELECT .. [INSERT .. SELECT ..]`.
    case multiInsert(MultiInsert)
    case loadData(LoadData)

    // MARK: Databases
    case createDatabase(CreateDatabase)
    case dropDatabase(DropDatabase)
    case use(Identifier)

    // MARK: Tables, views, functions
    case createTable(CreateTable)
    case createTableLike(CreateTableLike)
    case dropTable(DropTable)
    case truncateTable(TruncateTable)
    case alterTable(AlterTable)
    case msckRepairTable(MsckRepairTable)
    case createView(CreateView)
    case alterViewAs(name: QualifiedName, query: Query)
    case dropView(DropView)
    case createFunction(CreateFunction)
    case dropFunction(DropFunction)
    case analyzeTable(AnalyzeTable)

    // MARK: Session and metadata
    case set(SetCommand)
    /// `RESET` or `RESET key`
    case reset(key: String?)
    /// `ADD JAR|FILE|ARCHIVE path ..`
    case addResource(ResourceKind, paths: [String])
    /// `LIST JARS|FILES|ARCHIVES [path ..]`
    case listResources(ResourceKind, paths: [String])
    case show(Show)
    case describe(Describe)
    case explain(Explain)

    // MARK: CLI-level commands read by the script reader
    case cliCommand(CLICommand)
}

/// The resources of `ADD`/`LIST`/`DELETE`.
public enum ResourceKind: String, Equatable, Sendable {
    case jar = "JAR"
    case file = "FILE"
    case archive = "ARCHIVE"
}

/// `SET`, `SET -v`, `SET key`, `SET key=value`. Keys and values are the raw text, as Hive takes them.
public enum SetCommand: Equatable, Sendable {
    /// `SET`: the overridden keys.
    case listOverridden
    /// `SET -v`: every key.
    case listAll
    /// `SET key`: show one key.
    case show(key: String)
    /// `SET key=value`: the value is the raw rest of the statement, trimmed.
    case assign(key: String, value: String)
}

/// Commands that the Hive CLI handles itself rather than sending to the engine.
public enum CLICommand: Equatable, Sendable {
    /// `source FILE`
    case source(path: String)
    /// `!command`, passed to the system without a shell (as the Hive CLI does).
    case shell(command: String)
    /// `quit` or `exit`
    case quit
    case exit
}

/// `SHOW ..` statements.
public enum Show: Equatable, Sendable {
    /// `SHOW DATABASES|SCHEMAS [LIKE 'pattern']`
    case databases(like: String?)
    /// `SHOW TABLES [IN|FROM db] [[LIKE] 'pattern']`
    case tables(database: Identifier?, like: String?)
    /// `SHOW VIEWS [IN db] [LIKE 'pattern']`
    case views(database: Identifier?, like: String?)
    /// `SHOW PARTITIONS t [PARTITION (..)]`
    case partitions(table: QualifiedName, partition: PartitionSpec?)
    /// `SHOW COLUMNS (IN|FROM) t [(IN|FROM) db]`
    case columns(table: QualifiedName, database: Identifier?)
    /// `SHOW CREATE TABLE t`
    case createTable(QualifiedName)
    /// `SHOW TBLPROPERTIES t [('key')]`
    case tableProperties(table: QualifiedName, key: String?)
    /// `SHOW [USER|SYSTEM|ALL] FUNCTIONS [[LIKE] 'pattern']`
    case functions(like: String?)
}

/// `DESCRIBE|DESC ..`
public struct Describe: Equatable, Sendable {
    public enum Detail: String, Equatable, Sendable {
        case formatted = "FORMATTED"
        case extended = "EXTENDED"
    }

    public enum Target: Equatable, Sendable {
        /// `DESCRIBE [FORMATTED|EXTENDED] t [PARTITION (..)] [col]`
        case table(QualifiedName, partition: PartitionSpec?, column: [Identifier])
        /// `DESCRIBE FUNCTION [EXTENDED] f`
        case function(QualifiedName)
        /// `DESCRIBE DATABASE|SCHEMA [EXTENDED] db`
        case database(Identifier)
    }

    public var target: Target
    public var detail: Detail?

    public init(target: Target, detail: Detail? = nil) {
        self.target = target
        self.detail = detail
    }
}

/// `EXPLAIN [EXTENDED|FORMATTED|..] statement`
public struct Explain: Equatable, Sendable {
    public enum Mode: String, Equatable, Sendable {
        case extended = "EXTENDED"
        case formatted = "FORMATTED"
        case codegen = "CODEGEN"
        case cost = "COST"
        case dependency = "DEPENDENCY"
        case logical = "LOGICAL"
    }

    public var mode: Mode?
    public var statement: Statement

    public init(mode: Mode?, statement: Statement) {
        self.mode = mode
        self.statement = statement
    }
}
