import Foundation
import XCTest

@testable import DynamoDBEmulation

/// BatchWriteItem (§7.1) and the bulk path of the Hive handler: atomic and EMR-style partial batches (§4.1, §4.5).
final class BatchWriteTests: XCTestCase {
    private func makeStore() throws -> DynamoDBStore {
        let store = try Fixtures.store()
        try store.createTable(CreateTableRequest(jsonText: Fixtures.customerAccount))
        return store
    }

    func testBatchWriteLimitsAndWholeBatchRejection() throws {
        let store = try makeStore()
        let tooMany = (0..<26).map { WriteRequest.put(Fixtures.customer("c\($0)")) }
        assertValidation(try store.batchWriteItem([("CustomerAccount", tooMany)]), contains: "less than or equal to 25")
        assertValidation(try store.batchWriteItem([("CustomerAccount", [])]), contains: "greater than or equal to 1")
        // A bad request in the middle rejects the whole batch: nothing is written.
        let mixed: [WriteRequest] = [.put(Fixtures.customer("ok1")), .put(["customer_id": .n("1")]), .put(Fixtures.customer("ok2"))]
        assertValidation(try store.batchWriteItem([("CustomerAccount", mixed)]), contains: "Type mismatch for key")
        XCTAssertEqual(try store.scan("CustomerAccount").items.count, 0)
        // Duplicate keys, also put + delete of one key, and numbers compared by value.
        assertValidation(try store.batchWriteItem([("CustomerAccount", [.put(Fixtures.customer("d")), .put(Fixtures.customer("d", ["x": .s("y")]))])]),
                         contains: "Provided list of item keys contains duplicates")
        assertValidation(try store.batchWriteItem([("CustomerAccount", [.put(Fixtures.customer("d")), .delete(key: ["customer_id": .s("d")])])]),
                         contains: "Provided list of item keys contains duplicates")
        // An empty set rejects the batch (moto accepts it).
        assertValidation(try store.batchWriteItem([("CustomerAccount", [.put(Fixtures.customer("s", ["tags": .ss([])]))])]),
                         contains: "may not be empty")
        let result = try store.batchWriteItem([("CustomerAccount", (0..<25).map { .put(Fixtures.customer("c\($0)")) })])
        XCTAssertEqual(result.inserted, 25)
        XCTAssertEqual(try store.scan("CustomerAccount").items.count, 25)
    }

