import XCTest

final class HQLRuntimeTestsPlaceholder: XCTestCase {
    func testPlaceholder() {}
}
