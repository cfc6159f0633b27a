import _StringProcessing

/// Java-style regular expressions on top of the standard library's `Regex`, with a process-wide cache so a pattern
/// used once per row is compiled once. The two syntaxes agree on what HiveQL scripts use (classes, groups,
/// quantifiers, anchors, `\d \w \s`, named groups, lookaround, `\Q..\E`, `\p{Alpha}`, `[a-z&&[^aeiou]]`);
/// Java's semantics are selected (code points, not grapheme clusters; ASCII-only `\d \w \s`). The Java-only parts
/// handled here are the replacement syntax (`$1`, `${name}`, `\$`) and `Pattern.split` with its limit rules.
/// Known gaps: `\p{javaLowerCase}`-style properties and `\cX` do not compile (NULL); `$` does not match before a
/// final line terminator as Java's does.
public enum JavaRegex {
    /// A compiled pattern; nil when the pattern is invalid (the NULL or error of Hive's regex functions).
    public static func compile(_ pattern: String) -> Regex<AnyRegexOutput>? {
        if let hit = cache.withLock({ $0[pattern] }) { return hit.regex }
        // Java matches code points and its \d \w \s are ASCII-only by default; the standard library's defaults are
        // grapheme clusters and Unicode classes, so switch them to Java's.
        let compiled = (try? Regex(pattern)).map {
            $0.matchingSemantics(.unicodeScalar).asciiOnlyDigits().asciiOnlyWhitespace().asciiOnlyWordCharacters()
        }
        cache.withLock { table in
            if table.count >= 512 { table.removeAll(keepingCapacity: true) } // simple bound; patterns rarely vary
            table[pattern] = Entry(regex: compiled)
        }
        return compiled
    }

    /// `Regex` is not declared `Sendable`, but a compiled value is immutable and the standard library lowers its
    /// program once under an atomic; sharing it read-only across threads is what the cache does (see the
    /// concurrency test).
    private struct Entry: @unchecked Sendable { let regex: Regex<AnyRegexOutput>? }
    private static let cache = Locked<[String: Entry]>([:])

    /// Whether `pattern` matches anywhere in `s` (`RLIKE`, `REGEXP`: Java's `Matcher.find`).
    public static func find(_ s: String, _ pattern: String) -> Bool? {
        guard let r = compile(pattern) else { return nil }
        return (try? r.firstMatch(in: s)) != nil ? true : false
    }

    /// `regexp_replace(s, pattern, replacement)`: every match replaced (`Matcher.replaceAll`), with `$n`,
    /// `${name}` and backslash escapes in the replacement; nil for a bad pattern or replacement.
    public static func replaceAll(_ s: String, _ pattern: String, _ replacement: String) -> String? {
        guard let r = compile(pattern) else { return nil }
        guard let template = parseReplacement(replacement) else { return nil }
        var out = ""
        var last = s.startIndex
        for m in s.matches(of: r) {
            out += s[last..<m.range.lowerBound]
            for piece in template {
                switch piece {
                case .text(let t): out += t
                case .group(let g):
                    guard g < m.output.count else { return nil }
                    if let sub = m.output[g].substring { out += sub }
                case .named(let name):
                    guard let sub = m.output[name] else { return nil }
                    if let v = sub.substring { out += v }
                }
            }
            last = m.range.upperBound
        }
        out += s[last...]
        return out
    }

    /// `regexp_extract(s, pattern, index)`: group `index` of the first match; "" when nothing matches or the
    /// group did not take part; nil for a bad pattern or an index beyond the groups.
    public static func extract(_ s: String, _ pattern: String, _ index: Int) -> String? {
        guard let r = compile(pattern), index >= 0 else { return nil }
        guard let m = try? r.firstMatch(in: s) else {
            return "" // Spark checks the group count only when there is a match
        }
        guard index < m.output.count else { return nil }
        return m.output[index].substring.map(String.init) ?? ""
    }

    /// `regexp_extract_all(s, pattern, index)`: group `index` of every match.
    public static func extractAll(_ s: String, _ pattern: String, _ index: Int) -> [String]? {
        guard let r = compile(pattern), index >= 0 else { return nil }
        var out: [String] = []
        for m in s.matches(of: r) {
            guard index < m.output.count else { return nil }
            out.append(m.output[index].substring.map(String.init) ?? "")
        }
        return out
    }

