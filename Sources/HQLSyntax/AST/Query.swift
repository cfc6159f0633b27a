/// A query: optional CTEs, a body (a SELECT, a set operation, VALUES or a parenthesised query),
/// then the clauses that apply to the whole result.
public struct Query: Equatable, Sendable {
    public var with: WithClause?
    public var body: QueryBody
    public var orderBy: [OrderItem]
    /// Hive's `SORT BY` (order within each reducer; a total order on one machine).
    public var sortBy: [OrderItem]
    public var distributeBy: [Expression]
    public var clusterBy: [Expression]
    public var limit: Expression?
    public var offset: Expression?
    public var span: Span

    public init(with: WithClause? = nil, body: QueryBody, orderBy: [OrderItem] = [], sortBy: [OrderItem] = [],
                distributeBy: [Expression] = [], clusterBy: [Expression] = [], limit: Expression? = nil,
                offset: Expression? = nil, span: Span = .none) {
        self.with = with
        self.body = body
        self.orderBy = orderBy
        self.sortBy = sortBy
        self.distributeBy = distributeBy
        self.clusterBy = clusterBy
        self.limit = limit
        self.offset = offset
        self.span = span
    }

    public static func == (lhs: Query, rhs: Query) -> Bool {
        lhs.with == rhs.with && lhs.body == rhs.body && lhs.orderBy == rhs.orderBy && lhs.sortBy == rhs.sortBy
            && lhs.distributeBy == rhs.distributeBy && lhs.clusterBy == rhs.clusterBy && lhs.limit == rhs.limit
            && lhs.offset == rhs.offset
    }
}

/// `WITH [RECURSIVE] name [(cols)] AS (query), ..`
public struct WithClause: Equatable, Sendable {
    public var isRecursive: Bool
    public var tables: [CommonTableExpression]

    public init(isRecursive: Bool = false, tables: [CommonTableExpression]) {
        self.isRecursive = isRecursive
        self.tables = tables
    }
}

public struct CommonTableExpression: Equatable, Sendable {
    public var name: Identifier
    public var columns: [Identifier]
    public var query: Query

    public init(name: Identifier, columns: [Identifier] = [], query: Query) {
        self.name = name
        self.columns = columns
        self.query = query
    }
}

public indirect enum QueryBody: Equatable, Sendable {
    case select(Select)
    case setOperation(SetOperation)
    /// `VALUES (..), (..)` as a query.
    case values([[Expression]])
    /// `(query)` inside a set operation or at the top.
    case parenthesized(Query)
}

/// `left UNION|INTERSECT|EXCEPT|MINUS [ALL|DISTINCT] right`
public struct SetOperation: Equatable, Sendable {
    public enum Operator: String, Equatable, Sendable {
        case union = "UNION"
        case intersect = "INTERSECT"
        case except = "EXCEPT"
        /// Hive/Spark's synonym of EXCEPT, kept for faithful printing.
        case minus = "MINUS"
    }

    public var op: Operator
    /// nil when not written; `.all` or `.distinct` when written.
    public var quantifier: SetQuantifier?
    public var left: QueryBody
    public var right: QueryBody

    public init(op: Operator, quantifier: SetQuantifier?, left: QueryBody, right: QueryBody) {
        self.op = op
        self.quantifier = quantifier
        self.left = left
        self.right = right
    }
}

public enum SetQuantifier: String, Equatable, Sendable {
    case all = "ALL"
    case distinct = "DISTINCT"
}

/// One `SELECT` block.
public struct Select: Equatable, Sendable {
    public var quantifier: SetQuantifier?
    public var items: [SelectItem]
    /// The comma-separated `FROM` sources; empty for `SELECT 1`.
    public var from: [TableReference]
    /// Hive's from-first form `FROM t SELECT ..`, kept for faithful printing.
    public var isFromFirst: Bool
    public var whereClause: Expression?
    public var groupBy: GroupBy?
    public var having: Expression?
    public var windows: [NamedWindow]
    public var span: Span

    public init(quantifier: SetQuantifier? = nil, items: [SelectItem], from: [TableReference] = [],
                isFromFirst: Bool = false, whereClause: Expression? = nil, groupBy: GroupBy? = nil,
                having: Expression? = nil, windows: [NamedWindow] = [], span: Span = .none) {
        self.quantifier = quantifier
        self.items = items
        self.from = from
        self.isFromFirst = isFromFirst
        self.whereClause = whereClause
        self.groupBy = groupBy
        self.having = having
        self.windows = windows
        self.span = span
    }

    public static func == (lhs: Select, rhs: Select) -> Bool {
        lhs.quantifier == rhs.quantifier && lhs.items == rhs.items && lhs.from == rhs.from
            && lhs.isFromFirst == rhs.isFromFirst && lhs.whereClause == rhs.whereClause
            && lhs.groupBy == rhs.groupBy && lhs.having == rhs.having && lhs.windows == rhs.windows
    }
}

