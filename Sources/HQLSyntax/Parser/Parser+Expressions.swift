/// Expression productions (`grammar/expressions.md`): operators by precedence climbing over
/// `BinaryOperator.precedence`, then the predicates, prefix operators, postfix subscripts and primaries.
///
/// Levels, loosest first: OR · AND · NOT/! · comparisons and predicates (BETWEEN, IN, LIKE, IS) ·
/// `|` · `^` · `&` · `+ - ||` · `* / % DIV` · unary `- + ~` · postfix `[i]` `.f`.
extension Parser {
    /// The precedence of `NOT` and `!`, between AND and the comparisons.
    static let notPrecedence = 3
    /// The precedence of comparisons and predicates (`BETWEEN`, `IN`, `LIKE`, `IS`).
    static let comparisonPrecedence = 4

    // MARK: - Operators

    /// `expression: binary(1)`
    mutating func parseExpression() throws -> Expression {
        try parseBinary(1)
    }

    /// `binary(p): [NOT|!] binary(3) if p <= 3 | unary (binaryOperator binary(q+1) | predicateSuffix)*`
    ///
    /// Precedence climbing: an operator of precedence `q >= p` takes the operand parsed so far as its left side
    /// and parses its right side at `q + 1`, so operators of one level associate to the left.
    mutating func parseBinary(_ minimum: Int) throws -> Expression {
        // Each operator of a chain deepens the tree by one; nested chains add up, so `chainDepth` follows the
        // depth of the tree being built and stops one that later recursive passes could not walk.
        let chainDepthOnEntry = chainDepth
        defer { chainDepth = chainDepthOnEntry }
        var left: Expression
        if minimum <= Parser.notPrecedence, (at(.not) && !peekIs(.exists)) || at(.bang) {
            let operatorToken = advance()
            let operand = try nested { try $0.parseBinary(Parser.notPrecedence) }
            left = Expression(.unary(.not, operand), span: operatorToken.span.union(operand.span))
        } else {
            left = try parseUnary()
        }
        while true {
            if minimum <= Parser.comparisonPrecedence, let predicate = try parsePredicateSuffix(after: left) {
                left = predicate
                continue
            }
            guard let binaryOperator = binaryOperator(at: current), binaryOperator.precedence >= minimum else {
                break
            }
            let operatorToken = advance()
            chainDepth += 1
            if chainDepth > Parser.maximumChainDepth {
                throw Diagnostic.error("HQL2005", "expression is too long: more than \(Parser.maximumChainDepth) "
                                       + "operators in a row; split it or use IN (..)", at: operatorToken.span)
            }
            let right = try parseBinary(binaryOperator.precedence + 1)
            left = Expression(.binary(binaryOperator, left, right), span: left.span.union(right.span))
        }
        return left
    }

    /// The binary operator a token spells, if any (`&&` is AND, `==` is `=`, `!=` is `<>`, `||` is concat).
    /// ```
    /// binaryOperator: OR | AND | '&&' | '=' | '==' | '!=' | '<>' | '<=>' | '<' | '<=' | '>' | '>='
    ///               | '|' | '^' | '&' | '+' | '-' | '||' | '*' | '/' | '%' | DIV
    /// ```
    func binaryOperator(at token: Token) -> BinaryOperator? {
        switch token.kind {
        case .keyword(.or): return .or
        case .keyword(.and), .ampersandAmpersand: return .and
        case .equal, .equalEqual: return .equal
        case .nullSafeEqual: return .nullSafeEqual
        case .bangEqual, .lessGreater: return .notEqual
        case .less: return .less
        case .lessEqual: return .lessEqual
        case .greater: return .greater
        case .greaterEqual: return .greaterEqual
        case .pipe: return .bitwiseOr
        case .caret: return .bitwiseXor
        case .ampersand: return .bitwiseAnd
        case .plus: return .add
        case .minus: return .subtract
        case .pipePipe: return .concat
        case .star: return .multiply
        case .slash: return .divide
        case .percent: return .modulo
        case .keyword(.div): return .integerDivide
        default: return nil
        }
    }

