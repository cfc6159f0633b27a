/// `CREATE DATABASE|SCHEMA [IF NOT EXISTS] db [COMMENT ..] [LOCATION ..] [WITH DBPROPERTIES (..)]`
public struct CreateDatabase: Equatable, Sendable {
    public var name: Identifier
    public var ifNotExists: Bool
    public var comment: String?
    public var location: String?
    public var properties: [Property]

    public init(name: Identifier, ifNotExists: Bool = false, comment: String? = nil, location: String? = nil,
                properties: [Property] = []) {
        self.name = name
        self.ifNotExists = ifNotExists
        self.comment = comment
        self.location = location
        self.properties = properties
    }
}

/// `DROP DATABASE|SCHEMA [IF EXISTS] db [RESTRICT|CASCADE]`
public struct DropDatabase: Equatable, Sendable {
    public enum Behavior: String, Equatable, Sendable {
        case restrict = "RESTRICT"
        case cascade = "CASCADE"
    }

    public var name: Identifier
    public var ifExists: Bool
    public var behavior: Behavior?

    public init(name: Identifier, ifExists: Bool = false, behavior: Behavior? = nil) {
        self.name = name
        self.ifExists = ifExists
        self.behavior = behavior
    }
}

/// A column in a table definition: `name type [COMMENT '..']`.
public struct ColumnDefinition: Equatable, Sendable {
    public var name: Identifier
    public var type: DataType
    public var comment: String?

    public init(name: Identifier, type: DataType, comment: String? = nil) {
        self.name = name
        self.type = type
        self.comment = comment
    }
}

/// A partition column: Hive's `PARTITIONED BY (k type)`, or Spark's `PARTITIONED BY (k)` naming a
/// column of the table (no type).
public struct PartitionColumn: Equatable, Sendable {
    public var name: Identifier
    public var type: DataType?
    public var comment: String?

    public init(name: Identifier, type: DataType? = nil, comment: String? = nil) {
        self.name = name
        self.type = type
        self.comment = comment
    }
}

/// `CLUSTERED BY (..) [SORTED BY (.. ASC|DESC)] INTO n BUCKETS`
public struct Bucketing: Equatable, Sendable {
    public var columns: [Identifier]
    public var sortedBy: [(Identifier, OrderItem.Direction?)]
    public var buckets: Int

    public init(columns: [Identifier], sortedBy: [(Identifier, OrderItem.Direction?)] = [], buckets: Int) {
        self.columns = columns
        self.sortedBy = sortedBy
        self.buckets = buckets
    }

    public static func == (lhs: Bucketing, rhs: Bucketing) -> Bool {
        lhs.columns == rhs.columns && lhs.buckets == rhs.buckets
            && lhs.sortedBy.map(\.0) == rhs.sortedBy.map(\.0) && lhs.sortedBy.map(\.1) == rhs.sortedBy.map(\.1)
    }
}

/// `ROW FORMAT ..`
public enum RowFormat: Equatable, Sendable {
    case delimited(DelimitedRowFormat)
    /// `ROW FORMAT SERDE 'class' [WITH SERDEPROPERTIES (..)]`
    case serde(className: String, properties: [Property])
}

/// `ROW FORMAT DELIMITED ..`: each terminator as the decoded string literal (`'\001'` is U+0001).
public struct DelimitedRowFormat: Equatable, Sendable {
    public var fieldsTerminatedBy: String?
    public var escapedBy: String?
    public var collectionItemsTerminatedBy: String?
    public var mapKeysTerminatedBy: String?
    public var linesTerminatedBy: String?
    public var nullDefinedAs: String?

    public init(fieldsTerminatedBy: String? = nil, escapedBy: String? = nil, collectionItemsTerminatedBy: String? = nil,
                mapKeysTerminatedBy: String? = nil, linesTerminatedBy: String? = nil, nullDefinedAs: String? = nil) {
        self.fieldsTerminatedBy = fieldsTerminatedBy
        self.escapedBy = escapedBy
        self.collectionItemsTerminatedBy = collectionItemsTerminatedBy
        self.mapKeysTerminatedBy = mapKeysTerminatedBy
        self.linesTerminatedBy = linesTerminatedBy
        self.nullDefinedAs = nullDefinedAs
    }
}

