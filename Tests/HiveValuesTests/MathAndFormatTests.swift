import XCTest
@testable import HiveValues

/// Math, formatting and encoding bodies. "Spark" marks expectations confirmed against Spark 4.3.
final class MathAndFormatTests: XCTestCase {
    typealias M = MathFunctions

    func testRounding() {
        XCTAssertEqual(M.round(2.5), 3.0) // Spark
        XCTAssertEqual(M.round(-2.5), -3.0) // Spark
        XCTAssertEqual(M.round(-0.5), -1.0) // Spark
        XCTAssertEqual(M.round(0.5), 1.0) // Spark
        XCTAssertEqual(M.round(1.5), 2.0) // Spark
        XCTAssertEqual(M.round(1.2345, 2), 1.23) // Spark
        XCTAssertEqual(M.round(1.005, 2), 1.01) // Spark
        XCTAssertEqual(M.round(2.675, 2), 2.68) // Spark
        XCTAssertEqual(M.round(1234.5, -2), 1200.0) // Spark
        XCTAssertEqual(M.round(1e20, 2), 1e20) // Spark
        XCTAssertEqual(M.round(1250.0, -2), 1300.0)
        XCTAssertTrue(M.round(.nan).isNaN)
        XCTAssertEqual(M.bround(2.5), 2.0) // Spark
        XCTAssertEqual(M.bround(3.5), 4.0) // Spark
        XCTAssertEqual(M.bround(-2.5), -2.0) // Spark
        XCTAssertEqual(M.bround(1.25, 1), 1.2) // Spark
        XCTAssertEqual(M.round(Int64(12345), -2), 12300) // Spark
        XCTAssertEqual(M.round(Int64(-12350), -2), -12400)
        XCTAssertEqual(M.round(Int64(7), 2), 7)
        let d = { (s: String) in HiveDecimal(parsing: s)! }
        XCTAssertEqual(M.round(d("2.5"), 0)?.description, "3") // Spark
        XCTAssertEqual(M.round(d("-2.675"), 2)?.description, "-2.68") // Spark
        XCTAssertEqual(M.round(d("123.456"), -1)?.description, "120") // Spark
        XCTAssertEqual(M.round(d("2.675"), 2, mode: .halfEven)?.description, "2.68") // Spark bround
        XCTAssertEqual(M.round(d("2.665"), 2, mode: .halfEven)?.description, "2.66")
        XCTAssertEqual(M.round(d("1.5"), 3)?.description, "1.5")
        XCTAssertEqual(M.ceil(1.2), 2) // Spark
        XCTAssertEqual(M.floor(-1.2), -2) // Spark
        XCTAssertEqual(M.ceil(-0.5), 0) // Spark
        XCTAssertEqual(M.ceil(d("1.2"))?.description, "2") // Spark
        XCTAssertEqual(M.floor(d("-1.2"))?.description, "-2")
    }

    func testDivisionAndModulo() {
        XCTAssertNil(M.divide(1, 0)) // Spark
        XCTAssertNil(M.divide(0, 0)) // Spark
        XCTAssertEqual(M.divide(7, 2), 3.5) // Spark
        XCTAssertEqual(M.div(7, 2), 3) // Spark
        XCTAssertEqual(M.div(-7, 2), -3) // Spark
        XCTAssertEqual(M.div(Int64.min, -1), Int64.min)
        XCTAssertNil(M.div(1, 0))
        XCTAssertEqual(M.remainder(Int64(7), -3), 1) // Spark
        XCTAssertEqual(M.remainder(Int64(-7), 3), -1) // Spark
        XCTAssertNil(M.remainder(Int64(1), 0)) // Spark
        XCTAssertEqual(M.remainder(10.0, 3.5), 3.0) // Spark
        XCTAssertEqual(M.remainder(-7.5, 2.0), -1.5) // Spark
        XCTAssertEqual(M.pmod(Int64(-7), 3), 2) // Spark
        XCTAssertEqual(M.pmod(Int64(7), -3), 1) // Spark
        XCTAssertEqual(M.pmod(Int64(-7), -3), -1) // Spark
        XCTAssertEqual(M.pmod(7.5, 2.0), 1.5) // Spark
        XCTAssertNil(M.pmod(Int64(5), 0)) // Spark
        XCTAssertEqual(Int32.max &+ 1, Int32.min) // Spark: 2147483647 + 1 wraps
        XCTAssertEqual(M.abs(Int32.min), Int32.min) // Spark
    }

