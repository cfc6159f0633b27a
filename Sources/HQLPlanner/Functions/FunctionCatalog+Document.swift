/// The text of `grammar/functions.md`, generated from the catalog so the two cannot drift apart
/// (`FunctionCatalogDocTests` fails when the committed file differs; `RECORD_FUNCTIONS_DOC=1` rewrites it).
extension FunctionCatalog {
    /// The catalog as a Markdown document: a summary, then one table per family.
    public func markdownDocument() -> String {
        var lines: [String] = [
            "# Hive built-in functions in hqlrun",
            "",
            "Generated from `Sources/HQLPlanner/Functions/` by `FunctionCatalogDocTests`; do not edit by hand.",
            "Regenerate with `RECORD_FUNCTIONS_DOC=1 swift test --filter FunctionCatalogDocTests`.",
            "",
            "Lowering: *SQLite* — a SQLite expression (`$1` is the first argument); *UDF* — a Swift scalar function",
            "registered with SQLite; *aggregate*/*window* — SQLite's own when the name has no `hive_` prefix, else",
            "Swift; *generator* — a Swift table function; *binder* — rewritten by the binder; *unsupported* — refused",
            "with the reason given. Argument positions in return-type rules count from 1.",
            "",
            "| family | functions | names incl. aliases |",
            "|---|---:|---:|",
        ]
        for family in FunctionFamily.allCases {
            let members = definitions(in: family)
            let names = members.reduce(0) { $0 + 1 + $1.aliases.count }
            lines.append("| \(family.title) | \(members.count) | \(names) |")
        }
        let total = definitions.reduce(0) { $0 + 1 + $1.aliases.count }
        lines.append("| **all** | **\(definitions.count)** | **\(total)** |")
        lines.append("")
        lines.append("| lowering | functions |")
        lines.append("|---|---:|")
        for (kind, count) in loweringCounts() {
            lines.append("| \(kind) | \(count) |")
        }
        for family in FunctionFamily.allCases {
            lines.append("")
            lines.append("## \(family.title)")
            lines.append("")
            lines.append("| name | aliases | args | returns | lowering | description |")
            lines.append("|---|---|---|---|---|---|")
            for definition in definitions(in: family).sorted(by: { $0.name < $1.name }) {
                var description = definition.summary
                if let difference = definition.difference { description += " *Hive/Spark:* " + difference }
                let cells = [
                    "`\(definition.name)`",
                    definition.aliases.map { "`\($0)`" }.joined(separator: ", "),
                    definition.arity.shortDescription,
                    definition.returnType.summary,
                    definition.lowering.summary,
                    description,
                ]
                lines.append("| " + cells.map(Self.escapeCell).joined(separator: " | ") + " |")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// How many functions lower each way, in a fixed order.
    public func loweringCounts() -> [(kind: String, count: Int)] {
        let kinds = ["SQLite expression", "Swift UDF", "SQLite aggregate", "Swift aggregate", "SQLite window",
                     "Swift window", "generator", "binder", "unsupported"]
        var counts = [String: Int]()
        for definition in definitions {
            let kind: String
            switch definition.lowering {
            case .sqliteExpression: kind = kinds[0]
            case .swiftFunction: kind = kinds[1]
            case .aggregate(let symbol): kind = symbol.hasPrefix("hive_") ? kinds[3] : kinds[2]
            case .window(let symbol): kind = symbol.hasPrefix("hive_") ? kinds[5] : kinds[4]
            case .generator: kind = kinds[6]
            case .special: kind = kinds[7]
            case .unsupported: kind = kinds[8]
            }
            counts[kind, default: 0] += 1
        }
        return kinds.map { ($0, counts[$0] ?? 0) }
    }

    /// Keeps a table cell on one line and its pipes literal.
    private static func escapeCell(_ text: String) -> String {
        var escaped = ""
        for character in text {
            switch character {
            case "|": escaped += "\\|"
            case "\n": escaped += " "
            default: escaped.append(character)
            }
        }
        return escaped
    }
}
