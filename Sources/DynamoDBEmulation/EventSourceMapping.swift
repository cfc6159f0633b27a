import Foundation
import SQLiteStore

/// What a mapping invokes with each batch (hqlrun's stand-in for the Lambda function).
public enum FunctionTarget: Sendable, Equatable {
    /// `/bin/sh -c COMMAND` with the event JSON (`{"Records":[…]}`) on stdin; a non-zero exit is a function error.
    case command(String)
    /// The built-in publisher: one notification per batch to this topic (see `BatchNotification`).
    case topic(String)
    /// Append each event, one JSON object per line, to this file.
    case file(String)

    var json: JSONValue {
        switch self {
        case .command(let command): return .object([("Command", .string(command))])
        case .topic(let topic): return .object([("Topic", .string(topic))])
        case .file(let path): return .object([("File", .string(path))])
        }
    }
}

/// A Lambda event source mapping on a table's stream (spec §8.2), as `CreateEventSourceMapping` takes it, plus
/// hqlrun's `Target` (`{"Command": "…"}`, `{"Topic": "…"}` or `{"File": "…"}`).
public struct EventSourceMapping: Sendable, Equatable {
    /// The mapping's UUID.
    public var uuid: String
    /// `FunctionName` (a name or ARN; informational).
    public var functionName: String
    /// The table whose stream is read (from `EventSourceArn`, or a `TableName` member).
    public var tableName: String
    /// 1–10,000; default 100.
    public var batchSize: Int
    /// 0–300 seconds; default 0.
    public var maximumBatchingWindowInSeconds: Int
    /// `TRIM_HORIZON` or `LATEST`.
    public var startingPosition: String
    /// -1 (infinite, the default) or 0–10,000.
    public var maximumRetryAttempts: Int
    /// Split a failing batch in two and retry each half.
    public var bisectBatchOnFunctionError: Bool
    /// -1 (infinite, the default) or 60–604,800 seconds.
    public var maximumRecordAgeInSeconds: Int
    /// `DestinationConfig.OnFailure.Destination`: an SNS topic ARN or name, or a JSON-lines file (`file://PATH`).
    public var onFailureDestination: String?
    /// Whether the mapping runs.
    public var enabled: Bool
    /// What is invoked.
    public var target: FunctionTarget

    /// Parses `create-event-source-mapping --cli-input-json` text and checks Lambda's ranges.
    public init(jsonText: String) throws {
        try self.init(json: JSONValue.parse(jsonText))
    }

