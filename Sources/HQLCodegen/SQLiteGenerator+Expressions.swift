import HQLPlanner
import HQLSyntax

extension SQLiteGenerator {
    /// The SQL of an expression, producing its type's SQLite encoding.
    mutating func expression(_ expression: BoundExpression) throws -> String {
        let span = expression.span
        if let branch = groupingBranch {
            if case .groupingFlags(let keys) = expression.kind {
                var value = 0
                for key in keys { value = value * 2 + (branch.grouped.contains(key) ? 0 : 1) }
                return String(value)
            }
            if branch.nulled.contains(expression.fingerprint) { return "NULL" }
        }
        switch expression.kind {
        case .literal(let value):
            return try literal(value, type: expression.type, span: span)
        case .column(let reference):
            let column = Self.quote(reference.relationAlias) + "." + Self.quote(reference.column)
            guard let element = reference.jsonElement else { return column }
            return try jsonElement(column, type: expression.type, isKey: element == .key, span: span)
        case .cast(let operand):
            return try cast(try self.expression(operand), from: operand.type, to: expression.type, span: span)
        case .negate(let operand):
            // A space after the minus: `--` would start a SQL comment when the operand is negative.
            return wrap("(- " + (try self.expression(operand)) + ")", type: expression.type, span: span)
        case .not(let operand):
            return "(NOT " + (try self.expression(operand)) + ")"
        case .bitwiseNot(let operand):
            return wrap("(~" + (try self.expression(operand)) + ")", type: expression.type, span: span)
        case .arithmetic(let op, let left, let right):
            return try arithmetic(op, left, right, type: expression.type, span: span)
        case .comparison(let op, let left, let right):
            let l = try self.expression(left)
            let r = try self.expression(right)
            switch op {
            case .nullSafeEqual: return "(" + l + " IS " + r + ")"
            case .equal: return "(" + l + " = " + r + ")"
            case .notEqual: return "(" + l + " <> " + r + ")"
            case .less: return "(" + l + " < " + r + ")"
            case .lessEqual: return "(" + l + " <= " + r + ")"
            case .greater: return "(" + l + " > " + r + ")"
            case .greaterEqual: return "(" + l + " >= " + r + ")"
            default: throw Diagnostic.error("HQL5001", "internal: \(op.rawValue) is not a comparison", at: span)
            }
        case .and(let left, let right):
            return "(" + (try self.expression(left)) + " AND " + (try self.expression(right)) + ")"
        case .or(let left, let right):
            return "(" + (try self.expression(left)) + " OR " + (try self.expression(right)) + ")"
        case .concat(let parts):
            return "(" + (try parts.map { try self.expression($0) }.joined(separator: " || ")) + ")"
        case .isNull(let operand, let negated):
            return "(" + (try self.expression(operand)) + (negated ? " IS NOT NULL)" : " IS NULL)")
        case .between(let value, let low, let high, let negated):
            return "(" + (try self.expression(value)) + (negated ? " NOT BETWEEN " : " BETWEEN ")
                + (try self.expression(low)) + " AND " + (try self.expression(high)) + ")"
        case .inList(let value, let list, let negated):
            return "(" + (try self.expression(value)) + (negated ? " NOT IN (" : " IN (")
                + (try list.map { try self.expression($0) }.joined(separator: ", ")) + "))"
        case .like(let value, let pattern, let op, let negated):
            let v = try self.expression(value)
            let p = try self.expression(pattern)
            let test: String
            switch op {
            // Hive's LIKE is case-sensitive with `\` as the escape; the runtime turns on case_sensitive_like.
            case .like: test = "(" + v + " LIKE " + p + " ESCAPE '\\')"
            case .rlike, .regexp: test = use("hive_rlike", at: span) + "(" + v + ", " + p + ")"
            }
            return negated ? "(NOT " + test + ")" : test
        case .caseWhen(let branches, let elseResult):
            var sql = "CASE"
            for branch in branches {
                sql += " WHEN " + (try self.expression(branch.condition)) + " THEN " + (try self.expression(branch.result))
            }
            if let elseResult { sql += " ELSE " + (try self.expression(elseResult)) }
            return sql + " END"
        case .coalesce(let items):
            let parts = try items.map { try self.expression($0) }
            return parts.count == 1 ? parts[0] : "coalesce(" + parts.joined(separator: ", ") + ")"
        case .function(let call):
            let arguments = try call.arguments.map { try self.expression($0) }
            switch call.lowering {
            case .sqliteExpression(let template):
                var sql = template
                for index in stride(from: arguments.count, through: 1, by: -1) {
                    sql = sql.replacingAll("$\(index)", with: arguments[index - 1])
                }
                return "(" + sql + ")"
            case .swiftFunction(let symbol):
                // Named by its signature, so the runtime knows how to decode each argument and encode the result.
                let name = Self.typedFunctionName(symbol, arguments: call.arguments.map(\.type), result: expression.type)
                return Self.quote(use(name, at: span)) + "(" + arguments.joined(separator: ", ") + ")"
            case .aggregate, .window, .generator, .special, .unsupported:
                throw Diagnostic.error("HQL4001", "the function '\(call.name)' is not supported by hqlrun yet", at: span)
            }
        case .aggregate(let call):
            let distinct = call.isDistinct ? "DISTINCT " : ""
            if call.arguments.isEmpty { return "count(*)" }
            if call.function == .count, call.arguments.count > 1 {
                // count(DISTINCT a, b): distinct combinations in which no value is NULL.
                let parts = try call.arguments.map { try self.expression($0) }
                return "count(DISTINCT CASE WHEN " + parts.map { $0 + " IS NOT NULL" }.joined(separator: " AND ")
                    + " THEN json_array(" + parts.joined(separator: ", ") + ") END)"
            }
            let argument = try self.expression(call.arguments[0])
            switch call.function {
            case .count: return "count(" + distinct + argument + ")"
            case .sum: return "sum(" + distinct + argument + ")"
            case .avg:
                if call.arguments[0].type.decimalParameters != nil {
                    // The exact mean of decimals: their exact sum divided by their count, at avg's type.
                    let sumType = DecimalTyping.sum(call.arguments[0].type)
                    let name = Self.typedFunctionName("hive_decimal_divide", arguments: [sumType, .decimal(precision: 20, scale: 0)],
                                                      result: expression.type)
                    return Self.quote(use(name, at: span)) + "(sum(" + distinct + argument + "), count(" + distinct + argument + "))"
                }
                return "avg(" + distinct + argument + ")"
            case .min: return "min(" + argument + ")"
            case .max: return "max(" + argument + ")"
            case .custom:
                let name = Self.typedFunctionName(call.symbol ?? "", arguments: call.arguments.map(\.type),
                                                  result: expression.type)
                let arguments = try call.arguments.map { try self.expression($0) }.joined(separator: ", ")
                return Self.quote(use(name, at: span)) + "(" + distinct + arguments + ")"
            }
        case .window(let call):
            return try window(call)
        case .inSubquery(let value, let query, let negated):
            return "(" + (try self.expression(value)) + (negated ? " NOT IN (" : " IN (") + (try self.query(query)) + "))"
        case .exists(let query, let negated):
            return "(" + (negated ? "NOT " : "") + "EXISTS (" + (try self.query(query)) + "))"
        case .scalarSubquery(let query):
            return "(" + (try self.query(query)) + ")"
        case .groupingFlags:
            throw Diagnostic.error("HQL4001", "grouping() outside GROUPING SETS, ROLLUP or CUBE is not supported by "
                                   + "hqlrun yet", at: span)
        }
    }