    /// ```
    /// predicateSuffix: [NOT] BETWEEN binary(5) AND binary(5)
    ///                | [NOT] IN '(' (query | expression (',' expression)*) ')'
    ///                | [NOT] (LIKE | RLIKE | REGEXP) binary(5)
    ///                | [NOT] LIKE (ANY | ALL) '(' expression (',' expression)* ')'
    ///                | IS [NOT] (NULL | TRUE | FALSE) | IS [NOT] DISTINCT FROM binary(5)
    /// ```
    /// Returns nil, consuming nothing, when no predicate follows.
    mutating func parsePredicateSuffix(after value: Expression) throws -> Expression? {
        let operand = Parser.comparisonPrecedence + 1
        if eat(.is) != nil {
            let negated = eat(.not) != nil
            if let token = eat(.null) {
                return Expression(.isNull(value, negated: negated), span: value.span.union(token.span))
            }
            if let token = eat(.true) ?? eat(.false) {
                let truth = token.kind == .keyword(.true)
                return Expression(.isBoolean(value, value: truth, negated: negated), span: value.span.union(token.span))
            }
            if eat(.distinct, .from) {
                // `a IS NOT DISTINCT FROM b` means `a <=> b`; `IS DISTINCT FROM` is its negation.
                let other = try parseBinary(operand)
                let span = value.span.union(other.span)
                let equal = Expression(.binary(.nullSafeEqual, value, other), span: span)
                return negated ? equal : Expression(.unary(.not, equal), span: span)
            }
            throw unexpected("NULL, TRUE, FALSE or DISTINCT FROM after IS", suggesting: [.null, .true, .false])
        }
        var negated = false
        if at(.not), peek().kind == .keyword(.between) || peek().kind == .keyword(.in)
            || peek().kind == .keyword(.like) || peek().kind == .keyword(.rlike) || peek().kind == .keyword(.regexp) {
            advance()
            negated = true
        }
        if eat(.between) != nil {
            let low = try parseBinary(operand)
            try expect(.and)
            let high = try parseBinary(operand)
            let between = Between(value: value, low: low, high: high, negated: negated)
            return Expression(.between(between), span: value.span.union(high.span))
        }
        if at(.in) {
            advance()
            let opener = try expect(.leftParen, "'(' after IN")
            if atQueryStart {
                let query = try nested { try $0.parseQuery() }
                let closer = try expectClosing(.rightParen, opener: opener.span, of: "IN subquery")
                let inSubquery = InSubquery(value: value, query: query, negated: negated)
                return Expression(.inSubquery(inSubquery), span: value.span.union(closer.span))
            }
            var list: [Expression] = []
            repeat {
                list.append(try nested { try $0.parseExpression() })
            } while eat(.comma) != nil
            let closer = try expectClosing(.rightParen, opener: opener.span, of: "IN list")
            let inList = InList(value: value, list: list, negated: negated)
            return Expression(.inList(inList), span: value.span.union(closer.span))
        }
        let likeOperator: Like.Operator
        switch current.kind {
        case .keyword(.like): likeOperator = .like
        case .keyword(.rlike): likeOperator = .rlike
        case .keyword(.regexp): likeOperator = .regexp
        default:
            if negated { throw unexpected("BETWEEN, IN, LIKE, RLIKE or REGEXP after NOT") }
            return nil
        }
        advance()
        if likeOperator == .like, at(any: .any, .all), peekIs(.leftParen) {
            let quantifier: Like.Quantifier = at(.any) ? .any : .all
            advance()
            let opener = current.span
            let patterns = try parseParenthesizedList(of: "LIKE \(quantifier.rawValue) patterns") {
                try $0.nested { try $0.parseExpression() }
            }
            let like = Like(value: value, op: .like, negated: negated, patterns: patterns, quantifier: quantifier)
            return Expression(.like(like), span: value.span.union(opener).union(previousSpan))
        }
        let pattern = try parseBinary(operand)
        let like = Like(value: value, op: likeOperator, negated: negated, patterns: [pattern])
        return Expression(.like(like), span: value.span.union(pattern.span))
    }

    /// `unary: ('-' | '+' | '~') unary | postfix`
    mutating func parseUnary() throws -> Expression {
        let unaryOperator: UnaryOperator
        switch current.kind {
        case .minus: unaryOperator = .negate
        case .plus: unaryOperator = .plus
        case .tilde: unaryOperator = .bitwiseNot
        default: return try parsePostfix()
        }
        let operatorToken = advance()
        let operand = try nested { try $0.parseUnary() }
        return Expression(.unary(unaryOperator, operand), span: operatorToken.span.union(operand.span))
    }

