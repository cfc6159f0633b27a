/// Expressions: literals, operators with the parentheses precedence requires, calls, windows.
extension HQLPrinter {
    /// Binding strengths as the printer sees them, lowest first. Binary operators use
    /// `BinaryOperator.precedence` (1 OR … 9 multiplicative); the rest slot in around them.
    enum Level {
        /// Lambdas bind loosest: `x -> x + 1`.
        static let lambda = 0
        /// `NOT x`, between AND (2) and comparison (4).
        static let not = 3
        /// `IS [NOT] NULL`, `BETWEEN`, `IN`, `LIKE`: the level of comparisons.
        static let predicate = 4
        /// `-x`, `+x`, `~x`.
        static let unary = 10
        /// `a[i]`, `a.f`.
        static let postfix = 11
        /// Literals, names, calls, `CASE`, `CAST`, parenthesised things.
        static let primary = 12
    }

    /// How tightly an expression binds when printed without parentheses of its own.
    static func level(of expression: Expression) -> Int {
        switch expression.kind {
        case .lambda: return Level.lambda
        case .binary(let op, _, _): return op.precedence
        case .unary(let op, _):
            switch op {
            case .not: return Level.not
            case .negate, .plus, .bitwiseNot: return Level.unary
            }
        case .between, .inList, .inSubquery, .isNull, .isBoolean, .like: return Level.predicate
        case .subscript, .field: return Level.postfix
        case .literal(let literal):
            if case .number(let text, _) = literal, text.hasPrefix("-") { return Level.unary }
            return Level.primary
        case .column, .star, .exists, .caseWhen, .cast, .function, .scalarSubquery, .tuple, .parenthesized:
            return Level.primary
        }
    }

    /// Prints an expression, in parentheses when it binds less tightly than `minimum`.
    mutating func printExpression(_ expression: Expression, minimum: Int = Level.lambda) {
        if HQLPrinter.level(of: expression) < minimum {
            out.append("(")
            printExpressionBody(expression)
            out.append(")")
        } else {
            printExpressionBody(expression)
        }
    }

    /// Expressions separated by `, `.
    mutating func printExpressions(_ expressions: [Expression]) {
        commaSeparated(expressions) { $0.printExpression($1) }
    }

    // MARK: - Dispatch

    private mutating func printExpressionBody(_ expression: Expression) {
        switch expression.kind {
        case .literal(let literal):
            printLiteral(literal)
        case .column(let parts):
            for (index, part) in parts.enumerated() {
                if index > 0 { out.append(".") }
                printIdentifier(part)
            }
        case .star(let qualifier):
            for part in qualifier {
                printIdentifier(part)
                out.append(".")
            }
            out.append("*")
        case .unary(let op, let operand):
            printUnary(op, operand)
        case .binary:
            printBinaryChain(expression)
        case .between(let between):
            printExpression(between.value, minimum: Level.predicate)
            out += between.negated ? " NOT BETWEEN " : " BETWEEN "
            printExpression(between.low, minimum: Level.predicate + 1)
            out += " AND "
            printExpression(between.high, minimum: Level.predicate + 1)
        case .inList(let inList):
            printExpression(inList.value, minimum: Level.predicate)
            out += inList.negated ? " NOT IN (" : " IN ("
            printExpressions(inList.list)
            out.append(")")
        case .inSubquery(let inSubquery):
            printExpression(inSubquery.value, minimum: Level.predicate)
            out += inSubquery.negated ? " NOT IN " : " IN "
            printSubquery(inSubquery.query)
        case .exists(let query, let negated):
            out += negated ? "NOT EXISTS " : "EXISTS "
            printSubquery(query)
        case .isNull(let operand, let negated):
            printExpression(operand, minimum: Level.predicate)
            out += negated ? " IS NOT NULL" : " IS NULL"
        case .isBoolean(let operand, let value, let negated):
            printExpression(operand, minimum: Level.predicate)
            out += negated ? " IS NOT " : " IS "
            out += value ? "TRUE" : "FALSE"
        case .like(let like):
            printLike(like)
        case .caseWhen(let caseWhen):
            printCase(caseWhen)
        case .cast(let cast):
            out += "CAST("
            printExpression(cast.value, minimum: Level.lambda + 1)
            out += " AS "
            printType(cast.type)
            out.append(")")
        case .function(let call):
            printFunctionCall(call)
        case .subscript(let base, let index):
            printExpression(base, minimum: Level.postfix)
            out.append("[")
            printExpression(index)
            out.append("]")
        case .field(let base, let name):
            printExpression(base, minimum: Level.postfix)
            out.append(".")
            printIdentifier(name)
        case .scalarSubquery(let query):
            printSubquery(query)
        case .lambda(let parameters, let body):
            if parameters.count == 1 {
                printIdentifier(parameters[0])
            } else {
                out.append("(")
                printIdentifierList(parameters)
                out.append(")")
            }
            out += " -> "
            printExpression(body)
        case .tuple(let elements):
            out.append("(")
            printExpressions(elements)
            out.append(")")
        case .parenthesized(let inner):
            out.append("(")
            printExpression(inner)
            out.append(")")
        }
    }

