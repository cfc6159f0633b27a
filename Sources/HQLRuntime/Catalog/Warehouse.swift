import Foundation
import HiveValues
import HQLPlanner
import SQLiteStore

/// The warehouse: one SQLite database holding the catalog and the rows of managed tables
/// (docs/engine-design.md §1), so one transaction covers a statement's catalog and data changes.
public final class Warehouse: @unchecked Sendable {
    /// The file name inside a warehouse folder.
    public static let databaseFileName = "warehouse.db"

    public let connection: Connection
    /// The folder, or nil for an in-memory warehouse.
    public let folder: String?
    /// Names of the Swift functions registered with SQLite, so a statement needing another one fails clearly.
    public private(set) var registeredFunctions: Set<String> = []

    /// Opens (creating when missing) the warehouse in `folder`: WAL, a 5 s busy timeout.
    public static func open(folder: String) throws -> Warehouse {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        var configuration = Connection.Configuration()
        configuration.journalMode = .wal
        configuration.busyTimeoutMilliseconds = 5_000
        configuration.synchronous = .normal
        let path = (folder as NSString).appendingPathComponent(databaseFileName)
        return try Warehouse(connection: Connection(path: path, configuration: configuration), folder: folder)
    }

    /// A warehouse that lives only as long as the process (`--memory`, tests).
    public static func inMemory() throws -> Warehouse {
        try Warehouse(connection: Connection(location: .inMemory), folder: nil)
    }

    /// Registers the function a typed name stands for (`hive_round(decimal(10,2);int)decimal(11,1)`), once;
    /// false when hqlrun has no body for it.
    func registerTypedFunction(_ name: String) throws -> Bool {
        if registeredFunctions.contains(name) { return true }
        guard let signature = TypedFunctionSignature(name: name) else { return false }
        if let finalizer = AggregateBodies.finalizer(for: signature.symbol) {
            try connection.createAggregate(name, argumentCount: signature.arguments.count) {
                CollectingAggregate(signature: signature, finalizer: finalizer)
            }
            registeredFunctions.insert(name)
            return true
        }
        guard let body = FunctionBodies.body(for: signature.symbol) else { return false }
        try connection.createFunction(name, argumentCount: signature.arguments.count, options: .pure) { arguments in
            var values: [HiveValue] = []
            values.reserveCapacity(arguments.count)
            for index in 0..<arguments.count {
                values.append(ValueCoding.decode(arguments[index], as: signature.arguments[index]))
            }
            return ValueCoding.encode(try body(values, signature), as: signature.result)
        }
        registeredFunctions.insert(name)
        return true
    }

    init(connection: Connection, folder: String?) throws {
        self.connection = connection
        self.folder = folder
        // Hive's LIKE is case-sensitive.
        try connection.execute("PRAGMA case_sensitive_like = ON")
        try CatalogStore(connection: connection).createSchema()
        registeredFunctions = try HiveFunctionRegistry.register(on: connection)
    }
}
