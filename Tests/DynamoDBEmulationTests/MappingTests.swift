import Foundation
import XCTest

@testable import DynamoDBEmulation

/// Event source mappings (§8.2): batching by size, window and 6 MB with an injected clock; checkpoints across
/// reopen; retries, bisect and the on-failure destination.
final class MappingTests: XCTestCase {
    private var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("ddb-map-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    private func mappingJSON(_ extra: String = "", target: String = #"{"File": "/dev/null"}"#) -> String {
        #"{"FunctionName": "notify", "EventSourceArn": "arn:aws:dynamodb:us-east-1:000000000000:table/CustomerAccount/stream/x", "StartingPosition": "TRIM_HORIZON", "Target": \#(target)\#(extra)}"#
    }

    private func makeStore(_ clock: ManualClock, path: String? = nil) throws -> DynamoDBStore {
        let store = try path.map { try DynamoDBStore(path: $0, clock: clock) } ?? Fixtures.store(clock: clock)
        if (try store.listTables()).isEmpty {
            try store.createTable(CreateTableRequest(jsonText: Fixtures.customerAccount))
        }
        return store
    }

    /// Writes one item per entry of `offsets` (seconds after the epoch).
    private func write(_ store: DynamoDBStore, _ clock: ManualClock, at offsets: [Double], prefix: String = "k") throws {
        for (index, offset) in offsets.enumerated() {
            clock.set(Fixtures.epoch.addingTimeInterval(offset))
            try store.putItem("CustomerAccount", Fixtures.customer("\(prefix)\(index)"))
        }
    }

