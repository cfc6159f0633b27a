import DynamoDBEmulation
import Foundation
import HQLCodegen
import HQLPlanner
import HQLSyntax
import SQLiteStore

/// A session over a warehouse: the current database, and statement execution.
///
/// Every statement is atomic: writes run in one `BEGIN IMMEDIATE` transaction that rolls back on any error,
/// so a failed statement leaves every table and catalog entry as it was.
public final class Session {
    public let warehouse: Warehouse
    public private(set) var currentDatabase = "default"
    /// Configuration set with `SET k=v` (dynamic-partition mode and the like).
    public private(set) var settings: [String: String] = [:]
    /// The folder relative paths (`LOCATION`, `LOAD DATA INPATH`) are resolved against: the folder of the
    /// script being run (hqlrun's rule; Spark would use its warehouse), else the working directory.
    public var baseDirectory: String?
    private let textTables = TextTableCache()
    private var dynamoDB: DynamoDBHandler?
    /// Warnings the last statement produced (the CLI prints them).
    public private(set) var warnings: [Diagnostic] = []

    /// The DynamoDB handler over the emulated service in this warehouse, opened on first use.
    private func dynamoDBHandler() throws -> DynamoDBHandler {
        if let dynamoDB { return dynamoDB }
        let handler = try DynamoDBHandler(connection: connection)
        dynamoDB = handler
        return handler
    }

    public init(warehouse: Warehouse) {
        self.warehouse = warehouse
    }

    // MARK: - Names, for completion

    /// Every database.
    public func databaseNames() throws -> [String] { try store.databases() }

    /// The tables and views of `database` (the current one when nil).
    public func tableNames(in database: String? = nil) throws -> [String] {
        try store.tables(in: (database ?? currentDatabase).lowercased())
    }

    /// The columns of `t` or `db.t`, partition columns last; empty when there is no such table.
    public func columnNames(of table: String) throws -> [String] {
        let parts = table.lowercased().split(separator: ".").map(String.init)
        let (database, name) = parts.count == 2 ? (parts[0], parts[1]) : (currentDatabase, parts.last ?? "")
        return try store.table(database: database, name: name)?.allColumns.map(\.name) ?? []
    }

    /// Stops the running statement (from any thread, e.g. a Ctrl-C handler); it fails with "query cancelled"
    /// and, being atomic, changes nothing.
    public func interrupt() {
        connection.interrupt()
    }

    /// Records a configuration setting (as `SET key=value` does, without an answer).
    public func set(_ key: String, _ value: String) {
        settings[key] = value
    }

    /// Makes `database` the current one (`--database`), as `USE` does.
    public func use(_ database: String) throws {
        let name = database.lowercased()
        guard try store.databaseExists(name) else {
            throw Diagnostic.error("HQL3040", "database '\(database)' does not exist", at: .none)
        }
        currentDatabase = name
    }

    var connection: Connection { warehouse.connection }
    var store: CatalogStore { CatalogStore(connection: warehouse.connection) }

    /// Runs one parsed statement, streaming any result rows to `sink`. Errors are `Diagnostic`s positioned
    /// in the statement's source.
    public func execute(_ statement: HQLSyntax.Statement, sink: ResultSink) throws {
        connection.clearInterrupt()
        warnings = []
        if case .set(let command) = statement.kind {
            executeSet(command, sink: sink)
            return
        }
        var binder = Binder(catalog: SessionCatalog(store: store, currentDatabase: currentDatabase))
        let bound = try binder.bind(statement)
        do {
            try run(bound, statement: statement, sink: sink)
        } catch let error as DynamoDBHandlerError {
            throw Diagnostic.error("HQL3071", error.message, at: statement.span)
        } catch let error as DynamoDBError {
            throw Diagnostic.error("HQL5005", "DynamoDB: \(error)", at: statement.span)
        } catch let error as SQLiteError where error.isInterrupted {
            throw Diagnostic.error("HQL5004", "query cancelled", at: statement.span)
        } catch let error as SQLiteError {
            throw Diagnostic.error(error.isBusy ? "HQL5002" : "HQL5001",
                                   error.isBusy ? "the warehouse is busy: another hqlrun is writing to it"
                                       : "SQLite: \(error.message)",
                                   at: statement.span, notes: error.sql.map { ["generated SQL: " + $0] } ?? [])
        }
    }

