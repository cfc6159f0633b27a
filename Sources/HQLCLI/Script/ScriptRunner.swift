import Foundation
import HQLRuntime
import HQLSyntax

/// Runs scripts statement by statement, as the Hive CLI does: each statement's text is split off with the
/// lexer, has its `${..}` variables substituted with the scope as it stands (so a `SET` affects what follows),
/// is parsed, and is run. The first failing statement stops the script (exit 1) unless `--force` or
/// `hive.cli.errors.ignore=true` keeps it going (``hadFailure`` then still makes the exit status 1). CLI-level
/// commands (`source`, `!cmd`, `quit`, `exit`), `SET`, `RESET` and `USE` are handled here.
struct ScriptRunner {
    let options: SessionOptions
    /// The session's variables and configuration.
    private(set) var scope: VariableScope
    /// Set by `quit`/`exit`: nothing more runs.
    private(set) var hasQuit = false
    /// Guards `source` against a script that sources itself.
    private var sourceDepth = 0
    /// The engine session, opened on the first statement that needs it (shared with the shell's completion).
    let engine: EngineHolder
    /// The current database (`--database`, then `USE db`), shown in the shell's prompt.
    private(set) var database: String
    /// Whether a statement failed while errors were being ignored (`--force`): the exit status is still 1.
    private(set) var hadFailure = false
    /// Asked between statements; the shell sets it to stop the rest of an input after a Ctrl-C.
    var isCancelled: () -> Bool = { false }
    /// Set by the shell: results are shown by the presenter (a table with a row count, the pager), and Ctrl-C
    /// interrupts the running statement.
    var isInteractive = false
    /// The configuration as the command line set it, which `RESET` returns to.
    private let initialConfiguration: [String: String]

    init(options: SessionOptions, environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.options = options
        var scope = VariableScope(env: environment)
        for (key, value) in options.configuration { scope.hiveconf[key] = value }
        for (key, value) in options.variables { scope.hivevar[key] = value }
        self.scope = scope
        initialConfiguration = scope.hiveconf
        database = options.database ?? "default"
        engine = EngineHolder(options: options, database: options.database ?? "default")
    }

    /// Whether a failed statement lets the script go on: `--force`, or `hive.cli.errors.ignore=true`.
    var continuesAfterErrors: Bool {
        options.force || scope.hiveconf["hive.cli.errors.ignore"]?.lowercased() == "true"
    }

    /// Runs every statement of `file`; `silent` (for `-i` files) suppresses echo and warnings.
    mutating func run(_ file: SourceFile, silent: Bool = false) throws {
        for piece in StatementSplitter.split(file) where !hasQuit && !isCancelled() {
            do {
                try run(piece, of: file, silent: silent)
            } catch let failure as CommandFailure where failure.status == .statementError {
                hadFailure = true
                if !continuesAfterErrors { throw failure }
            }
        }
    }

    /// Substitutes, parses and runs one statement's text.
    private mutating func run(_ piece: StatementSplitter.Piece, of file: SourceFile, silent: Bool) throws {
        let (statementFile, substitutionDiagnostics) = VariableSubstitution.substitute(file, in: piece.span,
                                                                                        scope: scope)
        let script = Parser.parseScript(statementFile)
        let diagnostics = substitutionDiagnostics + script.diagnostics
        if !silent || diagnostics.contains(where: { $0.severity == .error }) {
            try DiagnosticPrinter.report(diagnostics, in: statementFile)
        }
        for statement in script.statements where !hasQuit {
            if options.verbose && !silent {
                StandardStreams.writeError(statementFile.text(of: statement.span) + "\n")
            }
            try execute(statement, in: statementFile, silent: silent)
        }
    }

    // MARK: - Statements the CLI handles itself

    private mutating func execute(_ statement: Statement, in file: SourceFile, silent: Bool) throws {
        switch statement.kind {
        case .set(let command):
            try executeSet(command, statement: statement, in: file, silent: silent)
        case .cliCommand(.source(let path)):
            try source(path, from: file, at: statement.span)
        case .cliCommand(.shell(let command)):
            try runShell(command, in: file, at: statement.span)
        case .cliCommand(.quit), .cliCommand(.exit):
            hasQuit = true
        case .use:
            try executeInEngine(statement, in: file, silent: silent)
            database = try engineSession().currentDatabase
        case .reset(let key):
            if let key {
                scope.hiveconf[key] = initialConfiguration[key]
            } else {
                scope.hiveconf = initialConfiguration
            }
        default:
            try executeInEngine(statement, in: file, silent: silent)
        }
    }

