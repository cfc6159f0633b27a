/// A Hive type as written in DDL or `CAST`. Synonyms are normalised (`INTEGER` → `INT`,
/// `DOUBLE PRECISION` → `DOUBLE`, `NUMERIC`/`DEC` → `DECIMAL`), since they mean the same.
public indirect enum DataType: Equatable, Sendable {
    case tinyint, smallint, int, bigint
    case float, double
    /// `DECIMAL`, `DECIMAL(p)` or `DECIMAL(p, s)`; nil where the source left them out (Hive's default is (10, 0)).
    case decimal(precision: Int?, scale: Int?)
    case string
    case varchar(Int)
    case char(Int)
    case boolean, binary, date, timestamp
    /// `INTERVAL` with optional qualifier units, e.g. `INTERVAL DAY TO SECOND` (rare in DDL).
    case interval(from: IntervalUnit?, to: IntervalUnit?)
    case array(DataType)
    case map(key: DataType, value: DataType)
    case `struct`([StructField])
    case union([DataType])
}

/// One field of a `STRUCT<name: type COMMENT '..'>`.
public struct StructField: Equatable, Sendable {
    public var name: Identifier
    public var type: DataType
    public var comment: String?

    public init(name: Identifier, type: DataType, comment: String? = nil) {
        self.name = name
        self.type = type
        self.comment = comment
    }
}

/// The units of interval literals and types; plural spellings (`DAYS`) are normalised.
public enum IntervalUnit: String, Equatable, Sendable, CaseIterable {
    case year = "YEAR"
    case month = "MONTH"
    case week = "WEEK"
    case day = "DAY"
    case hour = "HOUR"
    case minute = "MINUTE"
    case second = "SECOND"
    case millisecond = "MILLISECOND"
    case microsecond = "MICROSECOND"
}
