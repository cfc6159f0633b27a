import XCTest
@testable import HQLSyntax

final class QueryParserTests: XCTestCase, ASTBuilding {
    private func parse(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> Query? {
        do {
            return try ProductionHarness.query(text)
        } catch let diagnostic as Diagnostic {
            XCTFail("\(text): \(diagnostic.code) at \(diagnostic.span): \(diagnostic.message)", file: file, line: line)
            return nil
        } catch {
            XCTFail("\(text): \(error)", file: file, line: line)
            return nil
        }
    }

    /// The single SELECT block of a query.
    private func select(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> Select? {
        guard let query = parse(text, file: file, line: line) else { return nil }
        guard case .select(let select) = query.body else {
            XCTFail("not a SELECT: \(query.body)", file: file, line: line)
            return nil
        }
        return select
    }

    private func checkError(_ marked: String, code: String = "HQL2010", _ message: String,
                            file: StaticString = #filePath, line: UInt = #line) {
        guard let (diagnostic, offset) = ProductionHarness.failure(marked, { _ = try ProductionHarness.query($0) },
                                                                 file: file, line: line) else { return }
        XCTAssertEqual(diagnostic.code, code, diagnostic.message, file: file, line: line)
        XCTAssertTrue(diagnostic.message.contains(message), "'\(diagnostic.message)' lacks '\(message)'",
                      file: file, line: line)
        XCTAssertEqual(diagnostic.span.start, offset, "position of: \(diagnostic.message)", file: file, line: line)
    }

    private func table(_ name: String, alias: String? = nil) -> TableReference {
        let parts = name.split(separator: ".").map { Identifier(String($0)) }
        return TableReference(.table(NamedTable(name: QualifiedName(parts), alias: alias.map { Identifier($0) })))
    }

    private func item(_ expression: HQLSyntax.Expression, _ aliases: String...) -> SelectItem {
        SelectItem(expression: expression, aliases: aliases.map { Identifier($0) })
    }

    // MARK: - SELECT lists

    func testSelectItemsAndAliases() {
        guard let select = select("SELECT a, b AS x, c y, t.*, *, count(*) cnt, 1 + 2 `sum` FROM t") else { return }
        XCTAssertEqual(select.items.count, 7)
        XCTAssertEqual(select.items[0], item(col("a")))
        XCTAssertEqual(select.items[1], item(col("b"), "x"))
        XCTAssertEqual(select.items[2], item(col("c"), "y"))
        XCTAssertEqual(select.items[3], item(HQLSyntax.Expression(.star(qualifier: [ident("t")]))))
        XCTAssertEqual(select.items[4], item(HQLSyntax.Expression(.star(qualifier: []))))
        XCTAssertEqual(select.items[5].aliases, [ident("cnt")])
        XCTAssertEqual(select.items[6], item(bin(.add, num("1"), num("2")), "sum"))
        XCTAssertEqual(select.from, [table("t")])
        XCTAssertNil(select.quantifier)

        guard let distinct = self.select("SELECT DISTINCT a FROM db.t") else { return }
        XCTAssertEqual(distinct.quantifier, .distinct)
        XCTAssertEqual(distinct.from, [table("db.t")])

        guard let udtf = self.select("SELECT explode(m) AS (k, v) FROM t") else { return }
        XCTAssertEqual(udtf.items[0].aliases, [ident("k"), ident("v")])
        XCTAssertTrue(udtf.items[0].hasParenthesizedAliases)

        guard let noFrom = self.select("SELECT 1") else { return }
        XCTAssertEqual(noFrom.from, [])
    }

    func testBareAliasesDoNotSwallowClauses() {
        guard let query = parse("SELECT a FROM t LIMIT 5") else { return }
        XCTAssertEqual(query.limit, num("5"))
        guard case .select(let select) = query.body else { return XCTFail("select") }
        XCTAssertEqual(select.from, [table("t")])

        for clause in ["SORT BY a", "CLUSTER BY a", "DISTRIBUTE BY a", "ORDER BY a", "WHERE a", "GROUP BY a",
                       "LEFT SEMI JOIN u ON t.a = u.a", "LEFT ANTI JOIN u ON t.a = u.a", "MINUS SELECT 1",
                       "EXCEPT SELECT 1", "UNION ALL SELECT 1", "LATERAL VIEW explode(a) e AS x", "WINDOW w AS ()"] {
            guard let query = parse("SELECT a FROM t \(clause)") else { continue }
            if case .select(let select) = query.body {
                XCTAssertNil(select.from.first.flatMap { reference -> Identifier? in
                    if case .table(let table) = reference.kind { return table.alias }
                    return nil
                }, clause)
            }
        }
        guard let items = self.select("SELECT a limit_x FROM t") else { return }
        XCTAssertEqual(items.items[0].aliases, [ident("limit_x")])
    }

    // MARK: - FROM

    func testJoins() {
        guard let select = select("""
            SELECT * FROM a JOIN b ON a.id = b.id LEFT OUTER JOIN c USING (id) RIGHT JOIN d ON TRUE
            FULL OUTER JOIN e ON a.x = e.x CROSS JOIN f LEFT SEMI JOIN g ON a.k = g.k INNER JOIN h ON a.k = h.k
            """) else { return }
        XCTAssertEqual(select.from.count, 1)
        var types: [Join.JoinType] = []
        var reference = select.from[0]
        while case .join(let join) = reference.kind {
            types.insert(join.type, at: 0)
            reference = join.left
        }
        XCTAssertEqual(types, [.inner, .left, .right, .full, .cross, .leftSemi, .inner])
        XCTAssertEqual(reference, table("a"))

        guard let comma = self.select("SELECT * FROM a x, b AS y, c") else { return }
        XCTAssertEqual(comma.from, [table("a", alias: "x"), table("b", alias: "y"), table("c")])

        guard let using = self.select("SELECT * FROM a LEFT JOIN b USING (k1, k2)"),
              case .join(let join) = using.from.first?.kind else { return XCTFail("USING") }
        XCTAssertEqual(join.condition, .using([ident("k1"), ident("k2")]))
        XCTAssertEqual(join.type, .left)

        guard let anti = self.select("SELECT * FROM a LEFT ANTI JOIN b ON a.k = b.k"),
              case .join(let antiJoin) = anti.from.first?.kind else { return XCTFail("ANTI") }
        XCTAssertEqual(antiJoin.type, .leftAnti)
        XCTAssertEqual(antiJoin.condition, .on(bin(.equal, col("a", "k"), col("b", "k"))))

        guard let subqueryJoin = self.select("SELECT * FROM ((SELECT k FROM a) x JOIN b ON x.k = b.k)"),
              case .parenthesized(let joined) = subqueryJoin.from.first?.kind, case .join(let inside) = joined.kind,
              case .subquery(_, let alias, _) = inside.left.kind else { return XCTFail("subquery inside a join") }
        XCTAssertEqual(alias, ident("x"))
        guard let doubled = self.select("SELECT * FROM ((SELECT k FROM a)) y"),
              case .subquery(let doubledQuery, _, _) = doubled.from.first?.kind,
              case .parenthesized = doubledQuery.body else { return XCTFail("doubly parenthesised subquery") }
        guard let nested = self.select("SELECT * FROM (a JOIN b ON a.k = b.k) JOIN c ON c.k = a.k"),
              case .join(let outer) = nested.from.first?.kind, case .parenthesized(let inner) = outer.left.kind,
              case .join = inner.kind else { return XCTFail("parenthesised join") }
    }

    func testSubqueriesValuesAndTableFunctions() {
        guard let select = select("SELECT s.a FROM (SELECT a FROM t) s"),
              case .subquery(let inner, let alias, let columns) = select.from.first?.kind else {
            return XCTFail("subquery")
        }
        XCTAssertEqual(alias, ident("s"))
        XCTAssertEqual(columns, [])
        guard case .select(let innerSelect) = inner.body else { return XCTFail("inner select") }
        XCTAssertEqual(innerSelect.from, [table("t")])

        guard let values = self.select("SELECT * FROM VALUES (1, 'a'), (2, 'b') AS v(id, name)"),
              case .values(let rows, let valuesAlias, let valueColumns) = values.from.first?.kind else {
            return XCTFail("VALUES")
        }
        XCTAssertEqual(rows, [[num("1"), str("a")], [num("2"), str("b")]])
        XCTAssertEqual(valuesAlias, ident("v"))
        XCTAssertEqual(valueColumns, [ident("id"), ident("name")])

        guard let range = self.select("SELECT id FROM range(10) r"),
              case .tableFunction(let function, let rangeAlias, _) = range.from.first?.kind else {
            return XCTFail("range(10)")
        }
        XCTAssertEqual(function.name.description, "range")
        XCTAssertEqual(function.arguments, [num("10")])
        XCTAssertEqual(rangeAlias, ident("r"))

        guard let derived = self.select("SELECT * FROM (SELECT 1 AS a, 2 AS b) AS d (x, y)"),
              case .subquery(_, _, let derivedColumns) = derived.from.first?.kind else { return XCTFail("cols") }
        XCTAssertEqual(derivedColumns, [ident("x"), ident("y")])
    }

    func testLateralViews() {
        guard let select = select("""
            SELECT t.id, e.k, p.pos FROM t LATERAL VIEW explode(t.m) e AS k, v
            LATERAL VIEW OUTER posexplode(t.arr) p AS pos, val WHERE e.k IS NOT NULL
            """) else { return }
        guard case .lateralView(let outer) = select.from.first?.kind,
              case .lateralView(let inner) = outer.source.kind else { return XCTFail("two lateral views") }
        XCTAssertTrue(outer.isOuter)
        XCTAssertFalse(inner.isOuter)
        XCTAssertEqual(inner.function.name.description, "explode")
        XCTAssertEqual(inner.tableAlias, ident("e"))
        XCTAssertEqual(inner.columnAliases, [ident("k"), ident("v")])
        XCTAssertEqual(outer.columnAliases, [ident("pos"), ident("val")])
        XCTAssertEqual(inner.source, table("t"))
        XCTAssertNotNil(select.whereClause)

        guard let joined = self.select("SELECT * FROM a JOIN b ON a.k = b.k LATERAL VIEW explode(b.xs) x AS v"),
              case .lateralView(let overJoin) = joined.from.first?.kind, case .join = overJoin.source.kind else {
            return XCTFail("lateral view over a join")
        }
        guard let hive = self.select("SELECT * FROM a JOIN b LATERAL VIEW explode(b.xs) x AS v ON a.k = v"),
              case .join(let hiveJoin) = hive.from.first?.kind, case .lateralView(let onRight) = hiveJoin.right.kind else {
            return XCTFail("lateral view on the right source before ON")
        }
        XCTAssertEqual(onRight.source, table("b"))
        XCTAssertEqual(hiveJoin.condition, .on(bin(.equal, col("a", "k"), col("v"))))
        guard let spark = self.select("SELECT * FROM a CROSS JOIN b LATERAL VIEW explode(a.xs) x AS v LATERAL VIEW explode(b.ys) y AS w"),
              case .lateralView(let outerView) = spark.from.first?.kind,
              case .lateralView(let innerView) = outerView.source.kind,
              case .join(let crossJoin) = innerView.source.kind else { return XCTFail("lateral views after a join without ON") }
        XCTAssertEqual(crossJoin.right, table("b"))
        XCTAssertEqual(innerView.tableAlias, ident("x"))
        XCTAssertEqual(outerView.tableAlias, ident("y"))
    }

    func testTableSample() {
        func sample(_ text: String) -> TableSample? {
            guard let select = select("SELECT * FROM t TABLESAMPLE \(text) s"),
                  case .table(let named) = select.from.first?.kind else { return nil }
            XCTAssertEqual(named.alias, ident("s"))
            return named.sample
        }
        XCTAssertEqual(sample("(BUCKET 3 OUT OF 32 ON rand())"),
                       .bucket(numerator: 3, denominator: 32, on: [call("rand")]))
        XCTAssertEqual(sample("(BUCKET 1 OUT OF 4)"), .bucket(numerator: 1, denominator: 4, on: []))
        XCTAssertEqual(sample("(10 PERCENT)"), .percent("10"))
        XCTAssertEqual(sample("(0.5 PERCENT)"), .percent("0.5"))
        XCTAssertEqual(sample("(100 ROWS)"), .rows(num("100")))
        XCTAssertEqual(sample("(100M)"), .bytes("100M"))
    }

    // MARK: - Clauses

    func testGroupByVariants() {
        XCTAssertEqual(select("SELECT a, count(*) FROM t GROUP BY a, 2")?.groupBy,
                       GroupBy(expressions: [col("a"), num("2")]))
        XCTAssertEqual(select("SELECT a, b FROM t GROUP BY a, b WITH ROLLUP")?.groupBy,
                       GroupBy(expressions: [col("a"), col("b")], modifier: .withRollup))
        XCTAssertEqual(select("SELECT a, b FROM t GROUP BY a, b WITH CUBE")?.groupBy,
                       GroupBy(expressions: [col("a"), col("b")], modifier: .withCube))
        XCTAssertEqual(select("SELECT a, b FROM t GROUP BY a, b GROUPING SETS ((a, b), a, ())")?.groupBy,
                       GroupBy(expressions: [col("a"), col("b")],
                               modifier: .groupingSets([[col("a"), col("b")], [col("a")], []])))
        XCTAssertEqual(select("SELECT a FROM t GROUP BY ROLLUP(a, b)")?.groupBy,
                       GroupBy(expressions: [col("a"), col("b")], modifier: .rollup))
        XCTAssertEqual(select("SELECT a FROM t GROUP BY CUBE (a)")?.groupBy,
                       GroupBy(expressions: [col("a")], modifier: .cube))
        XCTAssertEqual(select("SELECT a FROM t GROUP BY GROUPING SETS ((a), (b))")?.groupBy,
                       GroupBy(expressions: [], modifier: .groupingSets([[col("a")], [col("b")]])))
        guard let having = select("SELECT a, sum(b) s FROM t WHERE c > 0 GROUP BY a HAVING sum(b) > 10") else { return }
        XCTAssertEqual(having.whereClause, bin(.greater, col("c"), num("0")))
        XCTAssertEqual(having.having, bin(.greater, call("sum", col("b")), num("10")))
    }

    func testWindowClause() {
        guard let select = select("""
            SELECT sum(x) OVER w, avg(x) OVER (w2 ROWS UNBOUNDED PRECEDING) FROM t
            WINDOW w AS (PARTITION BY a ORDER BY b), w2 AS w
            """) else { return }
        XCTAssertEqual(select.windows, [
            NamedWindow(name: ident("w"), specification: WindowSpecification(
                partitionBy: [col("a")], orderBy: [OrderItem(expression: col("b"))])),
            NamedWindow(name: ident("w2"), specification: WindowSpecification(baseWindow: ident("w"))),
        ])
    }

    func testQueryTail() {
        guard let query = parse("SELECT a FROM t ORDER BY a DESC NULLS FIRST, b ASC LIMIT 10 OFFSET 20") else { return }
        XCTAssertEqual(query.orderBy, [OrderItem(expression: col("a"), direction: .descending, nulls: .first),
                                       OrderItem(expression: col("b"), direction: .ascending)])
        XCTAssertEqual(query.limit, num("10"))
        XCTAssertEqual(query.offset, num("20"))

        guard let hive = parse("SELECT a FROM t DISTRIBUTE BY a SORT BY b DESC") else { return }
        XCTAssertEqual(hive.distributeBy, [col("a")])
        XCTAssertEqual(hive.sortBy, [OrderItem(expression: col("b"), direction: .descending)])

        XCTAssertEqual(parse("SELECT a FROM t CLUSTER BY a, b")?.clusterBy, [col("a"), col("b")])
        guard let mysqlLimit = parse("SELECT a FROM t LIMIT 5, 10") else { return }
        XCTAssertEqual(mysqlLimit.offset, num("5"))
        XCTAssertEqual(mysqlLimit.limit, num("10"))
        XCTAssertNil(parse("SELECT a FROM t LIMIT ALL")?.limit)
    }

    // MARK: - Set operations, WITH, VALUES

    func testSetOperations() {
        guard let query = parse("SELECT 1 UNION ALL SELECT 2 INTERSECT SELECT 3 EXCEPT SELECT 4 ORDER BY 1 LIMIT 2"),
              case .setOperation(let except) = query.body else { return XCTFail("set operation") }
        XCTAssertEqual(except.op, .except)
        guard case .setOperation(let union) = except.left else { return XCTFail("union") }
        XCTAssertEqual(union.op, .union)
        XCTAssertEqual(union.quantifier, .all)
        guard case .setOperation(let intersect) = union.right else { return XCTFail("intersect binds tighter") }
        XCTAssertEqual(intersect.op, .intersect)
        XCTAssertEqual(query.orderBy, [OrderItem(expression: num("1"))])
        XCTAssertEqual(query.limit, num("2"))

        guard let minus = parse("SELECT a FROM t MINUS SELECT a FROM u"),
              case .setOperation(let minusOperation) = minus.body else { return XCTFail("MINUS") }
        XCTAssertEqual(minusOperation.op, .minus)

        guard let parenthesized = parse("(SELECT a FROM t LIMIT 1) UNION DISTINCT (SELECT a FROM u)"),
              case .setOperation(let operation) = parenthesized.body,
              case .parenthesized(let left) = operation.left else { return XCTFail("parenthesised branches") }
        XCTAssertEqual(left.limit, num("1"))
        XCTAssertEqual(operation.quantifier, .distinct)
    }

    func testWithClauses() {
        guard let query = parse("""
            WITH a AS (SELECT 1 AS x), b (y) AS (SELECT x FROM a) SELECT y FROM b
            """) else { return }
        XCTAssertEqual(query.with?.tables.map(\.name), [ident("a"), ident("b")])
        XCTAssertEqual(query.with?.tables[1].columns, [ident("y")])
        XCTAssertEqual(query.with?.isRecursive, false)
        XCTAssertEqual(parse("WITH RECURSIVE r AS (SELECT 1) SELECT * FROM r")?.with?.isRecursive, true)
        XCTAssertEqual(parse("WITH recursive AS (SELECT 1) SELECT * FROM recursive")?.with?.tables.first?.name,
                       ident("recursive"))
    }

    func testFromFirstAndValues() {
        guard let select = select("FROM src s SELECT s.key, s.value WHERE s.key > 10") else { return }
        XCTAssertTrue(select.isFromFirst)
        XCTAssertEqual(select.from, [table("src", alias: "s")])
        XCTAssertEqual(select.items.count, 2)

        guard let values = parse("VALUES (1, 2), (3, 4)"), case .values(let rows) = values.body else {
            return XCTFail("VALUES query")
        }
        XCTAssertEqual(rows, [[num("1"), num("2")], [num("3"), num("4")]])

        var parser = try? ProductionHarness.parser("VALUES 1, 2")
        XCTAssertEqual(try parser?.parseValuesRows(), [[num("1")], [num("2")]])
    }

    func testSelectBranch() throws {
        var parser = try ProductionHarness.parser(
            "SELECT a, count(*) WHERE b > 1 GROUP BY a SORT BY a LIMIT 3 INSERT OVERWRITE TABLE x SELECT b")
        let branch = try parser.parseSelectBranch()
        XCTAssertEqual(branch.limit, num("3"))
        XCTAssertEqual(branch.sortBy, [OrderItem(expression: col("a"))])
        guard case .select(let select) = branch.body else { return XCTFail("branch select") }
        XCTAssertEqual(select.from, [])
        XCTAssertEqual(select.groupBy, GroupBy(expressions: [col("a")]))
        XCTAssertTrue(parser.at(.insert))

        var withFrom = try ProductionHarness.parser("SELECT a FROM t")
        XCTAssertThrowsError(try withFrom.parseSelectBranch()) { error in
            XCTAssertEqual((error as? Diagnostic)?.code, "HQL2022")
        }
    }

    func testRealWorldQueries() {
        let queries = [
            """
            SELECT dt, country, count(DISTINCT user_id) AS users, sum(CASE WHEN ev = 'buy' THEN amt ELSE 0 END) rev
            FROM db.events e LEFT JOIN dim.country c ON e.cc = c.code
            WHERE dt BETWEEN '2024-01-01' AND '2024-01-31' AND NOT e.is_test AND e.ev IN ('view', 'buy')
            GROUP BY dt, country HAVING users > 100 ORDER BY dt, rev DESC LIMIT 1000
            """,
            """
            SELECT * FROM (SELECT *, row_number() OVER (PARTITION BY id ORDER BY ts DESC) AS rn FROM raw) x WHERE rn = 1
            """,
            """
            SELECT user_id, collect_set(item)[0] AS first_item, concat_ws(',', collect_list(tag)) tags
            FROM logs LATERAL VIEW explode(split(tags_csv, ',')) tt AS tag GROUP BY user_id
            """,
            """
            SELECT get_json_object(payload, '$.a.b') AS ab, from_unixtime(unix_timestamp(ts, 'yyyy-MM-dd')) t2,
                   date_add(to_date(ts), 1), nvl(a, 0) + coalesce(b, c, 0) * 2 AS z, a.b.c[1]['k'].d
            FROM s3_table WHERE `date` >= date_sub(current_date, 7) AND name RLIKE '^[a-z]+$'
            """,
            """
            WITH base AS (SELECT a, b FROM t WHERE c IS NOT NULL), agg AS (SELECT a, max(b) mb FROM base GROUP BY a)
            SELECT base.*, agg.mb FROM base JOIN agg ON base.a = agg.a AND base.b = agg.mb
            """,
            """
            SELECT a FROM t1 WHERE EXISTS (SELECT 1 FROM t2 WHERE t2.a = t1.a) AND a NOT IN (SELECT a FROM t3)
            UNION ALL SELECT a FROM t4
            """,
            "SELECT transform(xs, x -> x * 2), filter(xs, x -> x > 0), aggregate(xs, 0, (s, x) -> s + x) FROM t",
            "SELECT CAST(a AS MAP<STRING, ARRAY<STRUCT<x:INT, y:DOUBLE>>>) FROM t",
            "SELECT a, lag(a, 1, 0) OVER (ORDER BY ts ROWS BETWEEN 1 PRECEDING AND 1 FOLLOWING) FROM t",
            "SELECT a DIV 2, a % 3, -a, ~a, a & 1 | 2 ^ 3 FROM t",
            "SELECT `select`, `from` FROM `db`.`table`",
            "SELECT * FROM t WHERE d = DATE '2024-01-01' AND ts < TIMESTAMP '2024-01-01 00:00:00' + INTERVAL 1 DAY",
        ]
        for text in queries { XCTAssertNotNil(parse(text), text) }
    }

    func testSpans() throws {
        let text = "WITH w AS (SELECT 1) SELECT a FROM t JOIN u ON t.k = u.k ORDER BY a"
        let query = try ProductionHarness.query(text)
        XCTAssertEqual(query.span, Span(start: 0, end: text.utf8.count))
        guard case .select(let select) = query.body, let from = select.from.first else { return XCTFail("select") }
        XCTAssertEqual(select.span, Span(start: 21, end: 56))
        XCTAssertEqual(from.span, Span(start: 35, end: 56))
        guard case .join(let join) = from.kind else { return XCTFail("join") }
        XCTAssertEqual(join.right.span, Span(start: 42, end: 43))
    }

    /// Every ```sql example of the expression, query and type grammar files parses without a diagnostic.
    func testGrammarExamplesParse() throws {
        let grammar = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("grammar")
        for name in ["expressions.md", "queries.md", "types.md"] {
            let text = try String(contentsOf: grammar.appendingPathComponent(name), encoding: .utf8)
            let blocks = text.components(separatedBy: "```sql\n").dropFirst().compactMap {
                $0.components(separatedBy: "```").first
            }
            XCTAssertFalse(blocks.isEmpty, name)
            for block in blocks {
                let script = Parser.parseScript(SourceFile(name: name, text: block))
                for diagnostic in script.diagnostics {
                    let location = script.diagnostics.isEmpty ? "" : "\(diagnostic.span)"
                    XCTFail("\(name) \(location): \(diagnostic.message)\n\(block)")
                }
                XCTAssertFalse(script.statements.isEmpty, block)
            }
        }
    }

    /// Deep but legal nesting of every recursive form parses; past the limit it is HQL2004, never a crash.
    func testDeepNestingOfEachForm() {
        let forms: [(prefix: String, open: String, inner: String, close: String, suffix: String)] = [
            ("SELECT ", "f(", "1", ")", ""),
            ("SELECT ", "(SELECT ", "1", ")", ""),
            ("SELECT ", "CASE WHEN ", "a", " THEN 1 END", ""),
            ("SELECT ", "a[", "0", "]", ""),
            ("SELECT CAST(x AS ", "ARRAY<", "INT", ">", ")"),
            ("SELECT * FROM ", "(", "t", ")", ""),
            ("SELECT * FROM ", "(", "(SELECT 1)", ")", ""),
            ("SELECT * FROM ", "(", "(SELECT 1) x JOIN y", ")", ""),
            ("SELECT * FROM ", "(SELECT * FROM ", "t", ")", ""),
            ("", "(", "SELECT 1", ")", ""),
            ("SELECT 1 WHERE ", "EXISTS (SELECT 1 WHERE ", "TRUE", ")", ""),
            ("SELECT ", "transform(xs, x -> ", "x", ")", ""),
            ("SELECT ", "- ", "1", "", ""),
            ("SELECT ", "NOT ", "a", "", ""),
            ("SELECT ", "f() OVER (ORDER BY ", "a", ")", ""),
            ("SELECT a FROM t GROUP BY a GROUPING SETS (", "(", "a", ")", ")"),
            ("SELECT ", "INTERVAL (", "1", ") DAY", ""),
            ("SELECT * FROM t WHERE a IN (", "(", "1", ")", ")"),
        ]
        for form in forms {
            func nest(_ depth: Int) -> String {
                form.prefix + String(repeating: form.open, count: depth) + form.inner
                    + String(repeating: form.close, count: depth) + form.suffix
            }
            XCTAssertNoThrow(try ProductionHarness.query(nest(95)), form.open)
            XCTAssertThrowsError(try ProductionHarness.query(nest(5_000)), form.open) { error in
                XCTAssertEqual((error as? Diagnostic)?.code, "HQL2004", form.open)
            }
        }
    }

    /// Every production of the expression, query and type grammar files is quoted in a `///` comment of the
    /// parser files that implement them, so the two cannot drift apart unnoticed.
    func testGrammarProductionsAreQuotedInTheParser() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        var comments = ""
        for name in ["Expressions", "KeywordExpressions", "Query", "TableReferences", "Types", "Windows"] {
            let url = root.appendingPathComponent("Sources/HQLSyntax/Parser/Parser+\(name).swift")
            let text = try String(contentsOf: url, encoding: .utf8)
            for line in text.split(separator: "\n") where line.trimmingCharacters(in: .whitespaces).hasPrefix("///") {
                comments += line + "\n"
            }
        }
        var count = 0
        for name in ["expressions.md", "queries.md", "types.md"] {
            let text = try String(contentsOf: root.appendingPathComponent("grammar/\(name)"), encoding: .utf8)
            var inRules = false
            var inFence = false
            for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
                if line.hasPrefix("```") {
                    inRules = !inFence && line == "```"
                    inFence.toggle()
                    continue
                }
                guard inRules, let first = line.first, first.isLetter, let colon = line.firstIndex(of: ":") else { continue }
                let production = line[..<colon].trimmingCharacters(in: .whitespaces)
                    .replacingOccurrences(of: "(p)", with: "")
                count += 1
                XCTAssertTrue(comments.contains("\(production):") || comments.contains("\(production)(p):")
                              || comments.contains("\(production) :"),
                              "\(name): production '\(production)' is quoted by no parser doc comment")
            }
        }
        XCTAssertGreaterThan(count, 40)
    }

