import Foundation
import HQLPlanner
import HQLSyntax

/// The interactive shell: `hqlrun` with no script and a terminal on stdin.
///
/// Reads lines with ``LineEditor`` until ``StatementSplitter/isComplete(_:)`` says the text holds complete
/// statements, then hands the whole text to the ``ScriptRunner`` (which splits it, so `SELECT 1; SELECT 2;` on one
/// line runs both), records it as one history entry, and prompts again. Errors are printed with the line and a
/// caret and the shell goes on. Ctrl-C clears the input (or cancels the running statement, see
/// ``QueryCanceller``); Ctrl-D, `quit;` or `exit;` leave.
///
/// Everything here runs on the main thread: libedit and the signal handler's owner thread require it.
@available(macOS 15.0, *)
struct InteractiveShell<Reader: LineReader> {
    /// Runs the statements and holds the session (variables, configuration, current database).
    private(set) var runner: ScriptRunner
    /// Where lines come from.
    private(set) var reader: Reader
    /// The completer, before the session's own `SET` keys are added to it.
    var completer: SQLCompleter
    /// The statement being typed, one entry per line.
    private(set) var pendingLines: [String] = []

    /// Makes a shell over a runner whose init files have already run.
    init(runner: ScriptRunner, reader: Reader, completer: SQLCompleter) {
        self.runner = runner
        self.reader = reader
        self.completer = completer
    }

    /// The prompt: `hqlrun (db)> `, or a continuation prompt of the same width.
    var prompt: String {
        let main = "hqlrun (\(runner.database))> "
        guard !pendingLines.isEmpty else { return main }
        return String(repeating: " ", count: main.count - 2) + "> "
    }

    /// Reads and runs statements until the user leaves.
    mutating func run() {
        QueryCanceller.install()
        runner.isCancelled = { QueryCanceller.isInterrupted }
        while true {
            var sessionCompleter = completer
            sessionCompleter.settingKeys += runner.scope.hiveconf.keys.sorted()
                .filter { !sessionCompleter.settingKeys.contains($0) }
            reader.prepareCompletion(pendingText: pendingLines.map { $0 + "\n" }.joined(), completer: sessionCompleter)
            switch reader.readLine(prompt: prompt) {
            case .endOfInput:
                // Ctrl-D: end the prompt's line so the user's shell prompt starts on a fresh one.
                reader.echo("\n")
                leave()
                return
            case .interrupted:
                // The terminal does not echo it in libedit's raw mode: show it, and start a fresh line.
                reader.echo("^C\n")
                pendingLines.removeAll()
            case .line(let line):
                if handle(line) == .leave {
                    leave()
                    return
                }
            }
        }
    }

    /// Whether to go on after a line.
    enum Outcome: Equatable {
        /// Prompt for the next line.
        case goOn
        /// `quit`, `exit`, or a `quit;` inside the input: save the history and return.
        case leave
    }

    /// Takes one line: a shell word, part of a statement, or the end of one (which runs).
    mutating func handle(_ line: String) -> Outcome {
        if pendingLines.isEmpty {
            let word = line.trimmingSpaces.lowercased()
            let bare = word.hasSuffix(";") ? String(word.dropLast()).trimmingSpaces : word
            if word.isEmpty { return .goOn }
            if bare == "quit" || bare == "exit" {
                // Not recorded: Up-arrow after a restart should recall the last statement, not the way out.
                return .leave
            }
            if bare == "help" || bare == "?" {
                reader.addHistory(line.trimmingSpaces)
                StandardStreams.writeOutput(InteractiveShell.helpText)
                return .goOn
            }
        }
        pendingLines.append(line)
        let text = pendingLines.joined(separator: "\n")
        let file = SourceFile(name: "<shell>", text: text)
        if InteractiveShell.isOnlyComments(file) {
            pendingLines.removeAll()
            return .goOn
        }
        guard StatementSplitter.isComplete(file) else { return .goOn }
        pendingLines.removeAll()
        reader.addHistory(text.trimmingSpaces)
        execute(file)
        return runner.hasQuit ? .leave : .goOn
    }

    /// Runs complete statements; an error has been printed by the runner, and the shell goes on.
    private mutating func execute(_ file: SourceFile) {
        QueryCanceller.takeInterrupt()
        let formatBefore = runner.scope.hiveconf[OutputSettings.formatKey]
        do {
            try runner.run(file)
        } catch let failure as CommandFailure {
            if let message = failure.message { StandardStreams.writeError(message) }
        } catch {
            StandardStreams.writeError("hqlrun: \(error)\n")
        }
        StandardStreams.flush()
        if QueryCanceller.takeInterrupt() {
            StandardStreams.writeError("query cancelled\n")
        }
        if let format = runner.scope.hiveconf[OutputSettings.formatKey], format != formatBefore,
           OutputFormat(rawValue: format.lowercased()) == nil {
            let names = OutputFormat.allCases.map(\.rawValue).joined(separator: ", ")
            StandardStreams.writeError("hqlrun: unknown output format '\(format)'; results stay in the default "
                                       + "format (known: \(names))\n")
        }
    }

