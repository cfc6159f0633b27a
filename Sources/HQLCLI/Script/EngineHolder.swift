import Foundation
import HQLRuntime
import HQLSyntax

/// Holds the engine session of a run, opened on first use: by the first statement that needs the engine, or by
/// the first Tab press in the shell. A class, so the script runner and the shell's completion share it.
final class EngineHolder {
    private let options: SessionOptions
    private let database: String
    /// The session, once opened.
    private(set) var current: Session?

    init(options: SessionOptions, database: String) {
        self.options = options
        self.database = database
    }

    /// The session, opening the warehouse (`--memory`, `--warehouse`, `$HQLRUN_WAREHOUSE`, ./hqlrun-warehouse).
    func session() throws -> Session {
        if let current { return current }
        let warehouse: Warehouse
        do {
            warehouse = options.memory ? try Warehouse.inMemory()
                : try Warehouse.open(folder: options.warehouse
                                     ?? ProcessInfo.processInfo.environment["HQLRUN_WAREHOUSE"] ?? "hqlrun-warehouse")
        } catch {
            throw CommandFailure(status: .statementError, message: "hqlrun: cannot open the warehouse: \(error)\n")
        }
        let opened = Session(warehouse: warehouse)
        if database != "default" {
            do {
                try opened.use(database)
            } catch let diagnostic as Diagnostic {
                throw CommandFailure(status: .statementError, message: "hqlrun: \(diagnostic.message)\n")
            }
        }
        current = opened
        return opened
    }
}

/// Completion names from the warehouse's catalog, through the shared session. Each call reads the small catalog
/// tables, so names are current after every statement without any cache to invalidate.
struct WarehouseCompletionCatalog: CompletionCatalog {
    let engine: EngineHolder

    func databases() -> [String] {
        (try? engine.session().databaseNames()) ?? []
    }

    func tables(in database: String?) -> [String] {
        (try? engine.session().tableNames(in: database)) ?? []
    }

    func columns(of table: String) -> [String] {
        (try? engine.session().columnNames(of: table)) ?? []
    }
}
