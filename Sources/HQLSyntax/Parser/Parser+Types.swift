/// Data type productions (`grammar/types.md`). Synonyms are normalised as `DataType` documents.
extension Parser {
    /// ```
    /// dataType: TINYINT | SMALLINT | INT | INTEGER | BIGINT | FLOAT | REAL | DOUBLE [PRECISION]
    ///     | (DECIMAL | DEC | NUMERIC) ['(' integer [',' integer] ')']
    ///     | STRING | VARCHAR '(' integer ')' | CHAR '(' integer ')'
    ///     | BOOLEAN | BINARY | DATE | TIMESTAMP | INTERVAL [intervalUnit [TO intervalUnit]]
    ///     | BYTE | SHORT | LONG | complexType
    /// complexType: ARRAY '<' dataType '>' | MAP '<' dataType ',' dataType '>'
    ///     | STRUCT '<' [structField (',' structField)*] '>' | UNIONTYPE '<' dataType (',' dataType)* '>'
    /// ```
    /// Spark's `BYTE`, `SHORT` and `LONG` are read as `TINYINT`, `SMALLINT` and `BIGINT`.
    mutating func parseDataType() throws -> DataType {
        try nested { try $0.parseDataTypeBody() }
    }

    private mutating func parseDataTypeBody() throws -> DataType {
        let token = current
        switch token.kind {
        case .keyword(let keyword):
            switch keyword {
            case .tinyint: advance(); return .tinyint
            case .smallint: advance(); return .smallint
            case .int, .integer: advance(); return .int
            case .bigint: advance(); return .bigint
            case .float: advance(); return .float
            case .double:
                advance()
                eat(.precision)
                return .double
            case .decimal, .numeric:
                advance()
                return try parseDecimalArguments()
            case .string: advance(); return .string
            case .varchar:
                advance()
                return .varchar(try parseTypeLength(of: "VARCHAR"))
            case .char:
                advance()
                return .char(try parseTypeLength(of: "CHAR"))
            case .boolean: advance(); return .boolean
            case .binary: advance(); return .binary
            case .date: advance(); return .date
            case .timestamp: advance(); return .timestamp
            case .interval:
                advance()
                var from: IntervalUnit?
                var to: IntervalUnit?
                if intervalUnit(current) != nil {
                    from = try parseIntervalUnit()
                    if eat(.to) != nil { to = try parseIntervalUnit() }
                }
                return .interval(from: from, to: to)
            case .array:
                advance()
                let opener = try expect(.less, "'<' after ARRAY")
                let element = try parseDataType()
                try expectClosing(.greater, opener: opener.span, of: "ARRAY<..>")
                return .array(element)
            case .map:
                advance()
                let opener = try expect(.less, "'<' after MAP")
                let key = try parseDataType()
                try expect(.comma, "',' between the key and value types of MAP<..>")
                let value = try parseDataType()
                try expectClosing(.greater, opener: opener.span, of: "MAP<..>")
                return .map(key: key, value: value)
            case .struct:
                advance()
                return try parseStructFields()
            case .uniontype:
                advance()
                let opener = try expect(.less, "'<' after UNIONTYPE")
                var members: [DataType] = []
                repeat {
                    members.append(try parseDataType())
                } while eat(.comma) != nil
                try expectClosing(.greater, opener: opener.span, of: "UNIONTYPE<..>")
                return .union(members)
            default:
                throw unexpectedType()
            }
        case .identifier:
            switch text(of: token).uppercased() {
            case "DEC":
                advance()
                return try parseDecimalArguments()
            case "REAL": advance(); return .float
            case "BYTE": advance(); return .tinyint
            case "SHORT": advance(); return .smallint
            case "LONG": advance(); return .bigint
            default: throw unexpectedType()
            }
        default:
            throw unexpectedType()
        }
    }

    /// `'(' precision [',' scale] ')'` after `DECIMAL`, or nothing.
    private mutating func parseDecimalArguments() throws -> DataType {
        guard let opener = eat(.leftParen) else { return .decimal(precision: nil, scale: nil) }
        let precision = try parseIntegerLiteral("DECIMAL precision")
        var scale: Int?
        if eat(.comma) != nil { scale = try parseIntegerLiteral("DECIMAL scale") }
        try expectClosing(.rightParen, opener: opener.span, of: "DECIMAL(..)")
        return .decimal(precision: precision, scale: scale)
    }

    /// `'(' integer ')'` after `VARCHAR` or `CHAR`.
    private mutating func parseTypeLength(of type: String) throws -> Int {
        let opener = try expect(.leftParen, "'(' and a length after \(type)")
        let length = try parseIntegerLiteral("\(type) length")
        try expectClosing(.rightParen, opener: opener.span, of: "\(type)(..)")
        return length
    }

    /// `'<' [structField (',' structField)*] '>'` with `structField: namePart [':'] dataType [COMMENT STRING]`.
    /// Field names may be keywords (`STRUCT<date: STRING>`), since nothing else can stand there.
    private mutating func parseStructFields() throws -> DataType {
        // The lexer reads the `<>` of an empty `STRUCT<>` as one token.
        if eat(.lessGreater) != nil { return .struct([]) }
        let opener = try expect(.less, "'<' after STRUCT")
        var fields: [StructField] = []
        if !at(.greater) {
            repeat {
                let name = try parseNamePart("struct field name")
                eat(.colon)
                let type = try parseDataType()
                var comment: String?
                if eat(.comment) != nil { comment = try parseStringLiteral("comment string") }
                fields.append(StructField(name: name, type: type, comment: comment))
            } while eat(.comma) != nil
        }
        try expectClosing(.greater, opener: opener.span, of: "STRUCT<..>")
        return .struct(fields)
    }

    private func unexpectedType() -> Diagnostic {
        unexpected("data type", suggesting: [
            .tinyint, .smallint, .int, .integer, .bigint, .float, .double, .decimal, .string, .varchar, .char,
            .boolean, .binary, .date, .timestamp, .array, .map, .struct, .uniontype,
        ])
    }
}