    func testMappingValidation() throws {
        let store = try makeStore(ManualClock(Fixtures.epoch))
        assertValidation(try EventSourceMapping(jsonText: mappingJSON(#", "BatchSize": 0"#)), contains: "greater than or equal to 1")
        assertValidation(try EventSourceMapping(jsonText: mappingJSON(#", "BatchSize": 10001"#)), contains: "less than or equal to 10000")
        assertValidation(try EventSourceMapping(jsonText: mappingJSON(#", "MaximumBatchingWindowInSeconds": 301"#)), contains: "between 0 and 300")
        assertValidation(try EventSourceMapping(jsonText: mappingJSON(#", "MaximumRetryAttempts": 10001"#)), contains: "maximumRetryAttempts")
        assertValidation(try EventSourceMapping(jsonText: #"{"FunctionName": "f", "TableName": "CustomerAccount", "Target": {"File": "x"}}"#),
                         contains: "StartingPosition is required")
        let mapping = try EventSourceMapping(jsonText: mappingJSON())
        XCTAssertEqual(mapping.batchSize, 100)
        XCTAssertEqual(mapping.maximumRetryAttempts, -1)
        XCTAssertEqual(mapping.tableName, "CustomerAccount")
        let described = try store.createEventSourceMapping(mapping)
        XCTAssertEqual(described["BatchSize"], .integer(100))
        XCTAssertEqual(described["State"], .string("Enabled"))
        XCTAssertEqual(described["FunctionArn"], .string("arn:aws:lambda:us-east-1:000000000000:function:notify"))
        XCTAssertEqual(try store.listEventSourceMappings().map(\.uuid), [mapping.uuid])
    }

    func testBatchesCloseAtBatchSizeAndAtTheWindow() throws {
        let clock = ManualClock(Fixtures.epoch)
        let store = try makeStore(clock)
        // 250 records in the first 10 s, then 30 more at t=100…129.
        try write(store, clock, at: (0..<250).map { Double($0) * 0.04 })
        try write(store, clock, at: (0..<30).map { 100 + Double($0) }, prefix: "late")
        let mapping = try EventSourceMapping(jsonText: mappingJSON(#", "MaximumBatchingWindowInSeconds": 60"#))
        try store.createEventSourceMapping(mapping)
        var sizes: [Int] = []
        // At t=50 only the two full batches are due; the third (50 records, window open until t=60) is not.
        let early = try store.deliver(mappingID: mapping.uuid, now: Fixtures.epoch.addingTimeInterval(50)) { _, records in sizes.append(records.count) }
        XCTAssertEqual(sizes, [100, 100])
        XCTAssertEqual(early.pendingRecords, 80)
        let invoked = early.batches.map { $0.invokedAt.timeIntervalSince(Fixtures.epoch) }
        XCTAssertEqual(invoked.count, 2)
        XCTAssertEqual(invoked.first ?? 0, 3.96, accuracy: 0.001)  // the 100th record arrived
        XCTAssertEqual(invoked.last ?? 0, 7.96, accuracy: 0.001)
        XCTAssertEqual(early.nextDue?.timeIntervalSince(Fixtures.epoch) ?? 0, 68, accuracy: 0.001)  // opened at 8.0 + 60 s
        // At t=200: the third batch closed by the window at 68 (records up to then), then the late ones.
        let later = try store.deliver(mappingID: mapping.uuid, now: Fixtures.epoch.addingTimeInterval(200)) { _, records in sizes.append(records.count) }
        XCTAssertEqual(sizes, [100, 100, 50, 30])
        XCTAssertEqual(later.batches.last?.invokedAt, Fixtures.epoch.addingTimeInterval(160))
        XCTAssertEqual(later.pendingRecords, 0)
    }

    func testWindowZeroInvokesWithWhatIsAvailable() throws {
        let clock = ManualClock(Fixtures.epoch)
        let store = try makeStore(clock)
        try write(store, clock, at: [0, 0, 0, 5, 6])
        let mapping = try EventSourceMapping(jsonText: mappingJSON())
        try store.createEventSourceMapping(mapping)
        var sizes: [Int] = []
        try store.deliver(mappingID: mapping.uuid, now: Fixtures.epoch.addingTimeInterval(10)) { _, records in sizes.append(records.count) }
        XCTAssertEqual(sizes, [3, 1, 1])
    }

    func testPayloadLimitSplitsBatches() throws {
        let clock = ManualClock(Fixtures.epoch)
        let store = try makeStore(clock)
        // ~380 KB items with NEW_AND_OLD_IMAGES: inserts carry one image, so 16 of them pass 6 MB.
        let big = String(repeating: "x", count: 380_000)
        for index in 0..<20 {
            try store.putItem("CustomerAccount", ["customer_id": .s("big\(index)"), "payload": .s(big)])
        }
        let mapping = try EventSourceMapping(jsonText: mappingJSON(#", "MaximumBatchingWindowInSeconds": 60"#))
        try store.createEventSourceMapping(mapping)
        var payloads: [Int] = []
        var sizes: [Int] = []
        try store.deliver(mappingID: mapping.uuid, now: Fixtures.epoch.addingTimeInterval(120)) { event, records in
            payloads.append(event.utf8.count)
            sizes.append(records.count)
        }
        XCTAssertEqual(sizes.reduce(0, +), 20)
        XCTAssertGreaterThan(sizes.count, 1)
        XCTAssertTrue(payloads.allSatisfy { $0 <= Batcher.payloadLimit }, "\(payloads)")
        XCTAssertEqual(sizes.first, Batcher.payloadLimit / (380_000 + 400))
    }

    func testCheckpointSurvivesReopenAndLatestSkipsOldRecords() throws {
        let path = directory.appendingPathComponent("warehouse.db").path
        let clock = ManualClock(Fixtures.epoch)
        var delivered: [Int64] = []
        let mappingID: String
        do {
            let store = try makeStore(clock, path: path)
            try write(store, clock, at: [0, 1, 2])
            let mapping = try EventSourceMapping(jsonText: mappingJSON())
            mappingID = mapping.uuid
            try store.createEventSourceMapping(mapping)
            try store.deliver(mappingID: mappingID, now: Fixtures.epoch.addingTimeInterval(5)) { _, records in delivered += records.map(\.sequence) }
            let latest = try EventSourceMapping(jsonText: mappingJSON().replacingOccurrences(of: "TRIM_HORIZON", with: "LATEST"))
            try store.createEventSourceMapping(latest)
            var latestSeen: [Int64] = []
            try store.deliver(mappingID: latest.uuid, now: Fixtures.epoch.addingTimeInterval(5)) { _, records in latestSeen += records.map(\.sequence) }
            XCTAssertEqual(latestSeen, [])
        }
        let reopened = try makeStore(clock, path: path)
        // Nothing is delivered twice.
        try reopened.deliver(mappingID: mappingID, now: Fixtures.epoch.addingTimeInterval(6)) { _, records in delivered += records.map(\.sequence) }
        XCTAssertEqual(delivered, [1, 2, 3])
        try write(reopened, clock, at: [10], prefix: "new")
        try reopened.deliver(mappingID: mappingID, now: Fixtures.epoch.addingTimeInterval(11)) { _, records in delivered += records.map(\.sequence) }
        XCTAssertEqual(delivered, [1, 2, 3, 4])
        XCTAssertEqual(try reopened.eventSourceMapping(mappingID).state.checkpoint, 4)
    }

    func testRetriesThenOnFailureDestinationWithMetadataOnly() throws {
        let clock = ManualClock(Fixtures.epoch)
        let store = try makeStore(clock)
        try write(store, clock, at: [0, 0, 0, 0])
        let failures = directory.appendingPathComponent("failures.jsonl").path
        let mapping = try EventSourceMapping(jsonText: mappingJSON(
            #", "MaximumRetryAttempts": 2, "DestinationConfig": {"OnFailure": {"Destination": "file://\#(failures)"}}"#))
        try store.createEventSourceMapping(mapping)
        var calls = 0
        let report = try store.deliver(mappingID: mapping.uuid, now: Fixtures.epoch.addingTimeInterval(1)) { _, _ in
            calls += 1
            throw DynamoDBError(.functionError, "boom")
        }
        XCTAssertEqual(calls, 3)  // the first try and two retries
        XCTAssertEqual(report.batches.map(\.outcome), [.discarded(condition: "RetryAttemptsExhausted")])
        let lines = try String(contentsOfFile: failures, encoding: .utf8).split(separator: "\n")
        XCTAssertEqual(lines.count, 1)
        let metadata = try JSONValue.parse(String(lines[0]))
        XCTAssertEqual(metadata["requestContext"]?["condition"], .string("RetryAttemptsExhausted"))
        XCTAssertEqual(metadata["requestContext"]?["approximateInvokeCount"], .integer(3))
        XCTAssertEqual(metadata["DDBStreamBatchInfo"]?["batchSize"], .integer(4))
        XCTAssertEqual(metadata["DDBStreamBatchInfo"]?["startSequenceNumber"], .string("100000000000000000001"))
        XCTAssertEqual(metadata["DDBStreamBatchInfo"]?["endSequenceNumber"], .string("100000000000000000004"))
        XCTAssertNil(metadata["Records"])
        XCTAssertEqual(try store.eventSourceMapping(mapping.uuid).state.checkpoint, 4)
    }

    func testBisectIsolatesThePoisonRecord() throws {
        let clock = ManualClock(Fixtures.epoch)
        let store = try makeStore(clock)
        try write(store, clock, at: [0, 0, 0, 0])
        let mapping = try EventSourceMapping(jsonText: mappingJSON(#", "MaximumRetryAttempts": 0, "BisectBatchOnFunctionError": true"#))
        try store.createEventSourceMapping(mapping)
        var seen: [[Int64]] = []
        let report = try store.deliver(mappingID: mapping.uuid, now: Fixtures.epoch.addingTimeInterval(1)) { _, records in
            seen.append(records.map(\.sequence))
            if records.contains(where: { $0.sequence == 2 }) { throw DynamoDBError(.functionError, "poison") }
        }
        XCTAssertEqual(seen, [[1, 2, 3, 4], [1, 2], [1], [2], [3, 4]])
        XCTAssertEqual(report.batches.map(\.outcome), [.delivered, .discarded(condition: "RetryAttemptsExhausted"), .delivered])
    }

    func testInfiniteRetriesBlockTheShardAcrossRuns() throws {
        let clock = ManualClock(Fixtures.epoch)
        let store = try makeStore(clock)
        try write(store, clock, at: [0, 0])
        let mapping = try EventSourceMapping(jsonText: mappingJSON())
        try store.createEventSourceMapping(mapping)
        var calls = 0
        let blocked = try store.deliver(mappingID: mapping.uuid, now: Fixtures.epoch.addingTimeInterval(1), maximumInvocationsPerRun: 3) { _, _ in
            calls += 1
            throw DynamoDBError(.functionError, "down")
        }
        XCTAssertEqual(calls, 3)
        guard case .blocked? = blocked.batches.last?.outcome else { return XCTFail("\(blocked)") }
        XCTAssertEqual(blocked.pendingRecords, 2)
        XCTAssertEqual(try store.eventSourceMapping(mapping.uuid).state.attempts, 3)
        // The same batch is retried on the next run, and delivered once the function works.
        var delivered: [Int64] = []
        try store.deliver(mappingID: mapping.uuid, now: Fixtures.epoch.addingTimeInterval(2)) { _, records in delivered += records.map(\.sequence) }
        XCTAssertEqual(delivered, [1, 2])
    }

    func testMaximumRecordAgeDiscardsRecordsOfABlockedShard() throws {
        let clock = ManualClock(Fixtures.epoch)
        let store = try makeStore(clock)
        try write(store, clock, at: [0, 1])
        let mapping = try EventSourceMapping(jsonText: mappingJSON(#", "MaximumRecordAgeInSeconds": 60"#))
        try store.createEventSourceMapping(mapping)
        let blocked = try store.deliver(mappingID: mapping.uuid, now: Fixtures.epoch.addingTimeInterval(2), maximumInvocationsPerRun: 2) { _, _ in
            throw DynamoDBError(.functionError, "down")
        }
        XCTAssertEqual(blocked.pendingRecords, 2)
        // Much later the function works again, but the blocked records are too old: they are discarded.
        var delivered: [Int64] = []
        let report = try store.deliver(mappingID: mapping.uuid, now: Fixtures.epoch.addingTimeInterval(400)) { _, records in delivered += records.map(\.sequence) }
        XCTAssertEqual(report.batches.map(\.outcome), [.discarded(condition: "RecordAgeExceeded")])
        XCTAssertEqual(report.batches.first?.count, 2)
        try write(store, clock, at: [400], prefix: "fresh")
        try store.deliver(mappingID: mapping.uuid, now: Fixtures.epoch.addingTimeInterval(401)) { _, records in delivered += records.map(\.sequence) }
        XCTAssertEqual(delivered, [3])
    }

    func testCommandAndFileTargets() throws {
        let clock = ManualClock(Fixtures.epoch)
        let store = try makeStore(clock)
        try write(store, clock, at: [0, 0])
        let events = directory.appendingPathComponent("events.jsonl").path
        let ok = try EventSourceMapping(jsonText: mappingJSON(target: #"{"Command": "cat >> '\#(events)'; echo >> '\#(events)'"}"#))
        try store.createEventSourceMapping(ok)
        let report = try store.deliver(mappingID: ok.uuid, now: Fixtures.epoch.addingTimeInterval(1))
        XCTAssertEqual(report.batches.map(\.outcome), [.delivered])
        let event = try JSONValue.parse(String(contentsOfFile: events, encoding: .utf8).split(separator: "\n").first.map(String.init) ?? "")
        XCTAssertEqual(event["Records"]?.arrayValue?.count, 2)
        XCTAssertEqual(event["Records"]?.arrayValue?.first?["eventName"], .string("INSERT"))
        let failing = try EventSourceMapping(jsonText: mappingJSON(#", "MaximumRetryAttempts": 1"#, target: #"{"Command": "cat > /dev/null; exit 3"}"#))
        try store.createEventSourceMapping(failing)
        let failed = try store.deliver(mappingID: failing.uuid, now: Fixtures.epoch.addingTimeInterval(1))
        XCTAssertEqual(failed.batches.map(\.outcome), [.discarded(condition: "RetryAttemptsExhausted")])
        XCTAssertEqual(failed.batches.first?.invocations, 2)
    }

    func testOneRunPerMappingAtATime() throws {
        let clock = ManualClock(Fixtures.epoch)
        let store = try makeStore(clock)
        try write(store, clock, at: [0, 0, 5])
        let mapping = try EventSourceMapping(jsonText: mappingJSON())
        try store.createEventSourceMapping(mapping)
        var nested: DynamoDBError?
        var delivered: [Int64] = []
        try store.deliver(mappingID: mapping.uuid, now: Fixtures.epoch.addingTimeInterval(1)) { _, records in
            delivered += records.map(\.sequence)
            // A second run while the first one is invoking: refused.
            do {
                try store.deliver(mappingID: mapping.uuid, now: Fixtures.epoch.addingTimeInterval(10)) { _, _ in }
            } catch let error as DynamoDBError {
                nested = error
            }
        }
        XCTAssertEqual(nested?.code, .resourceInUse)
        XCTAssertEqual(delivered, [1, 2])
        // The lease is released at the end of the run.
        try store.deliver(mappingID: mapping.uuid, now: Fixtures.epoch.addingTimeInterval(10)) { _, records in delivered += records.map(\.sequence) }
        XCTAssertEqual(delivered, [1, 2, 3])
    }
}