    /// A binary operator and the left-deep chain below it (`a AND b AND c ..`, as precedence climbing builds it),
    /// walked with a loop rather than recursion so that a condition of thousands of terms cannot exhaust the stack.
    private mutating func printBinaryChain(_ expression: Expression) {
        var spine: [(BinaryOperator, Expression)] = []
        var node = expression
        while case .binary(let op, let left, let right) = node.kind {
            spine.append((op, right))
            node = left
            guard case .binary(let leftOperator, _, _) = left.kind, leftOperator.precedence >= op.precedence else {
                break
            }
        }
        guard let innermost = spine.last else { return }
        printExpression(node, minimum: innermost.0.precedence)
        for (op, right) in spine.reversed() {
            out.append(" ")
            out += op.rawValue
            out.append(" ")
            printExpression(right, minimum: op.precedence + 1)
        }
    }

    /// `(query)` inside an expression, always on one line.
    private mutating func printSubquery(_ query: Query) {
        compactly { printer in
            printer.out.append("(")
            printer.printQuery(query)
            printer.out.append(")")
        }
    }

    private mutating func printUnary(_ op: UnaryOperator, _ operand: Expression) {
        switch op {
        case .not:
            out += "NOT "
            printExpression(operand, minimum: Level.not)
        case .negate, .plus, .bitwiseNot:
            out += op.rawValue
            // `- -x` must not become the comment `--x`.
            if op != .bitwiseNot, startsWithSign(operand) { out.append(" ") }
            printExpression(operand, minimum: Level.unary)
        }
    }

    private func startsWithSign(_ expression: Expression) -> Bool {
        switch expression.kind {
        case .unary(.negate, _), .unary(.plus, _): return true
        case .literal(.number(let text, _)): return text.hasPrefix("-") || text.hasPrefix("+")
        default: return false
        }
    }

    private mutating func printLike(_ like: Like) {
        printExpression(like.value, minimum: Level.predicate)
        out += like.negated ? " NOT " : " "
        out += like.op.rawValue
        if let quantifier = like.quantifier {
            out.append(" ")
            out += quantifier.rawValue
            out += " ("
            printExpressions(like.patterns)
            out.append(")")
        } else {
            out.append(" ")
            commaSeparated(like.patterns) { $0.printExpression($1, minimum: Level.predicate + 1) }
        }
    }

    private mutating func printCase(_ caseWhen: CaseWhen) {
        out += "CASE"
        if let operand = caseWhen.operand {
            out.append(" ")
            printExpression(operand, minimum: Level.lambda + 1)
        }
        for branch in caseWhen.branches {
            out += " WHEN "
            printExpression(branch.condition, minimum: Level.lambda + 1)
            out += " THEN "
            printExpression(branch.result, minimum: Level.lambda + 1)
        }
        if let elseResult = caseWhen.elseResult {
            out += " ELSE "
            printExpression(elseResult, minimum: Level.lambda + 1)
        }
        out += " END"
    }

    // MARK: - Literals

    /// A literal: strings quoted to decode back, numbers as written with their suffix.
    mutating func printLiteral(_ literal: Literal) {
        switch literal {
        case .string(let value):
            printString(value)
        case .number(let text, let suffix):
            out += text
            if let suffix { out += suffix.rawValue }
        case .boolean(let value):
            out += value ? "TRUE" : "FALSE"
        case .null:
            out += "NULL"
        case .date(let value):
            out += "DATE "
            printString(value)
        case .timestamp(let value):
            out += "TIMESTAMP "
            printString(value)
        case .binary(let hex):
            out += "X'"
            out += hex
            out.append("'")
        case .interval(let interval):
            out += "INTERVAL"
            for component in interval.components {
                out.append(" ")
                printExpression(component.value, minimum: Level.unary)
                out.append(" ")
                out += component.unit.rawValue
            }
            if let toUnit = interval.toUnit {
                out += " TO "
                out += toUnit.rawValue
            }
        }
    }