    private func run(_ bound: BoundStatement, statement: HQLSyntax.Statement, sink: ResultSink) throws {
        switch bound {
        case .query(let query):
            try runQuery(query, sink: sink)
        case .use(let database):
            currentDatabase = database
        case .createDatabase(let name, let ifNotExists, let comment, let location):
            try connection.transaction {
                if try store.databaseExists(name) {
                    if ifNotExists { return }
                    throw Diagnostic.error("HQL3050", "database '\(name)' already exists", at: statement.span)
                }
                try store.createDatabase(name, comment: comment, location: location)
            }
        case .dropDatabase(let name, let ifExists, let cascade):
            try connection.transaction {
                guard try store.databaseExists(name) else {
                    if ifExists { return }
                    throw Diagnostic.error("HQL3040", "database '\(name)' does not exist", at: statement.span)
                }
                guard name != "default" else {
                    throw Diagnostic.error("HQL3051", "the default database cannot be dropped", at: statement.span)
                }
                let tables = try store.tables(in: name)
                if !tables.isEmpty && !cascade {
                    throw Diagnostic.error("HQL3052", "database '\(name)' is not empty; use DROP DATABASE .. CASCADE",
                                           at: statement.span)
                }
                for table in tables { try store.dropTable(database: name, name: table) }
                try store.dropDatabase(name)
            }
            if currentDatabase == name { currentDatabase = "default" }
        case .createTable(var table, let ifNotExists, let asQuery):
            if let location = table.storage.location { table.storage.location = resolvePath(location) }
            if table.storage.handler == StorageDescriptor.dynamoDBHandler {
                warnings = try dynamoDBHandler().checkCreate(table).map {
                    Diagnostic.warning("HQL3072", $0, at: statement.span)
                }
            }
            try connection.transaction {
                if try store.table(database: table.database, name: table.name) != nil {
                    if ifNotExists { return }
                    throw Diagnostic.error("HQL3053", "table \(table.qualifiedName) already exists", at: statement.span)
                }
                try store.createTable(table)
                if let asQuery {
                    try insertRows(into: table, query: asQuery, staticPartition: [], overwrite: false)
                }
            }
        case .dropTable(let database, let name, let ifExists):
            try connection.transaction {
                guard try store.table(database: database, name: name) != nil else {
                    if ifExists { return }
                    throw Diagnostic.error("HQL3002", "table or view '\(database).\(name)' not found",
                                           at: statement.span)
                }
                if let table = try store.table(database: database, name: name), table.kind == .external {
                    textTables.forget(table)
                    try connection.execute("DROP TABLE IF EXISTS temp."
                                           + SQLiteGenerator.externalTableName(database: database, table: name))
                }
                try store.dropTable(database: database, name: name)
            }
        case .truncateTable(let table):
            try connection.transaction {
                try connection.execute("DELETE FROM " + SQLiteGenerator.dataTableName(database: table.database,
                                                                                     table: table.name))
            }
        case .insert(let insert) where insert.table.storage.handler == StorageDescriptor.dynamoDBHandler:
            // One full-item put per row, all or nothing; other items are never deleted (OVERWRITE included).
            let generated = try SQLiteGenerator.query(insert.query)
            try prepareToRun(generated)
            try connection.transaction {
                let rows = try connection.prepare(generated.sql)
                try dynamoDBHandler().write(insert.table, rows: rows, types: insert.query.columns.map(\.type))
            }
        case .insert(let insert):
            try connection.transaction {
                try insertRows(into: insert.table, query: insert.query, staticPartition: insert.staticPartition,
                               overwrite: insert.overwrite)
            }
        case .createTableLike(let table, let ifNotExists):
            try connection.transaction {
                if try store.table(database: table.database, name: table.name) != nil {
                    if ifNotExists { return }
                    throw Diagnostic.error("HQL3053", "table \(table.qualifiedName) already exists", at: statement.span)
                }
                try store.createTable(table)
            }
        case .createView(let view, let orReplace, let ifNotExists):
            try connection.transaction {
                if let existing = try store.table(database: view.database, name: view.name) {
                    if ifNotExists { return }
                    guard orReplace, existing.kind == .view else {
                        throw Diagnostic.error("HQL3053", "table or view \(view.qualifiedName) already exists",
                                               at: statement.span)
                    }
                    try store.dropTable(database: view.database, name: view.name)
                }
                try store.createTable(view)
            }
        case .dropView(let database, let name, let ifExists):
            try connection.transaction {
                guard let existing = try store.table(database: database, name: name) else {
                    if ifExists { return }
                    throw Diagnostic.error("HQL3002", "view '\(database).\(name)' not found", at: statement.span)
                }
                guard existing.kind == .view else {
                    throw Diagnostic.error("HQL3054", "\(database).\(name) is a table; use DROP TABLE",
                                           at: statement.span)
                }
                try store.dropTable(database: database, name: name)
            }
        case .addColumns(let table, let columns):
            try connection.transaction {
                var changed = table
                changed.columns += columns
                try store.replaceTable(database: table.database, name: table.name, with: changed)
                let target = SQLiteGenerator.dataTableName(database: table.database, table: table.name)
                for column in columns {
                    try connection.execute("ALTER TABLE " + target + " ADD COLUMN " + SQLiteGenerator.quote(column.name)
                                           + " " + store.storageType(of: column.type))
                }
            }
        case .renameTable(let table, let database, let name):
            try connection.transaction {
                if try store.table(database: database, name: name) != nil {
                    throw Diagnostic.error("HQL3053", "table \(database).\(name) already exists", at: statement.span)
                }
                var renamed = table
                renamed.database = database
                renamed.name = name
                try store.replaceTable(database: table.database, name: table.name, with: renamed)
                if table.kind == .managed {
                    try connection.execute("ALTER TABLE " + SQLiteGenerator.dataTableName(database: table.database,
                                                                                         table: table.name)
                                           + " RENAME TO " + SQLiteGenerator.dataTableName(database: database, table: name))
                }
            }
        case .showPartitions(let table, let filter):
            sink.begin(columns: [OutputColumn(name: "partition", type: .string)])
            for partition in try partitions(of: table, filter: filter) { sink.row([partition]) }
        case .loadData(let table, let path, let overwrite):
            try connection.transaction { try loadData(into: table, from: resolvePath(path), overwrite: overwrite,
                                                      span: statement.span) }
        case .showDatabases(let like):
            sink.begin(columns: [OutputColumn(name: "namespace", type: .string)])
            for name in try store.databases() where HivePattern.matches(name, like) { sink.row([name]) }
        case .showTables(let database, let like):
            sink.begin(columns: [OutputColumn(name: "tableName", type: .string)])
            for name in try store.tables(in: database) where HivePattern.matches(name, like) { sink.row([name]) }
        case .describeTable(let table, _):
            sink.begin(columns: [OutputColumn(name: "col_name", type: .string),
                                 OutputColumn(name: "data_type", type: .string),
                                 OutputColumn(name: "comment", type: .string)])
            for row in DescribeOutput.rows(for: table) { sink.row(row) }
        }
    }

