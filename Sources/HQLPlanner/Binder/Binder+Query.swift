import HQLSyntax

extension Binder {
    /// Binds a query. CTEs in scope are inlined where they are referenced, as Hive does.
    mutating func bind(_ query: Query, outer ctes: [String: Query] = [:]) throws -> BoundQuery {
        var ctes = ctes
        if let with = query.with {
            if with.isRecursive { throw Binder.unsupported("WITH RECURSIVE", at: query.span) }
            for cte in with.tables { ctes[cte.name.name.lowercased()] = cte.query }
        }
        let savedCTEs = currentCTEs
        currentCTEs = ctes
        defer { currentCTEs = savedCTEs }
        var (body, scope) = try bindBody(query.body, ctes: ctes)
        let columns = outputColumns(of: body)
        // One machine is one reducer: SORT BY sorts the whole result, CLUSTER BY x is DISTRIBUTE BY x SORT BY x,
        // and DISTRIBUTE BY alone only says which reducer gets a row, so it changes nothing here.
        var orderItems = query.orderBy
        if orderItems.isEmpty { orderItems = query.sortBy }
        if orderItems.isEmpty { orderItems = query.clusterBy.map { OrderItem(expression: $0) } }
        if !query.distributeBy.isEmpty || !query.clusterBy.isEmpty {
            for expression in query.distributeBy + query.clusterBy {
                if let scope { _ = try bind(expression, in: scope, allowAggregates: true) }
            }
        }
        var orderBy = try orderItems.map { try bindOrderItem($0, columns: columns, body: body, scope: scope) }
        if case .select(let select) = body, select.groupingSets != nil {
            // The grouping sets become a compound SELECT, whose ORDER BY can only name result columns.
            activeGroupKeys = select.groupBy
            defer { activeGroupKeys = nil }
            orderBy = try orderBy.map { item in
                guard case .expression(let expression) = item.key else { return item }
                let key = try rebindGrouping(expression).fingerprint
                guard let index = select.items.firstIndex(where: { $0.fingerprint == key }) else {
                    throw Binder.unsupported("ORDER BY an expression that is not in the select list of a grouping-sets "
                                             + "query", at: expression.span)
                }
                return BoundOrderItem(key: .outputColumn(index), descending: item.descending, nullsFirst: item.nullsFirst)
            }
        }
        scope = Scope()
        return BoundQuery(body: body, orderBy: orderBy, limit: try query.limit.map { try bindCount($0, "LIMIT") },
                          offset: try query.offset.map { try bindCount($0, "OFFSET") }, columns: columns)
    }

    /// A query body and, for a single SELECT, the scope its ORDER BY may refer to.
    mutating func bindBody(_ body: QueryBody, ctes: [String: Query]) throws -> (BoundQueryBody, Scope?) {
        switch body {
        case .select(let select):
            let (bound, scope) = try bindSelect(select, ctes: ctes)
            return (.select(bound), scope)
        case .parenthesized(let inner):
            guard inner.orderBy.isEmpty, inner.limit == nil, inner.with == nil else {
                throw Binder.unsupported("ORDER BY or LIMIT inside a parenthesised set operand", at: inner.span)
            }
            return try bindBody(inner.body, ctes: ctes)
        case .values(let rows):
            let empty = Scope()
            let bound = try rows.map { row in try row.map { try bind($0, in: empty, allowAggregates: false) } }
            guard let width = bound.first?.count, bound.allSatisfy({ $0.count == width }) else {
                throw Binder.error("every VALUES row must have the same number of values", at: .none, code: "HQL3030")
            }
            var coerced = bound
            for column in 0..<width {
                let type = try commonType(for: .branches, bound.map { $0[column] }, span: bound[0][column].span)
                for row in coerced.indices { coerced[row][column] = try coerce(coerced[row][column], to: type) }
            }
            return (.values(coerced), nil)
        case .setOperation(let operation):
            let (left, _) = try bindBody(operation.left, ctes: ctes)
            let (right, _) = try bindBody(operation.right, ctes: ctes)
            let leftColumns = outputColumns(of: left)
            let rightColumns = outputColumns(of: right)
            guard leftColumns.count == rightColumns.count else {
                throw Binder.error("the two sides of \(operation.op.rawValue) have \(leftColumns.count) and "
                                   + "\(rightColumns.count) columns", at: .none, code: "HQL3031")
            }
            var types: [HiveType] = []
            for (l, r) in zip(leftColumns, rightColumns) {
                guard let type = TypeCoercion.commonType(for: .branches, l.type, r.type) else {
                    throw Binder.error("\(operation.op.rawValue) cannot combine \(l.type) with \(r.type) in column "
                                       + "'\(l.name)'", at: .none, code: "HQL3032")
                }
                types.append(type)
            }
            let all = operation.quantifier == .all
            return (.setOperation(operation.op, all: all, try coerceBody(left, to: types),
                                  try coerceBody(right, to: types)), nil)
        }
    }