    /// Runs a statement in the engine: rows go to stdout as spark-sql prints them (tab-separated), and the
    /// timing line to stderr unless `-S`.
    private mutating func executeInEngine(_ statement: Statement, in file: SourceFile, silent: Bool) throws {
        let started = ContinuousClock.now
        let settings = OutputSettings(configuration: scope.hiveconf, interactive: isInteractive)
        // Batch TSV streams row by row; every other format is rendered from the whole result.
        let streams = !isInteractive && settings.format == .tsv
        let printing = PrintingSink(printsHeader: settings.printHeader)
        let collecting = CollectingSink()
        do {
            let session = try engineSession()
            // Relative paths in a script are relative to the script's folder.
            let scriptName = file.originalSpan(statement.span).file.name
            session.baseDirectory = scriptName.contains("/") ? (scriptName as NSString).deletingLastPathComponent : nil
            if isInteractive {
                let context = Unmanaged.passUnretained(session).toOpaque()
                try QueryCanceller.whileRunning(cancel: { context in
                    guard let context else { return }
                    Unmanaged<Session>.fromOpaque(context).takeUnretainedValue().interrupt()
                }, context: context) {
                    try session.execute(statement, sink: collecting)
                }
            } else {
                try session.execute(statement, sink: streams ? printing : collecting)
            }
        } catch let diagnostic as Diagnostic {
            throw failure(diagnostic, in: file)
        }
        if let warnings = engine.current?.warnings, !warnings.isEmpty {
            try DiagnosticPrinter.report(warnings, in: file)
        }
        let elapsed = ContinuousClock.now - started
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        if !streams, !collecting.columns.isEmpty {
            ResultPresenter(settings: settings, interactive: isInteractive)
                .present(ResultSet(columnNames: collecting.columns.map(\.name), rows: collecting.rows), seconds: seconds)
            if isInteractive && settings.format == .table { return }
        }
        let sink = streams ? printing : PrintingSink()
        if !streams && !collecting.columns.isEmpty { sink.count(collecting.rows.count) }
        if !options.silent && !silent {
            var line = "Time taken: " + String(format: "%.3f", seconds) + " seconds"
            if sink.hasColumns { line += ", Fetched \(sink.rowCount) row(s)" }
            StandardStreams.writeError(line + "\n")
        }
    }

    private mutating func engineSession() throws -> Session {
        let opening = engine.current == nil
        let session = try engine.session()
        if opening {
            // Settings made before the engine opened reach it now.
            for (key, value) in scope.hiveconf { session.set(key, value) }
        }
        return session
    }

    /// `SET k=v` changes the variable scope (and, for configuration keys, the engine's settings) and prints
    /// nothing, as the Hive CLI does; `SET k` prints `k=v` or `k is undefined`.
    private mutating func executeSet(_ command: SetCommand, statement: Statement, in file: SourceFile,
                                     silent: Bool) throws {
        switch command {
        case .assign(let key, let value):
            let namespace: VariableScope.Namespace
            do {
                namespace = try scope.applySet(name: key, value: value)
            } catch {
                throw failure(Diagnostic.error(error.code, error.message, at: statement.span), in: file)
            }
            if namespace == .hiveconf, let session = engine.current {
                // Keep the engine's settings in step; spark-sql's echo of the pair is not printed.
                try? session.execute(statement, sink: CollectingSink())
            }
        case .show(let key):
            if let value = scope.value(of: key) ?? scope.hiveconf[key] {
                StandardStreams.writeOutput("\(key)=\(value)\n")
            } else {
                StandardStreams.writeOutput("\(key) is undefined\n")
            }
        case .listOverridden, .listAll:
            for key in scope.hiveconf.keys.sorted() {
                StandardStreams.writeOutput("\(key)=\(scope.hiveconf[key] ?? "")\n")
            }
            for key in scope.hivevar.keys.sorted() {
                StandardStreams.writeOutput("hivevar:\(key)=\(scope.hivevar[key] ?? "")\n")
            }
        }
    }

    /// `source FILE`: a relative path is tried against the working directory first (Hive's rule),
    /// then against the folder of the script that names it.
    private mutating func source(_ rawPath: String, from file: SourceFile, at span: Span) throws {
        let path = rawPath.trimmingCharacters(in: .whitespaces)
        var candidates = [path]
        if !path.hasPrefix("/"), file.name.contains("/") {
            let folder = (file.name as NSString).deletingLastPathComponent
            candidates.append((folder as NSString).appendingPathComponent(path))
        }
        guard let found = candidates.first(where: { FileManager.default.isReadableFile(atPath: $0) }) else {
            throw failure(Diagnostic.error("HQL6010", "cannot read '\(path)': no such file", at: span), in: file)
        }
        guard sourceDepth < 32 else {
            throw failure(Diagnostic.error("HQL6011", "source nested more than 32 deep; does a script source itself?",
                                           at: span), in: file)
        }
        sourceDepth += 1
        defer { sourceDepth -= 1 }
        try run(ScriptSource.read(path: found))
    }

    /// `!command`: run without a shell, as the Hive CLI does; a non-zero exit fails the statement.
    private func runShell(_ command: String, in file: SourceFile, at span: Span) throws {
        let words = command.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).map(String.init)
        guard !words.isEmpty else { return }
        StandardStreams.flush()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = words
        do {
            try process.run()
            if #available(macOS 15.0, *) {
                // Foundation starts the program in its own process group, out of reach of the terminal's Ctrl-C:
                // the shell's canceller passes the interrupt on.
                let pid = UnsafeMutableRawPointer(bitPattern: Int(process.processIdentifier))
                QueryCanceller.whileRunning(cancel: interruptChild, context: pid) { process.waitUntilExit() }
            } else {
                process.waitUntilExit()
            }
        } catch {
            throw failure(Diagnostic.error("HQL6012", "cannot run '\(words[0])': \(error)", at: span), in: file)
        }
        if process.terminationStatus != 0 {
            throw failure(Diagnostic.error("HQL6013", "'\(words[0])' exited with status \(process.terminationStatus)",
                                           at: span), in: file)
        }
    }

    /// Prints the diagnostic and gives the error that ends the script with exit status 1.
    private func failure(_ diagnostic: Diagnostic, in file: SourceFile) -> Error {
        do {
            try DiagnosticPrinter.report([diagnostic], in: file)
        } catch {
            return error
        }
        return CommandFailure(status: .statementError, message: nil)
    }
}

/// Sends SIGINT to the process whose id is the context (async-signal-safe: `kill` only).
private func interruptChild(_ context: UnsafeMutableRawPointer?) {
    let pid = Int(bitPattern: context)
    if pid > 0 { kill(pid_t(pid), SIGINT) }
}
