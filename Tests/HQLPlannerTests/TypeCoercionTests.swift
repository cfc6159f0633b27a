import XCTest
@testable import HQLPlanner

/// The implicit conversion lattice, common types, CAST and INSERT rules.
final class TypeCoercionTests: XCTestCase {
    private let decimal = HiveType.decimal(precision: 10, scale: 2)

    /// Hive's "Allowed Implicit Conversions" table (LanguageManual Types), row = from, column = to. The one
    /// deliberate departure, DATE → TIMESTAMP, is marked `t*` and expected true.
    func testLatticeMatchesHiveTable() {
        let columns: [HiveType] = [.void, .boolean, .tinyint, .smallint, .int, .bigint, .float, .double, decimal,
                                   .string, .varchar(10), .timestamp, .date, .binary]
        let table: [(HiveType, String)] = [
            (.void, "T T T T T T T T T T T T T T"),
            (.boolean, "F T F F F F F F F F F F F F"),
            (.tinyint, "F F T T T T T T T T T F F F"),
            (.smallint, "F F F T T T T T T T T F F F"),
            (.int, "F F F F T T T T T T T F F F"),
            (.bigint, "F F F F F T T T T T T F F F"),
            (.float, "F F F F F F T T T T T F F F"),
            (.double, "F F F F F F F T T T T F F F"),
            (decimal, "F F F F F F F F T T T F F F"),
            (.string, "F F F F F F F T T T T F F F"),
            (.varchar(5), "F F F F F F F T T T T F F F"),
            (.timestamp, "F F F F F F F F F T T T F F"),
            (.date, "F F F F F F F F F T T t* T F"),
            (.binary, "F F F F F F F F F F F F F T"),
        ]
        for (from, row) in table {
            let cells = row.split(separator: " ")
            XCTAssertEqual(cells.count, columns.count)
            for (to, cell) in zip(columns, cells) {
                XCTAssertEqual(TypeCoercion.canConvertImplicitly(from: from, to: to), cell != "F",
                               "\(from) → \(to)")
            }
        }
    }

    func testComplexConversionsAreElementWise() {
        XCTAssertTrue(TypeCoercion.canConvertImplicitly(from: .array(.int), to: .array(.bigint)))
        XCTAssertFalse(TypeCoercion.canConvertImplicitly(from: .array(.bigint), to: .array(.int)))
        XCTAssertTrue(TypeCoercion.canConvertImplicitly(from: .map(key: .string, value: .int),
                                                        to: .map(key: .string, value: .double)))
        XCTAssertFalse(TypeCoercion.canConvertImplicitly(from: .array(.int), to: .string))
        XCTAssertFalse(TypeCoercion.canConvertImplicitly(from: .struct([HiveType.Field("a", .int)]),
                                                         to: .struct([])))
    }

    func testComparisonCommonType() {
        let cases: [(HiveType, HiveType, HiveType?)] = [
            (.int, .int, .int),
            (.int, .bigint, .bigint),
            (.tinyint, .smallint, .smallint),
            (.int, .float, .float),
            (.bigint, .double, .double),
            (.int, .string, .double),          // Hive: string vs number compares as DOUBLE ('10.5' = 10 is false)
            (.string, .bigint, .double),
            (.string, .varchar(5), .string),
            (.varchar(3), .varchar(8), .varchar(8)),
            (.char(3), .char(8), .char(8)),
            (.date, .string, .date),
            (.string, .timestamp, .timestamp),
            (.date, .timestamp, .timestamp),
            (.int, .timestamp, .double),
            (.int, decimal, .decimal(precision: 12, scale: 2)),
            (.double, decimal, .double),
            (.boolean, .string, .boolean),
            (.void, .date, .date),
            (.boolean, .int, nil),
            (.binary, .string, nil),
            (.date, .int, nil),
            (.array(.int), .array(.bigint), .array(.bigint)),
        ]
        for (a, b, expected) in cases {
            XCTAssertEqual(TypeCoercion.commonType(for: .comparison, a, b), expected, "\(a) vs \(b)")
            XCTAssertEqual(TypeCoercion.commonType(for: .comparison, b, a), expected, "\(b) vs \(a)")
        }
    }

