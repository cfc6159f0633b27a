import HQLSyntax

extension Binder {
    /// Binds a function call: the few functions the binder handles itself (conditionals whose result type
    /// is the common type of their branches, `concat`), the aggregates the slice supports, and every other
    /// scalar through the catalog's return-type rule and lowering.
    mutating func bindFunction(_ call: FunctionCall, span: Span, in scope: Scope,
                               allowAggregates: Bool) throws -> BoundExpression {
        guard call.name.parts.count == 1 else {
            throw Binder.error("function '\(call.name)' is not supported by hqlrun", at: span, code: "HQL4002")
        }
        let name = call.name.name.name.lowercased()
        if let over = call.over {
            guard allowAggregates else {
                throw Binder.error("window function '\(name)' is not allowed here", at: span, code: "HQL3023")
            }
            return try bindWindow(call, name: name, over: over, span: span, in: scope)
        }
        if call.filter != nil { throw Binder.unsupported("FILTER (WHERE ..)", at: span) }

        if let aggregate = BoundAggregateCall.Function(rawValue: name), aggregate != .custom {
            guard allowAggregates else {
                throw Binder.error("aggregate function '\(name)' is not allowed here", at: span, code: "HQL3020")
            }
            return try bindAggregate(aggregate, call, span: span, in: scope)
        }

        let arguments = try call.arguments.map { try bind($0, in: scope, allowAggregates: allowAggregates) }
        switch name {
        case "current_date", "current_timestamp", "now":
            let type: HiveType = name == "current_date" ? .date : .timestamp
            let call = BoundFunctionCall(name: name, lowering: .swiftFunction(name == "current_date" ? "hive_current_date"
                                                                                 : "hive_current_timestamp"),
                                         arguments: [])
            return BoundExpression(.function(call), type: type, span: span)
        case "grouping", "grouping_id":
            // Resolved against the GROUP BY keys once they are bound (rebindGrouping).
            guard name == "grouping_id" || arguments.count == 1 else {
                throw Binder.error("grouping takes 1 argument, found \(arguments.count)", at: span, code: "HQL3021")
            }
            return BoundExpression(.function(BoundFunctionCall(name: "#grouping", lowering: .special, arguments: arguments)),
                                   type: name == "grouping" ? .tinyint : .bigint, span: span)
        case "coalesce", "nvl":
            guard !arguments.isEmpty, name != "nvl" || arguments.count == 2 else {
                throw Binder.error("function '\(name)' takes \(name == "nvl" ? "2 arguments" : "at least 1 argument"), "
                                   + "found \(arguments.count)", at: span, code: "HQL3021")
            }
            let type = try commonType(for: .branches, arguments, span: span)
            return BoundExpression(.coalesce(try arguments.map { try coerce($0, to: type) }), type: type, span: span)
        case "if":
            guard arguments.count == 3 else {
                throw Binder.error("function 'if' takes 3 arguments, found \(arguments.count)", at: span, code: "HQL3021")
            }
            let type = try commonType(for: .branches, [arguments[1], arguments[2]], span: span)
            return BoundExpression(.caseWhen([(try coerce(arguments[0], to: .boolean), try coerce(arguments[1], to: type))],
                                             elseResult: try coerce(arguments[2], to: type)), type: type, span: span)
        case "nullif":
            guard arguments.count == 2 else {
                throw Binder.error("function 'nullif' takes 2 arguments, found \(arguments.count)", at: span,
                                   code: "HQL3021")
            }
            let equal = try bindBinary(.equal, arguments[0], arguments[1], span: span)
            let null = BoundExpression(.literal(.null), type: arguments[0].type, span: span)
            return BoundExpression(.caseWhen([(equal, null)], elseResult: arguments[0]), type: arguments[0].type,
                                   span: span)
        case "isnull", "isnotnull":
            guard arguments.count == 1 else {
                throw Binder.error("function '\(name)' takes 1 argument, found \(arguments.count)", at: span,
                                   code: "HQL3021")
            }
            return BoundExpression(.isNull(arguments[0], negated: name == "isnotnull"), type: .boolean, span: span)
        case "concat" where arguments.allSatisfy({ $0.type != .binary }):
            return BoundExpression(.concat(try arguments.map { try coerce($0, to: .string) }), type: .string,
                                   span: span)
        default:
            break
        }

        let resolved: ResolvedFunction
        do {
            resolved = try functions.resolve(name, arguments: arguments.map(\.functionArgument))
        } catch let error as FunctionResolutionError {
            throw Binder.error(error.description, at: span, code: "HQL4002")
        }
        switch resolved.definition.kind {
        case .scalar:
            break
        case .aggregate:
            guard case .aggregate(let symbol) = resolved.definition.lowering, symbol.hasPrefix("hive_") else {
                throw Binder.unsupported("the aggregate function '\(name)'", at: span)
            }
            guard allowAggregates else {
                throw Binder.error("aggregate function '\(name)' is not allowed here", at: span, code: "HQL3020")
            }
            // The arguments of an aggregate may not hold another aggregate.
            if arguments.contains(where: \.containsAggregate) {
                throw Binder.error("aggregate function calls cannot be nested", at: span, code: "HQL3025")
            }
            var converted: [BoundExpression] = []
            for (index, argument) in arguments.enumerated() {
                let target = index < resolved.argumentTypes.count ? resolved.argumentTypes[index] : argument.type
                converted.append(try coerce(argument, to: target == .void ? .string : target))
            }
            return BoundExpression(.aggregate(BoundAggregateCall(function: .custom, arguments: converted,
                                                                 isDistinct: call.isDistinct, symbol: symbol)),
                                   type: resolved.returnType, span: span)
        case .window, .generator:
            throw Binder.unsupported("the \(resolved.definition.kind.rawValue) function '\(name)'", at: span)
        }
        var converted: [BoundExpression] = []
        for (index, argument) in arguments.enumerated() {
            let target = index < resolved.argumentTypes.count ? resolved.argumentTypes[index] : argument.type
            converted.append(try coerce(argument, to: target))
        }
        let lowering = resolved.definition.lowering
        switch lowering {
        case .sqliteExpression, .swiftFunction:
            break
        case .aggregate, .window, .generator, .special, .unsupported:
            throw Binder.unsupported("the function '\(name)'", at: span)
        }
        return BoundExpression(.function(BoundFunctionCall(name: name, lowering: lowering, arguments: converted)),
                               type: resolved.returnType, span: span)
    }

