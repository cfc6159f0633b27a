/// Reading a type back from its printed form (`decimal(10,2)`, `map<string,array<int>>`), e.g. from a stored
/// table schema. Accepts what `description` prints, in any letter case and with spaces around punctuation, plus
/// the synonyms `integer`, `dec`/`numeric` and bare `decimal`; field names may be back-quoted.
extension HiveType {
    /// Parses a printed type; throws `HiveTypeError` for text that is not a valid Hive type.
    public init(parsing text: String) throws {
        var parser = TypeTextParser(Array(text.unicodeScalars))
        let type = try parser.parseType()
        parser.skipSpaces()
        guard parser.atEnd else {
            throw HiveTypeError("unexpected text after the type in '\(text)'")
        }
        self = type
    }
}

/// A small recursive-descent reader over the scalars of a type string.
private struct TypeTextParser {
    private let scalars: [Unicode.Scalar]
    private var position = 0

    init(_ scalars: [Unicode.Scalar]) {
        self.scalars = scalars
    }

    var atEnd: Bool { position >= scalars.count }

    mutating func skipSpaces() {
        while position < scalars.count, scalars[position].properties.isWhitespace { position += 1 }
    }

    private mutating func eat(_ character: Unicode.Scalar) -> Bool {
        skipSpaces()
        guard position < scalars.count, scalars[position] == character else { return false }
        position += 1
        return true
    }

    private mutating func expect(_ character: Unicode.Scalar) throws {
        guard eat(character) else { throw HiveTypeError("expected '\(character)' at offset \(position)") }
    }

    private mutating func word() -> String {
        skipSpaces()
        var result = ""
        while position < scalars.count {
            let scalar = scalars[position]
            guard scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "_" else { break }
            result.unicodeScalars.append(scalar)
            position += 1
        }
        return result
    }

    private mutating func integer() throws -> Int {
        let digits = word()
        guard let value = Int(digits) else { throw HiveTypeError("expected a number, found '\(digits)'") }
        return value
    }

    private mutating func fieldName() throws -> String {
        skipSpaces()
        guard eat("`") else {
            let name = word()
            guard !name.isEmpty else { throw HiveTypeError("expected a field name at offset \(position)") }
            return name
        }
        var name = ""
        while position < scalars.count {
            let scalar = scalars[position]
            position += 1
            if scalar == "`" {
                // A doubled back-quote stands for one inside the name.
                guard position < scalars.count, scalars[position] == "`" else { return name }
                position += 1
            }
            name.unicodeScalars.append(scalar)
        }
        throw HiveTypeError("unterminated back-quoted field name")
    }

    mutating func parseType() throws -> HiveType {
        let name = word().lowercased()
        switch name {
        case "void", "null": return .void
        case "boolean": return .boolean
        case "tinyint": return .tinyint
        case "smallint": return .smallint
        case "int", "integer": return .int
        case "bigint": return .bigint
        case "float": return .float
        case "double": return .double
        case "string": return .string
        case "date": return .date
        case "timestamp": return .timestamp
        case "binary": return .binary
        case "decimal", "dec", "numeric":
            guard eat("(") else { return .decimal(precision: HiveType.defaultDecimalPrecision, scale: 0) }
            let precision = try integer()
            let scale = eat(",") ? try integer() : 0
            try expect(")")
            return try HiveType.checkedDecimal(precision: precision, scale: scale)
        case "varchar", "char":
            try expect("(")
            let length = try integer()
            try expect(")")
            let limit = name == "char" ? HiveType.maxCharLength : HiveType.maxVarcharLength
            guard (1...limit).contains(length) else {
                throw HiveTypeError("\(name.uppercased()) length must be between 1 and \(limit), found \(length)")
            }
            return name == "char" ? .char(length) : .varchar(length)
        case "interval", "interval_year_month", "interval_day_time":
            if name == "interval_year_month" { return .intervalYearMonth }
            if name == "interval_day_time" { return .intervalDayTime }
            let from = word().lowercased()
            if word().lowercased() != "to" { throw HiveTypeError("expected 'interval year to month' or 'interval day to second'") }
            let to = word().lowercased()
            switch (from, to) {
            case ("year", "month"): return .intervalYearMonth
            case ("day", "second"): return .intervalDayTime
            default: throw HiveTypeError("unknown interval type 'interval \(from) to \(to)'")
            }
        case "array":
            try expect("<")
            let element = try parseType()
            try expect(">")
            return .array(element)
        case "map":
            try expect("<")
            let key = try parseType()
            try expect(",")
            let value = try parseType()
            try expect(">")
            guard key.isPrimitive else { throw HiveTypeError("a MAP key must be a primitive type, found \(key)") }
            return .map(key: key, value: value)
        case "struct":
            try expect("<")
            var fields: [HiveType.Field] = []
            if eat(">") { return .struct(fields) }
            repeat {
                let field = try fieldName()
                try expect(":")
                fields.append(HiveType.Field(field, try parseType()))
            } while eat(",")
            try expect(">")
            return .struct(fields)
        default:
            throw HiveTypeError(name.isEmpty ? "expected a type name" : "unknown type '\(name)'")
        }
    }
}