    /// `postfix: primary ('[' expression ']' | '.' name)*`; a `::` cast is rejected with advice.
    mutating func parsePostfix() throws -> Expression {
        var expression = try parsePrimary()
        while true {
            if at(.leftBracket) {
                let opener = advance()
                let index = try nested { try $0.parseExpression() }
                let closer = try expectClosing(.rightBracket, opener: opener.span, of: "subscript")
                expression = Expression(.subscript(expression, index: index), span: expression.span.union(closer.span))
            } else if at(.dot) {
                advance()
                let field = try parseNamePart("field name")
                expression = Expression(.field(expression, field), span: expression.span.union(field.span))
            } else if at(.doubleColon) {
                throw Diagnostic.error("HQL2020", "'::' casts are not HiveQL; write CAST(x AS type)", at: current.span)
            } else {
                return expression
            }
        }
    }

    // MARK: - Primaries

    /// ```
    /// primary: literal | name | functionCall | '*' | CASE .. END | CAST '(' .. ')' | [NOT] EXISTS '(' query ')'
    ///        | '(' query ')' | '(' expression ')' | '(' expression (',' expression)+ ')' | lambda
    /// literal: STRING+ | NUMBER | TRUE | FALSE | NULL | DATE STRING | TIMESTAMP STRING | X STRING | intervalLiteral
    /// ```
    mutating func parsePrimary() throws -> Expression {
        let token = current
        switch token.kind {
        case .number:
            advance()
            return Expression(.literal(numberLiteral(text(of: token))), span: token.span)
        case .string:
            let value = try parseStringLiteral()
            return Expression(.literal(.string(value)), span: token.span.union(previousSpan))
        case .identifier:
            if peek().kind == .string, peek().span.start == token.span.end, text(of: token).uppercased() == "X" {
                // `X'0A0B'`: the lexer sees the word `X` glued to a string.
                advance()
                let literal = advance()
                let digits = String(text(of: literal).dropFirst().dropLast())
                return Expression(.literal(.binary(digits)), span: token.span.union(literal.span))
            }
            if peekIs(.arrow) { return try parseLambda() }
            return try parseNameOrCall()
        case .quotedIdentifier:
            if peekIs(.arrow) { return try parseLambda() }
            return try parseNameOrCall()
        case .leftParen:
            return try parseParenthesizedExpression()
        case .star:
            advance()
            return Expression(.star(qualifier: []), span: token.span)
        case .keyword(let keyword):
            return try parseKeywordPrimary(keyword)
        default:
            throw unexpected("expression")
        }
    }

    /// Reserved keywords that Hive and Spark also accept as function names when a `(` follows:
    /// `functionName: identifier ('.' namePart)* | IF | ARRAY | MAP | .. | CURRENT_DATE | CURRENT_TIMESTAMP`.
    static let keywordFunctionNames: Set<Keyword> = [
        .if, .array, .map, .bigint, .binary, .boolean, .char, .varchar, .date, .decimal, .double, .float, .int,
        .integer, .smallint, .timestamp, .grouping, .floor, .left, .right, .transform, .reduce,
    ]

    /// Reserved keywords that shape statements and expressions; finding one where an expression should be is
    /// a missing operand, not a name that wants backticks.
    static let structuralKeywords: Set<Keyword> = [
        .select, .insert, .end, .then, .when, .else, .as, .by, .and, .or, .is, .in, .between, .like, .rlike,
        .regexp, .over, .distinct, .all, .with, .values, .table, .partition, .rows, .range, .following, .preceding,
        .unbounded, .into, .to, .of, .out, .having, .set, .create, .drop, .alter, .not, .for,
    ]