    /// Converts the result columns of a body to `types` (for set operations).
    func coerceBody(_ body: BoundQueryBody, to types: [HiveType]) throws -> BoundQueryBody {
        switch body {
        case .select(var select):
            select.items = try zip(select.items, types).map { try coerce($0, to: $1) }
            return .select(select)
        case .values(let rows):
            return .values(try rows.map { row in try zip(row, types).map { try coerce($0, to: $1) } })
        case .setOperation(let op, let all, let left, let right):
            return .setOperation(op, all: all, try coerceBody(left, to: types), try coerceBody(right, to: types))
        }
    }

    /// The names and types of a body's result.
    func outputColumns(of body: BoundQueryBody) -> [OutputColumn] {
        switch body {
        case .select(let select):
            return select.items.enumerated().map { OutputColumn(name: select.names[$0.offset], type: $0.element.type) }
        case .values(let rows):
            return (rows.first ?? []).enumerated().map { OutputColumn(name: "col\($0.offset + 1)", type: $0.element.type) }
        case .setOperation(_, _, let left, let right):
            let rightColumns = outputColumns(of: right)
            return outputColumns(of: left).enumerated().map { index, column in
                OutputColumn(name: column.name, type: index < rightColumns.count ? rightColumns[index].type : column.type)
            }
        }
    }

    // MARK: - SELECT