/// An item of the select list: an expression with an optional alias, or several aliases for a
/// table-generating function (`explode(m) AS (k, v)`).
public struct SelectItem: Equatable, Sendable {
    public var expression: Expression
    public var aliases: [Identifier]
    /// `AS (a, b)` — printed with parentheses even for one name.
    public var hasParenthesizedAliases: Bool

    public init(expression: Expression, aliases: [Identifier] = [], hasParenthesizedAliases: Bool = false) {
        self.expression = expression
        self.aliases = aliases
        self.hasParenthesizedAliases = hasParenthesizedAliases
    }
}

/// `GROUP BY` with its Hive/Spark variants.
public struct GroupBy: Equatable, Sendable {
    public enum Modifier: Equatable, Sendable {
        /// Plain `GROUP BY a, b`.
        case none
        /// `GROUP BY a, b WITH ROLLUP`
        case withRollup
        /// `GROUP BY a, b WITH CUBE`
        case withCube
        /// `GROUP BY a, b GROUPING SETS ((a, b), a, ())`
        case groupingSets([[Expression]])
        /// `GROUP BY ROLLUP(a, b)` (Hive 3 / Spark)
        case rollup
        /// `GROUP BY CUBE(a, b)` (Hive 3 / Spark)
        case cube
    }

    public var expressions: [Expression]
    public var modifier: Modifier

    public init(expressions: [Expression], modifier: Modifier = .none) {
        self.expressions = expressions
        self.modifier = modifier
    }
}

/// `WINDOW w AS (..)`
public struct NamedWindow: Equatable, Sendable {
    public var name: Identifier
    public var specification: WindowSpecification

    public init(name: Identifier, specification: WindowSpecification) {
        self.name = name
        self.specification = specification
    }
}

/// A source in `FROM`: a table, a subquery, VALUES, a join, or a lateral view over another source.
public struct TableReference: Equatable, Sendable {
    public var kind: TableReferenceKind
    public var span: Span

    public init(_ kind: TableReferenceKind, span: Span = .none) {
        self.kind = kind
        self.span = span
    }

    public static func == (lhs: TableReference, rhs: TableReference) -> Bool { lhs.kind == rhs.kind }
}

public indirect enum TableReferenceKind: Equatable, Sendable {
    case table(NamedTable)
    case subquery(Query, alias: Identifier?, columnAliases: [Identifier])
    /// `VALUES (..), (..) [AS] t(a, b)` in `FROM` (Spark).
    case values([[Expression]], alias: Identifier?, columnAliases: [Identifier])
    /// A table-valued function such as Spark's `range(10)` or `explode(..)` in `FROM`.
    case tableFunction(FunctionCall, alias: Identifier?, columnAliases: [Identifier])
    case join(Join)
    case lateralView(LateralView)
    /// `(a JOIN b)` kept for printing.
    case parenthesized(TableReference)
}

/// `[db.]name [TABLESAMPLE (..)] [[AS] alias]`
public struct NamedTable: Equatable, Sendable {
    public var name: QualifiedName
    public var alias: Identifier?
    public var sample: TableSample?

    public init(name: QualifiedName, alias: Identifier? = nil, sample: TableSample? = nil) {
        self.name = name
        self.alias = alias
        self.sample = sample
    }
}

/// `TABLESAMPLE (BUCKET x OUT OF y [ON expr, ..])`, `TABLESAMPLE (n PERCENT)`, `(n ROWS)`, `(100M)`.
public enum TableSample: Equatable, Sendable {
    case bucket(numerator: Int, denominator: Int, on: [Expression])
    case percent(String)
    case rows(Expression)
    /// A byte length such as `100M` or `1k`, kept as written.
    case bytes(String)
}

public struct Join: Equatable, Sendable {
    public enum JoinType: String, Equatable, Sendable {
        case inner = "JOIN"
        case cross = "CROSS JOIN"
        case left = "LEFT OUTER JOIN"
        case right = "RIGHT OUTER JOIN"
        case full = "FULL OUTER JOIN"
        case leftSemi = "LEFT SEMI JOIN"
        case leftAnti = "LEFT ANTI JOIN"
    }

    public enum Condition: Equatable, Sendable {
        case on(Expression)
        case using([Identifier])
    }

    public var type: JoinType
    public var left: TableReference
    public var right: TableReference
    public var condition: Condition?

    public init(type: JoinType, left: TableReference, right: TableReference, condition: Condition?) {
        self.type = type
        self.left = left
        self.right = right
        self.condition = condition
    }
}

/// `source LATERAL VIEW [OUTER] udtf(..) tableAlias [AS col, ..]`
public struct LateralView: Equatable, Sendable {
    public var source: TableReference
    public var isOuter: Bool
    public var function: FunctionCall
    public var tableAlias: Identifier?
    public var columnAliases: [Identifier]

    public init(source: TableReference, isOuter: Bool, function: FunctionCall, tableAlias: Identifier?,
                columnAliases: [Identifier]) {
        self.source = source
        self.isOuter = isOuter
        self.function = function
        self.tableAlias = tableAlias
        self.columnAliases = columnAliases
    }
}
