import HQLSyntax

/// Prints diagnostics on stderr (in colour on a terminal) and turns errors into exit status 1.
enum DiagnosticPrinter {
    /// Prints every diagnostic; throws `CommandFailure(.statementError)` when any is an error.
    static func report(_ diagnostics: [Diagnostic], in file: SourceFile) throws {
        guard !diagnostics.isEmpty else { return }
        let renderer = DiagnosticRenderer(useColor: StandardStreams.stderrIsTerminal)
        StandardStreams.writeError(renderer.render(diagnostics, in: file))
        if diagnostics.contains(where: { $0.severity == .error }) {
            throw CommandFailure(status: .statementError, message: nil)
        }
    }
}
