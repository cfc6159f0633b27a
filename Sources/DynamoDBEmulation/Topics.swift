import Foundation
import SQLiteStore

/// Where a topic delivers its notifications.
public enum SubscriptionEndpoint: Sendable, Equatable {
    /// Append each notification, one JSON object per line, to a file.
    case file(String)
    /// Write each notification as one JSON line to the store's `standardOutput`.
    case stdout
    /// Run `/bin/sh -c COMMAND` with the notification JSON on stdin.
    case command(String)
    /// POST the notification JSON to an `http://127.0.0.1…` or `http://localhost…` URL, as SNS's HTTP protocol does.
    case http(String)

    /// The SNS protocol name (`file`, `stdout`, `command`, `http`) and endpoint text.
    var stored: (String, String) {
        switch self {
        case .file(let path): return ("file", path)
        case .stdout: return ("stdout", "-")
        case .command(let command): return ("command", command)
        case .http(let url): return ("http", url)
        }
    }

    init?(protocolName: String, endpoint: String) {
        switch protocolName {
        case "file": self = .file(endpoint)
        case "stdout": self = .stdout
        case "command": self = .command(endpoint)
        case "http": self = .http(endpoint)
        default: return nil
        }
    }
}

/// An SNS message attribute (`DataType` String, Number or Binary, and its value).
public struct MessageAttribute: Sendable, Equatable {
    /// `String`, `Number`, `Binary` or `String.Array`.
    public var dataType: String
    /// The value as text (base64 for Binary).
    public var value: String

    /// Creates an attribute.
    public init(dataType: String = "String", value: String) {
        self.dataType = dataType
        self.value = value
    }
}

/// One published message as stored.
public struct PublishedMessage: Sendable, Equatable {
    /// The topic name.
    public var topic: String
    /// The `MessageId`.
    public var messageID: String
    /// The subject, if any.
    public var subject: String?
    /// The body.
    public var message: String
    /// When it was published.
    public var published: Date
}

extension DynamoDBStore {
    /// SNS's default (and, unless the topic raises it, maximum) message size: body plus attributes, in UTF-8 bytes.
    public static let defaultMaximumMessageSize = 262_144

    /// `arn:aws:sns:REGION:ACCOUNT:NAME`.
    public func topicArn(_ name: String) -> String { "arn:aws:sns:\(region):\(accountID):\(name)" }

