import Foundation
import XCTest

@testable import DynamoDBEmulation

/// SNS-style topics (§8.3) and the built-in publisher.
final class TopicTests: XCTestCase {
    private var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("ddb-sns-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    func testSizeLimitCountsUTF8BytesAndAttributes() throws {
        let store = try Fixtures.store()
        XCTAssertEqual(try store.createTopic("alerts"), "arn:aws:sns:us-east-1:000000000000:alerts")
        XCTAssertNoThrow(try store.publish(topic: "alerts", message: String(repeating: "a", count: 262_144)))
        assertValidation(try store.publish(topic: "alerts", message: String(repeating: "a", count: 262_145)),
                         contains: "Message too long", code: .invalidParameter)
        // 2-byte characters: 131,073 of them are 262,146 bytes (moto counts characters and would accept).
        assertValidation(try store.publish(topic: "alerts", message: String(repeating: "é", count: 131_073)),
                         contains: "Message too long", code: .invalidParameter)
        // Attributes count: name + type + value.
        let attribute = ["k": MessageAttribute(dataType: "String", value: "vv")]  // 1 + 6 + 2 = 9 bytes
        XCTAssertNoThrow(try store.publish(topic: "alerts", message: String(repeating: "a", count: 262_135), attributes: attribute))
        assertValidation(try store.publish(topic: "alerts", message: String(repeating: "a", count: 262_136), attributes: attribute),
                         contains: "Message too long", code: .invalidParameter)
        assertValidation(try store.publish(topic: "alerts", message: "x", subject: "line\nbreak"), contains: "Subject", code: .invalidParameter)
        assertValidation(try store.publish(topic: "missing", message: "x"), contains: "Topic does not exist", code: .notFound)
        XCTAssertEqual(try store.publishedMessages(topic: "alerts").count, 2)
    }

    func testTopicMaximumMessageSize() throws {
        let store = try Fixtures.store()
        try store.createTopic("small", maximumMessageSize: 1024)
        assertValidation(try store.publish(topic: "small", message: String(repeating: "a", count: 1025)),
                         contains: "Message too long", code: .invalidParameter)
        try store.createTopic("large", maximumMessageSize: 1_048_576)
        XCTAssertNoThrow(try store.publish(topic: "arn:aws:sns:us-east-1:000000000000:large", message: String(repeating: "a", count: 300_000)))
        assertValidation(try store.createTopic("bad", maximumMessageSize: 100), contains: "MaximumMessageSize", code: .invalidParameter)
        assertValidation(try store.createTopic("bad name"), contains: "Topic Name", code: .invalidParameter)
    }

    func testSubscriptionsReceiveSNSEnvelopes() throws {
        let store = try Fixtures.store()
        try store.createTopic("t1")
        let file = directory.appendingPathComponent("t1.jsonl").path
        let piped = directory.appendingPathComponent("piped.jsonl").path
        try store.subscribe(topic: "t1", endpoint: .file(file))
        try store.subscribe(topic: "t1", endpoint: .command("cat >> '\(piped)'"))
        var printed: [String] = []
        store.standardOutput = { printed.append($0) }
        try store.subscribe(topic: "t1", endpoint: .stdout)
        XCTAssertEqual(try store.listSubscriptions(topic: "t1").count, 3)
        let id = try store.publish(topic: "t1", message: "hello", subject: "greeting",
                                   attributes: ["kind": MessageAttribute(value: "test")])
        let envelope = try JSONValue.parse(try String(contentsOfFile: file, encoding: .utf8).trimmingCharacters(in: .newlines))
        XCTAssertEqual(envelope["Type"], .string("Notification"))
        XCTAssertEqual(envelope["MessageId"], .string(id))
        XCTAssertEqual(envelope["Message"], .string("hello"))
        XCTAssertEqual(envelope["Subject"], .string("greeting"))
        XCTAssertEqual(envelope["TopicArn"], .string("arn:aws:sns:us-east-1:000000000000:t1"))
        XCTAssertEqual(envelope["MessageAttributes"]?["kind"]?["Value"], .string("test"))
        XCTAssertEqual(printed.count, 1)
        XCTAssertTrue(try String(contentsOfFile: piped, encoding: .utf8).contains("\"hello\""))
        assertValidation(try store.subscribe(topic: "t1", endpoint: .http("http://example.com/")), contains: "127.0.0.1", code: .invalidParameter)
    }

