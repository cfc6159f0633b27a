import Foundation

/// A table as the store holds it: its definition plus what the service adds (ARN, id, creation time, stream label).
public struct TableDescription: Sendable, Equatable {
    /// The store's internal table number (keys of items and stream records).
    let storeID: Int64
    /// The definition the table was created with.
    public var request: CreateTableRequest
    /// When the table was created.
    public var creationDate: Date
    /// The `TableId` (a UUID).
    public var tableID: String
    /// The table's region (the stream's `awsRegion`).
    public var region: String
    /// The account in ARNs.
    public var accountID: String

    /// The table name.
    public var tableName: String { request.tableName }
    /// The key schema.
    public var keySchema: [KeySchemaElement] { request.keySchema }
    /// The secondary indexes.
    public var secondaryIndexes: [SecondaryIndex] { request.secondaryIndexes }
    /// The stream view type when the stream is enabled.
    public var streamViewType: StreamViewType? { request.streamViewType }
    /// The partition key attribute.
    public var hashKeyName: String { request.keySchema.first?.attributeName ?? "" }
    /// The sort key attribute, if any.
    public var rangeKeyName: String? { request.keySchema.count > 1 ? request.keySchema[1].attributeName : nil }
    /// The names of the key attributes.
    public var keyNames: [String] { request.keySchema.map(\.attributeName) }

    /// The defined type of attribute `name`, if it is a table or index key.
    public func attributeType(of name: String) -> ScalarAttributeType? {
        request.attributeDefinitions.first(where: { $0.attributeName == name })?.attributeType
    }

    /// `arn:aws:dynamodb:REGION:ACCOUNT:table/NAME`.
    public var tableArn: String { "arn:aws:dynamodb:\(region):\(accountID):table/\(tableName)" }

    /// The stream label: the creation time as `yyyy-MM-ddTHH:mm:ss.SSS` (UTC), as the service forms it.
    public var streamLabel: String { TimeFormat.streamLabel(creationDate) }

    /// `arn:aws:dynamodb:REGION:ACCOUNT:table/NAME/stream/LABEL`, or nil without a stream.
    public var streamArn: String? {
        streamViewType == nil ? nil : "\(tableArn)/stream/\(streamLabel)"
    }

    /// The key attributes of `item`.
    public func key(of item: Item) -> Item {
        var key: Item = [:]
        for name in keyNames { key[name] = item[name] }
        return key
    }

    /// The `Table` / `TableDescription` object of DescribeTable / CreateTable / DeleteTable.
    public func describeJSON(status: String = "ACTIVE", itemCount: Int = 0, sizeBytes: Int = 0) -> JSONValue {
        let created = JSONValue.string(TimeFormat.cliTimestamp(creationDate))
        var members: [(String, JSONValue)] = []
        if case .array(let definitions)? = request.json["AttributeDefinitions"] {
            members.append(("AttributeDefinitions", .array(definitions)))
        }
        members += [
            ("TableName", .string(tableName)),
            ("KeySchema", CreateTableRequest.keySchemaJSON(keySchema)),
            ("TableStatus", .string(status)),
            ("CreationDateTime", created),
            ("ProvisionedThroughput", .object([
                ("NumberOfDecreasesToday", .integer(0)),
                ("ReadCapacityUnits", .integer(request.provisionedThroughput?.read ?? 0)),
                ("WriteCapacityUnits", .integer(request.provisionedThroughput?.write ?? 0)),
            ])),
            ("TableSizeBytes", .integer(sizeBytes)),
            ("ItemCount", .integer(itemCount)),
            ("TableArn", .string(tableArn)),
            ("TableId", .string(tableID)),
        ]
        if request.billingMode == "PAY_PER_REQUEST" {
            members.append(("BillingModeSummary", .object([
                ("BillingMode", .string("PAY_PER_REQUEST")), ("LastUpdateToPayPerRequestDateTime", created),
            ])))
        }
        for (field, isGlobal) in [("GlobalSecondaryIndexes", true), ("LocalSecondaryIndexes", false)] {
            let indexes = secondaryIndexes.filter { $0.isGlobal == isGlobal }
            guard !indexes.isEmpty else { continue }
            members.append((field, .array(indexes.map { index in
                var entry: [(String, JSONValue)] = [
                    ("IndexName", .string(index.indexName)),
                    ("KeySchema", CreateTableRequest.keySchemaJSON(index.keySchema)),
                    ("Projection", index.projection),
                ]
                if isGlobal {
                    entry.append(("IndexStatus", .string(status == "DELETING" ? "DELETING" : "ACTIVE")))
                    entry.append(("ProvisionedThroughput", .object([
                        ("NumberOfDecreasesToday", .integer(0)),
                        ("ReadCapacityUnits", .integer(request.provisionedThroughput?.read ?? 0)),
                        ("WriteCapacityUnits", .integer(request.provisionedThroughput?.write ?? 0)),
                    ])))
                }
                entry += [("IndexSizeBytes", .integer(0)), ("ItemCount", .integer(0)),
                          ("IndexArn", .string("\(tableArn)/index/\(index.indexName)"))]
                return .object(entry)
            })))
        }
        if let view = streamViewType, let arn = streamArn {
            members.append(("StreamSpecification", .object([("StreamEnabled", .bool(true)), ("StreamViewType", .string(view.rawValue))])))
            members.append(("LatestStreamLabel", .string(streamLabel)))
            members.append(("LatestStreamArn", .string(arn)))
        }
        members.append(("DeletionProtectionEnabled", .bool(false)))
        return .object(members)
    }
}