    /// `count(*)`, `count([DISTINCT] x..)`, `sum`, `avg`, `min`, `max` with Hive's result types.
    mutating func bindAggregate(_ function: BoundAggregateCall.Function, _ call: FunctionCall, span: Span,
                                in scope: Scope) throws -> BoundExpression {
        // An aggregate's arguments may not contain another aggregate.
        let arguments = try call.arguments.map { try bind($0, in: scope, allowAggregates: false) }
        switch function {
        case .custom:
            throw Binder.error("internal: a catalog aggregate reached the built-in path", at: span, code: "HQL5001")
        case .count:
            guard call.isStar || !arguments.isEmpty else {
                throw Binder.error("count takes at least 1 argument or *", at: span, code: "HQL3021")
            }
            if arguments.count > 1 && !call.isDistinct { throw Binder.unsupported("count with several arguments", at: span) }
            return BoundExpression(.aggregate(BoundAggregateCall(function: .count, arguments: arguments,
                                                                 isDistinct: call.isDistinct)),
                                   type: .bigint, span: span)
        case .sum, .avg, .min, .max:
            guard arguments.count == 1, !call.isStar else {
                throw Binder.error("\(function.rawValue) takes 1 argument, found \(arguments.count)", at: span,
                                   code: "HQL3021")
            }
            var argument = arguments[0]
            let type: HiveType
            switch function {
            case .min, .max:
                type = argument.type
            case .sum:
                if argument.type.isStringFamily { argument = try coerce(argument, to: .double) }
                if argument.type.isIntegral {
                    type = .bigint
                } else if argument.type.decimalParameters != nil {
                    type = DecimalTyping.sum(argument.type)
                } else if argument.type.isNumeric || argument.type == .void {
                    type = .double
                } else {
                    throw Binder.error("sum needs a number, found \(argument.type)", at: span, code: "HQL3022")
                }
            case .avg, .count, .custom:
                if argument.type.isStringFamily { argument = try coerce(argument, to: .double) }
                guard argument.type.isNumeric || argument.type == .void else {
                    throw Binder.error("avg needs a number, found \(argument.type)", at: span, code: "HQL3022")
                }
                type = argument.type.decimalParameters != nil ? DecimalTyping.average(argument.type) : .double
            }
            return BoundExpression(.aggregate(BoundAggregateCall(function: function, arguments: [argument],
                                                                 isDistinct: call.isDistinct)),
                                   type: type, span: span)
        }
    }
}

extension BoundExpression {
    /// The argument as the catalog's resolution sees it: its type, and its value when it is a literal
    /// (some return types depend on one: `round(x, 2)`, `named_struct('a', ..)`).
    var functionArgument: FunctionArgument {
        switch kind {
        case .literal(.integer(let value)): return FunctionArgument(type, constant: .integer(value))
        case .literal(.string(let value)): return FunctionArgument(type, constant: .string(value))
        case .literal(.null): return FunctionArgument(type, constant: .null)
        case .literal: return FunctionArgument(type, constant: .other)
        case .negate(let operand):
            if case .literal(.integer(let value)) = operand.kind { return FunctionArgument(type, constant: .integer(-value)) }
            return FunctionArgument(type)
        default: return FunctionArgument(type)
        }
    }
}
