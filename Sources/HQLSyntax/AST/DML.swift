/// `[WITH ..] INSERT OVERWRITE|INTO .. query` or `.. VALUES (..), (..)`.
public struct Insert: Equatable, Sendable {
    public var with: WithClause?
    public var target: InsertTarget
    /// The rows: a query (a `VALUES` body for `INSERT .. VALUES`).
    public var source: Query

    public init(with: WithClause? = nil, target: InsertTarget, source: Query) {
        self.with = with
        self.target = target
        self.source = source
    }
}

/// Where an `INSERT` writes.
public struct InsertTarget: Equatable, Sendable {
    public enum Mode: String, Equatable, Sendable {
        case overwrite = "OVERWRITE"
        case into = "INTO"
    }

    public enum Destination: Equatable, Sendable {
        /// `TABLE t [PARTITION (..)] [IF NOT EXISTS] [(cols)]`
        case table(name: QualifiedName, partition: PartitionSpec?, ifNotExists: Bool, columns: [Identifier])
        /// `[LOCAL] DIRECTORY 'path' [ROW FORMAT ..] [STORED AS ..]`
        case directory(InsertDirectory)
    }

    public var mode: Mode
    public var destination: Destination
    public var span: Span

    public init(mode: Mode, destination: Destination, span: Span = .none) {
        self.mode = mode
        self.destination = destination
        self.span = span
    }

    public static func == (lhs: InsertTarget, rhs: InsertTarget) -> Bool {
        lhs.mode == rhs.mode && lhs.destination == rhs.destination
    }
}

/// `INSERT OVERWRITE [LOCAL] DIRECTORY 'path' [ROW FORMAT ..] [STORED AS ..]`
public struct InsertDirectory: Equatable, Sendable {
    public var isLocal: Bool
    public var path: String
    public var rowFormat: RowFormat?
    public var storage: StorageFormat?

    public init(isLocal: Bool, path: String, rowFormat: RowFormat? = nil, storage: StorageFormat? = nil) {
        self.isLocal = isLocal
        self.path = path
        self.rowFormat = rowFormat
        self.storage = storage
    }
}

/// Hive's multi-insert: `[WITH ..] FROM source INSERT .. SELECT .. [INSERT .. SELECT ..]`.
/// Each branch's query has an empty `FROM`; the shared source is `from`.
public struct MultiInsert: Equatable, Sendable {
    public struct Branch: Equatable, Sendable {
        public var target: InsertTarget
        public var query: Query
        public init(target: InsertTarget, query: Query) {
            self.target = target
            self.query = query
        }
    }

    public var with: WithClause?
    public var from: [TableReference]
    public var branches: [Branch]

    public init(with: WithClause? = nil, from: [TableReference], branches: [Branch]) {
        self.with = with
        self.from = from
        self.branches = branches
    }
}

/// `LOAD DATA [LOCAL] INPATH 'path' [OVERWRITE] INTO TABLE t [PARTITION (..)]`
public struct LoadData: Equatable, Sendable {
    public var isLocal: Bool
    public var path: String
    public var overwrite: Bool
    public var table: QualifiedName
    public var partition: PartitionSpec?

    public init(isLocal: Bool, path: String, overwrite: Bool, table: QualifiedName, partition: PartitionSpec? = nil) {
        self.isLocal = isLocal
        self.path = path
        self.overwrite = overwrite
        self.table = table
        self.partition = partition
    }
}

/// `PARTITION (k = v, k2)`: static keys have a value, dynamic ones do not.
public struct PartitionSpec: Equatable, Sendable {
    public struct Item: Equatable, Sendable {
        public var column: Identifier
        public var value: Expression?
        public init(column: Identifier, value: Expression?) {
            self.column = column
            self.value = value
        }
    }

    public var items: [Item]
    public var span: Span

    public init(items: [Item], span: Span = .none) {
        self.items = items
        self.span = span
    }

    public static func == (lhs: PartitionSpec, rhs: PartitionSpec) -> Bool { lhs.items == rhs.items }
}
