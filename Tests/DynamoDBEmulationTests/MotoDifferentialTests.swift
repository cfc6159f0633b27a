import Foundation
import XCTest

@testable import DynamoDBEmulation

/// Differential checks against moto (spec §9), only where moto matches the real service (§9.2 item 13), and only
/// when `python3` with moto and boto3 is installed (otherwise skipped). Everything runs in-process in moto: no
/// network, no AWS.
final class MotoDifferentialTests: XCTestCase {
    /// Items put into a table keyed by `customer_id` (S); each is accepted or rejected by both sides alike.
    private let cases: [(String, String)] = [
        ("plain", #"{"customer_id": {"S": "a"}, "n": {"N": "1"}}"#),
        ("empty non-key string", #"{"customer_id": {"S": "b"}, "note": {"S": ""}}"#),
        ("empty non-key binary", #"{"customer_id": {"S": "c"}, "raw": {"B": ""}}"#),
        ("nested", #"{"customer_id": {"S": "d"}, "m": {"M": {"l": {"L": [{"S": "x"}, {"NULL": true}, {"BOOL": false}]}}}}"#),
        ("missing key", #"{"name": {"S": "x"}}"#),
        ("key type mismatch", #"{"customer_id": {"N": "1"}}"#),
        ("NULL key", #"{"customer_id": {"NULL": true}}"#),
        ("empty string key", #"{"customer_id": {"S": ""}}"#),
        ("partition key over 2048 bytes", #"{"customer_id": {"S": "\#(String(repeating: "k", count: 2049))"}}"#),
        ("partition key of 2048 bytes", #"{"customer_id": {"S": "\#(String(repeating: "k", count: 2048))"}}"#),
        ("item over 400 KB", #"{"customer_id": {"S": "e"}, "big": {"S": "\#(String(repeating: "x", count: 409_600))"}}"#),
    ]

    private func runMoto(_ items: [String]) throws -> [String] {
        let script = """
            import json, sys
            try:
                import boto3
                from moto import mock_aws
                from botocore.exceptions import ClientError
            except Exception:
                print("SKIP"); sys.exit(0)
            with mock_aws():
                client = boto3.client("dynamodb", region_name="us-east-1")
                client.create_table(TableName="CustomerAccount", BillingMode="PAY_PER_REQUEST",
                    AttributeDefinitions=[{"AttributeName": "customer_id", "AttributeType": "S"}],
                    KeySchema=[{"AttributeName": "customer_id", "KeyType": "HASH"}])
                for line in sys.stdin:
                    try:
                        client.put_item(TableName="CustomerAccount", Item=json.loads(line))
                        print("ok")
                    except ClientError as error:
                        print(error.response["Error"]["Code"])
                    except Exception as error:
                        print("ValidationException")
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { throw XCTSkip("python3 is not available") }
        // boto3 takes B as raw bytes or text (which it encodes itself), so the cases use only the empty binary,
        // whose base64 and raw forms agree.
        let text = items.map { $0.replacingOccurrences(of: "\n", with: " ") }.joined(separator: "\n") + "\n"
        let writer = Thread {
            try? input.fileHandleForWriting.write(contentsOf: Data(text.utf8))
            try? input.fileHandleForWriting.close()
        }
        writer.start()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
        if lines.first == "SKIP" { throw XCTSkip("moto / boto3 are not installed") }
        return lines
    }

    func testAcceptanceMatchesMoto() throws {
        guard ProcessInfo.processInfo.environment["DDB_SKIP_MOTO"] == nil else { throw XCTSkip("DDB_SKIP_MOTO is set") }
        let moto = try runMoto(cases.map(\.1))
        XCTAssertEqual(moto.count, cases.count, "\(moto)")
        XCTAssertEqual(moto.filter { $0 == "ok" }.count, 5, "\(moto)")  // the four valid items and the 2048-byte key
        let store = try Fixtures.store()
        try store.createTable(CreateTableRequest(jsonText: Fixtures.customerAccount))
        for ((name, json), motoResult) in zip(cases, moto) {
            let ours: String
            do {
                try store.putItem("CustomerAccount", AttributeValue.item(jsonText: json))
                ours = "ok"
            } catch let error as DynamoDBError {
                ours = error.code.rawValue
            }
            XCTAssertEqual(ours, motoResult, name)
        }
    }
}
