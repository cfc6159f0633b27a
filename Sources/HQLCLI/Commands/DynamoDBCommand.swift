import ArgumentParser
import DynamoDBEmulation
import Foundation

/// `hqlrun ddb OPERATION …`: the emulated DynamoDB service, with the AWS CLI's operation names, options and output.
struct DynamoDBCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ddb",
        abstract: "The emulated DynamoDB service in the warehouse (AWS CLI syntax and output; no network).",
        subcommands: [
            DDBCreateTable.self, DDBDescribeTable.self, DDBListTables.self, DDBDeleteTable.self, DDBPutItem.self,
            DDBGetItem.self, DDBDeleteItem.self, DDBScan.self, DDBQuery.self, DDBExport.self, DDBBench.self,
        ])
}

/// `--warehouse PATH` and `--region`: where the emulated services keep their state.
struct ServiceWarehouseOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The warehouse directory; the services live in its warehouse.db.", valueName: "path"))
    var warehouse: String = "./hqlrun-warehouse/"

    @Option(help: "The region of new tables and topics, and of ARNs.")
    var region: String = "us-east-1"

    /// Opens (creating on first use) `<warehouse>/warehouse.db` in WAL mode with a 5 s busy timeout.
    func openStore() throws -> DynamoDBStore {
        do {
            try FileManager.default.createDirectory(atPath: warehouse, withIntermediateDirectories: true)
        } catch {
            throw CommandFailure(status: .statementError, message: "hqlrun: cannot create the warehouse '\(warehouse)': \(error)\n")
        }
        let path = (warehouse as NSString).appendingPathComponent("warehouse.db")
        let store = try AWSOperation.run("Open") { try DynamoDBStore(path: path, region: region) }
        store.standardOutput = { text in
            StandardStreams.writeOutput(text)
            StandardStreams.flush()
        }
        return store
    }
}

/// Runs one AWS-style operation: prints its response as the AWS CLI does, and turns service errors into the CLI's
/// "An error occurred (Code) when calling the Operation operation: message" on stderr (exit status 1).
enum AWSOperation {
    /// Runs `body`, reporting a `DynamoDBError` as the AWS CLI does.
    static func run<Result>(_ operation: String, _ body: () throws -> Result) throws -> Result {
        do {
            return try body()
        } catch let error as DynamoDBError {
            throw CommandFailure(status: .statementError, message: "\n" + error.cliMessage(operation: operation) + "\n")
        }
    }

    /// Runs an operation and prints its response.
    static func print(_ operation: String, _ body: () throws -> JSONValue) throws {
        let response = try run(operation, body)
        StandardStreams.writeOutput(CLIResponses.render(response))
    }

    /// The text of an argument given inline or as `file://PATH` (as the AWS CLI accepts for JSON parameters).
    static func argument(_ text: String) throws -> String {
        guard text.hasPrefix("file://") else { return text }
        let path = String(text.dropFirst(7))
        guard let contents = FileManager.default.contents(atPath: path) else {
            throw CommandFailure(status: .fileNotFound, message: "\nError parsing parameter: Unable to load paramfile \(text): no such file\n")
        }
        return String(decoding: contents, as: UTF8.self)
    }
}

/// `ddb create-table --cli-input-json file://FILE` (also CloudFormation `AWS::DynamoDB::Table` JSON).
struct DDBCreateTable: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "create-table", abstract: "Create a table (ACTIVE at once).")
    @Option(name: .customLong("cli-input-json"), help: "The CreateTable request, inline or file://FILE.") var input: String
    @OptionGroup var options: ServiceWarehouseOptions

    func run() throws {
        let text = try AWSOperation.argument(input)
        let store = try options.openStore()
        try AWSOperation.print("CreateTable") { try CLIResponses.createTable(store, CreateTableRequest(jsonText: text)) }
    }
}

/// `ddb describe-table --table-name T`.
struct DDBDescribeTable: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "describe-table", abstract: "Describe a table.")
    @Option(name: .customLong("table-name")) var tableName: String
    @OptionGroup var options: ServiceWarehouseOptions

    func run() throws {
        let store = try options.openStore()
        try AWSOperation.print("DescribeTable") { try CLIResponses.describeTable(store, tableName) }
    }
}

