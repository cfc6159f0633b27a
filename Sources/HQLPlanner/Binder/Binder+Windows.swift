import HQLSyntax

extension Binder {
    /// `f(..) OVER (PARTITION BY .. ORDER BY .. frame)` or `OVER w`. The ranking and offset functions and the
    /// aggregates run as SQLite's own window functions, whose frames and NULL ordering match Hive's.
    mutating func bindWindow(_ call: FunctionCall, name: String, over: WindowReference, span: Span,
                             in scope: Scope) throws -> BoundExpression {
        let specification = try resolveWindow(over, span: span)
        if call.ignoreNulls { throw Binder.unsupported("IGNORE NULLS", at: span) }
        var arguments = try call.arguments.map { try bind($0, in: scope, allowAggregates: true) }
        let type: HiveType
        func expectArguments(_ range: ClosedRange<Int>) throws {
            guard range.contains(arguments.count) else {
                throw Binder.error("function '\(name)' takes \(range.lowerBound == range.upperBound ? "\(range.lowerBound)" : "\(range.lowerBound) to \(range.upperBound)") argument(s), found \(arguments.count)",
                                   at: span, code: "HQL3021")
            }
        }
        switch name {
        case "row_number", "rank", "dense_rank":
            try expectArguments(0...0)
            type = .int
        case "percent_rank", "cume_dist":
            try expectArguments(0...0)
            type = .double
        case "ntile":
            try expectArguments(1...1)
            arguments[0] = try coerce(arguments[0], to: .int)
            type = .int
        case "lag", "lead":
            try expectArguments(1...3)
            type = arguments[0].type
            if arguments.count >= 2 { arguments[1] = try coerce(arguments[1], to: .int) }
            if arguments.count == 3 { arguments[2] = try coerce(arguments[2], to: type) }
        case "first_value", "last_value":
            try expectArguments(1...2)
            if arguments.count == 2 { throw Binder.unsupported("\(name) with an ignore-nulls flag", at: span) }
            type = arguments[0].type
        case "count":
            guard call.isStar || arguments.count == 1 else {
                throw Binder.error("count takes 1 argument or *", at: span, code: "HQL3021")
            }
            type = .bigint
        case "sum", "avg", "min", "max":
            try expectArguments(1...1)
            if arguments[0].type.isStringFamily { arguments[0] = try coerce(arguments[0], to: .double) }
            switch name {
            case "min", "max": type = arguments[0].type
            case "avg":
                guard arguments[0].type.decimalParameters == nil else { throw Binder.unsupported("avg of DECIMAL", at: span) }
                type = .double
            default:
                type = arguments[0].type.isIntegral ? .bigint
                    : arguments[0].type.decimalParameters != nil ? DecimalTyping.sum(arguments[0].type) : .double
            }
        default:
            throw Binder.unsupported("the window function '\(name)'", at: span)
        }
        let partitionBy = try specification.partitionBy.map { try bind($0, in: scope, allowAggregates: true) }
        let orderBy = try specification.orderBy.map { item in
            (expression: try bind(item.expression, in: scope, allowAggregates: true),
             descending: item.direction == .descending, nullsFirst: item.nulls.map { $0 == .first })
        }
        let window = BoundWindowCall(function: name, arguments: arguments, isDistinct: call.isDistinct,
                                     partitionBy: partitionBy, orderBy: orderBy, frame: specification.frame)
        return BoundExpression(.window(window), type: type, span: span)
    }

    /// The specification behind `OVER`: inline, named in the query's WINDOW clause, or inline on a named base.
    func resolveWindow(_ over: WindowReference, span: Span) throws -> WindowSpecification {
        switch over {
        case .named(let name):
            guard let named = namedWindows[name.name.lowercased()] else {
                throw Binder.error("window '\(name.name)' is not defined in this query", at: name.span, code: "HQL3024")
            }
            return named
        case .specification(var specification):
            if let base = specification.baseWindow {
                guard let named = namedWindows[base.name.lowercased()] else {
                    throw Binder.error("window '\(base.name)' is not defined in this query", at: base.span,
                                       code: "HQL3024")
                }
                if specification.partitionBy.isEmpty { specification.partitionBy = named.partitionBy }
                if specification.orderBy.isEmpty { specification.orderBy = named.orderBy }
                if specification.frame == nil { specification.frame = named.frame }
                specification.baseWindow = nil
            }
            return specification
        }
    }
}
