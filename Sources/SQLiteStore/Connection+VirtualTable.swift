import CSQLite

extension Connection {
    /// Registers (or replaces) a read-only virtual-table module implemented in Swift.
    ///
    /// - Parameters:
    ///   - name: the module name: the table-valued function's name for eponymous kinds, the `USING` name otherwise.
    ///   - kind: which SQL forms can reach the module.
    ///   - makeSource: creates the source backing one table. Receives the module arguments of
    ///     `CREATE VIRTUAL TABLE t USING name(arg, ...)` as written (quotes kept, SQLite does not parse them);
    ///     an eponymous table receives none. Thrown errors fail the CREATE or the query with their description.
    public func createModule(
        _ name: String, kind: VirtualTableModuleKind = .eponymousOnly,
        makeSource: @escaping (_ moduleArguments: [String]) throws -> any VirtualTableSource
    ) throws {
        var module = sqlite3_module()
        module.iVersion = 1
        switch kind {
        case .eponymousOnly:
            // A nil xCreate is how SQLite knows the module is eponymous-only.
            module.xCreate = nil
            module.xConnect = { connectTable($0, $1, $2, $3, $4, $5, creating: false) }
        case .eponymous:
            // xCreate identical to xConnect makes the module eponymous and creatable.
            let connect: @convention(c) (
                OpaquePointer?, UnsafeMutableRawPointer?, Int32, UnsafePointer<UnsafePointer<CChar>?>?,
                UnsafeMutablePointer<UnsafeMutablePointer<sqlite3_vtab>?>?, UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
            ) -> Int32 = { connectTable($0, $1, $2, $3, $4, $5, creating: false) }
            module.xCreate = connect
            module.xConnect = connect
        case .createOnly:
            // Distinct xCreate and xConnect (their bodies differ, so the compiler cannot merge them) keep the
            // module from being eponymous.
            module.xCreate = { connectTable($0, $1, $2, $3, $4, $5, creating: true) }
            module.xConnect = { connectTable($0, $1, $2, $3, $4, $5, creating: false) }
        }
        module.xBestIndex = { vtab, info in bestIndex(vtab, info) }
        module.xDisconnect = { vtab in disconnectTable(vtab) }
        module.xDestroy = { vtab in disconnectTable(vtab) }
        module.xOpen = { vtab, cursor in openCursor(vtab, cursor) }
        module.xClose = { cursor in closeCursor(cursor) }
        module.xFilter = { cursor, idxNum, _, argc, argv in filterCursor(cursor, idxNum, argc, argv) }
        module.xNext = { cursor in advanceCursor(cursor) }
        module.xEof = { cursor in
            guard let cursor else { return 1 }
            return VTabMemory.cursor(cursor).isAtEnd ? 1 : 0
        }
        module.xColumn = { cursor, context, index in readColumn(cursor, context, index) }
        module.xRowid = { cursor, rowID in
            guard let cursor, let rowID else { return SQLITE_MISUSE }
            rowID.pointee = VTabMemory.cursor(cursor).rowID
            return SQLITE_OK
        }

        let box = ModuleBox(makeSource: makeSource, module: module)
        let aux = Unmanaged.passRetained(box).toOpaque()
        // SQLite calls the destructor when the module is replaced, when the connection closes, and also when this
        // registration fails, so the box is released exactly once in every case.
        let code = sqlite3_create_module_v2(handle, name, box.module, aux) { aux in
            guard let aux else { return }
            Unmanaged<ModuleBox>.fromOpaque(aux).release()
        }
        guard code == SQLITE_OK else {
            var error = SQLiteError.from(code, db: handle, sql: nil)
            error.message = "cannot register module \(name): \(error.message)"
            throw error
        }
    }

    /// Registers `source` as an eponymous-only table-valued function: `SELECT * FROM name(arg, ...)`.
    public func createTableValuedFunction(_ name: String, source: any VirtualTableSource) throws {
        try createModule(name, kind: .eponymousOnly) { _ in source }
    }
}

// MARK: - Trampolines (called by SQLite on the connection's thread)

/// The most parameters a table may have: `idxNum` is a 32-bit bit set of the parameters a plan supplies.
private let maximumParameterCount = 30

