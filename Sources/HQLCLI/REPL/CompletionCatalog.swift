/// The names Tab completion offers from the catalog. The engine supplies one backed by its metastore; until then
/// the shell uses ``EmptyCompletionCatalog``. Called on the shell's thread while the user waits, so keep it cheap
/// (a cached list, not a query per key press).
public protocol CompletionCatalog {
    /// Every database name.
    func databases() -> [String]
    /// The tables (and views) of `database`, or of the current database when nil.
    func tables(in database: String?) -> [String]
    /// The columns of `table`, named as the user wrote it: `t` or `db.t`.
    func columns(of table: String) -> [String]
}

extension CompletionCatalog {
    /// No databases.
    public func databases() -> [String] { [] }
    /// No tables.
    public func tables(in database: String?) -> [String] { [] }
    /// No columns.
    public func columns(of table: String) -> [String] { [] }
}

/// A catalog that knows no names: the shell's default until the engine provides one.
public struct EmptyCompletionCatalog: CompletionCatalog {
    /// Makes the empty catalog.
    public init() {}
}

/// A catalog held in memory: for tests, and for the `HQLRUN_COMPLETION_CATALOG` test hook that lets the pty tests
/// complete table and column names before the engine exists.
public struct StaticCompletionCatalog: CompletionCatalog {
    /// The environment variable naming a catalog file (see ``init(text:)``); a test hook, not a user feature.
    public static let environmentKey = "HQLRUN_COMPLETION_CATALOG"

    /// Tables by database.
    public var tablesByDatabase: [String: [String]]
    /// Columns by lower-cased table name, both plain (`t`) and qualified (`db.t`).
    public var columnsByTable: [String: [String]]
    /// The database that plain table names belong to.
    public var currentDatabase: String

    /// Makes a catalog from `database → table → columns`.
    public init(_ databases: [String: [String: [String]]], currentDatabase: String = "default") {
        self.currentDatabase = currentDatabase
        tablesByDatabase = [:]
        columnsByTable = [:]
        for (database, tables) in databases {
            tablesByDatabase[database] = tables.keys.sorted()
            for (table, columns) in tables {
                columnsByTable[(database + "." + table).lowercased()] = columns
                if database == currentDatabase || columnsByTable[table.lowercased()] == nil {
                    columnsByTable[table.lowercased()] = columns
                }
            }
        }
    }

    /// Parses the hook's file format, one table per line: `db.table col1 col2 …` (`#` starts a comment; a line
    /// holding only `db` declares an empty database).
    public init(text: String, currentDatabase: String = "default") {
        var databases: [String: [String: [String]]] = [:]
        for line in text.split(separator: "\n") {
            let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            guard let first = words.first, !first.hasPrefix("#") else { continue }
            let parts = first.split(separator: ".", maxSplits: 1).map(String.init)
            if parts.count == 2 {
                databases[parts[0], default: [:]][parts[1]] = Array(words.dropFirst())
            } else {
                databases[first, default: [:]] = databases[first] ?? [:]
            }
        }
        self.init(databases, currentDatabase: currentDatabase)
    }

    /// Every database, sorted.
    public func databases() -> [String] { tablesByDatabase.keys.sorted() }

    /// The tables of `database`, or of ``currentDatabase``.
    public func tables(in database: String?) -> [String] {
        let wanted = (database ?? currentDatabase).lowercased()
        return tablesByDatabase.first(where: { $0.key.lowercased() == wanted })?.value ?? []
    }

    /// The columns of `table` (`t` or `db.t`, any case).
    public func columns(of table: String) -> [String] { columnsByTable[table.lowercased()] ?? [] }
}

/// The completer's built-in lists, used until the engine's function catalog and settings registry replace them.
public enum CompletionDefaults {
    /// Common Hive/Spark built-in functions.
    public static let functionNames: [String] = [
        "abs", "acos", "add_months", "array_contains", "asin", "atan", "avg", "base64", "bround", "cardinality",
        "ceil", "ceiling", "coalesce", "collect_list", "collect_set", "concat", "concat_ws", "corr", "cos", "count",
        "covar_pop", "current_database", "date_add", "date_format", "date_sub", "datediff", "day", "dayofmonth",
        "decode", "dense_rank", "element_at", "encode", "exp", "explode", "explode_outer", "first_value", "floor",
        "format_number", "from_json", "from_unixtime", "from_utc_timestamp", "get_json_object", "greatest", "hash",
        "hex", "hour", "if", "initcap", "instr", "isnotnull", "isnull", "json_tuple", "lag", "last_day",
        "last_value", "lcase", "lead", "least", "length", "ln", "locate", "log", "log10", "lower", "lpad", "ltrim",
        "map_keys", "map_values", "max", "md5", "min", "minute", "month", "months_between", "named_struct",
        "next_day", "nvl", "nvl2", "ntile", "percent_rank", "percentile", "percentile_approx", "pmod",
        "posexplode", "pow", "power", "rand", "rank", "regexp_extract", "regexp_replace", "repeat", "reverse",
        "round", "row_number", "rpad", "rtrim", "second", "sha1", "sha2", "sign", "sin", "size", "sort_array",
        "split", "sqrt", "stddev", "stddev_pop", "stddev_samp", "str_to_map", "struct", "substr", "substring",
        "substring_index", "sum", "tan", "to_date", "to_json", "to_timestamp", "to_utc_timestamp", "translate",
        "trim", "trunc", "ucase", "unbase64", "unhex", "unix_timestamp", "upper", "var_pop", "var_samp",
        "variance", "weekofyear", "year",
    ]

    /// Configuration keys offered after `SET`: hqlrun's own, and the Hive/Spark ones scripts commonly set.
    public static let settingKeys: [String] = OutputSettings.documentedKeys.map(\.key) + [
        "hive.exec.dynamic.partition", "hive.exec.dynamic.partition.mode", "hive.exec.parallel",
        "hive.resultset.use.unique.column.names", "hive.support.quoted.identifiers", "mapred.reduce.tasks",
        "spark.sql.shuffle.partitions", "spark.sql.ansi.enabled", "spark.sql.session.timeZone",
        "hivevar:", "hiveconf:", "system:",
    ]

    /// Values offered after `SET key=` for the keys that take one of a few.
    public static let settingValues: [String: [String]] = [
        OutputSettings.formatKey: OutputFormat.allCases.map(\.rawValue),
        OutputSettings.headerKey: ["true", "false"],
        OutputSettings.sparkHeaderKey: ["true", "false"],
        OutputSettings.pagerKey: ["on", "off"],
        OutputSettings.errorsIgnoreKey: ["true", "false"],
        "hive.exec.dynamic.partition.mode": ["nonstrict", "strict"],
    ]

    /// Words the shell itself understands at the start of a statement.
    public static let shellWords = ["source", "quit", "exit", "help"]
}
