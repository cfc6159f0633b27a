import Foundation

/// `HASH` or `RANGE`.
public enum KeyType: String, Sendable, Equatable {
    /// The partition key.
    case hash = "HASH"
    /// The sort key.
    case range = "RANGE"
}

/// The types a key attribute may have.
public enum ScalarAttributeType: String, Sendable, Equatable {
    /// String.
    case s = "S"
    /// Number.
    case n = "N"
    /// Binary.
    case b = "B"
}

/// One entry of a `KeySchema`.
public struct KeySchemaElement: Sendable, Equatable {
    /// The attribute name.
    public var attributeName: String
    /// HASH or RANGE.
    public var keyType: KeyType

    /// Creates an element.
    public init(attributeName: String, keyType: KeyType) {
        self.attributeName = attributeName
        self.keyType = keyType
    }
}

/// One entry of `AttributeDefinitions`.
public struct AttributeDefinition: Sendable, Equatable {
    /// The attribute name.
    public var attributeName: String
    /// Its type.
    public var attributeType: ScalarAttributeType

    /// Creates a definition.
    public init(attributeName: String, attributeType: ScalarAttributeType) {
        self.attributeName = attributeName
        self.attributeType = attributeType
    }
}

/// A global or local secondary index: its keys are checked on every write; queries on it are not emulated.
public struct SecondaryIndex: Sendable, Equatable {
    /// The index name.
    public var indexName: String
    /// The index keys.
    public var keySchema: [KeySchemaElement]
    /// The `Projection` object as given (default `{"ProjectionType":"ALL"}`).
    public var projection: JSONValue
    /// True for a global index.
    public var isGlobal: Bool
}

/// The four stream view types.
public enum StreamViewType: String, Sendable, Equatable, CaseIterable {
    /// Keys only.
    case keysOnly = "KEYS_ONLY"
    /// The item after the change.
    case newImage = "NEW_IMAGE"
    /// The item before the change.
    case oldImage = "OLD_IMAGE"
    /// Both.
    case newAndOldImages = "NEW_AND_OLD_IMAGES"

    /// Whether records carry `NewImage` (for INSERT and MODIFY).
    var carriesNewImage: Bool { self == .newImage || self == .newAndOldImages }
    /// Whether records carry `OldImage` (for MODIFY and REMOVE).
    var carriesOldImage: Bool { self == .oldImage || self == .newAndOldImages }
}

/// A table definition as `CreateTable` takes it (AWS CLI `--cli-input-json`), or as CloudFormation's
/// `AWS::DynamoDB::Table` Properties give it.
public struct CreateTableRequest: Sendable, Equatable {
    /// The table name (3–255 characters of `[A-Za-z0-9_.-]`).
    public var tableName: String
    /// Types of the key attributes (table and index keys).
    public var attributeDefinitions: [AttributeDefinition]
    /// HASH, then optional RANGE.
    public var keySchema: [KeySchemaElement]
    /// `PROVISIONED` (default) or `PAY_PER_REQUEST`.
    public var billingMode: String
    /// Read / write capacity units for a provisioned table.
    public var provisionedThroughput: (read: Int, write: Int)?
    /// Global and local secondary indexes.
    public var secondaryIndexes: [SecondaryIndex]
    /// The stream view type when the stream is enabled, else nil.
    public var streamViewType: StreamViewType?

    /// Compares requests field by field.
    public static func == (lhs: CreateTableRequest, rhs: CreateTableRequest) -> Bool {
        lhs.tableName == rhs.tableName && lhs.attributeDefinitions == rhs.attributeDefinitions
            && lhs.keySchema == rhs.keySchema && lhs.billingMode == rhs.billingMode
            && lhs.provisionedThroughput?.read == rhs.provisionedThroughput?.read
            && lhs.provisionedThroughput?.write == rhs.provisionedThroughput?.write
            && lhs.secondaryIndexes == rhs.secondaryIndexes && lhs.streamViewType == rhs.streamViewType
    }

    /// Creates a request in code.
    public init(
        tableName: String, attributeDefinitions: [AttributeDefinition], keySchema: [KeySchemaElement],
        billingMode: String = "PAY_PER_REQUEST", provisionedThroughput: (read: Int, write: Int)? = nil,
        secondaryIndexes: [SecondaryIndex] = [], streamViewType: StreamViewType? = nil
    ) {
        self.tableName = tableName
        self.attributeDefinitions = attributeDefinitions
        self.keySchema = keySchema
        self.billingMode = billingMode
        self.provisionedThroughput = provisionedThroughput
        self.secondaryIndexes = secondaryIndexes
        self.streamViewType = streamViewType
    }

