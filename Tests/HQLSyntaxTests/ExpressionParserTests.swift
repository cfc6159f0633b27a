import XCTest
@testable import HQLSyntax

/// Runs the expression, query and type productions on a piece of text, and builds expected trees tersely.
/// Shared by `ExpressionParserTests`, `QueryParserTests` and `TypeParserTests`.
enum ProductionHarness {
    static func parser(_ text: String) throws -> Parser {
        let file = SourceFile(name: "<test>", text: text)
        var diagnostics: [Diagnostic] = []
        let tokens = Lexer.tokenize(file, diagnostics: &diagnostics)
        if let error = diagnostics.first { throw error }
        return Parser(file: file, tokens: tokens)
    }

    static func expression(_ text: String) throws -> HQLSyntax.Expression {
        var parser = try parser(text)
        let expression = try parser.parseExpression()
        if !parser.at(.endOfFile) { throw parser.unexpected("end of expression") }
        return expression
    }

    static func query(_ text: String) throws -> Query {
        var parser = try parser(text)
        let query = try parser.parseQuery()
        if !parser.at(.endOfFile) { throw parser.unexpected("end of query") }
        return query
    }

    static func type(_ text: String) throws -> DataType {
        var parser = try parser(text)
        let type = try parser.parseDataType()
        if !parser.at(.endOfFile) { throw parser.unexpected("end of type") }
        return type
    }

    /// The diagnostic `parse` throws for `marked`, where `1️⃣` marks the byte the diagnostic must start at.
    static func failure(_ marked: String, _ parse: (String) throws -> Void,
                        file: StaticString = #filePath, line: UInt = #line) -> (Diagnostic, Int)? {
        guard let range = marked.range(of: "1️⃣") else {
            XCTFail("no 1️⃣ marker in \(marked)", file: file, line: line)
            return nil
        }
        let offset = marked[..<range.lowerBound].utf8.count
        let text = marked.replacingCharacters(in: range, with: "")
        do {
            try parse(text)
            XCTFail("expected an error for: \(text)", file: file, line: line)
            return nil
        } catch let diagnostic as Diagnostic {
            return (diagnostic, offset)
        } catch {
            XCTFail("unexpected error \(error)", file: file, line: line)
            return nil
        }
    }
}

// MARK: - Tree builders

/// Terse builders of expected trees; members (not globals) so they never clash with other test files' helpers.
protocol ASTBuilding {}

extension ASTBuilding {
    func col(_ parts: String...) -> HQLSyntax.Expression { HQLSyntax.Expression(.column(parts.map { Identifier($0) })) }
    func num(_ text: String, _ suffix: NumericSuffix? = nil) -> HQLSyntax.Expression {
        HQLSyntax.Expression(.literal(.number(text: text, suffix: suffix)))
    }
    func str(_ value: String) -> HQLSyntax.Expression { HQLSyntax.Expression(.literal(.string(value))) }
    func bin(_ op: BinaryOperator, _ left: HQLSyntax.Expression, _ right: HQLSyntax.Expression) -> HQLSyntax.Expression {
        HQLSyntax.Expression(.binary(op, left, right))
    }
    func un(_ op: UnaryOperator, _ operand: HQLSyntax.Expression) -> HQLSyntax.Expression { HQLSyntax.Expression(.unary(op, operand)) }
    func paren(_ inner: HQLSyntax.Expression) -> HQLSyntax.Expression { HQLSyntax.Expression(.parenthesized(inner)) }
    func call(_ name: String, _ arguments: HQLSyntax.Expression..., distinct: Bool = false) -> HQLSyntax.Expression {
        let parts = name.split(separator: ".").map { Identifier(String($0)) }
        return HQLSyntax.Expression(.function(FunctionCall(name: QualifiedName(parts), arguments: arguments, isDistinct: distinct)))
    }
    func ident(_ name: String) -> Identifier { Identifier(name) }
}

