/// The table of Hive built-in functions, looked up by name (case-insensitive, aliases resolved).
///
/// One table (`FunctionCatalog.standard`) built from the per-family data files; `SHOW FUNCTIONS`,
/// `DESCRIBE FUNCTION`, `grammar/functions.md` and the binder all read it.
public struct FunctionCatalog: Sendable {
    /// Every definition, in family order then table order.
    public let definitions: [FunctionDefinition]
    private let index: [String: Int]

    /// The built-in functions.
    public static let standard = FunctionCatalog(families: [
        (.string, stringFunctions), (.math, mathFunctions), (.date, dateFunctions),
        (.conditional, conditionalFunctions), (.collection, collectionFunctions),
        (.aggregate, aggregateFunctions), (.window, windowFunctions), (.generator, generatorFunctions),
        (.misc, miscFunctions),
    ])

    /// Builds a catalog from tables of definitions, each tagged with its family. A name or alias that appears twice
    /// keeps its first definition (the catalog tests reject duplicates in the standard table).
    init(families: [(FunctionFamily, [FunctionDefinition])]) {
        var all: [FunctionDefinition] = []
        var index: [String: Int] = [:]
        for (family, table) in families {
            for var definition in table {
                definition.family = family
                for name in [definition.name] + definition.aliases where index[name.lowercased()] == nil {
                    index[name.lowercased()] = all.count
                }
                all.append(definition)
            }
        }
        self.definitions = all
        self.index = index
    }

    /// Every name and alias the catalog answers to, sorted (`SHOW FUNCTIONS`).
    public var allNames: [String] { index.keys.sorted() }

    /// The definition for a name or alias, ignoring case; nil when there is none.
    public func lookup(_ name: String) -> FunctionDefinition? {
        index[name.lowercased()].map { definitions[$0] }
    }

    /// The definitions of one family, in table order.
    public func definitions(in family: FunctionFamily) -> [FunctionDefinition] {
        definitions.filter { $0.family == family }
    }

    /// Resolves a call with these argument types (no constants known).
    public func resolve(_ name: String, argumentTypes: [HiveType]) throws -> ResolvedFunction {
        try resolve(name, arguments: argumentTypes.map { FunctionArgument($0) })
    }

    /// Resolves a call: finds the function, checks the number and types of the arguments, works out the result
    /// type and the type each argument is converted to.
    ///
    /// Throws `FunctionResolutionError` for an unknown name (with a suggestion), a wrong number of arguments, an
    /// argument of the wrong kind, or a function hqlrun recognises but does not implement.
    public func resolve(_ name: String, arguments: [FunctionArgument]) throws -> ResolvedFunction {
        guard let definition = lookup(name) else {
            throw FunctionResolutionError.unknownFunction(name: name, suggestion: suggestion(for: name))
        }
        let shownName = name.lowercased()
        if case .unsupported(let reason) = definition.lowering {
            throw FunctionResolutionError.unsupported(name: shownName, reason: reason)
        }
        guard definition.arity.accepts(arguments.count) else {
            throw FunctionResolutionError.wrongArity(name: shownName, arity: definition.arity, found: arguments.count)
        }
        var converted: [HiveType] = []
        for (position, argument) in arguments.enumerated() {
            let expectation = definition.arguments.expectation(at: position)
            guard expectation.accepts(argument.type) else {
                throw FunctionResolutionError.wrongArgumentType(
                    name: shownName, position: position + 1, expected: expectation, found: argument.type)
            }
            converted.append(expectation.convertedType(argument.type))
        }
        let returnType: HiveType
        do {
            returnType = try definition.returnType.resolve(arguments.map { FunctionArgument($0.type, constant: $0.constant) })
        } catch let error as HiveTypeError {
            throw FunctionResolutionError.invalidArguments(name: shownName, message: error.message)
        }
        converted = Self.unify(converted, rule: definition.returnType, result: returnType)
        return ResolvedFunction(definition: definition, returnType: returnType, argumentTypes: converted)
    }

