import XCTest

@testable import SQLiteStore

final class SQLiteValueTests: XCTestCase {
    func testLiteralsTypesAndDescription() {
        let values: [SQLiteValue] = [nil, 1, 2.5, "it's", .blob([0xAB, 0x01])]
        XCTAssertEqual(values.map(\.description), ["NULL", "1", "2.5", "'it''s'", "x'AB01'"])
        XCTAssertEqual(values.map(\.type), [.null, .integer, .real, .text, .blob])
    }

    func testAccessorsDoNotConvertAcrossStorageClasses() {
        XCTAssertEqual(SQLiteValue.integer(3).doubleValue, 3.0)
        XCTAssertEqual(SQLiteValue.real(3.5).doubleValue, 3.5)
        XCTAssertNil(SQLiteValue.text("3").int64Value)
        XCTAssertNil(SQLiteValue.text("3").doubleValue)
        XCTAssertNil(SQLiteValue.integer(3).stringValue)
        XCTAssertNil(SQLiteValue.text("x").blobValue)
        XCTAssertEqual(SQLiteValue.blob([]).blobValue, [])
        XCTAssertTrue(SQLiteValue.null.isNull)
        XCTAssertFalse(SQLiteValue.text("").isNull)
    }

    func testEqualityDistinguishesStorageClasses() {
        XCTAssertNotEqual(SQLiteValue.integer(1), .real(1))
        XCTAssertNotEqual(SQLiteValue.text(""), .blob([]))
        XCTAssertNotEqual(SQLiteValue.text(""), .null)
        XCTAssertEqual(Set<SQLiteValue>([1, 1, "1"]).count, 2)
    }

    func testTypeCodesMatchSQLite() {
        XCTAssertEqual(SQLiteType(code: 1), .integer)
        XCTAssertEqual(SQLiteType(code: 2), .real)
        XCTAssertEqual(SQLiteType(code: 3), .text)
        XCTAssertEqual(SQLiteType(code: 4), .blob)
        XCTAssertEqual(SQLiteType(code: 5), .null)
        XCTAssertEqual(SQLiteType(code: 99), .null)
    }
}