    /// `SET k=v` records the setting and, as spark-sql does, answers with the key and value.
    private func executeSet(_ command: SetCommand, sink: ResultSink) {
        let columns = [OutputColumn(name: "key", type: .string), OutputColumn(name: "value", type: .string)]
        switch command {
        case .assign(let key, let value):
            settings[key] = value
            sink.begin(columns: columns)
            sink.row([key, value])
        case .show(let key):
            sink.begin(columns: columns)
            sink.row([key, settings[key] ?? "<undefined>"])
        case .listOverridden, .listAll:
            sink.begin(columns: columns)
            for key in settings.keys.sorted() { sink.row([key, settings[key] ?? ""]) }
        }
    }

    // MARK: - Queries

    private func runQuery(_ query: BoundQuery, sink: ResultSink) throws {
        let generated = try SQLiteGenerator.query(query)
        try prepareToRun(generated)
        let statement = try connection.prepare(generated.sql)
        sink.begin(columns: query.columns)
        let types = query.columns.map(\.type)
        try statement.forEachRow { row in
            var fields: [String] = []
            fields.reserveCapacity(types.count)
            for (index, type) in types.enumerated() { fields.append(ValueText.format(row.value(at: index), as: type)) }
            sink.row(fields)
        }
    }

    /// The partitions of a table as Hive names them (`k=v/k2=v2`, NULL as `__HIVE_DEFAULT_PARTITION__`), sorted.
    private func partitions(of table: TableDescriptor,
                            filter: [(column: String, value: BoundExpression)]) throws -> [String] {
        let columns = table.partitionColumns
        var sql = "SELECT DISTINCT " + columns.map { SQLiteGenerator.quote($0.name) }.joined(separator: ", ")
            + " FROM " + SQLiteGenerator.dataTableName(database: table.database, table: table.name)
        if !filter.isEmpty {
            sql += " WHERE " + (try filter.map { SQLiteGenerator.quote($0.column) + " IS " + (try SQLiteGenerator.expressionSQL($0.value)) }
                .joined(separator: " AND "))
        }
        var names: [String] = []
        try connection.query(sql) { row in
            names.append(columns.enumerated().map { index, column in
                let value = row.value(at: index)
                return column.name + "=" + (value.isNull ? "__HIVE_DEFAULT_PARTITION__" : ValueText.format(value, as: column.type))
            }.joined(separator: "/"))
        }
        return names.sorted()
    }

