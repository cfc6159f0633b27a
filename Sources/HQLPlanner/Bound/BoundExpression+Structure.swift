extension BoundExpression {
    /// The direct sub-expressions.
    var children: [BoundExpression] {
        switch kind {
        case .literal, .column: return []
        case .cast(let e), .negate(let e), .not(let e), .bitwiseNot(let e): return [e]
        case .arithmetic(_, let l, let r), .comparison(_, let l, let r), .and(let l, let r), .or(let l, let r):
            return [l, r]
        case .concat(let items), .coalesce(let items): return items
        case .isNull(let e, _): return [e]
        case .between(let e, let low, let high, _): return [e, low, high]
        case .inList(let e, let list, _): return [e] + list
        case .like(let e, let pattern, _, _): return [e, pattern]
        case .caseWhen(let branches, let elseResult):
            return branches.flatMap { [$0.condition, $0.result] } + (elseResult.map { [$0] } ?? [])
        case .function(let call): return call.arguments
        case .aggregate(let call): return call.arguments
        case .window(let call): return call.arguments + call.partitionBy + call.orderBy.map(\.expression)
        case .inSubquery(let value, _, _): return [value]
        case .exists, .scalarSubquery, .groupingFlags: return []
        }
    }

    /// Whether an aggregate call occurs anywhere in the expression.
    public var containsAggregate: Bool {
        if case .aggregate = kind { return true }
        return children.contains { $0.containsAggregate }
    }

    /// A structural key: equal for expressions that compute the same thing (GROUP BY matching).
    public var fingerprint: String {
        let inner = children.map(\.fingerprint).joined(separator: ",")
        switch kind {
        case .literal(let value): return "lit(\(value))"
        case .column(let reference): return "col(\(reference.relationAlias).\(reference.column.lowercased()))"
        case .cast: return "cast<\(type)>(\(inner))"
        case .negate: return "neg(\(inner))"
        case .not: return "not(\(inner))"
        case .bitwiseNot: return "bnot(\(inner))"
        case .arithmetic(let op, _, _), .comparison(let op, _, _): return "\(op.rawValue)(\(inner))"
        case .and: return "and(\(inner))"
        case .or: return "or(\(inner))"
        case .concat: return "concat(\(inner))"
        case .coalesce: return "coalesce(\(inner))"
        case .isNull(_, let negated): return "isnull\(negated)(\(inner))"
        case .between(_, _, _, let negated): return "between\(negated)(\(inner))"
        case .inList(_, _, let negated): return "in\(negated)(\(inner))"
        case .like(_, _, let op, let negated): return "\(op.rawValue)\(negated)(\(inner))"
        case .caseWhen(_, let elseResult): return "case\(elseResult != nil)(\(inner))"
        case .function(let call): return "\(call.name)(\(inner))"
        case .aggregate(let call): return "agg:\(call.symbol ?? call.function.rawValue)\(call.isDistinct)(\(inner))"
        case .window(let call): return "win:\(call.function)(\(inner))"
        case .inSubquery(_, _, let negated): return "insub\(negated)(\(inner))"
        case .exists(_, let negated): return "exists\(negated)(\(span.start))"
        case .scalarSubquery: return "scalar(\(span.start))"
        case .groupingFlags(let keys): return "grouping(\(keys))"
        }
    }
}

extension BoundExpression {
    /// The same expression with each direct sub-expression replaced by `transform(child)`.
    /// Subqueries are left alone (they have their own scopes).
    func mappingChildren(_ transform: (BoundExpression) throws -> BoundExpression) throws -> BoundExpression {
        var copy = self
        switch kind {
        case .literal, .column, .exists, .scalarSubquery, .groupingFlags:
            return self
        case .cast(let e): copy.kind = .cast(try transform(e))
        case .negate(let e): copy.kind = .negate(try transform(e))
        case .not(let e): copy.kind = .not(try transform(e))
        case .bitwiseNot(let e): copy.kind = .bitwiseNot(try transform(e))
        case .arithmetic(let op, let l, let r): copy.kind = .arithmetic(op, try transform(l), try transform(r))
        case .comparison(let op, let l, let r): copy.kind = .comparison(op, try transform(l), try transform(r))
        case .and(let l, let r): copy.kind = .and(try transform(l), try transform(r))
        case .or(let l, let r): copy.kind = .or(try transform(l), try transform(r))
        case .concat(let items): copy.kind = .concat(try items.map(transform))
        case .coalesce(let items): copy.kind = .coalesce(try items.map(transform))
        case .isNull(let e, let negated): copy.kind = .isNull(try transform(e), negated: negated)
        case .between(let e, let low, let high, let negated):
            copy.kind = .between(try transform(e), low: try transform(low), high: try transform(high), negated: negated)
        case .inList(let e, let list, let negated):
            copy.kind = .inList(try transform(e), try list.map(transform), negated: negated)
        case .like(let e, let pattern, let op, let negated):
            copy.kind = .like(try transform(e), pattern: try transform(pattern), op: op, negated: negated)
        case .caseWhen(let branches, let elseResult):
            copy.kind = .caseWhen(try branches.map { (try transform($0.condition), try transform($0.result)) },
                                  elseResult: try elseResult.map(transform))
        case .function(var call):
            call.arguments = try call.arguments.map(transform)
            copy.kind = .function(call)
        case .aggregate(var call):
            call.arguments = try call.arguments.map(transform)
            copy.kind = .aggregate(call)
        case .window(var call):
            call.arguments = try call.arguments.map(transform)
            call.partitionBy = try call.partitionBy.map(transform)
            call.orderBy = try call.orderBy.map { ($0.expression, $0.descending, $0.nullsFirst) }
                .map { (expression: try transform($0.0), descending: $0.1, nullsFirst: $0.2) }
            copy.kind = .window(call)
        case .inSubquery(let value, let query, let negated):
            copy.kind = .inSubquery(try transform(value), query, negated: negated)
        }
        return copy
    }
}
