import XCTest
@testable import HiveValues

/// Decimal parsing, printing, casts and arithmetic. "Spark" marks expectations confirmed against Spark 4.3.
final class HiveDecimalTests: XCTestCase {
    private func dec(_ s: String) -> HiveDecimal {
        guard let d = HiveDecimal(parsing: s) else { XCTFail("unparsable \(s)"); return .zero }
        return d
    }

    private func cast(_ s: String, _ p: Int, _ sc: Int) -> String {
        HiveCast.toDecimal(s, DecimalType(precision: p, scale: sc))?.description ?? "NULL"
    }

    func testParseAndPrintKeepsScale() {
        let cases: [(String, String)] = [
            ("1.50", "1.50"), ("-0.05", "-0.05"), ("12", "12"), ("0", "0"), ("0.000", "0.000"),
            ("+7.1", "7.1"), ("  3.25  ", "3.25"), ("1e3", "1000"), ("1.5E-2", "0.015"), ("-2.5e1", "-25"),
            (".5", "0.5"), ("5.", "5"), ("00012.3400", "12.3400"),
            ("99999999999999999999999999999999999999", "99999999999999999999999999999999999999"),
        ]
        for (input, want) in cases { XCTAssertEqual(HiveDecimal(parsing: input)?.description, want, input) }
    }

    func testParseRejectsJunk() {
        for bad in ["", " ", "abc", "1.2.3", "1e", "--1", "1,5", "e5", "0x10", "1e999999"] {
            XCTAssertNil(HiveDecimal(parsing: bad), bad)
        }
    }

    func testTooManyDigitsRoundHalfUp() {
        // 40 significant digits: two fraction digits are dropped, rounding half up.
        XCTAssertEqual(dec("1.234567890123456789012345678901234567895").description,
                       "1.2345678901234567890123456789012345679")
        XCTAssertNil(HiveDecimal(parsing: "123456789012345678901234567890123456789")) // 39 integer digits
    }

    func testCastToDecimalType() {
        XCTAssertEqual(cast("1.5", 10, 2), "1.50") // Spark
        XCTAssertEqual(cast("1.555", 10, 2), "1.56") // Spark
        XCTAssertEqual(cast("-1.555", 10, 2), "-1.56") // Spark
        XCTAssertEqual(cast("12345", 4, 0), "NULL") // Spark
        XCTAssertEqual(cast("  1.5  ", 10, 2), "1.50") // Spark
        XCTAssertEqual(cast("1e3", 10, 2), "1000.00") // Spark
        XCTAssertEqual(cast("abc", 10, 2), "NULL") // Spark
        XCTAssertEqual(cast("0.0000001", 20, 10), "0.0000001000") // Spark
        XCTAssertEqual(cast("1", 38, 37), "1.0000000000000000000000000000000000000") // Spark
        XCTAssertEqual(cast("12", 38, 37), "NULL") // Spark
        XCTAssertEqual(cast("999.995", 5, 2), "NULL") // rounds to 1000.00: too many digits
        XCTAssertEqual(cast("999.994", 5, 2), "999.99")
        XCTAssertEqual(cast("0.5", 1, 0), "1")
        XCTAssertEqual(cast("-0.4", 1, 0), "0")
    }

    func testArithmeticWithSparkResultTypes() {
        let a = dec("10.25"), b = dec("3.00")
        let t102 = DecimalType(precision: 10, scale: 2)
        let t103 = DecimalType(precision: 10, scale: 3)
        let q = DecimalType.quotient(t102, t102)
        XCTAssertEqual(q, DecimalType(precision: 23, scale: 13))
        XCTAssertEqual(HiveDecimal.divide(a, b, as: q)?.description, "3.4166666666667") // Spark
        let p = DecimalType.product(t102, t103)
        XCTAssertEqual(p, DecimalType(precision: 21, scale: 5))
        XCTAssertEqual(HiveDecimal.multiply(a, dec("3.333"), as: p)?.description, "34.16325") // Spark
        let r = DecimalType.remainder(t102, t102)
        XCTAssertEqual(HiveDecimal.remainder(a, b, as: r)?.description, "1.25") // Spark
        XCTAssertEqual(HiveDecimal.remainder(a.negated, b, as: r)?.description, "-1.25") // Spark
        XCTAssertNil(HiveDecimal.divide(a, .zero, as: q)) // Spark: NULL
        let s = DecimalType.sum(t102, t103)
        XCTAssertEqual(s, DecimalType(precision: 12, scale: 3))
        XCTAssertEqual(HiveDecimal.add(a, dec("0.001"), as: s)?.description, "10.251")
        XCTAssertEqual(HiveDecimal.subtract(a, dec("20.5"), as: s)?.description, "-10.250")
    }

    func testOverflowIsNil() {
        let max38 = dec("99999999999999999999999999999999999999")
        let t = DecimalType(precision: 38, scale: 0)
        XCTAssertNil(HiveDecimal.add(max38, HiveDecimal(1), as: DecimalType.sum(t, DecimalType(precision: 10, scale: 0)))) // Spark
        XCTAssertNil(HiveDecimal.multiply(max38, max38, as: DecimalType.product(t, t)))
        XCTAssertEqual(HiveDecimal.add(max38, max38.negated, as: t)?.description, "0")
    }

