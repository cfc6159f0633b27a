import Dispatch
import XCTest
@testable import HiveValues

/// Randomised properties and concurrent use of the process-wide caches.
final class PropertyTests: XCTestCase {
    /// A fixed-seed generator so failures reproduce.
    private struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    func testDoubleTextRoundTripsAndKeepsJavaLayout() {
        var rng = SplitMix(state: 7)
        for _ in 0..<20_000 {
            let v = Double(bitPattern: rng.next())
            guard v.isFinite else { continue }
            let text = JavaNumberText.double(v)
            XCTAssertEqual(Double(text), v, text)
            let m = v.magnitude
            let scientific = text.contains("E")
            XCTAssertEqual(scientific, !(m >= 1e-3 && m < 1e7), text)
            XCTAssertTrue(text.contains("."), text)
            // Same digits as the array-based layout used by the decimal code.
            XCTAssertEqual(text, JavaNumberText.layout(ShortestDigits(v), negative: v < 0), text)
        }
    }

    func testFloatTextRoundTrips() {
        var rng = SplitMix(state: 11)
        for _ in 0..<20_000 {
            let v = Float(bitPattern: UInt32(truncatingIfNeeded: rng.next()))
            guard v.isFinite, v.magnitude != .leastNonzeroMagnitude else { continue }
            XCTAssertEqual(Float(JavaNumberText.float(v)), v)
        }
    }

    func testDecimalTextRoundTripAndArithmeticAgainstInt64() {
        var rng = SplitMix(state: 3)
        let t = DecimalType(precision: 19, scale: 0)
        for _ in 0..<20_000 {
            let a = Int64(truncatingIfNeeded: rng.next()) >> 16, b = Int64(truncatingIfNeeded: rng.next()) >> 16
            let da = HiveDecimal(a), db = HiveDecimal(b)
            XCTAssertEqual(HiveDecimal(parsing: da.description), da)
            XCTAssertEqual(HiveDecimal.add(da, db, as: DecimalType.sum(t, t))?.int64Value, a + b)
            XCTAssertEqual(HiveDecimal.multiply(HiveDecimal(a >> 20), HiveDecimal(b >> 20), as: DecimalType.product(t, t))?.int64Value,
                           (a >> 20) * (b >> 20))
            if b != 0 {
                XCTAssertEqual(HiveDecimal.remainder(da, db, as: DecimalType.remainder(t, t))?.int64Value, a % b)
                XCTAssertEqual(HiveDecimal.divide(da, db, as: DecimalType(precision: 38, scale: 0))?.int64Value,
                               Int64((Double(a) / Double(b)).rounded(.toNearestOrAwayFromZero)), "\(a)/\(b)")
            }
            let scale = Int(rng.next() % 10)
            if let x = HiveDecimal(unscaled: Int128(a), scale: scale) {
                XCTAssertEqual(HiveDecimal(parsing: x.description)?.description, x.description)
                XCTAssertEqual(x.doubleValue, Double(x.description))
            }
        }
    }

    func testDateRoundTrips() {
        var rng = SplitMix(state: 5)
        for _ in 0..<5_000 {
            let d = HiveDate(days: Int32(truncatingIfNeeded: Int64(rng.next() % 2_900_000) - 719_162))
            XCTAssertEqual(HiveDate(parsing: d.description), d, d.description)
            let t = HiveTimestamp(micros: Int64(d.days) * HiveTimestamp.microsPerDay + Int64(rng.next() % 86_400_000_000))
            XCTAssertEqual(HiveTimestamp(parsing: t.description), t, t.description)
            XCTAssertEqual(DateFunctions.dateFormat(t, "yyyy-MM-dd HH:mm:ss.SSSSSS").flatMap {
                DateFunctions.toTimestamp($0, "yyyy-MM-dd HH:mm:ss.SSSSSS")
            }, t)
        }
    }

    /// The regex, pattern and zone caches are shared by all threads; use them from many at once.
    func testCachesUnderConcurrency() {
        DispatchQueue.concurrentPerform(iterations: 64) { i in
            for k in 0..<50 {
                let pattern = "(\\d+)-\(k % 7)"
                XCTAssertEqual(JavaRegex.extract("x\(i)-\(k % 7)", pattern, 1), "\(i)")
                XCTAssertNotNil(DateTimePattern.cached(k % 2 == 0 ? "yyyy-MM-dd" : "HH:mm:ss.SSS \(k % 5)"))
                XCTAssertEqual(TimeZoneDB.offset(zone: "Asia/Kolkata", atUTC: 1_552_644_672), 19_800)
            }
        }
    }
}
