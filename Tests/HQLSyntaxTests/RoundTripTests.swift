import XCTest
@testable import HQLSyntax

/// XCTest brings in Foundation, whose `Expression` would shadow ours.
private typealias Expression = HQLSyntax.Expression

/// Printing against parsing: every identity line prints back byte-identical, and every printed statement
/// (compact and pretty) reparses to the tree it was printed from. The `queries/` corpus gets the reparse check.
final class RoundTripTests: XCTestCase {
    // MARK: - Identity fixture

    /// `Fixtures/identity.hql`: parse → print compact → the same bytes.
    func testIdentityLinesPrintBackUnchanged() throws {
        let lines = try fixtureLines("identity.hql")
        XCTAssertGreaterThanOrEqual(lines.count, 320, "identity.hql should hold at least 320 statements")
        var failures: [String] = []
        var identical = 0
        for (number, line) in lines {
            let location = "identity.hql:\(number)"
            guard let statement = parse(line, name: location, failures: &failures) else { continue }
            let printed = HQLPrinter.format(statement)
            if printed == line {
                identical += 1
            } else {
                failures.append("\(location): printed differently\n  - \(line)\n  + \(printed)")
            }
        }
        report("identity.hql byte-identical", passed: identical, of: lines.count, failures: failures)
    }

    /// `Fixtures/identity.hql`: print compact and pretty → reparse → the same tree.
    func testIdentityLinesReparseToTheSameTree() throws {
        try checkReparse(fixture: "identity.hql")
    }

