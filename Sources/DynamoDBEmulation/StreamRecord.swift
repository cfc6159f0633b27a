import Foundation
import SQLiteStore

/// One DynamoDB Streams record (spec §8.1), rendered in the exact shape of a Lambda DynamoDB event record.
public struct StreamRecord: Sendable, Equatable {
    /// The per-table sequence (1, 2, …); `sequenceNumber` is its 21-digit text.
    public var sequence: Int64
    /// INSERT, MODIFY or REMOVE.
    public var eventName: StreamEventName
    /// When the change was written (store clock).
    public var created: Date
    /// The key attributes.
    public var keys: Item
    /// The item before the change (OLD_IMAGE / NEW_AND_OLD_IMAGES, MODIFY and REMOVE).
    public var oldImage: Item?
    /// The item after the change (NEW_IMAGE / NEW_AND_OLD_IMAGES, INSERT and MODIFY).
    public var newImage: Item?
    /// Keys plus images, by DynamoDB's item-size rules (≥ 1).
    public var sizeBytes: Int
    /// The stream's view type.
    public var viewType: StreamViewType
    /// The table's region.
    public var region: String
    /// The stream ARN (`eventSourceARN`).
    public var streamArn: String

    /// The `SequenceNumber`: 21 decimal digits, increasing, as the service's look.
    public var sequenceNumber: String { StreamRecord.sequenceText(sequence) }

    /// The 21-digit text of a sequence.
    public static func sequenceText(_ sequence: Int64) -> String {
        let digits = String(sequence)
        return "1" + String(repeating: "0", count: max(0, 20 - digits.count)) + digits
    }

    /// The sequence of 21-digit text (or a plain integer), or nil.
    public static func sequence(fromText text: String) -> Int64? {
        if text.count == 21, text.hasPrefix("1"), let value = Int64(text.dropFirst()) { return value }
        return Int64(text)
    }

    /// A deterministic 32-hex-digit `eventID` from the stream ARN and the sequence.
    public var eventID: String {
        var first: UInt64 = 0xcbf2_9ce4_8422_2325
        var second: UInt64 = 0x8422_2325_cbf2_9ce4
        for byte in (streamArn + "#" + String(sequence)).utf8 {
            first = (first ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
            second = (second &+ UInt64(byte)) &* 0x9E37_79B9_7F4A_7C15
            second ^= second >> 29
        }
        func hex(_ value: UInt64) -> String {
            let text = String(value, radix: 16)
            return String(repeating: "0", count: 16 - text.count) + text
        }
        return hex(first) + hex(second)
    }

    /// The Lambda event record: `eventID`, `eventName`, `eventVersion` "1.1", `eventSource`, `awsRegion`,
    /// `dynamodb` {…}, and `eventSourceARN` unless `includeSourceArn` is false (GetRecords' shape).
    public func json(includeSourceArn: Bool = true) -> JSONValue {
        var body: [(String, JSONValue)] = [
            ("ApproximateCreationDateTime", .integer(Int64(created.timeIntervalSince1970.rounded(.down)))),
            ("Keys", AttributeValue.itemJSON(keys)),
        ]
        if let newImage { body.append(("NewImage", AttributeValue.itemJSON(newImage))) }
        if let oldImage { body.append(("OldImage", AttributeValue.itemJSON(oldImage))) }
        body += [
            ("SequenceNumber", .string(sequenceNumber)),
            ("SizeBytes", .integer(sizeBytes)),
            ("StreamViewType", .string(viewType.rawValue)),
        ]
        var members: [(String, JSONValue)] = [
            ("eventID", .string(eventID)),
            ("eventName", .string(eventName.name)),
            ("eventVersion", .string("1.1")),
            ("eventSource", .string("aws:dynamodb")),
            ("awsRegion", .string(region)),
            ("dynamodb", .object(body)),
        ]
        if includeSourceArn { members.append(("eventSourceARN", .string(streamArn))) }
        return .object(members)
    }
}

extension DynamoDBStore {
    /// The stream records of a table in sequence order: after `afterSequence` (exclusive), created within
    /// `from…to` (inclusive), at most `limit`.
    public func streamRecords(
        _ tableName: String, afterSequence: Int64? = nil, from: Date? = nil, to: Date? = nil, limit: Int? = nil
    ) throws -> [StreamRecord] {
        let table = try table(named: tableName)
        guard table.streamViewType != nil else {
            throw DynamoDBError(.validation, "Table \(tableName) has no stream: StreamSpecification is not enabled")
        }
        return try records(tableStoreID: table.storeID, stream: table, after: afterSequence ?? 0, from: from, to: to, limit: limit)
    }

    /// The stream definition of a table by its store id (it survives the table's deletion).
    func streamTable(storeID: Int64) throws -> TableDescription? {
        var found: TableDescription?
        try connection.query(
            "SELECT definition, created, table_uuid, region, account FROM ddb_stream_tables WHERE table_id = ?", [.integer(storeID)]
        ) { row in
            guard let request = try? CreateTableRequest(jsonText: row.text(at: 0) ?? "{}") else { return }
            found = TableDescription(
                storeID: storeID, request: request, creationDate: Date(timeIntervalSince1970: row.double(at: 1)),
                tableID: row.text(at: 2) ?? "", region: row.text(at: 3) ?? region, accountID: row.text(at: 4) ?? accountID)
        }
        return found
    }

    /// Reads stored records.
    func records(
        tableStoreID: Int64, stream: TableDescription, after: Int64, from: Date? = nil, to: Date? = nil, limit: Int? = nil
    ) throws -> [StreamRecord] {
        guard let viewType = stream.streamViewType, let arn = stream.streamArn else { return [] }
        var sql = "SELECT seq, event, created, keys, old_image, new_image, size FROM ddb_stream_records WHERE table_id = ? AND seq > ?"
        var arguments: [SQLiteValue] = [.integer(tableStoreID), .integer(after)]
        if let from { sql += " AND created >= ?"; arguments.append(.real(from.timeIntervalSince1970)) }
        if let to { sql += " AND created <= ?"; arguments.append(.real(to.timeIntervalSince1970)) }
        sql += " ORDER BY seq"
        if let limit { sql += " LIMIT \(max(0, limit))" }
        return try wrap {
            var result: [StreamRecord] = []
            try connection.query(sql, arguments) { row in
                result.append(StreamRecord(
                    sequence: row.int64(at: 0), eventName: StreamEventName(rawValue: Int(row.int64(at: 1))) ?? .modify,
                    created: Date(timeIntervalSince1970: row.double(at: 2)),
                    keys: try ItemCodec.decode(row.blob(at: 3) ?? []),
                    oldImage: try row.blob(at: 4).map(ItemCodec.decode), newImage: try row.blob(at: 5).map(ItemCodec.decode),
                    sizeBytes: Int(row.int64(at: 6)), viewType: viewType, region: stream.region, streamArn: arn))
            }
            return result
        }
    }

    /// The last sequence written to a table's stream (0 when empty).
    func lastSequence(tableStoreID: Int64) throws -> Int64 {
        try wrap {
            try connection.scalar(
                "SELECT coalesce(max(seq), 0) FROM ddb_stream_records WHERE table_id = ?", [.integer(tableStoreID)]
            )?.int64Value ?? 0
        }
    }
}
