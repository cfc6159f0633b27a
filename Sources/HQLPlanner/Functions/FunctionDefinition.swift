/// One Hive built-in function: its names, how many arguments it takes and of what types, its result type, how the
/// code generator lowers it, and the text `DESCRIBE FUNCTION` shows.
///
/// Definitions are plain data; the catalog holds one table of them (`FunctionCatalog.standard`).
public struct FunctionDefinition: Sendable {
    /// The canonical name, lower case.
    public let name: String
    /// Other names for the same function (`ucase` for `upper`), lower case.
    public let aliases: [String]
    /// The family it is listed under in `grammar/functions.md`; set by the catalog from the table it came from.
    public internal(set) var family: FunctionFamily
    /// Scalar, aggregate, window or generator (UDTF).
    public let kind: FunctionKind
    /// How many arguments it takes.
    public let arity: Arity
    /// What each argument should be and what it is converted to.
    public let arguments: ArgumentRule
    /// How the result type follows from the argument types.
    public let returnType: ReturnTypeRule
    /// How the code generator implements it.
    public let lowering: Lowering
    /// False for functions whose result varies between calls with the same arguments (`rand`, `uuid`).
    public let isDeterministic: Bool
    /// The call shape, e.g. `substr(str, pos[, len])`.
    public let usage: String
    /// One sentence for `DESCRIBE FUNCTION` and `SHOW FUNCTIONS`.
    public let summary: String
    /// One call and its result, e.g. `substr('Hive', 2, 2) → 'iv'`.
    public let example: String
    /// Where Hive and Spark disagree, which one hqlrun follows and why; nil when they agree.
    public let difference: String?

    /// Creates a definition. `lowering` uses the internal shorthand so Swift symbols follow `hive_<name>`.
    init(_ name: String, aliases: [String] = [], kind: FunctionKind = .scalar, arity: Arity,
         arguments: ArgumentRule = .uniform(.any), returns returnType: ReturnTypeRule, _ lowering: LoweringSpec,
         deterministic: Bool = true, usage: String, _ summary: String, example: String, difference: String? = nil) {
        self.name = name
        self.aliases = aliases
        self.family = .misc
        self.kind = kind
        self.arity = arity
        self.arguments = arguments
        self.returnType = returnType
        self.lowering = lowering.lowering(for: name)
        self.isDeterministic = deterministic
        self.usage = usage
        self.summary = summary
        self.example = example
        self.difference = difference
    }

    /// `DESCRIBE FUNCTION name`: usage and summary; `DESCRIBE FUNCTION EXTENDED` adds aliases, example and notes.
    public func describe(extended: Bool = false) -> String {
        var lines = ["\(usage) - \(summary)"]
        guard extended else { return lines.joined(separator: "\n") }
        if !aliases.isEmpty { lines.append("Synonyms: " + aliases.joined(separator: ", ")) }
        lines.append("Example: " + example)
        if let difference { lines.append("Note: " + difference) }
        return lines.joined(separator: "\n")
    }
}

/// The catalog's grouping of functions, one source file each.
public enum FunctionFamily: String, Hashable, Sendable, CaseIterable {
    case string, math, date, conditional, collection, aggregate, window, generator, misc

    /// The heading used in `grammar/functions.md`.
    public var title: String {
        switch self {
        case .string: return "String functions"
        case .math: return "Mathematical functions"
        case .date: return "Date and time functions"
        case .conditional: return "Conditional functions"
        case .collection: return "Collection functions"
        case .aggregate: return "Aggregate functions"
        case .window: return "Window functions"
        case .generator: return "Table-generating functions (UDTFs)"
        case .misc: return "Hashing, JSON, type conversion and other functions"
        }
    }
}

/// What sort of function it is, which decides where a call may appear.
public enum FunctionKind: String, Hashable, Sendable {
    /// One value per row.
    case scalar
    /// One value per group (`GROUP BY`), or per window frame with `OVER`.
    case aggregate
    /// Only with `OVER (...)`: ranking and offset functions.
    case window
    /// A UDTF: several rows and columns per input row, in `SELECT` alone or `LATERAL VIEW`.
    case generator
}

