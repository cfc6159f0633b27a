import Foundation
import SQLiteStore

/// What happened to one batch during `deliver`.
public struct BatchDelivery: Sendable, Equatable {
    /// How the batch ended.
    public enum Outcome: Sendable, Equatable {
        /// The function succeeded.
        case delivered
        /// The records were dropped and their metadata sent to the on-failure destination (`RetryAttemptsExhausted`
        /// or `RecordAgeExceeded`).
        case discarded(condition: String)
        /// The function keeps failing and retries are infinite: the shard is blocked at this batch until a later run.
        case blocked(error: String)
    }

    /// The first record's sequence.
    public var firstSequence: Int64
    /// The last record's sequence.
    public var lastSequence: Int64
    /// How many records.
    public var count: Int
    /// When the batch was invoked (emulated time).
    public var invokedAt: Date
    /// Invocations made for this batch (retries included).
    public var invocations: Int
    /// How it ended.
    public var outcome: Outcome
}

/// The result of one `deliver` run.
public struct DeliveryReport: Sendable, Equatable {
    /// The mapping.
    public var mappingID: String
    /// Batches handled, in order (bisected halves are separate entries).
    public var batches: [BatchDelivery]
    /// Records after the checkpoint that were not delivered (their batch is not due yet, or the shard is blocked).
    public var pendingRecords: Int
    /// When the next pending batch becomes due, if there is one and it is not blocked.
    public var nextDue: Date?
}

/// Lambda's batching rule (spec §8.2, the deterministic emulation): a batch opens at max(first record's arrival,
/// end of the previous invocation) and closes at `batchSize` records, at open + window, or before the payload
/// would pass 6 MB, whichever comes first.
public enum Batcher {
    /// Lambda's synchronous invocation payload limit.
    public static let payloadLimit = 6 * 1024 * 1024

    /// The next batch among `records` (in sequence order, after the checkpoint) and the time it is invoked, or nil
    /// when no batch is due at `now`.
    public static func nextBatch(
        _ records: [StreamRecord], previousInvocation: Date?, batchSize: Int, window: TimeInterval, now: Date,
        payloadLimit: Int = Batcher.payloadLimit, recordSize: (StreamRecord) -> Int
    ) -> (count: Int, invokedAt: Date)? {
        guard let first = records.first else { return nil }
        let open = max(first.created, previousInvocation ?? first.created)
        let close = open.addingTimeInterval(window)
        var payload = #"{"Records":[]}"#.utf8.count
        var count = 0
        var invokedAt = close
        for record in records {
            if record.created > close { invokedAt = close; break }
            let size = recordSize(record) + (count > 0 ? 1 : 0)
            if count > 0, payload + size > payloadLimit {
                invokedAt = max(open, record.created)
                break
            }
            payload += size
            count += 1
            if count == batchSize {
                invokedAt = max(open, record.created)
                break
            }
        }
        guard count > 0, invokedAt <= now else { return nil }
        return (count, invokedAt)
    }
}

