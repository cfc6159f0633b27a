import XCTest
@testable import HQLSyntax

final class DMLParserTests: XCTestCase {
    private func tableTarget(_ statement: StatementKind?) -> (InsertTarget.Mode, QualifiedName, PartitionSpec?, Bool,
                                                                [Identifier])? {
        guard case .insert(let insert)? = statement,
              case .table(let name, let partition, let ifNotExists, let columns) = insert.target.destination
        else { return nil }
        return (insert.target.mode, name, partition, ifNotExists, columns)
    }

    func testInsertOverwriteTable() {
        let statement = parseKind("INSERT OVERWRITE TABLE db.t PARTITION (dt='2024-01-01', hr) SELECT a, hr FROM s")
        guard let (mode, name, spec, ifNotExists, columns) = tableTarget(statement) else {
            return XCTFail("not an INSERT into a table")
        }
        XCTAssertEqual(mode, .overwrite)
        XCTAssertEqual(name, qname("db.t"))
        XCTAssertEqual(spec, partition(("dt", stringLiteral("2024-01-01")), ("hr", nil)))
        XCTAssertFalse(ifNotExists)
        XCTAssertTrue(columns.isEmpty)
        guard case .insert(let insert)? = statement, case .select(let select) = insert.source.body else {
            return XCTFail("no select")
        }
        XCTAssertEqual(select.items.count, 2)
        XCTAssertNil(insert.with)
    }

    func testInsertSpans() {
        let text = "INSERT INTO TABLE t PARTITION (dt='x') SELECT 1"
        guard case .insert(let insert)? = parseKind(text),
              case .table(_, let spec, _, _) = insert.target.destination else { return XCTFail("not an INSERT") }
        XCTAssertEqual(spec?.span, Span(start: 20, end: 38))
        XCTAssertEqual(insert.target.span, Span(start: 0, end: 38))
        XCTAssertEqual(insert.source.span, Span(start: 39, end: 47))
    }

    func testInsertOverwriteIfNotExists() {
        guard let (_, _, spec, ifNotExists, _) = tableTarget(
            parseKind("INSERT OVERWRITE TABLE t PARTITION (y=2024) IF NOT EXISTS SELECT * FROM s")) else {
            return XCTFail("not an INSERT")
        }
        XCTAssertTrue(ifNotExists)
        XCTAssertEqual(spec, partition(("y", numberLiteral("2024"))))
    }

    func testInsertIntoValues() {
        let statement = parseKind("INSERT INTO TABLE t (a, b) VALUES (1, 'x'), (2, 'y')")
        guard let (mode, name, spec, _, columns) = tableTarget(statement) else { return XCTFail("not an INSERT") }
        XCTAssertEqual(mode, .into)
        XCTAssertEqual(name, qname("t"))
        XCTAssertNil(spec)
        XCTAssertEqual(columns, [ident("a"), ident("b")])
        guard case .insert(let insert)? = statement else { return XCTFail("not an INSERT") }
        XCTAssertEqual(insert.source.body, .values([[numberLiteral("1"), stringLiteral("x")],
                                                    [numberLiteral("2"), stringLiteral("y")]]))
        XCTAssertEqual(insert.source.span, Span(start: 27, end: 52))
    }

    func testInsertIntoWithoutTableKeyword() {
        guard let (mode, name, _, _, columns) = tableTarget(parseKind("insert into t select 1")) else {
            return XCTFail("not an INSERT")
        }
        XCTAssertEqual(mode, .into)
        XCTAssertEqual(name, qname("t"))
        XCTAssertTrue(columns.isEmpty)
        // A parenthesised query is not a column list.
        guard let (_, _, _, _, none) = tableTarget(parseKind("INSERT INTO t (SELECT 1)")) else {
            return XCTFail("not an INSERT")
        }
        XCTAssertTrue(none.isEmpty)
        guard let (_, _, dynamic, _, _) = tableTarget(parseKind("INSERT INTO t PARTITION (dt) SELECT 1, '2024'")) else {
            return XCTFail("not an INSERT")
        }
        XCTAssertEqual(dynamic, partition(("dt", nil)))
    }

