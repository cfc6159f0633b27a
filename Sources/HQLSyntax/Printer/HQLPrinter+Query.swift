/// Queries: CTEs, SELECT blocks, set operations, and the sources of `FROM`.
extension HQLPrinter {
    /// A select list longer than this is printed one item per line in the pretty layout.
    static let prettySelectListWidth = 72

    /// `[WITH ..] body [ORDER BY ..] [CLUSTER BY ..] [DISTRIBUTE BY ..] [SORT BY ..] [LIMIT ..] [OFFSET ..]`
    mutating func printQuery(_ query: Query) {
        if let with = query.with {
            printWith(with)
            clauseBreak()
        }
        printQueryBody(query.body)
        if !query.orderBy.isEmpty {
            clauseBreak()
            out += "ORDER BY "
            compactly { $0.printOrderItems(query.orderBy) }
        }
        if !query.clusterBy.isEmpty {
            clauseBreak()
            out += "CLUSTER BY "
            compactly { $0.printExpressions(query.clusterBy) }
        }
        if !query.distributeBy.isEmpty {
            clauseBreak()
            out += "DISTRIBUTE BY "
            compactly { $0.printExpressions(query.distributeBy) }
        }
        if !query.sortBy.isEmpty {
            clauseBreak()
            out += "SORT BY "
            compactly { $0.printOrderItems(query.sortBy) }
        }
        if let limit = query.limit {
            clauseBreak()
            out += "LIMIT "
            compactly { $0.printExpression(limit) }
        }
        if let offset = query.offset {
            clauseBreak()
            out += "OFFSET "
            compactly { $0.printExpression(offset) }
        }
    }

    /// `WITH [RECURSIVE] a [(cols)] AS (query), ..`: each CTE on its own lines in the pretty layout.
    mutating func printWith(_ with: WithClause) {
        out += with.isRecursive ? "WITH RECURSIVE " : "WITH "
        for (index, table) in with.tables.enumerated() {
            if index > 0 {
                out.append(",")
                clauseBreak()
            }
            printIdentifier(table.name)
            if !table.columns.isEmpty {
                out += " ("
                printIdentifierList(table.columns)
                out.append(")")
            }
            out += " AS "
            parenthesizedQuery(table.query)
        }
    }

    /// A SELECT block, a set operation, `VALUES ..` or a parenthesised query.
    mutating func printQueryBody(_ body: QueryBody) {
        switch body {
        case .select(let select):
            printSelect(select)
        case .setOperation:
            printSetOperationChain(body)
        case .values(let rows):
            printValuesRows(rows)
        case .parenthesized(let query):
            parenthesizedQuery(query)
        }
    }

    /// A set operation and the left-deep chain below it (`a UNION b UNION c ..`), walked with a loop.
    private mutating func printSetOperationChain(_ body: QueryBody) {
        var spine: [SetOperation] = []
        var node = body
        while case .setOperation(let operation) = node {
            spine.append(operation)
            node = operation.left
            guard case .setOperation(let child) = operation.left,
                  HQLPrinter.setOperationRank(child.op) >= HQLPrinter.setOperationRank(operation.op) else { break }
        }
        guard let innermost = spine.last else { return }
        printSetOperand(node, of: innermost, isRight: false)
        for operation in spine.reversed() {
            clauseBreak()
            out += operation.op.rawValue
            if let quantifier = operation.quantifier {
                out.append(" ")
                out += quantifier.rawValue
            }
            clauseBreak()
            printSetOperand(operation.right, of: operation, isRight: true)
        }
    }

    /// Set operations are left-associative, with INTERSECT binding tighter than UNION/EXCEPT/MINUS
    /// (Spark's rule); an operand that would regroup differently is put in parentheses.
    private mutating func printSetOperand(_ operand: QueryBody, of parent: SetOperation, isRight: Bool) {
        if case .setOperation(let child) = operand {
            let parentRank = HQLPrinter.setOperationRank(parent.op)
            let childRank = HQLPrinter.setOperationRank(child.op)
            let needsParentheses = isRight ? childRank <= parentRank : childRank < parentRank
            if needsParentheses {
                parenthesizedQuery(Query(body: operand))
                return
            }
        }
        printQueryBody(operand)
    }

