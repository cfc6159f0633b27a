/// An expression node: what it is and where it was written.
/// Equality ignores spans, so a tree printed and parsed again compares equal to the original.
public struct Expression: Equatable, Sendable {
    public var kind: ExpressionKind
    public var span: Span

    public init(_ kind: ExpressionKind, span: Span = .none) {
        self.kind = kind
        self.span = span
    }

    public static func == (lhs: Expression, rhs: Expression) -> Bool { lhs.kind == rhs.kind }
}

/// The kinds of expression. Operators keep the spelling's meaning, not its spelling
/// (`&&` is `.and`, `==` is `.equal`); meaning such as "is this a built-in" is the binder's business.
public indirect enum ExpressionKind: Equatable, Sendable {
    case literal(Literal)
    /// A possibly qualified column reference: `c`, `t.c`, `db.t.c`. Parts after the column
    /// (struct fields written as `t.s.f`) are resolved by the binder.
    case column([Identifier])
    /// `*` or `t.*` (select lists and `count(*)`-like arguments).
    case star(qualifier: [Identifier])
    case unary(UnaryOperator, Expression)
    case binary(BinaryOperator, Expression, Expression)
    /// `x [NOT] BETWEEN low AND high`
    case between(Between)
    /// `x [NOT] IN (a, b, ..)`
    case inList(InList)
    /// `x [NOT] IN (SELECT ..)`
    case inSubquery(InSubquery)
    /// `[NOT] EXISTS (SELECT ..)`
    case exists(Query, negated: Bool)
    /// `x IS [NOT] NULL`
    case isNull(Expression, negated: Bool)
    /// `x IS [NOT] TRUE|FALSE`
    case isBoolean(Expression, value: Bool, negated: Bool)
    /// `x [NOT] LIKE|RLIKE|REGEXP pattern`, and `LIKE ANY|ALL (..)`.
    case like(Like)
    case caseWhen(CaseWhen)
    case cast(Cast)
    case function(FunctionCall)
    /// `a[0]`, `m['k']`
    case `subscript`(Expression, index: Expression)
    /// `expr.field` where `expr` is not a plain name (`a[0].f`, `named_struct(..).f`).
    case field(Expression, Identifier)
    /// `(SELECT ..)` used as a value.
    case scalarSubquery(Query)
    /// `x -> body` or `(x, y) -> body` in higher-order functions.
    case lambda(parameters: [Identifier], body: Expression)
    /// `(a, b)`: a row value, as in `(a, b) IN ((1, 2))`.
    case tuple([Expression])
    /// A parenthesised expression, kept so printing preserves the author's grouping.
    case parenthesized(Expression)
}

/// A literal value as written.
public enum Literal: Equatable, Sendable {
    /// A string with escapes decoded; adjacent literals (`'a' 'b'`) are already joined.
    case string(String)
    /// A number as written (digits, `.`, exponent) without its suffix, and the suffix's type.
    case number(text: String, suffix: NumericSuffix?)
    case boolean(Bool)
    case null
    /// `DATE '2020-01-01'`
    case date(String)
    /// `TIMESTAMP '2020-01-01 00:00:00'`
    case timestamp(String)
    /// `X'0A0B'`
    case binary(String)
    /// `INTERVAL '1' DAY`, `INTERVAL 1 DAY 2 HOURS`, `INTERVAL '1-2' YEAR TO MONTH`.
    case interval(IntervalLiteral)
}

/// Hive's numeric literal suffixes: `1Y` TINYINT, `1S` SMALLINT, `1L` BIGINT, `1D` DOUBLE, `1F` FLOAT, `1BD` DECIMAL.
public enum NumericSuffix: String, Equatable, Sendable {
    case tinyint = "Y"
    case smallint = "S"
    case bigint = "L"
    case double = "D"
    case float = "F"
    case decimal = "BD"
}

/// The parts of an interval literal.
public struct IntervalLiteral: Equatable, Sendable {
    /// One `value unit` pair; Spark allows several (`INTERVAL 1 DAY 2 HOURS`).
    public struct Component: Equatable, Sendable {
        public var value: Expression
        public var unit: IntervalUnit
        public init(value: Expression, unit: IntervalUnit) {
            self.value = value
            self.unit = unit
        }
    }

