/// The stored forms of items and keys.
///
/// **Body**: a compact binary encoding of a normalized item. Attributes are written in byte order of their names and
/// set members in canonical order, so two equal items always encode to the same bytes; a no-op put is detected by
/// comparing bodies. Layout: `count` then per attribute `name` and `value`, where strings and byte runs are a
/// LEB128 length plus bytes and each value starts with a tag byte (see `Tag`).
///
/// **Key**: a byte string whose `memcmp` order is the table's key order: the partition key value escaped
/// (0x00 → 0x00 0xFF) and terminated by 0x00 0x01, then the raw sort key value. Numbers use
/// `DynamoNumber.orderedBytes`, so `1` and `1.0` are the same key and keys sort by value.
enum ItemCodec {
    /// The tag byte of each value type.
    enum Tag: UInt8 {
        case s = 1, n, b, boolFalse, boolTrue, null, l, m, ss, ns, bs
    }

    // MARK: - Bodies

    /// Encodes a normalized item.
    static func encode(_ item: Item, sizeHint: Int = 0) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(max(64, sizeHint) + item.count * 4)
        writeMap(item, to: &out)
        return out
    }

    /// Encodes attributes already in name order (e.g. an item's key attributes), without building a dictionary.
    static func encode(sortedEntries entries: [(String, AttributeValue)]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(32)
        writeLength(entries.count, to: &out)
        for (name, value) in entries {
            writeBytes(name.utf8, to: &out)
            writeValue(value, to: &out)
        }
        return out
    }

    /// Encodes one row of a fixed layout: `order` lists the columns in name byte order; nil values are absent.
    static func encode(row: [AttributeValue?], names: [String], order: [Int], sizeHint: Int) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(max(64, sizeHint) + names.count * 4)
        writeLength(row.reduce(0) { $1 == nil ? $0 : $0 + 1 }, to: &out)
        for column in order {
            guard let value = row[column] else { continue }
            writeBytes(names[column].utf8, to: &out)
            writeValue(value, to: &out)
        }
        return out
    }

    /// Decodes a body written by `encode`. Throws on corrupt data.
    static func decode(_ bytes: [UInt8]) throws -> Item {
        var reader = Reader(bytes: bytes)
        return try reader.readMap()
    }

    private static func writeMap(_ map: Item, to out: inout [UInt8]) {
        writeLength(map.count, to: &out)
        if map.count == 1, let (name, value) = map.first {
            writeBytes(name.utf8, to: &out)
            writeValue(value, to: &out)
            return
        }
        // String `<` orders by Unicode scalar values, which is UTF-8 byte order, with an ASCII fast path. Sorting
        // the entries (not the names) avoids a hash lookup per attribute.
        for (name, value) in map.sorted(by: { $0.key < $1.key }) {
            writeBytes(name.utf8, to: &out)
            writeValue(value, to: &out)
        }
    }

    private static func writeValue(_ value: AttributeValue, to out: inout [UInt8]) {
        switch value {
        case .s(let text): out.append(Tag.s.rawValue); writeBytes(text.utf8, to: &out)
        case .n(let text): out.append(Tag.n.rawValue); writeBytes(text.utf8, to: &out)
        case .b(let bytes): out.append(Tag.b.rawValue); writeBytes(bytes, to: &out)
        case .bool(let flag): out.append(flag ? Tag.boolTrue.rawValue : Tag.boolFalse.rawValue)
        case .null: out.append(Tag.null.rawValue)
        case .l(let elements):
            out.append(Tag.l.rawValue)
            writeLength(elements.count, to: &out)
            for element in elements { writeValue(element, to: &out) }
        case .m(let map): out.append(Tag.m.rawValue); writeMap(map, to: &out)
        case .ss(let members):
            out.append(Tag.ss.rawValue)
            writeLength(members.count, to: &out)
            for member in members { writeBytes(member.utf8, to: &out) }
        case .ns(let members):
            out.append(Tag.ns.rawValue)
            writeLength(members.count, to: &out)
            for member in members { writeBytes(member.utf8, to: &out) }
        case .bs(let members):
            out.append(Tag.bs.rawValue)
            writeLength(members.count, to: &out)
            for member in members { writeBytes(member, to: &out) }
        }
    }

    private static func writeLength(_ length: Int, to out: inout [UInt8]) {
        var value = UInt(length)
        while value >= 0x80 {
            out.append(UInt8(value & 0x7F) | 0x80)
            value >>= 7
        }
        out.append(UInt8(value))
    }

    private static func writeBytes<Bytes: Collection>(_ bytes: Bytes, to out: inout [UInt8]) where Bytes.Element == UInt8 {
        writeLength(bytes.count, to: &out)
        out.append(contentsOf: bytes)
    }

    /// A cursor over an encoded body.
    private struct Reader {
        let bytes: [UInt8]
        var position = 0

        mutating func readLength() throws -> Int {
            var value = 0
            var shift = 0
            while true {
                guard position < bytes.count, shift < 63 else { throw corrupt() }
                let byte = bytes[position]
                position += 1
                value |= Int(byte & 0x7F) << shift
                if byte < 0x80 { return value }
                shift += 7
            }
        }

        mutating func readBytes() throws -> ArraySlice<UInt8> {
            let length = try readLength()
            guard length <= bytes.count - position else { throw corrupt() }
            defer { position += length }
            return bytes[position..<position + length]
        }

        mutating func readString() throws -> String { String(decoding: try readBytes(), as: UTF8.self) }

        mutating func readMap() throws -> Item {
            let count = try readLength()
            var map: Item = [:]
            map.reserveCapacity(count)
            for _ in 0..<count {
                let name = try readString()
                map[name] = try readValue()
            }
            return map
        }

        mutating func readValue() throws -> AttributeValue {
            guard position < bytes.count, let tag = Tag(rawValue: bytes[position]) else { throw corrupt() }
            position += 1
            switch tag {
            case .s: return .s(try readString())
            case .n: return .n(try readString())
            case .b: return .b(Array(try readBytes()))
            case .boolFalse: return .bool(false)
            case .boolTrue: return .bool(true)
            case .null: return .null
            case .l: return .l(try (0..<readLength()).map { _ in try readValue() })
            case .m: return .m(try readMap())
            case .ss: return .ss(try (0..<readLength()).map { _ in try readString() })
            case .ns: return .ns(try (0..<readLength()).map { _ in try readString() })
            case .bs: return .bs(try (0..<readLength()).map { _ in Array(try readBytes()) })
            }
        }

        func corrupt() -> DynamoDBError {
            DynamoDBError(.internalServerError, "Internal server error: corrupt stored item at byte \(position)")
        }
    }

    // MARK: - Keys

    /// The stored key of an item whose key attributes were already checked (`ItemRules.checkItem/checkKey`).
    static func key(of item: Item, table: TableDescription) throws -> [UInt8] {
        guard let hashValue = item[table.hashKeyName] else {
            throw DynamoDBError.invalidParameter("Missing the key \(table.hashKeyName) in the item")
        }
        var rangeValue: AttributeValue?
        if let rangeName = table.rangeKeyName {
            guard let value = item[rangeName] else {
                throw DynamoDBError.invalidParameter("Missing the key \(rangeName) in the item")
            }
            rangeValue = value
        }
        return try key(hash: hashValue, range: rangeValue)
    }

    /// The stored key of checked key values.
    static func key(hash hashValue: AttributeValue, range rangeValue: AttributeValue?) throws -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(32)
        switch hashValue {
        case .s(let text):
            // The common case, without an intermediate array.
            for byte in text.utf8 {
                out.append(byte)
                if byte == 0 { out.append(0xFF) }
            }
            out.append(0)
            out.append(1)
        case .n, .b, .bool, .null, .l, .m, .ss, .ns, .bs:
            out = hashPrefix(try orderedBytes(hashValue))
        }
        if let rangeValue {
            out.append(contentsOf: try orderedBytes(rangeValue))
        }
        return out
    }

    /// The escaped, terminated partition-key component.
    static func hashPrefix(_ component: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(component.count + 2)
        for byte in component {
            out.append(byte)
            if byte == 0 { out.append(0xFF) }
        }
        out.append(0)
        out.append(1)
        return out
    }

    /// The order-preserving bytes of a key value (S, N or B).
    static func orderedBytes(_ value: AttributeValue) throws -> [UInt8] {
        switch value {
        case .s(let text): return Array(text.utf8)
        case .n(let text): return DynamoNumber.orderedBytes(try DynamoNumber.parse(text))
        case .b(let bytes): return bytes
        case .bool, .null, .l, .m, .ss, .ns, .bs:
            throw DynamoDBError.invalidParameter("Key attributes must be of type S, N or B, found \(value.typeTag)")
        }
    }

    /// The smallest byte string greater than every string that starts with `prefix`, or nil when there is none.
    static func successor(ofPrefix prefix: [UInt8]) -> [UInt8]? {
        var bytes = prefix
        while let last = bytes.last {
            if last < 0xFF {
                bytes[bytes.count - 1] = last + 1
                return bytes
            }
            bytes.removeLast()
        }
        return nil
    }
}