    /// Branch-like arguments (`coalesce`, `if`, `array`) are all converted to the result type or element type;
    /// the arguments of a text `concat` to STRING.
    private static func unify(_ types: [HiveType], rule: ReturnTypeRule, result: HiveType) -> [HiveType] {
        var types = types
        if case .common(let from) = rule {
            for i in types.indices where i >= from { types[i] = result }
        } else if case .commonOf(let positions) = rule {
            for i in positions where i < types.count { types[i] = result }
        } else if case .arrayOfCommon = rule, let element = result.arrayElement {
            types = types.map { _ in element }
        } else if case .mapOfPairs = rule, let (key, value) = result.mapTypes {
            types = types.indices.map { $0 % 2 == 0 ? key : value }
        } else if case .concat = rule, result == .string || result.arrayElement != nil {
            types = types.map { _ in result }
        }
        return types
    }

    /// The closest known name to a misspelt one (edit distance at most 2, or a third of its length), if any.
    public func suggestion(for name: String) -> String? {
        let wanted = Array(name.lowercased())
        let limit = max(2, wanted.count / 3)
        var best: (name: String, distance: Int)?
        for candidate in index.keys {
            let distance = Self.editDistance(wanted, Array(candidate))
            if distance <= limit, distance < (best?.distance ?? Int.max)
                || (distance == best?.distance && candidate < (best?.name ?? "")) {
                best = (candidate, distance)
            }
        }
        return best?.name
    }

    /// Levenshtein distance.
    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }

    // MARK: - Static conveniences over `standard`

    /// `standard.lookup(name)`.
    public static func lookup(_ name: String) -> FunctionDefinition? { standard.lookup(name) }

    /// `standard.resolve(name, argumentTypes:)`.
    public static func resolve(_ name: String, argumentTypes: [HiveType]) throws -> ResolvedFunction {
        try standard.resolve(name, argumentTypes: argumentTypes)
    }

    /// `standard.resolve(name, arguments:)`.
    public static func resolve(_ name: String, arguments: [FunctionArgument]) throws -> ResolvedFunction {
        try standard.resolve(name, arguments: arguments)
    }
}

/// A call the catalog accepted.
public struct ResolvedFunction: Sendable {
    /// The function called.
    public let definition: FunctionDefinition
    /// The type of the call's result (for a generator, a STRUCT of its output columns).
    public let returnType: HiveType
    /// The type each argument is converted to before the call (the argument's own type when unconverted).
    public let argumentTypes: [HiveType]
}

/// Why a call could not be resolved. The binder adds the span.
public enum FunctionResolutionError: Error, Equatable, Sendable, CustomStringConvertible {
    /// No function of this name; `suggestion` is a close name, if any.
    case unknownFunction(name: String, suggestion: String?)
    /// Known, but hqlrun does not implement it.
    case unsupported(name: String, reason: String)
    /// The wrong number of arguments.
    case wrongArity(name: String, arity: Arity, found: Int)
    /// An argument of the wrong kind (`position` is 1-based).
    case wrongArgumentType(name: String, position: Int, expected: ArgumentType, found: HiveType)
    /// The arguments fit one by one but not together (no common type, a needed constant missing, …).
    case invalidArguments(name: String, message: String)

    /// The message shown to the user.
    public var description: String {
        switch self {
        case .unknownFunction(let name, let suggestion):
            let base = "function '\(name)' is not supported by hqlrun"
            return suggestion.map { base + "; did you mean '\($0)'?" } ?? base
        case .unsupported(let name, let reason):
            return "function '\(name)' is not supported by hqlrun: \(reason)"
        case .wrongArity(let name, let arity, let found):
            return "function '\(name)' takes \(arity), found \(found)"
        case .wrongArgumentType(let name, let position, let expected, let found):
            return "argument \(position) of function '\(name)' must be \(expected), found \(found)"
        case .invalidArguments(let name, let message):
            return "function '\(name)': \(message)"
        }
    }
}
