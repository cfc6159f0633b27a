import Foundation

/// The response documents of the `hqlrun ddb …` / `hqlrun streams …` commands, shaped as the AWS CLI prints them
/// (`aws --output json`: 4-space indent; an empty response prints nothing). Kept here, next to the service, so the
/// tests pin the exact output and the CLI stays a thin layer.
public enum CLIResponses {
    /// The text the AWS CLI prints for a response: pretty JSON and a newline, or nothing for `{}`.
    public static func render(_ response: JSONValue) -> String {
        if case .object(let members) = response, members.isEmpty { return "" }
        return response.prettyText() + "\n"
    }

    /// `create-table`: `{"TableDescription": {…}}`.
    public static func createTable(_ store: DynamoDBStore, _ request: CreateTableRequest) throws -> JSONValue {
        try store.createTable(request)
        return .object([("TableDescription", try store.describeTable(request.tableName))])
    }

    /// `describe-table`: `{"Table": {…}}`.
    public static func describeTable(_ store: DynamoDBStore, _ name: String) throws -> JSONValue {
        .object([("Table", try store.describeTable(name))])
    }

    /// `list-tables`: `{"TableNames": […]}`.
    public static func listTables(_ store: DynamoDBStore) throws -> JSONValue {
        .object([("TableNames", .array(try store.listTables().map { .string($0) }))])
    }

    /// `delete-table`: `{"TableDescription": {… "TableStatus": "DELETING" …}}`.
    public static func deleteTable(_ store: DynamoDBStore, _ name: String) throws -> JSONValue {
        .object([("TableDescription", try store.deleteTable(name))])
    }

    /// `put-item`: no output (`{}`).
    public static func putItem(_ store: DynamoDBStore, _ table: String, itemJSON: String) throws -> JSONValue {
        try store.putItem(table, AttributeValue.item(jsonText: itemJSON))
        return .object([])
    }

    /// `get-item`: `{"Item": {…}}`, or nothing when the item does not exist.
    public static func getItem(_ store: DynamoDBStore, _ table: String, keyJSON: String) throws -> JSONValue {
        guard let item = try store.getItem(table, key: AttributeValue.item(jsonText: keyJSON)) else { return .object([]) }
        return .object([("Item", AttributeValue.itemJSON(item))])
    }

    /// `delete-item`: no output.
    public static func deleteItem(_ store: DynamoDBStore, _ table: String, keyJSON: String) throws -> JSONValue {
        try store.deleteItem(table, key: AttributeValue.item(jsonText: keyJSON))
        return .object([])
    }

    /// `scan` (all pages, as the AWS CLI paginates): `{"Items": […], "Count": n, "ScannedCount": n, "ConsumedCapacity": null}`.
    public static func scan(_ store: DynamoDBStore, _ table: String) throws -> JSONValue {
        var items: [JSONValue] = []
        try store.forEachItem(table) { item in
            items.append(AttributeValue.itemJSON(item))
            return true
        }
        return itemsResponse(items)
    }

    /// `query`: the same shape as `scan`.
    public static func query(
        _ store: DynamoDBStore, _ table: String, expression: String, valuesJSON: String, namesJSON: String?,
        scanIndexForward: Bool = true
    ) throws -> JSONValue {
        let description = try store.table(named: table)
        let values = try AttributeValue.item(jsonText: valuesJSON)
        var names: [String: String] = [:]
        if let namesJSON {
            for (name, value) in try JSONValue.parse(namesJSON).objectValue ?? [] {
                guard let resolved = value.stringValue else {
                    throw DynamoDBError(.validation, "ExpressionAttributeNames values must be strings")
                }
                names[name] = resolved
            }
        }
        let condition = try KeyCondition(expression: expression, values: values, names: names, table: description)
        var items: [JSONValue] = []
        var start: Item?
        repeat {
            let page = try store.query(table, condition, limit: 1000, exclusiveStartKey: start, scanIndexForward: scanIndexForward)
            items += page.items.map(AttributeValue.itemJSON)
            start = page.lastEvaluatedKey
        } while start != nil
        return itemsResponse(items)
    }

    private static func itemsResponse(_ items: [JSONValue]) -> JSONValue {
        .object([("Items", .array(items)), ("Count", .integer(items.count)), ("ScannedCount", .integer(items.count)),
                 ("ConsumedCapacity", .null)])
    }

    /// `streams stream-records`: `{"Records": […]}` in the Lambda event shape.
    public static func streamRecords(_ store: DynamoDBStore, _ table: String, after: Int64?, from: Date?, to: Date?) throws -> JSONValue {
        .object([("Records", .array(try store.streamRecords(table, afterSequence: after, from: from, to: to).map { $0.json() }))])
    }

    /// `streams list-event-source-mappings`: `{"EventSourceMappings": […]}`.
    public static func listEventSourceMappings(_ store: DynamoDBStore) throws -> JSONValue {
        .object([("EventSourceMappings", .array(try store.listEventSourceMappings().map { try store.describeEventSourceMapping($0.uuid) }))])
    }

    /// One mapping's delivery report.
    public static func report(_ report: DeliveryReport) -> JSONValue {
        .object([
            ("UUID", .string(report.mappingID)),
            ("Batches", .array(report.batches.map { batch in
                let outcome: (String, String?) = {
                    switch batch.outcome {
                    case .delivered: return ("Delivered", nil)
                    case .discarded(let condition): return ("Discarded", condition)
                    case .blocked(let error): return ("Blocked", error)
                    }
                }()
                var members: [(String, JSONValue)] = [
                    ("FirstSequenceNumber", .string(StreamRecord.sequenceText(batch.firstSequence))),
                    ("LastSequenceNumber", .string(StreamRecord.sequenceText(batch.lastSequence))),
                    ("Count", .integer(batch.count)),
                    ("InvokedAt", .string(TimeFormat.cliTimestamp(batch.invokedAt))),
                    ("Invocations", .integer(batch.invocations)),
                    ("Outcome", .string(outcome.0)),
                ]
                if let detail = outcome.1 { members.append(("Detail", .string(detail))) }
                return .object(members)
            })),
            ("PendingRecords", .integer(report.pendingRecords)),
            ("NextDue", report.nextDue.map { .string(TimeFormat.cliTimestamp($0)) } ?? .null),
        ])
    }
}