    /// `f(args) OVER (PARTITION BY .. ORDER BY .. frame)`, in SQLite's own window functions.
    mutating func window(_ call: BoundWindowCall) throws -> String {
        let arguments = call.arguments.isEmpty && call.function == "count" ? "*"
            : (call.isDistinct ? "DISTINCT " : "") + (try call.arguments.map { try expression($0) }.joined(separator: ", "))
        var clauses: [String] = []
        if !call.partitionBy.isEmpty {
            clauses.append("PARTITION BY " + (try call.partitionBy.map { try expression($0) }.joined(separator: ", ")))
        }
        if !call.orderBy.isEmpty {
            clauses.append("ORDER BY " + (try call.orderBy.map { item in
                var sql = try expression(item.expression)
                if item.descending { sql += " DESC" }
                if let nullsFirst = item.nullsFirst { sql += nullsFirst ? " NULLS FIRST" : " NULLS LAST" }
                return sql
            }.joined(separator: ", ")))
        }
        if let frame = call.frame {
            var sql = frame.unit.rawValue + " "
            if let end = frame.end {
                sql += "BETWEEN " + (try bound(frame.start)) + " AND " + (try bound(end))
            } else {
                sql += try bound(frame.start)
            }
            clauses.append(sql)
        }
        return call.function + "(" + arguments + ") OVER (" + clauses.joined(separator: " ") + ")"
    }

