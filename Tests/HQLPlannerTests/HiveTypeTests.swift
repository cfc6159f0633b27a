import HQLSyntax
import XCTest
@testable import HQLPlanner

/// `HiveType` from the AST's `DataType`: defaults, limits, printing, categories.
final class HiveTypeTests: XCTestCase {
    private func field(_ name: String, _ type: DataType) -> StructField {
        StructField(name: Identifier(name), type: type)
    }

    func testConversionFromASTWithDefaults() throws {
        let cases: [(DataType, String)] = [
            (.tinyint, "tinyint"), (.smallint, "smallint"), (.int, "int"), (.bigint, "bigint"),
            (.float, "float"), (.double, "double"), (.boolean, "boolean"), (.string, "string"),
            (.binary, "binary"), (.date, "date"), (.timestamp, "timestamp"),
            (.decimal(precision: nil, scale: nil), "decimal(10,0)"),
            (.decimal(precision: 7, scale: nil), "decimal(7,0)"),
            (.decimal(precision: 10, scale: 2), "decimal(10,2)"),
            (.decimal(precision: 38, scale: 38), "decimal(38,38)"),
            (.varchar(10), "varchar(10)"), (.char(1), "char(1)"), (.varchar(65535), "varchar(65535)"),
            (.char(255), "char(255)"),
            (.array(.string), "array<string>"),
            (.map(key: .string, value: .int), "map<string,int>"),
            (.struct([field("a", .int), field("b", .string)]), "struct<a:int,b:string>"),
            (.array(.map(key: .int, value: .array(.decimal(precision: 5, scale: 2)))),
             "array<map<int,array<decimal(5,2)>>>"),
            (.struct([field("x", .struct([field("y", .array(.date))]))]), "struct<x:struct<y:array<date>>>"),
            (.interval(from: .year, to: .month), "interval year to month"),
            (.interval(from: .day, to: .second), "interval day to second"),
            (.interval(from: .hour, to: nil), "interval day to second"),
        ]
        for (ast, printed) in cases {
            XCTAssertEqual(try HiveType(ast).description, printed, "\(ast)")
        }
    }

    func testInvalidParametersThrowWithMessage() {
        let cases: [(DataType, String)] = [
            (.decimal(precision: 0, scale: nil), "DECIMAL precision must be between 1 and 38, found 0"),
            (.decimal(precision: 39, scale: 0), "DECIMAL precision must be between 1 and 38, found 39"),
            (.decimal(precision: 5, scale: 6), "DECIMAL scale must be between 0 and the precision 5, found 6"),
            (.varchar(0), "VARCHAR length must be between 1 and 65535, found 0"),
            (.varchar(65536), "VARCHAR length must be between 1 and 65535, found 65536"),
            (.char(256), "CHAR length must be between 1 and 255, found 256"),
            (.char(0), "CHAR length must be between 1 and 255, found 0"),
            (.union([.int, .string]), "UNIONTYPE is not supported by hqlrun"),
            (.map(key: .array(.int), value: .int), "a MAP key must be a primitive type, found array<int>"),
            (.struct([field("a", .int), field("A", .string)]), "duplicate field name 'A' in STRUCT"),
            (.interval(from: .year, to: .day), "INTERVAL YEAR TO DAY mixes year-month and day-time units"),
            (.interval(from: nil, to: nil),
             "an INTERVAL type needs a qualifier such as YEAR TO MONTH or DAY TO SECOND"),
            (.array(.decimal(precision: 40, scale: 0)), "DECIMAL precision must be between 1 and 38, found 40"),
        ]
        for (ast, message) in cases {
            XCTAssertThrowsError(try HiveType(ast), "\(ast)") { error in
                XCTAssertEqual((error as? HiveTypeError)?.message, message)
            }
        }
    }