    /// `Fixtures/identity-normalised.hql`: `input ⇥ expected` pairs for spellings the printer normalises.
    func testNormalisedLinesPrintTheirCanonicalForm() throws {
        let lines = try fixtureLines("identity-normalised.hql")
        var failures: [String] = []
        var passed = 0
        for (number, line) in lines {
            let location = "identity-normalised.hql:\(number)"
            let parts = line.split(separator: "\t", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2 else {
                failures.append("\(location): expected `input<TAB>expected`")
                continue
            }
            let input = String(parts[0])
            let expected = String(parts[1])
            guard let statement = parse(input, name: location, failures: &failures) else { continue }
            let printed = HQLPrinter.format(statement)
            if printed != expected {
                failures.append("\(location): printed differently\n  - \(expected)\n  + \(printed)")
                continue
            }
            guard let canonical = parse(expected, name: location + " (expected)", failures: &failures) else { continue }
            if canonical != statement {
                failures.append("\(location): the canonical form parses to a different tree\n  \(expected)")
                continue
            }
            passed += 1
        }
        report("identity-normalised.hql", passed: passed, of: lines.count, failures: failures)
    }

    /// `Fixtures/identity-normalised.hql`: the inputs also reparse to the same tree after printing.
    func testNormalisedLinesReparseToTheSameTree() throws {
        try checkReparse(fixture: "identity-normalised.hql", column: 0)
    }

    /// A whole script prints with `;` separators and reads back as the same statements.
    func testScriptRoundTrip() throws {
        let lines = try fixtureLines("identity.hql").map(\.1)
        let script = Parser.parseScript(SourceFile(name: "identity.hql", text: lines.joined(separator: ";\n")))
        if script.hasErrors {
            throw XCTSkip("identity.hql does not parse yet: \(script.diagnostics.first.map { "\($0)" } ?? "")")
        }
        for style in [HQLPrinter.Style.compact, .pretty] {
            let printed = HQLPrinter.formatScript(script.statements, style: style)
            let reparsed = Parser.parseScript(SourceFile(name: "printed", text: printed))
            XCTAssertFalse(reparsed.hasErrors, "\(style): \(reparsed.diagnostics.first.map { "\($0)" } ?? "")")
            XCTAssertEqual(reparsed.statements.count, script.statements.count, "\(style)")
            XCTAssertTrue(reparsed.statements == script.statements, "\(style): script reparses to different trees")
        }
    }

    // MARK: - Random expression trees

    /// Random trees without `.parenthesized` nodes print with just the parentheses precedence needs: the printed
    /// text parses back to the same tree once the parser's `.parenthesized` nodes are removed.
    func testRandomExpressionTreesKeepTheirShape() throws {
        var generator = ExpressionGenerator(seed: 0x5EED)
        var failures: [String] = []
        let count = 3000
        for _ in 0..<count {
            let tree = generator.expression(depth: 4)
            let printed = HQLPrinter.format(tree)
            do {
                let reparsed = try Parser.parseExpression(SourceFile(name: "random", text: printed))
                if strippingParentheses(reparsed) != tree {
                    failures.append("changes shape: \(printed)\n  reparsed: \(HQLPrinter.format(strippingParentheses(reparsed)))")
                }
            } catch {
                failures.append("does not parse: \(printed)\n  \(error)")
            }
            if failures.count >= 20 { break }
        }
        report("random expression trees", passed: count - failures.count, of: count, failures: failures)
    }

    /// Left-deep chains built by the parser's loops (thousands of ANDs, UNIONs, joins) print without recursing
    /// once per link, so they cannot exhaust the stack.
    func testLongChainsPrintWithoutDeepRecursion() throws {
        let texts = [
            // Below the parser's 2 000-operator limit on one chain (HQL2005).
            "SELECT a FROM t WHERE " + (0..<1500).map { "c\($0) = \($0)" }.joined(separator: " AND "),
            (0..<2000).map { "SELECT \($0)" }.joined(separator: " UNION ALL "),
            "SELECT * FROM t0 " + (1..<2000).map { "JOIN t\($0) ON t\($0).id = t0.id LATERAL VIEW explode(a) e\($0) AS x\($0)" }
                .joined(separator: " "),
        ]
        for text in texts {
            let statement = try Parser.parseStatement(SourceFile(name: "long", text: text))
            XCTAssertEqual(HQLPrinter.format(statement), text)
            XCTAssertFalse(HQLPrinter.format(statement, style: .pretty).isEmpty)
        }
    }

    // MARK: - queries/ corpus

    /// Every statement of every `.hql`/`.sql` file under the repository's `queries/` reparses to the same tree
    /// after printing in both styles. `HQLRUN_QUERIES_DIR` points the test at another folder.
    func testQueriesCorpusReparses() throws {
        var root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("queries")
        if let override = ProcessInfo.processInfo.environment["HQLRUN_QUERIES_DIR"], !override.isEmpty {
            root = URL(fileURLWithPath: override)
        }
        guard let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else {
            throw XCTSkip("no queries/ folder at \(root.path)")
        }
        var files: [URL] = []
        for case let url as URL in enumerator where ["hql", "sql"].contains(url.pathExtension.lowercased()) {
            files.append(url)
        }
        if files.isEmpty { throw XCTSkip("queries/ holds no .hql or .sql files") }
        var failures: [String] = []
        var statements = 0
        var passed = 0
        var parseErrors = 0
        for url in files.sorted(by: { $0.path < $1.path }) {
            let text = try String(contentsOf: url, encoding: .utf8)
            let file = SourceFile(name: url.path, text: text)
            let script = Parser.parseScript(file)
            for diagnostic in script.diagnostics where diagnostic.severity == .error {
                parseErrors += 1
                print("note: not parsed, skipped: \(url.lastPathComponent):\(file.location(of: diagnostic.span.start)): "
                      + diagnostic.message)
            }
            // Statements that do not parse are the parser's tests' business; only parsed ones are checked here.
            for statement in script.statements {
                statements += 1
                let location = "\(url.lastPathComponent):\(file.location(of: statement.span.start))"
                if let problem = reparseProblem(statement, location: location) {
                    failures.append(problem)
                } else {
                    passed += 1
                }
            }
        }
        report("queries/ reparse (\(files.count) files, \(parseErrors) statements not parsed)", passed: passed,
               of: statements, failures: failures)
    }

    // MARK: - Helpers

    /// Compact and pretty printing of each line (or of its `column`th tab-separated field) reparse to the same tree.
    private func checkReparse(fixture: String, column: Int? = nil) throws {
        let lines = try fixtureLines(fixture)
        var failures: [String] = []
        var passed = 0
        for (number, line) in lines {
            let location = "\(fixture):\(number)"
            var input = line
            if let column {
                let parts = line.split(separator: "\t", omittingEmptySubsequences: false)
                guard parts.count > column else { continue }
                input = String(parts[column])
            }
            guard let statement = parse(input, name: location, failures: &failures) else { continue }
            if let problem = reparseProblem(statement, location: location) {
                failures.append(problem)
            } else {
                passed += 1
            }
        }
        report("\(fixture) AST round trip", passed: passed, of: lines.count, failures: failures)
    }

    /// Why printing `statement` and parsing the text again does not give the same tree, or nil when it does.
    private func reparseProblem(_ statement: Statement, location: String) -> String? {
        for style in [HQLPrinter.Style.compact, .pretty] {
            let printed = HQLPrinter.format(statement, style: style)
            do {
                let reparsed = try Parser.parseStatement(SourceFile(name: "printed", text: printed))
                if reparsed != statement {
                    return "\(location): \(style) print reparses to a different tree\n  \(printed)"
                }
            } catch {
                return "\(location): \(style) print does not parse: \(error)\n  \(printed)"
            }
        }
        return nil
    }

    private func parse(_ text: String, name: String, failures: inout [String]) -> Statement? {
        do {
            return try Parser.parseStatement(SourceFile(name: name, text: text))
        } catch {
            failures.append("\(name): does not parse: \(error)\n    \(text)")
            return nil
        }
    }

    /// Non-empty lines that are not `--` comments, with their 1-based line numbers.
    private func fixtureLines(_ name: String) throws -> [(Int, String)] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures").appendingPathComponent(name)
        let text = try String(contentsOf: url, encoding: .utf8)
        var lines: [(Int, String)] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.hasSuffix("\r") ? String(line.dropLast()) : String(line)
            if trimmed.isEmpty || trimmed.hasPrefix("--") { continue }
            lines.append((index + 1, trimmed))
        }
        return lines
    }

    private func report(_ what: String, passed: Int, of total: Int, failures: [String]) {
        let summary = "\(what): \(passed)/\(total) passed"
        print(summary)
        if !failures.isEmpty {
            XCTFail("\(summary); \(failures.count) failures:\n" + failures.joined(separator: "\n"))
        }
    }
}