/// `ddb list-tables`.
struct DDBListTables: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list-tables", abstract: "List the tables.")
    @OptionGroup var options: ServiceWarehouseOptions

    func run() throws {
        let store = try options.openStore()
        try AWSOperation.print("ListTables") { try CLIResponses.listTables(store) }
    }
}

/// `ddb delete-table --table-name T`.
struct DDBDeleteTable: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "delete-table", abstract: "Delete a table and its items.")
    @Option(name: .customLong("table-name")) var tableName: String
    @OptionGroup var options: ServiceWarehouseOptions

    func run() throws {
        let store = try options.openStore()
        try AWSOperation.print("DeleteTable") { try CLIResponses.deleteTable(store, tableName) }
    }
}

/// `ddb put-item --table-name T --item JSON|file://FILE`.
struct DDBPutItem: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "put-item", abstract: "Put (replace) one item.")
    @Option(name: .customLong("table-name")) var tableName: String
    @Option(help: "The item in DynamoDB JSON, inline or file://FILE.") var item: String
    @OptionGroup var options: ServiceWarehouseOptions

    func run() throws {
        let text = try AWSOperation.argument(item)
        let store = try options.openStore()
        try AWSOperation.print("PutItem") { try CLIResponses.putItem(store, tableName, itemJSON: text) }
    }
}

/// `ddb get-item --table-name T --key JSON`.
struct DDBGetItem: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "get-item", abstract: "Get one item by its key.")
    @Option(name: .customLong("table-name")) var tableName: String
    @Option(help: "The key in DynamoDB JSON, inline or file://FILE.") var key: String
    @OptionGroup var options: ServiceWarehouseOptions

    func run() throws {
        let text = try AWSOperation.argument(key)
        let store = try options.openStore()
        try AWSOperation.print("GetItem") { try CLIResponses.getItem(store, tableName, keyJSON: text) }
    }
}

/// `ddb delete-item --table-name T --key JSON`.
struct DDBDeleteItem: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "delete-item", abstract: "Delete one item by its key.")
    @Option(name: .customLong("table-name")) var tableName: String
    @Option(help: "The key in DynamoDB JSON, inline or file://FILE.") var key: String
    @OptionGroup var options: ServiceWarehouseOptions

    func run() throws {
        let text = try AWSOperation.argument(key)
        let store = try options.openStore()
        try AWSOperation.print("DeleteItem") { try CLIResponses.deleteItem(store, tableName, keyJSON: text) }
    }
}

/// `ddb scan --table-name T` (every page, in key order).
struct DDBScan: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "scan", abstract: "Scan a table (in key order).")
    @Option(name: .customLong("table-name")) var tableName: String
    @OptionGroup var options: ServiceWarehouseOptions

    func run() throws {
        let store = try options.openStore()
        try AWSOperation.print("Scan") { try CLIResponses.scan(store, tableName) }
    }
}

/// `ddb query --table-name T --key-condition-expression '…' --expression-attribute-values JSON`.
struct DDBQuery: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "query", abstract: "Query one partition key.")
    @Option(name: .customLong("table-name")) var tableName: String
    @Option(name: .customLong("key-condition-expression")) var expression: String
    @Option(name: .customLong("expression-attribute-values")) var values: String
    @Option(name: .customLong("expression-attribute-names")) var names: String?
    @Flag(name: .customLong("no-scan-index-forward"), help: "Return items in descending sort-key order.") var descending = false
    @OptionGroup var options: ServiceWarehouseOptions

    func run() throws {
        let valuesText = try AWSOperation.argument(values)
        let namesText = try names.map(AWSOperation.argument)
        let store = try options.openStore()
        try AWSOperation.print("Query") {
            try CLIResponses.query(store, tableName, expression: expression, valuesJSON: valuesText, namesJSON: namesText,
                                   scanIndexForward: !descending)
        }
    }
}

/// `ddb export --table-name T`: one `{"Item": {…}}` JSON line per item, as DynamoDB's export to S3 writes them.
struct DDBExport: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "export", abstract: "Export a table as DynamoDB JSON lines.")
    @Option(name: .customLong("table-name")) var tableName: String
    @OptionGroup var options: ServiceWarehouseOptions

    func run() throws {
        let store = try options.openStore()
        try AWSOperation.run("ExportTable") {
            try store.export(tableName) { line in StandardStreams.writeOutput(line + "\n") }
        }
    }
}