    private mutating func leave() {
        StandardStreams.flush()
        reader.saveHistory()
    }

    /// Whether the text holds nothing but white space and complete comments (then it is dropped, not continued).
    static func isOnlyComments(_ file: SourceFile) -> Bool {
        var diagnostics: [Diagnostic] = []
        let tokens = Lexer.tokenize(file, diagnostics: &diagnostics)
        return diagnostics.isEmpty && tokens.allSatisfy { $0.kind == .endOfFile }
    }

    // MARK: - Help

    /// What `help` prints.
    static var helpText: String {
        var text = """
        Statements end with ';' and may span lines; several on one line run in order.

        Commands
          USE db;                  change the current database (shown in the prompt)
          SET key=value;           set a configuration key or variable (hivevar:k, system:k)
          SET key;  SET;  SET -v;  show one key, the keys set, or everything
          RESET;                   return the configuration to the command line's
          source FILE;             run a script
          !command args;           run a program (no shell: no pipes or globs)
          help                     this text
          quit  exit               leave (Ctrl-D too)

        Keys
          Tab                      complete keywords, functions, tables, columns, SET keys, file names
          Up / Down                previous / next statement (history in ~/.hqlrun_history, $HQLRUN_HISTORY)
          Ctrl-R                   search the history
          Ctrl-C                   clear the input, or cancel the running statement
          Ctrl-D                   leave

        Output settings

        """
        for (key, values, meaning) in OutputSettings.documentedKeys {
            text += "  SET \(key)=\(values)\n      \(meaning)\n"
        }
        return text
    }
}

// MARK: - Starting the shell

@available(macOS 15.0, *)
extension InteractiveShell where Reader == LineEditor {
    /// Starts the shell for `hqlrun` on a terminal: runs `~/.hqlrunrc` (or `$HQLRUN_RC`) and the `-i` files
    /// silently, then prompts until the user leaves. A missing `-i` file fails as in batch mode (exit 3).
    static func start(options: SessionOptions, initFiles: [String],
                      environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        var runner = ScriptRunner(options: options, environment: environment)
        // Ctrl-C from here on cancels (an init file too) instead of killing the process.
        QueryCanceller.install()
        runner.isCancelled = { QueryCanceller.isInterrupted }
        runner.isInteractive = true
        if let path = startupFile(environment: environment), FileManager.default.isReadableFile(atPath: path) {
            runInitFile(try ScriptSource.read(path: path), runner: &runner)
        }
        for path in initFiles {
            runInitFile(try ScriptSource.read(path: path), runner: &runner)
        }
        var shell = InteractiveShell(runner: runner, reader: LineEditor(environment: environment),
                                     completer: SQLCompleter(catalog: completionCatalog(environment: environment,
                                                                                        database: runner.database,
                                                                                        engine: runner.engine),
                                                             // Every function the engine knows, from its catalog.
                                                             functionNames: FunctionCatalog.standard.allNames))
        shell.run()
    }

    /// `$HQLRUN_RC`, else `~/.hqlrunrc`.
    static func startupFile(environment: [String: String]) -> String? {
        if let path = environment["HQLRUN_RC"], !path.isEmpty { return path }
        return environment["HOME"].map { $0 + "/.hqlrunrc" }
    }

    /// Runs an init file silently; its errors are shown, and the shell still starts.
    private static func runInitFile(_ file: SourceFile, runner: inout ScriptRunner) {
        do {
            try runner.run(file, silent: true)
        } catch let failure as CommandFailure {
            if let message = failure.message { StandardStreams.writeError(message) }
        } catch {
            StandardStreams.writeError("hqlrun: \(error)\n")
        }
    }

    /// The catalog Tab completes from: empty until the engine provides one, or the test hook's file.
    /// The warehouse's names; the `HQLRUN_COMPLETION_CATALOG` test hook replaces them with a fixed list.
    static func completionCatalog(environment: [String: String], database: String,
                                  engine: EngineHolder) -> any CompletionCatalog {
        guard let path = environment[StaticCompletionCatalog.environmentKey],
              let data = FileManager.default.contents(atPath: path) else { return WarehouseCompletionCatalog(engine: engine) }
        return StaticCompletionCatalog(text: String(decoding: data, as: UTF8.self), currentDatabase: database)
    }
}
