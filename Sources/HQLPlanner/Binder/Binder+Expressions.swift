import HQLSyntax

extension Binder {
    /// Binds an expression in a scope. `allowAggregates` is true where Hive allows aggregate calls
    /// (the select list, HAVING and ORDER BY of a query).
    mutating func bind(_ expression: Expression, in scope: Scope, allowAggregates: Bool) throws -> BoundExpression {
        let span = expression.span
        switch expression.kind {
        case .literal(let literal):
            return try bindLiteral(literal, span: span)
        case .column(let parts) where parts.count == 1 && parts[0].name.lowercased() == "grouping__id"
                && !scope.relations.contains(where: { $0.columns.contains { $0.name == "grouping__id" } }):
            // Hive's virtual column: grouping_id() over every GROUP BY key.
            return BoundExpression(.function(BoundFunctionCall(name: "#grouping", lowering: .special, arguments: [])),
                                   type: .bigint, span: span)
        case .column(let parts):
            do {
                let (reference, type) = try scope.resolve(parts, span: span)
                return BoundExpression(.column(reference), type: type, span: span)
            } catch let error as Diagnostic {
                // `s.f` or `t.s.f`: a struct column followed by field names.
                for prefix in stride(from: min(2, parts.count - 1), through: 1, by: -1) {
                    guard let (reference, type) = try? scope.resolve(Array(parts[..<prefix]), span: span),
                          case .struct = type else { continue }
                    var value = BoundExpression(.column(reference), type: type, span: span)
                    for field in parts[prefix...] { value = try fieldAccess(value, field, span: span) }
                    return value
                }
                throw error
            }
        case .parenthesized(let inner):
            return try bind(inner, in: scope, allowAggregates: allowAggregates)
        case .unary(let op, let operand):
            return try bindUnary(op, operand, span: span, in: scope, allowAggregates: allowAggregates)
        case .binary(let op, let left, let right):
            let lhs = try bind(left, in: scope, allowAggregates: allowAggregates)
            let rhs = try bind(right, in: scope, allowAggregates: allowAggregates)
            return try bindBinary(op, lhs, rhs, span: span)
        case .isNull(let operand, let negated):
            let value = try bind(operand, in: scope, allowAggregates: allowAggregates)
            return BoundExpression(.isNull(value, negated: negated), type: .boolean, span: span)
        case .isBoolean(let operand, let value, let negated):
            // `x IS TRUE` is `x <=> TRUE` with NULL-safety; `IS NOT TRUE` its negation.
            let bound = try coerce(try bind(operand, in: scope, allowAggregates: allowAggregates), to: .boolean)
            let literal = BoundExpression(.literal(.boolean(value)), type: .boolean, span: span)
            let test = BoundExpression(.comparison(.nullSafeEqual, bound, literal), type: .boolean, span: span)
            return negated ? BoundExpression(.not(test), type: .boolean, span: span) : test
        case .between(let between):
            let value = try bind(between.value, in: scope, allowAggregates: allowAggregates)
            let low = try bind(between.low, in: scope, allowAggregates: allowAggregates)
            let high = try bind(between.high, in: scope, allowAggregates: allowAggregates)
            let common = try commonType(for: .comparison, [value, low, high], span: span)
            return BoundExpression(.between(try coerce(value, to: common), low: try coerce(low, to: common),
                                            high: try coerce(high, to: common), negated: between.negated),
                                   type: .boolean, span: span)
        case .inList(let inList):
            let value = try bind(inList.value, in: scope, allowAggregates: allowAggregates)
            let items = try inList.list.map { try bind($0, in: scope, allowAggregates: allowAggregates) }
            let common = try commonType(for: .comparison, [value] + items, span: span)
            return BoundExpression(.inList(try coerce(value, to: common), try items.map { try coerce($0, to: common) },
                                           negated: inList.negated), type: .boolean, span: span)
        case .like(let like):
            guard like.quantifier == nil, like.patterns.count == 1 else {
                throw Binder.unsupported("LIKE ANY/ALL", at: span)
            }
            let value = try coerce(try bind(like.value, in: scope, allowAggregates: allowAggregates), to: .string)
            let pattern = try coerce(try bind(like.patterns[0], in: scope, allowAggregates: allowAggregates),
                                     to: .string)
            return BoundExpression(.like(value, pattern: pattern, op: like.op, negated: like.negated),
                                   type: .boolean, span: span)
        case .caseWhen(let caseWhen):
            return try bindCase(caseWhen, span: span, in: scope, allowAggregates: allowAggregates)
        case .cast(let cast):
            let value = try bind(cast.value, in: scope, allowAggregates: allowAggregates)
            let target: HiveType
            do {
                target = try HiveType(cast.type)
            } catch {
                throw Binder.error("\(error)", at: span, code: "HQL3010")
            }
            guard TypeCoercion.canCastExplicitly(from: value.type, to: target) else {
                throw Binder.error("cannot cast \(value.type) to \(target)", at: span, code: "HQL3011")
            }
            return value.type == target ? value : BoundExpression(.cast(value), type: target, span: span)
        case .function(let call):
            return try bindFunction(call, span: span, in: scope, allowAggregates: allowAggregates)
        case .star:
            throw Binder.error("'*' is only allowed in a select list or count(*)", at: span, code: "HQL3012")
        case .inSubquery(let inSubquery):
            let value = try bind(inSubquery.value, in: scope, allowAggregates: allowAggregates)
            let query = try bindSubquery(inSubquery.query, in: scope)
            guard query.columns.count == 1 else {
                throw Binder.error("the subquery of IN must return one column, found \(query.columns.count)", at: span,
                                   code: "HQL3060")
            }
            let common = try commonType(for: .comparison,
                                        [value, BoundExpression(.literal(.null), type: query.columns[0].type, span: span)],
                                        span: span)
            var converted = query
            converted.body = try coerceBody(query.body, to: [common])
            converted.columns[0].type = common
            return BoundExpression(.inSubquery(try coerce(value, to: common), converted, negated: inSubquery.negated),
                                   type: .boolean, span: span)
        case .exists(let query, let negated):
            return BoundExpression(.exists(try bindSubquery(query, in: scope), negated: negated), type: .boolean,
                                   span: span)
        case .scalarSubquery(let query):
            let bound = try bindSubquery(query, in: scope)
            guard bound.columns.count == 1 else {
                throw Binder.error("a scalar subquery must return one column, found \(bound.columns.count)", at: span,
                                   code: "HQL3061")
            }
            return BoundExpression(.scalarSubquery(bound), type: bound.columns[0].type, span: span)
        case .subscript(let base, let index):
            let collection = try bind(base, in: scope, allowAggregates: allowAggregates)
            let key = try bind(index, in: scope, allowAggregates: allowAggregates)
            let (keyType, resultType): (HiveType, HiveType)
            switch collection.type {
            case .array(let element): (keyType, resultType) = (.int, element)
            case .map(let mapKey, let value): (keyType, resultType) = (mapKey, value)
            default:
                throw Binder.error("[..] needs an ARRAY or a MAP, found \(collection.type)", at: span, code: "HQL3065")
            }
            let call = BoundFunctionCall(name: "subscript", lowering: .swiftFunction("hive_subscript"),
                                         arguments: [collection, try coerce(key, to: keyType)])
            return BoundExpression(.function(call), type: resultType, span: span)
        case .field(let base, let field):
            return try fieldAccess(try bind(base, in: scope, allowAggregates: allowAggregates), field, span: span)
        case .lambda:
            throw Binder.unsupported("a lambda function", at: span)
        case .tuple:
            throw Binder.unsupported("a row value", at: span)
        }
    }

