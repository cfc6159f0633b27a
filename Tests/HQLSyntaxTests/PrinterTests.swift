import XCTest
@testable import HQLSyntax

/// XCTest brings in Foundation, whose `Expression` would shadow ours.
private typealias Expression = HQLSyntax.Expression

/// The printer on hand-built trees: parenthesisation, quoting, escaping, types and the pretty layout.
/// These need no parser; `RoundTripTests` checks printing against parsing.
final class PrinterTests: XCTestCase {
    // MARK: - Precedence and parentheses

    func testSubtractionIsLeftAssociative() {
        XCTAssertEqual(print(bin(.subtract, col("a"), bin(.subtract, col("b"), col("c")))), "a - (b - c)")
        XCTAssertEqual(print(bin(.subtract, bin(.subtract, col("a"), col("b")), col("c"))), "a - b - c")
        XCTAssertEqual(print(bin(.divide, col("a"), bin(.multiply, col("b"), col("c")))), "a / (b * c)")
        XCTAssertEqual(print(bin(.concat, col("a"), bin(.add, col("b"), col("c")))), "a || (b + c)")
    }

    func testTighterOperatorsNeedNoParentheses() {
        XCTAssertEqual(print(bin(.add, col("a"), bin(.multiply, col("b"), col("c")))), "a + b * c")
        XCTAssertEqual(print(bin(.multiply, bin(.add, col("a"), col("b")), col("c"))), "(a + b) * c")
        XCTAssertEqual(print(bin(.integerDivide, col("a"), num("2"))), "a DIV 2")
        XCTAssertEqual(print(bin(.bitwiseAnd, bin(.bitwiseOr, col("a"), col("b")), col("c"))), "(a | b) & c")
        XCTAssertEqual(print(bin(.bitwiseOr, col("a"), bin(.bitwiseXor, col("b"), col("c")))), "a | b ^ c")
        XCTAssertEqual(print(bin(.nullSafeEqual, col("a"), col("b"))), "a <=> b")
    }

    func testLogicalOperators() {
        XCTAssertEqual(print(bin(.and, bin(.or, col("a"), col("b")), col("c"))), "(a OR b) AND c")
        XCTAssertEqual(print(bin(.or, bin(.and, col("a"), col("b")), col("c"))), "a AND b OR c")
        XCTAssertEqual(print(bin(.or, col("a"), bin(.or, col("b"), col("c")))), "a OR (b OR c)")
        XCTAssertEqual(print(bin(.equal, bin(.less, col("a"), col("b")), bool(true))), "a < b = TRUE")
    }

    func testNot() {
        XCTAssertEqual(print(unary(.not, bin(.equal, col("a"), num("1")))), "NOT a = 1")
        XCTAssertEqual(print(unary(.not, bin(.and, col("a"), col("b")))), "NOT (a AND b)")
        XCTAssertEqual(print(bin(.and, unary(.not, col("a")), col("b"))), "NOT a AND b")
        XCTAssertEqual(print(bin(.equal, unary(.not, col("a")), col("b"))), "(NOT a) = b")
        XCTAssertEqual(print(bin(.equal, col("a"), unary(.not, col("b")))), "a = (NOT b)")
        XCTAssertEqual(print(unary(.not, unary(.not, col("a")))), "NOT NOT a")
    }

    func testPrefixOperators() {
        XCTAssertEqual(print(unary(.negate, unary(.negate, col("a")))), "- -a")
        XCTAssertEqual(print(unary(.negate, bin(.add, col("a"), col("b")))), "-(a + b)")
        XCTAssertEqual(print(bin(.subtract, col("a"), unary(.negate, num("1")))), "a - -1")
        XCTAssertEqual(print(unary(.bitwiseNot, col("a"))), "~a")
        XCTAssertEqual(print(unary(.plus, unary(.negate, col("a")))), "+ -a")
    }

