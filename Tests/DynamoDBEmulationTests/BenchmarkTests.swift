import Foundation
import SQLiteStore
import XCTest

@testable import DynamoDBEmulation

/// Put throughput of the bulk path, skipped unless `DDB_BENCH` is set. Run in release:
/// `DDB_BENCH=1 swift test -c release -Xswiftc -enable-testing --filter DynamoDBEmulationTests.BenchmarkTests`.
final class BenchmarkTests: XCTestCase {
    /// Items shaped like the pipeline's CustomerAccount rows (10 attributes, ~250 bytes).
    private func items(_ count: Int) -> [Item] {
        (0..<count).map { index in
            [
                "customer_id": .s(String(format: "C%08d", index)),
                "first_name": .s("Alexandra"), "last_name": .s("Johnson-Smith"),
                "email": .s("alexandra.johnson\(index)@example.com"),
                "state": .s("CA"), "balance": .n(String(index % 100_000) + ".25"),
                "is_active": .bool(index % 3 != 0), "signup_date": .s("2024-03-15"),
                "segments": .l([.s("retail"), .s("online")]),
                "credit_limit": .n("5000"),
            ]
        }
    }

    private func measure(stream: Bool, count: Int) throws -> Double {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("ddb-bench-\(UUID().uuidString).db").path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        let store = try DynamoDBStore(path: path)
        var request = try CreateTableRequest(jsonText: Fixtures.customerAccount)
        if !stream { request.streamViewType = nil }
        try store.createTable(request)
        let batch = items(count)
        let start = Date()
        let result = try store.putItems("CustomerAccount", batch, options: BulkWriteOptions(duplicateKeys: .lastWins))
        let seconds = Date().timeIntervalSince(start)
        XCTAssertEqual(result.requests, count)
        XCTAssertEqual(result.streamRecords, stream ? count : 0)
        return Double(count) / seconds
    }

    func testPutThroughput() throws {
        guard ProcessInfo.processInfo.environment["DDB_BENCH"] != nil else { throw XCTSkip("set DDB_BENCH=1 to run") }
        let count = Int(ProcessInfo.processInfo.environment["DDB_BENCH_ITEMS"] ?? "") ?? 100_000
        let plain = try measure(stream: false, count: count)
        let streamed = try measure(stream: true, count: count)
        print("putItems \(count) items: \(Int(plain)) items/s without a stream, \(Int(streamed)) items/s with NEW_AND_OLD_IMAGES")
    }
}
