/// Bodies of Hive's string functions. Positions and lengths count Unicode code points, as Spark's `UTF8String`
/// does (`length('a😀b')` is 3). `nil` stands for SQL NULL; callers pass NULL arguments as `nil` where a function
/// treats them specially (`concat_ws`), and otherwise return NULL without calling.
/// Expectations marked "Spark" in the tests were confirmed against Spark 4.3.
public enum StringFunctions {
    /// `concat(a, b, ...)`: NULL if any argument is NULL.
    public static func concat(_ parts: [String?]) -> String? {
        var out = ""
        for p in parts {
            guard let p else { return nil }
            out += p
        }
        return out
    }

    /// `concat_ws(sep, ...)`: NULL arguments are skipped and array arguments flattened; NULL only when `sep` is.
    public static func concatWS(_ sep: String?, _ parts: [HiveValue]) -> String? {
        guard let sep else { return nil }
        var pieces: [String] = []
        for p in parts {
            switch p {
            case .null: continue
            case .array(let items):
                for item in items where !item.isNull { pieces.append(item.cliText) }
            default: pieces.append(p.cliText)
            }
        }
        return pieces.joined(separator: sep)
    }

    /// `length(s)` / `char_length`: code points.
    public static func length(_ s: String) -> Int { s.unicodeScalars.count }

    /// `octet_length(s)`: UTF-8 bytes.
    public static func octetLength(_ s: String) -> Int { s.utf8.count }

    /// `substr(s, pos[, len])` with Spark's rules: 1-based; `pos` 0 acts as 1; a negative `pos` counts from the
    /// end; the window is clipped to the string, so a start before it shortens the result (`substr('hello', -7, 4)`
    /// is `he`); `len` < 1 or a start past the end gives "".
    public static func substr(_ s: String, _ pos: Int, _ len: Int = Int.max) -> String {
        let scalars = s.unicodeScalars
        let n = scalars.count
        let start = pos > 0 ? pos - 1 : (pos < 0 ? n + pos : 0)
        let end = len == Int.max ? n : start.addingReportingOverflow(len).partialValue
        let from = max(start, 0)
        let to = min(end, n)
        if from >= to { return "" }
        let a = scalars.index(scalars.startIndex, offsetBy: from)
        let b = scalars.index(a, offsetBy: to - from)
        return String(scalars[a..<b])
    }

    /// `instr(s, sub)`: 1-based position of the first `sub`, 0 when absent; `sub` empty → 1.
    public static func instr(_ s: String, _ sub: String) -> Int {
        locate(sub, s, 1)
    }

    /// `locate(sub, s[, pos])`: 1-based position of `sub` at or after `pos`; 0 when absent or `pos` < 1; an empty
    /// `sub` is found at 1 (Spark's quirk, confirmed).
    public static func locate(_ sub: String, _ s: String, _ pos: Int = 1) -> Int {
        guard pos >= 1 else { return 0 }
        if sub.isEmpty { return 1 }
        let hay = Array(s.unicodeScalars), needle = Array(sub.unicodeScalars)
        guard needle.count <= hay.count else { return 0 }
        var i = pos - 1
        while i + needle.count <= hay.count {
            if hay[i] == needle[0] && hay[i..<(i + needle.count)].elementsEqual(needle) { return i + 1 }
            i += 1
        }
        return 0
    }

    /// `lpad(s, len, pad)`: left-padded with repeats of `pad` to `len` code points, or cut to `len`; `len` < 1 → "";
    /// an empty pad leaves a short string as it is.
    public static func lpad(_ s: String, _ len: Int, _ pad: String) -> String { padded(s, len, pad, left: true) }

    /// `rpad(s, len, pad)`: as `lpad`, padding on the right.
    public static func rpad(_ s: String, _ len: Int, _ pad: String) -> String { padded(s, len, pad, left: false) }

    private static func padded(_ s: String, _ len: Int, _ pad: String, left: Bool) -> String {
        guard len > 0 else { return "" }
        let chars = Array(s.unicodeScalars)
        if chars.count >= len { return String(String.UnicodeScalarView(chars[0..<len])) }
        let p = Array(pad.unicodeScalars)
        guard !p.isEmpty else { return s }
        var fill = String.UnicodeScalarView()
        for k in 0..<(len - chars.count) { fill.append(p[k % p.count]) }
        return left ? String(fill) + s : s + String(fill)
    }

