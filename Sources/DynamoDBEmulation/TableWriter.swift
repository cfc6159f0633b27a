import Foundation
import SQLiteStore

/// A validated, encoded write, ready to apply.
struct PreparedWrite {
    /// The stored key.
    var key: [UInt8]
    /// The encoded item for a put; nil for a delete.
    var body: [UInt8]?
    /// The item size for a put.
    var size: Int
    /// The key attributes, encoded (for stream records; empty without a stream).
    var keys: [UInt8]
    /// The size of the key attributes (for stream records' `SizeBytes`).
    var keySize: Int
}

/// Applies writes to one table inside an open transaction, appending stream records when the table has a stream.
///
/// Holds its prepared statements for the whole call, so a bulk write binds and steps without any SQL lookup. The
/// statements come from the connection's cache and may be shared by two writers, so every use binds every parameter.
/// Without a stream, a put does not read the old item, so it reports `.inserted` even when it replaced one.
final class TableWriter {
    let table: TableDescription
    private let store: DynamoDBStore
    private let upsert: Statement
    private let remove: Statement
    private let select: Statement
    private let appendRecord: Statement
    private let viewType: StreamViewType?
    private var nextSequence: Int64?
    private let created: Double
    /// The key attribute names in byte order, as bodies store attributes.
    private let sortedKeyNames: [String]

    init(store: DynamoDBStore, table: TableDescription) throws {
        self.store = store
        self.table = table
        let connection = store.connection
        upsert = try connection.cachedStatement(
            "INSERT OR REPLACE INTO ddb_items(table_id, key, body, size) VALUES(?1, ?2, ?3, ?4)")
        remove = try connection.cachedStatement("DELETE FROM ddb_items WHERE table_id = ?1 AND key = ?2")
        select = try connection.cachedStatement("SELECT body, size FROM ddb_items WHERE table_id = ?1 AND key = ?2")
        appendRecord = try connection.cachedStatement("""
            INSERT INTO ddb_stream_records(table_id, seq, event, created, keys, old_image, new_image, size)
            VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
            """)
        viewType = table.streamViewType
        sortedKeyNames = table.keyNames.sorted()
        created = store.clock.now().timeIntervalSince1970
    }

    // MARK: - Preparing

    /// Validates and encodes a request.
    func prepare(_ request: WriteRequest) throws -> PreparedWrite {
        switch request {
        case .put(let item): return try preparePut(item)
        case .delete(let key): return try prepareDelete(key)
        }
    }

    /// Normalizes (canonical numbers, sets), checks (keys, indexes, size) and encodes a full item.
    func preparePut(_ item: Item) throws -> PreparedWrite {
        // Copy-on-write: the item is copied only when a value actually needs normalizing.
        var normalized = item
        for (name, value) in item {
            guard !name.isEmpty else {
                throw DynamoDBError.invalidParameter("An AttributeValue may not contain an empty string as its name")
            }
            switch value {
            case .s, .b, .bool, .null: continue
            case .n(let text) where DynamoNumber.isPlainCanonical(text): continue
            case .n, .l, .m, .ss, .ns, .bs: break
            }
            do {
                normalized[name] = try ItemRules.normalize(value)
            } catch var error as DynamoDBError {
                error.attributeName = name
                throw error
            }
        }
        let size = try ItemRules.checkItem(normalized, table: table)
        let key = try ItemCodec.key(of: normalized, table: table)
        let streamKeys = encodedKeys(of: normalized)
        return PreparedWrite(
            key: key, body: ItemCodec.encode(normalized, sizeHint: size), size: size, keys: streamKeys.0,
            keySize: streamKeys.1)
    }

    /// Checks and encodes a key.
    func prepareDelete(_ key: Item) throws -> PreparedWrite {
        var normalized = Item(minimumCapacity: key.count)
        for (name, value) in key {
            do {
                normalized[name] = try ItemRules.normalize(value)
            } catch var error as DynamoDBError {
                error.attributeName = name
                throw error
            }
        }
        try ItemRules.checkKey(normalized, table: table)
        let streamKeys = encodedKeys(of: normalized)
        return PreparedWrite(
            key: try ItemCodec.key(of: normalized, table: table), body: nil, size: 0, keys: streamKeys.0, keySize: streamKeys.1)
    }