    func testPublisherFitsOneHundredPipelineRecords() throws {
        let clock = ManualClock(Fixtures.epoch)
        let store = try Fixtures.store(clock: clock)
        let table = try store.createTable(CreateTableRequest(jsonText: Fixtures.customerAccount))
        try store.createTopic("customer-changes")
        let file = directory.appendingPathComponent("notifications.jsonl").path
        try store.subscribe(topic: "customer-changes", endpoint: .file(file))
        // Pipeline-like items of ~2 KB, with near-maximal keys, written over 3 minutes.
        let note = String(repeating: "n", count: 2000)
        for index in 0..<250 {
            clock.set(Fixtures.epoch.addingTimeInterval(Double(index) * 0.5))
            try store.putItem("CustomerAccount", Fixtures.customer(String(format: "C%07d", index), ["note": .s(note)]))
        }
        try store.putItem("CustomerAccount", Fixtures.customer("C0000000", ["note": .s("changed")]))
        let mapping = try EventSourceMapping(jsonText: #"{"FunctionName": "notify", "TableName": "CustomerAccount", "StartingPosition": "TRIM_HORIZON", "MaximumBatchingWindowInSeconds": 60, "Target": {"Topic": "customer-changes"}}"#)
        try store.createEventSourceMapping(mapping)
        let report = try store.deliver(mappingID: mapping.uuid, now: Fixtures.epoch.addingTimeInterval(600))
        XCTAssertEqual(report.batches.map(\.count), [100, 100, 51])
        XCTAssertEqual(report.batches.map(\.outcome), [.delivered, .delivered, .delivered])
        let messages = try store.publishedMessages(topic: "customer-changes")
        XCTAssertEqual(messages.count, 3)
        XCTAssertEqual(messages.first?.subject, "CustomerAccount: 100 changes")
        let first = try JSONValue.parse(messages[0].message)
        XCTAssertEqual(first["recordCount"], .integer(100))
        XCTAssertEqual(first["table"], .string("CustomerAccount"))
        XCTAssertEqual(first["eventSourceARN"], .string(table.streamArn ?? ""))
        XCTAssertEqual(first["eventCounts"]?["INSERT"], .integer(100))
        XCTAssertEqual(first["firstSequenceNumber"], .string("100000000000000000001"))
        XCTAssertEqual(first["lastSequenceNumber"], .string("100000000000000000100"))
        XCTAssertEqual(first["keys"]?.arrayValue?.first, .object([("customer_id", .object([("S", .string("C0000000"))]))]))
        let last = try JSONValue.parse(messages[2].message)
        XCTAssertEqual(last["eventCounts"]?["MODIFY"], .integer(1))
        XCTAssertLessThan(messages[0].message.utf8.count, 262_144 / 20)
        XCTAssertEqual(try String(contentsOfFile: file, encoding: .utf8).split(separator: "\n").count, 3)
    }

    func testOversizedNotificationIsAFunctionError() throws {
        let clock = ManualClock(Fixtures.epoch)
        let store = try Fixtures.store(clock: clock)
        try store.createTable(CreateTableRequest(jsonText: Fixtures.customerAccount))
        try store.createTopic("tiny", maximumMessageSize: 1024)
        try store.createTopic("dead-letters")
        for index in 0..<30 { try store.putItem("CustomerAccount", Fixtures.customer(String(format: "C%07d", index))) }
        let mapping = try EventSourceMapping(jsonText: #"{"FunctionName": "notify", "TableName": "CustomerAccount", "StartingPosition": "TRIM_HORIZON", "MaximumRetryAttempts": 1, "DestinationConfig": {"OnFailure": {"Destination": "arn:aws:sns:us-east-1:000000000000:dead-letters"}}, "Target": {"Topic": "tiny"}}"#)
        try store.createEventSourceMapping(mapping)
        let report = try store.deliver(mappingID: mapping.uuid, now: Fixtures.epoch.addingTimeInterval(1))
        XCTAssertEqual(report.batches.map(\.outcome), [.discarded(condition: "RetryAttemptsExhausted")])
        XCTAssertEqual(try store.publishedMessages(topic: "tiny").count, 0)
        let dead = try store.publishedMessages(topic: "dead-letters")
        XCTAssertEqual(dead.count, 1)
        XCTAssertEqual(try JSONValue.parse(dead.first?.message ?? "")["DDBStreamBatchInfo"]?["batchSize"], .integer(30))
    }
}
