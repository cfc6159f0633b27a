import Foundation
import HQLSyntax

/// Runs conformance transcripts through hqlrun and compares every statement's printed rows with Spark's.
public struct ConformanceRunner {
    /// The outcome of one case.
    public struct Outcome: Sendable {
        public var file: String
        public var line: Int
        public var sql: String
        public var passed: Bool
        /// What went wrong: the error hqlrun raised, or expected and actual rows.
        public var detail: String

        public init(file: String, line: Int, sql: String, passed: Bool, detail: String) {
            self.file = file
            self.line = line
            self.sql = sql
            self.passed = passed
            self.detail = detail
        }
    }

    public init() {}

    /// Runs every case of one transcript in a fresh in-memory warehouse, in order, as the oracle did.
    /// `caseFolder` is where the case file lives (relative paths in it are relative to that folder).
    public func run(_ file: ConformanceFile, name: String, caseFolder: String? = nil) throws -> [Outcome] {
        let session = Session(warehouse: try Warehouse.inMemory())
        session.baseDirectory = caseFolder
        var outcomes: [Outcome] = []
        for item in file.cases {
            let source = SourceFile(name: name, text: item.sql)
            let script = Parser.parseScript(source)
            let sink = CollectingSink()
            var failure: String?
            if let error = script.diagnostics.first(where: { $0.severity == .error }) {
                failure = DiagnosticRenderer().render(error, in: source)
            } else {
                do {
                    for statement in script.statements { try session.execute(statement, sink: sink) }
                } catch let diagnostic as Diagnostic {
                    failure = DiagnosticRenderer().render(diagnostic, in: source)
                } catch {
                    failure = "\(error)"
                }
            }
            let actual = sink.rows.map { $0.joined(separator: "\t") }
            switch item.expectation {
            case .error:
                outcomes.append(Outcome(file: name, line: item.line, sql: item.sql, passed: failure != nil,
                                        detail: failure == nil ? "expected an error, got \(actual.count) row(s)" : ""))
            case .rows(let expected, let sorted):
                if let failure {
                    outcomes.append(Outcome(file: name, line: item.line, sql: item.sql, passed: false, detail: failure))
                } else {
                    let got = sorted ? actual.sorted() : actual
                    let passed = got == expected
                    outcomes.append(Outcome(file: name, line: item.line, sql: item.sql, passed: passed,
                                            detail: passed ? "" : "expected:\n" + expected.joined(separator: "\n")
                                                + "\nactual:\n" + got.joined(separator: "\n")))
                }
            }
        }
        return outcomes
    }
}
