import ArgumentParser

/// The Hive CLI / spark-sql options that shape a session, shared by every command that runs statements.
struct SessionOptions: ParsableArguments {
    @Option(name: .customLong("hiveconf"), help: ArgumentHelp("Set a configuration variable.", valueName: "key=value"))
    var hiveconf: [String] = []

    @Option(name: [.customShort("d"), .customLong("define"), .customLong("hivevar")],
            help: ArgumentHelp("Define a variable for ${hivevar:key} and ${key}.", valueName: "key=value"))
    var hivevar: [String] = []

    @Option(name: .customLong("database"), help: "The database to use first.")
    var database: String?

    @Option(name: .customLong("warehouse"), help: "The warehouse folder (default: ./hqlrun-warehouse).")
    var warehouse: String?

    @Flag(name: .customLong("memory"), help: "Use an in-memory warehouse that is gone when hqlrun exits.")
    var memory = false

    @Flag(name: [.customShort("S"), .customLong("silent")], help: "Silent mode: no timing or informational messages.")
    var silent = false

    @Flag(name: [.customShort("v"), .customLong("verbose")], help: "Verbose mode: echo each statement before running it.")
    var verbose = false

    @Flag(name: .customLong("force"),
          help: "Keep running after a failed statement (the exit status is still 1), as hive.cli.errors.ignore=true.")
    var force = false

    func validate() throws {
        for pair in hiveconf + hivevar where KeyValue(pair) == nil {
            throw ValidationError("expected key=value, found '\(pair)'")
        }
    }

    /// `--hiveconf` pairs in order.
    var configuration: [(String, String)] { hiveconf.compactMap { KeyValue($0).map { ($0.key, $0.value) } } }

    /// `--hivevar`/`-d` pairs in order.
    var variables: [(String, String)] { hivevar.compactMap { KeyValue($0).map { ($0.key, $0.value) } } }
}

/// A `key=value` argument; the value may itself contain `=`.
struct KeyValue {
    var key: String
    var value: String

    init?(_ text: String) {
        guard let equals = text.firstIndex(of: "="), equals != text.startIndex else { return nil }
        key = String(text[..<equals])
        value = String(text[text.index(after: equals)...])
    }
}
