import Foundation
import SQLiteStore

/// The emulated DynamoDB service, durable in a SQLite database (its tables are prefixed `ddb_`).
///
/// One store wraps one `Connection` and, like it, belongs to one thread at a time. Tables, items, stream records,
/// event source mappings, topics and their checkpoints all live in the database, so a second store opened on the
/// same file (another `hqlrun` process) sees the same service.
///
/// Items are keyed by an order-preserving encoding of their key (`ItemCodec`), so scans return items in key order.
public final class DynamoDBStore {
    /// The SQLite connection (possibly shared with the hqlrun warehouse).
    public let connection: Connection
    /// The region of new tables and of stream records (`awsRegion`).
    public var region: String
    /// The account id in ARNs.
    public var accountID: String
    /// Where the store reads the time (stream record times, mapping batching windows).
    public var clock: any EmulatorClock
    /// Where `stdout` subscriptions write (the CLI routes it through its own buffered stdout).
    public var standardOutput: (String) -> Void = { text in FileHandle.standardOutput.write(Data(text.utf8)) }
    /// Subscription deliveries that failed (SNS does not fail the publish for them), oldest first.
    public var deliveryFailures: [String] = []

    /// The current schema version, in `PRAGMA user_version`-independent form (`ddb_meta`).
    static let schemaVersion = 1

    /// Opens the service over an existing connection, creating its tables when missing.
    public init(
        connection: Connection, region: String = "us-east-1", accountID: String = "000000000000",
        clock: any EmulatorClock = SystemClock()
    ) throws {
        self.connection = connection
        self.region = region
        self.accountID = accountID
        self.clock = clock
        try wrap { try createSchema() }
    }

    /// Opens (creating if missing) a database file in WAL mode with a 5 s busy timeout.
    public convenience init(
        path: String, region: String = "us-east-1", accountID: String = "000000000000",
        clock: any EmulatorClock = SystemClock()
    ) throws {
        let connection = try DynamoDBStore.wrapStatic {
            try Connection(path: path, configuration: Connection.Configuration(
                journalMode: .wal, busyTimeoutMilliseconds: 5000, synchronous: .normal))
        }
        // A 64 MB page cache keeps bulk loads of a few hundred thousand items from spilling mid-transaction.
        try DynamoDBStore.wrapStatic { try connection.execute("PRAGMA cache_size = -65536") }
        try self.init(connection: connection, region: region, accountID: accountID, clock: clock)
    }

    private func createSchema() throws {
        try connection.execute("""
            CREATE TABLE IF NOT EXISTS ddb_meta(name TEXT PRIMARY KEY, value TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS ddb_tables(
                id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL UNIQUE, definition TEXT NOT NULL,
                created REAL NOT NULL, table_uuid TEXT NOT NULL, region TEXT NOT NULL, account TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS ddb_items(
                table_id INTEGER NOT NULL, key BLOB NOT NULL, body BLOB NOT NULL, size INTEGER NOT NULL,
                PRIMARY KEY(table_id, key)) WITHOUT ROWID;
            CREATE TABLE IF NOT EXISTS ddb_stream_records(
                table_id INTEGER NOT NULL, seq INTEGER NOT NULL, event INTEGER NOT NULL, created REAL NOT NULL,
                keys BLOB NOT NULL, old_image BLOB, new_image BLOB, size INTEGER NOT NULL,
                PRIMARY KEY(table_id, seq)) WITHOUT ROWID;
            CREATE TABLE IF NOT EXISTS ddb_stream_tables(
                table_id INTEGER PRIMARY KEY, definition TEXT NOT NULL, created REAL NOT NULL, table_uuid TEXT NOT NULL,
                region TEXT NOT NULL, account TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS ddb_mappings(
                uuid TEXT PRIMARY KEY, config TEXT NOT NULL, table_id INTEGER NOT NULL, created REAL NOT NULL,
                checkpoint INTEGER NOT NULL, last_invocation REAL, attempts INTEGER NOT NULL DEFAULT 0,
                last_result TEXT NOT NULL DEFAULT 'No records processed', lease_owner TEXT, lease_until REAL);
            CREATE TABLE IF NOT EXISTS ddb_topics(
                name TEXT PRIMARY KEY, attributes TEXT NOT NULL, created REAL NOT NULL);
            CREATE TABLE IF NOT EXISTS ddb_subscriptions(
                id TEXT PRIMARY KEY, topic TEXT NOT NULL, protocol TEXT NOT NULL, endpoint TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS ddb_topic_messages(
                seq INTEGER PRIMARY KEY AUTOINCREMENT, topic TEXT NOT NULL, message_id TEXT NOT NULL,
                subject TEXT, message TEXT NOT NULL, attributes TEXT NOT NULL, published REAL NOT NULL);
            INSERT OR IGNORE INTO ddb_meta(name, value) VALUES('schema_version', '\(DynamoDBStore.schemaVersion)');
            """)
    }

    // MARK: - Tables

