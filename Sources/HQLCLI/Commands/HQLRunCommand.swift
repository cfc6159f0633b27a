import ArgumentParser
import HQLSyntax

/// The root command: `hqlrun SUBCOMMAND ..`, where the default subcommand `run` makes
/// `hqlrun FILE`, `hqlrun -f FILE` and `hqlrun -e SQL` work as in the Hive CLI and spark-sql.
struct HQLRunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hqlrun",
        abstract: "Run HiveQL / Spark SQL scripts locally, in milliseconds.",
        subcommands: [RunCommand.self, ParseCommand.self, FormatCommand.self, GenerateCommand.self,
                      TestCommand.self, DynamoDBCommand.self, StreamsCommand.self],
        defaultSubcommand: RunCommand.self)
}

/// `hqlrun [run] [FILE] [-f FILE] [-e SQL] [-i FILE].. [--hiveconf k=v].. [-d k=v].. [-S] [-v] [--database db]`
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a script, -e statements, or statements piped on stdin (the default command).")

    @Argument(help: "A script to run (the same as -f FILE).")
    var script: String?

    @Option(name: .customShort("f"), help: ArgumentHelp("Run the statements of FILE.", valueName: "file"))
    var file: String?

    @Option(name: .customShort("e"), help: ArgumentHelp("Run the statements given on the command line.", valueName: "sql"))
    var execute: String?

    @Option(name: .customShort("i"), help: ArgumentHelp("Run FILE silently first (repeatable).", valueName: "file"))
    var initFiles: [String] = []

    @OptionGroup var session: SessionOptions

    func validate() throws {
        if script != nil && file != nil { throw ValidationError("give the script either as FILE or as -f FILE, not both") }
        if execute != nil && (script != nil || file != nil) { throw ValidationError("-e cannot be combined with a script file") }
    }

    func run() throws {
        if execute == nil, script == nil, file == nil, StandardStreams.stdinIsTerminal {
            guard #available(macOS 15.0, *) else {
                throw CommandFailure(status: .usageError, message: "hqlrun: the shell needs macOS 15 or later\n")
            }
            return try InteractiveShell.start(options: session, initFiles: initFiles)
        }
        var runner = ScriptRunner(options: session)
        for path in initFiles {
            try runner.run(ScriptSource.read(path: path), silent: true)
        }
        if let text = execute {
            try runner.run(ScriptSource.commandLine(text))
        } else if let path = script ?? file {
            try runner.run(ScriptSource.read(path: path))
        } else {
            try runner.run(ScriptSource.standardInput())
        }
        // --force / hive.cli.errors.ignore kept going after a failure: the exit status still says so.
        if runner.hadFailure { throw CommandFailure(status: .statementError, message: nil) }
    }
}

/// The entry point the `hqlrun` executable calls: parses arguments, runs, and maps every failure
/// to hqlrun's exit codes (0 ok, 1 statement error, 2 usage error, 3 file not found).
public enum HQLRunMain {
    public static func run(_ arguments: [String]) -> Int32 {
        defer { StandardStreams.flush() }
        do {
            var command = try HQLRunCommand.parseAsRoot(arguments)
            try command.run()
            return ExitStatus.success.rawValue
        } catch let failure as CommandFailure {
            if let message = failure.message { StandardStreams.writeError(message) }
            return failure.status.rawValue
        } catch {
            let code = HQLRunCommand.exitCode(for: error)
            let message = HQLRunCommand.fullMessage(for: error)
            if code == .success {
                StandardStreams.writeOutput(message + "\n")
                return ExitStatus.success.rawValue
            }
            StandardStreams.writeError("hqlrun: " + message + "\n")
            return ExitStatus.usageError.rawValue
        }
    }
}
