import HQLPlanner
import HQLSyntax

extension SQLiteGenerator {
    /// Converts SQL producing `from`'s encoding into `to`'s, with Hive's cast semantics:
    /// a value that does not convert becomes NULL, doubles truncate toward zero (saturating as Java does),
    /// decimals round half up and become NULL when they do not fit their precision.
    mutating func cast(_ sql: String, from: HiveType, to: HiveType, span: Span) throws -> String {
        if from == to { return sql }
        if from == .void { return "NULL" }
        func unsupported() -> Diagnostic {
            .error("HQL4001", "converting \(from) to \(to) is not supported by hqlrun yet", at: span)
        }
        switch to {
        case .boolean:
            if from.isStringFamily { return use("hive_cast_boolean", at: span) + "(" + sql + ")" }
            if from.isNumeric { return "(" + sql + " <> 0)" }
            throw unsupported()
        case .tinyint, .smallint, .int, .bigint:
            let bits = Self.integerBits(to)
            if from == .boolean { return sql }
            if from.isIntegral {
                return Self.integerBits(from) <= bits ? sql : wrap(sql, type: to, span: span)
            }
            if from.isFloatingPoint {
                let (low, high) = Self.integerRange(bits)
                return "max(\(low), min(\(high), CAST(" + sql + " AS INTEGER)))"
            }
            if let (_, scale) = from.decimalParameters {
                return wrap(scale == 0 ? sql : "(" + sql + " / " + Self.powerOfTen(scale) + ")", type: to, span: span)
            }
            if from.isStringFamily { return use("hive_cast_integer", at: span) + "(" + sql + ", \(bits))" }
            if from == .timestamp {
                // Whole seconds since the epoch, rounding toward the past, as Spark does.
                return wrap("((" + sql + " - ((" + sql + " % 1000000) + 1000000) % 1000000) / 1000000)", type: to, span: span)
            }
            throw unsupported()
        case .float, .double:
            let converted: String
            if from.isIntegral || from == .boolean || from.isFloatingPoint {
                converted = "CAST(" + sql + " AS REAL)"
            } else if let (_, scale) = from.decimalParameters {
                // Both operands are exact in a double, so the quotient is correctly rounded, as BigDecimal's is.
                converted = "(CAST(" + sql + " AS REAL) / " + Self.powerOfTen(scale) + ".0)"
            } else if from.isStringFamily {
                converted = use("hive_cast_double", at: span) + "(" + sql + ")"
            } else if from == .timestamp {
                converted = "(CAST(" + sql + " AS REAL) / 1000000.0)"
            } else {
                throw unsupported()
            }
            return to == .float ? use("hive_to_float", at: span) + "(" + converted + ")" : converted
        case .decimal(let precision, let scale):
            let fit = use("hive_decimal_fit", at: span)
            if from.isIntegral || from == .boolean {
                return fit + "(" + sql + " * " + Self.powerOfTen(scale) + ", \(precision))"
            }
            if let (_, fromScale) = from.decimalParameters {
                if fromScale == scale { return fit + "(" + sql + ", \(precision))" }
                if fromScale < scale {
                    return fit + "(" + sql + " * " + Self.powerOfTen(scale - fromScale) + ", \(precision))"
                }
                return fit + "(" + use("hive_decimal_rescale", at: span) + "(" + sql + ", \(fromScale - scale)), \(precision))"
            }
            if from.isFloatingPoint {
                return use("hive_decimal_from_double", at: span) + "(" + sql + ", \(precision), \(scale))"
            }
            if from.isStringFamily {
                return use("hive_decimal_from_string", at: span) + "(" + sql + ", \(precision), \(scale))"
            }
            throw unsupported()
        case .date:
            if from.isStringFamily { return use("hive_cast_date", at: span) + "(" + sql + ")" }
            // Whole days of a timestamp, rounding toward the past for times before 1970.
            if from == .timestamp { return "((" + sql + " - ((" + sql + " % 86400000000) + 86400000000) % 86400000000) / 86400000000)" }
            throw unsupported()
        case .timestamp:
            if from.isStringFamily { return use("hive_cast_timestamp", at: span) + "(" + sql + ")" }
            if from == .date { return "(" + sql + " * 86400000000)" }
            if from.isIntegral { return "(" + sql + " * 1000000)" }
            if from.isFloatingPoint { return "CAST(" + sql + " * 1000000 AS INTEGER)" }
            throw unsupported()
        case .string, .varchar, .char:
            let text: String
            if from == .date {
                text = use("hive_date_text", at: span) + "(" + sql + ")"
            } else if from == .timestamp {
                text = use("hive_timestamp_text", at: span) + "(" + sql + ")"
            } else if from.isStringFamily {
                text = sql
            } else if from.isIntegral {
                text = "CAST(" + sql + " AS TEXT)"
            } else if from == .boolean {
                text = "(CASE " + sql + " WHEN 1 THEN 'true' WHEN 0 THEN 'false' END)"
            } else if from == .double {
                text = use("hive_double_text", at: span) + "(" + sql + ")"
            } else if from == .float {
                text = use("hive_float_text", at: span) + "(" + sql + ")"
            } else if let (_, scale) = from.decimalParameters {
                text = use("hive_decimal_text", at: span) + "(" + sql + ", \(scale))"
            } else {
                throw unsupported()
            }
            switch to {
            case .varchar(let length), .char(let length): return "substr(" + text + ", 1, \(length))"
            default: return text
            }
        case .array, .map, .struct:
            guard from.isComplex else { throw unsupported() }
            // Element by element in Swift (e.g. `array()`'s ARRAY<VOID> into ARRAY<STRING>).
            let name = Self.typedFunctionName("hive_cast_complex", arguments: [from], result: to)
            return Self.quote(use(name, at: span)) + "(" + sql + ")"
        default:
            throw unsupported()
        }
    }

    static func integerBits(_ type: HiveType) -> Int {
        switch type {
        case .tinyint: return 8
        case .smallint: return 16
        case .int: return 32
        default: return 64
        }
    }

    static func integerRange(_ bits: Int) -> (String, String) {
        switch bits {
        case 8: return ("-128", "127")
        case 16: return ("-32768", "32767")
        case 32: return ("-2147483648", "2147483647")
        default: return ("(-9223372036854775807 - 1)", "9223372036854775807")
        }
    }

    static func powerOfTen(_ exponent: Int) -> String {
        "1" + String(repeating: "0", count: max(0, exponent))
    }
}
