import ArgumentParser
import HQLSyntax

/// `hqlrun parse FILE`: the AST of every statement, as an indented tree.
struct ParseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parse",
        abstract: "Parse a script and print the syntax tree of every statement.")

    @Argument(help: "The HiveQL/Spark SQL script.")
    var file: String

    func run() throws {
        let source = try ScriptSource.read(path: file)
        let script = Parser.parseScript(source)
        let dumper = ASTDumper(file: source)
        var out = ""
        for statement in script.statements {
            out += dumper.dump(statement)
        }
        StandardStreams.writeOutput(out)
        try DiagnosticPrinter.report(script.diagnostics, in: source)
    }
}
