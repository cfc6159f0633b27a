/// One Hive runtime value.
///
/// One case per Hive type rather than a single `int(Int64)`: the type decides behaviour that the number alone
/// cannot (`FLOAT` prints through `Float.toString`, Spark's `hash` mixes an INT as 4 bytes and a BIGINT as 8,
/// integer overflow wraps at the column's width). Maps keep their entries in insertion order as an array of pairs,
/// since Hive map keys need not be hashable in Swift's sense (doubles, decimals) and order matters for printing.
public enum HiveValue: Sendable, Hashable {
    /// SQL NULL.
    case null
    /// BOOLEAN.
    case boolean(Bool)
    /// TINYINT.
    case tinyint(Int8)
    /// SMALLINT.
    case smallint(Int16)
    /// INT.
    case int(Int32)
    /// BIGINT.
    case bigint(Int64)
    /// FLOAT.
    case float(Float)
    /// DOUBLE.
    case double(Double)
    /// DECIMAL(p, s); the scale travels with the value.
    case decimal(HiveDecimal)
    /// STRING, VARCHAR and CHAR.
    case string(String)
    /// BINARY.
    case binary([UInt8])
    /// DATE.
    case date(HiveDate)
    /// TIMESTAMP (UTC microseconds).
    case timestamp(HiveTimestamp)
    /// ARRAY<T>.
    indirect case array([HiveValue])
    /// MAP<K, V>, entries in insertion order.
    indirect case map([HiveMapEntry])
    /// STRUCT<...>, fields in declaration order.
    indirect case structValue([HiveStructField])

    /// Whether this is SQL NULL.
    public var isNull: Bool { if case .null = self { return true } else { return false } }
}

/// One entry of a MAP value.
public struct HiveMapEntry: Sendable, Hashable {
    /// The key (never NULL in Hive).
    public var key: HiveValue
    /// The value.
    public var value: HiveValue
    /// Creates an entry.
    public init(_ key: HiveValue, _ value: HiveValue) { self.key = key; self.value = value }
}

/// One field of a STRUCT value.
public struct HiveStructField: Sendable, Hashable {
    /// The field name as declared.
    public var name: String
    /// The field value.
    public var value: HiveValue
    /// Creates a field.
    public init(_ name: String, _ value: HiveValue) { self.name = name; self.value = value }
}

// MARK: - Text form (spark-sql CLI)

extension HiveValue {
    /// The text the spark-sql CLI prints for this value as a result column (`HiveResult.hiveResultString`):
    /// `NULL` for NULL, strings as they are, nested values in their JSON-like form.
    public var cliText: String {
        switch self {
        case .null: return "NULL"
        case .string(let s): return s
        default:
            var out = ""
            appendText(to: &out, nested: false)
            return out
        }
    }

    /// Appends the text form; `nested` selects the form used inside arrays, maps and structs, where NULL is
    /// `null` and strings are wrapped in double quotes (without escaping, as Spark does).
    public func appendText(to out: inout String, nested: Bool) {
        switch self {
        case .null: out += nested ? "null" : "NULL"
        case .boolean(let b): out += b ? "true" : "false"
        case .tinyint(let v): out += String(v)
        case .smallint(let v): out += String(v)
        case .int(let v): out += String(v)
        case .bigint(let v): out += String(v)
        case .float(let v): out += JavaNumberText.float(v)
        case .double(let v): out += JavaNumberText.double(v)
        case .decimal(let d): out += d.description
        case .string(let s):
            if nested { out += "\""; out += s; out += "\"" } else { out += s }
        case .binary(let bytes):
            out += HiveValue.binaryText(bytes)
        case .date(let d): out += d.description
        case .timestamp(let t): out += t.description
        case .array(let items):
            out += "["
            for (i, item) in items.enumerated() {
                if i > 0 { out += "," }
                item.appendText(to: &out, nested: true)
            }
            out += "]"
        case .map(let entries):
            // The Spark CLI sorts the rendered `key:value` strings (not the keys by value).
            var parts: [String] = []
            parts.reserveCapacity(entries.count)
            for e in entries {
                var s = ""
                e.key.appendText(to: &s, nested: true)
                s += ":"
                e.value.appendText(to: &s, nested: true)
                parts.append(s)
            }
            parts.sort { $0.utf16.lexicographicallyPrecedes($1.utf16) } // Java compares UTF-16 code units
            out += "{"
            out += parts.joined(separator: ",")
            out += "}"
        case .structValue(let fields):
            out += "{"
            for (i, f) in fields.enumerated() {
                if i > 0 { out += "," }
                out += "\""; out += f.name; out += "\":"
                f.value.appendText(to: &out, nested: true)
            }
            out += "}"
        }
    }

    /// How the CLI shows BINARY bytes: decoded as UTF-8 text (invalid sequences become U+FFFD), which is what
    /// the Spark 4.3 CLI printed for `CAST('abc' AS BINARY)` (`abc`) and inside arrays (`[ab]`).
    static func binaryText(_ bytes: [UInt8]) -> String {
        String(decoding: bytes, as: UTF8.self)
    }
}

/// A Hive column type, as far as runtime values need one (decoding stored JSON, casts, hashing).
public indirect enum HiveType: Sendable, Hashable, CustomStringConvertible {
    case boolean, tinyint, smallint, int, bigint, float, double
    case decimal(DecimalType)
    case string, binary, date, timestamp
    case array(HiveType)
    case map(HiveType, HiveType)
    case structType([(String, HiveType)])

    public static func == (a: HiveType, b: HiveType) -> Bool { a.description == b.description }
    public func hash(into h: inout Hasher) { h.combine(description) }

    /// Spark's spelling of the type (`array<int>`, `decimal(10,2)`, `struct<a:int>`).
    public var description: String {
        switch self {
        case .boolean: return "boolean"
        case .tinyint: return "tinyint"
        case .smallint: return "smallint"
        case .int: return "int"
        case .bigint: return "bigint"
        case .float: return "float"
        case .double: return "double"
        case .decimal(let d): return d.description
        case .string: return "string"
        case .binary: return "binary"
        case .date: return "date"
        case .timestamp: return "timestamp"
        case .array(let e): return "array<\(e)>"
        case .map(let k, let v): return "map<\(k),\(v)>"
        case .structType(let fields): return "struct<" + fields.map { "\($0.0):\($0.1)" }.joined(separator: ",") + ">"
        }
    }
}
