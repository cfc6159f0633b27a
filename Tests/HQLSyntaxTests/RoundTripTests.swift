import XCTest
@testable import HQLSyntax

/// XCTest brings in Foundation, whose `Expression` would shadow ours.
private typealias Expression = HQLSyntax.Expression

/// Printing against parsing: every identity line prints back byte-identical, and every printed statement
/// (compact and pretty) reparses to the tree it was printed from. The `queries/` corpus gets the reparse check.
final class RoundTripTests: XCTestCase {
    // MARK: - Identity fixture

    /// `Fixtures/identity.hql`: parse → print compact → the same bytes.
    func testIdentityLinesPrintBackUnchanged() throws {
        let lines = try fixtureLines("identity.hql")
        XCTAssertGreaterThanOrEqual(lines.count, 320, "identity.hql should hold at least 320 statements")
        var failures: [String] = []
        var identical = 0
        for (number, line) in lines {
            let location = "identity.hql:\(number)"
            guard let statement = parse(line, name: location, failures: &failures) else { continue }
            let printed = HQLPrinter.format(statement)
            if printed == line {
                identical += 1
            } else {
                failures.append("\(location): printed differently\n  - \(line)\n  + \(printed)")
            }
        }
        report("identity.hql byte-identical", passed: identical, of: lines.count, failures: failures)
    }

    /// `Fixtures/identity.hql`: print compact and pretty → reparse → the same tree.
    func testIdentityLinesReparseToTheSameTree() throws {
        try checkReparse(fixture: "identity.hql")
    }