    mutating func bindSelect(_ select: Select, ctes: [String: Query]) throws -> (BoundSelect, Scope) {
        var scope = Scope()
        scope.outer = correlation
        // Relations of this block's FROM are not visible to subqueries in FROM (only to those in expressions).
        let savedCorrelation = correlation
        defer { correlation = savedCorrelation }
        var from: BoundRelation?
        for reference in select.from {
            let relation = try bindRelation(reference, ctes: ctes, scope: &scope)
            from = from.map { .join(.cross, $0, relation, condition: nil) } ?? relation
        }
        let outerWindows = namedWindows
        defer { namedWindows = outerWindows }
        for window in select.windows { namedWindows[window.name.name.lowercased()] = window.specification }
        var items: [BoundExpression] = []
        var names: [String] = []
        for item in select.items {
            if case .star(let qualifier) = item.expression.kind {
                let relations = qualifier.isEmpty ? scope.relations
                    : scope.relations.filter { $0.name.lowercased() == qualifier.last?.name.lowercased() }
                guard !relations.isEmpty else {
                    throw Binder.error(qualifier.isEmpty ? "'*' needs a FROM clause"
                                       : "table or alias '\(qualifier.map(\.name).joined(separator: "."))' not found",
                                       at: item.expression.span, code: "HQL3003")
                }
                for relation in relations {
                    for column in relation.columns {
                        items.append(BoundExpression(.column(ColumnReference(relationAlias: relation.sqlAlias,
                                                                              column: column.name)),
                                                     type: column.type, span: item.expression.span))
                        names.append(column.name)
                    }
                }
                continue
            }
            guard item.aliases.count <= 1 else { throw Binder.unsupported("multiple aliases", at: item.expression.span) }
            let bound = try bind(item.expression, in: scope, allowAggregates: true)
            items.append(bound)
            if let alias = item.aliases.first {
                names.append(alias.name)
            } else if case .column(let parts) = item.expression.kind, let last = parts.last {
                names.append(last.name)
            } else {
                names.append("_c\(names.count)")
            }
        }
        let whereClause = try select.whereClause.map { try coerce(try bind($0, in: scope, allowAggregates: false),
                                                                    to: .boolean) }
        var groupBy: [BoundExpression] = []
        var groupingSets: [[Int]]?
        var isAggregate = false
        if let group = select.groupBy {
            for expression in group.expressions {
                groupBy.append(try bindGroupKey(expression, items: items, in: scope))
            }
            switch group.modifier {
            case .none:
                break
            case .withRollup, .rollup:
                groupingSets = (0...groupBy.count).reversed().map { Array(0..<$0) }
            case .withCube, .cube:
                // Every subset, the full one first, as Hive lists them.
                groupingSets = (0..<(1 << groupBy.count)).reversed().map { mask in
                    (0..<groupBy.count).filter { mask & (1 << (groupBy.count - 1 - $0)) != 0 }
                }
            case .groupingSets(let sets):
                var resolved: [[Int]] = []
                for set in sets {
                    var indices: [Int] = []
                    for expression in set {
                        let key = try bindGroupKey(expression, items: items, in: scope)
                        if let index = groupBy.firstIndex(where: { $0.fingerprint == key.fingerprint }) {
                            indices.append(index)
                        } else {
                            groupBy.append(key)
                            indices.append(groupBy.count - 1)
                        }
                    }
                    resolved.append(indices)
                }
                groupingSets = resolved
            }
            isAggregate = true
        }
        if groupingSets != nil {
            activeGroupKeys = groupBy
            items = try items.map { try rebindGrouping($0) }
        }
        var having = try select.having.map { try coerce(try bind($0, in: scope, allowAggregates: true), to: .boolean) }
        if groupingSets != nil, let condition = having { having = try rebindGrouping(condition) }
        activeGroupKeys = nil
        isAggregate = isAggregate || items.contains { $0.containsAggregate } || (having?.containsAggregate ?? false)
        if isAggregate {
            let keys = Set(groupBy.map(\.fingerprint))
            for item in items { try checkGrouped(item, keys: keys) }
            if let having { try checkGrouped(having, keys: keys) }
        }
        var bound = BoundSelect(isDistinct: select.quantifier == .distinct, items: items, from: from,
                                whereClause: whereClause, groupBy: groupBy, having: having, isAggregate: isAggregate)
        bound.names = names
        bound.groupingSets = groupingSets
        return (bound, scope)
    }

    /// Hive's rule: in an aggregating query every column outside an aggregate must be a GROUP BY key.
    func checkGrouped(_ expression: BoundExpression, keys: Set<String>) throws {
        if keys.contains(expression.fingerprint) { return }
        switch expression.kind {
        case .aggregate, .literal, .groupingFlags:
            return
        case .window(let call):
            for child in call.arguments + call.partitionBy + call.orderBy.map(\.expression) {
                try checkGrouped(child, keys: keys)
            }
        case .column(let reference):
            throw Binder.error("expression '\(reference.column)' is neither in the GROUP BY nor inside an aggregate "
                               + "function", at: expression.span, code: "HQL3034")
        default:
            for child in expression.children { try checkGrouped(child, keys: keys) }
        }
    }

    /// A GROUP BY key: an expression, or a select-list position (`GROUP BY 1`).
    mutating func bindGroupKey(_ expression: Expression, items: [BoundExpression], in scope: Scope) throws -> BoundExpression {
        if case .literal(.number(let text, nil)) = expression.kind, let position = Int(text) {
            guard position >= 1, position <= items.count else {
                throw Binder.error("GROUP BY position \(position) is not in the select list", at: expression.span,
                                   code: "HQL3033")
            }
            return items[position - 1]
        }
        return try bind(expression, in: scope, allowAggregates: false)
    }

