import Foundation
import HQLCodegen
import HQLPlanner
import SQLiteStore

/// Makes an external text table queryable: its files are loaded into a TEMP table named like the table
/// (`temp."x:db.t"`), and reloaded only when a file's size or modification time changes, so repeated
/// queries do not re-read the files.
final class TextTableCache {
    private var signatures: [String: String] = [:]

    /// Loads or refreshes the TEMP table of `table`.
    func ensure(_ table: TableDescriptor, on connection: Connection) throws {
        let name = SQLiteGenerator.externalTableName(database: table.database, table: table.name)
        let files = table.storage.location.map(TextFileReader.files(at:)) ?? []
        let signature = files.map { path -> String in
            let attributes = try? FileManager.default.attributesOfItem(atPath: path)
            let size = (attributes?[.size] as? NSNumber)?.int64Value ?? -1
            let modified = (attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
            return "\(path)|\(size)|\(modified)"
        }.joined(separator: "\n") + "\n" + table.allColumns.map { "\($0.name):\($0.type)" }.joined(separator: ",")
        if signatures[name] == signature { return }
        try connection.savepoint("hqlrun_text_load") {
            try connection.execute("DROP TABLE IF EXISTS temp." + name)
            let columns = table.allColumns.map { SQLiteGenerator.quote($0.name) }
            try connection.execute("CREATE TEMP TABLE " + name + " (" + columns.joined(separator: ", ") + ")")
            let insert = try connection.prepare("INSERT INTO temp." + name + " VALUES ("
                                                + Array(repeating: "?", count: columns.count).joined(separator: ", ") + ")")
            try TextFileReader.insertRows(of: files, format: TextFormat(table.storage),
                                          types: table.allColumns.map(\.type), into: insert)
        }
        signatures[name] = signature
    }

    /// Forgets a table (after DROP), so a table made again under the name is loaded afresh.
    func forget(_ table: TableDescriptor) {
        signatures[SQLiteGenerator.externalTableName(database: table.database, table: table.name)] = nil
    }
}
