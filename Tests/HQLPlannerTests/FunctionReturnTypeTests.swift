import XCTest
@testable import HQLPlanner

/// Return types of concrete calls. Unless a comment says otherwise the expected type is what Spark 4.3's
/// `typeof` printed for the same call (one session, `spark.sql.ansi.enabled=false`); where hqlrun follows Hive
/// instead, the comment says so.
final class FunctionReturnTypeTests: XCTestCase {
    private func dec(_ p: Int, _ s: Int) -> HiveType { .decimal(precision: p, scale: s) }

    private func returnType(_ name: String, _ arguments: [FunctionArgument],
                            file: StaticString = #filePath, line: UInt = #line) -> HiveType? {
        do {
            return try FunctionCatalog.resolve(name, arguments: arguments).returnType
        } catch {
            XCTFail("\(name): \(error)", file: file, line: line)
            return nil
        }
    }

    private func arg(_ type: HiveType) -> FunctionArgument { FunctionArgument(type) }
    private func int(_ value: Int64) -> FunctionArgument { FunctionArgument(.int, constant: .integer(value)) }
    private func str(_ value: String) -> FunctionArgument { FunctionArgument(.string, constant: .string(value)) }

    func testScalarReturnTypes() {
        let cases: [(String, [FunctionArgument], HiveType)] = [
            ("round", [arg(dec(10, 3)), int(1)], dec(9, 1)),
            ("round", [arg(dec(10, 3))], dec(8, 0)),
            ("round", [arg(.double), int(1)], .double),
            ("round", [arg(.int), int(1)], .int),
            ("bround", [arg(dec(10, 3)), int(1)], dec(9, 1)),
            ("floor", [arg(dec(10, 3))], dec(8, 0)),
            ("ceil", [arg(dec(10, 3))], dec(8, 0)),
            ("ceiling", [arg(.double)], .bigint),
            ("floor", [arg(.int)], .bigint),
            ("abs", [arg(dec(10, 3))], dec(10, 3)),
            ("abs", [arg(.tinyint)], .tinyint),
            ("abs", [arg(.string)], .double),
            ("negative", [arg(dec(10, 2))], dec(10, 2)),
            ("pmod", [arg(.int), arg(.int)], .int),
            ("pmod", [arg(.bigint), arg(.int)], .bigint),
            ("pmod", [arg(.double), arg(.int)], .double),
            ("pmod", [arg(dec(10, 2)), arg(dec(5, 3))], dec(5, 3)),
            ("sign", [arg(dec(10, 2))], .double),
            ("shiftleft", [arg(.int), int(2)], .int),
            ("shiftleft", [arg(.bigint), int(2)], .bigint),
            ("shiftleft", [arg(.tinyint), int(2)], .int),
            ("factorial", [int(5)], .bigint),
            ("width_bucket", [arg(dec(2, 1)), arg(dec(2, 1)), arg(dec(3, 1)), int(5)], .bigint),
            ("greatest", [arg(.int), arg(.bigint), arg(.double)], .double),
            ("least", [arg(dec(10, 2)), arg(.int)], dec(12, 2)),
            ("pow", [arg(.int), arg(.int)], .double),
            ("hex", [arg(.int)], .string),
            ("unhex", [arg(.string)], .binary),
            ("conv", [str("10"), int(10), int(2)], .string),
            ("concat", [arg(.int), arg(.string)], .string),
            ("concat", [arg(.binary), arg(.binary)], .binary),
            ("concat", [arg(.array(.int)), arg(.array(.bigint))], .array(.bigint)),
            ("concat_ws", [str("-"), arg(.string), arg(.array(.string))], .string),
            ("length", [arg(.string)], .int),
            ("substr", [arg(.string), int(2)], .string),
            ("substring", [arg(.binary), int(2), int(1)], .binary),
            ("instr", [arg(.string), arg(.string)], .int),
            ("split", [arg(.string), str(",")], .array(.string)),
            ("str_to_map", [arg(.string)], .map(key: .string, value: .string)),
            ("sentences", [arg(.string)], .array(.array(.string))),
            ("regexp_extract_all", [arg(.string), str("a")], .array(.string)),
            ("rlike", [arg(.string), str("a")], .boolean),
            ("format_number", [arg(.double), int(2)], .string),
            ("printf", [str("%d"), arg(.int)], .string),
            ("encode", [arg(.string), str("UTF-8")], .binary),
            ("decode", [arg(.binary), str("UTF-8")], .string),
            ("datediff", [arg(.string), arg(.string)], .int),
            ("date_add", [arg(.string), int(1)], .date),
            ("add_months", [arg(.date), int(1)], .date),
            ("months_between", [arg(.string), arg(.string)], .double),
            ("last_day", [arg(.string)], .date),
            ("trunc", [arg(.string), str("MM")], .date),
            ("date_trunc", [str("MM"), arg(.string)], .timestamp),
            ("unix_timestamp", [], .bigint),
            ("from_unixtime", [int(0)], .string),
            ("to_date", [arg(.string)], .date),
            ("to_timestamp", [arg(.string)], .timestamp),
            ("to_utc_timestamp", [arg(.string), str("UTC")], .timestamp),
            ("year", [arg(.timestamp)], .int),
            ("weekofyear", [arg(.date)], .int),
            ("current_date", [], .date),
            ("extract", [str("year"), arg(.date)], .int),            // Hive: INT (Spark: decimal for SECOND)
            ("size", [arg(.array(.int))], .int),
            ("size", [arg(.map(key: .string, value: .int))], .int),
            ("array", [arg(.int), arg(.bigint), arg(.double)], .array(.double)),
            ("array", [arg(.int), arg(.string)], .array(.string)),
            ("map", [arg(.int), arg(.string), arg(.bigint), arg(.string)], .map(key: .bigint, value: .string)),
            ("struct", [arg(.int), arg(.string)],
             .struct([HiveType.Field("col1", .int), HiveType.Field("col2", .string)])),
            ("named_struct", [str("a"), arg(.int), str("b"), arg(.string)],
             .struct([HiveType.Field("a", .int), HiveType.Field("b", .string)])),
            ("sort_array", [arg(.array(.int))], .array(.int)),
            ("map_keys", [arg(.map(key: .int, value: .string))], .array(.int)),
            ("map_values", [arg(.map(key: .int, value: .string))], .array(.string)),
            ("array_contains", [arg(.array(.int)), arg(.int)], .boolean),
            ("element_at", [arg(.array(.int)), int(1)], .int),
            ("element_at", [arg(.map(key: .int, value: .string)), int(1)], .string),
            ("array_position", [arg(.array(.int)), int(1)], .bigint),
            ("array_join", [arg(.array(.string)), str(",")], .string),
            ("coalesce", [arg(.int), arg(.bigint)], .bigint),
            ("coalesce", [arg(.int), arg(.string)], .string),
            ("coalesce", [arg(.int), arg(dec(10, 2))], dec(12, 2)),
            ("coalesce", [arg(.date), arg(.timestamp)], .timestamp),
            ("coalesce", [arg(.bigint), arg(dec(10, 2))], dec(22, 2)),
            ("coalesce", [arg(.double), arg(dec(10, 2))], .double),
            ("coalesce", [arg(.float), arg(.bigint)], .float),
            ("coalesce", [arg(.varchar(3)), arg(.char(5))], .string),
            ("if", [arg(.boolean), arg(.date), arg(.timestamp)], .timestamp),
            ("array", [arg(.int), arg(dec(2, 1))], .array(dec(11, 1))),
            ("map_from_arrays", [arg(.array(.int)), arg(.array(.string))], .map(key: .int, value: .string)),
            ("array_union", [arg(.array(.int)), arg(.array(.bigint))], .array(.bigint)),
            ("array_max", [arg(.array(.int))], .int),
            ("mod", [arg(dec(2, 1)), arg(.int)], dec(2, 1)),
            ("ceiling", [arg(dec(2, 1))], dec(2, 0)),
            ("round", [arg(dec(10, 3)), int(-2)], dec(8, 0)),
            ("to_json", [arg(.struct([HiveType.Field("a", .int)]))], .string),
            ("json_object_keys", [arg(.string)], .array(.string)),
            ("bit_count", [int(7)], .int),
            ("if", [arg(.boolean), arg(.int), arg(.double)], .double),
            ("if", [arg(.boolean), arg(.int), arg(.string)], .string),
            ("if", [arg(.boolean), arg(dec(10, 2)), arg(dec(5, 4))], dec(12, 4)),
            ("nvl", [arg(.int), arg(.bigint)], .bigint),
            ("ifnull", [arg(.void), arg(.string)], .string),
            ("nvl2", [arg(.int), arg(.int), arg(.bigint)], .bigint),
            ("nullif", [arg(.int), arg(.bigint)], .int),
            ("isnull", [arg(.int)], .boolean),
            ("assert_true", [arg(.boolean)], .void),
            ("md5", [arg(.string)], .string),
            ("sha2", [arg(.string), int(256)], .string),
            ("crc32", [arg(.string)], .bigint),
            ("hash", [arg(.string)], .int),
            ("xxhash64", [arg(.string)], .bigint),
            ("get_json_object", [arg(.string), str("$.a")], .string),
            ("int", [arg(.string)], .int),
            ("decimal", [arg(.string)], dec(10, 0)),
            ("typeof", [arg(.int)], .string),
            ("rand", [], .double),
            ("current_user", [], .string),
        ]
        for (name, arguments, expected) in cases {
            XCTAssertEqual(returnType(name, arguments), expected,
                           "\(name)(\(arguments.map(\.type.description).joined(separator: ", ")))")
        }
    }

