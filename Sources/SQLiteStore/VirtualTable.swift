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

// MARK: - Adapter state

/// The user data of a registered module: how to make a table's source, and the `sqlite3_module` itself, which must
/// outlive the registration. Released by SQLite through the registration's xDestroy.
final class ModuleBox {
    let makeSource: ([String]) throws -> any VirtualTableSource
    let module: UnsafeMutablePointer<sqlite3_module>

    init(makeSource: @escaping ([String]) throws -> any VirtualTableSource, module: sqlite3_module) {
        self.makeSource = makeSource
        self.module = UnsafeMutablePointer<sqlite3_module>.allocate(capacity: 1)
        self.module.initialize(to: module)
    }

    deinit {
        module.deinitialize(count: 1)
        module.deallocate()
    }
}

/// One connected table: its source and its shape, fixed when the table was connected.
final class TableBox {
    let source: any VirtualTableSource
    let tableName: String
    let columnCount: Int
    let parameters: [VirtualTableParameter]

    init(source: any VirtualTableSource, tableName: String) {
        self.source = source
        self.tableName = tableName
        self.columnCount = source.columns.count
        self.parameters = source.parameters
    }

    /// The `CREATE TABLE` statement handed to `sqlite3_declare_vtab`: visible columns, then the parameters as
    /// HIDDEN columns, which is what makes the table callable as a table-valued function.
    func declaration() -> String {
        var parts: [String] = []
        for column in source.columns {
            if let type = column.declaredType {
                parts.append(quoteIdentifier(column.name) + " " + type)
            } else {
                parts.append(quoteIdentifier(column.name))
            }
        }
        for parameter in parameters {
            parts.append(quoteIdentifier(parameter.name) + " HIDDEN")
        }
        return "CREATE TABLE x(" + parts.joined(separator: ", ") + ")"
    }
}

/// One open scan: the Swift cursor plus what the adapter tracks for SQLite (end flag, rowid, argument values for
/// the hidden columns).
final class CursorBox {
    let table: TableBox
    var cursor: (any VirtualTableCursor)?
    var arguments: [SQLiteValue] = []
    var isAtEnd = true
    var rowID: Int64 = 0

    init(table: TableBox) {
        self.table = table
    }
}

// MARK: - Memory layout of our sqlite3_vtab and sqlite3_vtab_cursor "subclasses"

/// SQLite allocates nothing for a virtual table or cursor: the module returns a struct that *starts with*
/// `sqlite3_vtab` (or `sqlite3_vtab_cursor`) and may carry more. Swift struct layout is not guaranteed, so the
/// extension is done by hand: SQLite's struct at offset 0, then one retained pointer to the Swift box.
enum VTabMemory {
    private static let pointerSize = MemoryLayout<UnsafeMutableRawPointer>.size
    private static let tableHeader = MemoryLayout<sqlite3_vtab>.stride
    private static let cursorHeader = MemoryLayout<sqlite3_vtab_cursor>.stride
    private static let alignment = max(
        MemoryLayout<sqlite3_vtab>.alignment, MemoryLayout<sqlite3_vtab_cursor>.alignment,
        MemoryLayout<UnsafeMutableRawPointer>.alignment)

    static func makeTable(_ box: TableBox) -> UnsafeMutablePointer<sqlite3_vtab> {
        let raw = UnsafeMutableRawPointer.allocate(byteCount: tableHeader + pointerSize, alignment: alignment)
        raw.initializeMemory(as: sqlite3_vtab.self, repeating: sqlite3_vtab(), count: 1)
        (raw + tableHeader).storeBytes(of: Unmanaged.passRetained(box).toOpaque(), as: UnsafeMutableRawPointer.self)
        return raw.assumingMemoryBound(to: sqlite3_vtab.self)
    }

    @inline(__always)
    static func table(_ vtab: UnsafeMutablePointer<sqlite3_vtab>) -> TableBox {
        let box = (UnsafeMutableRawPointer(vtab) + tableHeader).load(as: UnsafeMutableRawPointer.self)
        return Unmanaged<TableBox>.fromOpaque(box).takeUnretainedValue()
    }

    static func freeTable(_ vtab: UnsafeMutablePointer<sqlite3_vtab>) {
        let raw = UnsafeMutableRawPointer(vtab)
        Unmanaged<TableBox>.fromOpaque((raw + tableHeader).load(as: UnsafeMutableRawPointer.self)).release()
        sqlite3_free(vtab.pointee.zErrMsg)
        vtab.deinitialize(count: 1)
        raw.deallocate()
    }

    static func makeCursor(_ box: CursorBox) -> UnsafeMutablePointer<sqlite3_vtab_cursor> {
        let raw = UnsafeMutableRawPointer.allocate(byteCount: cursorHeader + pointerSize, alignment: alignment)
        raw.initializeMemory(as: sqlite3_vtab_cursor.self, repeating: sqlite3_vtab_cursor(), count: 1)
        (raw + cursorHeader).storeBytes(of: Unmanaged.passRetained(box).toOpaque(), as: UnsafeMutableRawPointer.self)
        return raw.assumingMemoryBound(to: sqlite3_vtab_cursor.self)
    }

    @inline(__always)
    static func cursor(_ cursor: UnsafeMutablePointer<sqlite3_vtab_cursor>) -> CursorBox {
        let box = (UnsafeMutableRawPointer(cursor) + cursorHeader).load(as: UnsafeMutableRawPointer.self)
        return Unmanaged<CursorBox>.fromOpaque(box).takeUnretainedValue()
    }

    static func freeCursor(_ cursor: UnsafeMutablePointer<sqlite3_vtab_cursor>) {
        let raw = UnsafeMutableRawPointer(cursor)
        Unmanaged<CursorBox>.fromOpaque((raw + cursorHeader).load(as: UnsafeMutableRawPointer.self)).release()
        cursor.deinitialize(count: 1)
        raw.deallocate()
    }

    /// A copy of `message` in memory from `sqlite3_malloc`, as SQLite requires for `zErrMsg`/`pzErr`
    /// (it frees them with `sqlite3_free`). `sqlite3_mprintf` would do, but variadic C functions are not
    /// callable from Swift.
    static func sqliteString(_ message: String) -> UnsafeMutablePointer<CChar>? {
        var message = message
        return message.withUTF8 { utf8 -> UnsafeMutablePointer<CChar>? in
            guard let raw = sqlite3_malloc64(sqlite3_uint64(utf8.count + 1)) else { return nil }
            if let base = utf8.baseAddress { raw.copyMemory(from: base, byteCount: utf8.count) }
            raw.storeBytes(of: 0, toByteOffset: utf8.count, as: UInt8.self)
            return raw.assumingMemoryBound(to: CChar.self)
        }
    }

    /// Sets the table's error message, which SQLite reports as the statement's error.
    static func setError(_ vtab: UnsafeMutablePointer<sqlite3_vtab>?, _ message: String) {
        guard let vtab else { return }
        sqlite3_free(vtab.pointee.zErrMsg)
        vtab.pointee.zErrMsg = sqliteString(message)
    }
}
