/// Items as rows of one fixed set of attribute names: how the Hive storage handler produces them (one column per
/// mapped attribute). Writing rows skips building a dictionary per item, and the name order, name sizes and key
/// columns are worked out once per call instead of once per item.
public struct ItemRows: Sendable, Equatable {
    /// The attribute names, one per column; non-empty and distinct.
    public var names: [String]
    /// The rows; each has one value per name, nil for an absent attribute (a Hive NULL without null serialization).
    public var rows: [[AttributeValue?]]

    /// Creates rows.
    public init(names: [String], rows: [[AttributeValue?]] = []) {
        self.names = names
        self.rows = rows
    }

    /// Row `index` as an item.
    public func item(at index: Int) -> Item {
        var item = Item(minimumCapacity: names.count)
        for (name, value) in zip(names, rows[index]) { item[name] = value }
        return item
    }
}

/// What a writer needs to know about a row layout, computed once per call.
struct RowLayout {
    let names: [String]
    let nameSizes: [Int]
    /// Column indices in name byte order (the body's attribute order).
    let order: [Int]
    let columnByName: [String: Int]

    init(names: [String]) throws {
        var columns: [String: Int] = [:]
        for (column, name) in names.enumerated() {
            guard !name.isEmpty else {
                throw DynamoDBError.invalidParameter("An AttributeValue may not contain an empty string as its name")
            }
            guard columns.updateValue(column, forKey: name) == nil else {
                throw DynamoDBError(.validation, "Duplicate attribute name \(name) in the row layout")
            }
        }
        self.names = names
        nameSizes = names.map { $0.utf8.count }
        order = names.indices.sorted { names[$0] < names[$1] }
        columnByName = columns
    }
}

extension TableWriter {
    /// Normalizes, checks and encodes one row (see `ItemRows`).
    func prepareRow(_ row: [AttributeValue?], layout: RowLayout) throws -> PreparedWrite {
        guard row.count == layout.names.count else {
            throw DynamoDBError(.validation, "The row has \(row.count) values for \(layout.names.count) attribute names")
        }
        var values = row
        var size = 0
        for column in row.indices {
            guard var value = row[column] else { continue }
            switch value {
            case .s, .b, .bool, .null: break
            case .n(let text) where DynamoNumber.isPlainCanonical(text): break
            case .n, .l, .m, .ss, .ns, .bs:
                do {
                    value = try ItemRules.normalize(value)
                } catch var error as DynamoDBError {
                    error.attributeName = layout.names[column]
                    throw error
                }
                values[column] = value
            }
            size += layout.nameSizes[column] + ItemRules.size(of: value)
        }
        func value(_ name: String) -> AttributeValue? {
            layout.columnByName[name].flatMap { values[$0] }
        }
        try ItemRules.checkKeys(table: table, value)
        _ = try ItemRules.checkSize(size)
        guard let hashValue = value(table.hashKeyName) else {
            throw DynamoDBError.invalidParameter("Missing the key \(table.hashKeyName) in the item")
        }
        let key = try ItemCodec.key(hash: hashValue, range: table.rangeKeyName.flatMap(value))
        var keys: [UInt8] = []
        var keySize = 0
        if table.streamViewType != nil {
            let entries = table.keyNames.sorted().compactMap { name in value(name).map { (name, $0) } }
            keys = ItemCodec.encode(sortedEntries: entries)
            keySize = entries.reduce(0) { $0 + $1.0.utf8.count + ItemRules.size(of: $1.1) }
        }
        return PreparedWrite(
            key: key, body: ItemCodec.encode(row: values, names: layout.names, order: layout.order, sizeHint: size),
            size: size, keys: keys, keySize: keySize)
    }
}

extension DynamoDBStore {
    /// The bulk put of rows: the same rules, options, transactions and errors as `putItems`, with the per-call
    /// work done once (see `ItemRows`). The error of a failing row names its index, key and attribute.
    @discardableResult
    public func putRows(_ tableName: String, _ rows: ItemRows, options: BulkWriteOptions = BulkWriteOptions()) throws -> BulkWriteResult {
        let layout = try RowLayout(names: rows.names)
        return try writeBulk(tableName, count: rows.rows.count, options: options, key: { $0.key(of: rows.item(at: $1)) }) {
            try $0.prepareRow(rows.rows[$1], layout: layout)
        }
    }
}