    /// Parses a parsed request (see `init(jsonText:)`).
    public init(json: JSONValue) throws {
        func invalid(_ field: String, _ value: String, _ constraint: String) -> DynamoDBError {
            DynamoDBError(.validation, "1 validation error detected: Value '\(value)' at '\(field)' failed to satisfy constraint: \(constraint)")
        }
        uuid = json["UUID"]?.stringValue ?? UUID().uuidString.lowercased()
        guard let function = json["FunctionName"]?.stringValue, !function.isEmpty else {
            throw DynamoDBError(.validation, "1 validation error detected: Value null at 'functionName' failed to satisfy constraint: Member must not be null")
        }
        functionName = function
        if let arn = json["EventSourceArn"]?.stringValue {
            // arn:aws:dynamodb:REGION:ACCOUNT:table/NAME/stream/LABEL
            let resource = arn.split(separator: ":", maxSplits: 5).last.map(String.init) ?? arn
            let parts = resource.split(separator: "/")
            guard arn.hasPrefix("arn:aws:dynamodb:"), parts.count >= 2, parts[0] == "table" else {
                throw DynamoDBError(.validation, "Unsupported event source type: \(arn) (hqlrun emulates DynamoDB streams only)")
            }
            tableName = String(parts[1])
        } else if let table = json["TableName"]?.stringValue {
            tableName = table
        } else {
            throw DynamoDBError(.validation, "1 validation error detected: Value null at 'eventSourceArn' failed to satisfy constraint: Member must not be null")
        }
        batchSize = json["BatchSize"]?.intValue ?? 100
        guard (1...10_000).contains(batchSize) else {
            throw invalid("batchSize", String(batchSize), batchSize < 1 ? "Member must have value greater than or equal to 1" : "Member must have value less than or equal to 10000")
        }
        maximumBatchingWindowInSeconds = json["MaximumBatchingWindowInSeconds"]?.intValue ?? 0
        guard (0...300).contains(maximumBatchingWindowInSeconds) else {
            throw invalid("maximumBatchingWindowInSeconds", String(maximumBatchingWindowInSeconds), "Member must have value between 0 and 300")
        }
        guard let position = json["StartingPosition"]?.stringValue else {
            throw DynamoDBError(.validation, "StartingPosition is required for DynamoDB stream event sources (TRIM_HORIZON or LATEST)")
        }
        guard position == "TRIM_HORIZON" || position == "LATEST" else {
            throw invalid("startingPosition", position, "Member must satisfy enum value set: [TRIM_HORIZON, LATEST] (AT_TIMESTAMP is for Kinesis only)")
        }
        startingPosition = position
        maximumRetryAttempts = json["MaximumRetryAttempts"]?.intValue ?? -1
        guard (-1...10_000).contains(maximumRetryAttempts) else {
            throw invalid("maximumRetryAttempts", String(maximumRetryAttempts), "Member must have value between -1 and 10000")
        }
        bisectBatchOnFunctionError = json["BisectBatchOnFunctionError"]?.boolValue ?? false
        maximumRecordAgeInSeconds = json["MaximumRecordAgeInSeconds"]?.intValue ?? -1
        guard maximumRecordAgeInSeconds == -1 || (60...604_800).contains(maximumRecordAgeInSeconds) else {
            throw invalid("maximumRecordAgeInSeconds", String(maximumRecordAgeInSeconds), "Member must be -1 or between 60 and 604800")
        }
        onFailureDestination = json["DestinationConfig"]?["OnFailure"]?["Destination"]?.stringValue
        enabled = json["Enabled"]?.boolValue ?? true
        if let command = json["Target"]?["Command"]?.stringValue {
            target = .command(command)
        } else if let topic = json["Target"]?["Topic"]?.stringValue {
            target = .topic(topic)
        } else if let file = json["Target"]?["File"]?.stringValue {
            target = .file(file)
        } else {
            throw DynamoDBError(.validation, "hqlrun needs a Target for the function: {\"Command\": \"…\"}, {\"Topic\": \"…\"} or {\"File\": \"…\"}")
        }
    }

    /// The stored form (the request's fields with defaults filled in).
    var storedJSON: JSONValue {
        var members: [(String, JSONValue)] = [
            ("UUID", .string(uuid)), ("FunctionName", .string(functionName)), ("TableName", .string(tableName)),
            ("BatchSize", .integer(batchSize)), ("MaximumBatchingWindowInSeconds", .integer(maximumBatchingWindowInSeconds)),
            ("StartingPosition", .string(startingPosition)), ("MaximumRetryAttempts", .integer(maximumRetryAttempts)),
            ("BisectBatchOnFunctionError", .bool(bisectBatchOnFunctionError)),
            ("MaximumRecordAgeInSeconds", .integer(maximumRecordAgeInSeconds)), ("Enabled", .bool(enabled)),
            ("Target", target.json),
        ]
        if let destination = onFailureDestination {
            members.append(("DestinationConfig", .object([("OnFailure", .object([("Destination", .string(destination))]))])))
        }
        return .object(members)
    }

    /// `arn:aws:lambda:REGION:ACCOUNT:function:NAME` (or the name when it is already an ARN).
    func functionArn(region: String, accountID: String) -> String {
        functionName.hasPrefix("arn:") ? functionName : "arn:aws:lambda:\(region):\(accountID):function:\(functionName)"
    }
}

extension DynamoDBStore {
    /// CreateEventSourceMapping: checks that the table has a stream, stores the mapping and its starting checkpoint
    /// (TRIM_HORIZON: before the oldest record; LATEST: after the newest). Returns the Lambda-shaped description.
    @discardableResult
    public func createEventSourceMapping(_ mapping: EventSourceMapping) throws -> JSONValue {
        let table = try table(named: mapping.tableName)
        guard table.streamViewType != nil else {
            throw DynamoDBError(.validation, "Stream not found: table \(mapping.tableName) has no enabled stream")
        }
        let checkpoint = mapping.startingPosition == "LATEST" ? try lastSequence(tableStoreID: table.storeID) : 0
        try wrap {
            try connection.run(
                "INSERT INTO ddb_mappings(uuid, config, table_id, created, checkpoint) VALUES(?, ?, ?, ?, ?)",
                [.text(mapping.uuid), .text(mapping.storedJSON.compactText), .integer(table.storeID),
                 .real(clock.now().timeIntervalSince1970), .integer(checkpoint)])
        }
        return try describeEventSourceMapping(mapping.uuid)
    }