// MARK: - Random trees

/// A deterministic generator of expression trees (a 64-bit LCG), for the precedence round trip.
private struct ExpressionGenerator {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next(_ bound: Int) -> Int {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return Int((state >> 33) % UInt64(bound))
    }

    mutating func leaf() -> Expression {
        switch next(5) {
        case 0: return Expression(.literal(.number(text: ["1", "2.5", "10"][next(3)], suffix: nil)))
        case 1: return Expression(.literal(.string(["x", "it's", "%a_"][next(3)])))
        case 2: return Expression(.literal(.boolean(next(2) == 0)))
        default: return Expression(.column([Identifier(["a", "b", "c", "d"][next(4)])]))
        }
    }

    mutating func expression(depth: Int) -> Expression {
        if depth == 0 || next(6) == 0 { return leaf() }
        let child = depth - 1
        switch next(14) {
        case 0, 1, 2, 3:
            let op = BinaryOperator.allCases[next(BinaryOperator.allCases.count)]
            return Expression(.binary(op, expression(depth: child), expression(depth: child)))
        case 4:
            let op: [UnaryOperator] = [.negate, .plus, .bitwiseNot, .not]
            return Expression(.unary(op[next(4)], expression(depth: child)))
        case 5:
            return next(2) == 0 ? Expression(.isNull(expression(depth: child), negated: next(2) == 0))
                : Expression(.isBoolean(expression(depth: child), value: next(2) == 0, negated: next(2) == 0))
        case 6:
            return Expression(.between(Between(value: expression(depth: child), low: expression(depth: child),
                                               high: expression(depth: child), negated: next(2) == 0)))
        case 7:
            return Expression(.inList(InList(value: expression(depth: child), list: [expression(depth: child), leaf()],
                                             negated: next(2) == 0)))
        case 8:
            let op: [Like.Operator] = [.like, .rlike, .regexp]
            return Expression(.like(Like(value: expression(depth: child), op: op[next(3)], negated: next(2) == 0,
                                         patterns: [expression(depth: child)])))
        case 9:
            let base = expression(depth: child)
            let subscripted = Expression(.subscript(base, index: expression(depth: child)))
            return next(2) == 0 ? subscripted : Expression(.field(subscripted, Identifier("f")))
        case 10:
            let arguments = (0..<next(3)).map { _ in expression(depth: child) }
            return Expression(.function(FunctionCall(name: QualifiedName([Identifier("f")]), arguments: arguments)))
        case 11:
            let lambda = Expression(.lambda(parameters: [Identifier("x")], body: expression(depth: child)))
            return Expression(.function(FunctionCall(name: QualifiedName([Identifier("transform")]),
                                                     arguments: [leaf(), lambda])))
        case 12:
            let branches = [CaseWhen.Branch(condition: expression(depth: child), result: expression(depth: child))]
            return Expression(.caseWhen(CaseWhen(operand: next(2) == 0 ? expression(depth: child) : nil,
                                                 branches: branches,
                                                 elseResult: next(2) == 0 ? expression(depth: child) : nil)))
        default:
            return Expression(.cast(Cast(value: expression(depth: child), type: .decimal(precision: 10, scale: 2))))
        }
    }
}

