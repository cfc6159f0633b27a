/// One error, warning or note about the source, positioned by a span.
///
/// Codes are stable by phase so goldens and docs can name them: `HQL1xxx` lexical, `HQL2xxx` syntax,
/// `HQL3xxx` semantic, `HQL4xxx` unsupported, `HQL5xxx` runtime, `HQL6xxx` variables and CLI.
public struct Diagnostic: Error, Equatable, Sendable {
    public enum Severity: String, Sendable {
        case error, warning, note
    }

    public var severity: Severity
    public var code: String
    public var message: String
    public var span: Span
    /// Extra lines shown after the caret (e.g. the generated SQL, or "did you mean").
    public var notes: [String]

    public init(_ severity: Severity, _ code: String, _ message: String, at span: Span, notes: [String] = []) {
        self.severity = severity
        self.code = code
        self.message = message
        self.span = span
        self.notes = notes
    }

    public static func error(_ code: String, _ message: String, at span: Span, notes: [String] = []) -> Diagnostic {
        Diagnostic(.error, code, message, at: span, notes: notes)
    }

    public static func warning(_ code: String, _ message: String, at span: Span, notes: [String] = []) -> Diagnostic {
        Diagnostic(.warning, code, message, at: span, notes: notes)
    }
}

/// Thrown when a run produced one or more error diagnostics.
public struct DiagnosticError: Error, Sendable {
    public var diagnostics: [Diagnostic]
    public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }
}