    /// The primaries that start with a keyword: literals, CASE, CAST, EXISTS, INTERVAL, and keyword-named calls.
    mutating func parseKeywordPrimary(_ keyword: Keyword) throws -> Expression {
        let token = current
        switch keyword {
        case .true, .false:
            advance()
            return Expression(.literal(.boolean(keyword == .true)), span: token.span)
        case .null:
            advance()
            return Expression(.literal(.null), span: token.span)
        case .date where peek().kind == .string, .timestamp where peek().kind == .string:
            advance()
            let value = try parseStringLiteral()
            let literal: Literal = keyword == .date ? .date(value) : .timestamp(value)
            return Expression(.literal(literal), span: token.span.union(previousSpan))
        case .interval:
            return try parseIntervalLiteral()
        case .case:
            return try parseCase()
        case .cast:
            return try parseCast()
        case .exists:
            return try parseExists()
        case .not where peekIs(.exists):
            return try parseExists()
        case .extract where peekIs(.leftParen):
            return try parseExtract()
        case .currentDate, .currentTimestamp:
            // `current_date` and `current_date()` are the same call.
            advance()
            let name = QualifiedName([Identifier(text(of: token), span: token.span)])
            if at(.leftParen), peekIs(.rightParen) {
                advance()
                advance()
            }
            return Expression(.function(FunctionCall(name: name, arguments: [])), span: token.span.union(previousSpan))
        default:
            if !keyword.isReserved { return peekIs(.arrow) ? try parseLambda() : try parseNameOrCall() }
            if Parser.keywordFunctionNames.contains(keyword), peekIs(.leftParen) {
                advance()
                let name = QualifiedName([Identifier(text(of: token), span: token.span)])
                return try parseFunctionCall(name: name)
            }
            if Parser.clauseKeywords.contains(keyword) || Parser.structuralKeywords.contains(keyword) {
                throw unexpected("expression")
            }
            throw Diagnostic.error("HQL2011", "expected expression, found reserved keyword \(keyword.rawValue); "
                                   + "write it in backticks (`\(text(of: token))`) to use it as a name", at: token.span)
        }
    }

    /// A number token split into its digits and its Hive type suffix (`10L`, `1.5BD`, `2Y`).
    func numberLiteral(_ text: String) -> Literal {
        let upper = text.uppercased()
        if upper.hasSuffix("BD") { return .number(text: String(text.dropLast(2)), suffix: .decimal) }
        if let last = upper.last, let suffix = NumericSuffix(rawValue: String(last)) {
            return .number(text: String(text.dropLast()), suffix: suffix)
        }
        return .number(text: text, suffix: nil)
    }

    /// ```
    /// name: identifier ('.' namePart)*
    /// qualifiedStar: identifier ('.' namePart)* '.' '*'
    /// functionCall: identifier ('.' namePart)* '(' arguments ')' [IGNORE NULLS] [FILTER '(' WHERE expression ')'] [OVER window]
    /// ```
    /// After a `.` any word is a name (`t.date`), as there it cannot be a keyword.
    mutating func parseNameOrCall() throws -> Expression {
        let start = current.span
        var parts = [try parseIdentifier()]
        while at(.dot) {
            advance()
            if at(.star) {
                let star = advance()
                return Expression(.star(qualifier: parts), span: start.union(star.span))
            }
            parts.append(try parseNamePart("name after '.'"))
        }
        if at(.leftParen) { return try parseFunctionCall(name: QualifiedName(parts)) }
        return Expression(.column(parts), span: start.union(previousSpan))
    }

    /// `namePart: identifier | keyword` — any word is a name after `.`, where it cannot be a keyword.
    mutating func parseNamePart(_ what: String) throws -> Identifier {
        if case .keyword = current.kind {
            let token = advance()
            return Identifier(text(of: token), span: token.span)
        }
        return try parseIdentifier(what)
    }

    /// `arguments: [DISTINCT | ALL] ('*' | expression (',' expression)* [IGNORE NULLS])?`, at the `(` after the name.
    mutating func parseFunctionCall(name: QualifiedName) throws -> Expression {
        let opener = try expect(.leftParen, "'(' to open the arguments of \(name)")
        var call = FunctionCall(name: name, arguments: [])
        if eat(.distinct) != nil {
            call.isDistinct = true
            if at(.rightParen) { throw unexpected("expression after DISTINCT") }
        } else if at(.all), !peekIs(.rightParen) {
            advance()
        }
        if at(.star), peekIs(.rightParen) {
            advance()
            call.isStar = true
        } else if let arguments = try parseKeywordArguments(of: name) {
            call.arguments = arguments
        } else if !at(.rightParen) {
            repeat {
                call.arguments.append(try nested { try $0.parseExpression() })
            } while eat(.comma) != nil
            if eat(.ignore, .nulls) { call.ignoreNulls = true }
        }
        try expectClosing(.rightParen, opener: opener.span, of: "arguments of \(name)")
        if eat(.ignore, .nulls) {
            call.ignoreNulls = true
        } else if atWord("RESPECT"), peekIs(.nulls) {
            advance()
            advance()
        }
        if atWord("FILTER"), peekIs(.leftParen), peekIs(.where, 2) {
            advance()
            let filterOpener = advance()
            advance()
            call.filter = try nested { try $0.parseExpression() }
            try expectClosing(.rightParen, opener: filterOpener.span, of: "FILTER clause")
        }
        if eat(.over) != nil { call.over = try parseWindowReference() }
        return Expression(.function(call), span: name.span.union(previousSpan))
    }