private func connectTable(
    _ db: OpaquePointer?, _ aux: UnsafeMutableRawPointer?, _ argc: Int32,
    _ argv: UnsafePointer<UnsafePointer<CChar>?>?,
    _ table: UnsafeMutablePointer<UnsafeMutablePointer<sqlite3_vtab>?>?,
    _ errorMessage: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?,
    creating: Bool
) -> Int32 {
    guard let db, let aux, let table else { return SQLITE_MISUSE }
    // Besides naming the failing step, this difference keeps the optimiser from merging the xCreate and xConnect
    // trampolines of a createOnly module into one function, which would make SQLite treat it as eponymous.
    let context = creating ? "CREATE VIRTUAL TABLE " : ""

    let module = Unmanaged<ModuleBox>.fromOpaque(aux).takeUnretainedValue()
    // argv: module name, database name, table name, then the module arguments.
    var tableName = ""
    var arguments: [String] = []
    if let argv {
        if argc > 2, let name = argv[2] { tableName = String(cString: name) }
        if argc > 3 {
            for index in 3..<Int(argc) {
                arguments.append(argv[index].map { String(cString: $0) } ?? "")
            }
        }
    }
    do {
        let source = try module.makeSource(arguments)
        let box = TableBox(source: source, tableName: tableName)
        guard box.parameters.count <= maximumParameterCount else {
            errorMessage?.pointee = VTabMemory.sqliteString(
                "\(context)\(tableName): at most \(maximumParameterCount) parameters are supported")
            return SQLITE_ERROR
        }
        let code = sqlite3_declare_vtab(db, box.declaration())
        guard code == SQLITE_OK else {
            errorMessage?.pointee = VTabMemory.sqliteString(
                "\(context)\(tableName): invalid column declaration: \(String(cString: sqlite3_errmsg(db)))")
            return code
        }
        table.pointee = VTabMemory.makeTable(box)
        return SQLITE_OK
    } catch {
        errorMessage?.pointee = VTabMemory.sqliteString(context + messageForThrownError(error))
        return SQLITE_ERROR
    }
}

private func disconnectTable(_ vtab: UnsafeMutablePointer<sqlite3_vtab>?) -> Int32 {
    guard let vtab else { return SQLITE_OK }
    VTabMemory.freeTable(vtab)
    return SQLITE_OK
}

/// Plans a scan: every usable `hidden = value` constraint becomes an xFilter argument (in parameter order), and
/// SQLite is told not to re-check it, since the cursor's rows are by definition the rows for those arguments.
///
/// When a required parameter has only unusable constraints (its value comes from a table not yet scanned in this
/// join order), the plan is rejected with SQLITE_CONSTRAINT so SQLite picks another order. When it has no
/// constraint at all, the plan is accepted at a prohibitive cost and xFilter reports the missing argument, which
/// gives a clearer message than SQLite's "no query solution".
private func bestIndex(_ vtab: UnsafeMutablePointer<sqlite3_vtab>?, _ info: UnsafeMutablePointer<sqlite3_index_info>?) -> Int32 {
    guard let vtab, let info else { return SQLITE_MISUSE }
    let table = VTabMemory.table(vtab)
    let parameterCount = table.parameters.count
    let constraintCount = Int(info.pointee.nConstraint)
    var supplied = 0 as Int32
    var blockedRequired = false
    if parameterCount > 0, constraintCount > 0, let constraints = info.pointee.aConstraint,
        let usage = info.pointee.aConstraintUsage
    {
        // The constraint chosen for each parameter; fixed-size scan, no allocation needed beyond this array.
        var chosen = [Int](repeating: -1, count: parameterCount)
        var blocked = [Bool](repeating: false, count: parameterCount)
        for index in 0..<constraintCount {
            let constraint = constraints[index]
            let parameter = Int(constraint.iColumn) - table.columnCount
            guard parameter >= 0, parameter < parameterCount,
                Int32(constraint.op) == SQLITE_INDEX_CONSTRAINT_EQ
            else { continue }
            if constraint.usable == 0 {
                blocked[parameter] = true
            } else if chosen[parameter] < 0 {
                chosen[parameter] = index
            }
        }
        var argvIndex = 1 as Int32
        for parameter in 0..<parameterCount {
            let constraint = chosen[parameter]
            if constraint >= 0 {
                usage[constraint].argvIndex = argvIndex
                usage[constraint].omit = 1
                argvIndex += 1
                supplied |= 1 << Int32(parameter)
            } else if blocked[parameter], table.parameters[parameter].isRequired {
                blockedRequired = true
            }
        }
    }
    if blockedRequired { return SQLITE_CONSTRAINT }
    var missingRequired = false
    for (index, parameter) in table.parameters.enumerated()
    where parameter.isRequired && supplied & (1 << Int32(index)) == 0 {
        missingRequired = true
    }
    let rows = max(1, table.source.estimatedRowCount)
    info.pointee.idxNum = supplied
    info.pointee.estimatedRows = rows
    info.pointee.estimatedCost = missingRequired ? 1e300 : Double(rows)
    return SQLITE_OK
}

