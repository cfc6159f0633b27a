import Foundation
import SQLiteStore
import XCTest

@testable import DynamoDBEmulation

/// Test fixtures shared by the store, stream and mapping tests.
enum Fixtures {
    static let customerAccount = """
        {
            "TableName": "CustomerAccount",
            "AttributeDefinitions": [{"AttributeName": "customer_id", "AttributeType": "S"}],
            "KeySchema": [{"AttributeName": "customer_id", "KeyType": "HASH"}],
            "BillingMode": "PAY_PER_REQUEST",
            "StreamSpecification": {"StreamEnabled": true, "StreamViewType": "NEW_AND_OLD_IMAGES"}
        }
        """

    static let orders = """
        {"Type": "AWS::DynamoDB::Table", "Properties": {
            "TableName": "Orders",
            "AttributeDefinitions": [{"AttributeName": "pk", "AttributeType": "S"}, {"AttributeName": "sk", "AttributeType": "N"},
                                     {"AttributeName": "gsi_pk", "AttributeType": "S"}],
            "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"}, {"AttributeName": "sk", "KeyType": "RANGE"}],
            "ProvisionedThroughput": {"ReadCapacityUnits": 5, "WriteCapacityUnits": 5},
            "GlobalSecondaryIndexes": [{"IndexName": "byGsi", "KeySchema": [{"AttributeName": "gsi_pk", "KeyType": "HASH"}],
                                        "Projection": {"ProjectionType": "ALL"},
                                        "ProvisionedThroughput": {"ReadCapacityUnits": 5, "WriteCapacityUnits": 5}}]
        }}
        """

    static let epoch = Date(timeIntervalSince1970: 1_764_000_000)

    static func store(clock: ManualClock = ManualClock(epoch)) throws -> DynamoDBStore {
        try DynamoDBStore(connection: Connection(), clock: clock)
    }

    static func customer(_ id: String, _ extra: Item = [:]) -> Item {
        var item: Item = ["customer_id": .s(id), "name": .s("Name \(id)"), "balance": .n("10.50")]
        for (name, value) in extra { item[name] = value }
        return item
    }
}

/// Tables, items and the service rules (§7.1).
final class StoreTests: XCTestCase {
    func testCreateDescribeListDelete() throws {
        let store = try Fixtures.store()
        let table = try store.createTable(CreateTableRequest(jsonText: Fixtures.customerAccount))
        XCTAssertEqual(table.streamViewType, .newAndOldImages)
        XCTAssertEqual(table.streamArn, "arn:aws:dynamodb:us-east-1:000000000000:table/CustomerAccount/stream/2025-11-24T16:00:00.000")
        try store.createTable(CreateTableRequest(jsonText: Fixtures.orders))
        XCTAssertEqual(try store.listTables(), ["CustomerAccount", "Orders"])
        assertValidation(try store.createTable(CreateTableRequest(jsonText: Fixtures.customerAccount)),
                         contains: "Table already exists: CustomerAccount", code: .resourceInUse)
        try store.putItem("CustomerAccount", Fixtures.customer("c1"))
        let description = try store.describeTable("CustomerAccount")
        XCTAssertEqual(description["TableStatus"], .string("ACTIVE"))
        XCTAssertEqual(description["ItemCount"], .integer(1))
        XCTAssertEqual(description["BillingModeSummary"]?["BillingMode"], .string("PAY_PER_REQUEST"))
        XCTAssertEqual(description["LatestStreamArn"], .string(table.streamArn ?? ""))
        let orders = try store.describeTable("Orders")
        XCTAssertEqual(orders["ProvisionedThroughput"]?["ReadCapacityUnits"], .integer(5))
        XCTAssertEqual(orders["GlobalSecondaryIndexes"]?.arrayValue?.count, 1)
        XCTAssertEqual(try store.deleteTable("Orders")["TableStatus"], .string("DELETING"))
        XCTAssertEqual(try store.listTables(), ["CustomerAccount"])
        assertValidation(try store.describeTable("Orders"), contains: "Table: Orders not found", code: .resourceNotFound)
        assertValidation(try store.putItem("Nope", ["a": .s("b")]), contains: "not found", code: .resourceNotFound)
    }