    /// The stored mappings, oldest first.
    public func listEventSourceMappings() throws -> [EventSourceMapping] {
        try wrap {
            var mappings: [EventSourceMapping] = []
            try connection.query("SELECT config FROM ddb_mappings ORDER BY created, uuid") { row in
                mappings.append(try EventSourceMapping(jsonText: row.text(at: 0) ?? "{}"))
            }
            return mappings
        }
    }

    /// The mapping with this UUID; `ResourceNotFoundException` otherwise.
    public func eventSourceMapping(_ uuid: String) throws -> (mapping: EventSourceMapping, state: MappingState) {
        var found: (EventSourceMapping, MappingState)?
        try wrap {
            try connection.query(
                "SELECT config, table_id, checkpoint, last_invocation, attempts, last_result, created FROM ddb_mappings WHERE uuid = ?",
                [.text(uuid)]
            ) { row in
                found = (try EventSourceMapping(jsonText: row.text(at: 0) ?? "{}"), MappingState(
                    tableStoreID: row.int64(at: 1), checkpoint: row.int64(at: 2),
                    lastInvocation: row.isNull(at: 3) ? nil : Date(timeIntervalSince1970: row.double(at: 3)),
                    attempts: Int(row.int64(at: 4)), lastResult: row.text(at: 5) ?? "",
                    created: Date(timeIntervalSince1970: row.double(at: 6))))
            }
        }
        guard let found else {
            throw DynamoDBError(.resourceNotFound, "The resource you requested does not exist. (Service: Lambda, Status Code: 404, Request ID: \(uuid))")
        }
        return found
    }

    /// The mapping as Lambda describes it, with hqlrun's checkpoint.
    public func describeEventSourceMapping(_ uuid: String) throws -> JSONValue {
        let (mapping, state) = try eventSourceMapping(uuid)
        let stream = try streamTable(storeID: state.tableStoreID)
        var members: [(String, JSONValue)] = [
            ("UUID", .string(mapping.uuid)),
            ("StartingPosition", .string(mapping.startingPosition)),
            ("BatchSize", .integer(mapping.batchSize)),
            ("MaximumBatchingWindowInSeconds", .integer(mapping.maximumBatchingWindowInSeconds)),
            ("ParallelizationFactor", .integer(1)),
            ("EventSourceArn", .string(stream?.streamArn ?? "")),
            ("FunctionArn", .string(mapping.functionArn(region: region, accountID: accountID))),
            ("LastModified", .string(TimeFormat.cliTimestamp(state.created))),
            ("LastProcessingResult", .string(state.lastResult)),
            ("State", .string(mapping.enabled ? "Enabled" : "Disabled")),
            ("StateTransitionReason", .string("User action")),
        ]
        if let destination = mapping.onFailureDestination {
            members.append(("DestinationConfig", .object([("OnFailure", .object([("Destination", .string(destination))]))])))
        }
        members += [
            ("MaximumRecordAgeInSeconds", .integer(mapping.maximumRecordAgeInSeconds)),
            ("BisectBatchOnFunctionError", .bool(mapping.bisectBatchOnFunctionError)),
            ("MaximumRetryAttempts", .integer(mapping.maximumRetryAttempts)),
            ("FunctionResponseTypes", .array([])),
            ("Target", mapping.target.json),
            ("CheckpointSequenceNumber", .string(StreamRecord.sequenceText(state.checkpoint))),
        ]
        return .object(members)
    }

    /// DeleteEventSourceMapping.
    public func deleteEventSourceMapping(_ uuid: String) throws {
        _ = try eventSourceMapping(uuid)
        try wrap { try connection.run("DELETE FROM ddb_mappings WHERE uuid = ?", [.text(uuid)]) }
    }
}

/// The delivery state of a mapping, kept in the store.
public struct MappingState: Sendable, Equatable {
    /// The stream's table (store id).
    var tableStoreID: Int64
    /// The last sequence delivered or discarded (0: none).
    public var checkpoint: Int64
    /// When the previous invocation ended (opens the next batching window).
    public var lastInvocation: Date?
    /// Failed attempts of the batch at the checkpoint (retries carried across runs).
    public var attempts: Int
    /// Lambda's `LastProcessingResult`-like text.
    public var lastResult: String
    /// When the mapping was created.
    public var created: Date
}