    /// Creates a table (ACTIVE at once). Throws `ResourceInUseException` when it exists.
    @discardableResult
    public func createTable(_ request: CreateTableRequest) throws -> TableDescription {
        try request.validate()
        return try wrap {
            try connection.transaction {
                // `Connection.scalar` answers `.null` rather than nil for no row (its `nil` literal becomes
                // `SQLiteValue.null`), so ask for a count.
                let existing = try connection.scalar("SELECT count(*) FROM ddb_tables WHERE name = ?", [.text(request.tableName)])
                if (existing?.int64Value ?? 0) > 0 {
                    throw DynamoDBError(.resourceInUse, "Table already exists: \(request.tableName)")
                }
                let now = clock.now()
                let uuid = UUID().uuidString.lowercased()
                try connection.run(
                    "INSERT INTO ddb_tables(name, definition, created, table_uuid, region, account) VALUES(?,?,?,?,?,?)",
                    [.text(request.tableName), .text(request.json.compactText), .real(now.timeIntervalSince1970),
                     .text(uuid), .text(region), .text(accountID)])
                let table = TableDescription(
                    storeID: connection.lastInsertRowID, request: request, creationDate: now, tableID: uuid,
                    region: region, accountID: accountID)
                if request.streamViewType != nil {
                    // Streams outlive their table (24 h in the service), so their definition is kept apart.
                    try connection.run(
                        "INSERT INTO ddb_stream_tables(table_id, definition, created, table_uuid, region, account) VALUES(?,?,?,?,?,?)",
                        [.integer(table.storeID), .text(request.json.compactText), .real(now.timeIntervalSince1970),
                         .text(uuid), .text(region), .text(accountID)])
                }
                return table
            }
        }
    }

    /// The table named `name`; throws `ResourceNotFoundException` when missing.
    public func table(named name: String) throws -> TableDescription {
        guard let table = try wrap({ try loadTable(where: "name = ?", .text(name)) }) else {
            throw DynamoDBError.tableNotFound(name)
        }
        return table
    }

    /// The table matching an SQL condition on `ddb_tables`, or nil.
    func loadTable(where condition: String, _ argument: SQLiteValue) throws -> TableDescription? {
        var found: (Int64, String, Double, String, String, String)?
        try connection.query(
            "SELECT id, definition, created, table_uuid, region, account FROM ddb_tables WHERE \(condition)", [argument]
        ) { row in
            found = (row.int64(at: 0), row.text(at: 1) ?? "{}", row.double(at: 2), row.text(at: 3) ?? "",
                     row.text(at: 4) ?? region, row.text(at: 5) ?? accountID)
        }
        guard let found else { return nil }
        return TableDescription(
            storeID: found.0, request: try CreateTableRequest(jsonText: found.1),
            creationDate: Date(timeIntervalSince1970: found.2), tableID: found.3, region: found.4, accountID: found.5)
    }

    /// DescribeTable's `Table` object, with the live item count and size.
    public func describeTable(_ name: String) throws -> JSONValue {
        let table = try table(named: name)
        let (count, size) = try wrap { () -> (Int, Int) in
            var result = (0, 0)
            try connection.query(
                "SELECT count(*), coalesce(sum(size), 0) FROM ddb_items WHERE table_id = ?", [.integer(table.storeID)]
            ) { row in result = (Int(row.int64(at: 0)), Int(row.int64(at: 1))) }
            return result
        }
        return table.describeJSON(itemCount: count, sizeBytes: size)
    }

    /// Table names in ascending order (ListTables).
    public func listTables() throws -> [String] {
        try wrap {
            var names: [String] = []
            try connection.query("SELECT name FROM ddb_tables ORDER BY name") { row in names.append(row.text(at: 0) ?? "") }
            return names
        }
    }

    /// Deletes a table and its items (its stream records stay readable, as for 24 h in the service). Returns the
    /// description with status DELETING.
    @discardableResult
    public func deleteTable(_ name: String) throws -> JSONValue {
        let description = try describeTable(name)
        let table = try table(named: name)
        try wrap {
            try connection.transaction {
                try connection.run("DELETE FROM ddb_items WHERE table_id = ?", [.integer(table.storeID)])
                try connection.run("DELETE FROM ddb_tables WHERE id = ?", [.integer(table.storeID)])
            }
        }
        guard case .object(var members) = description else { return description }
        if let index = members.firstIndex(where: { $0.0 == "TableStatus" }) { members[index].1 = .string("DELETING") }
        return .object(members)
    }

    // MARK: - Errors

    /// Runs `body`, turning SQLite errors into `InternalServerError`s and keeping `DynamoDBError`s.
    func wrap<Result>(_ body: () throws -> Result) throws -> Result {
        try DynamoDBStore.wrapStatic(body)
    }

    /// `wrap` for use before `self` exists.
    static func wrapStatic<Result>(_ body: () throws -> Result) throws -> Result {
        do {
            return try body()
        } catch let error as DynamoDBError {
            throw error
        } catch {
            throw DynamoDBError.internalError(error)
        }
    }
}