    func testPredicates() {
        XCTAssertEqual(print(expr(.isNull(bin(.add, col("a"), col("b")), negated: false))), "a + b IS NULL")
        XCTAssertEqual(print(expr(.isNull(bin(.and, col("a"), col("b")), negated: true))), "(a AND b) IS NOT NULL")
        XCTAssertEqual(print(bin(.equal, col("a"), expr(.isNull(col("b"), negated: false)))), "a = (b IS NULL)")
        XCTAssertEqual(print(expr(.isBoolean(col("a"), value: false, negated: true))), "a IS NOT FALSE")
        let between = Between(value: col("a"), low: bin(.add, col("b"), num("1")), high: col("c"), negated: false)
        XCTAssertEqual(print(expr(.between(between))), "a BETWEEN b + 1 AND c")
        let odd = Between(value: col("a"), low: bin(.and, col("b"), col("c")), high: col("d"), negated: true)
        XCTAssertEqual(print(expr(.between(odd))), "a NOT BETWEEN (b AND c) AND d")
        let inList = InList(value: col("a"), list: [num("1"), num("2")], negated: true)
        XCTAssertEqual(print(expr(.inList(inList))), "a NOT IN (1, 2)")
        let likeAny = Like(value: col("a"), op: .like, negated: false, patterns: [str("x%"), str("%y")], quantifier: .any)
        XCTAssertEqual(print(expr(.like(likeAny))), "a LIKE ANY ('x%', '%y')")
        let rlike = Like(value: col("a"), op: .rlike, negated: true, patterns: [str("^a.*")])
        XCTAssertEqual(print(expr(.like(rlike))), "a NOT RLIKE '^a.*'")
        XCTAssertEqual(print(bin(.and, expr(.like(rlike)), col("b"))), "a NOT RLIKE '^a.*' AND b")
    }

    func testPostfixAndPrimaries() {
        XCTAssertEqual(print(expr(.subscript(bin(.add, col("a"), col("b")), index: num("0")))), "(a + b)[0]")
        XCTAssertEqual(print(expr(.field(expr(.subscript(col("a"), index: num("0"))), Identifier("f")))), "a[0].f")
        XCTAssertEqual(print(expr(.subscript(col("m"), index: str("k")))), "m['k']")
        XCTAssertEqual(print(expr(.parenthesized(bin(.add, col("a"), col("b"))))), "(a + b)")
        XCTAssertEqual(print(expr(.tuple([col("a"), col("b")]))), "(a, b)")
        XCTAssertEqual(print(expr(.star(qualifier: [Identifier("t")]))), "t.*")
        let cast = Cast(value: col("a"), type: .decimal(precision: 10, scale: 2))
        XCTAssertEqual(print(expr(.cast(cast))), "CAST(a AS DECIMAL(10,2))")
        let simple = CaseWhen(operand: col("a"), branches: [.init(condition: num("1"), result: str("one"))],
                              elseResult: str("other"))
        XCTAssertEqual(print(expr(.caseWhen(simple))), "CASE a WHEN 1 THEN 'one' ELSE 'other' END")
        let lambda = expr(.lambda(parameters: [Identifier("x")], body: bin(.add, col("x"), num("1"))))
        XCTAssertEqual(print(call("transform", [col("arr"), lambda])), "transform(arr, x -> x + 1)")
        let pair = expr(.lambda(parameters: [Identifier("k"), Identifier("v")], body: bin(.greater, col("v"), num("0"))))
        XCTAssertEqual(print(call("map_filter", [col("m"), pair])), "map_filter(m, (k, v) -> v > 0)")
    }

    func testFunctionCalls() {
        XCTAssertEqual(print(expr(.function(FunctionCall(name: name("count"), arguments: [], isStar: true)))),
                       "count(*)")
        XCTAssertEqual(print(expr(.function(FunctionCall(name: name("count"), arguments: [col("a")], isDistinct: true)))),
                       "count(DISTINCT a)")
        XCTAssertEqual(print(call("if", [col("a"), num("1"), num("2")])), "if(a, 1, 2)")
        let window = WindowSpecification(partitionBy: [col("a")], orderBy: [OrderItem(expression: col("b"),
                                         direction: .descending, nulls: .last)],
                                         frame: WindowFrame(unit: .rows, start: .unboundedPreceding, end: .currentRow))
        let ranked = FunctionCall(name: name("row_number"), arguments: [], over: .specification(window))
        XCTAssertEqual(print(expr(.function(ranked))), "row_number() OVER (PARTITION BY a ORDER BY b DESC NULLS LAST "
                       + "ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)")
        let summed = FunctionCall(name: name("sum"), arguments: [col("x")],
                                  filter: bin(.greater, col("x"), num("0")), over: .named(Identifier("w")))
        XCTAssertEqual(print(expr(.function(summed))), "sum(x) FILTER (WHERE x > 0) OVER w")
        let first = FunctionCall(name: name("first_value"), arguments: [col("x")], ignoreNulls: true)
        XCTAssertEqual(print(expr(.function(first))), "first_value(x) IGNORE NULLS")
    }