    func testWideProductRoundsToBoundedScale() {
        // decimal(38,18) × decimal(38,18) → decimal(38,6) under precision loss rules.
        let t = DecimalType(precision: 38, scale: 18)
        let rt = DecimalType.product(t, t)
        XCTAssertEqual(rt, DecimalType(precision: 38, scale: 6))
        let x = dec("1.123456789012345678")
        XCTAssertEqual(HiveDecimal.multiply(x, x, as: rt)?.description, "1.262155")
        let big = dec("12345678901234567890.5")
        XCTAssertEqual(HiveDecimal.multiply(big, dec("2"), as: rt)?.description, "24691357802469135781.000000")
    }

    func testDivisionRoundingHalfUp() {
        let t = DecimalType(precision: 10, scale: 0)
        XCTAssertEqual(HiveDecimal.divide(HiveDecimal(1), HiveDecimal(3), as: DecimalType.quotient(t, t))?.description, "0.33333333333")
        XCTAssertEqual(HiveDecimal.divide(HiveDecimal(2), HiveDecimal(3), as: DecimalType(precision: 5, scale: 2))?.description, "0.67")
        XCTAssertEqual(HiveDecimal.divide(HiveDecimal(-2), HiveDecimal(3), as: DecimalType(precision: 5, scale: 2))?.description, "-0.67")
        XCTAssertEqual(HiveDecimal.divide(HiveDecimal(1), HiveDecimal(8), as: DecimalType(precision: 5, scale: 2))?.description, "0.13")
        XCTAssertEqual(HiveDecimal.divide(dec("1.000"), dec("0.5"), as: DecimalType(precision: 5, scale: 0))?.description, "2")
    }

    func testPmodFollowsSpark() {
        let t = DecimalType(precision: 10, scale: 1)
        XCTAssertEqual(HiveDecimal.pmod(dec("-7.5"), dec("2"), as: t)?.description, "0.5") // Spark
        XCTAssertEqual(HiveDecimal.pmod(dec("7"), dec("-3"), as: t)?.description, "1.0")
        XCTAssertEqual(HiveDecimal.pmod(dec("-7"), dec("-3"), as: t)?.description, "-1.0")
        XCTAssertNil(HiveDecimal.pmod(dec("1"), .zero, as: t))
    }

    func testComparisonIgnoresScale() {
        XCTAssertEqual(dec("1.50"), dec("1.5"))
        XCTAssertEqual(dec("1.50").hashValue, dec("1.5").hashValue)
        XCTAssertLessThan(dec("-2"), dec("-1.99"))
        XCTAssertLessThan(dec("0.1"), dec("0.10000000000000000000000000000000000001"))
        XCTAssertGreaterThan(dec("99999999999999999999999999999999999999"), dec("9999999999999999999999999999.9999999999"))
        XCTAssertEqual(HiveDecimal.compare(dec("0"), dec("-0.000")), 0)
    }

    func testSetScaleModes() {
        let x = dec("2.345")
        XCTAssertEqual(x.setScale(2)?.description, "2.35")
        XCTAssertEqual(x.setScale(2, rounding: .halfEven)?.description, "2.34")
        XCTAssertEqual(x.setScale(2, rounding: .down)?.description, "2.34")
        XCTAssertEqual(x.negated.setScale(2, rounding: .floor)?.description, "-2.35")
        XCTAssertEqual(x.negated.setScale(0, rounding: .ceiling)?.description, "-2")
        XCTAssertEqual(x.setScale(5)?.description, "2.34500")
        XCTAssertEqual(dec("2.5").setScale(0, rounding: .halfEven)?.description, "2")
        XCTAssertEqual(dec("3.5").setScale(0, rounding: .halfEven)?.description, "4")
    }

    func testConversions() {
        XCTAssertEqual(dec("1.5").doubleValue, 1.5)
        XCTAssertEqual(dec("0.1").doubleValue, 0.1)
        XCTAssertEqual(dec("-123456789012345678901234.5").doubleValue, Double("-123456789012345678901234.5"))
        XCTAssertEqual(dec("12.99").int64Value, 12)
        XCTAssertEqual(dec("-12.99").int64Value, -12)
        XCTAssertNil(dec("99999999999999999999").int64Value)
        XCTAssertEqual(HiveDecimal(0.1)?.description, "0.1")
        XCTAssertEqual(HiveDecimal(1e7)?.description, "10000000")
        XCTAssertEqual(HiveDecimal(-2.5e-3)?.description, "-0.0025")
        XCTAssertNil(HiveDecimal(Double.nan))
        XCTAssertNil(HiveDecimal(1e40))
        XCTAssertEqual(HiveDecimal(Int64.min).description, "-9223372036854775808")
        XCTAssertEqual(dec("123.45").precision, 5)
        XCTAssertEqual(dec("0.001").precision, 3)
    }
}