    public var components: [Component]
    /// The `TO unit` of `INTERVAL '1-2' YEAR TO MONTH`.
    public var toUnit: IntervalUnit?

    public init(components: [Component], toUnit: IntervalUnit? = nil) {
        self.components = components
        self.toUnit = toUnit
    }
}

public enum UnaryOperator: String, Equatable, Sendable {
    /// `-x`
    case negate = "-"
    /// `+x`
    case plus = "+"
    /// `NOT x` or `!x`
    case not = "NOT"
    /// `~x`
    case bitwiseNot = "~"
}

/// Binary operators, with Hive's precedence (higher binds tighter) in `precedence`.
public enum BinaryOperator: String, Equatable, Sendable, CaseIterable {
    case or = "OR"
    case and = "AND"
    case equal = "="
    case nullSafeEqual = "<=>"
    case notEqual = "<>"
    case less = "<"
    case lessEqual = "<="
    case greater = ">"
    case greaterEqual = ">="
    case bitwiseOr = "|"
    case bitwiseXor = "^"
    case bitwiseAnd = "&"
    case add = "+"
    case subtract = "-"
    case concat = "||"
    case multiply = "*"
    case divide = "/"
    case modulo = "%"
    case integerDivide = "DIV"

    /// Hive's precedence table (HiveParser's expression levels), lowest first:
    /// OR < AND < (NOT) < comparison < | < ^ < & < + - || < * / % DIV < unary.
    public var precedence: Int {
        switch self {
        case .or: return 1
        case .and: return 2
        case .equal, .nullSafeEqual, .notEqual, .less, .lessEqual, .greater, .greaterEqual: return 4
        case .bitwiseOr: return 5
        case .bitwiseXor: return 6
        case .bitwiseAnd: return 7
        case .add, .subtract, .concat: return 8
        case .multiply, .divide, .modulo, .integerDivide: return 9
        }
    }
}

/// `x [NOT] BETWEEN low AND high`
public struct Between: Equatable, Sendable {
    public var value: Expression
    public var low: Expression
    public var high: Expression
    public var negated: Bool

    public init(value: Expression, low: Expression, high: Expression, negated: Bool) {
        self.value = value
        self.low = low
        self.high = high
        self.negated = negated
    }
}

/// `x [NOT] IN (a, b, ..)`
public struct InList: Equatable, Sendable {
    public var value: Expression
    public var list: [Expression]
    public var negated: Bool

    public init(value: Expression, list: [Expression], negated: Bool) {
        self.value = value
        self.list = list
        self.negated = negated
    }
}

/// `x [NOT] IN (SELECT ..)`
public struct InSubquery: Equatable, Sendable {
    public var value: Expression
    public var query: Query
    public var negated: Bool

    public init(value: Expression, query: Query, negated: Bool) {
        self.value = value
        self.query = query
        self.negated = negated
    }
}

/// Pattern matching: `LIKE`, `RLIKE`, `REGEXP`, and the quantified `LIKE ANY|ALL (p1, p2)`.
public struct Like: Equatable, Sendable {
    public enum Operator: String, Equatable, Sendable {
        case like = "LIKE"
        case rlike = "RLIKE"
        case regexp = "REGEXP"
    }

    public enum Quantifier: String, Equatable, Sendable {
        case any = "ANY"
        case all = "ALL"
    }

    public var value: Expression
    public var op: Operator
    public var negated: Bool
    /// One pattern, or several under a quantifier.
    public var patterns: [Expression]
    public var quantifier: Quantifier?

    public init(value: Expression, op: Operator, negated: Bool, patterns: [Expression], quantifier: Quantifier? = nil) {
        self.value = value
        self.op = op
        self.negated = negated
        self.patterns = patterns
        self.quantifier = quantifier
    }
}

/// `CASE [operand] WHEN .. THEN .. [ELSE ..] END`
public struct CaseWhen: Equatable, Sendable {
    public struct Branch: Equatable, Sendable {
        public var condition: Expression
        public var result: Expression
        public init(condition: Expression, result: Expression) {
            self.condition = condition
            self.result = result
        }
    }