/// How a table is stored.
public enum StorageFormat: Equatable, Sendable {
    /// `STORED AS TEXTFILE|ORC|PARQUET|..`
    case storedAs(Identifier)
    /// `STORED AS INPUTFORMAT '..' OUTPUTFORMAT '..'`
    case inputOutput(inputFormat: String, outputFormat: String)
    /// `STORED BY 'handler' [WITH SERDEPROPERTIES (..)]`
    case storedBy(handler: String, serdeProperties: [Property])
}

/// `CREATE [TEMPORARY] [EXTERNAL] TABLE ..`, Hive and Spark forms, clauses in any order.
public struct CreateTable: Equatable, Sendable {
    public var isTemporary: Bool
    public var isExternal: Bool
    /// `CREATE OR REPLACE TABLE` (Spark data-source tables).
    public var orReplace: Bool
    public var ifNotExists: Bool
    public var name: QualifiedName
    public var columns: [ColumnDefinition]
    public var comment: String?
    /// Spark's `USING csv|parquet|json|..`
    public var provider: Identifier?
    /// Spark's `OPTIONS (..)`
    public var options: [Property]
    public var partitionedBy: [PartitionColumn]
    public var clusteredBy: Bucketing?
    public var rowFormat: RowFormat?
    public var storage: StorageFormat?
    public var location: String?
    public var tableProperties: [Property]
    /// `AS query` (CTAS).
    public var asQuery: Query?

    public init(isTemporary: Bool = false, isExternal: Bool = false, orReplace: Bool = false, ifNotExists: Bool = false,
                name: QualifiedName, columns: [ColumnDefinition] = [], comment: String? = nil,
                provider: Identifier? = nil, options: [Property] = [], partitionedBy: [PartitionColumn] = [],
                clusteredBy: Bucketing? = nil, rowFormat: RowFormat? = nil, storage: StorageFormat? = nil,
                location: String? = nil, tableProperties: [Property] = [], asQuery: Query? = nil) {
        self.isTemporary = isTemporary
        self.isExternal = isExternal
        self.orReplace = orReplace
        self.ifNotExists = ifNotExists
        self.name = name
        self.columns = columns
        self.comment = comment
        self.provider = provider
        self.options = options
        self.partitionedBy = partitionedBy
        self.clusteredBy = clusteredBy
        self.rowFormat = rowFormat
        self.storage = storage
        self.location = location
        self.tableProperties = tableProperties
        self.asQuery = asQuery
    }
}

/// `CREATE [TEMPORARY] [EXTERNAL] TABLE [IF NOT EXISTS] t LIKE s [LOCATION ..] [TBLPROPERTIES (..)]`
public struct CreateTableLike: Equatable, Sendable {
    public var isTemporary: Bool
    public var isExternal: Bool
    public var ifNotExists: Bool
    public var name: QualifiedName
    public var source: QualifiedName
    public var location: String?
    public var tableProperties: [Property]

    public init(isTemporary: Bool = false, isExternal: Bool = false, ifNotExists: Bool = false, name: QualifiedName,
                source: QualifiedName, location: String? = nil, tableProperties: [Property] = []) {
        self.isTemporary = isTemporary
        self.isExternal = isExternal
        self.ifNotExists = ifNotExists
        self.name = name
        self.source = source
        self.location = location
        self.tableProperties = tableProperties
    }
}

/// `DROP TABLE [IF EXISTS] t [PURGE]`
public struct DropTable: Equatable, Sendable {
    public var name: QualifiedName
    public var ifExists: Bool
    public var purge: Bool