    // MARK: - Calls and windows

    /// `name([DISTINCT] args | *) [IGNORE NULLS] [FILTER (WHERE ..)] [OVER ..]`, the name as written.
    mutating func printFunctionCall(_ call: FunctionCall) {
        if printExtract(call) { return }
        for (index, part) in call.name.parts.enumerated() {
            if index > 0 { out.append(".") }
            printFunctionNamePart(part)
        }
        out.append("(")
        if call.isDistinct { out += call.arguments.isEmpty && !call.isStar ? "DISTINCT" : "DISTINCT " }
        if call.isStar {
            out.append("*")
        } else {
            printExpressions(call.arguments)
        }
        out.append(")")
        if call.ignoreNulls { out += " IGNORE NULLS" }
        if let filter = call.filter {
            out += " FILTER (WHERE "
            printExpression(filter)
            out.append(")")
        }
        if let over = call.over {
            out += " OVER "
            switch over {
            case .named(let name): printIdentifier(name)
            case .specification(let specification): printWindowSpecification(specification)
            }
        }
    }

    /// `EXTRACT(field FROM value)`, which the parser keeps as the call `extract(field, value)`; written back
    /// with FROM, the only spelling Hive and Spark accept. Returns false for any other call.
    private mutating func printExtract(_ call: FunctionCall) -> Bool {
        guard call.name.parts.count == 1, !call.name.parts[0].isQuoted,
              HQLPrinter.asciiUppercased(call.name.parts[0].name) == "EXTRACT", call.arguments.count == 2,
              !call.isDistinct, !call.isStar, !call.ignoreNulls, call.filter == nil, call.over == nil,
              case .column(let field) = call.arguments[0].kind, field.count == 1, !field[0].isQuoted,
              HQLPrinter.lexesAsWord(field[0].name) else { return false }
        printFunctionNamePart(call.name.parts[0])
        out.append("(")
        out += field[0].name
        out += " FROM "
        printExpression(call.arguments[1])
        out.append(")")
        return true
    }

    /// `(base PARTITION BY .. ORDER BY .. frame)`
    mutating func printWindowSpecification(_ specification: WindowSpecification) {
        out.append("(")
        var needsSpace = false
        if let base = specification.baseWindow {
            printBareName(base)
            needsSpace = true
        }
        if !specification.partitionBy.isEmpty {
            if needsSpace { out.append(" ") }
            out += "PARTITION BY "
            printExpressions(specification.partitionBy)
            needsSpace = true
        }
        if !specification.orderBy.isEmpty {
            if needsSpace { out.append(" ") }
            out += "ORDER BY "
            printOrderItems(specification.orderBy)
            needsSpace = true
        }
        if let frame = specification.frame {
            if needsSpace { out.append(" ") }
            out += frame.unit.rawValue
            if let end = frame.end {
                out += " BETWEEN "
                printFrameBound(frame.start)
                out += " AND "
                printFrameBound(end)
            } else {
                out.append(" ")
                printFrameBound(frame.start)
            }
        }
        out.append(")")
    }

    private mutating func printFrameBound(_ bound: WindowFrame.Bound) {
        switch bound {
        case .unboundedPreceding: out += "UNBOUNDED PRECEDING"
        case .preceding(let offset):
            printExpression(offset, minimum: Level.predicate + 1)
            out += " PRECEDING"
        case .currentRow: out += "CURRENT ROW"
        case .following(let offset):
            printExpression(offset, minimum: Level.predicate + 1)
            out += " FOLLOWING"
        case .unboundedFollowing: out += "UNBOUNDED FOLLOWING"
        }
    }

    /// `expr [ASC|DESC] [NULLS FIRST|LAST], ..`
    mutating func printOrderItems(_ items: [OrderItem]) {
        commaSeparated(items) { printer, item in
            printer.printExpression(item.expression)
            if let direction = item.direction {
                printer.out.append(" ")
                printer.out += direction.rawValue
            }
            if let nulls = item.nulls {
                printer.out.append(" ")
                printer.out += nulls.rawValue
            }
        }
    }
}