    /// Branch types (CASE, IF, COALESCE, UNION ALL); expected values checked against Spark 4.3 `typeof`.
    func testBranchCommonType() {
        let cases: [(HiveType, HiveType, HiveType?)] = [
            (.int, .bigint, .bigint),                                   // coalesce(1, 1L)
            (.int, .string, .string),                                   // coalesce(1, '1')
            (.int, .double, .double),                                   // coalesce(1, 1.5D)
            (.int, decimal, .decimal(precision: 12, scale: 2)),         // coalesce(1, cast(1 as decimal(10,2)))
            (.date, .timestamp, .timestamp),
            (.date, .string, .string),
            (decimal, .decimal(precision: 5, scale: 4), .decimal(precision: 12, scale: 4)),
            (.double, decimal, .double),
            (.float, .bigint, .float),
            (.tinyint, .smallint, .smallint),
            (.varchar(3), .string, .string),
            (.varchar(3), .char(5), .string),
            (.void, .int, .int),
            (.boolean, .int, nil),
            (.boolean, .string, nil),
            (.binary, .int, nil),
            (.decimal(precision: 38, scale: 0), .decimal(precision: 38, scale: 10), .decimal(precision: 38, scale: 0)),
            (.array(.int), .array(.string), .array(.string)),
            (.map(key: .string, value: .int), .map(key: .string, value: .bigint), .map(key: .string, value: .bigint)),
            (.array(.int), .int, nil),
        ]
        for (a, b, expected) in cases {
            XCTAssertEqual(TypeCoercion.commonType(for: .branches, a, b), expected, "\(a), \(b)")
            XCTAssertEqual(TypeCoercion.commonType(for: .branches, b, a), expected, "\(b), \(a)")
        }
        XCTAssertEqual(TypeCoercion.commonType(for: .branches, of: [.int, .bigint, .double]), .double)
        XCTAssertEqual(TypeCoercion.commonType(for: .branches, of: [.void, .void]), .void)
        XCTAssertNil(TypeCoercion.commonType(for: .branches, of: []))
        XCTAssertNil(TypeCoercion.commonType(for: .branches, of: [.int, .boolean]))
        let structs = TypeCoercion.commonType(
            for: .branches, .struct([HiveType.Field("a", .int)]), .struct([HiveType.Field("A", .double)]))
        XCTAssertEqual(structs, .struct([HiveType.Field("a", .double)]))
        XCTAssertNil(TypeCoercion.commonType(
            for: .branches, .struct([HiveType.Field("a", .int)]), .struct([HiveType.Field("b", .int)])))
    }

    func testExplicitCasts() {
        let allowed: [(HiveType, HiveType)] = [
            (.string, .int), (.int, .string), (.string, .binary), (.binary, .string), (.double, .int),
            (.boolean, .int), (.int, .boolean), (.string, .date), (.timestamp, .date), (.date, .timestamp),
            (.int, .timestamp), (.timestamp, .bigint), (.string, .decimal(precision: 5, scale: 2)),
            (.void, .array(.int)), (.array(.string), .array(.int)), (.string, .intervalDayTime),
            (.map(key: .string, value: .string), .map(key: .string, value: .int)), (.boolean, .timestamp),
        ]
        for (from, to) in allowed {
            XCTAssertTrue(TypeCoercion.canCastExplicitly(from: from, to: to), "\(from) → \(to)")
        }
        let refused: [(HiveType, HiveType)] = [
            (.binary, .int), (.int, .binary), (.date, .int), (.int, .date), (.array(.int), .string),
            (.string, .array(.string)), (.struct([]), .map(key: .int, value: .int)), (.date, .boolean),
            (.intervalDayTime, .intervalYearMonth), (.int, .void),
        ]
        for (from, to) in refused {
            XCTAssertFalse(TypeCoercion.canCastExplicitly(from: from, to: to), "\(from) → \(to)")
        }
    }

    func testStoreAssignmentIsLegacy() {
        XCTAssertTrue(TypeCoercion.canAssign(from: .string, to: .int))
        XCTAssertTrue(TypeCoercion.canAssign(from: .double, to: .tinyint))
        XCTAssertTrue(TypeCoercion.canAssign(from: .boolean, to: .date))
        XCTAssertTrue(TypeCoercion.canAssign(from: .void, to: .map(key: .int, value: .int)))
        XCTAssertTrue(TypeCoercion.canAssign(from: .array(.string), to: .array(.int)))
        XCTAssertFalse(TypeCoercion.canAssign(from: .array(.int), to: .string))
        XCTAssertFalse(TypeCoercion.canAssign(from: .int, to: .array(.int)))
    }
}