    public init(name: QualifiedName, ifExists: Bool = false, purge: Bool = false) {
        self.name = name
        self.ifExists = ifExists
        self.purge = purge
    }
}

/// `TRUNCATE TABLE t [PARTITION (..)]`
public struct TruncateTable: Equatable, Sendable {
    public var name: QualifiedName
    public var partition: PartitionSpec?

    public init(name: QualifiedName, partition: PartitionSpec? = nil) {
        self.name = name
        self.partition = partition
    }
}

/// `ALTER TABLE t action`
public struct AlterTable: Equatable, Sendable {
    public var name: QualifiedName
    public var action: AlterTableAction

    public init(name: QualifiedName, action: AlterTableAction) {
        self.name = name
        self.action = action
    }
}

public enum AlterTableAction: Equatable, Sendable {
    /// `RENAME TO u`
    case renameTo(QualifiedName)
    /// `ADD [IF NOT EXISTS] PARTITION (..) [LOCATION '..'] [PARTITION (..) [LOCATION '..']] ..`
    case addPartitions(ifNotExists: Bool, [PartitionWithLocation])
    /// `DROP [IF EXISTS] PARTITION (..) [, PARTITION (..)] [PURGE]`
    case dropPartitions(ifExists: Bool, [PartitionSpec], purge: Bool)
    /// `PARTITION (..) RENAME TO PARTITION (..)`
    case renamePartition(from: PartitionSpec, to: PartitionSpec)
    /// `ADD COLUMNS (..) [CASCADE|RESTRICT]`
    case addColumns([ColumnDefinition], cascade: Bool)
    /// `REPLACE COLUMNS (..) [CASCADE|RESTRICT]`
    case replaceColumns([ColumnDefinition], cascade: Bool)
    /// `CHANGE [COLUMN] old new type [COMMENT '..'] [FIRST|AFTER col] [CASCADE|RESTRICT]`
    case changeColumn(ChangeColumn)
    /// `SET TBLPROPERTIES (..)`
    case setTableProperties([Property])
    /// `UNSET TBLPROPERTIES [IF EXISTS] ('k', ..)`
    case unsetTableProperties(ifExists: Bool, keys: [String])
    /// `[PARTITION (..)] SET LOCATION '..'`
    case setLocation(partition: PartitionSpec?, location: String)
    /// `[PARTITION (..)] SET FILEFORMAT fmt`
    case setFileFormat(partition: PartitionSpec?, format: Identifier)
    /// `SET SERDE 'class' [WITH SERDEPROPERTIES (..)]`
    case setSerde(className: String, properties: [Property])
    /// `SET SERDEPROPERTIES (..)`
    case setSerdeProperties([Property])
    /// `RECOVER PARTITIONS` (Spark; same as `MSCK REPAIR TABLE`).
    case recoverPartitions
}

/// A partition and its optional location, in `ALTER TABLE .. ADD PARTITION`.
public struct PartitionWithLocation: Equatable, Sendable {
    public var partition: PartitionSpec
    public var location: String?

    public init(partition: PartitionSpec, location: String? = nil) {
        self.partition = partition
        self.location = location
    }
}

/// `CHANGE [COLUMN] old new type [COMMENT '..'] [FIRST|AFTER col] [CASCADE|RESTRICT]`
public struct ChangeColumn: Equatable, Sendable {
    public enum Position: Equatable, Sendable {
        case first
        case after(Identifier)
    }

    public var oldName: Identifier
    public var newName: Identifier
    public var type: DataType
    public var comment: String?
    public var position: Position?
    public var cascade: Bool

    public init(oldName: Identifier, newName: Identifier, type: DataType, comment: String? = nil,
                position: Position? = nil, cascade: Bool = false) {
        self.oldName = oldName
        self.newName = newName
        self.type = type
        self.comment = comment
        self.position = position
        self.cascade = cascade
    }
}