    /// Token soup and truncated queries end in a diagnostic or a tree, never in a crash or a hang.
    func testRandomInputNeverCrashes() {
        let words = ["SELECT", "FROM", "WHERE", "GROUP", "BY", "ORDER", "(", ")", ",", "a", "t", "1", "'s'", "AND",
                     "OR", "NOT", "IN", "BETWEEN", "CASE", "WHEN", "THEN", "END", "CAST", "AS", "INT", "ARRAY", "<",
                     ">", "JOIN", "ON", "LATERAL", "VIEW", "OVER", "PARTITION", "UNION", "ALL", "*", "+", "-", ".",
                     "[", "]", "INTERVAL", "DAY", "X'0A'", "->", "::", "IS", "NULL", "LIKE", "ANY", "WITH", "VALUES",
                     "LIMIT", "TABLESAMPLE", "BUCKET", "OUT", "OF", "EXISTS", "EXTRACT", "current_date", "DISTINCT"]
        var generator = QueryFuzzGenerator(seed: 2026)
        for _ in 0..<3_000 {
            let length = Int(generator.next() % 24) + 1
            let text = (0..<length).map { _ in words[Int(generator.next() % UInt64(words.count))] }.joined(separator: " ")
            _ = try? ProductionHarness.query(text)
            _ = try? ProductionHarness.expression(text)
            _ = try? ProductionHarness.type(text)
        }
        let valid = "WITH c AS (SELECT a, b FROM t) SELECT DISTINCT c.a, sum(b) OVER (PARTITION BY a ORDER BY b) s, "
            + "CASE WHEN a IN (1, 2) THEN CAST(b AS DECIMAL(10, 2)) END FROM c LATERAL VIEW explode(c.xs) e AS x "
            + "JOIN u ON c.a = u.a WHERE a BETWEEN 1 AND 2 GROUP BY a, b HAVING count(*) > 1 ORDER BY a LIMIT 5"
        for end in 0...valid.count {
            _ = try? ProductionHarness.query(String(valid.prefix(end)))
        }
        XCTAssertNoThrow(try ProductionHarness.query(valid))
    }

