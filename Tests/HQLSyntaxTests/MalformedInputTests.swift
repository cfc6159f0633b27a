import XCTest
@testable import HQLSyntax

/// Every case of `Fixtures/malformed.hql` must produce an error at the marked spot whose message
/// names what was expected or found. The expectations were written by hand from the grammar.
final class MalformedInputTests: XCTestCase {
    struct Case {
        var line: Int
        var fragment: String
        var text: String
        var offset: Int
    }

    static let marker = "‸"

    static func loadCases() throws -> [Case] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/malformed.hql")
        let content = try String(contentsOf: url, encoding: .utf8)
        var cases: [Case] = []
        var lineNumber = 0
        var pending: (line: Int, fragment: String)?
        var body: [String] = []
        func finish() {
            guard let expectation = pending else { return }
            let joined = body.joined(separator: "\n")
            if let range = joined.range(of: marker) {
                let offset = joined.utf8.distance(from: joined.utf8.startIndex, to: range.lowerBound.samePosition(in: joined.utf8)!)
                let text = joined.replacingCharacters(in: range, with: "")
                cases.append(Case(line: expectation.line, fragment: expectation.fragment, text: text, offset: offset))
            }
            pending = nil
            body = []
        }
        for line in content.components(separatedBy: "\n") {
            lineNumber += 1
            if line.hasPrefix("-- expect: ") {
                finish()
                pending = (lineNumber, String(line.dropFirst("-- expect: ".count)))
            } else if line.isEmpty {
                finish()
            } else if pending != nil {
                body.append(line)
            }
        }
        finish()
        return cases
    }

    func testFixtureHasAtLeastAHundredCases() throws {
        XCTAssertGreaterThanOrEqual(try Self.loadCases().count, 100)
    }

    func testEveryMalformedStatementIsReportedPrecisely() throws {
        for item in try Self.loadCases() {
            let file = SourceFile(name: "malformed.hql", text: item.text)
            let script = Parser.parseScript(file)
            guard let error = script.diagnostics.first(where: { $0.severity == .error }) else {
                XCTFail("fixture line \(item.line): no error for: \(item.text)")
                continue
            }
            let found = file.location(of: error.span.start)
            let expected = file.location(of: item.offset)
            XCTAssertEqual(found, expected,
                           "fixture line \(item.line): error at \(found), expected \(expected): \(error.message)\n\(item.text)")
            XCTAssertTrue(error.message.lowercased().contains(item.fragment.lowercased()),
                          "fixture line \(item.line): message '\(error.message)' lacks '\(item.fragment)'")
            let rendered = DiagnosticRenderer().render(error, in: file)
            XCTAssertTrue(rendered.hasPrefix("malformed.hql:\(found.line):\(found.column): error: "), rendered)
            XCTAssertTrue(rendered.contains("^"), rendered)
        }
    }

    func testEveryBadStatementOfAScriptIsReportedInOneRun() {
        let text = """
            SELECT a, FROM t;
            SELECT 1;
            CREATE TABEL x (a INT);
            SELECT 2;
            INSERT INTO t VALUES (1, 2;
            """
        let script = Parser.parseScript(SourceFile(name: "s.hql", text: text))
        let errors = script.diagnostics.filter { $0.severity == .error }
        XCTAssertEqual(errors.count, 3, "\(errors.map(\.message))")
        XCTAssertEqual(script.statements.count, 2)
    }
}