    /// `initcap(s)`: lower-cases everything, then upper-cases the first letter of each space-separated word.
    public static func initcap(_ s: String) -> String {
        var out = ""
        var atStart = true
        for ch in s.lowercased() {
            if atStart { out += ch.uppercased() } else { out.append(ch) }
            atStart = ch == " "
        }
        return out
    }

    /// `trim(s)`: strips ASCII spaces only (not tabs), as Spark does.
    public static func trim(_ s: String) -> String { rtrim(ltrim(s)) }

    /// `ltrim(s)`: strips leading spaces.
    public static func ltrim(_ s: String) -> String {
        let u = s.utf8
        guard let i = u.firstIndex(where: { $0 != 32 }) else { return "" }
        return String(s[i...])
    }

    /// `rtrim(s)`: strips trailing spaces.
    public static func rtrim(_ s: String) -> String {
        let u = s.utf8
        guard let i = u.lastIndex(where: { $0 != 32 }) else { return "" }
        return String(s[...i])
    }

    /// `trim(BOTH chars FROM s)`: strips any of `chars` from both ends.
    public static func trim(_ s: String, characters chars: String) -> String {
        let set = Set(chars.unicodeScalars)
        let v = s.unicodeScalars
        guard let a = v.firstIndex(where: { !set.contains($0) }), let b = v.lastIndex(where: { !set.contains($0) }) else { return "" }
        return String(v[a...b])
    }

    /// `reverse(s)`: code points in reverse order.
    public static func reverse(_ s: String) -> String { String(String.UnicodeScalarView(s.unicodeScalars.reversed())) }

