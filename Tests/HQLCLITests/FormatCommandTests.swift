import XCTest
@testable import HQLCLI
import HQLSyntax

final class FormatCommandTests: XCTestCase {
    private var queriesFolder: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("queries")
    }

    private func scripts() -> [URL] {
        let enumerator = FileManager.default.enumerator(at: queriesFolder, includingPropertiesForKeys: nil)
        var found: [URL] = []
        while let url = enumerator?.nextObject() as? URL {
            if ["hql", "sql"].contains(url.pathExtension), !url.path.contains("/conformance/") { found.append(url) }
        }
        return found.sorted { $0.path < $1.path }
    }

    private func format(_ text: String, style: HQLPrinter.Style = .pretty) throws -> String {
        try ScriptFormatter(style: style).format(SourceFile(name: "t.hql", text: text))
    }

    /// Every comment line of the input, in order, as written.
    private func commentLines(_ text: String) -> [String] {
        text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { $0.hasPrefix("--") }
    }

    func testFormattingIsIdempotentAndKeepsEveryCommentAndStatement() throws {
        let files = scripts()
        XCTAssertGreaterThanOrEqual(files.count, 5)
        for url in files {
            let text = try String(contentsOf: url, encoding: .utf8)
            let once = try format(text)
            XCTAssertEqual(try format(once), once, "\(url.lastPathComponent) is not stable under fmt")
            XCTAssertEqual(commentLines(once), commentLines(text), "\(url.lastPathComponent) lost a comment")
            let before = Parser.parseScript(SourceFile(name: url.path, text: text))
            let after = Parser.parseScript(SourceFile(name: "formatted", text: once))
            XCTAssertEqual(after.statements, before.statements, "\(url.lastPathComponent) changed meaning")
        }
    }

    func testBlankLinesAndCommentsBetweenStatementsAreKept() throws {
        XCTAssertEqual(try format("select 1; -- one\n\n\n-- two\nselect 2;\n", style: .compact),
                       "SELECT 1;\n-- one\n\n-- two\nSELECT 2;\n")
    }

    func testAStatementWithACommentInsideIsLeftAsWritten() throws {
        let text = "select a, /* why */ b from t;\nselect   c from u;\n"
        XCTAssertEqual(try format(text, style: .compact), "select a, /* why */ b from t;\nSELECT c FROM u;\n")
    }

    func testSyntaxErrorsAreReportedNotFormatted() {
        XCTAssertThrowsError(try format("select from where;"))
    }

    func testCheckFailsForUnformattedAndPassesForFormatted() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hqlrun-fmt-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let messy = folder.appendingPathComponent("messy.hql")
        try "select 1 from t;\n".write(to: messy, atomically: true, encoding: .utf8)
        var command = try FormatCommand.parse(["--check", messy.path])
        XCTAssertThrowsError(try command.run())
        let tidy = folder.appendingPathComponent("tidy.hql")
        try (try format("select 1 from t;\n")).write(to: tidy, atomically: true, encoding: .utf8)
        command = try FormatCommand.parse(["--check", tidy.path])
        XCTAssertNoThrow(try command.run())
    }
}
