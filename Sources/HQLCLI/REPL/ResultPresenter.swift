#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The output settings of a session, read from its configuration (`SET key=value` or `--hiveconf`), so that a
/// `SET` takes effect for the next result.
public struct OutputSettings: Equatable, Sendable {
    /// `SET hqlrun.output.format=table|tsv|csv|json|vertical`.
    public static let formatKey = "hqlrun.output.format"
    /// `SET hive.cli.print.header=true` (Hive CLI) — also read as `spark.sql.cli.print.header` (spark-sql).
    public static let headerKey = "hive.cli.print.header"
    /// spark-sql's spelling of ``headerKey``.
    public static let sparkHeaderKey = "spark.sql.cli.print.header"
    /// `SET hqlrun.pager=off` turns the pager off; `on` (the default) pages results taller than the terminal.
    public static let pagerKey = "hqlrun.pager"
    /// `SET hive.cli.errors.ignore=true` keeps a script going after a failed statement (exit status still 1).
    public static let errorsIgnoreKey = "hive.cli.errors.ignore"

    /// The keys this module reads, with their values and meaning, for completion, `help` and `SET -v`.
    public static let documentedKeys: [(key: String, values: String, meaning: String)] = [
        (formatKey, "table|tsv|csv|json|vertical", "result format (table in the shell, tsv in batch mode)"),
        (headerKey, "true|false", "print a header line in tsv and csv output"),
        (sparkHeaderKey, "true|false", "the same, spark-sql's name"),
        (pagerKey, "on|off", "page results taller than the terminal through $PAGER (default less -FRX)"),
        (errorsIgnoreKey, "true|false", "keep running a script after a failed statement"),
        (VariableScopeKeys.substitute, "true|false", "substitute ${...} variables"),
        (VariableScopeKeys.depth, "number", "how many substitution passes are allowed"),
    ]

    /// The result format.
    public var format: OutputFormat
    /// Whether TSV and CSV print a header line.
    public var printHeader: Bool
    /// Whether the pager may be used.
    public var pagerEnabled: Bool

    /// The settings in force: `interactive` picks the default format (table) over batch mode's (TSV).
    /// An unknown format name falls back to the default.
    public init(configuration: [String: String], interactive: Bool) {
        let defaultFormat: OutputFormat = interactive ? .table : .tsv
        format = configuration[OutputSettings.formatKey].flatMap { OutputFormat(rawValue: $0.lowercased()) }
            ?? defaultFormat
        let header = configuration[OutputSettings.headerKey] ?? configuration[OutputSettings.sparkHeaderKey]
        printHeader = header?.lowercased() == "true"
        pagerEnabled = !["off", "false", "0", "no"].contains(configuration[OutputSettings.pagerKey]?.lowercased() ?? "on")
    }

    /// The formatter for these settings.
    public var formatter: ResultFormatter { ResultFormatter(format: format, printHeader: printHeader) }
}

/// The names of ``HQLSyntax/VariableScope``'s own configuration keys, spelled here to keep this file import-free.
enum VariableScopeKeys {
    static let substitute = "hive.variable.substitute"
    static let depth = "hive.variable.substitute.depth"
}

/// Writes results to the terminal: formatted by the session's ``OutputSettings``, followed in the shell by a
/// `3 rows (0.012 s)` line, and piped through the pager when taller than the terminal.
struct ResultPresenter {
    /// The settings to render with.
    var settings: OutputSettings
    /// Whether this is the interactive shell (summary line, pager allowed).
    var interactive: Bool

    /// Renders and shows one result; `seconds` is how long the statement took.
    func present(_ result: ResultSet, seconds: Double) {
        var text = settings.formatter.render(result)
        if interactive && settings.format == .table {
            text += ResultFormatter.summary(rowCount: result.rows.count, seconds: seconds)
        }
        if interactive, let pager = pagerCommand(for: text), Pager.run(pager, input: text) { return }
        StandardStreams.writeOutput(text)
        StandardStreams.flush()
    }

    /// The pager to use for `text`, or nil to write it directly: only in the shell, with the pager on, stdout a
    /// terminal, and the text taller than it.
    func pagerCommand(for text: String, environment: [String: String]? = nil,
                      terminalRows: Int? = Pager.terminalRows()) -> String? {
        guard interactive, settings.pagerEnabled, let rows = terminalRows else { return nil }
        guard Pager.lineCount(text) > rows - 1 else { return nil }
        return Pager.command(environment: environment)
    }
}

/// Runs `$PAGER` (default `less -FRX`) on some text.
enum Pager {
    /// The pager command line: `$PAGER` when set and not empty, else `less -FRX` (quit if one screen, keep colours,
    /// leave the text on screen).
    static func command(environment: [String: String]? = nil) -> String {
        let value: String?
        if let environment {
            value = environment["PAGER"]
        } else {
            value = getenv("PAGER").map { String(cString: $0) }
        }
        if let value, !value.trimmingSpaces.isEmpty { return value }
        return "less -FRX"
    }

    /// The terminal's height when stdout is a terminal, else nil.
    static func terminalRows() -> Int? {
        guard isatty(STDOUT_FILENO) != 0 else { return nil }
        var size = winsize()
        guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_row > 0 else { return nil }
        return Int(size.ws_row)
    }

    /// The number of lines `text` takes (not counting wrapping).
    static func lineCount(_ text: String) -> Int {
        var count = 0
        for byte in text.utf8 where byte == UInt8(ascii: "\n") { count += 1 }
        return count
    }

    /// Pipes `input` through `command` run by `/bin/sh`; false when the pager could not be started.
    static func run(_ command: String, input: String) -> Bool {
        StandardStreams.flush()
        // Quitting the pager early closes the pipe: ignore SIGPIPE meanwhile so that only the write fails.
        let previous = signal(SIGPIPE, SIG_IGN)
        defer { signal(SIGPIPE, previous) }
        guard let pipe = popen(command, "w") else { return false }
        _ = fputs(input, pipe)
        let status = pclose(pipe)
        // 127 is the shell's "command not found": then the caller prints the text itself.
        return status != -1 && (status >> 8) & 0xFF != 127
    }
}

extension String {
    /// The string without leading and trailing white space.
    var trimmingSpaces: String {
        guard let first = firstIndex(where: { !$0.isWhitespace }), let last = lastIndex(where: { !$0.isWhitespace }) else {
            return ""
        }
        return String(self[first...last])
    }
}