final class ExpressionParserTests: XCTestCase, ASTBuilding {
    private func parse(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> HQLSyntax.Expression? {
        do {
            return try ProductionHarness.expression(text)
        } catch {
            XCTFail("\(text): \(error)", file: file, line: line)
            return nil
        }
    }

    private func check(_ text: String, _ expected: HQLSyntax.Expression, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(parse(text, file: file, line: line), expected, text, file: file, line: line)
    }

    private func checkError(_ marked: String, code: String = "HQL2010", _ message: String,
                            file: StaticString = #filePath, line: UInt = #line) {
        guard let (diagnostic, offset) = ProductionHarness.failure(marked, { _ = try ProductionHarness.expression($0) },
                                                                 file: file, line: line) else { return }
        XCTAssertEqual(diagnostic.code, code, diagnostic.message, file: file, line: line)
        XCTAssertTrue(diagnostic.message.contains(message), "'\(diagnostic.message)' lacks '\(message)'",
                      file: file, line: line)
        XCTAssertEqual(diagnostic.span.start, offset, "position of: \(diagnostic.message)", file: file, line: line)
    }

    // MARK: - Precedence

    func testBooleanPrecedence() {
        check("a OR b AND c", bin(.or, col("a"), bin(.and, col("b"), col("c"))))
        check("a AND b OR c", bin(.or, bin(.and, col("a"), col("b")), col("c")))
        check("a || b && c", bin(.and, bin(.concat, col("a"), col("b")), col("c")))
        check("NOT a = b", un(.not, bin(.equal, col("a"), col("b"))))
        check("NOT a AND b", bin(.and, un(.not, col("a")), col("b")))
        check("a AND NOT b", bin(.and, col("a"), un(.not, col("b"))))
        check("!a OR b", bin(.or, un(.not, col("a")), col("b")))
        check("NOT NOT a", un(.not, un(.not, col("a"))))
        check("a = 1 AND b <> 2 OR c != 3",
              bin(.or, bin(.and, bin(.equal, col("a"), num("1")), bin(.notEqual, col("b"), num("2"))),
                  bin(.notEqual, col("c"), num("3"))))
    }

    func testArithmeticPrecedence() {
        check("-a * b", bin(.multiply, un(.negate, col("a")), col("b")))
        check("a + b * c", bin(.add, col("a"), bin(.multiply, col("b"), col("c"))))
        check("a - b - c", bin(.subtract, bin(.subtract, col("a"), col("b")), col("c")))
        check("(a + b) * c", bin(.multiply, paren(bin(.add, col("a"), col("b"))), col("c")))
        check("a || b + c", bin(.add, bin(.concat, col("a"), col("b")), col("c")))
        check("a || b * c", bin(.concat, col("a"), bin(.multiply, col("b"), col("c"))))
        check("a DIV 2 % 3", bin(.modulo, bin(.integerDivide, col("a"), num("2")), num("3")))
        check("a | b ^ c & d", bin(.bitwiseOr, col("a"), bin(.bitwiseXor, col("b"), bin(.bitwiseAnd, col("c"), col("d")))))
        check("a & b + c", bin(.bitwiseAnd, col("a"), bin(.add, col("b"), col("c"))))
        check("~a + -b", bin(.add, un(.bitwiseNot, col("a")), un(.negate, col("b"))))
        check("a + b = c * d", bin(.equal, bin(.add, col("a"), col("b")), bin(.multiply, col("c"), col("d"))))
        check("a == b", bin(.equal, col("a"), col("b")))
        check("a <=> b", bin(.nullSafeEqual, col("a"), col("b")))
        check("a >= 1 AND a <= 2 AND a < 3 AND a > 0",
              bin(.and, bin(.and, bin(.and, bin(.greaterEqual, col("a"), num("1")), bin(.lessEqual, col("a"), num("2"))),
                            bin(.less, col("a"), num("3"))), bin(.greater, col("a"), num("0"))))
    }

    func testPredicates() {
        let between = HQLSyntax.Expression(.between(Between(value: col("a"), low: num("1"), high: num("2"), negated: false)))
        check("a BETWEEN 1 AND 2 AND c", bin(.and, between, col("c")))
        check("a NOT BETWEEN 1 AND 2",
              HQLSyntax.Expression(.between(Between(value: col("a"), low: num("1"), high: num("2"), negated: true))))
        check("a + 1 BETWEEN b - 1 AND b + 1",
              HQLSyntax.Expression(.between(Between(value: bin(.add, col("a"), num("1")), low: bin(.subtract, col("b"), num("1")),
                                          high: bin(.add, col("b"), num("1")), negated: false))))
        check("a IN (1, 2)", HQLSyntax.Expression(.inList(InList(value: col("a"), list: [num("1"), num("2")], negated: false))))
        check("a NOT IN ('x')", HQLSyntax.Expression(.inList(InList(value: col("a"), list: [str("x")], negated: true))))
        check("NOT a IN (1)", un(.not, HQLSyntax.Expression(.inList(InList(value: col("a"), list: [num("1")], negated: false)))))
        check("a IS NULL", HQLSyntax.Expression(.isNull(col("a"), negated: false)))
        check("a IS NOT NULL AND b IS TRUE",
              bin(.and, HQLSyntax.Expression(.isNull(col("a"), negated: true)),
                  HQLSyntax.Expression(.isBoolean(col("b"), value: true, negated: false))))
        check("a IS NOT FALSE", HQLSyntax.Expression(.isBoolean(col("a"), value: false, negated: true)))
        check("a IS NOT DISTINCT FROM b", bin(.nullSafeEqual, col("a"), col("b")))
        check("a LIKE 'x%'", HQLSyntax.Expression(.like(Like(value: col("a"), op: .like, negated: false, patterns: [str("x%")]))))
        check("a NOT RLIKE '^x'", HQLSyntax.Expression(.like(Like(value: col("a"), op: .rlike, negated: true, patterns: [str("^x")]))))
        check("a REGEXP 'x'", HQLSyntax.Expression(.like(Like(value: col("a"), op: .regexp, negated: false, patterns: [str("x")]))))
        check("a LIKE ANY ('a%', 'b%')",
              HQLSyntax.Expression(.like(Like(value: col("a"), op: .like, negated: false, patterns: [str("a%"), str("b%")],
                                    quantifier: .any))))
        check("a NOT LIKE ALL ('a%')",
              HQLSyntax.Expression(.like(Like(value: col("a"), op: .like, negated: true, patterns: [str("a%")], quantifier: .all))))
        check("(a, b) IN ((1, 2))",
              HQLSyntax.Expression(.inList(InList(value: HQLSyntax.Expression(.tuple([col("a"), col("b")])),
                                        list: [HQLSyntax.Expression(.tuple([num("1"), num("2")]))], negated: false))))
        guard let inSubquery = parse("a IN (SELECT x FROM t)"), case .inSubquery(let node) = inSubquery.kind else {
            return XCTFail("IN subquery")
        }
        XCTAssertFalse(node.negated)
        guard let exists = parse("NOT EXISTS (SELECT 1 FROM t WHERE t.a = b)"),
              case .exists(_, let negated) = exists.kind else { return XCTFail("NOT EXISTS") }
        XCTAssertTrue(negated)
    }

    // MARK: - Literals

    func testLiterals() {
        check("10", num("10"))
        check("10L", num("10", .bigint))
        check("2Y", num("2", .tinyint))
        check("3S", num("3", .smallint))
        check("1.5BD", num("1.5", .decimal))
        check("1.5D", num("1.5", .double))
        check("2f", num("2", .float))
        check("1e10", num("1e10"))
        check(".5", num(".5"))
        check("'it''s'", str("its"))
        check("'a' 'b' \"c\"", str("abc"))
        check("'tab\\there'", str("tab\there"))
        check("TRUE", HQLSyntax.Expression(.literal(.boolean(true))))
        check("false", HQLSyntax.Expression(.literal(.boolean(false))))
        check("NULL", HQLSyntax.Expression(.literal(.null)))
        check("DATE '2020-01-01'", HQLSyntax.Expression(.literal(.date("2020-01-01"))))
        check("TIMESTAMP '2020-01-01 10:00:00'", HQLSyntax.Expression(.literal(.timestamp("2020-01-01 10:00:00"))))
        check("X'0A0b'", HQLSyntax.Expression(.literal(.binary("0A0b"))))
        check("-1", un(.negate, num("1")))
    }

    func testIntervals() {
        func interval(_ components: [(HQLSyntax.Expression, IntervalUnit)], to: IntervalUnit? = nil) -> HQLSyntax.Expression {
            let parts = components.map { IntervalLiteral.Component(value: $0.0, unit: $0.1) }
            return HQLSyntax.Expression(.literal(.interval(IntervalLiteral(components: parts, toUnit: to))))
        }
        check("INTERVAL '1' DAY", interval([(str("1"), .day)]))
        check("INTERVAL 1 DAY", interval([(num("1"), .day)]))
        check("INTERVAL 1 DAY 2 HOURS", interval([(num("1"), .day), (num("2"), .hour)]))
        check("INTERVAL 3 days", interval([(num("3"), .day)]))
        check("INTERVAL '1-2' YEAR TO MONTH", interval([(str("1-2"), .year)], to: .month))
        check("INTERVAL -5 MINUTES", interval([(un(.negate, num("5")), .minute)]))
        check("d + INTERVAL 1 WEEK", bin(.add, col("d"), interval([(num("1"), .week)])))
        check("INTERVAL 10 milliseconds", interval([(num("10"), .millisecond)]))
    }

    // MARK: - Names, subscripts, calls

    func testNamesAndSubscripts() {
        check("a", col("a"))
        check("t.a", col("t", "a"))
        check("db.t.a", col("db", "t", "a"))
        check("`weird col`", col("weird col"))
        check("t.date", col("t", "date"))
        check("year", col("year"))
        check("t.*", HQLSyntax.Expression(.star(qualifier: [ident("t")])))
        check("a[0]", HQLSyntax.Expression(.subscript(col("a"), index: num("0"))))
        check("m['k']", HQLSyntax.Expression(.subscript(col("m"), index: str("k"))))
        check("a[0].f", HQLSyntax.Expression(.field(HQLSyntax.Expression(.subscript(col("a"), index: num("0"))), ident("f"))))
        check("a[0][1]", HQLSyntax.Expression(.subscript(HQLSyntax.Expression(.subscript(col("a"), index: num("0"))), index: num("1"))))
        check("-a[0]", un(.negate, HQLSyntax.Expression(.subscript(col("a"), index: num("0")))))
        check("named_struct('x', 1).x", HQLSyntax.Expression(.field(call("named_struct", str("x"), num("1")), ident("x"))))
    }

    func testFunctionCalls() {
        check("upper(a)", call("upper", col("a")))
        check("db.my_udf(a, 1)", call("db.my_udf", col("a"), num("1")))
        check("count(DISTINCT a, b)", call("count", col("a"), col("b"), distinct: true))
        check("now()", call("now"))
        check("if(a > 1, 'x', 'y')", call("if", bin(.greater, col("a"), num("1")), str("x"), str("y")))
        check("map('a', 1)", call("map", str("a"), num("1")))
        check("array(1, 2)", call("array", num("1"), num("2")))
        check("struct(a, b)", call("struct", col("a"), col("b")))
        check("floor(x)", call("floor", col("x")))
        check("grouping(a)", call("grouping", col("a")))
        check("left(s, 2)", call("left", col("s"), num("2")))
        check("date(ts)", call("date", col("ts")))
        check("timestamp(s)", call("timestamp", col("s")))
        check("current_date", call("current_date"))
        check("current_date()", call("current_date"))
        check("CURRENT_TIMESTAMP", call("CURRENT_TIMESTAMP"))
        check("extract(year FROM d)", call("extract", col("year"), col("d")))
        check("extract(year, d)", call("extract", col("year"), col("d")))
        check("position('a' IN s)", call("position", str("a"), col("s")))
        check("position('a', s)", call("position", str("a"), col("s")))
        check("substring(s FROM 2 FOR 3)", call("substring", col("s"), num("2"), num("3")))
        check("substr(s FROM 2)", call("substr", col("s"), num("2")))
        check("substring(s, 2, 3)", call("substring", col("s"), num("2"), num("3")))
        guard let star = parse("count(*)"), case .function(let countStar) = star.kind else { return XCTFail("count(*)") }
        XCTAssertTrue(countStar.isStar)
        XCTAssertEqual(countStar.arguments, [])
        guard let ignore = parse("first_value(x) IGNORE NULLS OVER (ORDER BY t)"),
              case .function(let firstValue) = ignore.kind else { return XCTFail("IGNORE NULLS") }
        XCTAssertTrue(firstValue.ignoreNulls)
        guard let inner = parse("last_value(x IGNORE NULLS)"), case .function(let lastValue) = inner.kind else {
            return XCTFail("inner IGNORE NULLS")
        }
        XCTAssertTrue(lastValue.ignoreNulls)
        XCTAssertEqual(lastValue.arguments, [col("x")])
        guard let filtered = parse("sum(x) FILTER (WHERE x > 0)"), case .function(let sum) = filtered.kind else {
            return XCTFail("FILTER")
        }
        XCTAssertEqual(sum.filter, bin(.greater, col("x"), num("0")))
        check("exists(arr, x -> x > 1)",
              call("exists", col("arr"),
                   HQLSyntax.Expression(.lambda(parameters: [ident("x")], body: bin(.greater, col("x"), num("1"))))))
    }

    func testWindows() {
        guard let expression = parse("""
            row_number() OVER (PARTITION BY a, b ORDER BY c DESC NULLS LAST, d \
            ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)
            """), case .function(let rowNumber) = expression.kind else { return XCTFail("OVER") }
        let specification = WindowSpecification(
            partitionBy: [col("a"), col("b")],
            orderBy: [OrderItem(expression: col("c"), direction: .descending, nulls: .last), OrderItem(expression: col("d"))],
            frame: WindowFrame(unit: .rows, start: .unboundedPreceding, end: .currentRow))
        XCTAssertEqual(rowNumber.over, .specification(specification))

        guard let hive = parse("sum(x) OVER (DISTRIBUTE BY a SORT BY b ASC RANGE BETWEEN 1 PRECEDING AND 2 FOLLOWING)"),
              case .function(let sum) = hive.kind else { return XCTFail("Hive window") }
        XCTAssertEqual(sum.over, .specification(WindowSpecification(
            partitionBy: [col("a")], orderBy: [OrderItem(expression: col("b"), direction: .ascending)],
            frame: WindowFrame(unit: .range, start: .preceding(num("1")), end: .following(num("2"))))))

        guard let named = parse("rank() OVER w"), case .function(let rank) = named.kind else { return XCTFail("OVER w") }
        XCTAssertEqual(rank.over, .named(ident("w")))

        guard let short = parse("avg(x) OVER (w ROWS 2 PRECEDING)"), case .function(let avg) = short.kind else {
            return XCTFail("base window")
        }
        XCTAssertEqual(avg.over, .specification(WindowSpecification(
            baseWindow: ident("w"), frame: WindowFrame(unit: .rows, start: .preceding(num("2")), end: nil))))
    }

    // MARK: - CASE, CAST, subqueries, lambdas

    func testCaseAndCast() {
        check("CASE WHEN a > 0 THEN 'p' WHEN a < 0 THEN 'n' ELSE 'z' END",
              HQLSyntax.Expression(.caseWhen(CaseWhen(operand: nil, branches: [
                  CaseWhen.Branch(condition: bin(.greater, col("a"), num("0")), result: str("p")),
                  CaseWhen.Branch(condition: bin(.less, col("a"), num("0")), result: str("n")),
              ], elseResult: str("z")))))
        check("CASE a WHEN 1 THEN 'one' END",
              HQLSyntax.Expression(.caseWhen(CaseWhen(operand: col("a"), branches: [
                  CaseWhen.Branch(condition: num("1"), result: str("one")),
              ], elseResult: nil))))
        check("CAST(a AS DECIMAL(10, 2))", HQLSyntax.Expression(.cast(Cast(value: col("a"), type: .decimal(precision: 10, scale: 2)))))
        check("CAST(a AS ARRAY<STRING>)", HQLSyntax.Expression(.cast(Cast(value: col("a"), type: .array(.string)))))
        check("cast(x as bigint) + 1", bin(.add, HQLSyntax.Expression(.cast(Cast(value: col("x"), type: .bigint))), num("1")))
    }

    func testSubqueriesTuplesLambdas() {
        guard let scalar = parse("(SELECT max(a) FROM t) + 1"), case .binary(.add, let left, _) = scalar.kind,
              case .scalarSubquery = left.kind else { return XCTFail("scalar subquery") }
        check("(a, b)", HQLSyntax.Expression(.tuple([col("a"), col("b")])))
        check("((a))", paren(paren(col("a"))))
        check("transform(xs, x -> x + 1)",
              call("transform", col("xs"), HQLSyntax.Expression(.lambda(parameters: [ident("x")], body: bin(.add, col("x"), num("1"))))))
        check("filter(m, value -> value > 0)",
              call("filter", col("m"), HQLSyntax.Expression(.lambda(parameters: [ident("value")],
                                                                    body: bin(.greater, col("value"), num("0"))))))
        check("aggregate(xs, 0, (acc, x) -> acc + x)",
              call("aggregate", col("xs"), num("0"),
                   HQLSyntax.Expression(.lambda(parameters: [ident("acc"), ident("x")], body: bin(.add, col("acc"), col("x"))))))
    }

    // MARK: - Spans

    func testSpans() throws {
        let expression = try ProductionHarness.expression("a + f(b, 'c') * 2")
        XCTAssertEqual(expression.span, Span(start: 0, end: 17))
        guard case .binary(_, let left, let right) = expression.kind else { return XCTFail("binary") }
        XCTAssertEqual(left.span, Span(start: 0, end: 1))
        XCTAssertEqual(right.span, Span(start: 4, end: 17))
        guard case .binary(_, let call, _) = right.kind else { return XCTFail("multiply") }
        XCTAssertEqual(call.span, Span(start: 4, end: 13))

        let predicate = try ProductionHarness.expression("x NOT IN (1, 2)")
        XCTAssertEqual(predicate.span, Span(start: 0, end: 15))
        let caseWhen = try ProductionHarness.expression("  CASE WHEN a THEN b END ")
        XCTAssertEqual(caseWhen.span, Span(start: 2, end: 24))
        let column = try ProductionHarness.expression("db.t.c[0]")
        XCTAssertEqual(column.span, Span(start: 0, end: 9))
        guard case .subscript(let base, _) = column.kind else { return XCTFail("subscript") }
        XCTAssertEqual(base.span, Span(start: 0, end: 6))
    }

    // MARK: - Errors

    func testErrors() {
        checkError("x1️⃣::int", code: "HQL2020", "'::' casts are not HiveQL; write CAST(x AS type)")
        checkError("f(a, b1️⃣", code: "HQL2003", "expected ')' to close the arguments of f opened at 1:2")
        checkError("(a + b1️⃣", code: "HQL2003", "expected ')' to close the parenthesis")
        checkError("a +1️⃣", "expected expression, found end of input")
        checkError("a IS 1️⃣5", "expected NULL, TRUE, FALSE or DISTINCT FROM after IS")
        checkError("a BETWEEN 1 1️⃣OR 2", "expected AND, found 'OR'")
        checkError("CASE WHEN a THEN b 1️⃣ELS c END", code: "HQL2003", "did you mean ELSE?")
        checkError("CASE 1️⃣END", "expected WHEN")
        checkError("CAST(a 1️⃣INT)", "expected AS and a type in CAST(x AS type), found 'INT'")
        checkError("CAST(a AS 1️⃣INTT)", "expected data type, found 'INTT'; did you mean INT?")
        checkError("1️⃣date", code: "HQL2011", "write it in backticks (`date`)")
        checkError("a[01️⃣", code: "HQL2003", "expected ']' to close the subscript")
        checkError("a 1️⃣NOT NULL", "expected end of expression, found 'NOT'")
        checkError("a IN 1️⃣1", "expected '(' after IN")
        checkError("INTERVAL 1 1️⃣DAYZ", "expected interval unit")
        checkError("sum(x) OVER (ORDER BY y ROWS BETWEEN CURRENT 1️⃣AND 1 FOLLOWING)", "expected ROW, found 'AND'")
        checkError("1️⃣FROM", "expected expression, found 'FROM'")
        checkError("a = 1️⃣NOT b", "expected expression, found 'NOT'")
        checkError("f()1️⃣) + 1", "expected end of expression, found ')'")
    }

    func testDeepNestingIsADiagnostic() {
        let depth = 10_000
        let text = String(repeating: "(", count: depth) + "1" + String(repeating: ")", count: depth)
        XCTAssertThrowsError(try ProductionHarness.expression(text)) { error in
            XCTAssertEqual((error as? Diagnostic)?.code, "HQL2004")
        }
        let negations = String(repeating: "- ", count: depth) + "1"
        XCTAssertThrowsError(try ProductionHarness.expression(negations)) { error in
            XCTAssertEqual((error as? Diagnostic)?.code, "HQL2004")
        }
        let nots = String(repeating: "NOT ", count: depth) + "a"
        XCTAssertThrowsError(try ProductionHarness.expression(nots)) { error in
            XCTAssertEqual((error as? Diagnostic)?.code, "HQL2004")
        }
        // Within the limit, deep nesting parses.
        let fine = String(repeating: "(", count: 50) + "1" + String(repeating: ")", count: 50)
        XCTAssertNoThrow(try ProductionHarness.expression(fine))
    }
}
