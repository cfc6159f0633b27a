// Conditional functions. CASE, IF, COALESCE, IN and BETWEEN are rewritten by the binder (their arguments are
// converted to a common type, and NULL comparisons follow Hive), so they are `.special`. NVL, NVL2, ISNULL and
// ISNOTNULL become SQLite expressions once their arguments have the common type: IFNULL, IS NULL and CASE
// behave exactly as Hive's versions do.

private typealias F = FunctionDefinition

extension FunctionCatalog {
    /// The conditional family.
    static let conditionalFunctions: [FunctionDefinition] = [
        F("if", arity: 3, arguments: .positional([.boolean], rest: .any), returns: .commonOf([1, 2]), .special,
          usage: "if(cond, a, b)", "Returns a when cond is true, else b (also when cond is NULL).",
          example: "if(1 < 2, 'yes', 'no') → 'yes'"),
        F("case", arity: .atLeast(2), returns: .binder, .special,
          usage: "CASE [x] WHEN a THEN b [...] [ELSE c] END",
          "Returns the result of the first WHEN that matches (equals x, or is true), else the ELSE value or NULL.",
          example: "CASE 2 WHEN 1 THEN 'a' WHEN 2 THEN 'b' END → 'b'"),
        F("coalesce", arity: .atLeast(1), returns: .common(from: 0), .special,
          usage: "coalesce(a, b, ...)", "Returns the first argument that is not NULL, or NULL.",
          example: "coalesce(NULL, 1, 2) → 1"),
        F("nvl", aliases: ["ifnull"], arity: 2, returns: .commonOf([0, 1]), .sql("ifnull($1, $2)"),
          usage: "nvl(value, default)", "Returns default when value is NULL, else value.",
          example: "nvl(NULL, 'x') → 'x'"),
        F("nvl2", arity: 3, returns: .commonOf([1, 2]), .sql("(CASE WHEN $1 IS NOT NULL THEN $2 ELSE $3 END)"),
          usage: "nvl2(value, ifNotNull, ifNull)", "Returns ifNotNull when value is not NULL, else ifNull.",
          example: "nvl2(NULL, 'a', 'b') → 'b'"),
        F("nullif", arity: 2, returns: .argument(0), .special,
          usage: "nullif(a, b)", "Returns NULL when a equals b, else a.", example: "nullif(1, 1) → NULL"),
        F("isnull", arity: 1, returns: .fixed(.boolean), .sql("($1 IS NULL)"),
          usage: "isnull(a)", "Tells whether a is NULL.", example: "isnull(NULL) → true"),
        F("isnotnull", arity: 1, returns: .fixed(.boolean), .sql("($1 IS NOT NULL)"),
          usage: "isnotnull(a)", "Tells whether a is not NULL.", example: "isnotnull(1) → true"),
        F("in", arity: .atLeast(2), arguments: .uniform(.primitive), returns: .fixed(.boolean), .special,
          usage: "x IN (a, b, ...)", "Tells whether x equals one of the values (NULL when none does and one is NULL).",
          example: "2 IN (1, 2) → true"),
        F("between", arity: 3, arguments: .uniform(.primitive), returns: .fixed(.boolean), .special,
          usage: "x [NOT] BETWEEN low AND high", "Tells whether low ≤ x ≤ high.",
          example: "5 BETWEEN 1 AND 10 → true"),
        F("assert_true", arity: 1, arguments: .uniform(.boolean), returns: .fixed(.void), .udf,
          deterministic: false, usage: "assert_true(cond)", "Fails the query unless cond is true; returns NULL.",
          example: "assert_true(1 < 2) → NULL"),
        F("raise_error", arity: 1, arguments: .uniform(.string), returns: .fixed(.void), .udf,
          deterministic: false, usage: "raise_error(message)", "Fails the query with the message (Spark).",
          example: "raise_error('bad row') → error"),
        F("nullifzero", arity: 1, arguments: .uniform(.numeric), returns: .numericArgument(0),
          .udf, usage: "nullifzero(x)", "Returns NULL when x is 0, else x (Spark).",
          example: "nullifzero(0) → NULL"),
        F("zeroifnull", arity: 1, arguments: .uniform(.numeric), returns: .numericArgument(0),
          .udf, usage: "zeroifnull(x)", "Returns 0 when x is NULL, else x (Spark).",
          example: "zeroifnull(NULL) → 0"),
    ]
}
