import Foundation
import HQLCodegen
import HQLPlanner
import HQLSyntax
import SQLiteStore

/// Reads and writes the catalog tables (`hqlrun_databases`, `hqlrun_tables`) of a warehouse.
struct CatalogStore {
    let connection: Connection

    func createSchema() throws {
        try connection.execute("""
            CREATE TABLE IF NOT EXISTS hqlrun_databases (
                name TEXT PRIMARY KEY, comment TEXT, location TEXT);
            CREATE TABLE IF NOT EXISTS hqlrun_tables (
                database TEXT NOT NULL, name TEXT NOT NULL, kind TEXT NOT NULL, columns TEXT NOT NULL,
                partition_columns TEXT NOT NULL, comment TEXT, storage TEXT NOT NULL, view_text TEXT,
                PRIMARY KEY (database, name));
            INSERT OR IGNORE INTO hqlrun_databases (name, comment) VALUES ('default', 'Default Hive database');
            """)
    }

    // MARK: - Databases

    func databaseExists(_ name: String) throws -> Bool {
        try connection.scalar("SELECT count(*) FROM hqlrun_databases WHERE name = ?", [.text(name)])?.int64Value == 1
    }

    func databases() throws -> [String] {
        var names: [String] = []
        try connection.query("SELECT name FROM hqlrun_databases ORDER BY name") { names.append($0.text(at: 0) ?? "") }
        return names
    }

    func createDatabase(_ name: String, comment: String?, location: String?) throws {
        try connection.run("INSERT INTO hqlrun_databases (name, comment, location) VALUES (?, ?, ?)",
                           [.text(name), comment.map { .text($0) } ?? .null, location.map { .text($0) } ?? .null])
    }

    func dropDatabase(_ name: String) throws {
        try connection.run("DELETE FROM hqlrun_databases WHERE name = ?", [.text(name)])
    }

    // MARK: - Tables

    func tables(in database: String) throws -> [String] {
        var names: [String] = []
        try connection.query("SELECT name FROM hqlrun_tables WHERE database = ? ORDER BY name", [.text(database)]) {
            names.append($0.text(at: 0) ?? "")
        }
        return names
    }

    func table(database: String, name: String) throws -> TableDescriptor? {
        var found: TableDescriptor?
        try connection.query("""
            SELECT kind, columns, partition_columns, comment, storage, view_text
            FROM hqlrun_tables WHERE database = ? AND name = ?
            """, [.text(database.lowercased()), .text(name.lowercased())]) { row in
            found = TableDescriptor(
                database: database.lowercased(), name: name.lowercased(),
                kind: TableDescriptor.Kind(rawValue: row.text(at: 0) ?? "") ?? .managed,
                columns: decodeColumns(row.text(at: 1)), partitionColumns: decodeColumns(row.text(at: 2)),
                comment: row.text(at: 3), storage: decodeStorage(row.text(at: 4)), viewText: row.text(at: 5))
        }
        return found
    }

    func createTable(_ table: TableDescriptor) throws {
        try connection.run("""
            INSERT INTO hqlrun_tables (database, name, kind, columns, partition_columns, comment, storage, view_text)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """, [.text(table.database), .text(table.name), .text(table.kind.rawValue),
                  .text(encodeColumns(table.columns)), .text(encodeColumns(table.partitionColumns)),
                  table.comment.map { .text($0) } ?? .null, .text(encodeStorage(table.storage)),
                  table.viewText.map { .text($0) } ?? .null])
        if table.kind == .managed {
            let columns = table.allColumns.map { SQLiteGenerator.quote($0.name) + " " + storageType(of: $0.type) }
            try connection.execute("CREATE TABLE " + SQLiteGenerator.dataTableName(database: table.database,
                                                                                   table: table.name)
                                    + " (" + columns.joined(separator: ", ") + ")")
        }
    }

    /// Rewrites a table's catalog entry (columns, name) after ALTER TABLE.
    func replaceTable(database: String, name: String, with table: TableDescriptor) throws {
        try connection.run("DELETE FROM hqlrun_tables WHERE database = ? AND name = ?", [.text(database), .text(name)])
        try connection.run("""
            INSERT INTO hqlrun_tables (database, name, kind, columns, partition_columns, comment, storage, view_text)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """, [.text(table.database), .text(table.name), .text(table.kind.rawValue),
                  .text(encodeColumns(table.columns)), .text(encodeColumns(table.partitionColumns)),
                  table.comment.map { .text($0) } ?? .null, .text(encodeStorage(table.storage)),
                  table.viewText.map { .text($0) } ?? .null])
    }

    func dropTable(database: String, name: String) throws {
        try connection.run("DELETE FROM hqlrun_tables WHERE database = ? AND name = ?", [.text(database), .text(name)])
        try connection.execute("DROP TABLE IF EXISTS " + SQLiteGenerator.dataTableName(database: database, table: name))
    }

    /// The declared SQLite type of a column, matching the encodings of docs/engine-design.md §2.
    func storageType(of type: HiveType) -> String {
        switch type {
        case .boolean, .tinyint, .smallint, .int, .bigint, .decimal, .date, .timestamp: return "INTEGER"
        case .float, .double: return "REAL"
        case .binary: return "BLOB"
        default: return "TEXT"
        }
    }

    // MARK: - Encoding

    private struct StoredColumn: Codable {
        var name: String
        var type: String
        var comment: String?
    }

    private struct StoredStorage: Codable {
        var format: String?
        var handler: String?
        var location: String?
        var serde: String?
        var rowFormat: [String: String]
        var serdeProperties: [String: String]
        var tableProperties: [String: String]
    }

    private func encodeColumns(_ columns: [ColumnDescriptor]) -> String {
        let stored = columns.map { StoredColumn(name: $0.name, type: $0.type.description, comment: $0.comment) }
        return (try? String(decoding: JSONEncoder().encode(stored), as: UTF8.self)) ?? "[]"
    }

    private func decodeColumns(_ text: String?) -> [ColumnDescriptor] {
        guard let text, let stored = try? JSONDecoder().decode([StoredColumn].self, from: Data(text.utf8)) else {
            return []
        }
        return stored.map { column in
            let type = (try? Parser.parseDataType(SourceFile(name: "catalog", text: column.type)))
                .flatMap { try? HiveType($0) } ?? .string
            return ColumnDescriptor(name: column.name, type: type, comment: column.comment)
        }
    }

    private func encodeStorage(_ storage: StorageDescriptor) -> String {
        let stored = StoredStorage(format: storage.format, handler: storage.handler, location: storage.location,
                                   serde: storage.serde, rowFormat: storage.rowFormat,
                                   serdeProperties: storage.serdeProperties, tableProperties: storage.tableProperties)
        return (try? String(decoding: JSONEncoder().encode(stored), as: UTF8.self)) ?? "{}"
    }

    private func decodeStorage(_ text: String?) -> StorageDescriptor {
        guard let text, let stored = try? JSONDecoder().decode(StoredStorage.self, from: Data(text.utf8)) else {
            return StorageDescriptor()
        }
        return StorageDescriptor(format: stored.format, handler: stored.handler, location: stored.location,
                                 serde: stored.serde, rowFormat: stored.rowFormat,
                                 serdeProperties: stored.serdeProperties, tableProperties: stored.tableProperties)
    }
}

/// The binder's view of the catalog in a session.
struct SessionCatalog: CatalogProvider {
    let store: CatalogStore
    let currentDatabase: String

    func databaseExists(_ name: String) throws -> Bool { try store.databaseExists(name) }

    func table(database: String, name: String) throws -> TableDescriptor? {
        try store.table(database: database, name: name)
    }
}
