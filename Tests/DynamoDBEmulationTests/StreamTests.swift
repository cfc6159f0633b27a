import Foundation
import XCTest

@testable import DynamoDBEmulation

/// Stream records (§8.1): one per effective change, images by view type, sequence numbers, the Lambda record shape.
final class StreamTests: XCTestCase {
    private func makeStore(view: StreamViewType, clock: ManualClock = ManualClock(Fixtures.epoch)) throws -> DynamoDBStore {
        let store = try Fixtures.store(clock: clock)
        var request = try CreateTableRequest(jsonText: Fixtures.customerAccount)
        request.streamViewType = view
        try store.createTable(request)
        return store
    }

    /// INSERT, MODIFY, no-op put, REMOVE, delete of a missing item.
    private func writeScript(_ store: DynamoDBStore) throws {
        try store.putItem("CustomerAccount", Fixtures.customer("a"))
        try store.putItem("CustomerAccount", Fixtures.customer("a", ["balance": .n("11")]))
        try store.putItem("CustomerAccount", Fixtures.customer("a", ["balance": .n("11.00")]))  // identical after canonicalisation
        try store.deleteItem("CustomerAccount", key: ["customer_id": .s("a")])
        try store.deleteItem("CustomerAccount", key: ["customer_id": .s("a")])
    }

    func testImagesPerViewType() throws {
        let expected: [StreamViewType: [(Bool, Bool)]] = [  // (has NewImage, has OldImage) for INSERT, MODIFY, REMOVE
            .keysOnly: [(false, false), (false, false), (false, false)],
            .newImage: [(true, false), (true, false), (false, false)],
            .oldImage: [(false, false), (false, true), (false, true)],
            .newAndOldImages: [(true, false), (true, true), (false, true)],
        ]
        for view in StreamViewType.allCases {
            let store = try makeStore(view: view)
            try writeScript(store)
            let records = try store.streamRecords("CustomerAccount")
            XCTAssertEqual(records.map(\.eventName), [.insert, .modify, .remove], "\(view)")
            for (record, (hasNew, hasOld)) in zip(records, expected[view] ?? []) {
                XCTAssertEqual(record.newImage != nil, hasNew, "\(view) \(record.eventName)")
                XCTAssertEqual(record.oldImage != nil, hasOld, "\(view) \(record.eventName)")
                XCTAssertEqual(record.keys, ["customer_id": .s("a")])
                XCTAssertEqual(record.viewType, view)
                XCTAssertGreaterThanOrEqual(record.sizeBytes, 1)
            }
        }
    }

    func testNewAndOldImageContentsAreCanonical() throws {
        let store = try makeStore(view: .newAndOldImages)
        try writeScript(store)
        let records = try store.streamRecords("CustomerAccount")
        XCTAssertEqual(records[1].oldImage?["balance"], .n("10.5"))
        XCTAssertEqual(records[1].newImage?["balance"], .n("11"))
        XCTAssertEqual(records[2].oldImage?["balance"], .n("11"))
        XCTAssertEqual(records[0].sizeBytes, ItemRules.size(of: ["customer_id": .s("a")]) + ItemRules.size(of: records[0].newImage ?? [:]))
    }

    func testNoRecordForNoOpWritesInBulk() throws {
        let store = try makeStore(view: .newAndOldImages)
        let items = (0..<50).map { Fixtures.customer("n\($0)") }
        XCTAssertEqual(try store.putItems("CustomerAccount", items).streamRecords, 50)
        // INSERT OVERWRITE of identical data: no records at all.
        let again = try store.putItems("CustomerAccount", items)
        XCTAssertEqual(again.unchanged, 50)
        XCTAssertEqual(again.streamRecords, 0)
        XCTAssertEqual(try store.streamRecords("CustomerAccount").count, 50)
        // Set order does not make a change.
        try store.putItem("CustomerAccount", Fixtures.customer("set", ["tags": .ss(["x", "y"])]))
        XCTAssertEqual(try store.putItem("CustomerAccount", Fixtures.customer("set", ["tags": .ss(["y", "x"])])), .unchanged)
        // Deletion mode over missing keys: nothing.
        try store.deleteItems("CustomerAccount", [["customer_id": .s("nobody")]])
        XCTAssertEqual(try store.streamRecords("CustomerAccount").count, 51)
    }