    /// Query errors inside a script are positioned by line and column, and parsing goes on after each.
    func testScriptDiagnosticsAreLocated() {
        let text = """
            SELECT a
            FROM t
            WHRE a > 1;
            SELECT b FROM u;
            SELECT c FROM v WHERE c IN (1, 2;
            SELECT CAST(d AS STRNG) FROM w
            """
        let file = SourceFile(name: "etl.hql", text: text)
        let script = Parser.parseScript(file)
        XCTAssertEqual(script.statements.count, 1)
        XCTAssertEqual(script.diagnostics.map { file.location(of: $0.span.start).description }, ["3:1", "5:33", "6:18"])
        XCTAssertEqual(script.diagnostics.map(\.code), ["HQL2010", "HQL2003", "HQL2010"])
        XCTAssertTrue(script.diagnostics[0].message.contains("did you mean WHERE?"), script.diagnostics[0].message)
        XCTAssertTrue(script.diagnostics[2].message.contains("did you mean STRING?"), script.diagnostics[2].message)
    }

    // MARK: - Errors

    func testErrors() {
        checkError("SELECT a 1️⃣FORM t", "did you mean FROM?")
        checkError("SELECT a FROM t 1️⃣WHRE a > 1", "did you mean WHERE?")
        checkError("SELECT a FROM t 1️⃣GRUOP BY a", "did you mean GROUP?")
        checkError("SELECT a FROM t 1️⃣ODER BY a", "did you mean ORDER?")
        checkError("1️⃣SELCT a FROM t", "did you mean SELECT?")
        checkError("SELECT a FROM t GROUP 1️⃣a", "expected BY after GROUP")
        checkError("SELECT 1️⃣FROM t", "expected expression, found 'FROM'")
        checkError("SELECT a, 1️⃣FROM t", "expected expression, found 'FROM'")
        checkError("SELECT a FROM 1️⃣WHERE", "expected table name, '(' or VALUES, found 'WHERE'")
        checkError("SELECT a FROM (SELECT b FROM t1️⃣", code: "HQL2003", "expected ')' to close the subquery opened at 1:15")
        checkError("SELECT a FROM ((SELECT b FROM t) 1️⃣", code: "HQL2003", "expected ')' to close the subquery opened at 1:15")
        checkError("SELECT a FROM t LEFT 1️⃣t2 ON x", "expected JOIN")
        checkError("SELECT a FROM t LEFT OUTER 1️⃣JION u", "did you mean JOIN?")
        checkError("SELECT a FROM t JOIN u ON 1️⃣", "expected expression, found end of input")
        checkError("SELECT a AS 1️⃣'x' FROM t", code: "HQL2021", "a string literal cannot be an alias in HiveQL")
        checkError("SELECT a AS 1️⃣from FROM t", code: "HQL2011", "found reserved keyword FROM")
        checkError("SELECT a FROM t LATERAL 1️⃣VEIW explode(a) e", "did you mean VIEW?")
        checkError("SELECT a FROM t TABLESAMPLE (BUCKET 1 1️⃣OF 2)", "expected OUT")
        checkError("SELECT a FROM t TABLESAMPLE (10 1️⃣PERCENTS)", "expected PERCENT or ROWS in TABLESAMPLE")
        checkError("WITH a AS (SELECT 1 1️⃣SELECT 1", code: "HQL2003", "expected ')' to close the query of a")
        checkError("WITH a AS 1️⃣SELECT 1", "expected '(' and the query of a")
        checkError("SELECT a FROM t ORDER BY a NULLS 1️⃣FRIST", "expected FIRST or LAST after NULLS")
        checkError("SELECT a FROM t UNION 1️⃣SELEC b", "did you mean SELECT?")
        checkError("FROM t 1️⃣SELEC a", "did you mean SELECT?")
        checkError("FROM t 1️⃣WHERE a", "expected SELECT after the FROM clause")
        checkError("SELECT a FROM t GROUP BY a GROUPING SETS 1️⃣a", "expected '(' to open the GROUPING SETS")
        checkError("SELECT sum(a) OVER (PARTITION BY b 1️⃣ORDER c) FROM t", code: "HQL2003",
                   "expected ')' to close the window specification")
        checkError("SELECT a FROM t WINDOW w 1️⃣(ORDER BY a)", "expected AS")
        checkError("SELECT a FROM t WHERE a = 1️⃣", "expected expression, found end of input")
        checkError("SELECT (a, b 1️⃣FROM t", code: "HQL2003", "expected ')' to close the parenthesis opened at 1:8")
        checkError("SELECT TRANSFORM(a, b) 1️⃣USING 'cat' AS (x, y) FROM t", code: "HQL4001", "is not supported")
        checkError("SELECT a FROM t ORDER 1️⃣a", "expected BY after ORDER")
        checkError("SELECT a FROM t WHERE a = 1 1️⃣ORDR BY a", "expected end of the query, found 'ORDR'; did you mean ORDER?")
        checkError("SELECT a FROM t WHERE a = 1 1️⃣GRUOP BY a", "did you mean GROUP?")
        checkError("SELECT a FROM t LIMIT 1 1️⃣OFSET 2", "did you mean OFFSET?")
        checkError("SELECT a FROM t 1️⃣LIMT 10", "did you mean LIMIT?")
        checkError("SELECT a FROM t SORT 1️⃣a", "expected BY after SORT")
        checkError("SELECT a b 1️⃣c FROM t", "expected ',' or FROM after the select item, found 'c'")
        checkError("SELECT a FROM t t2 1️⃣t3", "expected ',', JOIN, WHERE or another clause after the table")
        checkError("SELECT a FROM t LATERAL VIEW explode(x)1️⃣", "expected table alias after the LATERAL VIEW function")
        checkError("SELECT a FROM t1 1️⃣NATURAL JOIN t2", code: "HQL2023", "NATURAL JOIN is not HiveQL")
        checkError("SELECT a FROM t WHERE a IN (1️⃣)", "expected expression, found ')'")
        checkError("SELECT a1️⃣::int", code: "HQL2020", "'::' casts are not HiveQL")
    }
}

/// A small deterministic generator, so random tests fail the same way every run.
private struct QueryFuzzGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