    private mutating func bound(_ bound: WindowFrame.Bound) throws -> String {
        switch bound {
        case .unboundedPreceding: return "UNBOUNDED PRECEDING"
        case .unboundedFollowing: return "UNBOUNDED FOLLOWING"
        case .currentRow: return "CURRENT ROW"
        case .preceding(let value), .following(let value):
            guard case .literal(.number(let text, _)) = value.kind else {
                throw Diagnostic.error("HQL4001", "a window frame offset must be a number", at: value.span)
            }
            if case .preceding = bound { return text + " PRECEDING" }
            return text + " FOLLOWING"
        }
    }

    /// A `json_each` value or key in the encoding of `type` (docs/engine-design.md §2; the JSON form is
    /// HiveValues' storage form: decimals as numbers, dates and timestamps as text, map keys as text).
    mutating func jsonElement(_ sql: String, type: HiveType, isKey: Bool, span: Span) throws -> String {
        switch type {
        case .boolean:
            return isKey ? use("hive_cast_boolean", at: span) + "(" + sql + ")" : sql
        case .tinyint, .smallint, .int, .bigint:
            return isKey ? "CAST(" + sql + " AS INTEGER)" : sql
        case .float, .double:
            return "CAST(" + sql + " AS REAL)"
        case .decimal(let precision, let scale):
            return use("hive_decimal_from_string", at: span) + "(CAST(" + sql + " AS TEXT), \(precision), \(scale))"
        case .date:
            return use("hive_cast_date", at: span) + "(" + sql + ")"
        case .timestamp:
            return use("hive_cast_timestamp", at: span) + "(" + sql + ")"
        default:
            // Strings are text in JSON; nested arrays, maps and structs come back as their JSON text.
            return sql
        }
    }

    // MARK: - Literals

    func literal(_ value: LiteralValue, type: HiveType, span: Span) throws -> String {
        switch value {
        case .null: return "NULL"
        case .boolean(let flag): return flag ? "1" : "0"
        case .integer(let number):
            // -9223372036854775808 would be read by SQLite as a REAL.
            if number == .min { return "(-9223372036854775807 - 1)" }
            return number < 0 ? "(" + String(number) + ")" : String(number)
        case .double(let number):
            if number.isNaN { return "NULL" }
            if number.isInfinite { return number > 0 ? "9e999" : "(-9e999)" }
            return number < 0 ? "(\(number))" : "\(number)"
        case .string(let text):
            return Self.stringLiteral(text)
        case .decimal(let text):
            guard let scale = type.decimalParameters?.scale, let unscaled = ScaledDecimal.unscaled(text, scale: scale) else {
                throw Diagnostic.error("HQL4001", "the decimal literal \(text) is too large for hqlrun yet", at: span)
            }
            if unscaled == .min { return "(-9223372036854775807 - 1)" }
            return unscaled < 0 ? "(" + String(unscaled) + ")" : String(unscaled)
        }
    }

    // MARK: - Arithmetic