/// The tree without its `.parenthesized` nodes (subqueries are left as they are).
private func strippingParentheses(_ expression: Expression) -> Expression {
    let strip = strippingParentheses
    switch expression.kind {
    case .parenthesized(let inner):
        return strip(inner)
    case .literal, .column, .star, .exists, .scalarSubquery:
        return expression
    case .unary(let op, let operand):
        return Expression(.unary(op, strip(operand)))
    case .binary(let op, let left, let right):
        return Expression(.binary(op, strip(left), strip(right)))
    case .between(var between):
        between.value = strip(between.value)
        between.low = strip(between.low)
        between.high = strip(between.high)
        return Expression(.between(between))
    case .inList(var inList):
        inList.value = strip(inList.value)
        inList.list = inList.list.map(strip)
        return Expression(.inList(inList))
    case .inSubquery(var inSubquery):
        inSubquery.value = strip(inSubquery.value)
        return Expression(.inSubquery(inSubquery))
    case .isNull(let operand, let negated):
        return Expression(.isNull(strip(operand), negated: negated))
    case .isBoolean(let operand, let value, let negated):
        return Expression(.isBoolean(strip(operand), value: value, negated: negated))
    case .like(var like):
        like.value = strip(like.value)
        like.patterns = like.patterns.map(strip)
        return Expression(.like(like))
    case .caseWhen(var caseWhen):
        caseWhen.operand = caseWhen.operand.map(strip)
        caseWhen.branches = caseWhen.branches.map { CaseWhen.Branch(condition: strip($0.condition), result: strip($0.result)) }
        caseWhen.elseResult = caseWhen.elseResult.map(strip)
        return Expression(.caseWhen(caseWhen))
    case .cast(var cast):
        cast.value = strip(cast.value)
        return Expression(.cast(cast))
    case .function(var call):
        call.arguments = call.arguments.map(strip)
        call.filter = call.filter.map(strip)
        return Expression(.function(call))
    case .subscript(let base, let index):
        return Expression(.subscript(strip(base), index: strip(index)))
    case .field(let base, let name):
        return Expression(.field(strip(base), name))
    case .lambda(let parameters, let body):
        return Expression(.lambda(parameters: parameters, body: strip(body)))
    case .tuple(let elements):
        return Expression(.tuple(elements.map(strip)))
    }
}