    /// Replaces the placeholder `grouping(..)` calls bound before the GROUP BY keys were known.
    func rebindGrouping(_ expression: BoundExpression) throws -> BoundExpression {
        guard case .function(let call) = expression.kind, call.name == "#grouping" else {
            return try expression.mappingChildren { try rebindGrouping($0) }
        }
        guard let keys = activeGroupKeys else { return expression }
        var indices: [Int] = []
        if call.arguments.isEmpty {
            indices = Array(keys.indices)
        } else {
            for argument in call.arguments {
                guard let index = keys.firstIndex(where: { $0.fingerprint == argument.fingerprint }) else {
                    throw Binder.error("the argument of grouping() must be a GROUP BY key", at: argument.span,
                                       code: "HQL3062")
                }
                indices.append(index)
            }
        }
        return BoundExpression(.groupingFlags(indices), type: expression.type, span: expression.span)
    }

    // MARK: - FROM

    mutating func bindRelation(_ reference: TableReference, ctes: [String: Query],
                               scope: inout Scope) throws -> BoundRelation {
        switch reference.kind {
        case .table(let named):
            if named.sample != nil { throw Binder.unsupported("TABLESAMPLE", at: reference.span) }
            let visibleName = (named.alias ?? named.name.name).name
            if named.name.parts.count == 1, let cte = ctes[named.name.name.name.lowercased()] {
                let query = try bind(cte, outer: ctes)
                let alias = makeAlias()
                scope.relations.append(Scope.Relation(name: visibleName, sqlAlias: alias,
                                                      columns: query.columns.map { ColumnDescriptor(name: $0.name, type: $0.type) }))
                return .subquery(query, alias: alias)
            }
            let table = try lookupTable(named.name)
            if table.kind == .view {
                let query = try bindView(table, span: reference.span)
                let alias = makeAlias()
                scope.relations.append(Scope.Relation(name: visibleName, sqlAlias: alias, columns: table.columns))
                return .subquery(query, alias: alias)
            }
            let alias = makeAlias()
            scope.relations.append(Scope.Relation(name: visibleName, sqlAlias: alias, columns: table.allColumns))
            return .table(table, alias: alias)
        case .subquery(let query, let aliasName, let columnAliases):
            let bound = try bind(query, outer: ctes)
            var columns = bound.columns.map { ColumnDescriptor(name: $0.name, type: $0.type) }
            if !columnAliases.isEmpty {
                guard columnAliases.count == columns.count else {
                    throw Binder.error("the alias list names \(columnAliases.count) columns but the subquery has "
                                       + "\(columns.count)", at: reference.span, code: "HQL3035")
                }
                for index in columns.indices { columns[index].name = columnAliases[index].name }
            }
            let alias = makeAlias()
            scope.relations.append(Scope.Relation(name: aliasName?.name ?? alias, sqlAlias: alias, columns: columns))
            var renamed = bound
            renamed.columns = zip(bound.columns, columns).map { OutputColumn(name: $1.name, type: $0.type) }
            return .subquery(renamed, alias: alias)
        case .join(let join):
            let left = try bindRelation(join.left, ctes: ctes, scope: &scope)
            let relationsBeforeRight = scope.relations.count
            let right = try bindRelation(join.right, ctes: ctes, scope: &scope)
            var condition: BoundExpression?
            switch join.condition {
            case .on(let expression)?:
                condition = try coerce(try bind(expression, in: scope, allowAggregates: false), to: .boolean)
            case .using?:
                throw Binder.unsupported("JOIN .. USING", at: reference.span)
            case nil:
                condition = nil
            }
            if join.type == .leftSemi || join.type == .leftAnti {
                // Only the left side's columns are visible after a semi or anti join, as in Hive.
                scope.relations.removeSubrange(relationsBeforeRight..<scope.relations.count)
            }
            return .join(join.type, left, right, condition: condition)
        case .parenthesized(let inner):
            return try bindRelation(inner, ctes: ctes, scope: &scope)
        case .lateralView(let lateral):
            return try bindLateralView(lateral, span: reference.span, ctes: ctes, scope: &scope)
        case .values, .tableFunction:
            throw Binder.unsupported("this FROM source", at: reference.span)
        }
    }