    /// Binds a subquery that may refer to the columns of the enclosing query (correlation).
    mutating func bindSubquery(_ query: Query, in scope: Scope) throws -> BoundQuery {
        let saved = correlation
        correlation = scope.outer + scope.relations
        defer { correlation = saved }
        return try bind(query, outer: currentCTEs)
    }

    // MARK: - Literals

    func bindLiteral(_ literal: Literal, span: Span) throws -> BoundExpression {
        switch literal {
        case .null:
            return BoundExpression(.literal(.null), type: .void, span: span)
        case .boolean(let value):
            return BoundExpression(.literal(.boolean(value)), type: .boolean, span: span)
        case .string(let value):
            return BoundExpression(.literal(.string(value)), type: .string, span: span)
        case .number(let text, let suffix):
            let type: HiveType
            do {
                // Hive types `2.5` as DOUBLE (Spark as DECIMAL); hqlrun follows Hive (queries/conformance/README.md).
                type = try OperatorTyping.literalType(text: text, suffix: suffix, dialect: .hive)
            } catch {
                throw Binder.error("\(error)", at: span, code: "HQL3013")
            }
            switch type {
            case .tinyint, .smallint, .int, .bigint:
                guard let value = Int64(text) else {
                    throw Binder.error("integer literal \(text) is out of range", at: span, code: "HQL3013")
                }
                return BoundExpression(.literal(.integer(value)), type: type, span: span)
            case .double, .float:
                return BoundExpression(.literal(.double(Double(text) ?? .nan)), type: type, span: span)
            default:
                return BoundExpression(.literal(.decimal(text)), type: type, span: span)
            }
        case .date(let text), .timestamp(let text):
            // A typed literal is its text cast to the type; the runtime's parser decides what is valid.
            let type: HiveType = { if case .date = literal { return .date } else { return .timestamp } }()
            return BoundExpression(.cast(BoundExpression(.literal(.string(text)), type: .string, span: span)),
                                   type: type, span: span)
        case .binary, .interval:
            throw Binder.unsupported("binary and INTERVAL literals", at: span)
        }
    }

