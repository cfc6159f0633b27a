/// `parse_url(url, part[, key])` with the behaviour of Java's `java.net.URI`, which Spark uses: a URL with a
/// character URI forbids (a space, `"`, `<`, `>`, `\`, `^`, `` ` ``, `{`, `|`, `}`) gives NULL; a missing part gives
/// NULL, except PATH, which is "" for `http://host`. Confirmed against Spark 4.3.
public enum URLFunctions {
    /// The parts of a URI reference (RFC 3986 §3), as raw (still percent-encoded) text.
    public struct Parts: Sendable, Equatable {
        public var scheme: String?
        public var authority: String?
        public var userInfo: String?
        public var host: String?
        public var port: Int?
        public var path: String?
        public var query: String?
        public var fragment: String?
    }

    /// Splits a URI; nil when it holds characters `java.net.URI` rejects.
    public static func parse(_ url: String) -> Parts? {
        for c in url.unicodeScalars {
            if c.value <= 32 || c.value == 127 { return nil }
            if "\"<>\\^`{|}".unicodeScalars.contains(c) { return nil }
        }
        var parts = Parts()
        var rest = Substring(url)
        // scheme ":" — only when the text before the first ':' is a valid scheme.
        if let colon = rest.firstIndex(of: ":") {
            let candidate = rest[..<colon]
            if let f = candidate.unicodeScalars.first, f.properties.isAlphabetic, f.isASCII,
               candidate.unicodeScalars.allSatisfy({ $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "+-.".unicodeScalars.contains($0)) }) {
                parts.scheme = String(candidate)
                rest = rest[rest.index(after: colon)...]
            }
        }
        if let hash = rest.firstIndex(of: "#") {
            parts.fragment = String(rest[rest.index(after: hash)...])
            rest = rest[..<hash]
        }
        if parts.scheme != nil && !rest.hasPrefix("/") {
            return parts // opaque URI (mailto:x): no authority, path or query
        }
        if rest.hasPrefix("//") {
            rest = rest.dropFirst(2)
            let end = rest.firstIndex(where: { $0 == "/" || $0 == "?" }) ?? rest.endIndex
            let authority = rest[..<end]
            rest = rest[end...]
            if !authority.isEmpty {
                parts.authority = String(authority)
                var hostPort = authority
                if let at = authority.lastIndex(of: "@") {
                    parts.userInfo = String(authority[..<at])
                    hostPort = authority[authority.index(after: at)...]
                }
                if hostPort.hasPrefix("["), let close = hostPort.firstIndex(of: "]") {
                    parts.host = String(hostPort[...close])
                    let after = hostPort[hostPort.index(after: close)...]
                    if after.hasPrefix(":") { parts.port = Int(after.dropFirst()) }
                } else if let colon = hostPort.lastIndex(of: ":") {
                    parts.host = String(hostPort[..<colon])
                    parts.port = Int(hostPort[hostPort.index(after: colon)...])
                } else {
                    parts.host = String(hostPort)
                }
                if parts.host?.isEmpty == true { parts.host = nil }
            }
        }
        if let q = rest.firstIndex(of: "?") {
            parts.query = String(rest[rest.index(after: q)...])
            rest = rest[..<q]
        }
        parts.path = String(rest)
        return parts
    }

    /// `parse_url(url, part)` for `HOST`, `PATH`, `QUERY`, `REF`, `PROTOCOL`, `AUTHORITY`, `FILE`, `USERINFO`
    /// (upper case, as Spark requires).
    public static func parseURL(_ url: String, _ part: String) -> String? {
        guard let p = parse(url) else { return nil }
        switch part {
        case "HOST": return p.host
        case "PATH": return p.path
        case "QUERY": return p.query
        case "REF": return p.fragment
        case "PROTOCOL": return p.scheme
        case "AUTHORITY": return p.authority
        case "FILE":
            guard let path = p.path else { return nil }
            return p.query.map { path + "?" + $0 } ?? path
        case "USERINFO": return p.userInfo
        default: return nil
        }
    }

    /// `parse_url(url, 'QUERY', key)`: the raw value of the first `key=` parameter in the query.
    public static func parseURL(_ url: String, _ part: String, key: String) -> String? {
        guard part == "QUERY", let query = parse(url)?.query else { return nil }
        for pair in query.components(separatedByLiteral: "&") {
            let kv = pair.components(separatedByLiteral: "=", maxSplits: 1)
            if kv.count == 2 && kv[0] == key { return kv[1] }
        }
        return nil
    }
}
