/// A Query's key condition: `pk = :v`, optionally `AND` one sort-key condition
/// (`=`, `<`, `<=`, `>`, `>=`, `BETWEEN :a AND :b`, `begins_with(sk, :p)`).
public struct KeyCondition: Sendable, Equatable {
    /// A sort-key condition.
    public enum SortCondition: Sendable, Equatable {
        /// `sk = v`.
        case equal(AttributeValue)
        /// `sk < v`.
        case less(AttributeValue)
        /// `sk <= v`.
        case lessOrEqual(AttributeValue)
        /// `sk > v`.
        case greater(AttributeValue)
        /// `sk >= v`.
        case greaterOrEqual(AttributeValue)
        /// `sk BETWEEN a AND b`.
        case between(AttributeValue, AttributeValue)
        /// `begins_with(sk, p)` (S or B sort keys).
        case beginsWith(AttributeValue)
    }

    /// The partition key value.
    public var hashValue: AttributeValue
    /// The sort key condition, if any.
    public var sort: SortCondition?

    /// Creates a condition in code.
    public init(hashValue: AttributeValue, sort: SortCondition? = nil) {
        self.hashValue = hashValue
        self.sort = sort
    }

    /// Parses `--key-condition-expression` text against a table, resolving `#names` and `:values`.
    public init(
        expression: String, values: Item, names: [String: String] = [:], table: TableDescription
    ) throws {
        let tokens = try KeyCondition.tokenize(expression)
        var position = 0
        func fail(_ detail: String) -> DynamoDBError {
            DynamoDBError(.validation, "Invalid KeyConditionExpression: \(detail)")
        }
        func next() -> String? {
            guard position < tokens.count else { return nil }
            defer { position += 1 }
            return tokens[position]
        }
        func expect(_ text: String) throws {
            guard let token = next(), token.uppercased() == text.uppercased() else {
                throw fail("Syntax error; expected '\(text)'")
            }
        }
        func name(_ token: String?) throws -> String {
            guard let token else { throw fail("Syntax error; unexpected end of expression") }
            if token.hasPrefix("#") {
                guard let resolved = names[token] else {
                    throw DynamoDBError(.validation, "Value provided in ExpressionAttributeNames unused in expressions: keys: {\(token)}")
                }
                return resolved
            }
            return token
        }
        func value(_ token: String?) throws -> AttributeValue {
            guard let token, token.hasPrefix(":") else { throw fail("Syntax error; expected a value placeholder") }
            guard let value = values[token] else {
                throw DynamoDBError(.validation, "Invalid KeyConditionExpression: An expression attribute value used in expression is not defined; attribute value: \(token)")
            }
            return try ItemRules.normalize(value)
        }
        var conditions: [(String, SortCondition)] = []
        repeat {
            // Parentheses around a condition are redundant here; begins_with keeps its own.
            while position < tokens.count, tokens[position] == "(" { position += 1 }
            guard let first = next() else { throw fail("Syntax error; unexpected end of expression") }
            if first.lowercased() == "begins_with" {
                try expect("(")
                let attribute = try name(next())
                try expect(",")
                let prefix = try value(next())
                try expect(")")
                conditions.append((attribute, .beginsWith(prefix)))
            } else {
                let attribute = try name(first)
                guard let op = next() else { throw fail("Syntax error; unexpected end of expression") }
                switch op.uppercased() {
                case "=": conditions.append((attribute, .equal(try value(next()))))
                case "<": conditions.append((attribute, .less(try value(next()))))
                case "<=": conditions.append((attribute, .lessOrEqual(try value(next()))))
                case ">": conditions.append((attribute, .greater(try value(next()))))
                case ">=": conditions.append((attribute, .greaterOrEqual(try value(next()))))
                case "BETWEEN":
                    let low = try value(next())
                    try expect("AND")
                    conditions.append((attribute, .between(low, try value(next()))))
                default: throw fail("Syntax error; token: \"\(op)\"")
                }
            }
            while position < tokens.count, tokens[position] == ")" { position += 1 }
        } while try {
            guard let token = next() else { return false }
            guard token.uppercased() == "AND" else { throw fail("Syntax error; token: \"\(token)\"") }
            return true
        }()
        guard let hashCondition = conditions.first(where: { $0.0 == table.hashKeyName }),
              case .equal(let hash) = hashCondition.1 else {
            throw DynamoDBError(.validation, "Query condition missed key schema element: \(table.hashKeyName)")
        }
        let others = conditions.filter { $0.0 != table.hashKeyName }
        guard conditions.count - others.count == 1, others.count <= 1 else {
            throw fail("KeyConditionExpressions must only contain one condition per key")
        }
        if let other = others.first {
            guard other.0 == table.rangeKeyName else {
                throw fail("Query key condition not supported")
            }
            if case .beginsWith(let prefix) = other.1, case .n = prefix {
                throw fail("Incorrect operand type for operator or function; operator or function: begins_with, operand type: N")
            }
            sort = other.1
        } else {
            sort = nil
        }
        hashValue = hash
    }

    private static func tokenize(_ text: String) throws -> [String] {
        var tokens: [String] = []
        var current = ""
        func flush() {
            if !current.isEmpty { tokens.append(current); current = "" }
        }
        var characters = Array(text)[...]
        while let character = characters.popFirst() {
            switch character {
            case " ", "\t", "\n", "\r": flush()
            case "(", ")", ",": flush(); tokens.append(String(character))
            case "=": flush(); tokens.append("=")
            case "<", ">":
                flush()
                if characters.first == "=" {
                    characters.removeFirst()
                    tokens.append(String(character) + "=")
                } else if character == "<", characters.first == ">" {
                    throw DynamoDBError(.validation, "Invalid KeyConditionExpression: Invalid operator used in KeyConditionExpression: <>")
                } else {
                    tokens.append(String(character))
                }
            default: current.append(character)
            }
        }
        flush()
        return tokens
    }
}
