import HQLPlanner
import HQLSyntax

/// Generated SQLite SQL and the Swift functions it calls (so the executor can check they are registered
/// and report a missing one at the HQL span that needs it).
public struct GeneratedSQL: Sendable {
    public var sql: String
    public var functions: [(name: String, span: Span)]
    /// External (file-backed) tables the SQL reads, which the runtime must load first.
    public var externalTables: [TableDescriptor]
}

/// Writes SQLite SQL for bound queries and expressions.
///
/// Every identifier is quoted and every literal escaped, so no HQL text can break out of the generated SQL.
/// Values use the encodings of `docs/engine-design.md` §2; Hive semantics that SQLite lacks are spelled out
/// here (§3): DOUBLE division, wrap-around integer arithmetic, NULL on bad casts (through `hive_*` UDFs).
public struct SQLiteGenerator {
    private(set) var functions: [(name: String, span: Span)] = []
    private(set) var externalTables: [TableDescriptor] = []
    /// `[NOT] EXISTS` filters that the semi and anti joins of the FROM being written add to its WHERE.
    private var joinFilters: [String] = []
    /// While one branch of a grouping-sets SELECT is written: the keys outside its set (by fingerprint), which
    /// read as NULL, and the indices of the keys inside it (for `grouping()`).
    var groupingBranch: (nulled: Set<String>, grouped: Set<Int>)?

    public init() {}

    /// The SQL of a query.
    public static func query(_ query: BoundQuery) throws -> GeneratedSQL {
        var generator = SQLiteGenerator()
        let sql = try generator.query(query)
        return GeneratedSQL(sql: sql, functions: generator.functions, externalTables: generator.externalTables)
    }

    /// `"name"` with inner quotes doubled.
    public static func quote(_ identifier: String) -> String {
        "\"" + identifier.replacingAll("\"", with: "\"\"") + "\""
    }

    /// The SQLite table that holds a managed table's rows.
    public static func dataTableName(database: String, table: String) -> String {
        quote("t:" + database + "." + table)
    }

    /// The TEMP table an external text table's files are loaded into.
    public static func externalTableName(database: String, table: String) -> String {
        quote("x:" + database + "." + table)
    }

    /// `'text'` with inner quotes doubled; text with NUL bytes becomes a cast blob.
    public static func stringLiteral(_ text: String) -> String {
        if text.utf8.contains(0) {
            return "CAST(X'" + text.utf8.map { hexByte($0) }.joined() + "' AS TEXT)"
        }
        return "'" + text.replacingAll("'", with: "''") + "'"
    }

