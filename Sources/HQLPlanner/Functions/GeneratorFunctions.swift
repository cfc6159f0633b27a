// Table-generating functions (UDTFs): each input row becomes zero or more output rows of one or more columns.
// The resolved return type is a STRUCT whose fields are the output columns, with Spark's default column names
// (`col`, `pos`, `key`, `value`, `col0`…, `c0`…); `LATERAL VIEW f(...) t AS a, b` renames them. Hive names
// posexplode's columns `pos` and `val`; hqlrun uses Spark's `pos` and `col`, as the conformance oracle prints.
// The `_outer` forms (Spark) produce one row of NULLs for an empty or NULL input instead of none.

private typealias F = FunctionDefinition

extension FunctionCatalog {
    /// The generator family.
    static let generatorFunctions: [FunctionDefinition] = [
        F("explode", kind: .generator, arity: 1, arguments: .uniform(.collection), returns: .explode, .udtf,
          usage: "explode(collection)", "Makes a row for each element of an array, or each key and value of a map.",
          example: "explode(array(1, 2)) → rows 1, 2"),
        F("explode_outer", kind: .generator, arity: 1, arguments: .uniform(.collection), returns: .explode, .udtf,
          usage: "explode_outer(collection)", "Like explode, but one row of NULLs for an empty or NULL collection.",
          example: "explode_outer(array()) → row NULL"),
        F("posexplode", kind: .generator, arity: 1, arguments: .uniform(.collection), returns: .posexplode, .udtf,
          usage: "posexplode(collection)", "Like explode, with each element's 0-based position first.",
          example: "posexplode(array('a', 'b')) → rows (0, 'a'), (1, 'b')"),
        F("posexplode_outer", kind: .generator, arity: 1, arguments: .uniform(.collection), returns: .posexplode,
          .udtf, usage: "posexplode_outer(collection)",
          "Like posexplode, but one row of NULLs for an empty or NULL collection.",
          example: "posexplode_outer(array()) → row (NULL, NULL)"),
        F("inline", kind: .generator, arity: 1, arguments: .uniform(.array), returns: .inline, .udtf,
          usage: "inline(array_of_structs)", "Makes a row for each struct, one column per field.",
          example: "inline(array(struct(1, 'a'))) → row (1, 'a')"),
        F("inline_outer", kind: .generator, arity: 1, arguments: .uniform(.array), returns: .inline, .udtf,
          usage: "inline_outer(array_of_structs)", "Like inline, but one row of NULLs for an empty or NULL array.",
          example: "inline_outer(array()) → row of NULLs"),
        F("stack", kind: .generator, arity: .atLeast(2), arguments: .positional([.integer], rest: .any),
          returns: .stack, .udtf, usage: "stack(n, v1, v2, ...)",
          "Lays the values out row by row in n rows of equal width, padding the last row with NULLs.",
          example: "stack(2, 'a', 1, 'b', 2) → rows ('a', 1), ('b', 2)"),
        F("json_tuple", kind: .generator, arity: .atLeast(2), arguments: .uniform(.string), returns: .stringTuple,
          .udtf, usage: "json_tuple(json, key1, key2, ...)",
          "Reads several top-level keys of a JSON object at once, one string column each.",
          example: "json_tuple('{\"a\":1,\"b\":\"x\"}', 'a', 'b') → row ('1', 'x')"),
        F("parse_url_tuple", kind: .generator, arity: .atLeast(2), arguments: .uniform(.string),
          returns: .stringTuple, .udtf, usage: "parse_url_tuple(url, part1, part2, ...)",
          "Extracts several parts of a URL at once (HOST, PATH, QUERY, QUERY:key, …), one string column each.",
          example: "parse_url_tuple('http://a.com/p?k=v', 'HOST', 'QUERY:k') → row ('a.com', 'v')"),
    ]
}
