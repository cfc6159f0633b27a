import CSQLite
import Foundation
import XCTest

@testable import SQLiteStore

/// A fresh directory per test for on-disk databases.
func makeTemporaryDirectory() throws -> String {
    let path = NSTemporaryDirectory() + "SQLiteStoreTests-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

final class ConnectionTests: XCTestCase {
    private var directory = ""

    override func setUpWithError() throws {
        directory = try makeTemporaryDirectory()
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: directory)
    }

    // MARK: - Opening

    func testOpenFileCreatesItAndPersistsData() throws {
        let path = directory + "/new.db"
        XCTAssertFalse(FileManager.default.fileExists(atPath: path))
        do {
            let connection = try Connection(path: path)
            try connection.execute("CREATE TABLE t(x); INSERT INTO t VALUES (42);")
        }
        XCTAssertTrue(FileManager.default.fileExists(atPath: path))
        let reopened = try Connection(path: path)
        XCTAssertEqual(try reopened.scalar("SELECT x FROM t"), .integer(42))
    }

    func testOpenReadOnlyMissingFileFailsAsCannotOpen() {
        let path = directory + "/missing.db"
        XCTAssertThrowsError(try Connection(path: path, configuration: .init(readOnly: true))) { error in
            XCTAssertEqual((error as? SQLiteError)?.kind, .cannotOpen)
        }
    }

    func testReadOnlyConnectionRejectsWrites() throws {
        let path = directory + "/ro.db"
        try Connection(path: path).execute("CREATE TABLE t(x)")
        let readOnly = try Connection(path: path, configuration: .init(readOnly: true))
        XCTAssertThrowsError(try readOnly.execute("INSERT INTO t VALUES (1)")) { error in
            XCTAssertEqual((error as? SQLiteError)?.kind, .readOnly)
        }
    }

    func testInMemoryDatabasesArePrivate() throws {
        let first = try Connection()
        let second = try Connection(location: .inMemory)
        try first.execute("CREATE TABLE t(x)")
        XCTAssertThrowsError(try second.execute("SELECT * FROM t"))
        XCTAssertEqual(first.location, .inMemory)
    }

    func testTemporaryDatabaseIsPrivateAndWritable() throws {
        let first = try Connection(location: .temporary)
        let second = try Connection(location: .temporary)
        try first.execute("CREATE TABLE t(x); INSERT INTO t VALUES (1);")
        XCTAssertEqual(try first.scalar("SELECT x FROM t"), .integer(1))
        XCTAssertThrowsError(try second.execute("SELECT * FROM t"))
    }

    func testConfigurationAppliesPragmas() throws {
        let configuration = Connection.Configuration(
            journalMode: .wal, busyTimeoutMilliseconds: 1234, synchronous: .normal, foreignKeys: true)
        let connection = try Connection(path: directory + "/wal.db", configuration: configuration)
        XCTAssertEqual(try connection.scalar("PRAGMA journal_mode"), .text("wal"))
        XCTAssertEqual(try connection.scalar("PRAGMA busy_timeout"), .integer(1234))
        XCTAssertEqual(try connection.scalar("PRAGMA synchronous"), .integer(1))  // NORMAL
        XCTAssertEqual(try connection.scalar("PRAGMA foreign_keys"), .integer(1))

        try connection.execute("CREATE TABLE p(id INTEGER PRIMARY KEY); CREATE TABLE c(p REFERENCES p(id));")
        XCTAssertThrowsError(try connection.execute("INSERT INTO c VALUES (7)")) { error in
            XCTAssertEqual((error as? SQLiteError)?.kind, .constraint)
        }
    }

    // MARK: - execute

    func testExecuteRunsEveryStatementWithoutSplittingOnSemicolonsInStringsOrComments() throws {
        let connection = try Connection()
        try connection.execute("""
            CREATE TABLE t(s TEXT);
            -- a comment; with a semicolon
            INSERT INTO t VALUES ('a;b');
            /* another; */ INSERT INTO t VALUES ('c'';d');
            CREATE TRIGGER tr AFTER INSERT ON t BEGIN INSERT INTO t2 VALUES (new.s); END;
            CREATE TABLE t2(s);
            INSERT INTO t VALUES ('e');
            SELECT * FROM t;   -- rows are discarded
            """)
        var values: [String] = []
        try connection.query("SELECT s FROM t ORDER BY rowid") { row in values.append(row.text(at: 0) ?? "?") }
        XCTAssertEqual(values, ["a;b", "c';d", "e"])
        XCTAssertEqual(try connection.scalar("SELECT group_concat(s) FROM t2"), .text("e"))
    }

    func testExecuteAcceptsEmptyAndCommentOnlyScripts() throws {
        let connection = try Connection()
        try connection.execute("")
        try connection.execute("  -- nothing here\n ; ;")
    }

    func testExecuteStopsAtFirstFailureAndReportsOffsetInWholeScript() throws {
        let connection = try Connection()
        let script = "CREATE TABLE t(x);\nINSERT INTO t VALUES (1);\nSELEC * FROM t;\nINSERT INTO t VALUES (2);"
        XCTAssertThrowsError(try connection.execute(script)) { error in
            guard let error = error as? SQLiteError else { return XCTFail("\(error)") }
            XCTAssertEqual(error.kind, .other)
            XCTAssertTrue(error.message.contains("syntax error"), error.message)
            XCTAssertEqual(error.sql, script)
            let bad = script.utf8.count - "SELEC * FROM t;\nINSERT INTO t VALUES (2);".utf8.count
            XCTAssertEqual(error.offset, bad)
            XCTAssertEqual(error.statementRange?.lowerBound, bad - 1)  // the tail starts at the newline
        }
        XCTAssertEqual(try connection.scalar("SELECT count(*) FROM t"), .integer(1))
    }

    func testRuntimeErrorInExecuteReportsFailingStatementRange() throws {
        let connection = try Connection()
        let script = "CREATE TABLE t(x UNIQUE); INSERT INTO t VALUES (1); INSERT INTO t VALUES (1);"
        XCTAssertThrowsError(try connection.execute(script)) { error in
            guard let error = error as? SQLiteError else { return XCTFail("\(error)") }
            XCTAssertEqual(error.extendedCode, 2067)  // SQLITE_CONSTRAINT_UNIQUE
            XCTAssertEqual(error.kind, .constraint)
            let range = try? XCTUnwrap(error.statementRange)
            let bytes = Array(script.utf8)
            if let range {
                let text = String(decoding: bytes[range], as: UTF8.self)
                XCTAssertEqual(text, " INSERT INTO t VALUES (1);")
                XCTAssertEqual(range.upperBound, bytes.count)
            }
        }
    }

    func testErrorOffsetPointsAtUnknownColumn() throws {
        let connection = try Connection()
        try connection.execute("CREATE TABLE t(a)")
        let sql = "SELECT a, nope FROM t"
        XCTAssertThrowsError(try connection.prepare(sql)) { error in
            guard let error = error as? SQLiteError else { return XCTFail("\(error)") }
            XCTAssertTrue(error.message.contains("no such column: nope"), error.message)
            XCTAssertEqual(error.offset, 10)
        }
    }

    // MARK: - prepare and the statement cache

    func testPrepareRejectsEmptyAndMultipleStatementsButAcceptsTrailingComment() throws {
        let connection = try Connection()
        XCTAssertThrowsError(try connection.prepare("")) { error in
            XCTAssertEqual((error as? SQLiteError)?.kind, .misuse)
        }
        XCTAssertThrowsError(try connection.prepare("   -- only a comment")) { error in
            XCTAssertEqual((error as? SQLiteError)?.kind, .misuse)
        }
        XCTAssertThrowsError(try connection.prepare("SELECT 1; SELECT 2")) { error in
            XCTAssertEqual((error as? SQLiteError)?.kind, .misuse)
        }
        let statement = try connection.prepare("SELECT 1; -- done\n", persistent: true)
        XCTAssertEqual(try statement.step(), .row)
        XCTAssertEqual(statement.int64(at: 0), 1)
    }

    func testCachedStatementIsReusedResetAndCleared() throws {
        let connection = try Connection()
        let first = try connection.cachedStatement("SELECT ?")
        try first.bind(5, at: 1)
        XCTAssertEqual(try first.step(), .row)  // left mid-iteration on purpose
        let second = try connection.cachedStatement("SELECT ?")
        XCTAssertTrue(first === second)
        XCTAssertEqual(try second.step(), .row)
        XCTAssertTrue(second.isNull(at: 0), "bindings must be cleared on reuse")
        XCTAssertEqual(connection.cachedStatementCount, 1)
    }

    func testCacheEvictsStatementWhoseStepFailed() throws {
        let connection = try Connection()
        try connection.execute("CREATE TABLE t(x UNIQUE)")
        let sql = "INSERT INTO t VALUES (?)"
        try connection.run(sql, [1])
        let before = try connection.cachedStatement(sql)
        XCTAssertEqual(connection.cachedStatementCount, 1)
        XCTAssertThrowsError(try connection.run(sql, [1])) { error in
            XCTAssertEqual((error as? SQLiteError)?.kind, .constraint)
        }
        XCTAssertEqual(connection.cachedStatementCount, 0)
        let after = try connection.cachedStatement(sql)
        XCTAssertFalse(before === after, "a failed statement must not be handed out again")
        try connection.run(sql, [2])
        XCTAssertEqual(try connection.scalar("SELECT count(*) FROM t"), .integer(2))
    }

    func testCacheIsBoundedByCapacity() throws {
        let connection = try Connection(configuration: .init(statementCacheCapacity: 3))
        for value in 0..<10 {
            XCTAssertEqual(try connection.scalar("SELECT \(value)"), .integer(Int64(value)))
        }
        XCTAssertEqual(connection.cachedStatementCount, 3)
        connection.clearStatementCache()
        XCTAssertEqual(connection.cachedStatementCount, 0)
    }

    func testStatementOutlivingConnectionStaysUsable() throws {
        var connection: Connection? = try Connection()
        let statement = try connection?.prepare("SELECT 'still here'")
        connection = nil
        XCTAssertEqual(try statement?.step(), .row)
        XCTAssertEqual(statement?.text(at: 0), "still here")
    }

    // MARK: - Counters

    func testLastInsertRowIDChangesAndTotalChanges() throws {
        let connection = try Connection()
        try connection.execute("CREATE TABLE t(id INTEGER PRIMARY KEY, x)")
        XCTAssertEqual(connection.totalChanges, 0)
        try connection.run("INSERT INTO t(id, x) VALUES (10, 'a')")
        XCTAssertEqual(connection.lastInsertRowID, 10)
        try connection.execute("INSERT INTO t(x) VALUES ('b'), ('c'), ('d')")
        XCTAssertEqual(connection.lastInsertRowID, 13)
        XCTAssertEqual(connection.changes, 3)
        try connection.run("UPDATE t SET x = 'z' WHERE id > ?", [11])
        XCTAssertEqual(connection.changes, 2)
        XCTAssertEqual(connection.totalChanges, 6)
    }

    // MARK: - Interrupt and busy

    func testInterruptStopsLongRecursiveQueryFromAnotherThread() throws {
        let connection = try Connection()
        let started = Date()
        // Interrupt repeatedly until the query stops: a single early interrupt could land before the statement
        // starts stepping, and SQLite forgets interrupts that arrive while nothing runs.
        let finished = InterruptFlag()
        let stopped = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            while !finished.isSet {
                Thread.sleep(forTimeInterval: 0.1)
                connection.interrupt()
            }
            stopped.signal()
        }
        let endless = "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT count(*) FROM n"
        XCTAssertThrowsError(try connection.execute(endless)) { error in
            guard let error = error as? SQLiteError else { return XCTFail("\(error)") }
            XCTAssertEqual(error.kind, .interrupted)
            XCTAssertTrue(error.isInterrupted)
            XCTAssertFalse(error.isBusy)
        }
        finished.set(true)
        stopped.wait()
        XCTAssertLessThan(Date().timeIntervalSince(started), 10)
        XCTAssertTrue(connection.isInterrupted)
        // The connection keeps working once the interrupt is acknowledged.
        connection.clearInterrupt()
        XCTAssertFalse(connection.isInterrupted)
        XCTAssertEqual(try connection.scalar("SELECT 1"), .integer(1))
    }

    func testInterruptStopsScriptBetweenStatements() throws {
        let connection = try Connection()
        try connection.execute("CREATE TABLE t(x)")
        try connection.createFunction("interrupt_me", argumentCount: 0) { _ in
            connection.interrupt()
            return .null
        }
        // The interrupt lands while statement 2 runs; statement 3 must never run.
        XCTAssertThrowsError(
            try connection.execute("INSERT INTO t VALUES (1); SELECT interrupt_me(); INSERT INTO t VALUES (2);")
        ) { error in
            XCTAssertEqual((error as? SQLiteError)?.kind, .interrupted)
        }
        connection.clearInterrupt()
        XCTAssertEqual(try connection.scalar("SELECT group_concat(x) FROM t"), .text("1"))
    }

    func testSecondWriterGetsTypedBusyErrorAfterShortTimeout() throws {
        let path = directory + "/busy.db"
        let holder = try Connection(path: path)
        try holder.execute("CREATE TABLE t(x)")
        let waiter = try Connection(path: path, configuration: .init(busyTimeoutMilliseconds: 50))
        try holder.execute("BEGIN IMMEDIATE; INSERT INTO t VALUES (1);")
        let started = Date()
        XCTAssertThrowsError(try waiter.execute("INSERT INTO t VALUES (2)")) { error in
            guard let error = error as? SQLiteError else { return XCTFail("\(error)") }
            XCTAssertTrue(error.isBusy)
            XCTAssertEqual(error.kind, .busy)
            XCTAssertEqual(error.primaryCode, SQLITE_BUSY)
        }
        let waited = Date().timeIntervalSince(started)
        XCTAssertGreaterThanOrEqual(waited, 0.04)
        XCTAssertThrowsError(try waiter.transaction { }) { error in
            XCTAssertTrue((error as? SQLiteError)?.isBusy ?? false)
        }
        try holder.execute("COMMIT")
        try waiter.execute("INSERT INTO t VALUES (2)")
        XCTAssertEqual(try holder.scalar("SELECT count(*) FROM t"), .integer(2))
    }
}
