import HiveValues
import HQLCodegen
import HQLPlanner
import SQLiteStore

/// The text of one result value as the spark-sql CLI prints it, given its Hive type and its SQLite
/// encoding (docs/engine-design.md §2). Numbers and strings take a fast path; dates, timestamps, binary
/// and complex values are decoded to `HiveValue` and printed by it.
enum ValueText {
    static func format(_ value: SQLiteValue, as type: HQLPlanner.HiveType) -> String {
        switch value {
        case .null:
            return "NULL"
        case .integer(let number):
            switch type {
            case .boolean: return number == 0 ? "false" : "true"
            case .decimal(_, let scale): return ScaledDecimal.text(number, scale: scale)
            case .double: return JavaNumberText.double(Double(number))
            case .float: return JavaNumberText.float(Float(number))
            case .tinyint, .smallint, .int, .bigint: return String(number)
            default: return ValueCoding.decode(value, as: type).cliText
            }
        case .real(let number):
            switch type {
            case .float: return JavaNumberText.float(Float(number))
            case .tinyint, .smallint, .int, .bigint: return String(Int64(number))
            default: return JavaNumberText.double(number)
            }
        case .text(let text):
            switch type {
            case .string, .varchar, .void: return text
            case .char(let length):
                // CHAR(n) values print padded to n, as Spark reads them back.
                let count = text.count
                return count >= length ? text : text + String(repeating: " ", count: length - count)
            default: return ValueCoding.decode(value, as: type).cliText
            }
        case .blob(let bytes):
            return String(decoding: bytes, as: UTF8.self)
        }
    }
}