/// How many arguments a function takes: at least `minimum`, at most `maximum` (nil: any number).
public struct Arity: Hashable, Sendable, ExpressibleByIntegerLiteral, CustomStringConvertible {
    /// The fewest arguments.
    public let minimum: Int
    /// The most arguments, nil when variadic.
    public let maximum: Int?

    /// Exactly `count` arguments.
    public init(integerLiteral count: Int) {
        minimum = count
        maximum = count
    }

    /// Between `minimum` and `maximum` arguments (nil: no upper bound).
    public init(_ minimum: Int, _ maximum: Int?) {
        self.minimum = minimum
        self.maximum = maximum
    }

    /// `minimum` or more arguments.
    public static func atLeast(_ minimum: Int) -> Arity { Arity(minimum, nil) }

    /// Whether `count` arguments are accepted.
    public func accepts(_ count: Int) -> Bool {
        count >= minimum && (maximum.map { count <= $0 } ?? true)
    }

    /// `2 or 3 arguments`, `1 argument`, `at least 1 argument`, `no arguments`.
    public var description: String {
        func plural(_ n: Int) -> String { n == 1 ? "argument" : "arguments" }
        guard let maximum else { return "at least \(minimum) \(plural(minimum))" }
        if maximum == minimum { return minimum == 0 ? "no arguments" : "\(minimum) \(plural(minimum))" }
        if maximum == minimum + 1 { return "\(minimum) or \(maximum) arguments" }
        return "\(minimum) to \(maximum) arguments"
    }

    /// The compact form used in the function table: `1`, `2–3`, `1+`.
    public var shortDescription: String {
        guard let maximum else { return "\(minimum)+" }
        return maximum == minimum ? "\(minimum)" : "\(minimum)–\(maximum)"
    }
}

/// How the code generator implements a function.
public enum Lowering: Hashable, Sendable {
    /// A SQLite expression, with `$1`, `$2`, … standing for the (already converted) arguments. Used only where
    /// SQLite's behaviour matches Hive's exactly for every input.
    case sqliteExpression(String)
    /// A scalar UDF written in Swift and registered with SQLite under this name (`hive_<name>`).
    case swiftFunction(String)
    /// An aggregate: SQLite's own when the name has no `hive_` prefix (`count`, `min`, `max`), else a Swift one.
    case aggregate(String)
    /// A window function: SQLite's own when the name has no `hive_` prefix (`row_number`, `lag`), else Swift.
    case window(String)
    /// A table-generating function, expanded by the runtime (a Swift table-valued function).
    case generator(String)
    /// Handled by the binder itself (CAST, CASE, IF, COALESCE, IN, `current_date`, grouping): no single lowering.
    case special
    /// Recognised but not implemented; the binder reports the reason.
    case unsupported(String)

    /// The short form used in `grammar/functions.md`.
    public var summary: String {
        switch self {
        case .sqliteExpression(let template): return "SQLite `\(template)`"
        case .swiftFunction(let symbol): return "UDF `\(symbol)`"
        case .aggregate(let symbol): return "aggregate `\(symbol)`"
        case .window(let symbol): return "window `\(symbol)`"
        case .generator(let symbol): return "generator `\(symbol)`"
        case .special: return "binder"
        case .unsupported(let reason): return "unsupported: \(reason)"
        }
    }
}

/// The table's shorthand for lowerings; Swift symbols are derived from the function name.
enum LoweringSpec: Sendable {
    /// `.swiftFunction("hive_<name>")`.
    case udf
    /// `.aggregate("hive_<name>")`.
    case udaf
    /// `.generator("hive_<name>")`.
    case udtf
    /// SQLite's own aggregate of this name.
    case sqliteAggregate(String)
    /// SQLite's own window function of this name.
    case sqliteWindow(String)
    /// A SQLite expression template.
    case sql(String)
    /// Handled by the binder.
    case special
    /// Not implemented, with the reason.
    case unsupported(String)

    func lowering(for name: String) -> Lowering {
        switch self {
        case .udf: return .swiftFunction("hive_" + name)
        case .udaf: return .aggregate("hive_" + name)
        case .udtf: return .generator("hive_" + name)
        case .sqliteAggregate(let symbol): return .aggregate(symbol)
        case .sqliteWindow(let symbol): return .window(symbol)
        case .sql(let template): return .sqliteExpression(template)
        case .special: return .special
        case .unsupported(let reason): return .unsupported(reason)
        }
    }
}
