import HiveValues
import HQLPlanner
import SQLiteStore

/// Turns one text field into the SQLite encoding of its column's Hive type (schema on read): a field that
/// does not parse as its type is NULL, a missing trailing field is NULL, extra fields are ignored.
struct TextValueDecoder {
    let format: TextFormat

    func decode(_ field: String?, as type: HQLPlanner.HiveType) -> SQLiteValue {
        guard let field else { return .null }
        if let marker = format.nullMarker, field == marker {
            return .null
        }
        switch type {
        case .string, .varchar, .char:
            return .text(field)
        default:
            if field.isEmpty { return .null }
        }
        switch type {
        case .boolean:
            switch field.lowercased() {
            case "true": return .integer(1)
            case "false": return .integer(0)
            default: return .null
            }
        case .tinyint, .smallint, .int, .bigint:
            // Hive's lazy integer parsing: an optional sign and digits, nothing else, within the type's range.
            guard let value = Int64(field), CastRules.integer(field, bits: bits(type)) == value else { return .null }
            return .integer(value)
        case .float:
            return HiveCast.toFloat(field).map { .real(Double($0)) } ?? .null
        case .double:
            return HiveCast.toDouble(field).map { .real($0) } ?? .null
        case .decimal(let precision, let scale):
            return CastRules.decimal(field, precision: precision, scale: scale).map { .integer($0) } ?? .null
        case .date:
            return DateFunctions.date(from: .string(field)).map { .integer(Int64($0.days)) } ?? .null
        case .timestamp:
            return DateFunctions.timestamp(from: .string(field)).map { .integer($0.micros) } ?? .null
        case .binary:
            return .blob(Array(field.utf8))
        case .array, .map, .struct:
            guard let value = complex(field, as: type) else { return .null }
            return .text(value.jsonStorageText)
        case .string, .varchar, .char, .void, .intervalYearMonth, .intervalDayTime:
            return .null
        }
    }

    /// Collections in delimited text: items split by the collection separator, map keys by the map-key one.
    private func complex(_ field: String, as type: HQLPlanner.HiveType) -> HiveValue? {
        let itemSeparator = String(decoding: format.collectionSeparator, as: UTF8.self)
        let keySeparator = String(decoding: format.mapKeySeparator, as: UTF8.self)
        switch type {
        case .array(let element):
            guard !field.isEmpty else { return .array([]) }
            return .array(field.components(separatedBy: itemSeparator).map { scalar($0, as: element) })
        case .map(let key, let value):
            guard !field.isEmpty else { return .map([]) }
            return .map(field.components(separatedBy: itemSeparator).map { entry in
                let parts = entry.components(separatedBy: keySeparator)
                return HiveMapEntry(scalar(parts[0], as: key),
                                    parts.count > 1 ? scalar(parts.dropFirst().joined(separator: keySeparator), as: value)
                                                    : .null)
            })
        case .struct(let fields):
            let values = field.components(separatedBy: itemSeparator)
            return .structValue(fields.enumerated().map { index, field in
                HiveStructField(field.name, index < values.count ? scalar(values[index], as: field.type) : .null)
            })
        default:
            return nil
        }
    }

    private func scalar(_ text: String, as type: HQLPlanner.HiveType) -> HiveValue {
        if let marker = format.nullMarker, text == marker { return .null }
        guard let target = ValueCoding.valueType(type) else { return .null }
        return HiveCast.cast(.string(text), to: target)
    }

    private func bits(_ type: HQLPlanner.HiveType) -> Int {
        switch type {
        case .tinyint: return 8
        case .smallint: return 16
        case .int: return 32
        default: return 64
        }
    }
}
