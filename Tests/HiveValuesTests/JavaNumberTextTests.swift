import XCTest
@testable import HiveValues

/// Java's `Double.toString` / `Float.toString` layout. "Spark" marks values printed by the Spark 4.3 CLI.
final class JavaNumberTextTests: XCTestCase {
    func testDoubles() {
        let cases: [(Double, String)] = [
            (1.0, "1.0"), (1e7, "1.0E7"), (1e-4, "1.0E-4"), (0.1 + 0.2, "0.30000000000000004"), // Spark
            (.nan, "NaN"), (.infinity, "Infinity"), (-.infinity, "-Infinity"), (-0.0, "-0.0"), (0.0, "0.0"), // Spark
            (1e20, "1.0E20"), (123456789.0, "1.23456789E8"), (1234567.0, "1234567.0"), (12345678.9, "1.23456789E7"), // Spark
            (0.001, "0.001"), (2.0 / 3, "0.6666666666666666"), (1e-5, "1.0E-5"), (100.0, "100.0"), (1e21, "1.0E21"), // Spark
            (1.0 / 3, "0.3333333333333333"), (3.5, "3.5"), (-1.5, "-1.5"), (9999999.0, "9999999.0"),
            (0.00123, "0.00123"), (1.5526446725e9, "1.5526446725E9"), (Double.greatestFiniteMagnitude, "1.7976931348623157E308"),
            (Double.leastNonzeroMagnitude, "4.9E-324"), (2.7182818284590455, "2.7182818284590455"), (-1234.5678, "-1234.5678"),
        ]
        for (v, want) in cases { XCTAssertEqual(JavaNumberText.double(v), want, "\(v)") }
    }

    func testFloats() {
        let cases: [(Float, String)] = [
            (0.001, "0.001"), (3.4, "3.4"), (1e10, "1.0E10"), (0.1, "0.1"), (1e7, "1.0E7"), (1.5, "1.5"), // Spark
            (-0.0, "-0.0"), (.nan, "NaN"), (16777216, "1.6777216E7"), (0.5, "0.5"),
        ]
        for (v, want) in cases { XCTAssertEqual(JavaNumberText.float(v), want, "\(v)") }
    }

    /// Not a timed assertion: formatting a million doubles runs here so a complexity regression shows in test time.
    func testMillionDoublesFormat() {
        var total = 0
        var x = 0.000123
        for i in 0..<1_000_000 {
            total &+= JavaNumberText.double(x).utf8.count
            x = x * 1.0000173 + Double(i & 7)
        }
        XCTAssertGreaterThan(total, 1_000_000)
    }
}