    /// `split(s, pattern[, limit])` as Spark does it: Java's `Pattern.split` with limit -1 when `limit` <= 0, so
    /// trailing empty strings are **kept** (`split('a,b,,', ',')` is `["a","b","",""]`, confirmed against Spark 4.3);
    /// a zero-width match at the start yields no leading empty string (one at the end does yield a trailing one); an empty pattern splits into characters.
    public static func split(_ s: String, _ pattern: String, limit: Int = -1) -> [String]? {
        if pattern.isEmpty {
            var parts = s.unicodeScalars.map { String($0) }
            if limit > 0 && parts.count > limit {
                let head = parts[0..<(limit - 1)]
                let tail = String(s.unicodeScalars.dropFirst(limit - 1))
                parts = Array(head) + [tail]
            }
            return parts.isEmpty ? [""] : parts
        }
        guard let r = compile(pattern) else { return nil }
        var parts: [String] = []
        var last = s.startIndex
        for m in s.matches(of: r) {
            if limit > 0 && parts.count == limit - 1 { break }
            if m.range.isEmpty && m.range.lowerBound == s.startIndex { continue }
            parts.append(String(s[last..<m.range.lowerBound]))
            last = m.range.upperBound
        }
        parts.append(String(s[last...]))
        return parts
    }

    private enum Piece { case text(String), group(Int), named(String) }

    /// Parses a Java replacement string: `$n` (one digit), `${name}`, `\x` for a literal x. A lone `$` or trailing `\` is an error.
    private static func parseReplacement(_ r: String) -> [Piece]? {
        var pieces: [Piece] = []
        var text = ""
        var it = Array(r.unicodeScalars)[...]
        while let c = it.popFirst() {
            if c == "\\" {
                guard let n = it.popFirst() else { return nil }
                text.unicodeScalars.append(n)
            } else if c == "$" {
                guard let n = it.first else { return nil }
                if n == "{" {
                    it = it.dropFirst()
                    var name = ""
                    while let x = it.popFirst(), x != "}" { name.unicodeScalars.append(x) }
                    guard !name.isEmpty else { return nil }
                    if !text.isEmpty { pieces.append(.text(text)); text = "" }
                    pieces.append(.named(name))
                } else if let d = n.properties.numericType, d == .decimal, n.isASCII {
                    it = it.dropFirst()
                    // Java would take a second digit when that group exists; one digit covers real scripts.
                    let g = Int(n.value - 48)
                    if !text.isEmpty { pieces.append(.text(text)); text = "" }
                    pieces.append(.group(g))
                } else {
                    return nil
                }
            } else {
                text.unicodeScalars.append(c)
            }
        }
        if !text.isEmpty { pieces.append(.text(text)) }
        return pieces
    }

    /// `s LIKE pattern` with `_`, `%` and `\` as the escape (Spark's default).
    public static func like(_ s: String, _ pattern: String) -> Bool {
        let t = Array(s.unicodeScalars), p = Array(pattern.unicodeScalars)
        // Iterative wildcard matching with backtracking to the last `%`.
        var ti = 0, pi = 0, starP = -1, starT = 0
        func literalAt(_ i: Int) -> (Unicode.Scalar, Int, Bool) { // scalar, width, isWildcard
            if p[i] == "\\" && i + 1 < p.count { return (p[i + 1], 2, false) }
            return (p[i], 1, p[i] == "_" || p[i] == "%")
        }
        while ti < t.count {
            if pi < p.count {
                let (c, w, wild) = literalAt(pi)
                if wild && c == "%" { starP = pi; starT = ti; pi += 1; continue }
                if (wild && c == "_") || (!wild && c == t[ti]) { ti += 1; pi += w; continue }
            }
            if starP >= 0 { pi = starP + 1; starT += 1; ti = starT; continue }
            return false
        }
        while pi < p.count, p[pi] == "%" { pi += 1 }
        return pi == p.count
    }
}