private func openCursor(
    _ vtab: UnsafeMutablePointer<sqlite3_vtab>?, _ cursor: UnsafeMutablePointer<UnsafeMutablePointer<sqlite3_vtab_cursor>?>?
) -> Int32 {
    guard let vtab, let cursor else { return SQLITE_MISUSE }
    cursor.pointee = VTabMemory.makeCursor(CursorBox(table: VTabMemory.table(vtab)))
    return SQLITE_OK
}

private func closeCursor(_ cursor: UnsafeMutablePointer<sqlite3_vtab_cursor>?) -> Int32 {
    guard let cursor else { return SQLITE_OK }
    VTabMemory.freeCursor(cursor)
    return SQLITE_OK
}

/// Starts (or restarts) a scan with the arguments `bestIndex` arranged: bit `i` of `idxNum` set means parameter
/// `i` is the next value in `argv`.
private func filterCursor(
    _ cursor: UnsafeMutablePointer<sqlite3_vtab_cursor>?, _ idxNum: Int32, _ argc: Int32,
    _ argv: UnsafeMutablePointer<OpaquePointer?>?
) -> Int32 {
    guard let cursor else { return SQLITE_MISUSE }
    let box = VTabMemory.cursor(cursor)
    let table = box.table
    let values = FunctionArguments(count: argc, argv: argv)
    var arguments = [SQLiteValue](repeating: .null, count: table.parameters.count)
    var next = 0
    for (index, parameter) in table.parameters.enumerated() {
        if idxNum & (1 << Int32(index)) != 0 {
            arguments[index] = values.value(at: next)
            next += 1
        } else if parameter.isRequired {
            VTabMemory.setError(
                cursor.pointee.pVtab, "\(table.tableName): missing argument '\(parameter.name)'")
            return SQLITE_ERROR
        }
    }
    box.cursor = nil
    box.isAtEnd = true
    box.rowID = 0
    box.arguments = arguments
    do {
        let scan = try table.source.makeCursor(arguments: arguments)
        box.cursor = scan
        box.isAtEnd = try !scan.next()
        box.rowID = 1
        return SQLITE_OK
    } catch {
        VTabMemory.setError(cursor.pointee.pVtab, messageForThrownError(error))
        return SQLITE_ERROR
    }
}

private func advanceCursor(_ cursor: UnsafeMutablePointer<sqlite3_vtab_cursor>?) -> Int32 {
    guard let cursor else { return SQLITE_MISUSE }
    let box = VTabMemory.cursor(cursor)
    guard let scan = box.cursor else {
        box.isAtEnd = true
        return SQLITE_OK
    }
    do {
        box.isAtEnd = try !scan.next()
        box.rowID &+= 1
        return SQLITE_OK
    } catch {
        box.isAtEnd = true
        VTabMemory.setError(cursor.pointee.pVtab, messageForThrownError(error))
        return SQLITE_ERROR
    }
}

private func readColumn(
    _ cursor: UnsafeMutablePointer<sqlite3_vtab_cursor>?, _ context: OpaquePointer?, _ index: Int32
) -> Int32 {
    guard let cursor, let context else { return SQLITE_MISUSE }
    let box = VTabMemory.cursor(cursor)
    let column = Int(index)
    let result = ResultContext(context)
    if column < box.table.columnCount {
        guard let scan = box.cursor else {
            result.resultNull()
            return SQLITE_OK
        }
        do {
            try scan.column(column, result)
            return SQLITE_OK
        } catch {
            result.resultError(error)
            return SQLITE_ERROR
        }
    }
    // A hidden column reads back the argument the scan was started with, as SQLite expects of table-valued
    // functions (`SELECT path FROM csv('x.csv')` returns 'x.csv').
    let parameter = column - box.table.columnCount
    if parameter < box.arguments.count {
        result.result(box.arguments[parameter])
    } else {
        result.resultNull()
    }
    return SQLITE_OK
}
