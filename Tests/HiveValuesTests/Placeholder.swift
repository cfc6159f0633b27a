import XCTest

final class HiveValuesTestsPlaceholder: XCTestCase {
    func testPlaceholder() {}
}