    // MARK: - Literals and escaping

    func testLiterals() {
        XCTAssertEqual(print(expr(.literal(.number(text: "10", suffix: .bigint)))), "10L")
        XCTAssertEqual(print(expr(.literal(.number(text: "1.5", suffix: .decimal)))), "1.5BD")
        XCTAssertEqual(print(expr(.literal(.number(text: "1e3", suffix: nil)))), "1e3")
        XCTAssertEqual(print(expr(.literal(.null))), "NULL")
        XCTAssertEqual(print(expr(.literal(.date("2020-01-01")))), "DATE '2020-01-01'")
        XCTAssertEqual(print(expr(.literal(.timestamp("2020-01-01 00:00:00")))), "TIMESTAMP '2020-01-01 00:00:00'")
        XCTAssertEqual(print(expr(.literal(.binary("0A0B")))), "X'0A0B'")
        let interval = IntervalLiteral(components: [.init(value: num("1"), unit: .day), .init(value: num("2"), unit: .hour)])
        XCTAssertEqual(print(expr(.literal(.interval(interval)))), "INTERVAL 1 DAY 2 HOUR")
        let ranged = IntervalLiteral(components: [.init(value: str("1-2"), unit: .year)], toUnit: .month)
        XCTAssertEqual(print(expr(.literal(.interval(ranged)))), "INTERVAL '1-2' YEAR TO MONTH")
        XCTAssertEqual(print(str("it's")), "'it\\'s'")
        XCTAssertEqual(print(str("a\tb\n")), "'a\\tb\\n'")
        XCTAssertEqual(print(str("\u{1}")), "'\\001'")
    }

    func testStringsDecodeBackToTheirValue() {
        let values = ["", "plain", "it's", "say \"hi\"", "back\\slash", "tail\\", "\\%", "a\\_b", "\\\\%", "\u{0}",
                      "\u{1}\u{2}\u{1F}", "line\nbreak\r\n", "tab\there", "\u{1A}", "héllo wörld", "emoji 🎉", "%_"]
        for value in values {
            let quoted = StringLiteral.quote(value)
            let decoded = StringLiteral.decode(Array(quoted.utf8)[...])
            XCTAssertEqual(decoded, value, "quote(\(value.debugDescription)) = \(quoted) decodes differently")
        }
    }

    // MARK: - Identifiers

    func testIdentifierQuoting() {
        XCTAssertEqual(HQLPrinter.format(Identifier("plain_name")), "plain_name")
        XCTAssertEqual(HQLPrinter.format(Identifier("year")), "year")  // non-reserved keyword
        XCTAssertEqual(HQLPrinter.format(Identifier("select")), "`select`")
        XCTAssertEqual(HQLPrinter.format(Identifier("Date")), "`Date`")
        XCTAssertEqual(HQLPrinter.format(Identifier("with space")), "`with space`")
        XCTAssertEqual(HQLPrinter.format(Identifier("we`ird")), "`we``ird`")
        XCTAssertEqual(HQLPrinter.format(Identifier("a-b")), "`a-b`")
        XCTAssertEqual(HQLPrinter.format(Identifier("1st_col")), "1st_col")
        XCTAssertEqual(HQLPrinter.format(Identifier("123")), "`123`")
        XCTAssertEqual(HQLPrinter.format(Identifier("10L")), "`10L`")
        XCTAssertEqual(HQLPrinter.format(Identifier("1e5")), "`1e5`")
        XCTAssertEqual(HQLPrinter.format(Identifier("")), "``")
        XCTAssertEqual(HQLPrinter.format(Identifier("kept", isQuoted: true)), "`kept`")
        XCTAssertEqual(HQLPrinter.format(Identifier("café")), "café")
        XCTAssertEqual(print(expr(.column([Identifier("t"), Identifier("order")]))), "t.`order`")
        // Where the parser takes only a non-keyword bare word, every keyword is quoted.
        let view = LateralView(source: TableReference(.table(NamedTable(name: name("t")))), isOuter: false,
                               function: FunctionCall(name: name("explode"), arguments: [col("a")]),
                               tableAlias: Identifier("sort"), columnAliases: [Identifier("year")])
        let query = Query(body: .select(Select(items: [SelectItem(expression: col("year"))],
                                               from: [TableReference(.lateralView(view))])))
        XCTAssertEqual(HQLPrinter.format(query), "SELECT year FROM t LATERAL VIEW explode(a) `sort` AS year")
        // Function names are written as they were: `if`, `map` and `date` are reserved words but valid calls.
        XCTAssertEqual(print(call("map", [str("k"), num("1")])), "map('k', 1)")
    }