    func testLogsAndPowers() {
        XCTAssertEqual(M.log(2, 8), 3.0) // Spark
        XCTAssertEqual(M.log(10, 100), 2.0) // Spark
        XCTAssertNil(M.log(0, 1)) // Spark
        XCTAssertNil(M.ln(0)) // Spark
        XCTAssertNil(M.log10(-1)) // Spark
        XCTAssertEqual(M.log10(1000), 3.0)
        XCTAssertEqual(M.log2(8), 3.0)
        XCTAssertNil(M.sqrt(-1)) // Hive's NULL (Spark: NaN)
        XCTAssertTrue(M.sqrtSpark(-1).isNaN) // Spark
        XCTAssertEqual(M.sqrt(4), 2.0) // Spark
        XCTAssertEqual(M.exp(1), 2.718281828459045) // Spark prints 2.7182818284590455 through Java's StrictMath
        XCTAssertEqual(M.pow(2, 10), 1024.0) // Spark
        XCTAssertEqual(M.pow(2, 0.5), 1.4142135623730951) // Spark
        XCTAssertEqual(M.cbrt(27), 3.0) // Spark
        XCTAssertEqual(M.cbrt(-8), -2.0)
        XCTAssertEqual(M.degrees(3.141592653589793), 180.0) // Spark
        XCTAssertEqual(M.signum(-3.0), -1.0) // Spark
        XCTAssertEqual(M.signum(0), 0.0) // Spark
        XCTAssertEqual(M.factorial(5), 120) // Spark
        XCTAssertNil(M.factorial(21)) // Spark
        XCTAssertEqual(M.factorial(0), 1)
        XCTAssertEqual(M.factorial(20), 2_432_902_008_176_640_000)
        XCTAssertEqual(M.shiftLeft(1, 65), 2)
        XCTAssertEqual(M.shiftRightUnsigned(-1, 60), 15)
        XCTAssertEqual(M.e, 2.718281828459045) // Spark
        XCTAssertEqual(M.pi, 3.141592653589793) // Spark
    }

    func testFormatNumber() {
        let F = FormatFunctions.self
        let d = { (s: String) in HiveDecimal(parsing: s)! }
        XCTAssertEqual(F.formatNumber(d("1234567.891"), 2), "1,234,567.89") // Spark
        XCTAssertEqual(F.formatNumber(1234567.895, 2), "1,234,567.90") // Spark
        XCTAssertEqual(F.formatNumber(0.5, 0), "0") // Spark
        XCTAssertEqual(F.formatNumber(1.5, 0), "2") // Spark
        XCTAssertEqual(F.formatNumber(2.5, 0), "2") // Spark
        XCTAssertEqual(F.formatNumber(-1234.5, 0), "-1,234") // Spark
        XCTAssertEqual(F.formatNumber(12.3456, 4), "12.3456") // Spark
        XCTAssertEqual(F.formatNumber(d("5"), 2), "5.00") // Spark
        XCTAssertEqual(F.formatNumber(-0.5, 0), "-0") // Spark
        XCTAssertEqual(F.formatNumber(1e20, 2), "100,000,000,000,000,000,000.00") // Spark
        XCTAssertNil(F.formatNumber(d("123.456"), -1)) // Spark
        XCTAssertEqual(F.formatNumber(0.000001, 8), "0.00000100") // Spark
        XCTAssertEqual(F.formatNumber(d("1234.5"), 0), "1,234") // Spark
        XCTAssertEqual(F.formatNumber(12332.123456, pattern: "##.###"), "12332.123") // Spark
        XCTAssertEqual(F.formatNumber(1234.5, pattern: "#,##0.00"), "1,234.50")
        XCTAssertEqual(F.formatNumber(0.5, pattern: "#.#"), "0.5") // Spark
        XCTAssertEqual(F.formatNumber(999.999, 2), "1,000.00")
    }

