import DynamoDBEmulation
import HiveValues
import HQLCodegen
import HQLPlanner
import HQLSyntax
import SQLiteStore

/// The EMR DynamoDB storage handler over the emulated service in the same warehouse file
/// (`../shared/reference/dynamodb-emulation.md` §1–§5): CREATE-time checks, one full-item put per row on
/// INSERT (never a delete of other items), and reads by scanning in key order.
///
/// This first slice maps scalar columns (string, bigint, double, boolean, binary); collections and the whole-item
/// `map<string,string>` column are refused at CREATE time with the connector's message.
struct DynamoDBHandler {
    let store: DynamoDBStore

    init(connection: Connection) throws {
        store = try DynamoDBStore(connection: connection)
    }

    /// `dynamodb.table.name`, else the Hive table's name.
    static func tableName(of table: TableDescriptor) -> String {
        let name = table.storage.tableProperties["dynamodb.table.name"] ?? ""
        return name.isEmpty ? table.name : name
    }

    /// Column → attribute, from `dynamodb.column.mapping`: split on every `,`, then on the first `:`; the column
    /// side lower-cased, nothing trimmed (the connector's grammar, §1.2).
    static func mapping(of table: TableDescriptor) throws -> [(column: String, attribute: String)] {
        guard let text = table.storage.tableProperties["dynamodb.column.mapping"] else { return [] }
        return try text.split(separator: ",", omittingEmptySubsequences: false).map { piece in
            guard let colon = piece.firstIndex(of: ":") else {
                throw DynamoDBHandlerError("Invalid entry in mapping \(piece)")
            }
            return (String(piece[..<colon]).lowercased(), String(piece[piece.index(after: colon)...]))
        }
    }

    /// The connector's CREATE checks (§1.1): the DynamoDB table exists, columns and mapping match 1:1,
    /// every column type is supported. Returns warnings for near-certain mistakes (a space after a comma).
    func checkCreate(_ table: TableDescriptor) throws -> [String] {
        let name = Self.tableName(of: table)
        do {
            _ = try store.table(named: name)
        } catch {
            throw DynamoDBHandlerError("Could not lookup table \(name) in DynamoDB.")
        }
        let mapping = try Self.mapping(of: table)
        var warnings: [String] = []
        for entry in mapping where entry.column.hasPrefix(" ") || entry.column.hasSuffix(" ") {
            warnings.append("dynamodb.column.mapping entry '\(entry.column):\(entry.attribute)' has a space around the "
                            + "column name; the connector does not trim it, so column '\(entry.column)' will not be found")
        }
        for column in table.allColumns {
            guard let entry = mapping.first(where: { $0.column == column.name }) else {
                throw DynamoDBHandlerError("Could not find column mapping for column: \(column.name)")
            }
            if entry.attribute.isEmpty { throw DynamoDBHandlerError("Invalid column mapping for column: \(column.name)") }
            switch column.type {
            case .string, .bigint, .double, .boolean, .binary: break
            default: throw DynamoDBHandlerError("The hive type \(column.type) is not supported in DynamoDB")
            }
        }
        let unmatched = mapping.filter { entry in !table.allColumns.contains { $0.name == entry.column } }
        if !unmatched.isEmpty {
            throw DynamoDBHandlerError("Could not find column(s) for column mapping(s): "
                                       + unmatched.map { "\($0.column):\($0.attribute)" }.joined(separator: ","))
        }
        return warnings
    }

    /// Writes the rows of a prepared query as items: every mapped non-NULL column becomes an attribute
    /// (NULLs are left out, `dynamodb.null.serialization` being false by default). All or nothing.
    func write(_ table: TableDescriptor, rows statement: SQLiteStore.Statement, types: [HQLPlanner.HiveType]) throws {
        let mapping = try Self.mapping(of: table)
        let attributes = table.allColumns.map { column in mapping.first { $0.column == column.name }?.attribute ?? column.name }
        var items: [Item] = []
        try statement.forEachRow { row in
            var item: Item = [:]
            for (index, type) in types.enumerated() {
                let value = row.value(at: index)
                if value.isNull { continue }
                switch type {
                case .string: item[attributes[index]] = .s(value.stringValue ?? "")
                case .bigint: item[attributes[index]] = .n(String(value.int64Value ?? 0))
                case .double: item[attributes[index]] = .n(JavaNumberText.double(value.doubleValue ?? 0))
                case .boolean: item[attributes[index]] = .bool((value.int64Value ?? 0) != 0)
                case .binary: item[attributes[index]] = .b(value.blobValue ?? [])
                default: continue
                }
            }
            items.append(item)
        }
        _ = try store.putItems(Self.tableName(of: table), items)
    }

    /// Loads the table's items into the TEMP table queries read (§3.2: an absent attribute or a mismatched type
    /// reads as NULL).
    func load(_ table: TableDescriptor, on connection: Connection) throws {
        let name = SQLiteGenerator.externalTableName(database: table.database, table: table.name)
        let mapping = try Self.mapping(of: table)
        let columns = table.allColumns
        let attributes = columns.map { column in mapping.first { $0.column == column.name }?.attribute ?? column.name }
        try connection.execute("DROP TABLE IF EXISTS temp." + name)
        try connection.execute("CREATE TEMP TABLE " + name + " ("
                               + columns.map { SQLiteGenerator.quote($0.name) }.joined(separator: ", ") + ")")
        let insert = try connection.prepare("INSERT INTO temp." + name + " VALUES ("
                                            + Array(repeating: "?", count: columns.count).joined(separator: ", ") + ")")
        try store.forEachItem(Self.tableName(of: table)) { item in
            insert.reset()
            for (index, column) in columns.enumerated() {
                try insert.bind(Self.read(item[attributes[index]], as: column.type), at: index + 1)
            }
            try insert.execute()
            return true
        }
    }

    private static func read(_ value: AttributeValue?, as type: HQLPlanner.HiveType) -> SQLiteValue {
        switch (value, type) {
        case (.s(let text)?, .string): return .text(text)
        case (.n(let text)?, .bigint): return Int64(text).map { .integer($0) } ?? .null
        case (.n(let text)?, .double): return Double(text).map { .real($0) } ?? .null
        case (.bool(let flag)?, .boolean): return .integer(flag ? 1 : 0)
        case (.b(let bytes)?, .binary): return .blob(bytes)
        default: return .null
        }
    }
}

/// A DynamoDB connector error, worded as the connector words it.
struct DynamoDBHandlerError: Error, CustomStringConvertible {
    var message: String
    init(_ message: String) { self.message = message }
    var description: String { message }
}