    // MARK: - Types

    func testTypes() {
        XCTAssertEqual(HQLPrinter.format(DataType.decimal(precision: 10, scale: 2)), "DECIMAL(10,2)")
        XCTAssertEqual(HQLPrinter.format(DataType.decimal(precision: 10, scale: nil)), "DECIMAL(10)")
        XCTAssertEqual(HQLPrinter.format(DataType.decimal(precision: nil, scale: nil)), "DECIMAL")
        XCTAssertEqual(HQLPrinter.format(DataType.array(.string)), "ARRAY<STRING>")
        XCTAssertEqual(HQLPrinter.format(DataType.map(key: .string, value: .int)), "MAP<STRING,INT>")
        XCTAssertEqual(HQLPrinter.format(DataType.struct([StructField(name: Identifier("a"), type: .int),
                                                         StructField(name: Identifier("b"), type: .string)])),
                       "STRUCT<a:INT,b:STRING>")
        XCTAssertEqual(HQLPrinter.format(DataType.struct([StructField(name: Identifier("from"), type: .date,
                                                                      comment: "start")])),
                       "STRUCT<`from`:DATE COMMENT 'start'>")
        XCTAssertEqual(HQLPrinter.format(DataType.map(key: .string, value: .array(.map(key: .int, value: .double)))),
                       "MAP<STRING,ARRAY<MAP<INT,DOUBLE>>>")
        XCTAssertEqual(HQLPrinter.format(DataType.union([.int, .string])), "UNIONTYPE<INT,STRING>")
        XCTAssertEqual(HQLPrinter.format(DataType.varchar(20)), "VARCHAR(20)")
        XCTAssertEqual(HQLPrinter.format(DataType.char(3)), "CHAR(3)")
        XCTAssertEqual(HQLPrinter.format(DataType.interval(from: .day, to: .second)), "INTERVAL DAY TO SECOND")
        let simple: [(DataType, String)] = [(.tinyint, "TINYINT"), (.smallint, "SMALLINT"), (.int, "INT"),
                                             (.bigint, "BIGINT"), (.float, "FLOAT"), (.double, "DOUBLE"),
                                             (.string, "STRING"), (.boolean, "BOOLEAN"), (.binary, "BINARY"),
                                             (.date, "DATE"), (.timestamp, "TIMESTAMP")]
        for (type, text) in simple { XCTAssertEqual(HQLPrinter.format(type), text) }
    }

    // MARK: - Queries

    func testSetOperationsRegroupOnlyWithParentheses() {
        let one = QueryBody.select(Select(items: [SelectItem(expression: num("1"))]))
        let two = QueryBody.select(Select(items: [SelectItem(expression: num("2"))]))
        let three = QueryBody.select(Select(items: [SelectItem(expression: num("3"))]))
        func op(_ kind: SetOperation.Operator, _ left: QueryBody, _ right: QueryBody) -> QueryBody {
            .setOperation(SetOperation(op: kind, quantifier: kind == .union ? .all : nil, left: left, right: right))
        }
        XCTAssertEqual(HQLPrinter.format(Query(body: op(.union, op(.union, one, two), three))),
                       "SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3")
        XCTAssertEqual(HQLPrinter.format(Query(body: op(.union, one, op(.union, two, three)))),
                       "SELECT 1 UNION ALL (SELECT 2 UNION ALL SELECT 3)")
        XCTAssertEqual(HQLPrinter.format(Query(body: op(.union, one, op(.intersect, two, three)))),
                       "SELECT 1 UNION ALL SELECT 2 INTERSECT SELECT 3")
        XCTAssertEqual(HQLPrinter.format(Query(body: op(.intersect, op(.except, one, two), three))),
                       "(SELECT 1 EXCEPT SELECT 2) INTERSECT SELECT 3")
    }

