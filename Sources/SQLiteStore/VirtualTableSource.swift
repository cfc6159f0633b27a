import CSQLite

/// A visible column of a Swift virtual table.
public struct VirtualTableColumn: Sendable, Equatable {
    /// The column name.
    public var name: String
    /// The declared type written into the table's schema (e.g. `"TEXT"`), which gives the column its affinity;
    /// nil declares no type (BLOB affinity: values are kept exactly as the cursor returns them).
    public var declaredType: String?

    /// Creates a column.
    public init(_ name: String, declaredType: String? = nil) {
        self.name = name
        self.declaredType = declaredType
    }
}

/// A parameter of a table-valued function: a hidden column bound by `name(arg1, arg2, ...)` or by `WHERE name = x`.
public struct VirtualTableParameter: Sendable, Equatable {
    /// The hidden column's name.
    public var name: String
    /// When true, a query that gives no value for this parameter fails with a clear message.
    public var isRequired: Bool

    /// Creates a parameter.
    public init(_ name: String, isRequired: Bool = true) {
        self.name = name
        self.isRequired = isRequired
    }
}

/// A read-only table whose rows a Swift cursor produces on demand, e.g. the records of a CSV file streamed straight
/// into `INSERT INTO t SELECT * FROM csv_file('data.csv')` without staging.
///
/// One source backs one table (one `CREATE VIRTUAL TABLE`, or the eponymous table of a table-valued function);
/// each scan of it asks for a fresh cursor. Sources live on the connection's thread.
public protocol VirtualTableSource: AnyObject {
    /// The visible columns, in order. Indices passed to `VirtualTableCursor.column` count from 0 over these.
    var columns: [VirtualTableColumn] { get }
    /// The table-valued-function parameters, in call order (at most 30). Defaults to none.
    var parameters: [VirtualTableParameter] { get }
    /// A guess at the number of rows a scan yields, for the query planner. Defaults to one million.
    var estimatedRowCount: Int64 { get }
    /// Starts a scan. `arguments` has one entry per parameter, `.null` for an optional one not given.
    /// A thrown error fails the statement with the error's description.
    func makeCursor(arguments: [SQLiteValue]) throws -> any VirtualTableCursor
}

extension VirtualTableSource {
    /// No parameters: a plain table.
    public var parameters: [VirtualTableParameter] { [] }
    /// One million rows: large enough that the planner prefers to scan the table once.
    public var estimatedRowCount: Int64 { 1_000_000 }
}

/// One scan over a virtual table. The adapter calls `next()` once to reach the first row, then `column` for the
/// columns the query needs, then `next()` again, until `next()` returns false.
///
/// This is the per-row path: write values with the `ResultContext` setters (`result(utf8:)` takes a slice of your
/// own buffer with no intermediate `String`), and keep per-row allocation out of `next()`.
public protocol VirtualTableCursor: AnyObject {
    /// Advances to the next row; false when there is none. Thrown errors fail the statement.
    func next() throws -> Bool
    /// Writes visible column `index` of the current row into `result`. Not writing anything returns NULL.
    func column(_ index: Int, _ result: ResultContext) throws
}

/// Which SQL forms can reach a Swift virtual-table module.
public enum VirtualTableModuleKind: Sendable {
    /// Only as an eponymous table or table-valued function: `SELECT * FROM name(...)`.
    case eponymousOnly
    /// Both eponymously and through `CREATE VIRTUAL TABLE t USING name(...)`.
    case eponymous
    /// Only through `CREATE VIRTUAL TABLE t USING name(...)`.
    case createOnly
}
