/// Renders diagnostics as `file:line:col: error: message`, the source line, and a `^~~~` underline.
/// Colour is used only when asked for (the CLI asks on a TTY), so goldens never hold escape codes.
///
/// A diagnostic about a derived file (one made by ``VariableSubstitution``) is shown on the file the user wrote:
/// its span is mapped back through ``SourceFile/originalSpan(_:)`` before the line and column are computed.
public struct DiagnosticRenderer: Sendable {
    /// Whether to paint severities and carets with ANSI colours.
    public var useColor: Bool

    /// Makes a renderer; colour is off unless asked for.
    public init(useColor: Bool = false) {
        self.useColor = useColor
    }

    /// Renders one diagnostic whose span is in `derivedFile`'s offsets, at the text the user wrote.
    public func render(_ diagnostic: Diagnostic, in derivedFile: SourceFile) -> String {
        let (file, span) = derivedFile.originalSpan(diagnostic.span)
        let location = file.location(of: span.start)
        let lineText = file.lineText(location.line)
        var out = "\(file.name):\(location.line):\(location.column): "
        out += paint(diagnostic.severity.rawValue, severityColor(diagnostic.severity)) + ": "
        out += diagnostic.message + " [\(diagnostic.code)]\n"
        out += displayed(lineText) + "\n"
        out += underline(for: span, at: location, lineText: lineText, in: file) + "\n"
        for note in diagnostic.notes {
            out += "  note: " + note + "\n"
        }
        return out
    }

    /// Renders every diagnostic in order.
    public func render(_ diagnostics: [Diagnostic], in file: SourceFile) -> String {
        diagnostics.map { render($0, in: file) }.joined()
    }

    /// Tabs become single spaces so the caret lines up whatever the terminal's tab width.
    private func displayed(_ line: String) -> String {
        String(line.map { $0 == "\t" ? " " : $0 })
    }

    private func underline(for span: Span, at location: SourceLocation, lineText: String, in file: SourceFile) -> String {
        let lineCharacters = lineText.count
        let pad = String(repeating: " ", count: max(0, location.column - 1))
        // Underline to the end of the span, clipped to the line it starts on.
        let endLocation = file.location(of: max(span.start, span.end))
        let endColumn = endLocation.line == location.line ? endLocation.column : lineCharacters + 1
        let width = max(1, endColumn - location.column)
        let marks = "^" + String(repeating: "~", count: width - 1)
        return pad + paint(marks, "\u{1B}[32m")
    }

    private func severityColor(_ severity: Diagnostic.Severity) -> String {
        switch severity {
        case .error: return "\u{1B}[31m"
        case .warning: return "\u{1B}[35m"
        case .note: return "\u{1B}[36m"
        }
    }

    private func paint(_ text: String, _ code: String) -> String {
        useColor ? code + text + "\u{1B}[0m" : text
    }
}
