// Window functions: ranking and offset functions, only valid with OVER (...). SQLite (3.25+) has every one of
// these with the same definition as Hive and Spark (ranks from 1, `percent_rank` 0 for a single row, `ntile`
// putting the larger buckets first, the default frame RANGE UNBOUNDED PRECEDING to CURRENT ROW), so all lower to
// SQLite's own. The optional second argument of `first_value`/`last_value` (skip NULLs) needs the Swift versions,
// `hive_first_value` / `hive_last_value`; the code generator picks them when it is true.

private typealias F = FunctionDefinition

extension FunctionCatalog {
    /// The window family.
    static let windowFunctions: [FunctionDefinition] = [
        F("row_number", kind: .window, arity: 0, returns: .fixed(.int), .sqliteWindow("row_number"),
          usage: "row_number() OVER (...)", "Numbers the rows of the partition from 1 in window order.",
          example: "row_number() OVER (ORDER BY x) → 1, 2, 3"),
        F("rank", kind: .window, arity: 0, returns: .fixed(.int), .sqliteWindow("rank"),
          usage: "rank() OVER (...)", "Ranks rows from 1, ties sharing a rank and leaving gaps after them.",
          example: "rank() OVER (ORDER BY x) → 1, 1, 3"),
        F("dense_rank", kind: .window, arity: 0, returns: .fixed(.int), .sqliteWindow("dense_rank"),
          usage: "dense_rank() OVER (...)", "Ranks rows from 1, ties sharing a rank, without gaps.",
          example: "dense_rank() OVER (ORDER BY x) → 1, 1, 2"),
        F("percent_rank", kind: .window, arity: 0, returns: .fixed(.double), .sqliteWindow("percent_rank"),
          usage: "percent_rank() OVER (...)", "Returns (rank - 1) / (rows in partition - 1), 0 for a single row.",
          example: "percent_rank() OVER (ORDER BY x) → 0.0, 0.0, 1.0"),
        F("cume_dist", kind: .window, arity: 0, returns: .fixed(.double), .sqliteWindow("cume_dist"),
          usage: "cume_dist() OVER (...)",
          "Returns the fraction of partition rows ordered at or before the current row (ties included).",
          example: "cume_dist() OVER (ORDER BY x) → 0.66…, 0.66…, 1.0"),
        F("ntile", kind: .window, arity: 1, arguments: .uniform(.integer), returns: .fixed(.int),
          .sqliteWindow("ntile"), usage: "ntile(n) OVER (...)",
          "Splits the ordered partition into n buckets as equal as possible and numbers them from 1.",
          example: "ntile(2) OVER (ORDER BY x) → 1, 1, 2"),
        F("lag", kind: .window, arity: Arity(1, 3), arguments: .positional([.any, .integer, .any], rest: .any),
          returns: .argument(0), .sqliteWindow("lag"), usage: "lag(x[, offset[, default]]) OVER (...)",
          "Returns x from the row offset (1 by default) rows before, or default (NULL, converted to x's type).",
          example: "lag(x) OVER (ORDER BY x) → NULL, 1, 2"),
        F("lead", kind: .window, arity: Arity(1, 3), arguments: .positional([.any, .integer, .any], rest: .any),
          returns: .argument(0), .sqliteWindow("lead"), usage: "lead(x[, offset[, default]]) OVER (...)",
          "Returns x from the row offset (1 by default) rows after, or default (NULL, converted to x's type).",
          example: "lead(x) OVER (ORDER BY x) → 2, 3, NULL"),
        F("first_value", kind: .window, arity: Arity(1, 2), arguments: .positional([.any, .boolean], rest: .any),
          returns: .argument(0), .sqliteWindow("first_value"), usage: "first_value(x[, skipNulls]) OVER (...)",
          "Returns x from the first row of the window frame (the first non-NULL with skipNulls).",
          example: "first_value(x) OVER (ORDER BY x) → 1, 1, 1"),
        F("last_value", kind: .window, arity: Arity(1, 2), arguments: .positional([.any, .boolean], rest: .any),
          returns: .argument(0), .sqliteWindow("last_value"), usage: "last_value(x[, skipNulls]) OVER (...)",
          "Returns x from the last row of the window frame (the last non-NULL with skipNulls).",
          example: "last_value(x) OVER (ORDER BY x) → 1, 2, 3"),
        F("nth_value", kind: .window, arity: Arity(2, 3), arguments: .positional([.any, .integer, .boolean], rest: .any),
          returns: .argument(0), .sqliteWindow("nth_value"), usage: "nth_value(x, n) OVER (...)",
          "Returns x from the n-th row of the window frame, or NULL (Spark).",
          example: "nth_value(x, 2) OVER (ORDER BY x) → NULL, 2, 2"),
    ]
}