    /// `LATERAL VIEW [OUTER] explode(array|map) t [AS c, ..]` and `posexplode(array)`.
    mutating func bindLateralView(_ lateral: LateralView, span: Span, ctes: [String: Query],
                                  scope: inout Scope) throws -> BoundRelation {
        let source = try bindRelation(lateral.source, ctes: ctes, scope: &scope)
        let name = lateral.function.name.name.name.lowercased()
        guard ["explode", "posexplode"].contains(name), lateral.function.arguments.count == 1 else {
            throw Binder.unsupported("LATERAL VIEW \(name)", at: span)
        }
        let collection = try bind(lateral.function.arguments[0], in: scope, allowAggregates: false)
        var columns: [ColumnDescriptor] = []
        var reads: [(sqlColumn: String, element: ColumnReference.JSONElement?)] = []
        if name == "posexplode" {
            columns.append(ColumnDescriptor(name: "pos", type: .int))
            reads.append(("key", nil))
        }
        switch collection.type {
        case .array(let element):
            columns.append(ColumnDescriptor(name: "col", type: element))
            reads.append(("value", .value))
        case .map(let key, let value) where name == "explode":
            columns.append(ColumnDescriptor(name: "key", type: key))
            columns.append(ColumnDescriptor(name: "value", type: value))
            reads.append(("key", .key))
            reads.append(("value", .value))
        default:
            throw Binder.error("\(name) needs an ARRAY\(name == "explode" ? " or a MAP" : ""), found \(collection.type)",
                               at: collection.span, code: "HQL3063")
        }
        if !lateral.columnAliases.isEmpty {
            guard lateral.columnAliases.count == columns.count else {
                throw Binder.error("\(name) gives \(columns.count) column(s) but \(lateral.columnAliases.count) "
                                   + "alias(es) are listed", at: span, code: "HQL3064")
            }
            for index in columns.indices { columns[index].name = lateral.columnAliases[index].name }
        }
        let alias = makeAlias()
        scope.relations.append(Scope.Relation(name: lateral.tableAlias?.name ?? alias, sqlAlias: alias,
                                              columns: columns, lateralColumns: reads))
        return .lateral(source, collection: collection, alias: alias, isOuter: lateral.isOuter)
    }

    // MARK: - ORDER BY and LIMIT

    mutating func bindOrderItem(_ item: OrderItem, columns: [OutputColumn], body: BoundQueryBody,
                                scope: Scope?) throws -> BoundOrderItem {
        let descending = item.direction == .descending
        let nullsFirst = item.nulls.map { $0 == .first }
        // ORDER BY 2 (Spark's default; Hive with hive.groupby.orderby.position.alias) and ORDER BY alias.
        if case .literal(.number(let text, nil)) = item.expression.kind, let position = Int(text) {
            guard position >= 1, position <= columns.count else {
                throw Binder.error("ORDER BY position \(position) is not in the select list", at: item.expression.span,
                                   code: "HQL3033")
            }
            return BoundOrderItem(key: .outputColumn(position - 1), descending: descending, nullsFirst: nullsFirst)
        }
        if case .column(let parts) = item.expression.kind, parts.count == 1,
           let index = columns.firstIndex(where: { $0.name.lowercased() == parts[0].name.lowercased() }) {
            return BoundOrderItem(key: .outputColumn(index), descending: descending, nullsFirst: nullsFirst)
        }
        guard let scope, case .select = body else {
            throw Binder.error("ORDER BY of a set operation must name a result column", at: item.expression.span,
                               code: "HQL3036")
        }
        let bound = try bind(item.expression, in: scope, allowAggregates: true)
        return BoundOrderItem(key: .expression(bound), descending: descending, nullsFirst: nullsFirst)
    }

    func bindCount(_ expression: Expression, _ clause: String) throws -> Int64 {
        guard case .literal(.number(let text, _)) = expression.kind, let value = Int64(text), value >= 0 else {
            throw Binder.error("\(clause) takes a non-negative whole number", at: expression.span, code: "HQL3037")
        }
        return value
    }
}