    /// The key attributes of a checked item, encoded, and their size; nothing without a stream.
    private func encodedKeys(of item: Item) -> ([UInt8], Int) {
        guard viewType != nil else { return ([], 0) }
        var entries: [(String, AttributeValue)] = []
        entries.reserveCapacity(sortedKeyNames.count)
        var size = 0
        for name in sortedKeyNames {
            guard let value = item[name] else { continue }
            entries.append((name, value))
            size += name.utf8.count + ItemRules.size(of: value)
        }
        return (ItemCodec.encode(sortedEntries: entries), size)
    }

    // MARK: - Applying

    /// The stored body and size of the item with this key, if any.
    func currentBody(_ key: [UInt8]) throws -> (body: [UInt8], size: Int)? {
        try select.bind(table.storeID, at: 1)
        try select.bind(blob: key, at: 2)
        defer { select.reset() }
        guard try select.step() == .row else { return nil }
        return (select.blob(at: 0) ?? [], Int(select.int64(at: 1)))
    }

    /// Applies a prepared write; with a stream, appends the record unless nothing changed.
    func apply(_ write: PreparedWrite) throws -> WriteOutcome {
        guard let body = write.body else { return try applyDelete(write) }
        guard let viewType else {
            try storeBody(write.key, body, size: write.size)
            return .inserted
        }
        let old = try currentBody(write.key)
        if let old, old.body == body { return .unchanged }
        try storeBody(write.key, body, size: write.size)
        var recordSize = write.keySize
        if viewType.carriesNewImage { recordSize += write.size }
        if viewType.carriesOldImage, let old { recordSize += old.size }
        try append(
            event: old == nil ? .insert : .modify, keys: write.keys,
            old: viewType.carriesOldImage ? old?.body : nil,
            new: viewType.carriesNewImage ? body : nil, size: recordSize)
        return old == nil ? .inserted : .modified
    }

    private func applyDelete(_ write: PreparedWrite) throws -> WriteOutcome {
        guard let viewType else {
            try remove.bind(table.storeID, at: 1)
            try remove.bind(blob: write.key, at: 2)
            try remove.execute()
            return store.connection.changes > 0 ? .removed : .unchanged
        }
        guard let old = try currentBody(write.key) else { return .unchanged }
        try remove.bind(table.storeID, at: 1)
        try remove.bind(blob: write.key, at: 2)
        try remove.execute()
        var recordSize = write.keySize
        if viewType.carriesOldImage { recordSize += old.size }
        try append(event: .remove, keys: write.keys, old: viewType.carriesOldImage ? old.body : nil, new: nil, size: recordSize)
        return .removed
    }

    private func storeBody(_ key: [UInt8], _ body: [UInt8], size: Int) throws {
        try upsert.bind(table.storeID, at: 1)
        try upsert.bind(blob: key, at: 2)
        try upsert.bind(blob: body, at: 3)
        try upsert.bind(size, at: 4)
        try upsert.execute()
    }

    private func append(event: StreamEventName, keys: [UInt8], old: [UInt8]?, new: [UInt8]?, size: Int) throws {
        let sequence: Int64
        if let next = nextSequence {
            sequence = next
        } else {
            let last = try store.connection.scalar(
                "SELECT coalesce(max(seq), 0) FROM ddb_stream_records WHERE table_id = ?", [.integer(table.storeID)])
            sequence = (last?.int64Value ?? 0) + 1
        }
        nextSequence = sequence + 1
        try appendRecord.bind(table.storeID, at: 1)
        try appendRecord.bind(sequence, at: 2)
        try appendRecord.bind(created, at: 4)
        try appendRecord.bind(Int64(event.rawValue), at: 3)
        try appendRecord.bind(blob: keys, at: 5)
        if let old { try appendRecord.bind(blob: old, at: 6) } else { try appendRecord.bindNull(at: 6) }
        if let new { try appendRecord.bind(blob: new, at: 7) } else { try appendRecord.bindNull(at: 7) }
        try appendRecord.bind(max(1, size), at: 8)
        try appendRecord.execute()
    }
}

/// INSERT, MODIFY or REMOVE.
public enum StreamEventName: Int, Sendable, Equatable {
    /// A new item.
    case insert = 1
    /// A changed item.
    case modify = 2
    /// A deleted item.
    case remove = 3

    /// The record's `eventName`.
    public var name: String {
        switch self {
        case .insert: return "INSERT"
        case .modify: return "MODIFY"
        case .remove: return "REMOVE"
        }
    }
}
