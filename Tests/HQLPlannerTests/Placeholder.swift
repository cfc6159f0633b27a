import XCTest

final class HQLPlannerTestsPlaceholder: XCTestCase {
    func testPlaceholder() {}
}