    /// CreateTopic; idempotent as in SNS. `maximumMessageSize` is the topic's `MaximumMessageSize` attribute
    /// (1,024–1,048,576 bytes). Returns the topic ARN.
    @discardableResult
    public func createTopic(_ name: String, maximumMessageSize: Int? = nil) throws -> String {
        guard !name.isEmpty, name.count <= 256, name.utf8.allSatisfy({ byte in
            (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
        }) else {
            throw DynamoDBError(.invalidParameter, "Invalid parameter: Topic Name")
        }
        if let size = maximumMessageSize, !(1024...1_048_576).contains(size) {
            throw DynamoDBError(.invalidParameter, "Invalid parameter: Attributes Reason: MaximumMessageSize must be between 1024 and 1048576")
        }
        let attributes = JSONValue.object([("MaximumMessageSize", .integer(maximumMessageSize ?? DynamoDBStore.defaultMaximumMessageSize))])
        try wrap {
            try connection.run(
                "INSERT INTO ddb_topics(name, attributes, created) VALUES(?, ?, ?) ON CONFLICT(name) DO UPDATE SET attributes = excluded.attributes",
                [.text(name), .text(attributes.compactText), .real(clock.now().timeIntervalSince1970)])
        }
        return topicArn(name)
    }

    /// Topic names in order.
    public func listTopics() throws -> [String] {
        try wrap {
            var names: [String] = []
            try connection.query("SELECT name FROM ddb_topics ORDER BY name") { row in names.append(row.text(at: 0) ?? "") }
            return names
        }
    }

    /// The topic's maximum message size; throws `NotFound` for an unknown topic.
    func maximumMessageSize(topic name: String) throws -> Int {
        var attributes: String?
        try wrap {
            try connection.query("SELECT attributes FROM ddb_topics WHERE name = ?", [.text(name)]) { row in
                attributes = row.text(at: 0)
            }
        }
        guard let attributes else { throw DynamoDBError(.notFound, "Topic does not exist") }
        return (try? JSONValue.parse(attributes))?["MaximumMessageSize"]?.intValue ?? DynamoDBStore.defaultMaximumMessageSize
    }

    /// The topic name of a name or an SNS ARN.
    func topicName(_ nameOrArn: String) -> String {
        nameOrArn.hasPrefix("arn:aws:sns:") ? String(nameOrArn.split(separator: ":").last ?? "") : nameOrArn
    }

    /// Subscribe; returns the subscription ARN.
    @discardableResult
    public func subscribe(topic: String, endpoint: SubscriptionEndpoint) throws -> String {
        let name = topicName(topic)
        _ = try maximumMessageSize(topic: name)
        if case .http(let url) = endpoint, HTTPPoster.parse(url) == nil {
            throw DynamoDBError(.invalidParameter, "Invalid parameter: Endpoint must be an http:// URL on 127.0.0.1 or localhost")
        }
        let id = UUID().uuidString.lowercased()
        let (protocolName, target) = endpoint.stored
        try wrap {
            try connection.run("INSERT INTO ddb_subscriptions(id, topic, protocol, endpoint) VALUES(?, ?, ?, ?)",
                               [.text(id), .text(name), .text(protocolName), .text(target)])
        }
        return topicArn(name) + ":" + id
    }

    /// The subscriptions of a topic (or of all topics), as (subscription ARN, topic, endpoint).
    public func listSubscriptions(topic: String? = nil) throws -> [(arn: String, topic: String, endpoint: SubscriptionEndpoint)] {
        try wrap {
            var result: [(String, String, SubscriptionEndpoint)] = []
            let sql = "SELECT id, topic, protocol, endpoint FROM ddb_subscriptions"
                + (topic == nil ? "" : " WHERE topic = ?") + " ORDER BY topic, rowid"
            try connection.query(sql, topic.map { [.text(topicName($0))] } ?? []) { row in
                let name = row.text(at: 1) ?? ""
                if let endpoint = SubscriptionEndpoint(protocolName: row.text(at: 2) ?? "", endpoint: row.text(at: 3) ?? "") {
                    result.append((topicArn(name) + ":" + (row.text(at: 0) ?? ""), name, endpoint))
                }
            }
            return result
        }
    }

    /// Publish: checks SNS's limits (body plus attributes within the topic's MaximumMessageSize, by default
    /// 262,144 UTF-8 bytes; a subject under 100 characters without control characters), stores the message and
    /// delivers it to every subscription. Returns the MessageId. Delivery failures of a subscription do not fail
    /// the publish (as in SNS); they are reported through `deliveryFailures`.
    @discardableResult
    public func publish(
        topic: String, message: String, subject: String? = nil, attributes: [String: MessageAttribute] = [:]
    ) throws -> String {
        let name = topicName(topic)
        let limit = try maximumMessageSize(topic: name)
        let size = message.utf8.count + attributes.reduce(0) { $0 + $1.key.utf8.count + $1.value.dataType.utf8.count + $1.value.value.utf8.count }
        guard size <= limit else {
            throw DynamoDBError(.invalidParameter, "Invalid parameter: Message too long (\(size) bytes, the limit is \(limit))")
        }
        guard !message.isEmpty else { throw DynamoDBError(.invalidParameter, "Invalid parameter: Empty message") }
        if let subject {
            guard !subject.isEmpty, subject.count < 100,
                  subject.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value != 0x7F }) else {
                throw DynamoDBError(.invalidParameter, "Invalid parameter: Subject")
            }
        }
        let messageID = UUID().uuidString.lowercased()
        let now = clock.now()
        let attributesJSON = JSONValue.object(attributes.keys.sorted().compactMap { key in
            attributes[key].map { (key, .object([("Type", .string($0.dataType)), ("Value", .string($0.value))])) }
        })
        try wrap {
            try connection.run(
                "INSERT INTO ddb_topic_messages(topic, message_id, subject, message, attributes, published) VALUES(?, ?, ?, ?, ?, ?)",
                [.text(name), .text(messageID), subject.map { .text($0) } ?? .null, .text(message),
                 .text(attributesJSON.compactText), .real(now.timeIntervalSince1970)])
        }
        var envelope: [(String, JSONValue)] = [
            ("Type", .string("Notification")), ("MessageId", .string(messageID)), ("TopicArn", .string(topicArn(name))),
        ]
        if let subject { envelope.append(("Subject", .string(subject))) }
        envelope += [
            ("Message", .string(message)), ("Timestamp", .string(TimeFormat.iso8601(now))),
            ("SignatureVersion", .string("1")), ("Signature", .string("EMULATED")),
            ("SigningCertURL", .string("")), ("UnsubscribeURL", .string("")),
        ]
        if !attributes.isEmpty { envelope.append(("MessageAttributes", attributesJSON)) }
        let notification = JSONValue.object(envelope).compactText
        for subscription in try listSubscriptions(topic: name) {
            do {
                try deliver(notification, to: subscription.endpoint)
            } catch {
                deliveryFailures.append("\(subscription.arn): \(error)")
            }
        }
        return messageID
    }

    /// The messages published to a topic, oldest first.
    public func publishedMessages(topic: String) throws -> [PublishedMessage] {
        let name = topicName(topic)
        return try wrap {
            var messages: [PublishedMessage] = []
            try connection.query(
                "SELECT message_id, subject, message, published FROM ddb_topic_messages WHERE topic = ? ORDER BY seq", [.text(name)]
            ) { row in
                messages.append(PublishedMessage(
                    topic: name, messageID: row.text(at: 0) ?? "", subject: row.text(at: 1), message: row.text(at: 2) ?? "",
                    published: Date(timeIntervalSince1970: row.double(at: 3))))
            }
            return messages
        }
    }

    private func deliver(_ notification: String, to endpoint: SubscriptionEndpoint) throws {
        switch endpoint {
        case .file(let path): try FileAppender.appendLine(notification, to: path)
        case .stdout: standardOutput(notification + "\n")
        case .command(let command):
            let result = try ShellCommand.run(command, input: notification)
            if result.status != 0 { throw DynamoDBError(.internalServerError, "subscriber command exited with \(result.status)") }
        case .http(let url): try HTTPPoster.post(notification, to: url)
        }
    }
}

// MARK: - The built-in publisher

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
