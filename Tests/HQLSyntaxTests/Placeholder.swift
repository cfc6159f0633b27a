import XCTest

final class HQLSyntaxTestsPlaceholder: XCTestCase {
    func testPlaceholder() {}
}
