import CSQLite

// MARK: - Adapter state

/// The user data of a registered module: how to make a table's source, and the `sqlite3_module` itself, which must
/// outlive the registration. Released by SQLite through the registration's xDestroy.
final class ModuleBox {
    /// Makes the source of one table from its module arguments.
    let makeSource: ([String]) throws -> any VirtualTableSource
    /// The method table SQLite calls; allocated here because SQLite keeps the pointer.
    let module: UnsafeMutablePointer<sqlite3_module>

    /// Boxes `makeSource` and a heap copy of `module`.
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
    /// The Swift source of rows.
    let source: any VirtualTableSource
    /// The table's name in SQL, for messages.
    let tableName: String
    /// The number of visible columns; hidden parameter columns follow them.
    let columnCount: Int
    /// The hidden parameter columns, in call order.
    let parameters: [VirtualTableParameter]

    /// Captures the source's shape once, so later changes in the source cannot confuse SQLite.
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
    /// The table being scanned.
    let table: TableBox
    /// The Swift cursor of the current scan; nil before xFilter or after a failed one.
    var cursor: (any VirtualTableCursor)?
    /// The parameter values of the current scan, read back through the hidden columns.
    var arguments: [SQLiteValue] = []
    /// True once the Swift cursor reported no more rows (xEof).
    var isAtEnd = true
    /// A counter standing in for a rowid (xRowid): 1 for the first row.
    var rowID: Int64 = 0

    /// A cursor not yet filtered.
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

    /// Allocates a `sqlite3_vtab` carrying a retained `box`.
    static func makeTable(_ box: TableBox) -> UnsafeMutablePointer<sqlite3_vtab> {
        let raw = UnsafeMutableRawPointer.allocate(byteCount: tableHeader + pointerSize, alignment: alignment)
        raw.initializeMemory(as: sqlite3_vtab.self, repeating: sqlite3_vtab(), count: 1)
        (raw + tableHeader).storeBytes(of: Unmanaged.passRetained(box).toOpaque(), as: UnsafeMutableRawPointer.self)
        return raw.assumingMemoryBound(to: sqlite3_vtab.self)
    }

    /// The box of a vtab made by `makeTable`.
    @inline(__always)
    static func table(_ vtab: UnsafeMutablePointer<sqlite3_vtab>) -> TableBox {
        let box = (UnsafeMutableRawPointer(vtab) + tableHeader).load(as: UnsafeMutableRawPointer.self)
        return Unmanaged<TableBox>.fromOpaque(box).takeUnretainedValue()
    }

    /// Releases the box and frees a vtab made by `makeTable`.
    static func freeTable(_ vtab: UnsafeMutablePointer<sqlite3_vtab>) {
        let raw = UnsafeMutableRawPointer(vtab)
        Unmanaged<TableBox>.fromOpaque((raw + tableHeader).load(as: UnsafeMutableRawPointer.self)).release()
        sqlite3_free(vtab.pointee.zErrMsg)
        vtab.deinitialize(count: 1)
        raw.deallocate()
    }

    /// Allocates a `sqlite3_vtab_cursor` carrying a retained `box`.
    static func makeCursor(_ box: CursorBox) -> UnsafeMutablePointer<sqlite3_vtab_cursor> {
        let raw = UnsafeMutableRawPointer.allocate(byteCount: cursorHeader + pointerSize, alignment: alignment)
        raw.initializeMemory(as: sqlite3_vtab_cursor.self, repeating: sqlite3_vtab_cursor(), count: 1)
        (raw + cursorHeader).storeBytes(of: Unmanaged.passRetained(box).toOpaque(), as: UnsafeMutableRawPointer.self)
        return raw.assumingMemoryBound(to: sqlite3_vtab_cursor.self)
    }

    /// The box of a cursor made by `makeCursor`.
    @inline(__always)
    static func cursor(_ cursor: UnsafeMutablePointer<sqlite3_vtab_cursor>) -> CursorBox {
        let box = (UnsafeMutableRawPointer(cursor) + cursorHeader).load(as: UnsafeMutableRawPointer.self)
        return Unmanaged<CursorBox>.fromOpaque(box).takeUnretainedValue()
    }

    /// Releases the box and frees a cursor made by `makeCursor`.
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
