import HQLSyntax

/// An expression after binding: every name resolved, every operand converted to the type its operation
/// works in, and its own Hive type known. Spans point back at the HQL.
public struct BoundExpression: Sendable {
    public var kind: BoundExpressionKind
    public var type: HiveType
    public var span: Span

    public init(_ kind: BoundExpressionKind, type: HiveType, span: Span) {
        self.kind = kind
        self.type = type
        self.span = span
    }
}

public indirect enum BoundExpressionKind: Sendable {
    case literal(LiteralValue)
    /// A column of a relation in scope.
    case column(ColumnReference)
    /// A conversion of the operand to this expression's type (explicit CAST or implicit).
    case cast(BoundExpression)
    case negate(BoundExpression)
    case not(BoundExpression)
    case bitwiseNot(BoundExpression)
    /// Arithmetic and bitwise operators; both operands already in the operation's type.
    case arithmetic(BinaryOperator, BoundExpression, BoundExpression)
    /// `= <=> <> < <= > >=`; both operands in their common comparison type.
    case comparison(BinaryOperator, BoundExpression, BoundExpression)
    case and(BoundExpression, BoundExpression)
    case or(BoundExpression, BoundExpression)
    /// `||` and `concat` on strings.
    case concat([BoundExpression])
    case isNull(BoundExpression, negated: Bool)
    case between(BoundExpression, low: BoundExpression, high: BoundExpression, negated: Bool)
    case inList(BoundExpression, [BoundExpression], negated: Bool)
    case like(BoundExpression, pattern: BoundExpression, op: Like.Operator, negated: Bool)
    /// Searched CASE (a simple CASE is rewritten to comparisons while binding).
    case caseWhen([(condition: BoundExpression, result: BoundExpression)], elseResult: BoundExpression?)
    /// `coalesce`, `nvl`: the first non-NULL argument.
    case coalesce([BoundExpression])
    /// A scalar function call with its lowering.
    case function(BoundFunctionCall)
    /// An aggregate call; only in SELECT lists, HAVING and ORDER BY of an aggregating query.
    case aggregate(BoundAggregateCall)
    /// A window call `f(..) OVER (..)`; only in SELECT lists and ORDER BY.
    case window(BoundWindowCall)
    /// `x [NOT] IN (SELECT ..)`
    case inSubquery(BoundExpression, BoundQuery, negated: Bool)
    /// `[NOT] EXISTS (SELECT ..)`
    case exists(BoundQuery, negated: Bool)
    /// `(SELECT ..)` as a value: its one column of its first row, NULL without rows.
    case scalarSubquery(BoundQuery)
    /// `grouping(k)`, `grouping_id(..)` and `GROUPING__ID` under grouping sets: a bit per listed GROUP BY key
    /// (by index), 1 when the key is aggregated away in the current grouping set, the first key highest.
    case groupingFlags([Int])
}

/// A resolved column: the relation's alias in the generated SQL and the column's name there.
public struct ColumnReference: Sendable, Equatable {
    /// How a column of a LATERAL VIEW's `json_each` is read into its type's encoding.
    public enum JSONElement: Sendable, Equatable {
        /// An array element or a map value (`json_each.value`).
        case value
        /// A map key (`json_each.key`, always text).
        case key
    }

    public var relationAlias: String
    public var column: String
    /// Set for the generated columns of a LATERAL VIEW.
    public var jsonElement: JSONElement?

    public init(relationAlias: String, column: String, jsonElement: JSONElement? = nil) {
        self.relationAlias = relationAlias
        self.column = column
        self.jsonElement = jsonElement
    }
}

/// A literal in Hive's terms.
public enum LiteralValue: Sendable, Equatable {
    case null
    case boolean(Bool)
    case integer(Int64)
    case double(Double)
    /// A decimal's digits as written (`-12.50`); the expression's type gives its precision and scale.
    case decimal(String)
    case string(String)
}

/// A scalar function after resolution.
public struct BoundFunctionCall: Sendable {
    public var name: String
    public var lowering: Lowering
    public var arguments: [BoundExpression]

    public init(name: String, lowering: Lowering, arguments: [BoundExpression]) {
        self.name = name
        self.lowering = lowering
        self.arguments = arguments
    }
}

/// An aggregate call after resolution.
public struct BoundAggregateCall: Sendable {
    public enum Function: String, Sendable {
        case count, sum, avg, min, max
        /// A Swift aggregate from the catalog (`collect_list`, `stddev_pop`, ...), named by `symbol`.
        case custom
    }

    public var function: Function
    /// The Swift aggregate's symbol for `.custom`.
    public var symbol: String?
    /// Empty for `count(*)`.
    public var arguments: [BoundExpression]
    public var isDistinct: Bool

    public init(function: Function, arguments: [BoundExpression], isDistinct: Bool, symbol: String? = nil) {
        self.function = function
        self.symbol = symbol
        self.arguments = arguments
        self.isDistinct = isDistinct
    }
}

/// A window function or an aggregate over a window, after resolution.
public struct BoundWindowCall: Sendable {
    /// The SQLite function (`row_number`, `rank`, `lag`, `sum`, ...); window functions are SQLite's own.
    public var function: String
    public var arguments: [BoundExpression]
    public var isDistinct: Bool
    public var partitionBy: [BoundExpression]
    public var orderBy: [(expression: BoundExpression, descending: Bool, nullsFirst: Bool?)]
    public var frame: WindowFrame?

    public init(function: String, arguments: [BoundExpression], isDistinct: Bool, partitionBy: [BoundExpression],
                orderBy: [(expression: BoundExpression, descending: Bool, nullsFirst: Bool?)], frame: WindowFrame?) {
        self.function = function
        self.arguments = arguments
        self.isDistinct = isDistinct
        self.partitionBy = partitionBy
        self.orderBy = orderBy
        self.frame = frame
    }
}