    /// `replace(s, search, replacement)`: every occurrence; an empty `search` leaves `s` unchanged.
    public static func replace(_ s: String, _ search: String, _ replacement: String) -> String {
        guard !search.isEmpty else { return s }
        let hay = Array(s.utf8), needle = Array(search.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(hay.count)
        var i = 0
        while i < hay.count {
            if i + needle.count <= hay.count && hay[i] == needle[0] && hay[i..<(i + needle.count)].elementsEqual(needle) {
                out.append(contentsOf: replacement.utf8)
                i += needle.count
            } else {
                out.append(hay[i])
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// `translate(s, from, to)`: each code point of `from` becomes the one at the same place in `to`, or is
    /// deleted when `to` is shorter; the first occurrence in `from` wins.
    public static func translate(_ s: String, _ from: String, _ to: String) -> String {
        var map: [Unicode.Scalar: Unicode.Scalar?] = [:]
        let t = Array(to.unicodeScalars)
        for (i, c) in from.unicodeScalars.enumerated() where map[c] == nil {
            map[c] = .some(i < t.count ? t[i] : nil)
        }
        var out = String.UnicodeScalarView()
        for c in s.unicodeScalars {
            if let m = map[c] { if let r = m { out.append(r) } } else { out.append(c) }
        }
        return String(out)
    }

    /// `repeat(s, n)`: `n` < 1 → "".
    public static func repeatString(_ s: String, _ n: Int) -> String { n > 0 ? String(repeating: s, count: n) : "" }

    /// `space(n)`.
    public static func space(_ n: Int) -> String { n > 0 ? String(repeating: " ", count: n) : "" }

    /// `ascii(s)`: the first code point's value, 0 for "".
    public static func ascii(_ s: String) -> Int { s.unicodeScalars.first.map { Int($0.value) } ?? 0 }

    /// `chr(n)` / `char(n)`: the character of `n mod 256`; "" for negative `n` (Spark).
    public static func chr(_ n: Int64) -> String {
        if n < 0 { return "" }
        let v = UInt32(n & 255)
        return v == 0 ? "\u{0}" : String(Unicode.Scalar(v).map(Character.init) ?? " ")
    }

    /// `upper(s)`: full Unicode upper-casing (`straße` → `STRASSE`).
    public static func upper(_ s: String) -> String { s.uppercased() }

    /// `lower(s)`.
    public static func lower(_ s: String) -> String { s.lowercased() }

    /// `substring_index(s, delim, count)`: the part before the `count`-th `delim` (from the end when negative).
    public static func substringIndex(_ s: String, _ delim: String, _ count: Int) -> String {
        guard count != 0, !delim.isEmpty else { return "" }
        let parts = s.components(separatedByLiteral: delim)
        if count > 0 { return parts.prefix(count).joined(separator: delim) }
        return parts.suffix(-count).joined(separator: delim)
    }

    /// `find_in_set(s, list)`: 1-based index of `s` in the comma-separated `list`; 0 when absent or `s` holds a comma.
    public static func findInSet(_ s: String, _ list: String) -> Int {
        if s.utf8.contains(UInt8(ascii: ",")) { return 0 }
        for (i, item) in list.components(separatedByLiteral: ",").enumerated() where item == s { return i + 1 }
        return 0
    }

    /// `elt(n, a, b, ...)`: the n-th argument, nil when out of range.
    public static func elt(_ n: Int, _ items: [String?]) -> String? {
        guard n >= 1, n <= items.count else { return nil }
        return items[n - 1]
    }

    /// `soundex(s)`: American Soundex (letter + three digits); a string not starting with a letter is returned as is.
    public static func soundex(_ s: String) -> String {
        let codes: [UInt8] = Array("01230120022455012623010202".utf8) // A...Z
        let u = Array(s.utf8)
        guard let first = u.first else { return s }
        let f = first & ~32
        guard f >= 65, f <= 90 else { return s }
        var out: [UInt8] = [f]
        var last = codes[Int(f - 65)]
        for c in u.dropFirst() {
            let up = c & ~32
            guard up >= 65, up <= 90 else { last = 48; continue }
            let code = codes[Int(up - 65)]
            if up == UInt8(ascii: "H") || up == UInt8(ascii: "W") { continue }
            if code == 48 { last = 48; continue }
            if code != last { out.append(code); if out.count == 4 { break } }
            last = code
        }
        while out.count < 4 { out.append(48) }
        return String(decoding: out, as: UTF8.self)
    }

    /// `levenshtein(a, b)`: edit distance over code points.
    public static func levenshtein(_ a: String, _ b: String) -> Int {
        let x = Array(a.unicodeScalars), y = Array(b.unicodeScalars)
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var prev = Array(0...y.count)
        var cur = [Int](repeating: 0, count: y.count + 1)
        for i in 1...x.count {
            cur[0] = i
            for j in 1...y.count {
                cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1))
            }
            swap(&prev, &cur)
        }
        return prev[y.count]
    }

    /// `sentences(s)`: sentences split at `.`, `!`, `?`, each a list of words (runs of letters, digits and `'`).
    /// An approximation of Java's `BreakIterator` for plain prose.
    public static func sentences(_ s: String) -> [[String]] {
        var result: [[String]] = []
        var words: [String] = []
        var word = ""
        func endWord() { if !word.isEmpty { words.append(word); word = "" } }
        for ch in s {
            if ch.isLetter || ch.isNumber || ch == "'" {
                word.append(ch)
            } else {
                endWord()
                if ch == "." || ch == "!" || ch == "?" {
                    if !words.isEmpty { result.append(words); words = [] }
                }
            }
        }
        endWord()
        if !words.isEmpty { result.append(words) }
        return result
    }

    /// `str_to_map(s, pairDelim, kvDelim)`: pairs split on literal delimiters; a pair without `kvDelim` maps to NULL.
    public static func strToMap(_ s: String, _ pairDelim: String = ",", _ kvDelim: String = ":") -> [HiveMapEntry] {
        var entries: [HiveMapEntry] = []
        for pair in s.components(separatedByLiteral: pairDelim) {
            let kv = pair.components(separatedByLiteral: kvDelim, maxSplits: 1)
            let key = HiveValue.string(kv[0])
            let value: HiveValue = kv.count > 1 ? .string(kv[1]) : .null
            if let i = entries.firstIndex(where: { $0.key == key }) { entries[i].value = value } else { entries.append(HiveMapEntry(key, value)) }
        }
        return entries
    }
}

extension String {
    /// Splits on a literal separator, keeping empty pieces (no Foundation).
    func components(separatedByLiteral sep: String, maxSplits: Int = Int.max) -> [String] {
        let hay = Array(utf8), needle = Array(sep.utf8)
        guard !needle.isEmpty else { return [self] }
        var parts: [String] = []
        var start = 0, i = 0
        while i + needle.count <= hay.count && parts.count < maxSplits {
            if hay[i..<(i + needle.count)].elementsEqual(needle) {
                parts.append(String(decoding: hay[start..<i], as: UTF8.self))
                i += needle.count
                start = i
            } else {
                i += 1
            }
        }
        parts.append(String(decoding: hay[start...], as: UTF8.self))
        return parts
    }
}