/// `MSCK [REPAIR] TABLE t [ADD|DROP|SYNC PARTITIONS]`
public struct MsckRepairTable: Equatable, Sendable {
    public enum Mode: String, Equatable, Sendable {
        case add = "ADD"
        case drop = "DROP"
        case sync = "SYNC"
    }

    public var name: QualifiedName
    public var mode: Mode?

    public init(name: QualifiedName, mode: Mode? = nil) {
        self.name = name
        self.mode = mode
    }
}

/// `CREATE [OR REPLACE] [GLOBAL] [TEMPORARY] VIEW [IF NOT EXISTS] v [(cols)] [COMMENT ..] [TBLPROPERTIES ..] AS query`
public struct CreateView: Equatable, Sendable {
    public var orReplace: Bool
    public var isTemporary: Bool
    public var isGlobal: Bool
    public var ifNotExists: Bool
    public var name: QualifiedName
    public var columns: [ViewColumn]
    public var comment: String?
    public var tableProperties: [Property]
    public var query: Query

    public init(orReplace: Bool = false, isTemporary: Bool = false, isGlobal: Bool = false, ifNotExists: Bool = false,
                name: QualifiedName, columns: [ViewColumn] = [], comment: String? = nil,
                tableProperties: [Property] = [], query: Query) {
        self.orReplace = orReplace
        self.isTemporary = isTemporary
        self.isGlobal = isGlobal
        self.ifNotExists = ifNotExists
        self.name = name
        self.columns = columns
        self.comment = comment
        self.tableProperties = tableProperties
        self.query = query
    }
}

/// A column of a view's column list: `name [COMMENT '..']`.
public struct ViewColumn: Equatable, Sendable {
    public var name: Identifier
    public var comment: String?

    public init(name: Identifier, comment: String? = nil) {
        self.name = name
        self.comment = comment
    }
}

/// `DROP VIEW [IF EXISTS] v`
public struct DropView: Equatable, Sendable {
    public var name: QualifiedName
    public var ifExists: Bool

    public init(name: QualifiedName, ifExists: Bool = false) {
        self.name = name
        self.ifExists = ifExists
    }
}

/// `CREATE [TEMPORARY] FUNCTION f AS 'class' [USING JAR|FILE|ARCHIVE 'uri', ..]`
public struct CreateFunction: Equatable, Sendable {
    public var isTemporary: Bool
    public var name: QualifiedName
    public var className: String
    public var resources: [FunctionResource]

    public init(isTemporary: Bool = false, name: QualifiedName, className: String, resources: [FunctionResource] = []) {
        self.isTemporary = isTemporary
        self.name = name
        self.className = className
        self.resources = resources
    }
}

/// One `JAR 'uri'` of `CREATE FUNCTION .. USING`.
public struct FunctionResource: Equatable, Sendable {
    public var kind: ResourceKind
    public var uri: String

    public init(kind: ResourceKind, uri: String) {
        self.kind = kind
        self.uri = uri
    }
}

/// `DROP [TEMPORARY] FUNCTION [IF EXISTS] f`
public struct DropFunction: Equatable, Sendable {
    public var isTemporary: Bool
    public var ifExists: Bool
    public var name: QualifiedName

    public init(isTemporary: Bool = false, ifExists: Bool = false, name: QualifiedName) {
        self.isTemporary = isTemporary
        self.ifExists = ifExists
        self.name = name
    }
}

/// `ANALYZE TABLE t [PARTITION (..)] COMPUTE STATISTICS [NOSCAN | FOR COLUMNS [c, ..] | FOR ALL COLUMNS]`
public struct AnalyzeTable: Equatable, Sendable {
    public enum Scope: Equatable, Sendable {
        case table
        case noScan
        case forColumns([Identifier])
        case forAllColumns
    }

    public var name: QualifiedName
    public var partition: PartitionSpec?
    public var scope: Scope

    public init(name: QualifiedName, partition: PartitionSpec? = nil, scope: Scope = .table) {
        self.name = name
        self.partition = partition
        self.scope = scope
    }
}