    /// How tightly a set operator binds: INTERSECT above UNION, EXCEPT and MINUS.
    static func setOperationRank(_ op: SetOperation.Operator) -> Int {
        switch op {
        case .union, .except, .minus: return 1
        case .intersect: return 2
        }
    }

    /// `VALUES (1, 'a'), (2, 'b')`; in the pretty layout a long list puts each row on its own indented line.
    mutating func printValuesRows(_ rows: [[Expression]]) {
        out += "VALUES"
        var rendered: [String] = []
        rendered.reserveCapacity(rows.count)
        var width = 0
        for row in rows {
            var printer = HQLPrinter(style: .compact, capacity: 32)
            printer.out.append("(")
            printer.printExpressions(row)
            printer.out.append(")")
            width += printer.out.utf8.count + 2
            rendered.append(printer.out)
        }
        if style == .pretty, rows.count > 1, width > HQLPrinter.prettySelectListWidth {
            indented { printer in
                for (index, text) in rendered.enumerated() {
                    if index > 0 { printer.out.append(",") }
                    printer.newline()
                    printer.out += text
                }
            }
            return
        }
        out.append(" ")
        for (index, text) in rendered.enumerated() {
            if index > 0 { out += ", " }
            out += text
        }
    }

    // MARK: - SELECT

    /// One SELECT block, or Hive's from-first `FROM t SELECT ..`, with its WHERE, GROUP BY, HAVING, WINDOW.
    mutating func printSelect(_ select: Select) {
        if select.isFromFirst, !select.from.isEmpty {
            out += "FROM "
            printTableReferences(select.from)
            clauseBreak()
        }
        out += "SELECT "
        if let quantifier = select.quantifier {
            out += quantifier.rawValue
            out.append(" ")
        }
        printSelectItems(select.items)
        if !select.isFromFirst, !select.from.isEmpty {
            clauseBreak()
            out += "FROM "
            printTableReferences(select.from)
        }
        if let whereClause = select.whereClause {
            clauseBreak()
            out += "WHERE "
            printCondition(whereClause)
        }
        if let groupBy = select.groupBy {
            clauseBreak()
            compactly { $0.printGroupBy(groupBy) }
        }
        if let having = select.having {
            clauseBreak()
            out += "HAVING "
            printCondition(having)
        }
        if !select.windows.isEmpty {
            clauseBreak()
            out += "WINDOW "
            compactly { printer in
                printer.commaSeparated(select.windows) { printer, window in
                    printer.printIdentifier(window.name)
                    printer.out += " AS "
                    printer.printWindowSpecification(window.specification)
                }
            }
        }
    }

    private mutating func printSelectItems(_ items: [SelectItem]) {
        guard style == .pretty else {
            compactly { printer in printer.commaSeparated(items) { $0.printSelectItem($1) } }
            return
        }
        var rendered: [String] = []
        rendered.reserveCapacity(items.count)
        var width = 0
        for item in items {
            var printer = HQLPrinter(style: .compact, capacity: 32)
            printer.printSelectItem(item)
            width += printer.out.utf8.count + 2
            rendered.append(printer.out)
        }
        if width <= HQLPrinter.prettySelectListWidth && !rendered.contains(where: { $0.contains("\n") }) {
            for (index, text) in rendered.enumerated() {
                if index > 0 { out += ", " }
                out += text
            }
            return
        }
        // One item per line: drop the space written after SELECT.
        if out.hasSuffix(" ") { out.removeLast() }
        indented { printer in
            for (index, text) in rendered.enumerated() {
                if index > 0 { printer.out.append(",") }
                printer.newline()
                if text.utf8.count > HQLPrinter.prettySelectListWidth, case .caseWhen(let caseWhen) = items[index].expression.kind {
                    printer.printMultilineCase(caseWhen)
                    printer.printAliases(of: items[index])
                } else {
                    printer.out += text
                }
            }
        }
    }

