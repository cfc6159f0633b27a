import DynamoDBEmulation
import XCTest
import HQLSyntax
@testable import HQLRuntime

/// The storage handler against the emulated service in the same warehouse. Expectations follow the connector's
/// rules in ../shared/reference/dynamodb-emulation.md (§1.1 CREATE checks, §4 writes, §3.2 reads).
final class DynamoDBHandlerTests: XCTestCase {
    private var session: Session!
    private var store: DynamoDBStore!

    override func setUpWithError() throws {
        session = Session(warehouse: try Warehouse.inMemory())
        store = try DynamoDBStore(connection: session.warehouse.connection)
        _ = try store.createTable(CreateTableRequest(jsonText: """
            {"TableName": "Accounts", "AttributeDefinitions": [{"AttributeName": "id", "AttributeType": "S"}],
             "KeySchema": [{"AttributeName": "id", "KeyType": "HASH"}], "BillingMode": "PAY_PER_REQUEST",
             "StreamSpecification": {"StreamEnabled": true, "StreamViewType": "NEW_AND_OLD_IMAGES"}}
            """))
    }

    private func run(_ text: String) throws -> [String] {
        var lines: [String] = []
        for statement in Parser.parseScript(SourceFile(name: "t.hql", text: text)).statements {
            let sink = CollectingSink()
            try session.execute(statement, sink: sink)
            lines += sink.rows.map { $0.joined(separator: "\t") }
        }
        return lines
    }

    private func createTable(external: Bool = true, mapping: String = "id:id,owner:Owner,balance:balance,active:active",
                             table: String = "Accounts", types: String = "id STRING, owner STRING, balance DOUBLE, active BOOLEAN") -> String {
        """
        CREATE \(external ? "EXTERNAL " : "")TABLE ddb (\(types))
        STORED BY 'org.apache.hadoop.hive.dynamodb.DynamoDBStorageHandler'
        TBLPROPERTIES ("dynamodb.table.name" = "\(table)", "dynamodb.column.mapping" = "\(mapping)");
        """
    }

    private func assertFails(_ text: String, _ message: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertThrowsError(try run(text), file: file, line: line) { error in
            XCTAssertTrue("\(error)".contains(message), "\(error)", file: file, line: line)
        }
    }

    func testCreateChecks() throws {
        assertFails(createTable(external: false), "Only EXTERNAL tables are supported for DynamoDB.")
        assertFails(createTable(table: "Missing"), "Could not lookup table Missing in DynamoDB.")
        assertFails(createTable(mapping: "id:id,owner:Owner,balance:balance"), "Could not find column mapping for column: active")
        assertFails(createTable(mapping: "id:id,owner:,balance:balance,active:active"), "Invalid column mapping for column: owner")
        assertFails(createTable(types: "id STRING, owner STRING, balance INT, active BOOLEAN"),
                    "The hive type int is not supported in DynamoDB")
        assertFails(createTable(mapping: "id:id,owner:Owner,balance:balance,active:active,x:y"),
                    "Could not find column(s) for column mapping(s): x:y")
        // Nothing was created by the failed statements.
        XCTAssertEqual(try run("SHOW TABLES;"), [])
    }

    func testInsertWritesOneItemPerRowAndLeavesOutNulls() throws {
        _ = try run(createTable())
        _ = try run("INSERT OVERWRITE TABLE ddb SELECT 'a', 'ann', 1.5D, true UNION ALL SELECT 'b', NULL, NULL, false;")
        let a = try XCTUnwrap(store.getItem("Accounts", key: ["id": .s("a")]))
        XCTAssertEqual(a["Owner"], .s("ann"))
        XCTAssertEqual(a["balance"], .n("1.5"))
        XCTAssertEqual(a["active"], .bool(true))
        let b = try XCTUnwrap(store.getItem("Accounts", key: ["id": .s("b")]))
        XCTAssertNil(b["Owner"], "a NULL column writes no attribute")
        XCTAssertNil(b["balance"])
        XCTAssertEqual(try run("SELECT id, owner, balance, active FROM ddb ORDER BY id;"),
                       ["a\tann\t1.5\ttrue", "b\tNULL\tNULL\tfalse"])
    }

    func testOverwriteNeverDeletesOtherItems() throws {
        _ = try run(createTable())
        _ = try run("INSERT INTO ddb SELECT 'a', 'ann', 1.0D, true;")
        _ = try run("INSERT OVERWRITE TABLE ddb SELECT 'b', 'bob', 2.0D, true;")
        XCTAssertEqual(try run("SELECT id FROM ddb ORDER BY id;"), ["a", "b"])
    }

    func testIdenticalPutMakesNoStreamRecord() throws {
        _ = try run(createTable())
        _ = try run("INSERT INTO ddb SELECT 'a', 'ann', 1.0D, true;")
        _ = try run("INSERT INTO ddb SELECT 'a', 'ann', 1.0D, true;")
        _ = try run("INSERT INTO ddb SELECT 'a', 'ann', 2.0D, true;")
        let events: [StreamEventName] = try store.streamRecords("Accounts").map { $0.eventName }
        XCTAssertEqual(events, [.insert, .modify])
    }

    func testAFailingRowWritesNothing() throws {
        _ = try run(createTable())
        // An empty string is not a valid key (§7.1): the statement fails and no item of it lands.
        XCTAssertThrowsError(try run("INSERT INTO ddb SELECT 'a', 'ann', 1.0D, true UNION ALL SELECT '', 'x', 1.0D, true;"))
        XCTAssertEqual(try run("SELECT count(*) FROM ddb;"), ["0"])
    }
}
