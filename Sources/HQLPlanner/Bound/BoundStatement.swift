import HQLSyntax

/// A statement after binding, ready for the generator and the executor.
public enum BoundStatement: Sendable {
    case query(BoundQuery)
    case createDatabase(name: String, ifNotExists: Bool, comment: String?, location: String?)
    case dropDatabase(name: String, ifExists: Bool, cascade: Bool)
    case use(database: String)
    case createTable(TableDescriptor, ifNotExists: Bool, asQuery: BoundQuery?)
    case dropTable(database: String, name: String, ifExists: Bool)
    case truncateTable(TableDescriptor)
    case insert(BoundInsert)
    case createTableLike(TableDescriptor, ifNotExists: Bool)
    case createView(TableDescriptor, orReplace: Bool, ifNotExists: Bool)
    case dropView(database: String, name: String, ifExists: Bool)
    case addColumns(TableDescriptor, [ColumnDescriptor])
    case renameTable(TableDescriptor, toDatabase: String, toName: String)
    case showPartitions(TableDescriptor, filter: [(column: String, value: BoundExpression)])
    case loadData(TableDescriptor, path: String, overwrite: Bool)
    case showDatabases(like: String?)
    case showTables(database: String, like: String?)
    case describeTable(TableDescriptor, detail: Describe.Detail?)
}

/// `INSERT OVERWRITE|INTO TABLE t [PARTITION (..)] query`, with the query's columns already converted to the
/// table's column types, in table order (data columns, then partition columns).
public struct BoundInsert: Sendable {
    public var table: TableDescriptor
    public var overwrite: Bool
    /// Static partition values, by partition column name (already converted to the column's type).
    public var staticPartition: [(column: String, value: BoundExpression)]
    public var query: BoundQuery

    public init(table: TableDescriptor, overwrite: Bool, staticPartition: [(column: String, value: BoundExpression)],
                query: BoundQuery) {
        self.table = table
        self.overwrite = overwrite
        self.staticPartition = staticPartition
        self.query = query
    }
}