    // MARK: - Operators

    mutating func bindUnary(_ op: UnaryOperator, _ operand: Expression, span: Span, in scope: Scope,
                            allowAggregates: Bool) throws -> BoundExpression {
        // `-2147483648` is one INT literal, as in Hive and Spark, not the negation of a BIGINT.
        if op == .negate, case .literal(.number(let text, let suffix)) = operand.kind, !text.hasPrefix("-") {
            return try bindLiteral(.number(text: "-" + text, suffix: suffix), span: span)
        }
        let value = try bind(operand, in: scope, allowAggregates: allowAggregates)
        switch op {
        case .not:
            return BoundExpression(.not(try coerce(value, to: .boolean)), type: .boolean, span: span)
        case .plus, .negate, .bitwiseNot:
            let type: HiveType
            do {
                type = try OperatorTyping.unaryResultType(negating: value.type, bitwise: op == .bitwiseNot)
            } catch {
                throw Binder.error("\(error)", at: span, code: "HQL3014")
            }
            let converted = try coerce(value, to: type)
            switch op {
            case .plus: return converted
            case .negate: return BoundExpression(.negate(converted), type: type, span: span)
            case .bitwiseNot, .not: return BoundExpression(.bitwiseNot(converted), type: type, span: span)
            }
        }
    }

    func bindBinary(_ op: BinaryOperator, _ lhs: BoundExpression, _ rhs: BoundExpression,
                    span: Span) throws -> BoundExpression {
        switch op {
        case .and, .or:
            let left = try coerce(lhs, to: .boolean)
            let right = try coerce(rhs, to: .boolean)
            return BoundExpression(op == .and ? .and(left, right) : .or(left, right), type: .boolean, span: span)
        case .equal, .nullSafeEqual, .notEqual, .less, .lessEqual, .greater, .greaterEqual:
            let common = try commonType(for: .comparison, [lhs, rhs], span: span)
            return BoundExpression(.comparison(op, try coerce(lhs, to: common), try coerce(rhs, to: common)),
                                   type: .boolean, span: span)
        case .concat:
            return BoundExpression(.concat([try coerce(lhs, to: .string), try coerce(rhs, to: .string)]),
                                   type: .string, span: span)
        case .add, .subtract, .multiply, .divide, .modulo, .integerDivide, .bitwiseAnd, .bitwiseOr, .bitwiseXor:
            // An integer literal meeting a decimal counts with its own digits (`2` is DECIMAL(1,0)), as in Spark.
            var lhs = lhs, rhs = rhs
            if lhs.type.decimalParameters != nil || rhs.type.decimalParameters != nil {
                lhs = Binder.narrowingIntegerLiteral(lhs)
                rhs = Binder.narrowingIntegerLiteral(rhs)
            }
            let arithmetic = OperatorTyping.BinaryOperator(op)
            let type: HiveType
            do {
                type = try OperatorTyping.resultType(of: arithmetic, lhs.type, rhs.type)
            } catch {
                throw Binder.error("\(error)", at: span, code: "HQL3014")
            }
            if type.decimalParameters != nil, [.multiply, .divide, .modulo].contains(op) {
                // Exact decimal * / % keep each operand's own precision and scale (the result type depends on both).
                return BoundExpression(.arithmetic(op, try coerce(lhs, to: DecimalTyping.asDecimal(lhs.type)),
                                                   try coerce(rhs, to: DecimalTyping.asDecimal(rhs.type))),
                                       type: type, span: span)
            }
            // `/` computes in DOUBLE; DIV in BIGINT; the rest in the result type.
            let operandType: HiveType = op == .integerDivide ? .bigint : type
            return BoundExpression(.arithmetic(op, try coerce(lhs, to: operandType), try coerce(rhs, to: operandType)),
                                   type: type, span: span)
        }
    }