    func testAggregateAndWindowReturnTypes() {
        let cases: [(String, [FunctionArgument], HiveType)] = [
            ("count", [], .bigint),
            ("count", [arg(.string)], .bigint),
            ("sum", [arg(.int)], .bigint),
            ("sum", [arg(.tinyint)], .bigint),
            ("sum", [arg(.double)], .double),
            ("sum", [arg(.float)], .double),
            ("sum", [arg(.string)], .double),
            ("sum", [arg(dec(10, 2))], dec(20, 2)),
            ("sum", [arg(dec(30, 2))], dec(38, 2)),
            ("avg", [arg(.int)], .double),
            ("avg", [arg(.bigint)], .double),
            ("mean", [arg(dec(10, 2))], dec(14, 6)),
            ("avg", [arg(dec(36, 2))], dec(38, 6)),
            ("min", [arg(.string)], .string),
            ("max", [arg(dec(10, 2))], dec(10, 2)),
            ("collect_list", [arg(.int)], .array(.int)),
            ("collect_set", [arg(.string)], .array(.string)),
            ("percentile", [arg(.int), arg(dec(2, 1))], .double),
            ("percentile", [arg(.int), arg(.array(dec(2, 1)))], .array(.double)),
            ("percentile_approx", [arg(.int), arg(dec(2, 1))], .double),     // Hive; Spark: int
            ("histogram_numeric", [arg(.int), int(3)],                       // Hive; Spark: x is int
             .array(.struct([HiveType.Field("x", .double), HiveType.Field("y", .double)]))),
            ("stddev", [arg(.int)], .double),
            ("variance", [arg(dec(10, 2))], .double),
            ("corr", [arg(.int), arg(.int)], .double),
            ("first", [arg(.int)], .int),
            ("count_if", [arg(.boolean)], .bigint),
            ("any_value", [arg(.int)], .int),
            ("row_number", [], .int),
            ("rank", [], .int),
            ("percent_rank", [], .double),
            ("cume_dist", [], .double),
            ("ntile", [int(2)], .int),
            ("lag", [arg(.int)], .int),
            ("lead", [arg(.int), int(1), arg(.bigint)], .int),             // the default takes x's type
            ("lag", [arg(.int), int(1), arg(.bigint)], .int),
            ("first_value", [arg(.string)], .string),
            ("nth_value", [arg(.int), int(1)], .int),
            ("bit_and", [arg(.int)], .int),
            ("max_by", [arg(.string), arg(.int)], .string),
            ("median", [arg(.int)], .double),
            ("regr_count", [arg(.int), arg(.int)], .bigint),
            ("approx_count_distinct", [arg(.int)], .bigint),
            ("array_agg", [arg(.int)], .array(.int)),
            ("sum", [arg(.bigint)], .bigint),
            ("avg", [arg(dec(38, 36))], dec(38, 38)),
        ]
        for (name, arguments, expected) in cases {
            XCTAssertEqual(returnType(name, arguments), expected,
                           "\(name)(\(arguments.map(\.type.description).joined(separator: ", ")))")
        }
    }

