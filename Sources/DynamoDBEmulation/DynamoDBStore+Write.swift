import Foundation
import SQLiteStore

/// What one write did to its item.
public enum WriteOutcome: Sendable, Equatable {
    /// A put created the item.
    case inserted
    /// A put changed an existing item.
    case modified
    /// A put wrote an identical item, or a delete found nothing: no change, no stream record.
    case unchanged
    /// A delete removed the item.
    case removed
}

/// One request of a `BatchWriteItem` or bulk write.
public enum WriteRequest: Sendable, Equatable {
    /// PutRequest: the full item.
    case put(Item)
    /// DeleteRequest: the key.
    case delete(key: Item)
}

/// A condition on a single put.
public enum PutCondition: Sendable, Equatable {
    /// Unconditional.
    case none
    /// `attribute_not_exists(<hash key>)`: insert only.
    case itemNotExists
    /// `attribute_exists(<hash key>)`: replace only.
    case itemExists
}

/// How duplicate keys inside one bulk write are treated.
public enum DuplicateKeyPolicy: Sendable, Equatable {
    /// As BatchWriteItem and EMR: two requests for one key in the same batch fail; across batches the last wins.
    case failWithinBatch
    /// Any two requests for one key in the whole call fail.
    case failWithinCall
    /// The last request wins.
    case lastWins
}

/// Options of `putItems` / `deleteItems` / `write`.
public struct BulkWriteOptions: Sendable, Equatable {
    /// All-or-nothing for the whole call (default). When false, batches of `batchSize` requests commit one by one,
    /// as EMR's writer does: on a failure, earlier batches stay written.
    public var atomic: Bool
    /// The batch size (BatchWriteItem's 25).
    public var batchSize: Int
    /// The duplicate-key rule.
    public var duplicateKeys: DuplicateKeyPolicy

    /// Creates options.
    public init(atomic: Bool = true, batchSize: Int = 25, duplicateKeys: DuplicateKeyPolicy = .failWithinBatch) {
        self.atomic = atomic
        self.batchSize = max(1, batchSize)
        self.duplicateKeys = duplicateKeys
    }
}

/// What a bulk write did.
public struct BulkWriteResult: Sendable, Equatable {
    /// Requests applied.
    public var requests = 0
    /// Items created.
    public var inserted = 0
    /// Items changed.
    public var modified = 0
    /// Puts of identical items and deletes of missing items.
    public var unchanged = 0
    /// Items deleted.
    public var removed = 0
    /// Stream records appended.
    public var streamRecords = 0

    mutating func count(_ outcome: WriteOutcome, streamed: Bool) {
        requests += 1
        switch outcome {
        case .inserted: inserted += 1
        case .modified: modified += 1
        case .unchanged: unchanged += 1
        case .removed: removed += 1
        }
        if streamed && outcome != .unchanged { streamRecords += 1 }
    }
}

extension DynamoDBStore {
    // MARK: - Single writes

    /// PutItem: replaces the whole item. Returns what changed.
    @discardableResult
    public func putItem(_ tableName: String, _ item: Item, condition: PutCondition = .none) throws -> WriteOutcome {
        let table = try table(named: tableName)
        return try wrap {
            try inTransaction {
                let writer = try TableWriter(store: self, table: table)
                let prepared = try writer.preparePut(item)
                if condition != .none {
                    let exists = try writer.currentBody(prepared.key) != nil
                    if exists != (condition == .itemExists) {
                        throw DynamoDBError(.conditionalCheckFailed, "The conditional request failed")
                    }
                }
                return try writer.apply(prepared)
            }
        }
    }

    /// DeleteItem by key. Deleting a missing item is a silent no-op (`.unchanged`).
    @discardableResult
    public func deleteItem(_ tableName: String, key: Item) throws -> WriteOutcome {
        let table = try table(named: tableName)
        return try wrap {
            try inTransaction {
                let writer = try TableWriter(store: self, table: table)
                return try writer.apply(try writer.prepareDelete(key))
            }
        }
    }

    /// Checks a full item as a put would (numbers, sets, nesting, keys, index keys, 400 KB) without writing it;
    /// returns the normalized item and its size. For dry runs and per-row diagnostics.
    public func validateItem(_ tableName: String, _ item: Item) throws -> (item: Item, size: Int) {
        let table = try table(named: tableName)
        let normalized = try ItemRules.normalize(item)
        return (normalized, try ItemRules.checkItem(normalized, table: table))
    }

    // MARK: - Batches