/// The time formats of the emulated services.
public enum TimeFormat {
    /// `2026-11-25T04:53:35.123` in UTC: stream labels.
    public static func streamLabel(_ date: Date) -> String {
        format(date, "yyyy-MM-dd'T'HH:mm:ss.SSS")
    }

    /// `2026-11-25T04:53:35.123000+00:00`: how the AWS CLI prints timestamps (UTC).
    public static func cliTimestamp(_ date: Date) -> String {
        format(date, "yyyy-MM-dd'T'HH:mm:ss.SSS") + "000+00:00"
    }

    /// `2026-11-25T04:53:35.123Z`: SNS and Lambda destination timestamps.
    public static func iso8601(_ date: Date) -> String {
        format(date, "yyyy-MM-dd'T'HH:mm:ss.SSS") + "Z"
    }

    /// Parses ISO 8601 text (with or without fractional seconds / zone; a missing zone means UTC) or epoch seconds.
    public static func parse(_ text: String) -> Date? {
        if let seconds = Double(text) { return Date(timeIntervalSince1970: seconds) }
        let formatter = ISO8601DateFormatter()
        for options: ISO8601DateFormatter.Options in [
            [.withInternetDateTime, .withFractionalSeconds], [.withInternetDateTime],
        ] {
            formatter.formatOptions = options
            if let date = formatter.date(from: text) { return date }
            if let date = formatter.date(from: text + "Z") { return date }
        }
        return nil
    }

    private static func format(_ date: Date, _ pattern: String) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = pattern
        return formatter.string(from: date)
    }
}

/// Where the emulated services read the time, so tests can replay "records arrived at these times".
public protocol EmulatorClock: Sendable {
    /// The current time.
    func now() -> Date
}

/// The system clock.
public struct SystemClock: EmulatorClock {
    /// Creates the clock.
    public init() {}
    /// `Date()`.
    public func now() -> Date { Date() }
}

/// A clock that reads a settable time; for tests and `--now`.
public final class ManualClock: EmulatorClock, @unchecked Sendable {
    private let lock = NSLock()
    private var current: Date

    /// A clock at `date`.
    public init(_ date: Date) {
        current = date
    }

    /// The set time.
    public func now() -> Date {
        lock.lock()
        defer { lock.unlock() }
        return current
    }

    /// Sets the time.
    public func set(_ date: Date) {
        lock.lock()
        current = date
        lock.unlock()
    }

    /// Moves the time forward.
    public func advance(by seconds: TimeInterval) {
        lock.lock()
        current = current.addingTimeInterval(seconds)
        lock.unlock()
    }
}
