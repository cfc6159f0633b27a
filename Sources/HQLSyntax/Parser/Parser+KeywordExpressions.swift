/// Expressions introduced by a keyword (`grammar/expressions.md`): CASE, CAST, EXISTS, EXTRACT and interval
/// literals. The operator levels and the other primaries are in `Parser+Expressions.swift`.
extension Parser {
    // MARK: - Keyword forms

    /// `caseExpression: CASE [expression] (WHEN expression THEN expression)+ [ELSE expression] END`
    mutating func parseCase() throws -> Expression {
        let caseToken = try expect(.case)
        var operand: Expression?
        if at(.end) { throw unexpected("WHEN", suggesting: [.when]) }
        if !at(.when) { operand = try nested { try $0.parseExpression() } }
        var branches: [CaseWhen.Branch] = []
        while eat(.when) != nil {
            let condition = try nested { try $0.parseExpression() }
            try expect(.then)
            let result = try nested { try $0.parseExpression() }
            branches.append(CaseWhen.Branch(condition: condition, result: result))
        }
        if branches.isEmpty { throw unexpected("WHEN", suggesting: [.when]) }
        var elseResult: Expression?
        if eat(.else) != nil { elseResult = try nested { try $0.parseExpression() } }
        if !at(.end), !at(.when), !at(.else) {
            let location = file.location(of: caseToken.span.start)
            var message = "expected END to close the CASE opened at \(location), found \(describe(current))"
            if let suggestion = suggestion(for: current, among: [.end, .when, .else, .then]) {
                message += "; did you mean \(suggestion.rawValue)?"
            }
            throw Diagnostic.error("HQL2003", message, at: current.span)
        }
        try expect(.end)
        let caseWhen = CaseWhen(operand: operand, branches: branches, elseResult: elseResult)
        return Expression(.caseWhen(caseWhen), span: caseToken.span.union(previousSpan))
    }

    /// `castExpression: CAST '(' expression AS dataType ')'`
    mutating func parseCast() throws -> Expression {
        let castToken = try expect(.cast)
        let opener = try expect(.leftParen, "'(' after CAST")
        let value = try nested { try $0.parseExpression() }
        if !at(.as) { throw unexpected("AS and a type in CAST(x AS type)", suggesting: [.as]) }
        advance()
        let type = try parseDataType()
        try expectClosing(.rightParen, opener: opener.span, of: "CAST")
        return Expression(.cast(Cast(value: value, type: type)), span: castToken.span.union(previousSpan))
    }

    /// `primary: [NOT] EXISTS '(' query ')'`; `exists(array, lambda)` without a query is Spark's function.
    mutating func parseExists() throws -> Expression {
        let start = current.span
        let negated = eat(.not) != nil
        let existsToken = try expect(.exists)
        if at(.leftParen), !peekIs(.select), !peekIs(.with), !peekIs(.from) {
            let name = QualifiedName([Identifier(text(of: existsToken), span: existsToken.span)])
            let call = try parseFunctionCall(name: name)
            if !negated { return call }
            return Expression(.unary(.not, call), span: start.union(call.span))
        }
        let opener = try expect(.leftParen, "'(' and a subquery after EXISTS")
        let query = try nested { try $0.parseQuery() }
        let closer = try expectClosing(.rightParen, opener: opener.span, of: "EXISTS subquery")
        return Expression(.exists(query, negated: negated), span: start.union(closer.span))
    }

    /// `extractExpression: EXTRACT '(' namePart FROM expression ')'`, kept as the call `extract(field, value)`
    /// (`extract(year, d)` is the same tree).
    mutating func parseExtract() throws -> Expression {
        let keywordToken = advance()
        let opener = try expect(.leftParen)
        let fieldStart = current.span
        let field = try parseNamePart("date field such as YEAR")
        let fieldExpression = Expression(.column([field]), span: fieldStart)
        if !at(.from), !at(.comma) { throw unexpected("FROM in EXTRACT(field FROM value)", suggesting: [.from]) }
        advance()
        let value = try nested { try $0.parseExpression() }
        try expectClosing(.rightParen, opener: opener.span, of: "EXTRACT")
        let name = QualifiedName([Identifier(text(of: keywordToken), span: keywordToken.span)])
        let call = FunctionCall(name: name, arguments: [fieldExpression, value])
        return Expression(.function(call), span: keywordToken.span.union(previousSpan))
    }

    // MARK: - Intervals

    /// ```
    /// intervalLiteral: INTERVAL intervalValue intervalUnit [TO intervalUnit]
    ///                | INTERVAL intervalValue intervalUnit (intervalValue intervalUnit)+
    /// intervalValue: string | ['-' | '+'] number | '(' expression ')'
    /// ```
    mutating func parseIntervalLiteral() throws -> Expression {
        let intervalToken = try expect(.interval)
        var components: [IntervalLiteral.Component] = []
        repeat {
            let value = try parseIntervalValue()
            let unit = try parseIntervalUnit()
            components.append(IntervalLiteral.Component(value: value, unit: unit))
        } while atIntervalValue && isIntervalUnit(peek(at(TokenKind.minus) || at(TokenKind.plus) ? 2 : 1))
        var toUnit: IntervalUnit?
        if components.count == 1, eat(.to) != nil { toUnit = try parseIntervalUnit() }
        let literal = IntervalLiteral(components: components, toUnit: toUnit)
        return Expression(.literal(.interval(literal)), span: intervalToken.span.union(previousSpan))
    }

    private var atIntervalValue: Bool {
        switch current.kind {
        case .string, .number: return true
        case .minus, .plus: return peekIs(.number)
        default: return false
        }
    }

    private mutating func parseIntervalValue() throws -> Expression {
        switch current.kind {
        case .string:
            let start = current.span
            let value = try parseStringLiteral()
            return Expression(.literal(.string(value)), span: start.union(previousSpan))
        case .number, .minus, .plus:
            return try parseUnary()
        case .leftParen:
            return try parseParenthesizedExpression()
        default:
            throw unexpected("interval value (a string, a number or a parenthesised expression)")
        }
    }

    /// `intervalUnit: YEAR | MONTH | WEEK | DAY | HOUR | MINUTE | SECOND | MILLISECOND | MICROSECOND`, plurals allowed.
    mutating func parseIntervalUnit() throws -> IntervalUnit {
        guard let unit = intervalUnit(current) else {
            throw unexpected("interval unit (YEAR, MONTH, WEEK, DAY, HOUR, MINUTE or SECOND)",
                             suggesting: [.year, .month, .week, .day, .hour, .minute, .second])
        }
        advance()
        return unit
    }

    private func isIntervalUnit(_ token: Token) -> Bool { intervalUnit(token) != nil }

    /// The unit a word names, singular or plural (`DAYS` is `DAY`).
    func intervalUnit(_ token: Token) -> IntervalUnit? {
        switch token.kind {
        case .identifier, .keyword:
            var word = text(of: token).uppercased()
            if let unit = IntervalUnit(rawValue: word) { return unit }
            if word.hasSuffix("S") {
                word.removeLast()
                return IntervalUnit(rawValue: word)
            }
            return nil
        default:
            return nil
        }
    }
}