    /// A long `CASE` of a select list in the pretty layout: each WHEN and the ELSE on its own indented line.
    private mutating func printMultilineCase(_ caseWhen: CaseWhen) {
        out += "CASE"
        compactly { printer in
            if let operand = caseWhen.operand {
                printer.out.append(" ")
                printer.printExpression(operand, minimum: Level.lambda + 1)
            }
        }
        indented { printer in
            for branch in caseWhen.branches {
                printer.newline()
                printer.out += "WHEN "
                printer.compactly { $0.printExpression(branch.condition, minimum: Level.lambda + 1) }
                printer.out += " THEN "
                printer.compactly { $0.printExpression(branch.result, minimum: Level.lambda + 1) }
            }
            if let elseResult = caseWhen.elseResult {
                printer.newline()
                printer.out += "ELSE "
                printer.compactly { $0.printExpression(elseResult, minimum: Level.lambda + 1) }
            }
        }
        newline()
        out += "END"
    }

    /// `expression [AS alias | AS (a, b)]`
    mutating func printSelectItem(_ item: SelectItem) {
        printExpression(item.expression)
        printAliases(of: item)
    }

    /// ` AS a` or ` AS (a, b)` after a select item.
    private mutating func printAliases(of item: SelectItem) {
        if item.hasParenthesizedAliases || item.aliases.count > 1 {
            out += " AS ("
            printIdentifierList(item.aliases)
            out.append(")")
        } else if let alias = item.aliases.first {
            out += " AS "
            printIdentifier(alias)
        }
    }

    private mutating func printGroupBy(_ groupBy: GroupBy) {
        out += "GROUP BY"
        switch groupBy.modifier {
        case .none:
            out.append(" ")
            printExpressions(groupBy.expressions)
        case .withRollup:
            out.append(" ")
            printExpressions(groupBy.expressions)
            out += " WITH ROLLUP"
        case .withCube:
            out.append(" ")
            printExpressions(groupBy.expressions)
            out += " WITH CUBE"
        case .groupingSets(let sets):
            if !groupBy.expressions.isEmpty {
                out.append(" ")
                printExpressions(groupBy.expressions)
            }
            out += " GROUPING SETS ("
            commaSeparated(sets) { printer, set in
                if set.count == 1 {
                    printer.printExpression(set[0])
                } else {
                    printer.out.append("(")
                    printer.printExpressions(set)
                    printer.out.append(")")
                }
            }
            out.append(")")
        case .rollup:
            out += " ROLLUP("
            printExpressions(groupBy.expressions)
            out.append(")")
        case .cube:
            out += " CUBE("
            printExpressions(groupBy.expressions)
            out.append(")")
        }
    }

    /// A WHERE or HAVING condition. In the pretty layout a long `a AND b AND c` puts each conjunct after the
    /// first on its own indented line, starting with AND; the chain is left-deep, as the parser builds it.
    private mutating func printCondition(_ condition: Expression) {
        guard style == .pretty else {
            printExpression(condition)
            return
        }
        var single = HQLPrinter(style: .compact, capacity: 64)
        single.printExpression(condition)
        var conjuncts: [Expression] = []
        var spine = condition
        while case .binary(.and, let left, let right) = spine.kind {
            conjuncts.append(right)
            spine = left
        }
        guard single.out.utf8.count > HQLPrinter.prettySelectListWidth, !conjuncts.isEmpty else {
            out += single.out
            return
        }
        compactly { $0.printExpression(spine, minimum: BinaryOperator.and.precedence) }
        indented { printer in
            for conjunct in conjuncts.reversed() {
                printer.newline()
                printer.out += "AND "
                printer.compactly { $0.printExpression(conjunct, minimum: BinaryOperator.and.precedence + 1) }
            }
        }
    }

    // MARK: - FROM

    /// The comma-separated sources of a `FROM`.
    mutating func printTableReferences(_ references: [TableReference]) {
        for (index, reference) in references.enumerated() {
            if index > 0 { out += ", " }
            printTableReference(reference)
        }
    }