    /// BatchWriteItem: at most 25 requests over one or more tables, validated as a whole (any invalid request, or
    /// two requests for one key, rejects the batch and writes nothing), then applied. No unprocessed items.
    @discardableResult
    public func batchWriteItem(_ requestItems: [(table: String, requests: [WriteRequest])]) throws -> BulkWriteResult {
        let total = requestItems.reduce(0) { $0 + $1.requests.count }
        guard total >= 1, total <= ItemRules.maximumBatchWrite else {
            throw DynamoDBError(.validation, "1 validation error detected: Value at 'requestItems' failed to satisfy constraint: Map value must satisfy constraint: [Member must have length less than or equal to 25, Member must have length greater than or equal to 1]")
        }
        let tables = try requestItems.map { try table(named: $0.table) }
        return try wrap {
            try inTransaction {
                var prepared: [(TableWriter, PreparedWrite)] = []
                for (table, entry) in zip(tables, requestItems) {
                    let writer = try TableWriter(store: self, table: table)
                    var seen = Set<[UInt8]>()
                    for request in entry.requests {
                        let write = try writer.prepare(request)
                        guard seen.insert(write.key).inserted else {
                            throw DynamoDBError(.validation, "Provided list of item keys contains duplicates")
                        }
                        prepared.append((writer, write))
                    }
                }
                var result = BulkWriteResult()
                for (writer, write) in prepared {
                    result.count(try writer.apply(write), streamed: writer.table.streamViewType != nil)
                }
                return result
            }
        }
    }

    /// The bulk path of the Hive storage handler: full-item puts of already-typed items, in order, with prepared
    /// statements, in one transaction (or one per batch when not atomic).
    @discardableResult
    public func putItems(_ tableName: String, _ items: [Item], options: BulkWriteOptions = BulkWriteOptions()) throws -> BulkWriteResult {
        try writeBulk(tableName, count: items.count, options: options, key: { $0.key(of: items[$1]) }) {
            try $0.preparePut(items[$1])
        }
    }

    /// Deletion mode: each item's key attributes (others ignored) name an item to delete; missing items are skipped.
    /// An item without any key attribute fails ("Given item does not contain any key attributes").
    @discardableResult
    public func deleteItems(_ tableName: String, _ items: [Item], options: BulkWriteOptions = BulkWriteOptions()) throws -> BulkWriteResult {
        let table = try table(named: tableName)
        var requests: [WriteRequest] = []
        requests.reserveCapacity(items.count)
        for (index, item) in items.enumerated() {
            let key = table.key(of: item)
            guard !key.isEmpty else {
                var error = DynamoDBError(.validation, "Given item does not contain any key attributes: \(table.keyNames.joined(separator: ","))")
                error.itemIndex = index
                throw error
            }
            requests.append(.delete(key: key))
        }
        return try write(tableName, requests, options: options)
    }

    /// Applies puts and deletes to one table in order (see `BulkWriteOptions`). A failure names the request's
    /// position, its key and the offending attribute; in non-atomic mode it also says how many requests stay applied.
    @discardableResult
    public func write(_ tableName: String, _ requests: [WriteRequest], options: BulkWriteOptions = BulkWriteOptions()) throws -> BulkWriteResult {
        try writeBulk(tableName, count: requests.count, options: options, key: { $0.key(of: requests[$1].item) }) {
            try $0.prepare(requests[$1])
        }
    }

    /// The bulk engine: requests are prepared on demand (no intermediate array), validated, encoded and applied one
    /// by one with the writer's prepared statements. A failure rolls back its transaction (the whole call when atomic,
    /// else its batch), so a batch is always rejected as a whole, as BatchWriteItem does.
    func writeBulk(
        _ tableName: String, count: Int, options: BulkWriteOptions, key: (TableDescription, Int) -> Item,
        prepare: (TableWriter, Int) throws -> PreparedWrite
    ) throws -> BulkWriteResult {
        let table = try table(named: tableName)
        let streamed = table.streamViewType != nil
        var result = BulkWriteResult()
        var seen = Set<[UInt8]>()
        func failure(_ error: DynamoDBError, at index: Int) -> DynamoDBError {
            var error = error
            error.itemIndex = index
            error.itemKey = key(table, index)
            return error
        }
        func apply(_ writer: TableWriter, _ range: Range<Int>) throws {
            for index in range {
                if options.duplicateKeys == .failWithinBatch, (index - range.lowerBound) % options.batchSize == 0 {
                    seen.removeAll(keepingCapacity: true)
                }
                let write: PreparedWrite
                do {
                    write = try prepare(writer, index)
                } catch let error as DynamoDBError {
                    throw failure(error, at: index)
                }
                if options.duplicateKeys != .lastWins, !seen.insert(write.key).inserted {
                    throw failure(DynamoDBError(.validation, "Provided list of item keys contains duplicates"), at: index)
                }
                result.count(try writer.apply(write), streamed: streamed)
            }
        }
        return try wrap {
            if options.atomic {
                try inTransaction { try apply(try TableWriter(store: self, table: table), 0..<count) }
                return result
            }
            for start in stride(from: 0, to: count, by: options.batchSize) {
                let batch = start..<min(start + options.batchSize, count)
                let saved = result
                do {
                    try inTransaction { try apply(try TableWriter(store: self, table: table), batch) }
                } catch var error as DynamoDBError {
                    result = saved
                    error.appliedCount = batch.lowerBound
                    throw error
                }
            }
            return result
        }
    }

    /// Runs `body` in a transaction, or in a savepoint when the shared connection is already inside one.
    func inTransaction<Result>(_ body: () throws -> Result) throws -> Result {
        if connection.isAutocommit { return try connection.transaction(.immediate, body) }
        return try connection.savepoint("ddb_write", body)
    }
}

extension WriteRequest {
    /// The put's item or the delete's key.
    var item: Item {
        switch self {
        case .put(let item): return item
        case .delete(let key): return key
        }
    }
}