    func testCompactSelect() {
        XCTAssertEqual(HQLPrinter.format(joinQuery()), "SELECT a.id, b.name, count(*) AS n FROM a "
                       + "LEFT OUTER JOIN b ON a.id = b.id JOIN c USING (id) WHERE a.x > 1 GROUP BY a.id, b.name "
                       + "HAVING count(*) > 1 ORDER BY n DESC LIMIT 10")
    }

    func testPrettySelectWithJoins() {
        let expected = """
            SELECT a.id, b.name, count(*) AS n
            FROM a
            LEFT OUTER JOIN b ON a.id = b.id
            JOIN c USING (id)
            WHERE a.x > 1
            GROUP BY a.id, b.name
            HAVING count(*) > 1
            ORDER BY n DESC
            LIMIT 10
            """
        XCTAssertEqual(HQLPrinter.format(joinQuery(), style: .pretty), expected)
    }

    func testPrettyCommonTableExpressionsAndSubqueries() {
        let inner = Query(body: .select(Select(items: [SelectItem(expression: col("x"))],
                                               from: [TableReference(.table(NamedTable(name: name("t"))))])))
        let outer = Select(items: [SelectItem(expression: expr(.star(qualifier: [])))],
                           from: [TableReference(.subquery(inner, alias: Identifier("s"), columnAliases: []))])
        let with = WithClause(tables: [CommonTableExpression(name: Identifier("u"), query: inner),
                                       CommonTableExpression(name: Identifier("v"), columns: [Identifier("y")],
                                                             query: inner)])
        let query = Query(with: with, body: .select(outer))
        let expected = """
            WITH u AS (
                SELECT x
                FROM t
            ),
            v (y) AS (
                SELECT x
                FROM t
            )
            SELECT *
            FROM (
                SELECT x
                FROM t
            ) AS s
            """
        XCTAssertEqual(HQLPrinter.format(query, style: .pretty), expected)
        XCTAssertEqual(HQLPrinter.format(query), "WITH u AS (SELECT x FROM t), v (y) AS (SELECT x FROM t) "
                       + "SELECT * FROM (SELECT x FROM t) AS s")
    }

    func testPrettyLongSelectListGoesOnePerLine() {
        let items = (1...8).map { SelectItem(expression: col("rather_long_column_\($0)")) }
        let query = Query(body: .select(Select(items: items, from: [TableReference(.table(NamedTable(name: name("t"))))])))
        let expected = "SELECT\n" + (1...8).map { "    rather_long_column_\($0)" }.joined(separator: ",\n") + "\nFROM t"
        XCTAssertEqual(HQLPrinter.format(query, style: .pretty), expected)
    }

    func testPrettyLongConditionPutsEachConjunctOnItsOwnLine() {
        let long = (1...6).map { bin(.greater, col("measurement_\($0)"), num("\($0)")) }
        let condition = long.dropFirst().reduce(long[0]) { bin(.and, $0, $1) }
        let query = Query(body: .select(Select(items: [SelectItem(expression: col("a"))], from: [table("t")],
                                               whereClause: bin(.and, bin(.or, col("x"), col("y")), condition))))
        let expected = """
            SELECT a
            FROM t
            WHERE (x OR y)
                AND (measurement_1 > 1 AND measurement_2 > 2 AND measurement_3 > 3 AND measurement_4 > 4 AND measurement_5 > 5 AND measurement_6 > 6)
            """
        // The right operand of the top AND is itself an AND: it keeps the parentheses its position needs.
        XCTAssertEqual(HQLPrinter.format(query, style: .pretty), expected)
        let chained = Query(body: .select(Select(items: [SelectItem(expression: col("a"))], from: [table("t")],
                                                 whereClause: condition)))
        XCTAssertEqual(HQLPrinter.format(chained, style: .pretty), "SELECT a\nFROM t\nWHERE measurement_1 > 1\n"
                       + (2...6).map { "    AND measurement_\($0) > \($0)" }.joined(separator: "\n"))
    }

