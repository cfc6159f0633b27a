import CSQLite

/// One SQLite value, as stored in a column, bound to a parameter, or passed to and returned from a function.
///
/// The five cases are SQLite's five storage classes. Values are read straight off a statement column
/// (see `Row.value(at:)`) or a function argument, never through an intermediate dictionary.
public enum SQLiteValue: Hashable, Sendable {
    /// SQL `NULL`.
    case null
    /// A 64-bit signed integer.
    case integer(Int64)
    /// An IEEE-754 double.
    case real(Double)
    /// UTF-8 text. May contain embedded NUL characters.
    case text(String)
    /// Raw bytes. May be empty and may contain NUL bytes.
    case blob([UInt8])

    /// True for `.null`.
    public var isNull: Bool {
        if case .null = self { return true }
        return false
    }

    /// The storage class of this value.
    public var type: SQLiteType {
        switch self {
        case .null: return .null
        case .integer: return .integer
        case .real: return .real
        case .text: return .text
        case .blob: return .blob
        }
    }

    /// The integer payload, or nil for any other case (no conversion: affinity rules belong to SQLite).
    public var int64Value: Int64? {
        if case .integer(let value) = self { return value }
        return nil
    }

    /// The numeric payload as a Double: `.real` as is, `.integer` widened; nil otherwise.
    public var doubleValue: Double? {
        switch self {
        case .real(let value): return value
        case .integer(let value): return Double(value)
        case .null, .text, .blob: return nil
        }
    }

    /// The text payload, or nil for any other case.
    public var stringValue: String? {
        if case .text(let value) = self { return value }
        return nil
    }

    /// The blob payload, or nil for any other case.
    public var blobValue: [UInt8]? {
        if case .blob(let value) = self { return value }
        return nil
    }
}

// MARK: - Literals

extension SQLiteValue: ExpressibleByNilLiteral {
    /// `nil` is SQL `NULL`.
    public init(nilLiteral: ()) { self = .null }
}

extension SQLiteValue: ExpressibleByIntegerLiteral {
    /// An integer literal is `.integer`.
    public init(integerLiteral value: Int64) { self = .integer(value) }
}

extension SQLiteValue: ExpressibleByFloatLiteral {
    /// A float literal is `.real`.
    public init(floatLiteral value: Double) { self = .real(value) }
}

extension SQLiteValue: ExpressibleByStringLiteral {
    /// A string literal is `.text`.
    public init(stringLiteral value: String) { self = .text(value) }
}

extension SQLiteValue: CustomStringConvertible {
    /// A debugging rendering as an SQL literal: `NULL`, numbers as is, text single-quoted, blobs as `x'..'`.
    public var description: String {
        switch self {
        case .null: return "NULL"
        case .integer(let value): return String(value)
        case .real(let value): return String(value)
        case .text(let value): return "'" + value.replacingAll("'", with: "''") + "'"
        case .blob(let bytes):
            let digits = Array("0123456789ABCDEF")
            var hex = "x'"
            hex.reserveCapacity(bytes.count * 2 + 3)
            for byte in bytes {
                hex.append(digits[Int(byte >> 4)])
                hex.append(digits[Int(byte & 0x0F)])
            }
            return hex + "'"
        }
    }
}

// MARK: - Storage classes

/// SQLite's five fundamental datatypes (`SQLITE_INTEGER` … `SQLITE_NULL`).
public enum SQLiteType: Int32, Sendable {
    /// `SQLITE_INTEGER`.
    case integer = 1
    /// `SQLITE_FLOAT`.
    case real = 2
    /// `SQLITE_TEXT`.
    case text = 3
    /// `SQLITE_BLOB`.
    case blob = 4
    /// `SQLITE_NULL`.
    case null = 5

    /// Maps a `sqlite3_column_type`/`sqlite3_value_type` code; unknown codes (none exist today) read as null.
    @inlinable
    init(code: Int32) {
        self = SQLiteType(rawValue: code) ?? .null
    }
}

extension String {
    /// Replaces every occurrence of `target`, without Foundation.
    func replacingAll(_ target: Character, with replacement: String) -> String {
        guard contains(target) else { return self }
        var result = ""
        result.reserveCapacity(utf8.count + 8)
        for character in self {
            if character == target { result += replacement } else { result.append(character) }
        }
        return result
    }
}
