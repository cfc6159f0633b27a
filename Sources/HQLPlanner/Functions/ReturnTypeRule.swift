/// How a function's result type follows from its arguments. Argument positions are 0-based.
public indirect enum ReturnTypeRule: Hashable, Sendable {
    /// Always this type.
    case fixed(HiveType)
    /// The type of argument n.
    case argument(Int)
    /// Argument n's numeric type kept (DECIMAL stays DECIMAL); strings give DOUBLE (`abs`, `negative`).
    case numericArgument(Int)
    /// The common branch type of the arguments from n on (`coalesce`, `greatest`).
    case common(from: Int)
    /// The common branch type of the arguments at these positions (`if`: 1 and 2; `lag`: 0 and 2).
    case commonOf([Int])
    /// `sum`: BIGINT for integral input, DOUBLE for FLOAT/DOUBLE/strings, DECIMAL(min(38, p+10), s) for DECIMAL.
    case sum
    /// `avg`: DOUBLE, or DECIMAL(p+4, s+4) capped at 38 for DECIMAL input.
    case average
    /// `round`/`bround`: integral and floating types unchanged, strings DOUBLE, DECIMAL by `DecimalTyping.round`
    /// with the constant second argument (0 when absent).
    case round
    /// `floor`/`ceil`: BIGINT, or DECIMAL(p-s+1, 0) for DECIMAL input.
    case floorCeil
    /// The result of the arithmetic operator applied to arguments 0 and 1 (`pmod`, `mod`).
    case arithmetic(OperatorTyping.BinaryOperator)
    /// Bit shifts: BIGINT for a BIGINT first argument, else INT.
    case shift
    /// ARRAY of argument n's type (`collect_list`).
    case arrayOf(Int)
    /// ARRAY of the common type of all arguments (`array(...)`).
    case arrayOfCommon
    /// The element type of the array (or the value type of the map) in argument n (`element_at`).
    case elementOf(Int)
    /// ARRAY of the key type of the map in argument n.
    case mapKeys(Int)
    /// ARRAY of the value type of the map in argument n.
    case mapValues(Int)
    /// MAP of the common type of the odd arguments to the common type of the even ones (`map(k1, v1, ...)`).
    case mapOfPairs
    /// MAP from an array of keys and an array of values (`map_from_arrays`).
    case mapFromArrays
    /// STRUCT<col1, col2, ...> of the argument types (`struct(...)`).
    case structOfArguments
    /// STRUCT whose field names are the constant odd arguments (`named_struct('a', x, ...)`).
    case namedStruct
    /// DOUBLE, or ARRAY<DOUBLE> when argument n is an array (`percentile`, `percentile_approx`).
    case percentile(Int)
    /// `histogram_numeric`: ARRAY<STRUCT<x:DOUBLE, y:DOUBLE>>.
    case histogram
    /// `concat`: BINARY when every argument is BINARY, the common ARRAY when every argument is an array, else STRING.
    case concat
    /// `explode`: STRUCT<col> for an array, STRUCT<key, value> for a map.
    case explode
    /// `posexplode`: STRUCT<pos:int, col> for an array, STRUCT<pos, key, value> for a map.
    case posexplode
    /// `inline`: the element struct of the array of structs.
    case inline
    /// `stack(n, ...)`: STRUCT<col0, col1, ...> with ceil((args-1)/n) columns of the common type per column.
    case stack
    /// STRUCT<c0:string, c1:string, ...> with one column per argument after the first (`json_tuple`).
    case stringTuple
    /// BINARY when argument n is BINARY, else STRING (`substr`, `reverse` of bytes).
    case textOf(Int)
    /// Worked out by the binder from the syntax (`CAST(x AS t)`, `CASE`); `resolve` reports that.
    case binder

    /// The result type for these arguments, or an error explaining why the arguments do not fit.
    public func resolve(_ arguments: [FunctionArgument]) throws -> HiveType {
        let types = arguments.map(\.type)
        func type(_ index: Int) throws -> HiveType {
            guard index < types.count else { throw HiveTypeError("missing argument \(index + 1)") }
            return types[index]
        }
        func common(_ list: [HiveType]) throws -> HiveType {
            if list.isEmpty { return .void }
            guard let result = TypeCoercion.commonType(for: .branches, of: list) else {
                throw HiveTypeError("arguments of types " + list.map(\.description).joined(separator: ", ")
                                    + " have no common type")
            }
            return result
        }
        switch self {
        case .fixed(let result): return result
        case .argument(let n): return try type(n)
        case .numericArgument(let n):
            let argument = try type(n)
            return argument.isNumeric ? argument : .double
        case .common(let from): return try common(Array(types.dropFirst(from)))
        case .commonOf(let positions): return try common(positions.filter { $0 < types.count }.map { types[$0] })
        case .sum:
            let argument = try type(0)
            if argument.isIntegral { return .bigint }
            if argument.decimalParameters != nil { return DecimalTyping.sum(argument) }
            return .double
        case .average:
            let argument = try type(0)
            return argument.decimalParameters != nil ? DecimalTyping.average(argument) : .double
        case .round:
            let argument = try type(0)
            guard argument.decimalParameters != nil else { return argument.isNumeric ? argument : .double }
            let digits = arguments.count > 1 ? arguments[1].integerValue.map { Int(clamping: $0) } : 0
            guard let digits else { throw HiveTypeError("the number of decimal places must be a constant") }
            return DecimalTyping.round(argument, digits: digits)
        case .floorCeil:
            let argument = try type(0)
            return argument.decimalParameters != nil ? DecimalTyping.floorCeil(argument) : .bigint
        case .arithmetic(let op):
            return try OperatorTyping.resultType(of: op, try type(0), try type(1))
        case .shift:
            return try type(0) == .bigint ? .bigint : .int
        case .arrayOf(let n): return .array(try type(n))
        case .arrayOfCommon: return .array(try common(types))
        case .elementOf(let n):
            let container = try type(n)
            if let element = container.arrayElement { return element }
            if let (_, value) = container.mapTypes { return value }
            throw HiveTypeError("argument \(n + 1) must be an array or a map, found \(container)")
        case .mapKeys(let n), .mapValues(let n):
            let container = try type(n)
            guard let (key, value) = container.mapTypes else {
                throw HiveTypeError("argument \(n + 1) must be a map, found \(container)")
            }
            if case .mapKeys = self { return .array(key) }
            return .array(value)
        case .mapOfPairs:
            guard types.count % 2 == 0 else { throw HiveTypeError("map() needs an even number of arguments") }
            let keys = stride(from: 0, to: types.count, by: 2).map { types[$0] }
            let values = stride(from: 1, to: types.count, by: 2).map { types[$0] }
            return .map(key: try common(keys), value: try common(values))
        case .mapFromArrays:
            guard let keys = try type(0).arrayElement, let values = try type(1).arrayElement else {
                throw HiveTypeError("map_from_arrays needs two arrays")
            }
            return .map(key: keys, value: values)
        case .structOfArguments:
            return .struct(types.enumerated().map { HiveType.Field("col\($0.offset + 1)", $0.element) })
        case .namedStruct:
            guard arguments.count % 2 == 0 else {
                throw HiveTypeError("named_struct needs an even number of arguments")
            }
            var fields: [HiveType.Field] = []
            for index in stride(from: 0, to: arguments.count, by: 2) {
                guard let name = arguments[index].stringValue else {
                    throw HiveTypeError("argument \(index + 1) of named_struct must be a constant string field name")
                }
                fields.append(HiveType.Field(name, types[index + 1]))
            }
            return .struct(fields)
        case .percentile(let n):
            return try type(n).arrayElement != nil ? .array(.double) : .double
        case .histogram:
            return .array(.struct([HiveType.Field("x", .double), HiveType.Field("y", .double)]))
        case .concat:
            if !types.isEmpty, types.allSatisfy({ $0 == .binary }) { return .binary }
            if !types.isEmpty, types.allSatisfy({ $0.arrayElement != nil }) { return try common(types) }
            if let bad = types.first(where: { $0.isComplex }) {
                throw HiveTypeError("concat cannot mix \(bad) with other types")
            }
            return .string
        case .explode, .posexplode:
            let container = try type(0)
            let position = self == .posexplode ? [HiveType.Field("pos", .int)] : []
            if let element = container.arrayElement {
                return .struct(position + [HiveType.Field("col", element)])
            }
            if let (key, value) = container.mapTypes {
                return .struct(position + [HiveType.Field("key", key), HiveType.Field("value", value)])
            }
            throw HiveTypeError("argument 1 must be an array or a map, found \(container)")
        case .inline:
            let container = try type(0)
            guard let element = container.arrayElement, case .struct = element else {
                throw HiveTypeError("argument 1 must be an array of structs, found \(container)")
            }
            return element
        case .stack:
            guard let rows = arguments.first?.integerValue, rows > 0 else {
                throw HiveTypeError("the first argument of stack must be a positive integer constant")
            }
            let values = Array(types.dropFirst())
            let columnCount = (values.count + Int(rows) - 1) / Int(rows)
            var fields: [HiveType.Field] = []
            for column in 0..<columnCount {
                let columnTypes = stride(from: column, to: values.count, by: columnCount).map { values[$0] }
                fields.append(HiveType.Field("col\(column)", try common(columnTypes)))
            }
            return .struct(fields)
        case .stringTuple:
            return .struct((0..<max(0, types.count - 1)).map { HiveType.Field("c\($0)", .string) })
        case .textOf(let n):
            return try type(n) == .binary ? .binary : .string
        case .binder:
            throw HiveTypeError("the result type comes from the syntax and is worked out by the binder")
        }
    }

    /// The rule in words, for `grammar/functions.md`.
    public var summary: String {
        switch self {
        case .fixed(let type): return "`\(type)`"
        case .argument(let n): return "type of arg \(n + 1)"
        case .numericArgument(let n): return "numeric type of arg \(n + 1)"
        case .common(let from): return from == 0 ? "common type of args" : "common type of args \(from + 1)…"
        case .commonOf(let positions): return "common type of args " + positions.map { "\($0 + 1)" }.joined(separator: ", ")
        case .sum: return "sum rule"
        case .average: return "avg rule"
        case .round: return "round rule"
        case .floorCeil: return "floor/ceil rule"
        case .arithmetic(let op): return "type of arg1 \(op.rawValue) arg2"
        case .shift: return "`int`, or `bigint`"
        case .arrayOf(let n): return "array of arg \(n + 1)"
        case .arrayOfCommon: return "array of common type"
        case .elementOf(let n): return "element of arg \(n + 1)"
        case .mapKeys(let n): return "array of keys of arg \(n + 1)"
        case .mapValues(let n): return "array of values of arg \(n + 1)"
        case .mapOfPairs: return "map of common key, value types"
        case .mapFromArrays: return "map of the two arrays' elements"
        case .structOfArguments: return "struct of args"
        case .namedStruct: return "struct named by args"
        case .percentile: return "`double` or `array<double>`"
        case .histogram: return "`array<struct<x:double,y:double>>`"
        case .concat: return "`string` (binary, array)"
        case .explode: return "row of element / key, value"
        case .posexplode: return "row of pos, element / key, value"
        case .inline: return "row of struct fields"
        case .stack: return "row of n columns"
        case .stringTuple: return "row of strings"
        case .textOf(let n): return "`string`, or `binary` for binary arg \(n + 1)"
        case .binder: return "from the syntax"
        }
    }
}
