import Foundation
import XCTest

@testable import SQLiteStore

final class StatementCacheTests: XCTestCase {
    func testLeastRecentlyUsedStatementIsDroppedFirst() throws {
        let connection = try Connection(configuration: .init(statementCacheCapacity: 2))
        let a = try connection.cachedStatement("SELECT 'a'")
        _ = try connection.cachedStatement("SELECT 'b'")
        XCTAssertTrue(try connection.cachedStatement("SELECT 'a'") === a)  // a is now the most recent
        _ = try connection.cachedStatement("SELECT 'c'")  // evicts b
        XCTAssertNil(connection.statementCache.statement(for: "SELECT 'b'"))
        XCTAssertTrue(connection.statementCache.statement(for: "SELECT 'a'") === a)
        XCTAssertNotNil(connection.statementCache.statement(for: "SELECT 'c'"))
        XCTAssertTrue(a.isCached)
    }

    func testZeroCapacityDisablesCaching() throws {
        let connection = try Connection(configuration: .init(statementCacheCapacity: 0))
        let first = try connection.cachedStatement("SELECT 1")
        XCTAssertFalse(try connection.cachedStatement("SELECT 1") === first)
        XCTAssertEqual(connection.cachedStatementCount, 0)
    }

    func testEvictingAnUncachedDuplicateKeepsTheCachedOne() throws {
        let connection = try Connection()
        let cached = try connection.cachedStatement("SELECT 1")
        let other = try connection.prepare("SELECT 1")
        connection.statementCache.evict(other)
        XCTAssertTrue(try connection.cachedStatement("SELECT 1") === cached)
    }

    func testInterruptFlagIsSafeAcrossThreads() {
        let flag = InterruptFlag()
        DispatchQueue.concurrentPerform(iterations: 1000) { index in
            flag.set(index % 2 == 0)
            _ = flag.isSet
        }
        flag.set(true)
        XCTAssertTrue(flag.isSet)
        flag.set(false)
        XCTAssertFalse(flag.isSet)
    }
}