    func testGeneratorRowTypes() {
        let mapType = HiveType.map(key: .string, value: .int)
        XCTAssertEqual(returnType("explode", [arg(.array(.int))]), .struct([HiveType.Field("col", .int)]))
        XCTAssertEqual(returnType("explode", [arg(mapType)]),
                       .struct([HiveType.Field("key", .string), HiveType.Field("value", .int)]))
        XCTAssertEqual(returnType("posexplode", [arg(.array(.string))]),
                       .struct([HiveType.Field("pos", .int), HiveType.Field("col", .string)]))
        let row = HiveType.struct([HiveType.Field("a", .int), HiveType.Field("b", .string)])
        XCTAssertEqual(returnType("inline", [arg(.array(row))]), row)
        XCTAssertEqual(returnType("stack", [int(2), arg(.string), arg(.int), arg(.string), arg(.bigint)]),
                       .struct([HiveType.Field("col0", .string), HiveType.Field("col1", .bigint)]))
        XCTAssertEqual(returnType("json_tuple", [arg(.string), str("a"), str("b")]),
                       .struct([HiveType.Field("c0", .string), HiveType.Field("c1", .string)]))
        XCTAssertThrowsError(try FunctionCatalog.resolve("stack", arguments: [arg(.int), arg(.int)]))
        XCTAssertThrowsError(try FunctionCatalog.resolve("inline", arguments: [arg(.array(.int))]))
    }

