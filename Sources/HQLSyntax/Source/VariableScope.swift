/// The variables a session can substitute into statement text, one dictionary per Hive namespace.
///
/// A value type: the session owns one and changes it as `SET` statements run, and each statement is substituted
/// with the scope as it stood when the statement began, as Hive does.
///
/// Lookup of a reference `${name}`, following Hive's `SystemVariables.getSubstitute` and
/// `VariableSubstitution.getSubstitute` (Hive 2.x and later):
/// 1. `system:key` reads ``system``; `env:KEY` reads ``env``; `hiveconf:key` reads ``hiveconf``.
/// 2. If that found nothing: `hivevar:key` reads ``hivevar`` under `key`, and any other name, bare or prefixed,
///    reads ``hivevar`` under the whole name. So a bare `${x}` is a hivevar, never a hiveconf key.
///
/// spark-sql differs: there a bare `${x}` reads the session configuration, and an undefined reference becomes
/// empty. hqlrun follows Hive, and leaves an undefined reference as written.
public struct VariableScope: Equatable, Sendable {
    /// Configuration keys: `--hiveconf k=v`, `SET k=v`, `SET hiveconf:k=v`; read by `${hiveconf:k}`.
    public var hiveconf: [String: String]
    /// Hive variables: `--hivevar k=v`, `-d k=v`, `SET hivevar:k=v`; read by `${hivevar:k}` and `${k}`.
    public var hivevar: [String: String]
    /// The process environment, read-only from HQL; read by `${env:K}`.
    public var env: [String: String]
    /// Java-style system properties, as Hive scripts expect them; `SET system:k=v`; read by `${system:k}`.
    public var system: [String: String]

    /// The hiveconf key holding the most substitution passes (Hive's `hive.variable.substitute.depth`).
    public static let depthKey = "hive.variable.substitute.depth"
    /// The hiveconf key that turns substitution off when `false` (Hive's `hive.variable.substitute`).
    public static let enabledKey = "hive.variable.substitute"
    /// Hive's default for ``depthKey``.
    public static let defaultDepth = 40

    /// Makes a scope. When `system` is not given it is derived from `env` by ``systemProperties(environment:workingDirectory:)``.
    public init(
        hiveconf: [String: String] = [:],
        hivevar: [String: String] = [:],
        env: [String: String] = [:],
        system: [String: String]? = nil
    ) {
        self.hiveconf = hiveconf
        self.hivevar = hivevar
        self.env = env
        self.system = system ?? VariableScope.systemProperties(environment: env)
    }

    // MARK: - Lookup

    /// The value of a reference's name (the text between `${` and `}`), or nil when it is undefined.
    public func value(of name: String) -> String? {
        if let key = name.dropPrefix(Namespace.system.prefix) {
            if let value = system[key] { return value }
        } else if let key = name.dropPrefix(Namespace.env.prefix) {
            if let value = env[key] { return value }
        } else if let key = name.dropPrefix(Namespace.hiveconf.prefix) {
            if let value = hiveconf[key] { return value }
        }
        if let key = name.dropPrefix(Namespace.hivevar.prefix) {
            return hivevar[key]
        }
        return hivevar[name]
    }

    /// Whether statement text is substituted at all (`SET hive.variable.substitute=false` turns it off).
    public var isSubstitutionEnabled: Bool {
        hiveconf[VariableScope.enabledKey].map { $0.lowercased() != "false" } ?? true
    }

    /// How many passes substitution may make before it fails: ``depthKey`` when it holds a positive integer,
    /// else ``defaultDepth``.
    public var substitutionDepth: Int {
        guard let text = hiveconf[VariableScope.depthKey], let depth = Int(text), depth > 0 else {
            return VariableScope.defaultDepth
        }
        return depth
    }

    // MARK: - SET

    /// The namespaces of Hive variables.
    public enum Namespace: String, Sendable, CaseIterable {
        case hiveconf, hivevar, env, system

        /// The prefix naming the namespace in `${...}` and `SET`, e.g. `hivevar:`.
        public var prefix: String { rawValue + ":" }
    }

    /// Why a `SET` could not be applied.
    public struct SetError: Error, Equatable, Sendable {
        /// A stable diagnostic code (`HQL6xxx`).
        public var code: String
        /// The message to show.
        public var message: String
    }