    /// Registers the functions and loads the file-backed tables a generated statement needs.
    private func prepareToRun(_ generated: GeneratedSQL) throws {
        try checkFunctions(generated)
        for table in generated.externalTables {
            if table.storage.handler == StorageDescriptor.dynamoDBHandler {
                try dynamoDBHandler().load(table, on: connection)
            } else {
                try textTables.ensure(table, on: connection)
            }
        }
    }

    /// An absolute path for a script's relative one.
    func resolvePath(_ path: String) -> String {
        var cleaned = path
        if cleaned.hasPrefix("file://") { cleaned.removeFirst("file://".count) }
        if cleaned.hasPrefix("/") { return (cleaned as NSString).standardizingPath }
        let base = baseDirectory ?? FileManager.default.currentDirectoryPath
        return ((base as NSString).appendingPathComponent(cleaned) as NSString).standardizingPath
    }

    /// `LOAD DATA [LOCAL] INPATH`: the file (or the files of a folder) is read with the table's row format and
    /// its rows added to the table (replacing them with OVERWRITE).
    private func loadData(into table: TableDescriptor, from path: String, overwrite: Bool, span: Span) throws {
        let files = TextFileReader.files(at: path)
        guard !files.isEmpty else {
            throw Diagnostic.error("HQL5003", "no file to load at '\(path)'", at: span)
        }
        let target = SQLiteGenerator.dataTableName(database: table.database, table: table.name)
        if overwrite { try connection.execute("DELETE FROM " + target) }
        let columns = table.allColumns
        let insert = try connection.prepare("INSERT INTO " + target + " (" + columns.map { SQLiteGenerator.quote($0.name) }
            .joined(separator: ", ") + ") VALUES (" + Array(repeating: "?", count: columns.count).joined(separator: ", ") + ")")
        try TextFileReader.insertRows(of: files, format: TextFormat(table.storage), types: columns.map(\.type),
                                      into: insert)
    }

    /// A generated statement may call only registered Swift functions; name the first missing one at its span.
    private func checkFunctions(_ generated: GeneratedSQL) throws {
        for (name, span) in generated.functions where !warehouse.registeredFunctions.contains(name) {
            if try warehouse.registerTypedFunction(name) { continue }
            let symbol = TypedFunctionSignature(name: name)?.symbol ?? name
            let function = symbol.hasPrefix("hive_") ? String(symbol.dropFirst(5)) : symbol
            throw Diagnostic.error("HQL4002", "function '\(function)' is not supported by hqlrun yet", at: span)
        }
    }