    func testAtomicPutItemsRollsBackAndNamesTheItem() throws {
        let store = try makeStore()
        var items = (0..<60).map { Fixtures.customer(String(format: "k%03d", $0)) }
        items[37]["balance"] = .n("1E200")
        XCTAssertThrowsError(try store.putItems("CustomerAccount", items)) { error in
            guard let error = error as? DynamoDBError else { return XCTFail("\(error)") }
            XCTAssertEqual(error.code, .validation)
            XCTAssertEqual(error.itemIndex, 37)
            XCTAssertEqual(error.itemKey, ["customer_id": .s("k037")])
            XCTAssertEqual(error.attributeName, "balance")
            XCTAssertNil(error.appliedCount)
            XCTAssertTrue(error.description.contains(#"key {"customer_id":{"S":"k037"}}"#), error.description)
        }
        XCTAssertEqual(try store.scan("CustomerAccount").items.count, 0)
        XCTAssertEqual(try store.streamRecords("CustomerAccount").count, 0)
    }

    func testNonAtomicPutItemsKeepsEarlierBatches() throws {
        let store = try makeStore()
        var items = (0..<60).map { Fixtures.customer(String(format: "k%03d", $0)) }
        items[57].removeValue(forKey: "customer_id")
        XCTAssertThrowsError(try store.putItems("CustomerAccount", items, options: BulkWriteOptions(atomic: false))) { error in
            guard let error = error as? DynamoDBError else { return XCTFail("\(error)") }
            XCTAssertEqual(error.itemIndex, 57)
            XCTAssertEqual(error.appliedCount, 50)
            XCTAssertEqual(error.attributeName, "customer_id")
            XCTAssertTrue(error.message.contains("Missing the key customer_id in the item"))
        }
        // Batches 1 and 2 (rows 0–49) stay; the failing batch (50–59) is rejected whole.
        XCTAssertEqual(try store.scan("CustomerAccount").items.count, 50)
        XCTAssertEqual(try store.streamRecords("CustomerAccount").count, 50)
    }

    func testDuplicateKeysPerBatchAndLastWinsAcrossBatches() throws {
        let store = try makeStore()
        var items = (0..<30).map { Fixtures.customer("u\($0)") }
        items[29] = Fixtures.customer("u0", ["version": .n("2")])  // batch 2 repeats a key of batch 1: last wins
        try store.putItems("CustomerAccount", items)
        XCTAssertEqual(try store.getItem("CustomerAccount", key: ["customer_id": .s("u0")])?["version"], .n("2"))
        items[28] = Fixtures.customer("u29")
        items[29] = Fixtures.customer("u29", ["version": .n("3")])  // same batch: fails
        assertValidation(try store.putItems("CustomerAccount", items), contains: "Provided list of item keys contains duplicates")
        assertValidation(try store.putItems("CustomerAccount", [Fixtures.customer("a"), Fixtures.customer("b"), Fixtures.customer("a")],
                                            options: BulkWriteOptions(duplicateKeys: .failWithinCall)),
                         contains: "duplicates")
        XCTAssertNoThrow(try store.putItems("CustomerAccount", [Fixtures.customer("a"), Fixtures.customer("a", ["v": .n("1")])],
                                            options: BulkWriteOptions(duplicateKeys: .lastWins)))
        XCTAssertEqual(try store.getItem("CustomerAccount", key: ["customer_id": .s("a")])?["v"], .n("1"))
    }

    func testDeletionMode() throws {
        let store = try makeStore()
        try store.putItems("CustomerAccount", (0..<5).map { Fixtures.customer("d\($0)") })
        // Other attributes are ignored; missing keys are skipped silently.
        let result = try store.deleteItems("CustomerAccount", [Fixtures.customer("d1"), Fixtures.customer("missing"), ["customer_id": .s("d3")]])
        XCTAssertEqual(result.removed, 2)
        XCTAssertEqual(result.unchanged, 1)
        XCTAssertEqual(try store.scan("CustomerAccount").items.count, 3)
        assertValidation(try store.deleteItems("CustomerAccount", [["name": .s("x")]]), contains: "Given item does not contain any key")
    }

    func testPutReplacesTheWholeItem() throws {
        let store = try makeStore()
        try store.putItem("CustomerAccount", Fixtures.customer("w", ["unmapped": .s("gone soon")]))
        try store.putItems("CustomerAccount", [["customer_id": .s("w"), "name": .s("new")]])
        XCTAssertEqual(try store.getItem("CustomerAccount", key: ["customer_id": .s("w")]), ["customer_id": .s("w"), "name": .s("new")])
    }

    func testPutRowsMatchesPutItems() throws {
        let rowsStore = try makeStore()
        let itemsStore = try makeStore()
        let names = ["name", "customer_id", "balance", "tags", "note"]
        let rows: [[AttributeValue?]] = (0..<40).map { index in
            [.s("N\(index)"), .s(String(format: "r%02d", index)), .n("\(index).50"), index % 2 == 0 ? .ss(["b", "a"]) : nil,
             index % 3 == 0 ? nil : .s("")]
        }
        let batch = ItemRows(names: names, rows: rows)
        let result = try rowsStore.putRows("CustomerAccount", batch)
        XCTAssertEqual(result.streamRecords, 40)
        try itemsStore.putItems("CustomerAccount", (0..<40).map(batch.item(at:)))
        XCTAssertEqual(try rowsStore.scan("CustomerAccount").items, try itemsStore.scan("CustomerAccount").items)
        let first = try XCTUnwrap(try rowsStore.getItem("CustomerAccount", key: ["customer_id": .s("r00")]))
        XCTAssertEqual(first["balance"], .n("0.5"))
        XCTAssertEqual(first["tags"], .ss(["a", "b"]))
        XCTAssertNil(first["note"])
        XCTAssertEqual(try rowsStore.streamRecords("CustomerAccount").map(\.newImage),
                       try itemsStore.streamRecords("CustomerAccount").map(\.newImage))
        XCTAssertEqual(try rowsStore.streamRecords("CustomerAccount").map(\.sizeBytes),
                       try itemsStore.streamRecords("CustomerAccount").map(\.sizeBytes))
        // Identical rows again: no change, no records.
        XCTAssertEqual(try rowsStore.putRows("CustomerAccount", batch).unchanged, 40)
    }

    func testPutRowsErrors() throws {
        let store = try makeStore()
        let names = ["customer_id", "balance"]
        XCTAssertThrowsError(try store.putRows("CustomerAccount", ItemRows(names: names, rows: [[.s("a"), .n("1")], [nil, .n("2")]]))) { error in
            guard let error = error as? DynamoDBError else { return XCTFail("\(error)") }
            XCTAssertEqual(error.itemIndex, 1)
            XCTAssertEqual(error.attributeName, "customer_id")
            XCTAssertTrue(error.message.contains("Missing the key customer_id in the item"))
        }
        XCTAssertThrowsError(try store.putRows("CustomerAccount", ItemRows(names: names, rows: [[.s("a"), .n("1E999")]]))) { error in
            XCTAssertEqual((error as? DynamoDBError)?.attributeName, "balance")
            XCTAssertEqual((error as? DynamoDBError)?.itemKey, ["customer_id": .s("a")])
        }
        assertValidation(try store.putRows("CustomerAccount", ItemRows(names: ["customer_id", "customer_id"], rows: [])),
                         contains: "Duplicate attribute name")
        assertValidation(try store.putRows("CustomerAccount", ItemRows(names: names, rows: [[.s("a")]])),
                         contains: "1 values for 2 attribute names")
        assertValidation(try store.putRows("CustomerAccount", ItemRows(names: names, rows: [[.s("d"), nil], [.s("d"), .n("1")]])),
                         contains: "Provided list of item keys contains duplicates")
        XCTAssertEqual(try store.scan("CustomerAccount").items.count, 0)
    }

    func testValidateItemWritesNothing() throws {
        let store = try makeStore()
        let (item, size) = try store.validateItem("CustomerAccount", ["customer_id": .s("v"), "n": .n("1.50")])
        XCTAssertEqual(item["n"], .n("1.5"))
        XCTAssertEqual(size, ItemRules.size(of: item))
        assertValidation(try store.validateItem("CustomerAccount", ["n": .n("1")]), contains: "Missing the key customer_id")
        XCTAssertEqual(try store.scan("CustomerAccount").items.count, 0)
        XCTAssertEqual(try store.streamRecords("CustomerAccount").count, 0)
    }
}
