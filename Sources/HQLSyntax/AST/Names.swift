/// A name as written: a bare word, or a backtick-quoted identifier whose backticks are already removed.
/// Equality ignores the span and whether it was quoted, so a printed-and-reparsed tree compares equal.
public struct Identifier: Equatable, Sendable, CustomStringConvertible {
    public var name: String
    public var isQuoted: Bool
    public var span: Span

    public init(_ name: String, isQuoted: Bool = false, span: Span = .none) {
        self.name = name
        self.isQuoted = isQuoted
        self.span = span
    }

    public static func == (lhs: Identifier, rhs: Identifier) -> Bool { lhs.name == rhs.name }

    public var description: String { name }
}

/// A dotted name such as `db.table` or `table`.
public struct QualifiedName: Equatable, Sendable, CustomStringConvertible {
    public var parts: [Identifier]

    public init(_ parts: [Identifier]) {
        self.parts = parts
    }

    /// The last part: the object's own name.
    public var name: Identifier { parts[parts.count - 1] }

    /// Everything before the last part (a database, for a table name).
    public var qualifier: [Identifier] { Array(parts.dropLast()) }

    public var span: Span {
        guard let first = parts.first, let last = parts.last else { return .none }
        return first.span.union(last.span)
    }

    public var description: String { parts.map(\.name).joined(separator: ".") }
}

/// A `key = value` pair of `TBLPROPERTIES`, `SERDEPROPERTIES`, `DBPROPERTIES` or Spark's `OPTIONS`.
/// Both are kept as decoded strings; Spark's unquoted `header true` becomes `"header" = "true"`.
public struct Property: Equatable, Sendable {
    public var key: String
    public var value: String?
    public var span: Span

    public init(key: String, value: String?, span: Span = .none) {
        self.key = key
        self.value = value
        self.span = span
    }

    public static func == (lhs: Property, rhs: Property) -> Bool { lhs.key == rhs.key && lhs.value == rhs.value }
}