extension DynamoDBStore {
    /// Delivers every batch of the mapping that is due at `now` (default: the store clock), in order, invoking its
    /// target (or `invoke`, when given, for tests), retrying, bisecting and discarding per the mapping, and
    /// checkpointing in the store after each batch, so a record is delivered once per mapping across runs.
    ///
    /// With infinite retries (`MaximumRetryAttempts` -1) a failing batch is retried `maximumInvocationsPerRun` times,
    /// then left blocked for the next run; retries do not advance emulated time.
    public func deliver(
        mappingID: String, now: Date? = nil, maximumInvocationsPerRun: Int = 10,
        invoke: ((_ event: String, _ records: ArraySlice<StreamRecord>) throws -> Void)? = nil
    ) throws -> DeliveryReport {
        let (mapping, initialState) = try eventSourceMapping(mappingID)
        let now = now ?? clock.now()
        // One run per mapping at a time (one batch in flight per shard), also across processes sharing the
        // warehouse: a lease in the store, renewed after each batch, expiring 60 s (wall clock) after a crash.
        let leaseOwner = UUID().uuidString
        try renewLease(mappingID, owner: leaseOwner)
        defer { try? wrap { try connection.run("UPDATE ddb_mappings SET lease_owner = NULL, lease_until = NULL WHERE uuid = ? AND lease_owner = ?", [.text(mappingID), .text(leaseOwner)]) } }
        var state = initialState
        var report = DeliveryReport(mappingID: mappingID, batches: [], pendingRecords: 0, nextDue: nil)
        guard mapping.enabled, let stream = try streamTable(storeID: state.tableStoreID) else { return report }
        let functionArn = mapping.functionArn(region: region, accountID: accountID)
        var sizes: [Int64: Int] = [:]
        func recordSize(_ record: StreamRecord) -> Int {
            if let size = sizes[record.sequence] { return size }
            let size = record.json().compactText.utf8.count
            sizes[record.sequence] = size
            return size
        }
        // A shard left blocked by an earlier run was busy retrying until now: its next batch opens now.
        if state.attempts > 0 { state.lastInvocation = max(state.lastInvocation ?? now, now) }
        let call = invoke ?? { event, records in try self.invokeTarget(mapping.target, event: event, records: records, table: stream) }
        var blocked = false
        while !blocked {
            let records = try self.records(
                tableStoreID: state.tableStoreID, stream: stream, after: state.checkpoint, limit: mapping.batchSize + 1)
            guard let (count, dueAt) = Batcher.nextBatch(
                records, previousInvocation: state.lastInvocation, batchSize: mapping.batchSize,
                window: TimeInterval(mapping.maximumBatchingWindowInSeconds), now: now, recordSize: recordSize)
            else { break }
            let invokedAt = dueAt
            var batch = records[0..<count]
            // Records older than MaximumRecordAgeInSeconds at invocation are discarded, never sent.
            if mapping.maximumRecordAgeInSeconds >= 0 {
                let expired = batch.prefix { invokedAt.timeIntervalSince($0.created) > TimeInterval(mapping.maximumRecordAgeInSeconds) }
                if !expired.isEmpty {
                    try sendFailure(mapping: mapping, functionArn: functionArn, records: expired, stream: stream,
                                    condition: "RecordAgeExceeded", invocations: 0, at: invokedAt)
                    report.batches.append(BatchDelivery(
                        firstSequence: expired.first?.sequence ?? 0, lastSequence: expired.last?.sequence ?? 0,
                        count: expired.count, invokedAt: invokedAt, invocations: 0, outcome: .discarded(condition: "RecordAgeExceeded")))
                    state.checkpoint = expired.last?.sequence ?? state.checkpoint
                    state.attempts = 0
                    try saveState(mappingID, state, result: "PROBLEM: records older than MaximumRecordAgeInSeconds were discarded")
                    batch = batch.dropFirst(expired.count)
                    if batch.isEmpty { continue }
                }
            }
            // The batch, or after a bisect its halves, in order; each carries its failed attempts so far.
            var queue: [(ArraySlice<StreamRecord>, Int)] = [(batch, state.attempts)]
            var invocationsThisRun = 0
            while !queue.isEmpty {
                let (slice, attempts) = queue.removeFirst()
                let event = "{\"Records\":[" + slice.map { $0.json().compactText }.joined(separator: ",") + "]}"
                invocationsThisRun += 1
                do {
                    try call(event, slice)
                    report.batches.append(BatchDelivery(
                        firstSequence: slice.first?.sequence ?? 0, lastSequence: slice.last?.sequence ?? 0,
                        count: slice.count, invokedAt: invokedAt, invocations: attempts + 1, outcome: .delivered))
                    state.checkpoint = slice.last?.sequence ?? state.checkpoint
                    state.attempts = 0
                    try saveState(mappingID, state, result: "OK")
                } catch {
                    if mapping.bisectBatchOnFunctionError, slice.count > 1 {
                        // Splitting does not count as a retry.
                        let middle = slice.startIndex + slice.count / 2
                        queue.insert(contentsOf: [(slice[slice.startIndex..<middle], attempts), (slice[middle...], attempts)], at: 0)
                        continue
                    }
                    let failed = attempts + 1
                    if mapping.maximumRetryAttempts >= 0, failed > mapping.maximumRetryAttempts {
                        try sendFailure(mapping: mapping, functionArn: functionArn, records: slice, stream: stream,
                                        condition: "RetryAttemptsExhausted", invocations: failed, at: invokedAt)
                        report.batches.append(BatchDelivery(
                            firstSequence: slice.first?.sequence ?? 0, lastSequence: slice.last?.sequence ?? 0,
                            count: slice.count, invokedAt: invokedAt, invocations: failed,
                            outcome: .discarded(condition: "RetryAttemptsExhausted")))
                        state.checkpoint = slice.last?.sequence ?? state.checkpoint
                        state.attempts = 0
                        try saveState(mappingID, state, result: "PROBLEM: Function call failed")
                    } else if mapping.maximumRetryAttempts < 0, invocationsThisRun >= maximumInvocationsPerRun {
                        state.attempts = failed
                        try saveState(mappingID, state, result: "PROBLEM: Function call failed")
                        report.batches.append(BatchDelivery(
                            firstSequence: slice.first?.sequence ?? 0, lastSequence: slice.last?.sequence ?? 0,
                            count: slice.count, invokedAt: invokedAt, invocations: failed,
                            outcome: .blocked(error: "\(error)")))
                        blocked = true
                        break
                    } else {
                        queue.insert((slice, failed), at: 0)
                    }
                }
            }
            // The next window starts when this invocation ends.
            state.lastInvocation = invokedAt
            try saveState(mappingID, state, result: nil)
            try renewLease(mappingID, owner: leaseOwner)
        }
        let remaining = try self.records(tableStoreID: state.tableStoreID, stream: stream, after: state.checkpoint)
        report.pendingRecords = remaining.count
        if !blocked, let first = remaining.first {
            let open = max(first.created, state.lastInvocation ?? first.created)
            report.nextDue = open.addingTimeInterval(TimeInterval(mapping.maximumBatchingWindowInSeconds))
        }
        return report
    }

