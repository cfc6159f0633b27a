import XCTest
import HQLSyntax
@testable import HQLRuntime

/// No HQL text can break out of the generated SQL: identifiers are quoted, literals escaped, and no two
/// generated tokens can fuse into a comment. Expected values follow Hive's semantics, worked out by hand.
final class GeneratedSQLSafetyTests: XCTestCase {
    private func run(_ script: String, in session: Session) throws -> [String] {
        let parsed = Parser.parseScript(SourceFile(name: "t.hql", text: script))
        XCTAssertFalse(parsed.hasErrors, "\(parsed.diagnostics)")
        var lines: [String] = []
        for statement in parsed.statements {
            let sink = CollectingSink()
            try session.execute(statement, sink: sink)
            lines += sink.rows.map { $0.joined(separator: "\t") }
        }
        return lines
    }

    func testNegationsNeverBecomeComments() throws {
        let session = Session(warehouse: try Warehouse.inMemory())
        XCTAssertEqual(try run("SELECT -(-3), - -3, 5 - -2, -(-2.5D), -(-1.50BD);", in: session), ["3\t3\t7\t2.5\t1.50"])
    }

    func testLiteralsAndIdentifiersCannotEscape() throws {
        let session = Session(warehouse: try Warehouse.inMemory())
        let lines = try run("""
            CREATE TABLE `we"ird; --` (`col "x"` STRING);
            INSERT INTO `we"ird; --` VALUES ('a\\'; DROP TABLE x; --'), ('/* not a comment */');
            SELECT `col "x"` FROM `we"ird; --` ORDER BY 1;
            """, in: session)
        XCTAssertEqual(lines, ["/* not a comment */", "a'; DROP TABLE x; --"])
    }

    func testAFailedStatementChangesNothing() throws {
        let session = Session(warehouse: try Warehouse.inMemory())
        _ = try run("CREATE TABLE t (a INT); INSERT INTO t VALUES (1), (2);", in: session)
        // The second row of the SELECT fails assert_true, so the whole INSERT OVERWRITE must roll back.
        let failing = Parser.parseScript(SourceFile(name: "t.hql",
            text: "INSERT OVERWRITE TABLE t SELECT a FROM t WHERE assert_true(a < 2) IS NULL;"))
        XCTAssertThrowsError(try session.execute(failing.statements[0], sink: CollectingSink()))
        XCTAssertEqual(try run("SELECT a FROM t ORDER BY a;", in: session), ["1", "2"])
    }

    func testInsertOverwriteMayReadTheTableItReplaces() throws {
        let session = Session(warehouse: try Warehouse.inMemory())
        let lines = try run("""
            CREATE TABLE t (a INT); INSERT INTO t VALUES (1), (2);
            INSERT OVERWRITE TABLE t SELECT a * 10 FROM t;
            SELECT a FROM t ORDER BY a;
            """, in: session)
        XCTAssertEqual(lines, ["10", "20"])
    }
}
