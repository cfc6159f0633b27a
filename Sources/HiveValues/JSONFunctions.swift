/// Bodies of `get_json_object` and `json_tuple`, with Spark's output rules: a string result is returned without
/// quotes, anything else as compact JSON; numbers with a fraction or exponent are re-printed as Java doubles
/// (`1.50` → `1.5`, `1e3` → `1000.0`), since Spark reads them through Jackson as doubles. Confirmed against Spark 4.3.
public enum JSONFunctions {
    /// `get_json_object(json, path)` for paths `$`, `.name`, `['name']`, `[n]` and `[*]`; nil when the JSON
    /// is invalid, the path is malformed, or nothing matches. A wildcard collects its matches into an array (one
    /// match is returned alone).
    public static func getJSONObject(_ json: String, _ path: String) -> String? {
        guard let steps = parsePath(path), let root = JSONReader.parsePrefix(json) else { return nil }
        var current: [JSONValue] = [root]
        var wildcard = false
        for step in steps {
            var next: [JSONValue] = []
            for v in current {
                switch (step, v) {
                case (.key(let k), .object):
                    if let m = v[k] { next.append(m) }
                case (.key(let k), .array(let items)) where wildcard:
                    // After `[*]`, a key applies to every element.
                    for item in items { if let m = item[k] { next.append(m) } }
                    _ = k
                case (.index(let i), .array(let items)):
                    if i >= 0 && i < items.count { next.append(items[i]) }
                case (.any, .array(let items)):
                    next.append(contentsOf: items)
                    wildcard = true
                case (.any, .object(let members)):
                    next.append(contentsOf: members.map { $0.1 })
                    wildcard = true
                default:
                    break
                }
            }
            current = next
            if current.isEmpty { return nil }
        }
        let result: JSONValue
        if wildcard && current.count > 1 { result = .array(current) } else { result = current[0] }
        switch result {
        case .null: return nil
        case .string(let s): return s
        default: return JSONWriter.write(normalizedNumbers(result))
        }
    }

    /// `json_tuple(json, k1, k2, ...)`: the top-level fields, each as `get_json_object` would print it; all nil
    /// for invalid JSON.
    public static func jsonTuple(_ json: String, _ keys: [String]) -> [String?] {
        guard case .object? = JSONReader.parsePrefix(json), let root = JSONReader.parsePrefix(json) else {
            return keys.map { _ in nil }
        }
        return keys.map { k in
            guard let v = root[k] else { return nil }
            switch v {
            case .null: return nil
            case .string(let s): return s
            default: return JSONWriter.write(normalizedNumbers(v))
            }
        }
    }

    enum Step: Equatable { case key(String), index(Int), any }

    /// Parses `$.a.b[0]['c d'][*]`; nil when malformed (including a path not starting with `$`).
    static func parsePath(_ path: String) -> [Step]? {
        let p = Array(path.unicodeScalars)
        guard p.first == "$" else { return nil }
        var i = 1
        var steps: [Step] = []
        while i < p.count {
            if p[i] == "." {
                i += 1
                var name = ""
                while i < p.count, p[i] != ".", p[i] != "[" { name.unicodeScalars.append(p[i]); i += 1 }
                // Spark does not support `.*` (NULL, confirmed); only `[*]` is a wildcard.
                guard !name.isEmpty, name != "*" else { return nil }
                steps.append(.key(name))
            } else if p[i] == "[" {
                i += 1
                if i < p.count, p[i] == "'" {
                    i += 1
                    var name = ""
                    while i < p.count, p[i] != "'" { name.unicodeScalars.append(p[i]); i += 1 }
                    guard i + 1 < p.count, p[i + 1] == "]" else { return nil }
                    i += 2
                    steps.append(.key(name))
                } else if i < p.count, p[i] == "*" {
                    guard i + 1 < p.count, p[i + 1] == "]" else { return nil }
                    i += 2
                    steps.append(.any)
                } else {
                    var n = 0, digits = 0
                    while i < p.count, let d = p[i].asciiDigit { n = n * 10 + d; digits += 1; i += 1 }
                    guard digits > 0, i < p.count, p[i] == "]" else { return nil }
                    i += 1
                    steps.append(.index(n))
                }
            } else {
                return nil
            }
        }
        return steps
    }

    /// Re-prints fractional and exponent numbers as Java doubles, as Jackson does when Spark copies a value.
    static func normalizedNumbers(_ v: JSONValue) -> JSONValue {
        switch v {
        case .number(let n):
            if n.utf8.contains(where: { $0 == 46 || $0 == 101 || $0 == 69 }), let d = Double(n) {
                return .number(JavaNumberText.double(d))
            }
            return v
        case .array(let items): return .array(items.map(normalizedNumbers))
        case .object(let members): return .object(members.map { ($0.0, normalizedNumbers($0.1)) })
        default: return v
        }
    }
}