    /// The SQL-standard spellings `position(s IN t)` and `substring(s FROM i [FOR n])`, read as the plain calls
    /// `position(s, t)` and `substring(s, i[, n])` (Spark's meaning of both); nil, consuming nothing, otherwise.
    mutating func parseKeywordArguments(of name: QualifiedName) throws -> [Expression]? {
        guard name.parts.count == 1 else { return nil }
        let function = name.name.name.lowercased()
        guard function == "position" || function == "substring" || function == "substr" else { return nil }
        // Look ahead on a copy: only commit when the keyword form is really there.
        var probe = self
        guard let first = try? probe.nested({ try $0.parseBinary(Parser.comparisonPrecedence + 1) }) else { return nil }
        if function == "position" {
            guard probe.eat(.in) != nil else { return nil }
            self = probe
            return [first, try nested { try $0.parseExpression() }]
        }
        guard probe.eat(.from) != nil else { return nil }
        self = probe
        var arguments = [first, try nested { try $0.parseExpression() }]
        if eat(.for) != nil { arguments.append(try nested { try $0.parseExpression() }) }
        return arguments
    }

    /// Whether the current token is the bare word `word` (not a keyword), compared case-insensitively.
    func atWord(_ word: String) -> Bool {
        current.kind == .identifier && text(of: current).uppercased() == word
    }

    /// `lambda: identifier '->' expression | '(' identifier (',' identifier)* ')' '->' expression`
    mutating func parseLambda() throws -> Expression {
        let start = current.span
        var parameters: [Identifier] = []
        if let opener = eat(.leftParen) {
            repeat {
                parameters.append(try parseIdentifier("lambda parameter"))
            } while eat(.comma) != nil
            try expectClosing(.rightParen, opener: opener.span, of: "lambda parameters")
        } else {
            parameters.append(try parseIdentifier("lambda parameter"))
        }
        try expect(.arrow)
        let body = try nested { try $0.parseExpression() }
        return Expression(.lambda(parameters: parameters, body: body), span: start.union(body.span))
    }

    /// Whether `(` starts the parameter list of a lambda: `(x, y) ->`.
    var atParenthesizedLambda: Bool {
        guard at(.leftParen) else { return false }
        var offset = 1
        while true {
            switch peek(offset).kind {
            case .identifier, .quotedIdentifier: break
            case .keyword(let keyword) where !keyword.isReserved: break
            default: return false
            }
            switch peek(offset + 1).kind {
            case .comma: offset += 2
            case .rightParen: return peek(offset + 2).kind == .arrow
            default: return false
            }
        }
    }

    /// Whether the tokens at the cursor start a query (after a `(`): `SELECT`, `WITH`, `FROM`, `VALUES`.
    var atQueryStart: Bool { at(any: .select, .with, .from, .values) }

    /// `'(' query ')' | '(' expression ')' | '(' expression (',' expression)+ ')' | '(' params ')' '->' expression`
    mutating func parseParenthesizedExpression() throws -> Expression {
        if atParenthesizedLambda { return try parseLambda() }
        let opener = try expect(.leftParen)
        if atQueryStart {
            let query = try nested { try $0.parseQuery() }
            let closer = try expectClosing(.rightParen, opener: opener.span, of: "subquery")
            return Expression(.scalarSubquery(query), span: opener.span.union(closer.span))
        }
        var items: [Expression] = []
        repeat {
            items.append(try nested { try $0.parseExpression() })
        } while eat(.comma) != nil
        let closer = try expectClosing(.rightParen, opener: opener.span, of: "parenthesis")
        let span = opener.span.union(closer.span)
        if items.count == 1 { return Expression(.parenthesized(items[0]), span: span) }
        return Expression(.tuple(items), span: span)
    }
}