    func testPrettyViewAndCreateTableAsSelect() {
        let query = Query(body: .select(Select(items: [SelectItem(expression: col("a"))], from: [table("t")])))
        let view = CreateView(name: name("v"), query: query)
        XCTAssertEqual(HQLPrinter.format(Statement(.createView(view)), style: .pretty), "CREATE VIEW v AS\nSELECT a\nFROM t")
        let ctas = CreateTable(name: name("c"), storage: .storedAs(Identifier("ORC")), asQuery: query)
        XCTAssertEqual(HQLPrinter.format(Statement(.createTable(ctas)), style: .pretty),
                       "CREATE TABLE c\nSTORED AS ORC\nAS\nSELECT a\nFROM t")
        XCTAssertEqual(HQLPrinter.format(Statement(.createTable(ctas))), "CREATE TABLE c STORED AS ORC AS SELECT a FROM t")
    }

    func testPrettyLongCaseInSelectList() {
        let branches = (1...3).map { CaseWhen.Branch(condition: bin(.greater, col("amount"), num("\($0)000")),
                                                     result: str("bucket number \($0)")) }
        let label = SelectItem(expression: expr(.caseWhen(CaseWhen(operand: nil, branches: branches,
                                                                   elseResult: str("other")))),
                               aliases: [Identifier("label")])
        let query = Query(body: .select(Select(items: [SelectItem(expression: col("id")), label], from: [table("t")])))
        let expected = """
            SELECT
                id,
                CASE
                    WHEN amount > 1000 THEN 'bucket number 1'
                    WHEN amount > 2000 THEN 'bucket number 2'
                    WHEN amount > 3000 THEN 'bucket number 3'
                    ELSE 'other'
                END AS label
            FROM t
            """
        XCTAssertEqual(HQLPrinter.format(query, style: .pretty), expected)
    }

    // MARK: - Statements

    func testPrettyCreateTable() {
        let create = CreateTable(
            isExternal: true, ifNotExists: true, name: QualifiedName([Identifier("db"), Identifier("events")]),
            columns: [ColumnDefinition(name: Identifier("id"), type: .bigint, comment: "event id"),
                      ColumnDefinition(name: Identifier("payload"), type: .map(key: .string, value: .string))],
            comment: "raw events", partitionedBy: [PartitionColumn(name: Identifier("dt"), type: .string)],
            clusteredBy: Bucketing(columns: [Identifier("id")], sortedBy: [(Identifier("id"), .ascending)], buckets: 8),
            rowFormat: .delimited(DelimitedRowFormat(fieldsTerminatedBy: "\t", linesTerminatedBy: "\n")),
            storage: .storedAs(Identifier("TEXTFILE")), location: "s3://bucket/events",
            tableProperties: [Property(key: "skip.header.line.count", value: "1")])
        let expected = """
            CREATE EXTERNAL TABLE IF NOT EXISTS db.events (
                id BIGINT COMMENT 'event id',
                payload MAP<STRING,STRING>
            )
            COMMENT 'raw events'
            PARTITIONED BY (dt STRING)
            CLUSTERED BY (id) SORTED BY (id ASC) INTO 8 BUCKETS
            ROW FORMAT DELIMITED FIELDS TERMINATED BY '\\t' LINES TERMINATED BY '\\n'
            STORED AS TEXTFILE
            LOCATION 's3://bucket/events'
            TBLPROPERTIES ('skip.header.line.count'='1')
            """
        XCTAssertEqual(HQLPrinter.format(Statement(.createTable(create)), style: .pretty), expected)
        XCTAssertEqual(HQLPrinter.format(Statement(.createTable(create))),
                       "CREATE EXTERNAL TABLE IF NOT EXISTS db.events (id BIGINT COMMENT 'event id', "
                       + "payload MAP<STRING,STRING>) COMMENT 'raw events' PARTITIONED BY (dt STRING) "
                       + "CLUSTERED BY (id) SORTED BY (id ASC) INTO 8 BUCKETS ROW FORMAT DELIMITED "
                       + "FIELDS TERMINATED BY '\\t' LINES TERMINATED BY '\\n' STORED AS TEXTFILE "
                       + "LOCATION 's3://bucket/events' TBLPROPERTIES ('skip.header.line.count'='1')")
    }

