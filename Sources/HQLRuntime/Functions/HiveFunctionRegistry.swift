import HiveValues
import HQLCodegen
import SQLiteStore

/// Registers the Swift functions generated SQL calls (`hive_*`), each marked deterministic where pure.
/// Their bodies follow Spark's non-ANSI rules (the conformance oracle): a value that does not convert is NULL.
enum HiveFunctionRegistry {
    /// Registers every function and returns their names.
    static func register(on connection: Connection) throws -> Set<String> {
        var names: Set<String> = []
        func scalar(_ name: String, _ count: Int, _ body: @escaping ([SQLiteValue]) throws -> SQLiteValue) throws {
            try connection.createFunction(name, argumentCount: count, options: .pure, body)
            names.insert(name)
        }
        try scalar("hive_cast_boolean", 1) { args in
            guard let text = args[0].stringValue else { return .null }
            return HiveCast.toBoolean(text).map { .integer($0 ? 1 : 0) } ?? .null
        }
        try scalar("hive_cast_integer", 2) { args in
            guard let text = args[0].stringValue else { return .null }
            return CastRules.integer(text, bits: Int(args[1].int64Value ?? 64)).map { .integer($0) } ?? .null
        }
        try scalar("hive_cast_double", 1) { args in
            guard let text = args[0].stringValue else { return .null }
            return HiveCast.toDouble(text).map { .real($0) } ?? .null
        }
        try scalar("hive_to_float", 1) { args in
            guard let number = args[0].doubleValue else { return .null }
            return .real(Double(Float(number)))
        }
        try scalar("hive_decimal_fit", 2) { args in
            guard case .integer(let value) = args[0], let precision = args[1].int64Value else {
                return args[0].isNull ? .null : .null
            }
            return CastRules.fits(value, precision: Int(precision)) ? .integer(value) : .null
        }
        try scalar("hive_decimal_rescale", 2) { args in
            guard case .integer(let value) = args[0], let drop = args[1].int64Value else { return .null }
            return .integer(CastRules.roundHalfUp(value, droppingDigits: Int(drop)))
        }
        try scalar("hive_decimal_from_string", 3) { args in
            guard let text = args[0].stringValue, let precision = args[1].int64Value, let scale = args[2].int64Value
            else { return .null }
            return CastRules.decimal(text, precision: Int(precision), scale: Int(scale)).map { .integer($0) } ?? .null
        }
        try scalar("hive_decimal_from_double", 3) { args in
            guard let number = args[0].doubleValue, number.isFinite,
                  let precision = args[1].int64Value, let scale = args[2].int64Value else { return .null }
            return CastRules.decimal("\(number)", precision: Int(precision), scale: Int(scale)).map { .integer($0) }
                ?? .null
        }
        try scalar("hive_decimal_text", 2) { args in
            guard case .integer(let value) = args[0], let scale = args[1].int64Value else { return .null }
            return .text(ScaledDecimal.text(value, scale: Int(scale)))
        }
        try scalar("hive_double_text", 1) { args in
            guard let number = args[0].doubleValue else { return .null }
            return .text(JavaNumberText.double(number))
        }
        try scalar("hive_float_text", 1) { args in
            guard let number = args[0].doubleValue else { return .null }
            return .text(JavaNumberText.float(Float(number)))
        }
        try scalar("hive_bigint_add", 2) { args in
            guard let a = args[0].int64Value, let b = args[1].int64Value else { return .null }
            return .integer(a &+ b)
        }
        try scalar("hive_bigint_subtract", 2) { args in
            guard let a = args[0].int64Value, let b = args[1].int64Value else { return .null }
            return .integer(a &- b)
        }
        try scalar("hive_bigint_multiply", 2) { args in
            guard let a = args[0].int64Value, let b = args[1].int64Value else { return .null }
            return .integer(a &* b)
        }
        try scalar("hive_fmod", 2) { args in
            guard let a = args[0].doubleValue, let b = args[1].doubleValue, b != 0 else { return .null }
            return .real(a.truncatingRemainder(dividingBy: b))
        }
        try scalar("hive_cast_date", 1) { args in
            guard let text = args[0].stringValue else { return .null }
            return DateFunctions.date(from: .string(text)).map { .integer(Int64($0.days)) } ?? .null
        }
        try scalar("hive_cast_timestamp", 1) { args in
            guard let text = args[0].stringValue else { return .null }
            return DateFunctions.timestamp(from: .string(text)).map { .integer($0.micros) } ?? .null
        }
        try scalar("hive_date_text", 1) { args in
            guard let days = args[0].int64Value else { return .null }
            return .text(HiveDate(days: Int32(truncatingIfNeeded: days)).description)
        }
        try scalar("hive_timestamp_text", 1) { args in
            guard let micros = args[0].int64Value else { return .null }
            return .text(HiveTimestamp(micros: micros).description)
        }
        let regexes = RegexCache()
        try scalar("hive_rlike", 2) { args in
            guard let text = args[0].stringValue, let pattern = args[1].stringValue else { return .null }
            return .integer(try regexes.matches(text, pattern: pattern) ? 1 : 0)
        }
        return names
    }
}

/// Compiled patterns by text; a statement uses few patterns many times. Used on the session's thread.
final class RegexCache: @unchecked Sendable {
    private var compiled: [String: Regex<AnyRegexOutput>] = [:]

    func matches(_ text: String, pattern: String) throws -> Bool {
        let regex: Regex<AnyRegexOutput>
        if let cached = compiled[pattern] {
            regex = cached
        } else {
            regex = try Regex(pattern)
            if compiled.count > 256 { compiled.removeAll() }
            compiled[pattern] = regex
        }
        return try regex.firstMatch(in: text) != nil
    }
}