    func testInsertOverwriteDirectory() {
        guard case .insert(let insert)? = parseKind(
            "INSERT OVERWRITE LOCAL DIRECTORY '/tmp/out' ROW FORMAT DELIMITED FIELDS TERMINATED BY ',' "
                + "STORED AS TEXTFILE SELECT * FROM t") else { return XCTFail("not an INSERT") }
        XCTAssertEqual(insert.target.mode, .overwrite)
        XCTAssertEqual(insert.target.destination,
                       .directory(InsertDirectory(isLocal: true, path: "/tmp/out",
                                                  rowFormat: .delimited(DelimitedRowFormat(fieldsTerminatedBy: ",")),
                                                  storage: .storedAs(ident("TEXTFILE")))))
        guard case .insert(let remote)? = parseKind("INSERT OVERWRITE DIRECTORY 's3://b/out' SELECT 1") else {
            return XCTFail("not an INSERT")
        }
        XCTAssertEqual(remote.target.destination, .directory(InsertDirectory(isLocal: false, path: "s3://b/out")))
    }

    func testWithBeforeInsert() {
        guard case .insert(let insert)? = parseKind(
            "WITH src AS (SELECT 1 AS a) INSERT OVERWRITE TABLE t SELECT a FROM src") else {
            return XCTFail("not an INSERT")
        }
        XCTAssertEqual(insert.with?.tables.map(\.name), [ident("src")])
        XCTAssertNil(insert.source.with)
    }

    func testMultiInsert() {
        let text = """
            FROM staging s
            INSERT OVERWRITE TABLE a PARTITION (dt='2024-01-01') SELECT s.x WHERE s.kind = 'a'
            INSERT INTO TABLE b SELECT s.y, count(*) GROUP BY s.y
            """
        guard case .multiInsert(let multi)? = parseKind(text) else { return XCTFail("not a multi-insert") }
        XCTAssertNil(multi.with)
        XCTAssertEqual(multi.from.count, 1)
        guard case .table(let source)? = multi.from.first?.kind else { return XCTFail("no source table") }
        XCTAssertEqual(source.name, qname("staging"))
        XCTAssertEqual(source.alias, ident("s"))
        XCTAssertEqual(multi.branches.count, 2)
        XCTAssertEqual(multi.branches.map(\.target.mode), [.overwrite, .into])
        guard case .select(let first)? = multi.branches.first?.query.body else { return XCTFail("no select") }
        XCTAssertTrue(first.from.isEmpty)
        XCTAssertNotNil(first.whereClause)
        guard case .select(let second)? = multi.branches.last?.query.body else { return XCTFail("no select") }
        XCTAssertNotNil(second.groupBy)
        XCTAssertEqual(multi.branches.last?.target.destination,
                       .table(name: qname("b"), partition: nil, ifNotExists: false, columns: []))
    }

    func testWithBeforeMultiInsert() {
        guard case .multiInsert(let multi)? = parseKind(
            "WITH w AS (SELECT 1 AS x) FROM w INSERT INTO TABLE t SELECT x") else {
            return XCTFail("not a multi-insert")
        }
        XCTAssertEqual(multi.with?.tables.count, 1)
        XCTAssertEqual(multi.branches.count, 1)
    }

    func testFromFirstQuery() {
        guard case .query(let query)? = parseKind("FROM src SELECT key, value WHERE key > 10") else {
            return XCTFail("not a query")
        }
        guard case .select(let select) = query.body else { return XCTFail("not a select") }
        XCTAssertTrue(select.isFromFirst)
        XCTAssertEqual(select.from.count, 1)
        XCTAssertEqual(select.items.count, 2)
        XCTAssertNotNil(select.whereClause)
        // A subquery in FROM that holds its own SELECT does not make it a multi-insert.
        guard case .query? = parseKind("FROM (SELECT 1 AS a) s SELECT a") else { return XCTFail("not a query") }
        guard case .query(let withQuery)? = parseKind("WITH w AS (SELECT 1 AS a) FROM w SELECT a") else {
            return XCTFail("not a query")
        }
        XCTAssertNotNil(withQuery.with)
    }

    func testLoadData() {
        assertParses("LOAD DATA INPATH 's3://b/x.csv' INTO TABLE t",
                     .loadData(LoadData(isLocal: false, path: "s3://b/x.csv", overwrite: false, table: qname("t"))))
        assertParses("LOAD DATA LOCAL INPATH '/tmp/x.csv' OVERWRITE INTO TABLE db.t PARTITION (dt='2024-01-01')",
                     .loadData(LoadData(isLocal: true, path: "/tmp/x.csv", overwrite: true, table: qname("db.t"),
                                        partition: partition(("dt", stringLiteral("2024-01-01"))))))
    }
}