/// `ddb bench --items N [--stream]`: the put rate of the bulk path (`putItems`, one transaction) into a scratch
/// table of CustomerAccount-like items, in a temporary warehouse. For measuring release builds.
struct DDBBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench", abstract: "Measure the bulk put rate (scratch database).", shouldDisplay: false)
    @Option(help: "Items to put.") var items: Int = 100_000
    @Flag(help: "Give the table a NEW_AND_OLD_IMAGES stream.") var stream = false
    @Flag(help: "Write through putRows (a fixed attribute layout) instead of putItems.") var rows = false
    @Flag(help: "Also time raw SQLite inserts of same-sized pre-encoded rows (the floor).") var baseline = false

    func run() throws {
        let path = NSTemporaryDirectory() + "hqlrun-ddb-bench-\(getpid()).db"
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        try AWSOperation.run("Bench") {
            let store = try DynamoDBStore(path: path)
            try store.createTable(CreateTableRequest(
                tableName: "CustomerAccount",
                attributeDefinitions: [AttributeDefinition(attributeName: "customer_id", attributeType: .s)],
                keySchema: [KeySchemaElement(attributeName: "customer_id", keyType: .hash)],
                streamViewType: stream ? .newAndOldImages : nil))
            let batch: [Item] = (0..<items).map { index in
                [
                    "customer_id": .s("C" + String(100_000_000 + index)),
                    "first_name": .s("Alexandra"), "last_name": .s("Johnson-Smith"),
                    "email": .s("alexandra.johnson\(index)@example.com"), "state": .s("CA"),
                    "balance": .n(String(index % 100_000) + ".25"), "is_active": .bool(index % 3 != 0),
                    "signup_date": .s("2024-03-15"), "segments": .l([.s("retail"), .s("online")]),
                    "credit_limit": .n("5000"),
                ]
            }
            // The items belong to the caller: keep them alive so their deallocation is not timed.
            let rowBatch: ItemRows? = rows ? ItemRows(
                names: Array(batch.first?.keys ?? [:].keys),
                rows: batch.map { item in (batch.first?.keys ?? [:].keys).map { item[$0] } }) : nil
            // CPU time (user + system) is reported too: on a shared machine it is steadier than wall time.
            func cpuSeconds() -> Double {
                var usage = rusage()
                getrusage(RUSAGE_SELF.rawValue, &usage)
                return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
                    + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1_000_000
            }
            let (result, seconds, cpu) = try withExtendedLifetime((batch, rowBatch)) { () -> (BulkWriteResult, TimeInterval, Double) in
                let start = Date()
                let cpuStart = cpuSeconds()
                let options = BulkWriteOptions(duplicateKeys: .lastWins)
                let result = try rowBatch.map { try store.putRows("CustomerAccount", $0, options: options) }
                    ?? store.putItems("CustomerAccount", batch, options: options)
                return (result, Date().timeIntervalSince(start), cpuSeconds() - cpuStart)
            }
            if baseline {
                let connection = store.connection
                try connection.execute("CREATE TABLE floor(t INTEGER, k BLOB, v BLOB, s INTEGER, PRIMARY KEY(t, k)) WITHOUT ROWID")
                let body = [UInt8](repeating: 7, count: 260)
                let keys = (0..<items).map { Array(("C" + String(100_000_000 + $0)).utf8) + [0, 1] }
                let start = Date()
                try connection.transaction {
                    let insert = try connection.cachedStatement("INSERT OR REPLACE INTO floor VALUES(?1, ?2, ?3, ?4)")
                    for key in keys {
                        try insert.bind(Int64(1), at: 1)
                        try insert.bind(blob: key, at: 2)
                        try insert.bind(blob: body, at: 3)
                        try insert.bind(260, at: 4)
                        try insert.execute()
                    }
                }
                let floor = Date().timeIntervalSince(start)
                StandardStreams.writeOutput("SQLite floor: \(items) pre-encoded rows in \(String(format: "%.3f", floor)) s: \(Int(Double(items) / floor)) rows/s\n")
            }
            StandardStreams.writeOutput(
                "\(result.requests) items in \(String(format: "%.3f", seconds)) s: \(Int(Double(result.requests) / seconds)) items/s"
                    + " (CPU \(String(format: "%.3f", cpu)) s: \(Int(Double(result.requests) / cpu)) items/CPU-s)"
                    + (stream ? ", \(result.streamRecords) stream records" : ", no stream")
                    + (rows ? ", putRows\n" : ", putItems\n"))
        }
    }
}
