import HiveValues
import HQLPlanner
import SQLiteStore

/// Converts between SQLite's encodings (docs/engine-design.md §2) and `HiveValue`, by Hive type.
enum ValueCoding {
    static func decode(_ value: SQLiteValue, as type: HQLPlanner.HiveType) -> HiveValue {
        if value.isNull { return .null }
        switch type {
        case .void: return .null
        case .boolean: return .boolean((value.int64Value ?? 0) != 0)
        case .tinyint: return .tinyint(Int8(truncatingIfNeeded: value.int64Value ?? 0))
        case .smallint: return .smallint(Int16(truncatingIfNeeded: value.int64Value ?? 0))
        case .int: return .int(Int32(truncatingIfNeeded: value.int64Value ?? 0))
        case .bigint: return .bigint(value.int64Value ?? 0)
        case .float: return .float(Float(value.doubleValue ?? 0))
        case .double: return .double(value.doubleValue ?? 0)
        case .decimal(_, let scale):
            guard let unscaled = value.int64Value, let decimal = HiveDecimal(unscaled: Int128(unscaled), scale: scale)
            else { return .null }
            return .decimal(decimal)
        case .string, .varchar, .char: return .string(value.stringValue ?? "")
        case .binary: return .binary(value.blobValue ?? Array((value.stringValue ?? "").utf8))
        case .date: return .date(HiveDate(days: Int32(truncatingIfNeeded: value.int64Value ?? 0)))
        case .timestamp: return .timestamp(HiveTimestamp(micros: value.int64Value ?? 0))
        case .array, .map, .struct:
            guard let storage = valueType(type), let text = value.stringValue else { return .null }
            return HiveValue.fromJSONStorage(text, as: storage)
        case .intervalYearMonth, .intervalDayTime:
            return .null
        }
    }

    static func encode(_ value: HiveValue, as type: HQLPlanner.HiveType) -> SQLiteValue {
        switch value {
        case .null: return .null
        case .boolean(let flag):
            return type.isStringFamily ? .text(flag ? "true" : "false") : .integer(flag ? 1 : 0)
        case .tinyint(let v): return number(Int64(v), as: type)
        case .smallint(let v): return number(Int64(v), as: type)
        case .int(let v): return number(Int64(v), as: type)
        case .bigint(let v): return number(v, as: type)
        case .float(let v): return type.isStringFamily ? .text(value.cliText) : .real(Double(v))
        case .double(let v):
            if type.isIntegral { return .integer(HiveCast.doubleToInt64(v)) }
            return type.isStringFamily ? .text(value.cliText) : (v.isNaN ? .null : .real(v))
        case .decimal(let decimal):
            if case .decimal(_, let scale) = type {
                guard let scaled = decimal.setScale(scale), let unscaled = Int64(exactly: scaled.unscaled) else {
                    return .null
                }
                return .integer(unscaled)
            }
            if type.isFloatingPoint { return value.doubleValue.map { .real($0) } ?? .null }
            if type.isIntegral { return value.int64Value.map { .integer($0) } ?? .null }
            return .text(decimal.description)
        case .string(let text):
            if type.isIntegral { return HiveCast.toInt64(text).map { .integer($0) } ?? .null }
            if type.isFloatingPoint { return HiveCast.toDouble(text).map { .real($0) } ?? .null }
            return .text(text)
        case .binary(let bytes): return .blob(bytes)
        case .date(let date):
            return type.isStringFamily ? .text(date.description) : .integer(Int64(date.days))
        case .timestamp(let timestamp):
            if type == .date { return .integer(Int64(timestamp.micros / HiveTimestamp.microsPerDay)) }
            return type.isStringFamily ? .text(timestamp.description) : .integer(timestamp.micros)
        case .array, .map, .structValue:
            return .text(value.jsonStorageText)
        }
    }

    private static func number(_ v: Int64, as type: HQLPlanner.HiveType) -> SQLiteValue {
        if type.isFloatingPoint { return .real(Double(v)) }
        if case .decimal(_, let scale) = type {
            var scaled = v
            for _ in 0..<scale { scaled = scaled &* 10 }
            return .integer(scaled)
        }
        if type.isStringFamily { return .text(String(v)) }
        return .integer(v)
    }

    /// HiveValues' own description of a type, for decoding JSON storage.
    static func valueType(_ type: HQLPlanner.HiveType) -> HiveValues.HiveType? {
        switch type {
        case .boolean: return .boolean
        case .tinyint: return .tinyint
        case .smallint: return .smallint
        case .int: return .int
        case .bigint: return .bigint
        case .float: return .float
        case .double: return .double
        case .decimal(let precision, let scale): return .decimal(DecimalType(precision: precision, scale: scale))
        case .string, .varchar, .char, .void: return .string
        case .binary: return .binary
        case .date: return .date
        case .timestamp: return .timestamp
        case .array(let element): return valueType(element).map { .array($0) }
        case .map(let key, let value):
            guard let k = valueType(key), let v = valueType(value) else { return nil }
            return .map(k, v)
        case .struct(let fields):
            var converted: [(String, HiveValues.HiveType)] = []
            for field in fields {
                guard let type = valueType(field.type) else { return nil }
                converted.append((field.name, type))
            }
            return .structType(converted)
        case .intervalYearMonth, .intervalDayTime: return nil
        }
    }
}
