import Foundation
import XCTest

@testable import DynamoDBEmulation

/// The exact text `hqlrun ddb …` prints, as `aws --output json` would.
final class CLIResponsesTests: XCTestCase {
    private func makeStore() throws -> DynamoDBStore {
        let store = try Fixtures.store()
        return store
    }

    func testCreateAndDescribeTableOutput() throws {
        let store = try makeStore()
        let request = try CreateTableRequest(jsonText: Fixtures.customerAccount)
        let created = try CLIResponses.createTable(store, request)
        let text = CLIResponses.render(created)
        let tableID = try XCTUnwrap(created["TableDescription"]?["TableId"]?.stringValue)
        XCTAssertEqual(text, """
            {
                "TableDescription": {
                    "AttributeDefinitions": [
                        {
                            "AttributeName": "customer_id",
                            "AttributeType": "S"
                        }
                    ],
                    "TableName": "CustomerAccount",
                    "KeySchema": [
                        {
                            "AttributeName": "customer_id",
                            "KeyType": "HASH"
                        }
                    ],
                    "TableStatus": "ACTIVE",
                    "CreationDateTime": "2025-11-24T16:00:00.000000+00:00",
                    "ProvisionedThroughput": {
                        "NumberOfDecreasesToday": 0,
                        "ReadCapacityUnits": 0,
                        "WriteCapacityUnits": 0
                    },
                    "TableSizeBytes": 0,
                    "ItemCount": 0,
                    "TableArn": "arn:aws:dynamodb:us-east-1:000000000000:table/CustomerAccount",
                    "TableId": "\(tableID)",
                    "BillingModeSummary": {
                        "BillingMode": "PAY_PER_REQUEST",
                        "LastUpdateToPayPerRequestDateTime": "2025-11-24T16:00:00.000000+00:00"
                    },
                    "StreamSpecification": {
                        "StreamEnabled": true,
                        "StreamViewType": "NEW_AND_OLD_IMAGES"
                    },
                    "LatestStreamLabel": "2025-11-24T16:00:00.000",
                    "LatestStreamArn": "arn:aws:dynamodb:us-east-1:000000000000:table/CustomerAccount/stream/2025-11-24T16:00:00.000",
                    "DeletionProtectionEnabled": false
                }
            }

            """)
        let described = try CLIResponses.describeTable(store, "CustomerAccount")
        XCTAssertEqual(described["Table"]?["TableId"]?.stringValue, tableID)
        XCTAssertEqual(CLIResponses.render(try CLIResponses.listTables(store)), """
            {
                "TableNames": [
                    "CustomerAccount"
                ]
            }

            """)
    }

    func testPutGetScanOutput() throws {
        let store = try makeStore()
        try store.createTable(CreateTableRequest(jsonText: Fixtures.customerAccount))
        XCTAssertEqual(CLIResponses.render(try CLIResponses.putItem(
            store, "CustomerAccount", itemJSON: #"{"customer_id": {"S": "C1"}, "balance": {"N": "10.50"}, "tags": {"SS": ["b", "a"]}}"#)), "")
        XCTAssertEqual(CLIResponses.render(try CLIResponses.getItem(store, "CustomerAccount", keyJSON: #"{"customer_id": {"S": "C1"}}"#)), """
            {
                "Item": {
                    "balance": {
                        "N": "10.5"
                    },
                    "customer_id": {
                        "S": "C1"
                    },
                    "tags": {
                        "SS": [
                            "a",
                            "b"
                        ]
                    }
                }
            }

            """)
        XCTAssertEqual(CLIResponses.render(try CLIResponses.getItem(store, "CustomerAccount", keyJSON: #"{"customer_id": {"S": "nope"}}"#)), "")
        try store.putItem("CustomerAccount", ["customer_id": .s("C0")])
        XCTAssertEqual(CLIResponses.render(try CLIResponses.scan(store, "CustomerAccount")), """
            {
                "Items": [
                    {
                        "customer_id": {
                            "S": "C0"
                        }
                    },
                    {
                        "balance": {
                            "N": "10.5"
                        },
                        "customer_id": {
                            "S": "C1"
                        },
                        "tags": {
                            "SS": [
                                "a",
                                "b"
                            ]
                        }
                    }
                ],
                "Count": 2,
                "ScannedCount": 2,
                "ConsumedCapacity": null
            }

            """)
        XCTAssertEqual(CLIResponses.render(try CLIResponses.deleteItem(store, "CustomerAccount", keyJSON: #"{"customer_id": {"S": "C0"}}"#)), "")
        XCTAssertEqual(try CLIResponses.scan(store, "CustomerAccount")["Count"], .integer(1))
    }

    func testQueryAndErrorsOutput() throws {
        let store = try makeStore()
        try store.createTable(CreateTableRequest(jsonText: Fixtures.orders))
        for sk in ["3", "1", "2"] { try store.putItem("Orders", ["pk": .s("p"), "sk": .n(sk)]) }
        let result = try CLIResponses.query(store, "Orders", expression: "pk = :p AND #s >= :two",
                                            valuesJSON: #"{":p": {"S": "p"}, ":two": {"N": "2"}}"#, namesJSON: ##"{"#s": "sk"}"##,
                                            scanIndexForward: false)
        XCTAssertEqual(result["Count"], .integer(2))
        XCTAssertEqual(result["Items"]?.arrayValue?.first?["sk"], .object([("N", .string("3"))]))
        XCTAssertThrowsError(try CLIResponses.describeTable(store, "Missing")) { error in
            XCTAssertEqual((error as? DynamoDBError)?.cliMessage(operation: "DescribeTable"),
                           "An error occurred (ResourceNotFoundException) when calling the DescribeTable operation: Requested resource not found: Table: Missing not found")
        }
    }

    func testStreamRecordsAndMappingOutput() throws {
        let store = try makeStore()
        try store.createTable(CreateTableRequest(jsonText: Fixtures.customerAccount))
        try store.putItem("CustomerAccount", ["customer_id": .s("x")])
        let records = try CLIResponses.streamRecords(store, "CustomerAccount", after: nil, from: nil, to: nil)
        XCTAssertEqual(records["Records"]?.arrayValue?.count, 1)
        XCTAssertEqual(records["Records"]?.arrayValue?.first?["dynamodb"]?["Keys"], .object([("customer_id", .object([("S", .string("x"))]))]))
        let mapping = try EventSourceMapping(jsonText: #"{"FunctionName": "f", "TableName": "CustomerAccount", "StartingPosition": "TRIM_HORIZON", "Target": {"File": "/dev/null"}}"#)
        try store.createEventSourceMapping(mapping)
        let listed = try CLIResponses.listEventSourceMappings(store)
        XCTAssertEqual(listed["EventSourceMappings"]?.arrayValue?.first?["UUID"], .string(mapping.uuid))
        let report = CLIResponses.report(try store.deliver(mappingID: mapping.uuid, now: Fixtures.epoch.addingTimeInterval(1)))
        XCTAssertEqual(report["Batches"]?.arrayValue?.first?["Outcome"], .string("Delivered"))
        XCTAssertEqual(report["PendingRecords"], .integer(0))
        XCTAssertEqual(try store.describeEventSourceMapping(mapping.uuid)["CheckpointSequenceNumber"], .string("100000000000000000001"))
    }
}
