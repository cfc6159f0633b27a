import XCTest

final class DynamoDBEmulationTestsPlaceholder: XCTestCase {
    func testPlaceholder() {}
}