    /// One source of a FROM: a table, subquery, VALUES, table function, join chain or parenthesised join.
    mutating func printTableReference(_ reference: TableReference) {
        switch reference.kind {
        case .table(let table):
            printQualifiedName(table.name)
            if let sample = table.sample {
                out.append(" ")
                printTableSample(sample)
            }
            printAlias(table.alias, columns: [])
        case .subquery(let query, let alias, let columns):
            parenthesizedQuery(query)
            printAlias(alias, columns: columns)
        case .values(let rows, let alias, let columns):
            printValuesRows(rows)
            printAlias(alias, columns: columns)
        case .tableFunction(let call, let alias, let columns):
            compactly { $0.printFunctionCall(call) }
            printAlias(alias, columns: columns)
        case .join, .lateralView:
            printJoinChain(reference)
        case .parenthesized(let inner):
            // A parenthesised join stays on one line; its joins would otherwise break out of the parentheses.
            compactly { printer in
                printer.out.append("(")
                printer.printTableReference(inner)
                printer.out.append(")")
            }
        }
    }

    /// Joins and lateral views over the source to their left, as the parser chains them left-deep;
    /// walked with a loop so that a FROM of many joins cannot exhaust the stack.
    private mutating func printJoinChain(_ reference: TableReference) {
        var spine: [TableReference] = []
        var node = reference
        while true {
            switch node.kind {
            case .join(let join):
                spine.append(node)
                node = join.left
                continue
            case .lateralView(let view):
                spine.append(node)
                node = view.source
                continue
            case .table, .subquery, .values, .tableFunction, .parenthesized:
                break
            }
            break
        }
        printTableReference(node)
        for step in spine.reversed() {
            switch step.kind {
            case .join(let join):
                printJoinStep(join)
            case .lateralView(let view):
                clauseBreak()
                out += view.isOuter ? "LATERAL VIEW OUTER " : "LATERAL VIEW "
                compactly { $0.printFunctionCall(view.function) }
                if let alias = view.tableAlias {
                    out.append(" ")
                    printBareName(alias)
                }
                if !view.columnAliases.isEmpty {
                    out += " AS "
                    printIdentifierList(view.columnAliases)
                }
            case .table, .subquery, .values, .tableFunction, .parenthesized:
                break
            }
        }
    }

    /// Whether a chain of lateral views stands over a join (which, as a join's right side, needs parentheses).
    static func hasJoinUnderLateralViews(_ reference: TableReference) -> Bool {
        var node = reference
        while case .lateralView(let view) = node.kind { node = view.source }
        if case .join = node.kind { return true }
        return false
    }

    /// ` JOIN right ON ..`, after the left side has been printed.
    private mutating func printJoinStep(_ join: Join) {
        clauseBreak()
        out += join.type.rawValue
        out.append(" ")
        // Joins are left-deep; a join on the right reads back only with its parentheses. Lateral views written
        // before the ON apply to the right source (Hive); without a condition they would apply to the whole join.
        switch join.right.kind {
        case .lateralView where join.condition != nil && !HQLPrinter.hasJoinUnderLateralViews(join.right):
            compactly { $0.printTableReference(join.right) }
        case .join, .lateralView:
            out.append("(")
            printTableReference(join.right)
            out.append(")")
        case .table, .subquery, .values, .tableFunction, .parenthesized:
            printTableReference(join.right)
        }
        if let condition = join.condition {
            switch condition {
            case .on(let expression):
                out += " ON "
                compactly { $0.printExpression(expression) }
            case .using(let columns):
                out += " USING ("
                printIdentifierList(columns)
                out.append(")")
            }
        }
    }

    private mutating func printAlias(_ alias: Identifier?, columns: [Identifier]) {
        if let alias {
            out += " AS "
            printIdentifier(alias)
        }
        if !columns.isEmpty {
            out += alias == nil ? " (" : "("
            printIdentifierList(columns)
            out.append(")")
        }
    }

    private mutating func printTableSample(_ sample: TableSample) {
        out += "TABLESAMPLE ("
        switch sample {
        case .bucket(let numerator, let denominator, let on):
            out += "BUCKET " + String(numerator) + " OUT OF " + String(denominator)
            if !on.isEmpty {
                out += " ON "
                compactly { $0.printExpressions(on) }
            }
        case .percent(let value):
            out += value + " PERCENT"
        case .rows(let count):
            compactly { $0.printExpression(count) }
            out += " ROWS"
        case .bytes(let length):
            out += length
        }
        out.append(")")
    }
}
