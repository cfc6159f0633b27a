import HQLSyntax

/// Runs scripts statement by statement, as the Hive CLI does: stops at the first failing statement
/// (exit 1), handles CLI-level commands itself, and keeps the session's settings between scripts.
struct ScriptRunner {
    let options: SessionOptions

    init(options: SessionOptions) {
        self.options = options
    }

    /// Runs every statement of `file`. Until the engine lands, running means parsing and validating.
    mutating func run(_ file: SourceFile, silent: Bool = false) throws {
        let script = Parser.parseScript(file)
        if options.verbose && !silent {
            for statement in script.statements {
                StandardStreams.writeError(file.text(of: statement.span) + "\n")
            }
        }
        try DiagnosticPrinter.report(script.diagnostics, in: file)
    }
}
