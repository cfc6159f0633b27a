import Foundation
import SQLiteStore

/// One page of a Scan or Query.
public struct ItemPage: Sendable, Equatable {
    /// The items, in key order.
    public var items: [Item]
    /// The key of the last item when more items may follow (pass it as `exclusiveStartKey`), else nil.
    public var lastEvaluatedKey: Item?
}

extension DynamoDBStore {
    /// GetItem (strongly consistent): the item with exactly this key, or nil.
    public func getItem(_ tableName: String, key: Item) throws -> Item? {
        let table = try table(named: tableName)
        var normalized = Item()
        for (name, value) in key { normalized[name] = try ItemRules.normalize(value) }
        try ItemRules.checkKey(normalized, table: table)
        let encoded = try ItemCodec.key(of: normalized, table: table)
        return try wrap {
            var body: [UInt8]?
            try connection.query(
                "SELECT body FROM ddb_items WHERE table_id = ? AND key = ?", [.integer(table.storeID), .blob(encoded)]
            ) { row in body = row.blob(at: 0) }
            return try body.map(ItemCodec.decode)
        }
    }

    /// Calls `body` for every item of the table in key order, streaming (nothing is materialised); stops early
    /// when `body` returns false.
    public func forEachItem(_ tableName: String, _ body: (Item) throws -> Bool) throws {
        let table = try table(named: tableName)
        try forEachRow(table: table, lower: nil, lowerInclusive: false, upper: nil, upperInclusive: false,
                       forward: true, limit: nil) { _, item in try body(item) }
    }

    /// Scan: up to `limit` items in key order after `exclusiveStartKey`.
    public func scan(_ tableName: String, limit: Int? = nil, exclusiveStartKey: Item? = nil) throws -> ItemPage {
        let table = try table(named: tableName)
        if let limit, limit < 1 {
            throw DynamoDBError(.validation, "1 validation error detected: Value '\(limit)' at 'limit' failed to satisfy constraint: Member must have value greater than or equal to 1")
        }
        let start = try exclusiveStartKey.map { try startKey($0, table: table) }
        return try page(table: table, lower: start, lowerInclusive: false, upper: nil, upperInclusive: false,
                        forward: true, limit: limit)
    }

    /// Query: the items of one partition key matching the sort condition, in sort-key order (or reversed).
    public func query(
        _ tableName: String, _ condition: KeyCondition, limit: Int? = nil, exclusiveStartKey: Item? = nil,
        scanIndexForward: Bool = true
    ) throws -> ItemPage {
        let table = try table(named: tableName)
        guard condition.hashValue.typeTag == table.attributeType(of: table.hashKeyName)?.rawValue else {
            throw DynamoDBError(.validation, "One or more parameter values were invalid: Condition parameter type does not match schema type")
        }
        let prefix = ItemCodec.hashPrefix(try ItemCodec.orderedBytes(condition.hashValue))
        var lower = prefix, lowerInclusive = true
        var upper = ItemCodec.successor(ofPrefix: prefix), upperInclusive = false
        if let sort = condition.sort {
            func bound(_ value: AttributeValue) throws -> [UInt8] {
                guard let rangeName = table.rangeKeyName, value.typeTag == table.attributeType(of: rangeName)?.rawValue else {
                    throw DynamoDBError(.validation, "One or more parameter values were invalid: Condition parameter type does not match schema type")
                }
                return prefix + (try ItemCodec.orderedBytes(value))
            }
            switch sort {
            case .equal(let value): lower = try bound(value); upper = lower; upperInclusive = true
            case .less(let value): upper = try bound(value)
            case .lessOrEqual(let value): upper = try bound(value); upperInclusive = true
            case .greater(let value): lower = try bound(value); lowerInclusive = false
            case .greaterOrEqual(let value): lower = try bound(value)
            case .between(let low, let high):
                lower = try bound(low)
                upper = try bound(high)
                upperInclusive = true
                guard !(upper ?? []).lexicographicallyPrecedes(lower) else {
                    throw DynamoDBError(.validation, "Invalid KeyConditionExpression: The BETWEEN operator requires upper bound to be greater than or equal to lower bound")
                }
            case .beginsWith(let value):
                lower = try bound(value)
                upper = ItemCodec.successor(ofPrefix: lower) ?? ItemCodec.successor(ofPrefix: prefix)
            }
        }
        if let start = exclusiveStartKey {
            let startBytes = try startKey(start, table: table)
            if scanIndexForward {
                if !startBytes.lexicographicallyPrecedes(lower) { lower = startBytes; lowerInclusive = false }
            } else if let current = upper, startBytes.lexicographicallyPrecedes(current) || startBytes == current {
                upper = startBytes
                upperInclusive = false
            }
        }
        return try page(table: table, lower: lower, lowerInclusive: lowerInclusive, upper: upper,
                        upperInclusive: upperInclusive, forward: scanIndexForward, limit: limit)
    }

