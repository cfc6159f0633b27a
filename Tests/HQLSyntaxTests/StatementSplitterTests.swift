import XCTest
@testable import HQLSyntax

final class StatementSplitterTests: XCTestCase {
    private func split(_ text: String) -> [String] {
        let file = SourceFile(name: "t.hql", text: text)
        return StatementSplitter.split(file).map { file.text(of: $0.span) }
    }

    func testSplitsAtSemicolonsOnly() {
        XCTAssertEqual(split("SELECT 1; SELECT 2;"), ["SELECT 1", "SELECT 2"])
        XCTAssertEqual(split("SELECT 1;\nSELECT 2"), ["SELECT 1", "SELECT 2"])
        XCTAssertEqual(split(";;  ;"), [])
    }

    func testSemicolonsInsideStringsCommentsAndBackticksDoNotSplit() {
        XCTAssertEqual(split("SELECT 'a;b', \"c;d\" FROM `x;y`; SELECT 2"),
                       ["SELECT 'a;b', \"c;d\" FROM `x;y`", "SELECT 2"])
        XCTAssertEqual(split("SELECT 1 -- not here; really\n; SELECT /* ; */ 2;"),
                       ["SELECT 1", "SELECT /* ; */ 2"])
        XCTAssertEqual(split("SELECT 'it\\'s; fine'; SELECT 3"), ["SELECT 'it\\'s; fine'", "SELECT 3"])
    }

    func testBackslashSemicolonDoesNotSplit() {
        XCTAssertEqual(split("SELECT a \\; b; SELECT 2"), ["SELECT a \\; b", "SELECT 2"])
    }

    func testLeadingCommentsAreNotPartOfTheStatement() {
        XCTAssertEqual(split("-- header\n/* doc */ CREATE TABLE t (a INT);"), ["CREATE TABLE t (a INT)"])
    }

    func testCompletenessForTheREPL() {
        XCTAssertTrue(StatementSplitter.isComplete(SourceFile(name: "r", text: "SELECT 1;")))
        XCTAssertTrue(StatementSplitter.isComplete(SourceFile(name: "r", text: "SELECT 1; -- trailing")))
        XCTAssertFalse(StatementSplitter.isComplete(SourceFile(name: "r", text: "SELECT 1")))
        XCTAssertFalse(StatementSplitter.isComplete(SourceFile(name: "r", text: "SELECT ';")))
        XCTAssertFalse(StatementSplitter.isComplete(SourceFile(name: "r", text: "SELECT 1; SELECT")))
        XCTAssertFalse(StatementSplitter.isComplete(SourceFile(name: "r", text: "SELECT /* ; ")))
        XCTAssertFalse(StatementSplitter.isComplete(SourceFile(name: "r", text: "")))
    }
}