    /// Present for the simple form `CASE x WHEN 1 THEN ..`.
    public var operand: Expression?
    public var branches: [Branch]
    public var elseResult: Expression?

    public init(operand: Expression?, branches: [Branch], elseResult: Expression?) {
        self.operand = operand
        self.branches = branches
        self.elseResult = elseResult
    }
}

/// `CAST(x AS type)`
public struct Cast: Equatable, Sendable {
    public var value: Expression
    public var type: DataType

    public init(value: Expression, type: DataType) {
        self.value = value
        self.type = type
    }
}

/// A function call, possibly an aggregate (`DISTINCT`, `*`) or a window call (`OVER`).
public struct FunctionCall: Equatable, Sendable {
    /// The name as written (`concat`, `default.my_udf`); resolved against the function catalog by the binder.
    public var name: QualifiedName
    public var arguments: [Expression]
    public var isDistinct: Bool
    /// `count(*)`
    public var isStar: Bool
    /// `first_value(x) IGNORE NULLS` / `first_value(x, true)` spellings are normalised here.
    public var ignoreNulls: Bool
    /// `FILTER (WHERE ..)` of Spark aggregates.
    public var filter: Expression?
    public var over: WindowReference?

    public init(name: QualifiedName, arguments: [Expression], isDistinct: Bool = false, isStar: Bool = false,
                ignoreNulls: Bool = false, filter: Expression? = nil, over: WindowReference? = nil) {
        self.name = name
        self.arguments = arguments
        self.isDistinct = isDistinct
        self.isStar = isStar
        self.ignoreNulls = ignoreNulls
        self.filter = filter
        self.over = over
    }
}

/// What follows `OVER`: a named window or an inline specification.
public enum WindowReference: Equatable, Sendable {
    case named(Identifier)
    case specification(WindowSpecification)
}

/// `(w PARTITION BY .. ORDER BY .. ROWS BETWEEN .. AND ..)`. Hive's `DISTRIBUTE BY`/`SORT BY`
/// inside a window mean the same as `PARTITION BY`/`ORDER BY` and are normalised to them.
public struct WindowSpecification: Equatable, Sendable {
    public var baseWindow: Identifier?
    public var partitionBy: [Expression]
    public var orderBy: [OrderItem]
    public var frame: WindowFrame?

    public init(baseWindow: Identifier? = nil, partitionBy: [Expression] = [], orderBy: [OrderItem] = [],
                frame: WindowFrame? = nil) {
        self.baseWindow = baseWindow
        self.partitionBy = partitionBy
        self.orderBy = orderBy
        self.frame = frame
    }
}

/// `ROWS|RANGE start` or `ROWS|RANGE BETWEEN start AND end`.
public struct WindowFrame: Equatable, Sendable {
    public enum Unit: String, Equatable, Sendable {
        case rows = "ROWS"
        case range = "RANGE"
    }

    public enum Bound: Equatable, Sendable {
        case unboundedPreceding
        case preceding(Expression)
        case currentRow
        case following(Expression)
        case unboundedFollowing
    }

    public var unit: Unit
    public var start: Bound
    /// nil for the short form without `BETWEEN`.
    public var end: Bound?

    public init(unit: Unit, start: Bound, end: Bound?) {
        self.unit = unit
        self.start = start
        self.end = end
    }
}

/// One `ORDER BY`/`SORT BY` key.
public struct OrderItem: Equatable, Sendable {
    public enum Direction: String, Equatable, Sendable {
        case ascending = "ASC"
        case descending = "DESC"
    }

    public enum NullOrder: String, Equatable, Sendable {
        case first = "NULLS FIRST"
        case last = "NULLS LAST"
    }

    public var expression: Expression
    /// nil when not written (ascending).
    public var direction: Direction?
    /// nil when not written (Hive: NULLs first ascending, last descending).
    public var nulls: NullOrder?

    public init(expression: Expression, direction: Direction? = nil, nulls: NullOrder? = nil) {
        self.expression = expression
        self.direction = direction
        self.nulls = nulls
    }
}
