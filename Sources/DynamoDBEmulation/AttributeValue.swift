import Foundation

/// One DynamoDB item: attribute name → value.
public typealias Item = [String: AttributeValue]

/// A DynamoDB attribute value: the ten data types of the wire format.
///
/// Numbers are held as text. Values built with `number(_:)` are validated and canonical (§7.2); the raw `.n` case
/// accepts any text and is canonicalised when the item is written (`ItemRules.normalize`).
public indirect enum AttributeValue: Hashable, Sendable {
    /// A string (`{"S": "x"}`).
    case s(String)
    /// A number, as its decimal text (`{"N": "1"}`).
    case n(String)
    /// Binary (`{"B": "<base64>"}`).
    case b([UInt8])
    /// A boolean (`{"BOOL": true}`).
    case bool(Bool)
    /// The NULL type (`{"NULL": true}`).
    case null
    /// A list of any values (`{"L": […]}`).
    case l([AttributeValue])
    /// A map of attribute values (`{"M": {…}}`).
    case m([String: AttributeValue])
    /// A string set (`{"SS": […]}`).
    case ss([String])
    /// A number set (`{"NS": […]}`).
    case ns([String])
    /// A binary set (`{"BS": […]}`).
    case bs([[UInt8]])

    /// A canonical number from text; throws the service's `ValidationException` for invalid text.
    public static func number(_ text: String) throws -> AttributeValue { .n(try DynamoNumber.canonical(text)) }

    /// The wire type tag: `S`, `N`, `B`, `BOOL`, `NULL`, `L`, `M`, `SS`, `NS` or `BS`.
    public var typeTag: String {
        switch self {
        case .s: return "S"
        case .n: return "N"
        case .b: return "B"
        case .bool: return "BOOL"
        case .null: return "NULL"
        case .l: return "L"
        case .m: return "M"
        case .ss: return "SS"
        case .ns: return "NS"
        case .bs: return "BS"
        }
    }

    /// Equality as DynamoDB sees it: sets compare as sets, numbers by value (both sides canonical).
    func isSameValue(as other: AttributeValue) -> Bool {
        switch (self, other) {
        case (.ss(let a), .ss(let b)): return Set(a) == Set(b)
        case (.ns(let a), .ns(let b)): return Set(a) == Set(b)
        case (.bs(let a), .bs(let b)): return Set(a) == Set(b)
        case (.l(let a), .l(let b)): return a.count == b.count && zip(a, b).allSatisfy { $0.isSameValue(as: $1) }
        case (.m(let a), .m(let b)):
            return a.count == b.count && a.allSatisfy { name, value in b[name].map { value.isSameValue(as: $0) } ?? false }
        default: return self == other
        }
    }
}

// MARK: - DynamoDB JSON

extension AttributeValue {
    /// The wire form (`{"S":"x"}`, `{"N":"1"}`, B as base64). Map members and items are written in name order,
    /// so output is deterministic.
    public var json: JSONValue {
        switch self {
        case .s(let text): return .object([("S", .string(text))])
        case .n(let text): return .object([("N", .string(text))])
        case .b(let bytes): return .object([("B", .string(Base64.encode(bytes)))])
        case .bool(let flag): return .object([("BOOL", .bool(flag))])
        case .null: return .object([("NULL", .bool(true))])
        case .l(let values): return .object([("L", .array(values.map(\.json)))])
        case .m(let map): return .object([("M", AttributeValue.itemJSON(map))])
        case .ss(let members): return .object([("SS", .array(members.map { .string($0) }))])
        case .ns(let members): return .object([("NS", .array(members.map { .string($0) }))])
        case .bs(let members): return .object([("BS", .array(members.map { .string(Base64.encode($0)) }))])
        }
    }

    /// The EMR whole-item format (spec §5.3): AWS SDK v1 field casing, `{"s":"x"}`, `{"n":"1"}`, `{"bOOL":true}`,
    /// `{"nULL":true}`, `{"sS":[…]}`, `{"l":[…]}`, `{"m":{…}}`, nested values alike.
    public var sdkV1JSON: JSONValue {
        switch self {
        case .s(let text): return .object([("s", .string(text))])
        case .n(let text): return .object([("n", .string(text))])
        case .b(let bytes): return .object([("b", .string(Base64.encode(bytes)))])
        case .bool(let flag): return .object([("bOOL", .bool(flag))])
        case .null: return .object([("nULL", .bool(true))])
        case .l(let values): return .object([("l", .array(values.map(\.sdkV1JSON)))])
        case .m(let map):
            return .object([("m", .object(map.keys.sorted().compactMap { name in map[name].map { (name, $0.sdkV1JSON) } }))])
        case .ss(let members): return .object([("sS", .array(members.map { .string($0) }))])
        case .ns(let members): return .object([("nS", .array(members.map { .string($0) }))])
        case .bs(let members): return .object([("bS", .array(members.map { .string(Base64.encode($0)) }))])
        }
    }