    /// Parses `create-table --cli-input-json` text, CloudFormation `Properties`, or a whole
    /// `{"Type": "AWS::DynamoDB::Table", "Properties": {…}}` resource.
    public init(jsonText: String) throws {
        try self.init(json: JSONValue.parse(jsonText))
    }

    /// Parses a parsed request (see `init(jsonText:)`).
    public init(json: JSONValue) throws {
        var root = json
        if let properties = json["Properties"] { root = properties }
        guard case .object = root else { throw DynamoDBError(.validation, "Expected a JSON object") }
        let isCloudFormation = json["Properties"] != nil || (root["StreamSpecification"] != nil
            && root["StreamSpecification"]?["StreamEnabled"] == nil)
        guard let name = root["TableName"]?.stringValue else {
            throw DynamoDBError(.validation, "1 validation error detected: Value null at 'tableName' failed to satisfy constraint: Member must not be null")
        }
        tableName = name
        attributeDefinitions = try (root["AttributeDefinitions"]?.arrayValue ?? []).map { entry in
            guard let attribute = entry["AttributeName"]?.stringValue, let typeText = entry["AttributeType"]?.stringValue,
                  let type = ScalarAttributeType(rawValue: typeText) else {
                throw DynamoDBError(.validation, "1 validation error detected: Value '\(entry["AttributeType"]?.stringValue ?? "null")' at 'attributeDefinitions.member.attributeType' failed to satisfy constraint: Member must satisfy enum value set: [B, N, S]")
            }
            return AttributeDefinition(attributeName: attribute, attributeType: type)
        }
        keySchema = try CreateTableRequest.parseKeySchema(root["KeySchema"])
        billingMode = root["BillingMode"]?.stringValue ?? "PROVISIONED"
        if let throughput = root["ProvisionedThroughput"] {
            guard let read = throughput["ReadCapacityUnits"]?.intValue, let write = throughput["WriteCapacityUnits"]?.intValue else {
                throw DynamoDBError.invalidParameter("ReadCapacityUnits and WriteCapacityUnits must both be specified")
            }
            provisionedThroughput = (read, write)
        } else {
            provisionedThroughput = nil
        }
        var indexes: [SecondaryIndex] = []
        for (field, isGlobal) in [("GlobalSecondaryIndexes", true), ("LocalSecondaryIndexes", false)] {
            for entry in root[field]?.arrayValue ?? [] {
                guard let indexName = entry["IndexName"]?.stringValue else {
                    throw DynamoDBError(.validation, "1 validation error detected: Value null at 'indexName' failed to satisfy constraint: Member must not be null")
                }
                indexes.append(SecondaryIndex(
                    indexName: indexName, keySchema: try CreateTableRequest.parseKeySchema(entry["KeySchema"]),
                    projection: entry["Projection"] ?? .object([("ProjectionType", .string("ALL"))]), isGlobal: isGlobal))
            }
        }
        secondaryIndexes = indexes
        if let stream = root["StreamSpecification"] {
            let enabled = stream["StreamEnabled"]?.boolValue ?? isCloudFormation
            if enabled {
                guard let text = stream["StreamViewType"]?.stringValue, let view = StreamViewType(rawValue: text) else {
                    throw DynamoDBError.invalidParameter("Stream StreamViewType must be one of KEYS_ONLY, NEW_IMAGE, OLD_IMAGE, NEW_AND_OLD_IMAGES when the stream is enabled")
                }
                streamViewType = view
            } else {
                streamViewType = nil
            }
        } else {
            streamViewType = nil
        }
        try validate()
    }

    private static func parseKeySchema(_ json: JSONValue?) throws -> [KeySchemaElement] {
        try (json?.arrayValue ?? []).map { entry in
            guard let name = entry["AttributeName"]?.stringValue, let typeText = entry["KeyType"]?.stringValue,
                  let keyType = KeyType(rawValue: typeText) else {
                throw DynamoDBError(.validation, "1 validation error detected: Value '\(entry["KeyType"]?.stringValue ?? "null")' at 'keySchema.member.keyType' failed to satisfy constraint: Member must satisfy enum value set: [HASH, RANGE]")
            }
            return KeySchemaElement(attributeName: name, keyType: keyType)
        }
    }

