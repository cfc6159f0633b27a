/// What the binder needs to know about databases and tables. The runtime implements it over the
/// warehouse's catalog tables; tests implement it with dictionaries.
public protocol CatalogProvider {
    /// The database of unqualified names (`USE db`).
    var currentDatabase: String { get }
    func databaseExists(_ name: String) throws -> Bool
    /// The table or view `database.name`, or nil. Names compare case-insensitively.
    func table(database: String, name: String) throws -> TableDescriptor?
}

/// A table as the catalog records it.
public struct TableDescriptor: Sendable, Equatable {
    public enum Kind: String, Sendable, Codable {
        case managed = "MANAGED_TABLE"
        case external = "EXTERNAL_TABLE"
        case view = "VIRTUAL_VIEW"
    }

    public var database: String
    public var name: String
    public var kind: Kind
    /// Data columns, in order.
    public var columns: [ColumnDescriptor]
    /// Partition columns, in order; they follow the data columns in `SELECT *`, as in Hive.
    public var partitionColumns: [ColumnDescriptor]
    public var comment: String?
    public var storage: StorageDescriptor
    /// For views: the canonical HiveQL of the view's query.
    public var viewText: String?

    public init(database: String, name: String, kind: Kind, columns: [ColumnDescriptor],
                partitionColumns: [ColumnDescriptor] = [], comment: String? = nil,
                storage: StorageDescriptor = StorageDescriptor(), viewText: String? = nil) {
        self.database = database
        self.name = name
        self.kind = kind
        self.columns = columns
        self.partitionColumns = partitionColumns
        self.comment = comment
        self.storage = storage
        self.viewText = viewText
    }

    /// Data columns then partition columns.
    public var allColumns: [ColumnDescriptor] { columns + partitionColumns }

    /// `database.name`
    public var qualifiedName: String { database + "." + name }
}

/// One column of a table.
public struct ColumnDescriptor: Sendable, Equatable {
    public var name: String
    public var type: HiveType
    public var comment: String?

    public init(name: String, type: HiveType, comment: String? = nil) {
        self.name = name
        self.type = type
        self.comment = comment
    }
}

/// How and where a table's data is stored.
public struct StorageDescriptor: Sendable, Equatable {
    /// The EMR DynamoDB connector's storage handler class.
    public static let dynamoDBHandler = "org.apache.hadoop.hive.dynamodb.DynamoDBStorageHandler"

    /// `STORED AS` format, `USING` provider, or the `STORED BY` handler class.
    public var format: String?
    public var handler: String?
    public var location: String?
    public var serde: String?
    public var rowFormat: [String: String]
    public var serdeProperties: [String: String]
    public var tableProperties: [String: String]

    public init(format: String? = nil, handler: String? = nil, location: String? = nil, serde: String? = nil,
                rowFormat: [String: String] = [:], serdeProperties: [String: String] = [:],
                tableProperties: [String: String] = [:]) {
        self.format = format
        self.handler = handler
        self.location = location
        self.serde = serde
        self.rowFormat = rowFormat
        self.serdeProperties = serdeProperties
        self.tableProperties = tableProperties
    }
}
