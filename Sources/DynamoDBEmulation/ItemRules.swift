/// DynamoDB's item rules (spec §7.1): canonical numbers, non-empty unique sets, nesting depth, item size, and the
/// key rules of a table and its indexes.
public enum ItemRules {
    /// The largest item, in bytes (400 KB).
    public static let maximumItemSize = 409_600
    /// The longest partition key value, in bytes.
    public static let maximumHashKeySize = 2048
    /// The longest sort key value, in bytes.
    public static let maximumRangeKeySize = 1024
    /// The deepest nesting of lists and maps.
    public static let maximumDepth = 32
    /// The most requests in one `BatchWriteItem`.
    public static let maximumBatchWrite = 25

    // MARK: - Values

    /// Canonicalises numbers (also in sets, lists and maps), sorts set members and checks sets and nesting.
    public static func normalize(_ value: AttributeValue, depth: Int = 0) throws -> AttributeValue {
        switch value {
        case .s, .b, .bool, .null: return value
        case .n(let text): return .n(try DynamoNumber.canonical(text))
        case .l(let elements):
            guard depth < maximumDepth else { throw nestingError() }
            return .l(try elements.map { try normalize($0, depth: depth + 1) })
        case .m(let map):
            guard depth < maximumDepth else { throw nestingError() }
            var result: Item = [:]
            result.reserveCapacity(map.count)
            for (name, member) in map { result[name] = try normalize(member, depth: depth + 1) }
            return .m(result)
        case .ss(let members):
            try checkSet(members, kind: "string", display: members)
            return .ss(members.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
        case .ns(let members):
            let parts = try members.map { try DynamoNumber.parse($0) }
            let canonical = parts.map(DynamoNumber.render)
            try checkSet(canonical, kind: "number", display: members)
            let ordered = zip(parts, canonical).sorted {
                DynamoNumber.orderedBytes($0.0).lexicographicallyPrecedes(DynamoNumber.orderedBytes($1.0))
            }
            return .ns(ordered.map(\.1))
        case .bs(let members):
            try checkSet(members, kind: "binary", display: members.map { Base64.encode($0) })
            return .bs(members.sorted { $0.lexicographicallyPrecedes($1) })
        }
    }

    /// Normalizes every attribute of an item.
    public static func normalize(_ item: Item) throws -> Item {
        var result: Item = [:]
        result.reserveCapacity(item.count)
        for (name, value) in item {
            guard !name.isEmpty else {
                throw DynamoDBError.invalidParameter("An AttributeValue may not contain an empty string as its name")
            }
            result[name] = try normalize(value)
        }
        return result
    }

    private static func checkSet<Member: Hashable>(_ members: [Member], kind: String, display: [String]) throws {
        guard !members.isEmpty else { throw DynamoDBError.invalidParameter("An \(kind) set  may not be empty") }
        if Set(members).count != members.count {
            throw DynamoDBError.invalidParameter("Input collection [\(display.joined(separator: ", "))] contains duplicates.")
        }
    }

    private static func nestingError() -> DynamoDBError {
        DynamoDBError(.validation, "Nesting Levels have exceeded supported limits")
    }

    // MARK: - Sizes

    /// The size DynamoDB charges for a value (§7.1): S its UTF-8 bytes, N one byte per two significant digits plus
    /// one, B its bytes, BOOL/NULL one byte, L/M three bytes plus one per element plus the elements.
    public static func size(of value: AttributeValue) -> Int {
        switch value {
        case .s(let text): return text.utf8.count
        case .n(let text): return numberSize(text)
        case .b(let bytes): return bytes.count
        case .bool, .null: return 1
        case .l(let elements): return 3 + elements.reduce(0) { $0 + 1 + size(of: $1) }
        case .m(let map): return 3 + map.reduce(0) { $0 + 1 + $1.key.utf8.count + size(of: $1.value) }
        case .ss(let members): return members.reduce(0) { $0 + $1.utf8.count }
        case .ns(let members): return members.reduce(0) { $0 + numberSize($1) }
        case .bs(let members): return members.reduce(0) { $0 + $1.count }
        }
    }

    /// The size of an item: attribute-name bytes plus value sizes.
    public static func size(of item: Item) -> Int {
        item.reduce(0) { $0 + $1.key.utf8.count + size(of: $1.value) }
    }

    private static func numberSize(_ text: String) -> Int {
        (DynamoNumber.significantDigitCount(text) + 1) / 2 + 1
    }

    // MARK: - Keys

    /// Checks the key attributes of a full item against the table's key schema and index keys, and the item size;
    /// returns the size.
    @discardableResult
    static func checkItem(_ item: Item, table: TableDescription) throws -> Int {
        try checkKeys(table: table) { item[$0] }
        return try checkSize(size(of: item))
    }

    /// Throws the service's error for an item over 400 KB; returns `itemSize`.
    static func checkSize(_ itemSize: Int) throws -> Int {
        if itemSize > maximumItemSize {
            throw DynamoDBError(.validation, "Item size has exceeded the maximum allowed size")
        }
        return itemSize
    }

    /// Checks table keys (present, typed, non-empty, within size) and index keys (typed and non-empty when present)
    /// of an item reached through `value(name)`.
    static func checkKeys(table: TableDescription, _ value: (String) -> AttributeValue?) throws {
        for element in table.keySchema {
            guard let keyValue = value(element.attributeName) else {
                throw naming(element.attributeName, .invalidParameter("Missing the key \(element.attributeName) in the item"))
            }
            try checkKeyValue(keyValue, element: element, table: table)
        }
        for index in table.secondaryIndexes {
            for element in index.keySchema {
                guard let keyValue = value(element.attributeName),
                      let expected = table.attributeType(of: element.attributeName) else { continue }
                guard keyValue.typeTag == expected.rawValue else {
                    throw naming(element.attributeName, .invalidParameter(
                        "Type mismatch for Index Key \(element.attributeName) Expected: \(expected.rawValue) "
                            + "Actual: \(keyValue.typeTag) IndexName: \(index.indexName)"))
                }
                if isEmptyKeyValue(keyValue) {
                    throw naming(element.attributeName, DynamoDBError(
                        .validation,
                        "One or more parameter values are not valid. A value specified for a secondary index key is "
                            + "not supported. The AttributeValue for a key attribute cannot contain an empty "
                            + "\(keyValue.typeTag == "S" ? "string" : "binary") value. IndexName: \(index.indexName), "
                            + "IndexKey: \(element.attributeName)"))
                }
            }
        }
    }

    private static func naming(_ attribute: String, _ error: DynamoDBError) -> DynamoDBError {
        var error = error
        error.attributeName = attribute
        return error
    }

    /// Checks a key (exactly the key attributes, as GetItem/DeleteItem take it).
    static func checkKey(_ key: Item, table: TableDescription) throws {
        guard key.count == table.keySchema.count,
              table.keySchema.allSatisfy({ key[$0.attributeName] != nil }) else {
            throw DynamoDBError(.validation, "The provided key element does not match the schema")
        }
        for element in table.keySchema {
            if let value = key[element.attributeName] {
                try checkKeyValue(value, element: element, table: table)
            }
        }
    }

    private static func checkKeyValue(_ value: AttributeValue, element: KeySchemaElement, table: TableDescription) throws {
        do {
            try checkKeyValueUnnamed(value, element: element, table: table)
        } catch let error as DynamoDBError {
            throw naming(element.attributeName, error)
        }
    }

    private static func checkKeyValueUnnamed(
        _ value: AttributeValue, element: KeySchemaElement, table: TableDescription
    ) throws {
        let name = element.attributeName
        let expected = table.attributeType(of: name)?.rawValue ?? "S"
        guard value.typeTag == expected else {
            throw DynamoDBError.invalidParameter("Type mismatch for key \(name) expected: \(expected) actual: \(value.typeTag)")
        }
        if isEmptyKeyValue(value) {
            throw DynamoDBError(
                .validation,
                "One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain "
                    + "an empty \(expected == "S" ? "string" : "binary") value. Key: \(name)")
        }
        switch element.keyType {
        case .hash where size(of: value) > maximumHashKeySize:
            throw DynamoDBError.invalidParameter(
                "Size of hashkey has exceeded the maximum size limit of \(maximumHashKeySize) bytes")
        case .range where size(of: value) > maximumRangeKeySize:
            throw DynamoDBError.invalidParameter(
                "Aggregated size of all range keys has exceeded the size limit of \(maximumRangeKeySize) bytes")
        case .hash, .range: break
        }
    }

    private static func isEmptyKeyValue(_ value: AttributeValue) -> Bool {
        switch value {
        case .s(let text): return text.isEmpty
        case .b(let bytes): return bytes.isEmpty
        case .n, .bool, .null, .l, .m, .ss, .ns, .bs: return false
        }
    }
}
