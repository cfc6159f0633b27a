import HQLSyntax

/// Resolves names and types: turns parsed statements into bound ones against a catalog.
///
/// Errors are `Diagnostic`s at the span of the offending HQL, worded like Hive's SemanticExceptions
/// (`column 'frist_name' not found; did you mean 'firstname'?`). Codes: `HQL3xxx` semantic, `HQL4xxx` not
/// supported by hqlrun (yet).
public struct Binder {
    public let catalog: CatalogProvider
    public let functions: FunctionCatalog
    /// Generated SQL aliases must be unique within a statement.
    var nextAlias = 0
    /// The `WINDOW name AS (..)` definitions of the SELECT being bound.
    var namedWindows: [String: WindowSpecification] = [:]
    /// The relations a subquery being bound may refer to (its enclosing queries').
    var correlation: [Scope.Relation] = []
    /// The CTEs visible where binding is.
    var currentCTEs: [String: Query] = [:]
    /// The GROUP BY keys of a grouping-sets SELECT while its `grouping(..)` calls are resolved.
    var activeGroupKeys: [BoundExpression]?

    public init(catalog: CatalogProvider, functions: FunctionCatalog = .standard) {
        self.catalog = catalog
        self.functions = functions
    }

    mutating func makeAlias() -> String {
        defer { nextAlias += 1 }
        return "r\(nextAlias)"
    }

    // MARK: - Errors

    static func error(_ message: String, at span: Span, code: String = "HQL3001") -> Diagnostic {
        .error(code, message, at: span)
    }

    static func unsupported(_ what: String, at span: Span) -> Diagnostic {
        .error("HQL4001", "\(what) is not supported by hqlrun yet", at: span)
    }

    /// The closest of `candidates` to `name`, for "did you mean" hints.
    static func suggestion(for name: String, among candidates: [String]) -> String? {
        let lowered = name.lowercased()
        var best: (String, Int)?
        for candidate in candidates {
            let distance = EditDistance.between(lowered, candidate.lowercased())
            let allowed = max(1, min(3, candidate.count / 3))
            if distance <= allowed, distance < (best?.1 ?? .max) { best = (candidate, distance) }
        }
        return best?.0
    }

    // MARK: - Tables

    /// Finds a table or view, with Hive's error when it does not exist.
    func lookupTable(_ name: QualifiedName) throws -> TableDescriptor {
        let (database, table) = try resolveTableName(name)
        guard let descriptor = try catalog.table(database: database, name: table) else {
            throw Binder.error("table or view '\(name)' not found", at: name.span, code: "HQL3002")
        }
        return descriptor
    }

    /// `db.t` or `t` (in the current database), lower-cased as the metastore stores names.
    func resolveTableName(_ name: QualifiedName) throws -> (database: String, table: String) {
        switch name.parts.count {
        case 1: return (catalog.currentDatabase, name.parts[0].name.lowercased())
        case 2: return (name.parts[0].name.lowercased(), name.parts[1].name.lowercased())
        default:
            throw Binder.error("a table name has at most two parts (database.table): '\(name)'", at: name.span)
        }
    }
}

/// The relations visible to an expression: each with the name it is known by and its columns.
struct Scope {
    struct Relation {
        /// The alias, or the table name when there is none.
        var name: String
        var sqlAlias: String
        var columns: [ColumnDescriptor]
        /// For a LATERAL VIEW: each column's `json_each` column and how to read it, by position.
        var lateralColumns: [(sqlColumn: String, element: ColumnReference.JSONElement?)]? = nil
    }

    var relations: [Relation] = []
    /// Relations of enclosing queries, visible to a correlated subquery when a name is not found here.
    var outer: [Relation] = []

    /// Resolves `c` or `t.c` (case-insensitively) to a column, or throws Hive's error.
    func resolve(_ parts: [Identifier], span: Span) throws -> (ColumnReference, HiveType) {
        do {
            return try resolve(parts, among: relations, span: span)
        } catch let error as Diagnostic where !outer.isEmpty {
            // A correlated reference: try the enclosing queries, but report this scope's error if that fails too.
            if let found = try? resolve(parts, among: outer, span: span) { return found }
            throw error
        }
    }

    private func resolve(_ parts: [Identifier], among relations: [Relation],
                         span: Span) throws -> (ColumnReference, HiveType) {
        let columnName = parts[parts.count - 1].name
        var candidates = relations
        if parts.count >= 2 {
            let qualifier = parts[parts.count - 2].name.lowercased()
            candidates = relations.filter { $0.name.lowercased() == qualifier }
            if candidates.isEmpty {
                throw Binder.error("table or alias '\(parts[parts.count - 2].name)' not found in this query",
                                   at: parts[parts.count - 2].span, code: "HQL3003")
            }
        }
        var matches: [(ColumnReference, HiveType)] = []
        for relation in candidates {
            for (index, column) in relation.columns.enumerated() where column.name.lowercased() == columnName.lowercased() {
                if let lateral = relation.lateralColumns, index < lateral.count {
                    matches.append((ColumnReference(relationAlias: relation.sqlAlias, column: lateral[index].sqlColumn,
                                                    jsonElement: lateral[index].element), column.type))
                } else {
                    matches.append((ColumnReference(relationAlias: relation.sqlAlias, column: column.name), column.type))
                }
            }
        }
        if matches.count > 1 {
            throw Binder.error("column '\(columnName)' is ambiguous; qualify it with a table name or alias",
                               at: span, code: "HQL3004")
        }
        guard let match = matches.first else {
            let names = candidates.flatMap { $0.columns.map(\.name) }
            var message = "column '\(columnName)' not found"
            if candidates.count == 1 { message += " in '\(candidates[0].name)'" }
            if let hint = Binder.suggestion(for: columnName, among: names) { message += "; did you mean '\(hint)'?" }
            throw Binder.error(message, at: span, code: "HQL3005")
        }
        return match
    }
}