    func testCreateTableValidation() throws {
        let store = try Fixtures.store()
        func create(_ json: String) throws { try store.createTable(CreateTableRequest(jsonText: json)) }
        let key = #""KeySchema":[{"AttributeName":"k","KeyType":"HASH"}]"#
        let defs = #""AttributeDefinitions":[{"AttributeName":"k","AttributeType":"S"}]"#
        assertValidation(try create(#"{"TableName":"ab",\#(key),\#(defs),"BillingMode":"PAY_PER_REQUEST"}"#),
                         contains: "greater than or equal to 3")
        assertValidation(try create(#"{"TableName":"a b c",\#(key),\#(defs),"BillingMode":"PAY_PER_REQUEST"}"#),
                         contains: "regular expression pattern")
        assertValidation(try create(#"{"TableName":"abc",\#(key),\#(defs)}"#), contains: "must both be specified")
        assertValidation(try create(#"{"TableName":"abc",\#(key),"AttributeDefinitions":[{"AttributeName":"k","AttributeType":"BOOL"}],"BillingMode":"PAY_PER_REQUEST"}"#),
                         contains: "enum value set: [B, N, S]")
        assertValidation(try create(#"{"TableName":"abc",\#(key),"AttributeDefinitions":[],"BillingMode":"PAY_PER_REQUEST"}"#),
                         contains: "not defined in AttributeDefinitions")
        assertValidation(try create(#"{"TableName":"abc",\#(key),"AttributeDefinitions":[{"AttributeName":"k","AttributeType":"S"},{"AttributeName":"x","AttributeType":"S"}],"BillingMode":"PAY_PER_REQUEST"}"#),
                         contains: "does not exactly match")
        XCTAssertNoThrow(try create(#"{"TableName":"abc",\#(key),\#(defs),"BillingMode":"PAY_PER_REQUEST"}"#))
    }

    func testKeyRules() throws {
        let store = try Fixtures.store()
        try store.createTable(CreateTableRequest(jsonText: Fixtures.customerAccount))
        try store.createTable(CreateTableRequest(jsonText: Fixtures.orders))
        assertValidation(try store.putItem("CustomerAccount", ["name": .s("x")]),
                         contains: "One or more parameter values were invalid: Missing the key customer_id in the item")
        assertValidation(try store.putItem("CustomerAccount", ["customer_id": .n("1")]),
                         contains: "Type mismatch for key customer_id expected: S actual: N")
        assertValidation(try store.putItem("CustomerAccount", ["customer_id": .null]),
                         contains: "Type mismatch for key customer_id expected: S actual: NULL")
        assertValidation(try store.putItem("CustomerAccount", ["customer_id": .s("")]),
                         contains: "cannot contain an empty string value. Key: customer_id")
        assertValidation(try store.putItem("CustomerAccount", ["customer_id": .s(String(repeating: "k", count: 2049))]),
                         contains: "Size of hashkey has exceeded the maximum size limit of 2048 bytes")
        XCTAssertNoThrow(try store.putItem("CustomerAccount", ["customer_id": .s(String(repeating: "k", count: 2048))]))
        assertValidation(try store.putItem("Orders", ["pk": .s("a"), "sk": .n(String(repeating: "1", count: 38) + "E900")]),
                         contains: "Number overflow")
        // Empty non-key strings and binaries are fine, also inside collections.
        XCTAssertNoThrow(try store.putItem("CustomerAccount", Fixtures.customer("e", ["note": .s(""), "raw": .b([]), "l": .l([.s("")])])))
        // Index keys: type and emptiness.
        assertValidation(try store.putItem("Orders", ["pk": .s("a"), "sk": .n("1"), "gsi_pk": .n("3")]),
                         contains: "Type mismatch for Index Key gsi_pk Expected: S Actual: N IndexName: byGsi")
        assertValidation(try store.putItem("Orders", ["pk": .s("a"), "sk": .n("1"), "gsi_pk": .s("")]),
                         contains: "secondary index key")
        // Item size: 400 KB.
        assertValidation(try store.putItem("CustomerAccount", ["customer_id": .s("big"), "blob": .b(Array(repeating: 1, count: 409_600))]),
                         contains: "Item size has exceeded the maximum allowed size")
        XCTAssertNoThrow(try store.putItem("CustomerAccount", ["customer_id": .s("big"), "b": .b(Array(repeating: 1, count: 409_600 - 14 - 1))]))
        // GetItem needs exactly the key.
        assertValidation(try store.getItem("Orders", key: ["pk": .s("a")]), contains: "The provided key element does not match the schema")
        assertValidation(try store.getItem("CustomerAccount", key: ["customer_id": .s("a"), "x": .s("b")]),
                         contains: "does not match the schema")
    }

    func testPutGetDeleteAndCanonicalNumbers() throws {
        let store = try Fixtures.store()
        try store.createTable(CreateTableRequest(jsonText: Fixtures.orders))
        XCTAssertEqual(try store.putItem("Orders", ["pk": .s("a"), "sk": .n("1.0"), "v": .n("00042"), "s": .ns(["1.50", "2"])]), .inserted)
        let item = try XCTUnwrap(try store.getItem("Orders", key: ["pk": .s("a"), "sk": .n("1")]))
        XCTAssertEqual(item["sk"], .n("1"))
        XCTAssertEqual(item["v"], .n("42"))
        XCTAssertEqual(item["s"], .ns(["1.5", "2"]))
        // 1 and 1.00 name the same item.
        try store.putItem("Orders", ["pk": .s("a"), "sk": .n("1.00"), "v": .n("7")])
        XCTAssertEqual(try store.scan("Orders").items.count, 1)
        XCTAssertEqual(try store.getItem("Orders", key: ["pk": .s("a"), "sk": .n("1")])?["v"], .n("7"))
        XCTAssertEqual(try store.deleteItem("Orders", key: ["pk": .s("a"), "sk": .n("1E0")]), .removed)
        XCTAssertNil(try store.getItem("Orders", key: ["pk": .s("a"), "sk": .n("1")]))
        XCTAssertEqual(try store.deleteItem("Orders", key: ["pk": .s("a"), "sk": .n("1")]), .unchanged)
        // Conditional puts.
        try store.putItem("Orders", ["pk": .s("c"), "sk": .n("1")], condition: .itemNotExists)
        assertValidation(try store.putItem("Orders", ["pk": .s("c"), "sk": .n("1")], condition: .itemNotExists),
                         contains: "The conditional request failed", code: .conditionalCheckFailed)
        assertValidation(try store.putItem("Orders", ["pk": .s("d"), "sk": .n("1")], condition: .itemExists),
                         contains: "The conditional request failed", code: .conditionalCheckFailed)
    }

    func testScanInKeyOrderWithPagination() throws {
        let store = try Fixtures.store()
        try store.createTable(CreateTableRequest(jsonText: Fixtures.orders))
        for (pk, sk) in [("b", "10"), ("a", "2"), ("a", "-1"), ("b", "9.5"), ("a", "10"), ("a\u{0}", "1")] {
            try store.putItem("Orders", ["pk": .s(pk), "sk": .n(sk)])
        }
        let all = try store.scan("Orders").items.map { "\($0["pk"].map { "\($0)" } ?? "")/\($0["sk"].map { "\($0)" } ?? "")" }
        XCTAssertEqual(all, [#"s("a")/n("-1")"#, #"s("a")/n("2")"#, #"s("a")/n("10")"#, #"s("a\0")/n("1")"#,
                             #"s("b")/n("9.5")"#, #"s("b")/n("10")"#])
        let first = try store.scan("Orders", limit: 4)
        XCTAssertEqual(first.items.count, 4)
        let start = try XCTUnwrap(first.lastEvaluatedKey)
        XCTAssertEqual(start, ["pk": .s("a\u{0}"), "sk": .n("1")])
        let second = try store.scan("Orders", limit: 4, exclusiveStartKey: start)
        XCTAssertEqual(second.items.map { $0["sk"] }, [.n("9.5"), .n("10")])
        XCTAssertNil(second.lastEvaluatedKey)
    }

    func testQueryKeyConditions() throws {
        let store = try Fixtures.store()
        let table = try store.createTable(CreateTableRequest(jsonText: Fixtures.orders))
        for sk in ["1", "2", "3", "10", "20"] { try store.putItem("Orders", ["pk": .s("a"), "sk": .n(sk)]) }
        try store.putItem("Orders", ["pk": .s("b"), "sk": .n("1")])
        let values: Item = [":p": .s("a"), ":lo": .n("2"), ":hi": .n("10"), ":one": .n("1.0")]
        func run(_ expression: String, forward: Bool = true) throws -> [String] {
            let condition = try KeyCondition(expression: expression, values: values, names: ["#k": "sk"], table: table)
            return try store.query("Orders", condition, scanIndexForward: forward).items.compactMap {
                if case .n(let text)? = $0["sk"] { return text }
                return nil
            }
        }
        XCTAssertEqual(try run("pk = :p"), ["1", "2", "3", "10", "20"])
        XCTAssertEqual(try run("pk = :p", forward: false), ["20", "10", "3", "2", "1"])
        XCTAssertEqual(try run("pk = :p AND sk BETWEEN :lo AND :hi"), ["2", "3", "10"])
        XCTAssertEqual(try run("pk = :p AND #k < :lo"), ["1"])
        XCTAssertEqual(try run("pk = :p AND sk <= :lo"), ["1", "2"])
        XCTAssertEqual(try run("pk = :p AND sk > :hi"), ["20"])
        XCTAssertEqual(try run("(pk = :p) AND (sk >= :hi)"), ["10", "20"])
        XCTAssertEqual(try run("pk = :p AND sk = :one"), ["1"])
        assertValidation(try run("sk = :one"), contains: "Query condition missed key schema element: pk")
        assertValidation(try run("pk = :p AND begins_with(sk, :one)"), contains: "operand type: N")
        assertValidation(try run("pk = :missing"), contains: "not defined; attribute value: :missing")
    }

    func testPersistenceAcrossReopen() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ddb-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("warehouse.db").path
        do {
            let store = try DynamoDBStore(path: path)
            try store.createTable(CreateTableRequest(jsonText: Fixtures.customerAccount))
            try store.putItem("CustomerAccount", Fixtures.customer("p1"))
        }
        let reopened = try DynamoDBStore(path: path)
        XCTAssertEqual(try reopened.getItem("CustomerAccount", key: ["customer_id": .s("p1")])?["balance"], .n("10.5"))
        XCTAssertEqual(try reopened.streamRecords("CustomerAccount").count, 1)
    }

    func testExportLines() throws {
        let store = try Fixtures.store()
        try store.createTable(CreateTableRequest(jsonText: Fixtures.customerAccount))
        try store.putItem("CustomerAccount", ["customer_id": .s("b"), "n": .n("1")])
        try store.putItem("CustomerAccount", ["customer_id": .s("a")])
        var lines: [String] = []
        try store.export("CustomerAccount") { lines.append($0) }
        XCTAssertEqual(lines, [#"{"Item":{"customer_id":{"S":"a"}}}"#, #"{"Item":{"customer_id":{"S":"b"},"n":{"N":"1"}}}"#])
    }
}