    /// An item (or map) as a DynamoDB JSON object, attributes in name order.
    public static func itemJSON(_ item: Item) -> JSONValue {
        .object(item.keys.sorted().compactMap { name in item[name].map { (name, $0.json) } })
    }

    /// Parses one wire-format value. Type tags are matched exactly unless `anyTagCase` (the EMR whole-item format
    /// accepts `s`, `bOOL`, …). Numbers are kept as given; `ItemRules.normalize` canonicalises them.
    public init(json: JSONValue, anyTagCase: Bool = false) throws {
        guard case .object(let members) = json, members.count == 1, let (rawTag, payload) = members.first else {
            throw DynamoDBError(
                .validation, "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes")
        }
        let tag = anyTagCase ? rawTag.uppercased() : rawTag
        func strings(_ value: JSONValue) throws -> [String] {
            guard case .array(let elements) = value else { throw AttributeValue.badPayload(tag) }
            return try elements.map { element in
                guard let text = element.stringValue else { throw AttributeValue.badPayload(tag) }
                return text
            }
        }
        switch tag {
        case "S":
            guard let text = payload.stringValue else { throw AttributeValue.badPayload(tag) }
            self = .s(text)
        case "N":
            switch payload {
            case .string(let text), .number(let text): self = .n(text)
            case .null, .bool, .array, .object: throw AttributeValue.badPayload(tag)
            }
        case "B":
            guard let text = payload.stringValue, let bytes = Base64.decode(text) else { throw AttributeValue.badPayload(tag) }
            self = .b(bytes)
        case "BOOL":
            guard let flag = payload.boolValue else { throw AttributeValue.badPayload(tag) }
            self = .bool(flag)
        case "NULL":
            guard payload.boolValue == true else {
                throw DynamoDBError.invalidParameter("Null attribute value types must have the value of true")
            }
            self = .null
        case "L":
            guard case .array(let elements) = payload else { throw AttributeValue.badPayload(tag) }
            self = .l(try elements.map { try AttributeValue(json: $0, anyTagCase: anyTagCase) })
        case "M":
            self = .m(try AttributeValue.item(json: payload, anyTagCase: anyTagCase))
        case "SS": self = .ss(try strings(payload))
        case "NS": self = .ns(try strings(payload))
        case "BS":
            self = .bs(try strings(payload).map { text in
                guard let bytes = Base64.decode(text) else { throw AttributeValue.badPayload(tag) }
                return bytes
            })
        default:
            throw DynamoDBError(
                .validation, "Supplied AttributeValue has unknown type \(rawTag); expected one of S, N, B, BOOL, NULL, L, M, SS, NS, BS")
        }
    }

    /// Parses an item (or map) in DynamoDB JSON: `{"name": {"S": "x"}, …}`.
    public static func item(json: JSONValue, anyTagCase: Bool = false) throws -> Item {
        guard case .object(let members) = json else {
            throw DynamoDBError(.validation, "Expected an object of attribute values")
        }
        var item: Item = [:]
        item.reserveCapacity(members.count)
        for (name, value) in members {
            item[name] = try AttributeValue(json: value, anyTagCase: anyTagCase)
        }
        return item
    }

    /// Parses an item from DynamoDB JSON text.
    public static func item(jsonText: String) throws -> Item {
        try item(json: JSONValue.parse(jsonText))
    }

    private static func badPayload(_ tag: String) -> DynamoDBError {
        DynamoDBError(.validation, "Invalid value for attribute of type \(tag)")
    }
}

/// Base64 as the AWS wire format uses it (standard alphabet, padded).
public enum Base64 {
    /// Encodes bytes.
    public static func encode(_ bytes: [UInt8]) -> String { Data(bytes).base64EncodedString() }
    /// Decodes text, or nil when it is not base64.
    public static func decode(_ text: String) -> [UInt8]? { Data(base64Encoded: text).map { Array($0) } }
}