    /// Takes (or renews) the mapping's delivery lease; throws `ResourceInUseException` while another run holds it.
    private func renewLease(_ mappingID: String, owner: String) throws {
        let wallNow = Date().timeIntervalSince1970
        try wrap {
            try connection.run(
                "UPDATE ddb_mappings SET lease_owner = ?, lease_until = ? WHERE uuid = ? AND (lease_owner IS NULL OR lease_owner = ? OR lease_until < ?)",
                [.text(owner), .real(wallNow + 60), .text(mappingID), .text(owner), .real(wallNow)])
        }
        guard connection.changes == 1 else {
            throw DynamoDBError(.resourceInUse, "The event source mapping \(mappingID) is being processed by another run")
        }
    }

    private func saveState(_ mappingID: String, _ state: MappingState, result: String?) throws {
        try wrap {
            try connection.run(
                "UPDATE ddb_mappings SET checkpoint = ?, last_invocation = ?, attempts = ?, last_result = coalesce(?, last_result) WHERE uuid = ?",
                [.integer(state.checkpoint), state.lastInvocation.map { .real($0.timeIntervalSince1970) } ?? .null,
                 .integer(Int64(state.attempts)), result.map { .text($0) } ?? .null, .text(mappingID)])
        }
    }

    /// Invokes a target; any failure is a function error.
    func invokeTarget(_ target: FunctionTarget, event: String, records: ArraySlice<StreamRecord>, table: TableDescription) throws {
        switch target {
        case .command(let command):
            let result = try ShellCommand.run(command, input: event, environment: ["HQLRUN_TABLE": table.tableName])
            guard result.status == 0 else {
                throw DynamoDBError(.functionError, "Unhandled: the function command exited with status \(result.status)")
            }
        case .topic(let topic):
            let notification = BatchNotification(records: records, table: table)
            try publish(topic: topic, message: notification.message, subject: notification.subject)
        case .file(let path):
            try FileAppender.appendLine(event, to: path)
        }
    }

    /// Sends Lambda's on-failure record (batch metadata, never the records) to the mapping's destination.
    private func sendFailure(
        mapping: EventSourceMapping, functionArn: String, records: ArraySlice<StreamRecord>, stream: TableDescription,
        condition: String, invocations: Int, at time: Date
    ) throws {
        guard let destination = mapping.onFailureDestination, let first = records.first, let last = records.last else { return }
        let metadata = JSONValue.object([
            ("requestContext", .object([
                ("requestId", .string(UUID().uuidString.lowercased())), ("functionArn", .string(functionArn)),
                ("condition", .string(condition)), ("approximateInvokeCount", .integer(invocations)),
            ])),
            ("responseContext", .object([
                ("statusCode", .integer(200)), ("executedVersion", .string("$LATEST")), ("functionError", .string("Unhandled")),
            ])),
            ("version", .string("1.0")),
            ("timestamp", .string(TimeFormat.iso8601(time))),
            ("DDBStreamBatchInfo", .object([
                ("shardId", .string("shardId-00000000000000000001-00000001")),
                ("startSequenceNumber", .string(first.sequenceNumber)),
                ("endSequenceNumber", .string(last.sequenceNumber)),
                ("approximateArrivalOfFirstRecord", .string(TimeFormat.iso8601(first.created))),
                ("approximateArrivalOfLastRecord", .string(TimeFormat.iso8601(last.created))),
                ("batchSize", .integer(records.count)),
                ("streamArn", .string(stream.streamArn ?? "")),
            ])),
        ]).compactText
        if destination.hasPrefix("file://") || destination.hasPrefix("/") || destination.hasPrefix(".") {
            try FileAppender.appendLine(metadata, to: destination)
        } else {
            try publish(topic: destination, message: metadata)
        }
    }
}