    /// `value.field` of a STRUCT (field names compare case-insensitively, as Hive's do).
    func fieldAccess(_ value: BoundExpression, _ field: Identifier, span: Span) throws -> BoundExpression {
        guard case .struct(let fields) = value.type else {
            throw Binder.error("'.\(field.name)' needs a STRUCT, found \(value.type)", at: span, code: "HQL3066")
        }
        guard let match = fields.first(where: { $0.name.lowercased() == field.name.lowercased() }) else {
            throw Binder.error("STRUCT has no field '\(field.name)'", at: field.span, code: "HQL3067")
        }
        let name = BoundExpression(.literal(.string(match.name)), type: .string, span: field.span)
        let call = BoundFunctionCall(name: "field", lowering: .swiftFunction("hive_field"), arguments: [value, name])
        return BoundExpression(.function(call), type: match.type, span: span)
    }

    /// An integer literal as the smallest decimal that holds it; anything else as it is.
    static func narrowingIntegerLiteral(_ expression: BoundExpression) -> BoundExpression {
        guard case .literal(.integer(let value)) = expression.kind, expression.type.isIntegral else { return expression }
        let type = DecimalTyping.decimalType(forIntegerLiteral: value)
        return BoundExpression(.cast(expression), type: type, span: expression.span)
    }

    // MARK: - CASE

    mutating func bindCase(_ caseWhen: CaseWhen, span: Span, in scope: Scope,
                           allowAggregates: Bool) throws -> BoundExpression {
        let operand = try caseWhen.operand.map { try bind($0, in: scope, allowAggregates: allowAggregates) }
        var conditions: [BoundExpression] = []
        var results: [BoundExpression] = []
        for branch in caseWhen.branches {
            let test = try bind(branch.condition, in: scope, allowAggregates: allowAggregates)
            if let operand {
                conditions.append(try bindBinary(.equal, operand, test, span: branch.condition.span))
            } else {
                conditions.append(try coerce(test, to: .boolean))
            }
            results.append(try bind(branch.result, in: scope, allowAggregates: allowAggregates))
        }
        let elseResult = try caseWhen.elseResult.map { try bind($0, in: scope, allowAggregates: allowAggregates) }
        let type = try commonType(for: .branches, results + (elseResult.map { [$0] } ?? []), span: span)
        let branches = try zip(conditions, results).map { (condition: $0, result: try coerce($1, to: type)) }
        return BoundExpression(.caseWhen(branches, elseResult: try elseResult.map { try coerce($0, to: type) }),
                               type: type, span: span)
    }

    // MARK: - Types

    /// The type several expressions meet in, or Hive's error naming them.
    func commonType(for context: TypeCoercion.Context, _ expressions: [BoundExpression],
                    span: Span) throws -> HiveType {
        let types = expressions.map(\.type).filter { $0 != .void }
        guard !types.isEmpty else { return .void }
        guard let common = TypeCoercion.commonType(for: context, of: types) else {
            let listed = expressions.map { $0.type.description }.joined(separator: ", ")
            throw Binder.error("incompatible types: \(listed)", at: span, code: "HQL3015")
        }
        return common
    }

    /// Converts an expression to `type` (implicitly; explicit CAST is bound above).
    func coerce(_ expression: BoundExpression, to type: HiveType) throws -> BoundExpression {
        if expression.type == type { return expression }
        if expression.type == .void {
            return BoundExpression(.literal(.null), type: type, span: expression.span)
        }
        guard TypeCoercion.canCastExplicitly(from: expression.type, to: type) else {
            throw Binder.error("cannot convert \(expression.type) to \(type)", at: expression.span, code: "HQL3016")
        }
        return BoundExpression(.cast(expression), type: type, span: expression.span)
    }
}

extension OperatorTyping.BinaryOperator {
    /// The typing rule's operator for an arithmetic or bitwise AST operator.
    init(_ op: BinaryOperator) {
        switch op {
        case .subtract: self = .minus
        case .multiply: self = .multiply
        case .divide: self = .divide
        case .modulo: self = .modulo
        case .integerDivide: self = .integerDivide
        case .bitwiseAnd: self = .bitwiseAnd
        case .bitwiseOr: self = .bitwiseOr
        case .bitwiseXor: self = .bitwiseXor
        case .add, .or, .and, .equal, .nullSafeEqual, .notEqual, .less, .lessEqual, .greater, .greaterEqual, .concat:
            self = .plus
        }
    }
}
