import CSQLite
import XCTest

@testable import SQLiteStore

final class StatementTests: XCTestCase {
    private var connection: Connection!

    override func setUpWithError() throws {
        connection = try Connection()
        try connection.execute("CREATE TABLE t(i INTEGER, r REAL, s TEXT, b BLOB, n)")
    }

    /// Inserts one row through positional binding and reads it back through the typed getters.
    private func roundTrip(_ values: [SQLiteValue]) throws -> [SQLiteValue] {
        try connection.execute("DELETE FROM t")
        let insert = try connection.prepare("INSERT INTO t VALUES (?, ?, ?, ?, ?)")
        try insert.bind(values)
        try insert.execute()
        let select = try connection.prepare("SELECT i, r, s, b, n FROM t")
        XCTAssertEqual(try select.step(), .row)
        let row = select.row
        let result = row.values
        XCTAssertEqual(try select.step(), .done)
        return result
    }

    // MARK: - Binding round-trips

    func testBindingRoundTripsEveryStorageClass() throws {
        let values: [SQLiteValue] = [.integer(Int64.min), .real(-0.5), .text("plain"), .blob([0, 1, 255]), .null]
        XCTAssertEqual(try roundTrip(values), values)
        let extremes: [SQLiteValue] = [.integer(Int64.max), .real(1e308), .text(""), .blob([]), .integer(0)]
        XCTAssertEqual(try roundTrip(extremes), extremes)
    }

    func testUnicodeTextRoundTripsByteForByte() throws {
        let text = "héllo 世界 🎉 \u{0301}e\u{301} ﷽"
        let result = try roundTrip([.null, .null, .text(text), .null, .text(text)])
        XCTAssertEqual(result[2], .text(text))
        XCTAssertEqual(result[2].stringValue.map { Array($0.utf8) }, Array(text.utf8))
        XCTAssertEqual(try connection.scalar("SELECT length(s) FROM t"), .integer(Int64(text.unicodeScalars.count)))
    }

    func testEmbeddedNULSurvivesInBlobAndText() throws {
        let blob: [UInt8] = [0x41, 0, 0x42, 0, 0]
        let text = "a\u{0}b"
        let result = try roundTrip([.null, .null, .text(text), .blob(blob), .null])
        XCTAssertEqual(result[3], .blob(blob))
        XCTAssertEqual(result[2], .text(text))
        XCTAssertEqual(try connection.scalar("SELECT length(b) FROM t"), .integer(5))
        XCTAssertEqual(try connection.scalar("SELECT hex(s) FROM t"), .text("610062"))
    }

    func testEmptyBlobAndEmptyTextAreNotNull() throws {
        _ = try roundTrip([.null, .null, .text(""), .blob([]), .null])
        XCTAssertEqual(try connection.scalar("SELECT typeof(s) || ',' || typeof(b) FROM t"), .text("text,blob"))
        let select = try connection.prepare("SELECT s, b, n FROM t")
        XCTAssertEqual(try select.step(), .row)
        XCTAssertEqual(select.text(at: 0), "")
        XCTAssertEqual(select.blob(at: 1), [])
        XCTAssertNil(select.text(at: 2))
        XCTAssertNil(select.blob(at: 2))
    }

    func testTypedBindAndGetOverloads() throws {
        let statement = try connection.prepare("SELECT ?, ?, ?, ?, ?, ?")
        try statement.bind(Int64(7), at: 1)
        try statement.bind(8, at: 2)
        try statement.bind(2.5, at: 3)
        try statement.bind("txt", at: 4)
        try statement.bind(blob: [9, 9], at: 5)
        try statement.bindNull(at: 6)
        XCTAssertEqual(try statement.step(), .row)
        XCTAssertEqual(statement.int64(at: 0), 7)
        XCTAssertEqual(statement.int64(at: 1), 8)
        XCTAssertEqual(statement.double(at: 2), 2.5)
        XCTAssertEqual(statement.text(at: 3), "txt")
        XCTAssertEqual(statement.blob(at: 4), [9, 9])
        XCTAssertTrue(statement.isNull(at: 5))
        XCTAssertEqual(statement.type(at: 2), .real)
        XCTAssertEqual(statement.type(at: 4), .blob)
        // SQLite's conversions apply to the typed getters.
        XCTAssertEqual(statement.double(at: 0), 7.0)
        XCTAssertEqual(statement.text(at: 2), "2.5")
        XCTAssertEqual(statement.int64(at: 5), 0)
        statement.row.withUnsafeUTF8(at: 3) { bytes in
            XCTAssertEqual(bytes.map(Array.init), Array("txt".utf8))
        }
    }

