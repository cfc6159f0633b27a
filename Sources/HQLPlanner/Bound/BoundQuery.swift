import HQLSyntax

/// A query after binding.
public struct BoundQuery: Sendable {
    public var body: BoundQueryBody
    public var orderBy: [BoundOrderItem]
    public var limit: Int64?
    public var offset: Int64?
    /// The names and types of the result columns, as Hive names them.
    public var columns: [OutputColumn]

    public init(body: BoundQueryBody, orderBy: [BoundOrderItem] = [], limit: Int64? = nil, offset: Int64? = nil,
                columns: [OutputColumn]) {
        self.body = body
        self.orderBy = orderBy
        self.limit = limit
        self.offset = offset
        self.columns = columns
    }
}

/// One result column.
public struct OutputColumn: Sendable, Equatable {
    public var name: String
    public var type: HiveType

    public init(name: String, type: HiveType) {
        self.name = name
        self.type = type
    }
}

public indirect enum BoundQueryBody: Sendable {
    case select(BoundSelect)
    case values([[BoundExpression]])
    case setOperation(SetOperation.Operator, all: Bool, BoundQueryBody, BoundQueryBody)
}

/// One SELECT block after binding.
public struct BoundSelect: Sendable {
    public var isDistinct: Bool
    public var items: [BoundExpression]
    public var from: BoundRelation?
    public var whereClause: BoundExpression?
    public var groupBy: [BoundExpression]
    public var having: BoundExpression?
    /// Whether the block aggregates (GROUP BY, or an aggregate in the select list or HAVING).
    public var isAggregate: Bool
    /// The result column names, one per item.
    public var names: [String] = []
    /// GROUPING SETS, ROLLUP and CUBE: the sets, each the indices of the `groupBy` keys it groups by.
    public var groupingSets: [[Int]]?

    public init(isDistinct: Bool, items: [BoundExpression], from: BoundRelation?, whereClause: BoundExpression?,
                groupBy: [BoundExpression], having: BoundExpression?, isAggregate: Bool) {
        self.isDistinct = isDistinct
        self.items = items
        self.from = from
        self.whereClause = whereClause
        self.groupBy = groupBy
        self.having = having
        self.isAggregate = isAggregate
    }
}

/// A source of rows in FROM, with the alias the generated SQL gives it.
public indirect enum BoundRelation: Sendable {
    case table(TableDescriptor, alias: String)
    case subquery(BoundQuery, alias: String)
    case join(Join.JoinType, BoundRelation, BoundRelation, condition: BoundExpression?)
    /// `source LATERAL VIEW [OUTER] explode(collection)`: the collection's elements through SQLite's `json_each`.
    case lateral(BoundRelation, collection: BoundExpression, alias: String, isOuter: Bool)
}

/// An ORDER BY key: an expression over the select's scope, or the position of an output column.
public struct BoundOrderItem: Sendable {
    public enum Key: Sendable {
        case expression(BoundExpression)
        case outputColumn(Int)
    }

    public var key: Key
    public var descending: Bool
    /// nil: Hive's default (NULLs first ascending, last descending — also SQLite's).
    public var nullsFirst: Bool?

    public init(key: Key, descending: Bool, nullsFirst: Bool?) {
        self.key = key
        self.descending = descending
        self.nullsFirst = nullsFirst
    }
}
