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
        case .exists, .scalarSubquery: return []
        }
    }

    /// Whether an aggregate call occurs anywhere in the expression.
    public var containsAggregate: Bool {
        if case .aggregate = kind { return true }
        return children.contains { $0.containsAggregate }
    }

    /// A structural key: equal for expressions that compute the same thing (GROUP BY matching).
    var fingerprint: String {
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
        case .aggregate(let call): return "agg:\(call.function.rawValue)\(call.isDistinct)(\(inner))"
        case .window(let call): return "win:\(call.function)(\(inner))"
        case .inSubquery(_, _, let negated): return "insub\(negated)(\(inner))"
        case .exists(_, let negated): return "exists\(negated)(\(span.start))"
        case .scalarSubquery: return "scalar(\(span.start))"
        }
    }
}