    func testBindByNameAndErrors() throws {
        let statement = try connection.prepare("SELECT :a, @b, $c, ?9")
        XCTAssertEqual(statement.parameterCount, 9)
        XCTAssertEqual(statement.parameterName(at: 1), ":a")
        XCTAssertEqual(statement.parameterIndex(of: "@b"), 2)
        XCTAssertNil(statement.parameterIndex(of: ":missing"))
        try statement.bind(["$c": .text("C"), ":a": .integer(1)])
        try statement.bind(.real(2), name: "@b")
        try statement.bind(.text("nine"), at: 9)
        XCTAssertEqual(try statement.step(), .row)
        XCTAssertEqual(statement.row.values, [.integer(1), .real(2), .text("C"), .text("nine")])
        XCTAssertThrowsError(try statement.bind(.null, name: ":missing")) { error in
            XCTAssertEqual((error as? SQLiteError)?.kind, .range)
        }
        XCTAssertThrowsError(try statement.bind(.null, at: 1), "binding a running statement") { error in
            XCTAssertEqual((error as? SQLiteError)?.kind, .misuse)
        }
        statement.reset()
        XCTAssertThrowsError(try statement.bind(.null, at: 10)) { error in
            XCTAssertEqual((error as? SQLiteError)?.kind, .range)
        }
        XCTAssertThrowsError(try statement.bind(Array(repeating: .null, count: 10))) { error in
            XCTAssertEqual((error as? SQLiteError)?.kind, .range)
        }
    }

    func testClearBindingsAndResetKeepOrDropValues() throws {
        let statement = try connection.prepare("SELECT ?")
        try statement.bind(3, at: 1)
        XCTAssertEqual(try statement.step(), .row)
        statement.reset()
        XCTAssertEqual(try statement.step(), .row)
        XCTAssertEqual(statement.int64(at: 0), 3, "reset keeps bindings")
        statement.reset()
        statement.clearBindings()
        XCTAssertEqual(try statement.step(), .row)
        XCTAssertTrue(statement.isNull(at: 0))
        XCTAssertTrue(statement.expandedSQL == "SELECT NULL")
    }

    // MARK: - Metadata

    func testColumnNamesDeclaredTypesAndReadOnly() throws {
        let statement = try connection.prepare("SELECT i AS first, s, i + 1 FROM t")
        XCTAssertEqual(statement.columnCount, 3)
        XCTAssertEqual(statement.columnNames, ["first", "s", "i + 1"])
        XCTAssertEqual(statement.declaredType(at: 0), "INTEGER")
        XCTAssertEqual(statement.declaredType(at: 1), "TEXT")
        XCTAssertNil(statement.declaredType(at: 2))
        XCTAssertTrue(statement.isReadOnly)
        XCTAssertFalse(try connection.prepare("DELETE FROM t").isReadOnly)
        XCTAssertEqual(try connection.prepare("DELETE FROM t").columnCount, 0)
    }

    // MARK: - Streaming rows

    func testRowCursorStreamsAndResetsAtEnd() throws {
        let statement = try connection.prepare(
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000) SELECT i, 'v' || i FROM n")
        var cursor = statement.rows()
        var sum: Int64 = 0
        var last = ""
        while let row = try cursor.next() {
            sum += row.int64(at: 0)
            last = row.text(at: 1) ?? ""
        }
        XCTAssertEqual(sum, 500_500)
        XCTAssertEqual(last, "v1000")
        XCTAssertNil(try cursor.next())
        // Reset at the end: the statement can run again from the top.
        var again = statement.rows()
        XCTAssertEqual(try again.next()?.int64(at: 0), 1)
    }

    func testForEachRowStopsOnThrowAndResets() throws {
        struct Stop: Error {}
        try connection.execute("INSERT INTO t(i) VALUES (1), (2), (3)")
        let statement = try connection.prepare("SELECT i FROM t ORDER BY i")
        var seen: [Int64] = []
        XCTAssertThrowsError(
            try statement.forEachRow { row in
                seen.append(row.int64(at: 0))
                if seen.count == 2 { throw Stop() }
            })
        XCTAssertEqual(seen, [1, 2])
        seen = []
        try statement.forEachRow { seen.append($0.int64(at: 0)) }
        XCTAssertEqual(seen, [1, 2, 3])
    }

    func testStepErrorCarriesStatementSQL() throws {
        try connection.execute("CREATE TABLE u(x NOT NULL)")
        let statement = try connection.prepare("INSERT INTO u VALUES (NULL)")
        XCTAssertThrowsError(try statement.step()) { error in
            guard let error = error as? SQLiteError else { return XCTFail("\(error)") }
            XCTAssertEqual(error.extendedCode, 1299)  // SQLITE_CONSTRAINT_NOTNULL (macro not importable)
            XCTAssertEqual(error.sql, "INSERT INTO u VALUES (NULL)")
            XCTAssertTrue(error.message.contains("NOT NULL"), error.message)
        }
    }
}