    /// Applies `SET name=value` as Hive's `SetProcessor` does: `hivevar:k` sets a hivevar, `system:k` a system
    /// property, `hiveconf:k` and a bare `k` a configuration key; `env:` is read-only. The name is trimmed.
    /// Returns the namespace that was changed.
    @discardableResult
    public mutating func applySet(name rawName: String, value: String) throws(SetError) -> Namespace {
        let name = rawName.trimmingSpaces()
        if name.dropPrefix(Namespace.env.prefix) != nil {
            throw SetError(code: "HQL6003", message: "env:* variables can not be set")
        }
        if let key = name.dropPrefix(Namespace.system.prefix) {
            try Self.requireKey(key, name)
            system[key] = value
            return .system
        }
        if let key = name.dropPrefix(Namespace.hivevar.prefix) {
            try Self.requireKey(key, name)
            hivevar[key] = value
            return .hivevar
        }
        let key = name.dropPrefix(Namespace.hiveconf.prefix) ?? name
        try Self.requireKey(key, name)
        hiveconf[key] = value
        return .hiveconf
    }

    /// Applies an assignment written `name=value` (the text after `SET`, or a `--hiveconf`/`--hivevar`
    /// argument). It splits at the first `=`, as Hive does, and trims both sides.
    @discardableResult
    public mutating func applySet(assignment: String) throws(SetError) -> Namespace {
        guard let equals = assignment.firstIndex(of: "=") else {
            throw SetError(code: "HQL6004", message: "expected name=value, found '\(assignment)'")
        }
        let name = String(assignment[..<equals])
        let value = String(assignment[assignment.index(after: equals)...]).trimmingSpaces()
        return try applySet(name: name, value: value)
    }

    private static func requireKey(_ key: String, _ name: String) throws(SetError) {
        if key.isEmpty {
            throw SetError(code: "HQL6004", message: "missing variable name in '\(name)'")
        }
    }

    // MARK: - System properties

    /// The Java system properties Hive scripts commonly read, derived from the environment so that this target
    /// makes no system calls: `user.name` (`USER`, else `LOGNAME`), `user.home` (`HOME`), `user.dir`
    /// (`workingDirectory`, else `PWD`), `java.io.tmpdir` (`TMPDIR` without a trailing `/`, else `/tmp`),
    /// `os.name`, `os.arch` (Java's spelling, e.g. `amd64`), and the separators.
    public static func systemProperties(environment: [String: String], workingDirectory: String? = nil) -> [String: String] {
        var properties: [String: String] = [
            "file.separator": "/",
            "path.separator": ":",
            "line.separator": "\n",
            "os.name": osName,
            "os.arch": osArch,
        ]
        if let user = environment["USER"] ?? environment["LOGNAME"] { properties["user.name"] = user }
        if let home = environment["HOME"] { properties["user.home"] = home }
        if let directory = workingDirectory ?? environment["PWD"] { properties["user.dir"] = directory }
        var temporary = environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        // Hive coerces java.io.tmpdir to a plain local path; a trailing slash would double up in `${...}/x`.
        while temporary.count > 1, temporary.hasSuffix("/") { temporary.removeLast() }
        properties["java.io.tmpdir"] = temporary
        return properties
    }

    private static var osName: String {
        #if os(Linux)
        return "Linux"
        #elseif os(macOS)
        return "Mac OS X"
        #else
        return "Unknown"
        #endif
    }

    private static var osArch: String {
        #if arch(x86_64)
        return "amd64"
        #elseif arch(arm64)
        return "aarch64"
        #else
        return "unknown"
        #endif
    }
}

extension String {
    /// The rest of the string after `prefix`, or nil when it does not start with it (case-sensitive, as Hive).
    fileprivate func dropPrefix(_ prefix: String) -> String? {
        hasPrefix(prefix) ? String(dropFirst(prefix.count)) : nil
    }

    /// The string without leading and trailing spaces, tabs and line breaks.
    fileprivate func trimmingSpaces() -> String {
        guard let first = firstIndex(where: { !$0.isWhitespace }), let last = lastIndex(where: { !$0.isWhitespace }) else {
            return ""
        }
        return String(self[first...last])
    }
}