    /// `Fixtures/identity-normalised.hql`: `input ⇥ expected` pairs for spellings the printer normalises.
    func testNormalisedLinesPrintTheirCanonicalForm() throws {
        let lines = try fixtureLines("identity-normalised.hql")
        var failures: [String] = []
        var passed = 0
        for (number, line) in lines {
            let location = "identity-normalised.hql:\(number)"
            let parts = line.split(separator: "\t", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2 else {
                failures.append("\(location): expected `input<TAB>expected`")
                continue
            }
            let input = String(parts[0])
            let expected = String(parts[1])
            guard let statement = parse(input, name: location, failures: &failures) else { continue }
            let printed = HQLPrinter.format(statement)
            if printed != expected {
                failures.append("\(location): printed differently\n  - \(expected)\n  + \(printed)")
                continue
            }
            guard let canonical = parse(expected, name: location + " (expected)", failures: &failures) else { continue }
            if canonical != statement {
                failures.append("\(location): the canonical form parses to a different tree\n  \(expected)")
                continue
            }
            passed += 1
        }
        report("identity-normalised.hql", passed: passed, of: lines.count, failures: failures)
    }

    /// `Fixtures/identity-normalised.hql`: the inputs also reparse to the same tree after printing.
    func testNormalisedLinesReparseToTheSameTree() throws {
        try checkReparse(fixture: "identity-normalised.hql", column: 0)
    }

    /// A whole script prints with `;` separators and reads back as the same statements.
    func testScriptRoundTrip() throws {
        let lines = try fixtureLines("identity.hql").map(\.1)
        let script = Parser.parseScript(SourceFile(name: "identity.hql", text: lines.joined(separator: ";\n")))
        if script.hasErrors {
            throw XCTSkip("identity.hql does not parse yet: \(script.diagnostics.first.map { "\($0)" } ?? "")")
        }
        for style in [HQLPrinter.Style.compact, .pretty] {
            let printed = HQLPrinter.formatScript(script.statements, style: style)
            let reparsed = Parser.parseScript(SourceFile(name: "printed", text: printed))
            XCTAssertFalse(reparsed.hasErrors, "\(style): \(reparsed.diagnostics.first.map { "\($0)" } ?? "")")
            XCTAssertEqual(reparsed.statements.count, script.statements.count, "\(style)")
            XCTAssertTrue(reparsed.statements == script.statements, "\(style): script reparses to different trees")
        }
    }

    // MARK: - queries/ corpus

    /// Every statement of every `.hql`/`.sql` file under the repository's `queries/` reparses to the same tree
    /// after printing in both styles. `HQLRUN_QUERIES_DIR` points the test at another folder.
    func testQueriesCorpusReparses() throws {
        var root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("queries")
        if let override = ProcessInfo.processInfo.environment["HQLRUN_QUERIES_DIR"], !override.isEmpty {
            root = URL(fileURLWithPath: override)
        }
        guard let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else {
            throw XCTSkip("no queries/ folder at \(root.path)")
        }
        var files: [URL] = []
        for case let url as URL in enumerator where ["hql", "sql"].contains(url.pathExtension.lowercased()) {
            files.append(url)
        }
        if files.isEmpty { throw XCTSkip("queries/ holds no .hql or .sql files") }
        var failures: [String] = []
        var statements = 0
        var passed = 0
        var parseErrors = 0
        for url in files.sorted(by: { $0.path < $1.path }) {
            let text = try String(contentsOf: url, encoding: .utf8)
            let file = SourceFile(name: url.path, text: text)
            let script = Parser.parseScript(file)
            for diagnostic in script.diagnostics where diagnostic.severity == .error {
                parseErrors += 1
                print("note: not parsed, skipped: \(url.lastPathComponent):\(file.location(of: diagnostic.span.start)): "
                      + diagnostic.message)
            }
            // Statements that do not parse are the parser's tests' business; only parsed ones are checked here.
            for statement in script.statements {
                statements += 1
                let location = "\(url.lastPathComponent):\(file.location(of: statement.span.start))"
                if let problem = reparseProblem(statement, location: location) {
                    failures.append(problem)
                } else {
                    passed += 1
                }
            }
        }
        report("queries/ reparse (\(files.count) files, \(parseErrors) statements not parsed)", passed: passed,
               of: statements, failures: failures)
    }

    // MARK: - Helpers

    /// Compact and pretty printing of each line (or of its `column`th tab-separated field) reparse to the same tree.
    private func checkReparse(fixture: String, column: Int? = nil) throws {
        let lines = try fixtureLines(fixture)
        var failures: [String] = []
        var passed = 0
        for (number, line) in lines {
            let location = "\(fixture):\(number)"
            var input = line
            if let column {
                let parts = line.split(separator: "\t", omittingEmptySubsequences: false)
                guard parts.count > column else { continue }
                input = String(parts[column])
            }
            guard let statement = parse(input, name: location, failures: &failures) else { continue }
            if let problem = reparseProblem(statement, location: location) {
                failures.append(problem)
            } else {
                passed += 1
            }
        }
        report("\(fixture) AST round trip", passed: passed, of: lines.count, failures: failures)
    }

    /// Why printing `statement` and parsing the text again does not give the same tree, or nil when it does.
    private func reparseProblem(_ statement: Statement, location: String) -> String? {
        for style in [HQLPrinter.Style.compact, .pretty] {
            let printed = HQLPrinter.format(statement, style: style)
            do {
                let reparsed = try Parser.parseStatement(SourceFile(name: "printed", text: printed))
                if reparsed != statement {
                    return "\(location): \(style) print reparses to a different tree\n  \(printed)"
                }
            } catch {
                return "\(location): \(style) print does not parse: \(error)\n  \(printed)"
            }
        }
        return nil
    }

    private func parse(_ text: String, name: String, failures: inout [String]) -> Statement? {
        do {
            return try Parser.parseStatement(SourceFile(name: name, text: text))
        } catch {
            failures.append("\(name): does not parse: \(error)\n    \(text)")
            return nil
        }
    }

    /// Non-empty lines that are not `--` comments, with their 1-based line numbers.
    private func fixtureLines(_ name: String) throws -> [(Int, String)] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures").appendingPathComponent(name)
        let text = try String(contentsOf: url, encoding: .utf8)
        var lines: [(Int, String)] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.hasSuffix("\r") ? String(line.dropLast()) : String(line)
            if trimmed.isEmpty || trimmed.hasPrefix("--") { continue }
            lines.append((index + 1, trimmed))
        }
        return lines
    }

    private func report(_ what: String, passed: Int, of total: Int, failures: [String]) {
        let summary = "\(what): \(passed)/\(total) passed"
        print(summary)
        if !failures.isEmpty {
            XCTFail("\(summary); \(failures.count) failures:\n" + failures.joined(separator: "\n"))
        }
    }
}