    /// The service's checks of a `CreateTable` request.
    func validate() throws {
        let nameBytes = tableName.utf8
        guard nameBytes.count >= 3, nameBytes.count <= 255 else {
            throw DynamoDBError(.validation, "1 validation error detected: Value '\(tableName)' at 'tableName' failed to satisfy constraint: Member must have length \(nameBytes.count < 3 ? "greater than or equal to 3" : "less than or equal to 255")")
        }
        guard nameBytes.allSatisfy({ byte in
            (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-")
        }) else {
            throw DynamoDBError(.validation, "1 validation error detected: Value '\(tableName)' at 'tableName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+")
        }
        try CreateTableRequest.checkKeySchema(keySchema, owner: "Table")
        for index in secondaryIndexes { try CreateTableRequest.checkKeySchema(index.keySchema, owner: "Index \(index.indexName)") }
        let defined = Set(attributeDefinitions.map(\.attributeName))
        guard defined.count == attributeDefinitions.count else {
            throw DynamoDBError.invalidParameter("Duplicate AttributeName in AttributeDefinitions")
        }
        let used = Set((keySchema + secondaryIndexes.flatMap(\.keySchema)).map(\.attributeName))
        let undefined = used.subtracting(defined)
        guard undefined.isEmpty else {
            throw DynamoDBError.invalidParameter("Some index key attributes are not defined in AttributeDefinitions. Keys: [\(undefined.sorted().joined(separator: ", "))], AttributeDefinitions: [\(defined.sorted().joined(separator: ", "))]")
        }
        guard used == defined else {
            throw DynamoDBError.invalidParameter("Number of attributes in KeySchema does not exactly match number of attributes defined in AttributeDefinitions")
        }
        switch billingMode {
        case "PAY_PER_REQUEST":
            if provisionedThroughput != nil {
                throw DynamoDBError.invalidParameter("Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST")
            }
        case "PROVISIONED":
            guard let throughput = provisionedThroughput else {
                throw DynamoDBError.invalidParameter("ReadCapacityUnits and WriteCapacityUnits must both be specified when BillingMode is PROVISIONED")
            }
            guard throughput.read >= 1, throughput.write >= 1 else {
                throw DynamoDBError(.validation, "1 validation error detected: Value at 'provisionedThroughput' failed to satisfy constraint: Member must have value greater than or equal to 1")
            }
        default:
            throw DynamoDBError(.validation, "1 validation error detected: Value '\(billingMode)' at 'billingMode' failed to satisfy constraint: Member must satisfy enum value set: [PROVISIONED, PAY_PER_REQUEST]")
        }
    }

    private static func checkKeySchema(_ schema: [KeySchemaElement], owner: String) throws {
        guard !schema.isEmpty, schema.count <= 2 else {
            throw DynamoDBError(.validation, "1 validation error detected: Value at 'keySchema' failed to satisfy constraint: Member must have length less than or equal to 2 and greater than or equal to 1")
        }
        guard schema[0].keyType == .hash, schema.count == 1 || schema[1].keyType == .range else {
            throw DynamoDBError.invalidParameter("Invalid KeySchema: The first KeySchemaElement is not a HASH key type")
        }
    }

    /// The request in `--cli-input-json` form (what the store persists).
    var json: JSONValue {
        var members: [(String, JSONValue)] = [
            ("TableName", .string(tableName)),
            ("AttributeDefinitions", .array(attributeDefinitions.map {
                .object([("AttributeName", .string($0.attributeName)), ("AttributeType", .string($0.attributeType.rawValue))])
            })),
            ("KeySchema", CreateTableRequest.keySchemaJSON(keySchema)),
            ("BillingMode", .string(billingMode)),
        ]
        if let throughput = provisionedThroughput {
            members.append(("ProvisionedThroughput", .object([
                ("ReadCapacityUnits", .integer(throughput.read)), ("WriteCapacityUnits", .integer(throughput.write)),
            ])))
        }
        for (field, isGlobal) in [("GlobalSecondaryIndexes", true), ("LocalSecondaryIndexes", false)] {
            let indexes = secondaryIndexes.filter { $0.isGlobal == isGlobal }
            guard !indexes.isEmpty else { continue }
            members.append((field, .array(indexes.map {
                .object([("IndexName", .string($0.indexName)), ("KeySchema", CreateTableRequest.keySchemaJSON($0.keySchema)),
                         ("Projection", $0.projection)])
            })))
        }
        if let view = streamViewType {
            members.append(("StreamSpecification", .object([("StreamEnabled", .bool(true)), ("StreamViewType", .string(view.rawValue))])))
        }
        return .object(members)
    }

    /// A key schema in the service's JSON form.
    static func keySchemaJSON(_ schema: [KeySchemaElement]) -> JSONValue {
        .array(schema.map { .object([("AttributeName", .string($0.attributeName)), ("KeyType", .string($0.keyType.rawValue))]) })
    }
}