    mutating func arithmetic(_ op: BinaryOperator, _ left: BoundExpression, _ right: BoundExpression,
                             type: HiveType, span: Span) throws -> String {
        let l = try expression(left)
        let r = try expression(right)
        switch op {
        case .divide where type.decimalParameters != nil, .multiply where type.decimalParameters != nil,
             .modulo where type.decimalParameters != nil:
            // Exact decimal arithmetic in Swift (128-bit, HALF_UP to the result type, NULL on overflow or / 0).
            let symbol = op == .divide ? "hive_decimal_divide" : op == .multiply ? "hive_decimal_multiply" : "hive_decimal_remainder"
            let name = Self.typedFunctionName(symbol, arguments: [left.type, right.type], result: type)
            return Self.quote(use(name, at: span)) + "(" + l + ", " + r + ")"
        case .divide:
            // Operands are DOUBLE here; SQLite yields NULL for a division by zero, as Hive does.
            return "(" + l + " / " + r + ")"
        case .integerDivide:
            return "(" + l + " / " + r + ")"
        case .modulo:
            if type.isFloatingPoint { return use("hive_fmod", at: span) + "(" + l + ", " + r + ")" }
            return "(" + l + " % " + r + ")"
        case .add, .subtract, .multiply:
            let symbol = op == .add ? " + " : op == .subtract ? " - " : " * "
            if let (precision, _) = type.decimalParameters {
                return use("hive_decimal_fit", at: span) + "(" + l + symbol + r + ", \(precision))"
            }
            if type == .bigint {
                let name = op == .add ? "hive_bigint_add" : op == .subtract ? "hive_bigint_subtract" : "hive_bigint_multiply"
                return use(name, at: span) + "(" + l + ", " + r + ")"
            }
            if type == .float {
                return use("hive_to_float", at: span) + "(" + l + symbol + r + ")"
            }
            return wrap("(" + l + symbol + r + ")", type: type, span: span)
        case .bitwiseAnd:
            return "(" + l + " & " + r + ")"
        case .bitwiseOr:
            return "(" + l + " | " + r + ")"
        case .bitwiseXor:
            return "((" + l + " | " + r + ") - (" + l + " & " + r + "))"
        case .or, .and, .equal, .nullSafeEqual, .notEqual, .less, .lessEqual, .greater, .greaterEqual, .concat:
            throw Diagnostic.error("HQL5001", "internal: \(op.rawValue) is not arithmetic", at: span)
        }
    }

    /// Java's wrap-around for the narrow integer types (their operations cannot overflow 64 bits).
    func wrap(_ sql: String, type: HiveType, span: Span) -> String {
        switch type {
        case .int: return "(((" + sql + " + 2147483648) & 4294967295) - 2147483648)"
        case .smallint: return "(((" + sql + " + 32768) & 65535) - 32768)"
        case .tinyint: return "(((" + sql + " + 128) & 255) - 128)"
        default: return sql
        }
    }
}

/// Decimal text ↔ unscaled 64-bit integers, for DECIMAL values stored scaled (docs/engine-design.md §2).
public enum ScaledDecimal {
    /// `12.5` at scale 2 is 1250; nil when the digits do not fit in 64 bits or need rounding away.
    public static func unscaled(_ text: String, scale: Int) -> Int64? {
        var digits = text
        var negative = false
        if digits.hasPrefix("-") { negative = true; digits.removeFirst() } else if digits.hasPrefix("+") { digits.removeFirst() }
        let parts = digits.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2 else { return nil }
        let whole = parts[0]
        var fraction = parts.count == 2 ? String(parts[1]) : ""
        guard fraction.count <= scale else { return nil }
        fraction += String(repeating: "0", count: scale - fraction.count)
        guard let value = Int64(String(whole.isEmpty ? "0" : whole) + fraction) else { return nil }
        return negative ? -value : value
    }

    /// The text of an unscaled value at `scale`: `1250` at scale 2 is `12.50`.
    public static func text(_ unscaled: Int64, scale: Int) -> String {
        let negative = unscaled < 0
        var digits = String(unscaled.magnitude)
        guard scale > 0 else { return (negative ? "-" : "") + digits }
        if digits.count <= scale { digits = String(repeating: "0", count: scale - digits.count + 1) + digits }
        let point = digits.index(digits.endIndex, offsetBy: -scale)
        return (negative ? "-" : "") + digits[..<point] + "." + digits[point...]
    }
}