    private static func hexByte(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 15)]])
    }

    mutating func use(_ function: String, at span: Span) -> String {
        functions.append((function, span))
        return function
    }

    // MARK: - Queries

    mutating func query(_ query: BoundQuery) throws -> String {
        var sql = try body(query.body, columns: query.columns)
        if !query.orderBy.isEmpty {
            sql += " ORDER BY " + (try query.orderBy.map { try orderItem($0) }.joined(separator: ", "))
        }
        if let limit = query.limit {
            sql += " LIMIT \(limit)"
            if let offset = query.offset { sql += " OFFSET \(offset)" }
        } else if let offset = query.offset {
            sql += " LIMIT -1 OFFSET \(offset)"
        }
        return sql
    }

    mutating func body(_ body: BoundQueryBody, columns: [OutputColumn]) throws -> String {
        switch body {
        case .select(let select):
            return try self.select(select, names: columns.map(\.name))
        case .values(let rows):
            let values = try rows.map { row in "(" + (try row.map { try expression($0) }.joined(separator: ", ")) + ")" }
            let projection = columns.enumerated().map { "column\($0.offset + 1) AS \(Self.quote($0.element.name))" }
            return "SELECT " + projection.joined(separator: ", ") + " FROM (VALUES " + values.joined(separator: ", ") + ")"
        case .setOperation(let op, let all, let left, let right):
            let keyword: String
            switch op {
            case .union: keyword = all ? "UNION ALL" : "UNION"
            case .intersect, .except, .minus:
                guard !all else { throw Diagnostic.error("HQL4001", "\(op.rawValue) ALL is not supported by hqlrun yet",
                                                         at: .none) }
                keyword = op == .intersect ? "INTERSECT" : "EXCEPT"
            }
            return try operand(left, columns: columns) + " " + keyword + " " + operand(right, columns: columns)
        }
    }

    /// SQLite's compound selects associate to the left without parentheses, so nested ones become subqueries.
    private mutating func operand(_ body: BoundQueryBody, columns: [OutputColumn]) throws -> String {
        let sql = try self.body(body, columns: columns)
        if case .setOperation = body { return "SELECT * FROM (" + sql + ")" }
        return sql
    }

    mutating func select(_ select: BoundSelect, names: [String]) throws -> String {
        if let sets = select.groupingSets {
            // SQLite has no GROUPING SETS: one GROUP BY per set, the keys outside it NULL, joined by UNION ALL.
            var branches: [String] = []
            for set in sets {
                var branch = select
                branch.groupingSets = nil
                branch.groupBy = set.map { select.groupBy[$0] }
                let grouped = Set(set)
                let nulled = Set(select.groupBy.indices.filter { !grouped.contains($0) }.map { select.groupBy[$0].fingerprint })
                groupingBranch = (nulled.subtracting(set.map { select.groupBy[$0].fingerprint }), grouped)
                defer { groupingBranch = nil }
                // The empty set needs no GROUP BY: an aggregate SELECT without one gives one row, as GROUP BY () does.
                branches.append(try self.select(branch, names: names))
            }
            return branches.joined(separator: " UNION ALL ")
        }
        var sql = select.isDistinct ? "SELECT DISTINCT " : "SELECT "
        sql += try select.items.enumerated().map { index, item in
            try expression(item) + " AS " + Self.quote(index < names.count ? names[index] : "_c\(index)")
        }.joined(separator: ", ")
        let outerFilters = joinFilters
        joinFilters = []
        defer { joinFilters = outerFilters }
        if let from = select.from { sql += " FROM " + (try relation(from)) }
        var conditions = joinFilters
        if let condition = select.whereClause { conditions.insert(try expression(condition), at: 0) }
        if !conditions.isEmpty { sql += " WHERE " + conditions.joined(separator: " AND ") }
        if !select.groupBy.isEmpty {
            sql += " GROUP BY " + (try select.groupBy.map { try expression($0) }.joined(separator: ", "))
        }
        if let having = select.having { sql += " HAVING " + (try expression(having)) }
        return sql
    }

    mutating func relation(_ relation: BoundRelation) throws -> String {
        switch relation {
        case .table(let table, let alias):
            if table.kind == .external {
                if !externalTables.contains(where: { $0.qualifiedName == table.qualifiedName }) { externalTables.append(table) }
                return "temp." + Self.externalTableName(database: table.database, table: table.name) + " AS " + Self.quote(alias)
            }
            return Self.dataTableName(database: table.database, table: table.name) + " AS " + Self.quote(alias)
        case .subquery(let query, let alias):
            return "(" + (try self.query(query)) + ") AS " + Self.quote(alias)
        case .lateral(let source, let collection, let alias, let isOuter):
            // json_each walks the collection's JSON; OUTER keeps a row (with NULLs) when it is empty or NULL.
            let walk = "json_each(" + (try expression(collection)) + ") AS " + Self.quote(alias)
            return try self.relation(source) + (isOuter ? " LEFT JOIN " + walk + " ON 1" : " JOIN " + walk)
        case .join(let type, let left, let right, let condition):
            let keyword: String
            switch type {
            case .inner: keyword = condition == nil ? "CROSS JOIN" : "JOIN"
            case .cross: keyword = "CROSS JOIN"
            case .left: keyword = "LEFT JOIN"
            case .right: keyword = "RIGHT JOIN"
            case .full: keyword = "FULL JOIN"
            case .leftSemi, .leftAnti:
                // `a LEFT SEMI JOIN b ON c` keeps the rows of `a` for which some `b` satisfies `c`: a correlated
                // EXISTS over `b`, added to this SELECT's WHERE (the right side is invisible elsewhere).
                let filter = "EXISTS (SELECT 1 FROM " + (try self.relation(right))
                    + (try condition.map { " WHERE " + (try expression($0)) } ?? "") + ")"
                joinFilters.append(type == .leftSemi ? filter : "NOT " + filter)
                return try self.relation(left)
            }
            var sql = try self.relation(left) + " " + keyword + " " + self.relation(right)
            if let condition { sql += " ON " + (try expression(condition)) }
            return sql
        }
    }

    mutating func orderItem(_ item: BoundOrderItem) throws -> String {
        var sql: String
        switch item.key {
        case .outputColumn(let index): sql = String(index + 1)
        case .expression(let expression): sql = try self.expression(expression)
        }
        if item.descending { sql += " DESC" }
        if let nullsFirst = item.nullsFirst { sql += nullsFirst ? " NULLS FIRST" : " NULLS LAST" }
        return sql
    }
}

extension String {
    /// Replaces every occurrence of `target` (no Foundation needed).
    func replacingAll(_ target: String, with replacement: String) -> String {
        guard contains(target) else { return self }
        return split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}

extension SQLiteGenerator {
    /// The SQL of a single expression that needs no FROM (a constant such as a static partition value).
    public static func expressionSQL(_ expression: BoundExpression) throws -> String {
        var generator = SQLiteGenerator()
        return try generator.expression(expression)
    }
}

extension SQLiteGenerator {
    /// The SQLite name of a Swift function called with these types: `hive_round(decimal(10,2);int)decimal(11,1)`.
    public static func typedFunctionName(_ symbol: String, arguments: [HiveType], result: HiveType) -> String {
        symbol + "(" + arguments.map(\.description).joined(separator: ";") + ")" + result.description
    }
}
