import Foundation

/// The built-in publisher's message: one SNS notification per stream batch, summarising the batch instead of
/// copying the records, so 100 records of the pipeline's items fit SNS's 256 KiB limit with room to spare.
///
/// ```json
/// {"source":"hqlrun.streams","table":"CustomerAccount","eventSourceARN":"arn:…/stream/…","recordCount":100,
///  "eventCounts":{"INSERT":97,"MODIFY":3,"REMOVE":0},
///  "firstSequenceNumber":"100000000000000000001","lastSequenceNumber":"100000000000000000100",
///  "firstApproximateCreationDateTime":1764000000,"lastApproximateCreationDateTime":1764000059,
///  "keys":[{"customer_id":{"S":"C0000001"}},…]}
/// ```
/// `keys` lists each record's `Keys` in stream order (DynamoDB JSON), so a consumer can fetch the items it needs.
/// The subject is `<table>: <n> change(s)`.
public struct BatchNotification: Sendable, Equatable {
    /// The message body (compact JSON).
    public var message: String
    /// The SNS subject.
    public var subject: String

    /// Builds the notification of a batch.
    public init<Records: Collection>(records: Records, table: TableDescription) where Records.Element == StreamRecord {
        var counts: [StreamEventName: Int] = [.insert: 0, .modify: 0, .remove: 0]
        for record in records { counts[record.eventName, default: 0] += 1 }
        let first = records.first
        let last = records.reversed().first
        func seconds(_ record: StreamRecord?) -> JSONValue {
            record.map { .integer(Int64($0.created.timeIntervalSince1970.rounded(.down))) } ?? .null
        }
        let body = JSONValue.object([
            ("source", .string("hqlrun.streams")),
            ("table", .string(table.tableName)),
            ("eventSourceARN", .string(table.streamArn ?? "")),
            ("recordCount", .integer(records.count)),
            ("eventCounts", .object([
                ("INSERT", .integer(counts[.insert] ?? 0)), ("MODIFY", .integer(counts[.modify] ?? 0)),
                ("REMOVE", .integer(counts[.remove] ?? 0)),
            ])),
            ("firstSequenceNumber", first.map { .string($0.sequenceNumber) } ?? .null),
            ("lastSequenceNumber", last.map { .string($0.sequenceNumber) } ?? .null),
            ("firstApproximateCreationDateTime", seconds(first)),
            ("lastApproximateCreationDateTime", seconds(last)),
            ("keys", .array(records.map { AttributeValue.itemJSON($0.keys) })),
        ])
        message = body.compactText
        subject = "\(table.tableName): \(records.count) change\(records.count == 1 ? "" : "s")"
        if subject.count >= 100 { subject = String(subject.suffix(99)) }
    }
}
