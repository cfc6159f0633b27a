import XCTest

@testable import SQLiteStore

final class ConnectionTransactionTests: XCTestCase {
    private struct Boom: Error {}
    private var connection: Connection!

    override func setUpWithError() throws {
        connection = try Connection()
        try connection.execute("CREATE TABLE t(x); INSERT INTO t VALUES (1);")
    }

    private func contents() throws -> String {
        try connection.scalar("SELECT coalesce(group_concat(x, ','), '') FROM (SELECT x FROM t ORDER BY x)")?
            .stringValue ?? "?"
    }

    func testTransactionCommitsAndReturnsBodyResult() throws {
        let result = try connection.transaction { () -> Int in
            XCTAssertFalse(connection.isAutocommit)
            try connection.run("INSERT INTO t VALUES (2)")
            return 42
        }
        XCTAssertEqual(result, 42)
        XCTAssertTrue(connection.isAutocommit)
        XCTAssertEqual(try contents(), "1,2")
    }

    func testTransactionRollsBackOnThrowLeavingDataUnchanged() throws {
        XCTAssertThrowsError(
            try connection.transaction {
                try connection.run("INSERT INTO t VALUES (2)")
                try connection.run("UPDATE t SET x = x * 10")
                throw Boom()
            }
        ) { error in
            XCTAssertTrue(error is Boom, "the body's own error is rethrown")
        }
        XCTAssertTrue(connection.isAutocommit)
        XCTAssertEqual(try contents(), "1")
    }

    func testTransactionRollsBackWhenSQLInBodyFails() throws {
        try connection.execute("CREATE TABLE u(y UNIQUE)")
        XCTAssertThrowsError(
            try connection.transaction {
                try connection.run("INSERT INTO t VALUES (5)")
                try connection.run("INSERT INTO u VALUES (1), (1)")
            })
        XCTAssertEqual(try contents(), "1")
    }

    func testNestedTransactionIsRejected() throws {
        try connection.transaction {
            XCTAssertThrowsError(try connection.transaction {}) { error in
                XCTAssertEqual((error as? SQLiteError)?.kind, .misuse)
            }
        }
    }

    func testDeferredAndExclusiveKinds() throws {
        try connection.transaction(.deferred) { try connection.run("INSERT INTO t VALUES (2)") }
        try connection.transaction(.exclusive) { try connection.run("INSERT INTO t VALUES (3)") }
        XCTAssertEqual(try contents(), "1,2,3")
    }

    func testSavepointsNestAndRollBackOnlyTheInnerWork() throws {
        try connection.transaction {
            try connection.run("INSERT INTO t VALUES (2)")
            try connection.savepoint("outer") {
                try connection.run("INSERT INTO t VALUES (3)")
                XCTAssertThrowsError(
                    try connection.savepoint("inner") {
                        try connection.run("INSERT INTO t VALUES (4)")
                        XCTAssertEqual(try contents(), "1,2,3,4")
                        throw Boom()
                    })
                XCTAssertEqual(try contents(), "1,2,3")
                try connection.savepoint("inner") {
                    try connection.run("INSERT INTO t VALUES (5)")
                }
            }
        }
        XCTAssertEqual(try contents(), "1,2,3,5")
    }

    func testSavepointOutsideTransactionActsAsTransaction() throws {
        XCTAssertThrowsError(
            try connection.savepoint("solo") {
                XCTAssertFalse(connection.isAutocommit)
                try connection.run("DELETE FROM t")
                throw Boom()
            })
        XCTAssertTrue(connection.isAutocommit, "rollback-and-release must end the implicit transaction")
        XCTAssertEqual(try contents(), "1")
        try connection.savepoint("solo") { try connection.run("INSERT INTO t VALUES (9)") }
        XCTAssertTrue(connection.isAutocommit)
        XCTAssertEqual(try contents(), "1,9")
    }

    func testSavepointNameIsQuoted() throws {
        try connection.savepoint("odd \"name\"; DROP TABLE t") {
            try connection.run("INSERT INTO t VALUES (2)")
        }
        XCTAssertEqual(try contents(), "1,2")
        XCTAssertEqual(quoteIdentifier("a\"b"), "\"a\"\"b\"")
    }
}
