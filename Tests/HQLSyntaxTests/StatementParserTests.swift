import Foundation
import XCTest
@testable import HQLSyntax

// MARK: - Helpers shared by the statement test files

/// A qualified name from its dotted spelling, for expected ASTs.
func qname(_ dotted: String) -> QualifiedName {
    QualifiedName(dotted.split(separator: ".").map { Identifier(String($0)) })
}

/// An identifier, for expected ASTs.
func ident(_ name: String) -> Identifier { Identifier(name) }

/// A string literal expression.
func stringLiteral(_ value: String) -> HQLSyntax.Expression { HQLSyntax.Expression(.literal(.string(value))) }

/// An integer literal expression.
func numberLiteral(_ text: String) -> HQLSyntax.Expression { HQLSyntax.Expression(.literal(.number(text: text, suffix: nil))) }

/// A partition spec from `(column, value)` pairs; a nil value is a dynamic key.
func partition(_ items: (String, HQLSyntax.Expression?)...) -> PartitionSpec {
    PartitionSpec(items: items.map { PartitionSpec.Item(column: Identifier($0.0), value: $0.1) })
}

/// A property with a value.
func prop(_ key: String, _ value: String?) -> Property { Property(key: key, value: value) }

extension XCTestCase {
    /// Parses one statement, failing the test (and returning nil) on any diagnostic.
    func parseOne(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> Statement? {
        let source = SourceFile(name: "test.hql", text: text)
        let script = Parser.parseScript(source)
        if let error = script.diagnostics.first {
            XCTFail("\(text)\n  \(source.location(of: error.span.start)): \(error.message)", file: file, line: line)
            return nil
        }
        guard script.statements.count == 1 else {
            XCTFail("expected one statement, found \(script.statements.count): \(text)", file: file, line: line)
            return nil
        }
        return script.statements[0]
    }

    /// Parses one statement and returns its kind.
    func parseKind(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> StatementKind? {
        parseOne(text, file: file, line: line)?.kind
    }

    /// Asserts that a statement parses to the expected kind.
    func assertParses(_ text: String, _ expected: StatementKind, file: StaticString = #filePath, line: UInt = #line) {
        guard let kind = parseKind(text, file: file, line: line) else { return }
        XCTAssertEqual(kind, expected, text, file: file, line: line)
    }

    /// Asserts that a script's first error contains `message` and is reported at `location` ("line:column").
    func assertError(_ text: String, _ message: String, at location: String,
                     file: StaticString = #filePath, line: UInt = #line) {
        let source = SourceFile(name: "test.hql", text: text)
        let script = Parser.parseScript(source)
        guard let error = script.diagnostics.first(where: { $0.severity == .error }) else {
            XCTFail("expected an error for: \(text)", file: file, line: line)
            return
        }
        XCTAssertTrue(error.message.contains(message), "message was: \(error.message)", file: file, line: line)
        XCTAssertEqual(source.location(of: error.span.start).description, location, "for: \(error.message)",
                       file: file, line: line)
    }
}

// MARK: - Dispatcher, spans, scripts and malformed statements

final class StatementParserTests: XCTestCase {
    func testStatementSpanExcludesSemicolon() throws {
        let text = "  DROP TABLE t ;\nUSE db;"
        let script = Parser.parseScript(SourceFile(name: "t", text: text))
        XCTAssertEqual(script.statements.count, 2)
        XCTAssertEqual(script.statements.first?.span, Span(start: 2, end: 14))
        XCTAssertEqual(script.statements.last?.span, Span(start: 17, end: 23))
        XCTAssertTrue(script.diagnostics.isEmpty)
    }

    func testScriptRecoversAfterErrors() {
        let text = "SELCT 1;\nDROP TABLE t;\nCREATE TABEL x;\nUSE d"
        let source = SourceFile(name: "t", text: text)
        let script = Parser.parseScript(source)
        XCTAssertEqual(script.statements.map(\.kind), [.dropTable(DropTable(name: qname("t"))), .use(ident("d"))])
        XCTAssertEqual(script.diagnostics.count, 2)
        XCTAssertEqual(script.diagnostics.map { source.location(of: $0.span.start).description }, ["1:1", "3:8"])
    }

    func testQueriesAreStatements() {
        guard case .query(let query)? = parseKind("SELECT 1") else { return XCTFail("not a query") }
        guard case .select(let select) = query.body else { return XCTFail("not a select") }
        XCTAssertEqual(select.items.count, 1)
        guard case .query? = parseKind("(SELECT 1) UNION ALL (SELECT 2)") else { return XCTFail("not a query") }
        guard case .query? = parseKind("VALUES (1, 2)") else { return XCTFail("not a query") }
        guard case .query(let with)? = parseKind("WITH a AS (SELECT 1 AS x) SELECT x FROM a") else {
            return XCTFail("not a query")
        }
        XCTAssertEqual(with.with?.tables.first?.name, ident("a"))
    }

    func testExplain() {
        guard case .explain(let explain)? = parseKind("EXPLAIN SELECT 1") else { return XCTFail("not explain") }
        XCTAssertNil(explain.mode)
        let modes: [(String, Explain.Mode)] = [("EXTENDED", .extended), ("FORMATTED", .formatted),
                                                ("CODEGEN", .codegen), ("COST", .cost),
                                                ("DEPENDENCY", .dependency), ("LOGICAL", .logical)]
        for (word, mode) in modes {
            guard case .explain(let explain)? = parseKind("explain \(word) DROP TABLE t") else {
                XCTFail("not explain: \(word)")
                continue
            }
            XCTAssertEqual(explain.mode, mode)
            XCTAssertEqual(explain.statement.kind, .dropTable(DropTable(name: qname("t"))))
        }
        guard let statement = parseOne("EXPLAIN INSERT INTO t SELECT 1"),
              case .explain(let inner) = statement.kind else { return XCTFail("not explain") }
        XCTAssertEqual(inner.statement.span, Span(start: 8, end: 30))
    }

    /// Every ```sql example of the statement grammar files parses without a diagnostic.
    func testGrammarExamplesParse() throws {
        let grammar = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("grammar")
        var examples = 0
        for name in ["README.md", "databases.md", "tables.md", "data.md", "session.md", "cli.md"] {
            let text = try String(contentsOf: grammar.appendingPathComponent(name), encoding: .utf8)
            var block: [Substring]?
            for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
                if block == nil, line.hasPrefix("```sql") {
                    block = []
                } else if let lines = block, line.hasPrefix("```") {
                    let source = SourceFile(name: name, text: lines.joined(separator: "\n"))
                    let script = Parser.parseScript(source)
                    for diagnostic in script.diagnostics {
                        XCTFail("\(name): \(source.location(of: diagnostic.span.start)): \(diagnostic.message)\n"
                                + source.lineText(source.location(of: diagnostic.span.start).line))
                    }
                    XCTAssertFalse(script.statements.isEmpty, "\(name): an empty example")
                    examples += script.statements.count
                    block = nil
                } else if block != nil {
                    block?.append(line)
                }
            }
        }
        XCTAssertGreaterThan(examples, 80)
    }

    // MARK: Malformed statements

    func testMisspeltStatementWords() {
        assertError("SELCT * FROM t", "unknown statement 'SELCT'; did you mean SELECT?", at: "1:1")
        assertError("  INSRT INTO t VALUES (1)", "did you mean INSERT?", at: "1:3")
        assertError("frobnicate t", "unknown statement 'frobnicate'; expected a statement", at: "1:1")
        assertError("TABLE t", "expected the start of a statement", at: "1:1")
        assertError("CREATE TABEL t (a INT)", "did you mean TABLE?", at: "1:8")
        assertError("DROP TABLES t", "did you mean TABLE?", at: "1:6")
        assertError("SHOW TABLEZ", "did you mean TABLES?", at: "1:6")
    }

    func testMisspeltClauseWords() {
        assertError("CREATE TABLE t (a INT)\nPARTITONED BY (dt STRING)", "did you mean PARTITIONED?", at: "2:1")
        assertError("CREATE TABLE t (a INT) STORED AZ ORC", "expected AS or BY after STORED, found 'AZ'; did you mean AS?",
                    at: "1:31")
        assertError("CREATE TABLE t (a INT) TBLPROPERTY ('a'='b')", "did you mean TBLPROPERTIES?", at: "1:24")
        assertError("DROP TABLE IF EXIST t", "expected EXISTS after IF, found 'EXIST'; did you mean EXISTS?", at: "1:15")
        assertError("CREATE TABLE t (a INT) ROW FORMAT DELIMTED", "did you mean DELIMITED?", at: "1:35")
        assertError("CREATE EXTENRAL TABLE t (a INT)", "did you mean EXTERNAL?", at: "1:8")
        assertError("INSERT OVERWITE TABLE t SELECT 1", "did you mean OVERWRITE?", at: "1:8")
        assertError("LAOD DATA INPATH '/x' INTO TABLE t", "unknown statement 'LAOD'; did you mean LOAD?", at: "1:1")
        assertError("ALTER TABLE t SET TBLPROPERTY ('a'='b')", "did you mean TBLPROPERTIES?", at: "1:19")
        assertError("INSERT INTO t VALUE (1)", "did you mean VALUES?", at: "1:15")
    }

    func testUnclosedAndMissingPieces() {
        assertError("CREATE TABLE t (\n  a INT,\n  b STRING\nFROM x",
                    "expected ')' to close the column list opened at 1:16, found 'FROM'", at: "4:1")
        assertError("INSERT INTO t PARTITION (dt='x' SELECT 1",
                    "expected ')' to close the partition spec opened at 1:25, found 'SELECT'", at: "1:33")
        assertError("CREATE TABLE t (a INT) TBLPROPERTIES ('a'='b'", "to close the table properties opened at 1:38",
                    at: "1:46")
        assertError("ALTER TABLE t RENAME u", "expected TO after RENAME, found 'u'", at: "1:22")
        assertError("ALTER TABLE t FROBNICATE", "expected an ALTER TABLE action", at: "1:15")
        assertError("INSERT t SELECT 1", "expected OVERWRITE or INTO after INSERT, found 't'", at: "1:8")
        assertError("LOAD DATA INPATH '/x' INTO t", "expected TABLE after INTO, found 't'", at: "1:28")
        assertError("DESCRIBE", "expected table name, found end of input", at: "1:9")
        assertError("USE", "expected database name (an identifier), found end of input", at: "1:4")
        assertError("CREATE DATABASE ;", "expected database name (an identifier), found ';'", at: "1:17")
        assertError("CREATE VIEW v SELECT 1", "expected COMMENT, TBLPROPERTIES or AS", at: "1:15")
        assertError("CREATE TABLE t (a INT) CLUSTERED BY (a) 4 BUCKETS", "expected INTO", at: "1:41")
        assertError("CREATE TABLE t (a INT) ROW FORMAT DELIMITED FIELDS TERMINATED ','",
                    "expected BY after TERMINATED", at: "1:63")
        assertError("MSCK REPAIR t", "expected TABLE after MSCK REPAIR", at: "1:13")
        assertError("ADD JAR", "expected a path after ADD JAR", at: "1:8")
        assertError("source", "expected a file path after source, found end of input", at: "1:7")
        assertError("!", "expected a command after '!'", at: "1:2")
        assertError("ANALYZE TABLE t COMPUTE STATS", "expected STATISTICS after COMPUTE, found 'STATS'", at: "1:25")
        assertError("CREATE TABLE t LIKE s COMMENT 'x'", "expected LOCATION, TBLPROPERTIES or the end", at: "1:23")
        assertError("SET = x", "expected a configuration key before '='", at: "1:5")
        assertError("SHOW COLUMNS t", "expected IN or FROM after SHOW COLUMNS", at: "1:14")
        assertError("DROP TABLE t PURGE extra", "unexpected 'extra' after the end of the statement", at: "1:20")
        assertError("EXPLAIN EXPLAIN SELECT 1", "EXPLAIN cannot explain another EXPLAIN", at: "1:9")
        assertError("EXPLAIN ANALYZE SELECT 1", "EXPLAIN ANALYZE is not supported; the modes are EXTENDED", at: "1:9")
        assertError("explain vectorization select 1", "EXPLAIN VECTORIZATION is not supported", at: "1:9")
    }

    func testReservedWordsAndMisplacedModifiers() {
        assertError("CREATE TABLE select (a INT)", "reserved keyword SELECT; write it in backticks", at: "1:14")
        assertError("CREATE EXTERNAL VIEW v AS SELECT 1", "EXTERNAL cannot be used with CREATE VIEW", at: "1:8")
        assertError("CREATE TEMPORARY DATABASE d", "TEMPORARY cannot be used with CREATE DATABASE", at: "1:8")
        assertError("CREATE GLOBAL VIEW v AS SELECT 1", "GLOBAL needs TEMPORARY", at: "1:8")
        assertError("CREATE TABLE t (a INT) SORTED BY (a) INTO 4 BUCKETS", "SORTED BY belongs to a bucketing clause",
                    at: "1:24")
        assertError("INSERT INTO t PARTITION (dt) IF NOT EXISTS SELECT 1", "IF NOT EXISTS is allowed only",
                    at: "1:30")
    }

    func testDiagnosticCodes() {
        let cases: [(String, String)] = [
            ("SELCT 1", "HQL2040"),
            ("CREATE DATABASE d COMMENT 'a' COMMENT 'b'", "HQL2041"),
            ("CREATE EXTERNAL VIEW v AS SELECT 1", "HQL2042"),
            ("SET =1", "HQL2043"),
            ("CREATE TABLE t (a INT) STORED AZ ORC", "HQL2010"),
            ("CREATE TABLE t (a INT", "HQL2003"),
        ]
        for (text, code) in cases {
            let script = Parser.parseScript(SourceFile(name: "t", text: text))
            XCTAssertEqual(script.diagnostics.first?.code, code, text)
        }
    }

    func testRepeatedClausesNameBothPlaces() {
        assertError("CREATE TABLE t (a INT)\nLOCATION '/a'\nCOMMENT 'x'\nLOCATION '/b'",
                    "LOCATION is given twice; the first LOCATION is at 2:1", at: "4:1")
        assertError("CREATE DATABASE d COMMENT 'a' COMMENT 'b'", "COMMENT is given twice; the first COMMENT is at 1:19",
                    at: "1:31")
        assertError("CREATE TABLE t (a INT) STORED AS ORC STORED AS PARQUET", "STORED is given twice", at: "1:38")
        assertError("CREATE VIEW v COMMENT 'a' COMMENT 'b' AS SELECT 1", "COMMENT is given twice", at: "1:27")
    }
}
