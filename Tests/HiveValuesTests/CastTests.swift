import XCTest
@testable import HiveValues

/// Casts with non-ANSI Spark rules. "Spark" marks expectations confirmed against Spark 4.3.
final class CastTests: XCTestCase {
    func testStringToIntegers() {
        let ints: [(String, Int32?)] = [
            (" 12 ", 12), ("12.7", 12), ("-12.7", -12), ("1e3", nil), ("2147483648", nil), ("0x10", nil), ("+5", 5),
            ("", nil), ("-2147483648", Int32.min), ("12.", 12), (".5", 0), ("1 2", nil), ("--1", nil), ("12.x", nil),
        ] // Spark for the first eight
        for (s, want) in ints { XCTAssertEqual(HiveCast.toInt32(s), want, s) }
        XCTAssertEqual(HiveCast.toInt64("12.7"), 12) // Spark
        XCTAssertEqual(HiveCast.toInt64("-9223372036854775808"), Int64.min)
        XCTAssertNil(HiveCast.toInt64("9223372036854775808"))
        XCTAssertNil(HiveCast.toInt8("128")) // Spark
        XCTAssertEqual(HiveCast.toInt8("-128"), -128)
        XCTAssertEqual(HiveCast.toInt16("32767"), 32767)
        XCTAssertNil(HiveCast.toInt16("32768"))
    }

    func testStringToDouble() {
        XCTAssertTrue(HiveCast.toDouble("NaN")?.isNaN ?? false) // Spark
        XCTAssertEqual(HiveCast.toDouble(" 1.5 "), 1.5) // Spark
        XCTAssertEqual(HiveCast.toDouble("1.5d"), 1.5) // Spark
        XCTAssertEqual(HiveCast.toDouble("1.5f"), 1.5) // Spark
        XCTAssertEqual(HiveCast.toDouble("inf"), .infinity) // Spark
        XCTAssertEqual(HiveCast.toDouble("-Infinity"), -.infinity) // Spark
        XCTAssertNil(HiveCast.toDouble("1,5")) // Spark
        XCTAssertEqual(HiveCast.toDouble("1e3"), 1000)
        XCTAssertEqual(HiveCast.toDouble("-.5"), -0.5)
        XCTAssertNil(HiveCast.toDouble(""))
        XCTAssertNil(HiveCast.toDouble("abc"))
        XCTAssertEqual(HiveCast.toFloat("0.1"), Float(0.1))
    }

    func testStringToBoolean() {
        let cases: [(String, Bool?)] = [
            ("true", true), ("T", true), ("yes", true), ("y", true), ("1", true), ("0", false), (" true ", true),
            ("TRUE", true), ("no", false), ("2", nil), ("f", false), ("FALSE", false), ("", nil), ("truee", nil),
        ] // Spark for the first ten
        for (s, want) in cases { XCTAssertEqual(HiveCast.toBoolean(s), want, s) }
    }

    func testGeneralCast() {
        XCTAssertEqual(HiveCast.cast(.int(300), to: .tinyint), .tinyint(44)) // Spark
        XCTAssertEqual(HiveCast.cast(.double(3.9), to: .int), .int(3)) // Spark
        XCTAssertEqual(HiveCast.cast(.double(-3.9), to: .int), .int(-3)) // Spark
        XCTAssertEqual(HiveCast.cast(.double(1e20), to: .int), .int(Int32.max)) // Spark
        XCTAssertEqual(HiveCast.cast(.double(1e20), to: .bigint), .bigint(Int64.max)) // Spark
        XCTAssertEqual(HiveCast.cast(.double(.nan), to: .int), .int(0))
        XCTAssertEqual(HiveCast.cast(.int(2), to: .boolean), .boolean(true)) // Spark
        XCTAssertEqual(HiveCast.cast(.boolean(true), to: .int), .int(1)) // Spark
        XCTAssertEqual(HiveCast.cast(.double(1.5), to: .string), .string("1.5")) // Spark
        XCTAssertEqual(HiveCast.cast(.double(1e7), to: .string), .string("1.0E7")) // Spark
        XCTAssertEqual(HiveCast.cast(.float(0.1), to: .double), .double(0.10000000149011612)) // Spark
        XCTAssertEqual(HiveCast.cast(.double(1e7), to: .float).cliText, "1.0E7") // Spark
        XCTAssertEqual(HiveCast.cast(.string("128"), to: .tinyint), .null) // Spark
        XCTAssertEqual(HiveCast.cast(.string(" 12 "), to: .int), .int(12)) // Spark
        XCTAssertEqual(HiveCast.cast(.string("2019-03-15 10:11:12"), to: .timestamp).cliText, "2019-03-15 10:11:12")
        XCTAssertEqual(HiveCast.cast(.string("2019-03-15 10:11:12"), to: .date).cliText, "2019-03-15") // Spark
        XCTAssertEqual(HiveCast.cast(.double(1.5), to: .timestamp).cliText, "1970-01-01 00:00:01.5") // Spark
        XCTAssertEqual(HiveCast.cast(.int(86400), to: .timestamp).cliText, "1970-01-02 00:00:00") // Spark
        let t = HiveCast.cast(.string("2019-03-15 10:11:12.5"), to: .timestamp)
        XCTAssertEqual(HiveCast.cast(t, to: .double).cliText, "1.5526446725E9") // Spark
        XCTAssertEqual(HiveCast.cast(t, to: .bigint), .bigint(1_552_644_672)) // Spark
        XCTAssertEqual(HiveCast.cast(t, to: .date).cliText, "2019-03-15") // Spark
        XCTAssertEqual(HiveCast.cast(.date(HiveDate(days: 0)), to: .timestamp).cliText, "1970-01-01 00:00:00") // Spark
        XCTAssertEqual(HiveCast.cast(.double(0.1), to: .decimal(DecimalType(precision: 10, scale: 2))).cliText, "0.10")
        XCTAssertEqual(HiveCast.cast(.decimal(HiveDecimal(parsing: "12.99")!), to: .int), .int(12))
        XCTAssertEqual(HiveCast.cast(.string("abc"), to: .binary), .binary([97, 98, 99]))
        XCTAssertEqual(HiveCast.cast(.binary([104, 105]), to: .string), .string("hi"))
        XCTAssertEqual(HiveCast.cast(.null, to: .int), .null)
        XCTAssertEqual(HiveCast.cast(.array([.int(1)]), to: .string).cliText, "[1]")
    }
}
