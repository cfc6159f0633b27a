import ArgumentParser
import Foundation
import HQLRuntime

/// `hqlrun test [DIR] [--verbose]`: runs golden transcripts (`DIR/results/*.sql.out`, Spark's
/// SQLQueryTestSuite format, cases in `DIR/cases`) and compares hqlrun's output with them, statement by statement.
/// A mismatch prints the expected and actual rows as a diff; the command exits 1 when any statement differs.
struct TestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Run golden transcripts and compare hqlrun's output with them.")

    @Argument(help: "A folder with results/*.sql.out (default: queries/conformance).")
    var folder: String = "queries/conformance"

    @Flag(help: "Show every mismatch in full (by default the first 10 of each file).")
    var verbose = false

    func run() throws {
        let results = (folder as NSString).appendingPathComponent("results")
        let cases = (folder as NSString).appendingPathComponent("cases")
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: results) else {
            throw CommandFailure(status: .fileNotFound, message: "hqlrun test: no folder '\(results)'\n")
        }
        var passed = 0
        var failed = 0
        for name in names.filter({ $0.hasSuffix(".out") }).sorted() {
            let path = (results as NSString).appendingPathComponent(name)
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { continue }
            let outcomes = try ConformanceRunner().run(ConformanceFile(text: text), name: name, caseFolder: cases)
            let failures = outcomes.filter { !$0.passed }
            passed += outcomes.count - failures.count
            failed += failures.count
            StandardStreams.writeOutput("\(failures.isEmpty ? "ok  " : "FAIL") \(name): "
                                        + "\(outcomes.count - failures.count)/\(outcomes.count)\n")
            for failure in verbose ? failures : Array(failures.prefix(10)) {
                StandardStreams.writeOutput(Self.report(failure))
            }
        }
        StandardStreams.writeOutput("\(passed) passed, \(failed) failed\n")
        if failed > 0 { throw CommandFailure(status: .statementError, message: nil) }
    }

    /// One mismatch: where, the statement, and `-` expected / `+` actual lines (or the error hqlrun raised).
    static func report(_ outcome: ConformanceRunner.Outcome) -> String {
        var out = "  \(outcome.file):\(outcome.line): " + (outcome.sql.split(separator: "\n").first.map(String.init) ?? "") + "\n"
        let lines = outcome.detail.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if let expectedIndex = lines.firstIndex(of: "expected:"), let actualIndex = lines.firstIndex(of: "actual:") {
            let expected = Array(lines[(expectedIndex + 1)..<actualIndex])
            let actual = Array(lines[(actualIndex + 1)...])
            for line in expected where !actual.contains(line) { out += "    - " + line + "\n" }
            for line in actual where !expected.contains(line) { out += "    + " + line + "\n" }
        } else {
            out += lines.map { "    " + $0 + "\n" }.joined()
        }
        return out
    }
}
