import XCTest

final class HQLCLITestsPlaceholder: XCTestCase {
    func testPlaceholder() {}
}
