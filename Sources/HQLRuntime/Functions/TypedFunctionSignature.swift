import HQLPlanner

/// The signature encoded in a typed function name (`SQLiteGenerator.typedFunctionName`).
struct TypedFunctionSignature {
    var symbol: String
    var arguments: [HQLPlanner.HiveType]
    var result: HQLPlanner.HiveType

    /// Parses `symbol(type;type)result`; nil for a plain name.
    init?(name: String) {
        guard let open = name.firstIndex(of: "(") else { return nil }
        symbol = String(name[..<open])
        var depth = 0
        var close: String.Index?
        for index in name.indices[open...] {
            if name[index] == "(" { depth += 1 } else if name[index] == ")" {
                depth -= 1
                if depth == 0 { close = index; break }
            }
        }
        guard let close else { return nil }
        let list = name[name.index(after: open)..<close]
        do {
            arguments = try list.isEmpty ? [] : list.split(separator: ";").map { try HQLPlanner.HiveType(parsing: String($0)) }
            result = try HQLPlanner.HiveType(parsing: String(name[name.index(after: close)...]))
        } catch {
            return nil
        }
    }
}