    func testSequenceNumbersTimesAndFilters() throws {
        let clock = ManualClock(Fixtures.epoch)
        let store = try makeStore(view: .keysOnly, clock: clock)
        for index in 0..<5 {
            try store.putItem("CustomerAccount", Fixtures.customer("s\(index)"))
            clock.advance(by: 10.7)
        }
        let records = try store.streamRecords("CustomerAccount")
        let numbers = records.map(\.sequenceNumber)
        XCTAssertEqual(numbers.first, "100000000000000000001")
        XCTAssertTrue(numbers.allSatisfy { $0.count == 21 })
        XCTAssertEqual(numbers, numbers.sorted())
        XCTAssertEqual(Set(records.map(\.eventID)).count, 5)
        XCTAssertEqual(records.map { Int($0.created.timeIntervalSince1970 - Fixtures.epoch.timeIntervalSince1970) }, [0, 10, 21, 32, 42])
        XCTAssertEqual(try store.streamRecords("CustomerAccount", afterSequence: 3).map(\.sequence), [4, 5])
        XCTAssertEqual(try store.streamRecords("CustomerAccount", from: Fixtures.epoch.addingTimeInterval(20),
                                               to: Fixtures.epoch.addingTimeInterval(40)).map(\.sequence), [3, 4])
        XCTAssertEqual(StreamRecord.sequence(fromText: "100000000000000000004"), 4)
    }

    func testLambdaRecordShape() throws {
        let store = try Fixtures.store()
        store.region = "eu-west-1"
        try store.createTable(CreateTableRequest(jsonText: Fixtures.customerAccount))
        try store.putItem("CustomerAccount", ["customer_id": .s("x"), "n": .n("1.0E2")])
        let record = try XCTUnwrap(try store.streamRecords("CustomerAccount").first)
        let json = record.json()
        XCTAssertEqual(json.objectValue?.map(\.0), ["eventID", "eventName", "eventVersion", "eventSource", "awsRegion", "dynamodb", "eventSourceARN"])
        XCTAssertEqual(json["eventVersion"], .string("1.1"))
        XCTAssertEqual(json["eventSource"], .string("aws:dynamodb"))
        XCTAssertEqual(json["awsRegion"], .string("eu-west-1"))
        XCTAssertEqual(json["eventSourceARN"], .string("arn:aws:dynamodb:eu-west-1:000000000000:table/CustomerAccount/stream/2025-11-24T16:00:00.000"))
        XCTAssertEqual(json["dynamodb"]?.objectValue?.map(\.0),
                       ["ApproximateCreationDateTime", "Keys", "NewImage", "SequenceNumber", "SizeBytes", "StreamViewType"])
        XCTAssertEqual(json["dynamodb"]?["ApproximateCreationDateTime"], .number("1764000000"))
        XCTAssertEqual(json["dynamodb"]?["NewImage"]?["n"], .object([("N", .string("100"))]))
        XCTAssertEqual(record.json(includeSourceArn: false)["eventSourceARN"], nil)
        XCTAssertEqual(record.eventID.count, 32)
    }

    func testTableWithoutStreamHasNoRecords() throws {
        let store = try Fixtures.store()
        try store.createTable(CreateTableRequest(jsonText: Fixtures.orders))
        try store.putItem("Orders", ["pk": .s("a"), "sk": .n("1")])
        assertValidation(try store.streamRecords("Orders"), contains: "has no stream")
        let count = try store.connection.scalar("SELECT count(*) FROM ddb_stream_records")?.int64Value
        XCTAssertEqual(count, 0)
    }
}