    /// Export: one line of DynamoDB JSON per item (`{"Item":{…}}`, as DynamoDB's export to S3), in key order.
    public func export(_ tableName: String, _ line: (String) throws -> Void) throws {
        try forEachItem(tableName) { item in
            try line(JSONValue.object([("Item", AttributeValue.itemJSON(item))]).compactText)
            return true
        }
    }

    // MARK: - Internals

    private func startKey(_ key: Item, table: TableDescription) throws -> [UInt8] {
        var normalized = Item()
        for (name, value) in key { normalized[name] = try ItemRules.normalize(value) }
        do {
            try ItemRules.checkKey(normalized, table: table)
        } catch {
            throw DynamoDBError(.validation, "The provided starting key is invalid: The provided key element does not match the schema")
        }
        return try ItemCodec.key(of: normalized, table: table)
    }

    private func page(
        table: TableDescription, lower: [UInt8]?, lowerInclusive: Bool, upper: [UInt8]?, upperInclusive: Bool,
        forward: Bool, limit: Int?
    ) throws -> ItemPage {
        var items: [Item] = []
        var lastKey: Item?
        try forEachRow(table: table, lower: lower, lowerInclusive: lowerInclusive, upper: upper,
                       upperInclusive: upperInclusive, forward: forward, limit: limit.map { $0 + 1 }) { _, item in
            if let limit, items.count == limit {
                lastKey = items.last.map(table.key(of:))
                return false
            }
            items.append(item)
            return true
        }
        return ItemPage(items: items, lastEvaluatedKey: lastKey)
    }

    /// Streams the rows of a key range (bounds on the stored key) in key order, decoding each body.
    func forEachRow(
        table: TableDescription, lower: [UInt8]?, lowerInclusive: Bool, upper: [UInt8]?, upperInclusive: Bool,
        forward: Bool, limit: Int?, _ body: ([UInt8], Item) throws -> Bool
    ) throws {
        var sql = "SELECT key, body FROM ddb_items WHERE table_id = ?"
        var arguments: [SQLiteValue] = [.integer(table.storeID)]
        if let lower { sql += lowerInclusive ? " AND key >= ?" : " AND key > ?"; arguments.append(.blob(lower)) }
        if let upper { sql += upperInclusive ? " AND key <= ?" : " AND key < ?"; arguments.append(.blob(upper)) }
        sql += forward ? " ORDER BY key" : " ORDER BY key DESC"
        if let limit { sql += " LIMIT \(limit)" }
        try wrap {
            // A fresh statement: the caller's body may run other queries (even another scan) meanwhile.
            let statement = try connection.prepare(sql)
            try statement.bind(arguments)
            var cursor = statement.rows()
            while let row = try cursor.next() {
                let key = row.blob(at: 0) ?? []
                let item = try ItemCodec.decode(row.blob(at: 1) ?? [])
                guard try body(key, item) else { break }
            }
        }
    }
}