    // MARK: - Writes

    /// `INSERT [OVERWRITE]`: OVERWRITE replaces the whole table, or the partitions the rows go to.
    private func insertRows(into table: TableDescriptor, query: BoundQuery,
                            staticPartition: [(column: String, value: BoundExpression)], overwrite: Bool) throws {
        let generated = try SQLiteGenerator.query(query)
        try prepareToRun(generated)
        let target = SQLiteGenerator.dataTableName(database: table.database, table: table.name)
        let queryColumns = query.columns.map(\.name)
        var staticSQL: [String] = []
        for item in staticPartition { staticSQL.append(try SQLiteGenerator.expressionSQL(item.value)) }
        let columnList = (queryColumns + staticPartition.map(\.column)).map(SQLiteGenerator.quote)
            .joined(separator: ", ")
        let dynamicPartitions = table.partitionColumns.map(\.name).filter { name in
            !staticPartition.contains { $0.column == name }
        }
        if overwrite {
            // Hive computes the rows first and replaces the data after: when the query reads the table it
            // overwrites, or the partitions to replace depend on the rows, stage the rows before deleting.
            let readsTarget = generated.sql.contains(target)
            if readsTarget || !dynamicPartitions.isEmpty {
                try connection.execute("DROP TABLE IF EXISTS temp.hqlrun_stage")
                try connection.execute("CREATE TEMP TABLE hqlrun_stage AS " + generated.sql)
                var conditions = zip(staticPartition, staticSQL).map {
                    target + "." + SQLiteGenerator.quote($0.0.column) + " IS " + $0.1
                }
                if !dynamicPartitions.isEmpty {
                    let matches = dynamicPartitions.map {
                        "s." + SQLiteGenerator.quote($0) + " IS " + target + "." + SQLiteGenerator.quote($0)
                    }
                    conditions.append("EXISTS (SELECT 1 FROM temp.hqlrun_stage s WHERE "
                                      + matches.joined(separator: " AND ") + ")")
                }
                try connection.execute("DELETE FROM " + target
                                       + (conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")))
                let staged = (queryColumns.map { SQLiteGenerator.quote($0) } + staticSQL).joined(separator: ", ")
                try connection.execute("INSERT INTO " + target + " (" + columnList + ") SELECT " + staged
                                       + " FROM temp.hqlrun_stage")
                try connection.execute("DROP TABLE temp.hqlrun_stage")
                return
            }
            if table.partitionColumns.isEmpty {
                try connection.execute("DELETE FROM " + target)
            } else {
                let conditions = zip(staticPartition, staticSQL).map { SQLiteGenerator.quote($0.0.column) + " IS " + $0.1 }
                try connection.execute("DELETE FROM " + target + " WHERE " + conditions.joined(separator: " AND "))
            }
        }
        let projection = (queryColumns.map { "q." + SQLiteGenerator.quote($0) } + staticSQL).joined(separator: ", ")
        try connection.execute("INSERT INTO " + target + " (" + columnList + ") SELECT " + projection + " FROM ("
                               + generated.sql + ") AS q")
    }
}

/// Hive's `LIKE 'pattern'` of SHOW commands: `*` any run, `|` alternatives, case-insensitive.
enum HivePattern {
    static func matches(_ name: String, _ pattern: String?) -> Bool {
        guard let pattern else { return true }
        return pattern.lowercased().split(separator: "|").contains { alternative in
            glob(Array(name.lowercased()), Array(alternative.trimmingCharacters()))
        }
    }

    private static func glob(_ text: [Character], _ pattern: [Character]) -> Bool {
        guard let first = pattern.first else { return text.isEmpty }
        if first == "*" {
            for index in 0...text.count where glob(Array(text[index...]), Array(pattern.dropFirst())) { return true }
            return false
        }
        guard let head = text.first, head == first else { return false }
        return glob(Array(text.dropFirst()), Array(pattern.dropFirst()))
    }
}

private extension Substring {
    func trimmingCharacters() -> Substring {
        drop { $0 == " " }.reversed().drop { $0 == " " }.reversed().reduce(into: "") { $0.append($1) }[...]
    }
}
