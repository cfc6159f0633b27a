import ArgumentParser
import Foundation

/// `hqlrun generate customers --rows N --seed S [--output FILE]`: realistic customer-account CSV.
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Generate sample data: 'customers' writes customer-account CSV with realistic defects.")

    @Argument(help: "What to generate: customers.")
    var dataset: String

    @Option(help: "Number of rows.")
    var rows: Int = 1_000

    @Option(help: "Random seed; the same seed always gives the same file.")
    var seed: UInt64 = 42

    @Option(name: [.short, .long], help: "Output file (default: stdout).")
    var output: String?

    func validate() throws {
        guard dataset == "customers" else { throw ValidationError("unknown dataset '\(dataset)'; known: customers") }
        guard rows >= 0 else { throw ValidationError("--rows must not be negative") }
    }

    func run() throws {
        let handle: FileHandle
        if let output {
            guard FileManager.default.createFile(atPath: output, contents: nil),
                  let file = FileHandle(forWritingAtPath: output) else {
                throw CommandFailure(status: .statementError, message: "hqlrun: cannot write '\(output)'\n")
            }
            handle = file
        } else {
            StandardStreams.flush()
            handle = FileHandle.standardOutput
        }
        var generator = CustomerAccountGenerator(seed: seed)
        generator.generate(rows: rows) { chunk in handle.write(Data(chunk)) }
        if output != nil { try handle.close() }
    }
}