    func testInsertAndCommands() {
        let target = InsertTarget(mode: .overwrite, destination: .table(
            name: name("t"), partition: PartitionSpec(items: [.init(column: Identifier("dt"), value: str("2020-01-01")),
                                                              .init(column: Identifier("hr"), value: nil)]),
            ifNotExists: false, columns: []))
        let insert = Insert(target: target, source: Query(body: .values([[num("1"), str("a")]])))
        XCTAssertEqual(HQLPrinter.format(Statement(.insert(insert))),
                       "INSERT OVERWRITE TABLE t PARTITION (dt='2020-01-01', hr) VALUES (1, 'a')")
        XCTAssertEqual(HQLPrinter.format(Statement(.set(.assign(key: "hive.exec.dynamic.partition", value: "true")))),
                       "SET hive.exec.dynamic.partition=true")
        XCTAssertEqual(HQLPrinter.format(Statement(.set(.listAll))), "SET -v")
        XCTAssertEqual(HQLPrinter.format(Statement(.cliCommand(.source(path: "/tmp/init.hql")))), "source /tmp/init.hql")
        XCTAssertEqual(HQLPrinter.format(Statement(.cliCommand(.shell(command: "ls -l")))), "!ls -l")
        XCTAssertEqual(HQLPrinter.format(Statement(.cliCommand(.quit))), "quit")
        XCTAssertEqual(HQLPrinter.format(Statement(.addResource(.jar, paths: ["/tmp/a.jar", "/tmp/b c.jar"]))),
                       "ADD JAR /tmp/a.jar '/tmp/b c.jar'")
        XCTAssertEqual(HQLPrinter.format(Statement(.listResources(.file, paths: []))), "LIST FILES")
    }

    func testFormatScript() {
        let statements = [Statement(.use(Identifier("db"))), Statement(.show(.tables(database: nil, like: "a*")))]
        XCTAssertEqual(HQLPrinter.formatScript(statements), "USE db;\nSHOW TABLES LIKE 'a*';")
        XCTAssertEqual(HQLPrinter.formatScript([]), "")
    }

    // MARK: - Helpers

    private func print(_ expression: Expression) -> String { HQLPrinter.format(expression) }

    private func expr(_ kind: ExpressionKind) -> Expression { Expression(kind) }

    private func col(_ name: String) -> Expression { Expression(.column([Identifier(name)])) }

    private func qcol(_ table: String, _ column: String) -> Expression {
        Expression(.column([Identifier(table), Identifier(column)]))
    }

    private func num(_ text: String) -> Expression { Expression(.literal(.number(text: text, suffix: nil))) }

    private func str(_ value: String) -> Expression { Expression(.literal(.string(value))) }

    private func bool(_ value: Bool) -> Expression { Expression(.literal(.boolean(value))) }

    private func name(_ text: String) -> QualifiedName { QualifiedName([Identifier(text)]) }

    private func bin(_ op: BinaryOperator, _ left: Expression, _ right: Expression) -> Expression {
        Expression(.binary(op, left, right))
    }

    private func unary(_ op: UnaryOperator, _ operand: Expression) -> Expression { Expression(.unary(op, operand)) }

    private func call(_ function: String, _ arguments: [Expression]) -> Expression {
        Expression(.function(FunctionCall(name: name(function), arguments: arguments)))
    }

    private func table(_ text: String) -> TableReference { TableReference(.table(NamedTable(name: name(text)))) }

    /// `SELECT a.id, b.name, count(*) AS n FROM a LEFT JOIN b ON .. JOIN c USING (id) WHERE .. GROUP BY .. ..`
    private func joinQuery() -> Query {
        let countStar = Expression(.function(FunctionCall(name: name("count"), arguments: [], isStar: true)))
        let left = TableReference(.join(Join(type: .left, left: table("a"), right: table("b"),
                                             condition: .on(bin(.equal, qcol("a", "id"), qcol("b", "id"))))))
        let joined = TableReference(.join(Join(type: .inner, left: left, right: table("c"),
                                               condition: .using([Identifier("id")]))))
        let select = Select(items: [SelectItem(expression: qcol("a", "id")), SelectItem(expression: qcol("b", "name")),
                                    SelectItem(expression: countStar, aliases: [Identifier("n")])],
                            from: [joined], whereClause: bin(.greater, qcol("a", "x"), num("1")),
                            groupBy: GroupBy(expressions: [qcol("a", "id"), qcol("b", "name")]),
                            having: bin(.greater, countStar, num("1")))
        return Query(body: .select(select), orderBy: [OrderItem(expression: col("n"), direction: .descending)],
                     limit: num("10"))
    }
}