    func testCategories() {
        let numeric: [HiveType] = [.tinyint, .smallint, .int, .bigint, .float, .double, .decimal(precision: 5, scale: 1)]
        for type in numeric { XCTAssertTrue(type.isNumeric, "\(type)") }
        XCTAssertTrue(HiveType.bigint.isIntegral)
        XCTAssertFalse(HiveType.double.isIntegral)
        XCTAssertFalse(HiveType.decimal(precision: 5, scale: 0).isIntegral)
        XCTAssertTrue(HiveType.decimal(precision: 5, scale: 0).isExactNumeric)
        XCTAssertTrue(HiveType.float.isFloatingPoint)
        for type: HiveType in [.string, .varchar(3), .char(2)] { XCTAssertTrue(type.isStringFamily) }
        XCTAssertFalse(HiveType.binary.isStringFamily)
        XCTAssertTrue(HiveType.date.isDateTime)
        XCTAssertTrue(HiveType.timestamp.isDateTime)
        XCTAssertFalse(HiveType.intervalDayTime.isDateTime)
        XCTAssertTrue(HiveType.intervalYearMonth.isInterval)
        for type: HiveType in [.array(.int), .map(key: .int, value: .int), .struct([])] {
            XCTAssertTrue(type.isComplex)
            XCTAssertFalse(type.isPrimitive)
        }
        XCTAssertTrue(HiveType.void.isVoid)
        XCTAssertTrue(HiveType.void.isPrimitive)
        XCTAssertFalse(HiveType.string.isNumeric)
        XCTAssertEqual(HiveType.array(.int).arrayElement, .int)
        XCTAssertEqual(HiveType.map(key: .string, value: .int).mapTypes?.value, .int)
        XCTAssertEqual(HiveType.decimal(precision: 7, scale: 3).decimalParameters?.scale, 3)
    }

    func testPrintingOfScalarsMatchesDescribe() {
        XCTAssertEqual(HiveType.void.description, "void")
        XCTAssertEqual(HiveType.boolean.description, "boolean")
        XCTAssertEqual(HiveType.decimal(precision: 38, scale: 18).description, "decimal(38,18)")
        XCTAssertEqual(HiveType.struct([HiveType.Field("pos", .int), HiveType.Field("col", .string)]).description,
                       "struct<pos:int,col:string>")
    }
}

/// Reading types back from their printed form.
final class HiveTypeParsingTests: XCTestCase {
    func testPrintedTypesParseBack() throws {
        let types: [HiveType] = [
            .void, .boolean, .tinyint, .smallint, .int, .bigint, .float, .double, .string, .date, .timestamp,
            .binary, .decimal(precision: 10, scale: 2), .varchar(20), .char(3), .intervalYearMonth, .intervalDayTime,
            .array(.map(key: .string, value: .array(.decimal(precision: 5, scale: 0)))),
            .struct([HiveType.Field("a", .int), HiveType.Field("b", .struct([HiveType.Field("c", .array(.date))]))]),
            .struct([]),
        ]
        for type in types {
            XCTAssertEqual(try HiveType(parsing: type.description), type, type.description)
        }
    }

    func testSpellingsAndSpaces() throws {
        XCTAssertEqual(try HiveType(parsing: " MAP < STRING , Integer > "), .map(key: .string, value: .int))
        XCTAssertEqual(try HiveType(parsing: "decimal"), .decimal(precision: 10, scale: 0))
        XCTAssertEqual(try HiveType(parsing: "numeric(7)"), .decimal(precision: 7, scale: 0))
        XCTAssertEqual(try HiveType(parsing: "struct<`a b`:int, `x``y`:string>"),
                       .struct([HiveType.Field("a b", .int), HiveType.Field("x`y", .string)]))
        XCTAssertEqual(try HiveType(parsing: "interval_day_time"), .intervalDayTime)
    }

    func testBadTypesThrow() {
        let bad = ["", "decimal(39,0)", "decimal(5,6)", "varchar(0)", "char(256)", "array<int", "map<array<int>,int>",
                   "foo", "int int", "struct<a int>", "interval day to month", "struct<`a:int>"]
        for text in bad {
            XCTAssertThrowsError(try HiveType(parsing: text), text)
        }
    }
}
