import HQLSyntax

/// Prints any AST value as an indented tree for `hqlrun parse`, through reflection: every stored
/// property by name, spans shown as `@line:col` on the node that owns them, empty collections and nils left out.
struct ASTDumper {
    let file: SourceFile

    func dump(_ value: Any) -> String {
        var out = ""
        write(value, label: nil, indent: 0, into: &out)
        return out
    }

    private func write(_ value: Any, label: String?, indent: Int, into out: inout String) {
        let mirror = Mirror(reflecting: value)
        let prefix = String(repeating: "  ", count: indent) + (label.map { $0 + ": " } ?? "")
        if let identifier = value as? Identifier {
            out += prefix + (identifier.isQuoted ? "`\(identifier.name)`" : identifier.name) + "\n"
            return
        }
        if let name = value as? QualifiedName {
            out += prefix + name.description + "\n"
            return
        }
        switch mirror.displayStyle {
        case .optional:
            if let child = mirror.children.first { write(child.value, label: label, indent: indent, into: &out) }
        case .collection:
            out += prefix + "[\(mirror.children.count)]\n"
            for child in mirror.children { write(child.value, label: nil, indent: indent + 1, into: &out) }
        case .enum:
            let caseName = String(describing: value).split(separator: "(").first.map(String.init) ?? ""
            if mirror.children.isEmpty {
                out += prefix + "." + caseName + "\n"
            } else {
                out += prefix + "." + caseName + "\n"
                for child in mirror.children { write(child.value, label: child.label, indent: indent + 1, into: &out) }
            }
        case .struct, .class, .tuple:
            let location = spanLocation(mirror)
            out += prefix + typeName(value) + location + "\n"
            for child in mirror.children where child.label != "span" && !isEmpty(child.value) {
                write(child.value, label: child.label, indent: indent + 1, into: &out)
            }
        default:
            if let text = value as? String {
                out += prefix + StringLiteral.quote(text) + "\n"
            } else {
                out += prefix + String(describing: value) + "\n"
            }
        }
    }

    private func typeName(_ value: Any) -> String {
        let name = String(describing: type(of: value))
        return name.hasPrefix("(") ? "" : name
    }

    private func spanLocation(_ mirror: Mirror) -> String {
        guard let span = mirror.children.first(where: { $0.label == "span" })?.value as? Span,
              span != .none || span.end > 0 else { return "" }
        return " @" + file.location(of: span.start).description
    }

    private func isEmpty(_ value: Any) -> Bool {
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .optional, .collection: return mirror.children.isEmpty
        default:
            if let flag = value as? Bool { return !flag }
            return false
        }
    }
}