    func testFormatString() {
        let F = FormatFunctions.self
        XCTAssertEqual(F.formatString("%s-%d", [.string("a"), .int(3)]), "a-3") // Spark
        XCTAssertEqual(F.formatString("%.2f", [.double(3.14159)]), "3.14") // Spark
        XCTAssertEqual(F.formatString("%.2f", [.double(2.675)]), "2.68") // Spark
        XCTAssertEqual(F.formatString("%5s|%-5s|", [.string("a"), .string("b")]), "    a|b    |") // Spark
        XCTAssertEqual(F.formatString("%x %X %o", [.int(255), .int(255), .int(8)]), "ff FF 10") // Spark
        XCTAssertEqual(F.formatString("%e", [.double(12345.678)]), "1.234568e+04") // Spark
        XCTAssertEqual(F.formatString("%10.3f|%%", [.double(3.14159)]), "     3.142|%") // Spark
        XCTAssertEqual(F.formatString("%05d", [.int(42)]), "00042") // Spark
        XCTAssertEqual(F.formatString("%s", [.null]), "null") // Spark
        XCTAssertEqual(F.formatString("%d", [.bigint(3)]), "3") // Spark
        XCTAssertEqual(F.formatString("%,d", [.int(1_234_567)]), "1,234,567") // Spark
        XCTAssertEqual(F.formatString("%b", [.boolean(true)]), "true") // Spark
        XCTAssertEqual(F.formatString("%c", [.int(65)]), "A") // Spark
        XCTAssertEqual(F.formatString("%x", [.int(-1)]), "ffffffff")
        XCTAssertEqual(F.formatString("%2$s %1$s", [.string("a"), .string("b")]), "b a")
        XCTAssertEqual(F.formatString("%+d %d", [.int(5), .int(-5)]), "+5 -5")
        XCTAssertEqual(F.formatString("%.1f", [.decimal(HiveDecimal(parsing: "0.25")!)]), "0.3")
        XCTAssertEqual(F.formatString("%-6.2f|", [.double(-1.5)]), "-1.50 |")
        XCTAssertEqual(F.formatString("%.3s", [.string("abcdef")]), "abc")
        XCTAssertEqual(F.formatString("%E", [.double(0.000123)]), "1.230000E-04")
        XCTAssertEqual(F.formatString("%.0e", [.double(9.9)]), "1e+01")
        XCTAssertNil(F.formatString("%d", [.double(1.5)])) // Java: IllegalFormatConversionException
        XCTAssertNil(F.formatString("%s %s", [.string("a")]))
        XCTAssertNil(F.formatString("100%", []))
    }

    func testEncodings() {
        let E = EncodingFunctions.self
        XCTAssertEqual(Base64.encode(Array("hello".utf8)), "aGVsbG8=") // Spark
        XCTAssertEqual(Base64.decode("aGVsbG8=").map { String(decoding: $0, as: UTF8.self) }, "hello") // Spark
        XCTAssertEqual(Base64.encode([]), "")
        XCTAssertEqual(Base64.encode([1, 2]), "AQI=")
        XCTAssertEqual(Base64.decode("AQI"), [1, 2])
        XCTAssertNil(Base64.decode("A*B"))
        XCTAssertEqual(E.hex(255), "FF") // Spark
        XCTAssertEqual(E.hex(-1), "FFFFFFFFFFFFFFFF") // Spark
        XCTAssertEqual(E.hex(0), "0") // Spark
        XCTAssertEqual(E.hex(Array("abc".utf8)), "616263") // Spark
        XCTAssertEqual(E.hex(Array("".utf8)), "") // Spark
        XCTAssertEqual(E.unhex("616263"), Array("abc".utf8)) // Spark
        XCTAssertEqual(E.unhex("6"), [6]) // Spark pads odd lengths
        XCTAssertNil(E.unhex("zz")) // Spark
        XCTAssertEqual(E.unhex("0a0B").map { E.hex($0) }, "0A0B") // Spark
        XCTAssertEqual(E.bin(13), "1101") // Spark
        XCTAssertEqual(E.bin(-1), String(repeating: "1", count: 64)) // Spark
        XCTAssertEqual(E.bin(0), "0") // Spark
        let conv: [(String, Int, Int, String?)] = [
            ("255", 10, 16, "FF"), ("-1", 10, 16, "FFFFFFFFFFFFFFFF"), ("ff", 16, 10, "255"), ("ff", 16, -10, "255"),
            ("-ff", 16, -10, "-255"), ("zz", 36, 10, "1295"), ("12x", 10, 16, "C"),
            ("9223372036854775807", 10, 2, String(repeating: "1", count: 63)),
            ("18446744073709551616", 10, 16, "FFFFFFFFFFFFFFFF"), ("", 10, 16, nil), ("1", 1, 16, nil),
        ] // all Spark
        for (n, f, t, want) in conv { XCTAssertEqual(E.conv(n, from: f, to: t), want, "\(n) \(f) \(t)") }
    }
}
