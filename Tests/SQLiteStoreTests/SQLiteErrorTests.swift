import CSQLite
import XCTest

@testable import SQLiteStore

final class SQLiteErrorTests: XCTestCase {
    func testKindsFollowPrimaryCodeOfExtendedCodes() {
        let cases: [(Int32, SQLiteError.Kind)] = [
            (SQLITE_BUSY, .busy), (SQLITE_BUSY | (2 << 8), .busy),  // SQLITE_BUSY_SNAPSHOT
            (SQLITE_LOCKED, .busy), (SQLITE_INTERRUPT, .interrupted),
            (SQLITE_CONSTRAINT | (8 << 8), .constraint),  // SQLITE_CONSTRAINT_UNIQUE
            (SQLITE_READONLY, .readOnly), (SQLITE_CORRUPT, .corrupt), (SQLITE_NOTADB, .corrupt),
            (SQLITE_CANTOPEN, .cannotOpen), (SQLITE_MISUSE, .misuse), (SQLITE_RANGE, .range),
            (SQLITE_ERROR, .other), (SQLITE_IOERR | (10 << 8), .other),
        ]
        for (code, kind) in cases {
            let error = SQLiteError(extendedCode: code, message: "m")
            XCTAssertEqual(error.kind, kind, "code \(code)")
            XCTAssertEqual(error.primaryCode, code & 0xFF)
            XCTAssertEqual(error.isBusy, kind == .busy)
            XCTAssertEqual(error.isInterrupted, kind == .interrupted)
        }
    }

    func testDescriptionAndFields() {
        let error = SQLiteError(extendedCode: 1, message: "near \"x\": syntax error", sql: "x", offset: 0)
        XCTAssertEqual(error.description, "SQLite error 1: near \"x\": syntax error")
        XCTAssertEqual(error.sql, "x")
        XCTAssertEqual(error.offset, 0)
        XCTAssertNil(error.statementRange)
    }

    func testSyntaxErrorFromPrepareHasOffsetAndMessage() throws {
        let connection = try Connection()
        let sql = "SELECT 1 +* 2"
        XCTAssertThrowsError(try connection.prepare(sql)) { error in
            guard let error = error as? SQLiteError else { return XCTFail("\(error)") }
            XCTAssertEqual(error.extendedCode, SQLITE_ERROR)
            XCTAssertEqual(error.message, "near \"*\": syntax error")
            XCTAssertEqual(error.sql, sql)
            XCTAssertEqual(error.offset, 10)
        }
    }

    func testStaleHandleMessageIsNotReused() throws {
        let connection = try Connection()
        XCTAssertThrowsError(try connection.execute("SELECT nope"))
        // A code that does not match the handle's last error gets SQLite's generic text, not "no such column".
        let error = SQLiteError.from(SQLITE_RANGE, db: connection.handle)
        XCTAssertEqual(error.kind, .range)
        XCTAssertFalse(error.message.contains("nope"), error.message)
        XCTAssertNil(error.offset)
    }
}