    func testArgumentConversions() throws {
        let upper = try FunctionCatalog.resolve("upper", argumentTypes: [.int])
        XCTAssertEqual(upper.argumentTypes, [.string])
        let coalesce = try FunctionCatalog.resolve("coalesce", argumentTypes: [.int, .bigint, .void])
        XCTAssertEqual(coalesce.argumentTypes, [.bigint, .bigint, .bigint])
        let ifCall = try FunctionCatalog.resolve("if", argumentTypes: [.boolean, .int, .double])
        XCTAssertEqual(ifCall.argumentTypes, [.boolean, .double, .double])
        let substr = try FunctionCatalog.resolve("substr", argumentTypes: [.varchar(10), .string])
        XCTAssertEqual(substr.argumentTypes, [.varchar(10), .int])
        let array = try FunctionCatalog.resolve("array", argumentTypes: [.int, .double])
        XCTAssertEqual(array.argumentTypes, [.double, .double])
        let md5 = try FunctionCatalog.resolve("md5", argumentTypes: [.string])
        XCTAssertEqual(md5.argumentTypes, [.binary])
        let concat2 = try FunctionCatalog.resolve("concat", argumentTypes: [.int, .varchar(3), .date])
        XCTAssertEqual(concat2.argumentTypes, [.string, .string, .string])
        let binaries = try FunctionCatalog.resolve("concat", argumentTypes: [.binary, .binary])
        XCTAssertEqual(binaries.argumentTypes, [.binary, .binary])
        let sqrt = try FunctionCatalog.resolve("sqrt", argumentTypes: [dec(5, 2)])
        XCTAssertEqual(sqrt.argumentTypes, [.double])
    }
}
