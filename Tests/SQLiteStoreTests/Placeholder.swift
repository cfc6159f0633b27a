import XCTest

final class SQLiteStoreTestsPlaceholder: XCTestCase {
    func testPlaceholder() {}
}
