import Foundation
import XCTest
@testable import HQLCLI

/// The completion logic without a terminal: the text before (and after) the cursor in, candidates out.
final class SQLCompleterTests: XCTestCase {
    private let catalog = StaticCompletionCatalog([
        "default": ["customers": ["id", "name", "email"], "orders": ["id", "customer_id", "total"]],
        "sales": ["leads": ["lead_id", "score"]],
    ])

    private func completer(files: [(name: String, isDirectory: Bool)] = []) -> SQLCompleter {
        SQLCompleter(catalog: catalog, functionNames: ["count", "concat", "coalesce", "sum"],
                     settingKeys: ["hqlrun.output.format", "hqlrun.pager", "hive.cli.print.header"],
                     listDirectory: { _ in files })
    }

    /// Completes at the `|` in `text` (or at the end).
    private func complete(_ text: String, files: [(name: String, isDirectory: Bool)] = []) -> [String] {
        guard let marker = text.firstIndex(of: "|") else { return completer(files: files).complete(text).candidates }
        var without = text
        without.remove(at: marker)
        let cursor = text[..<marker].utf8.count
        return completer(files: files).complete(without, cursor: cursor).candidates
    }

    // MARK: - Keywords and functions

    func testKeywordsFollowTheCaseOfThePrefix() {
        XCTAssertEqual(complete("SEL"), ["SELECT"])
        XCTAssertEqual(complete("sel"), ["select"])
        XCTAssertEqual(complete("Sel"), ["select"])
        XCTAssertTrue(complete("SELECT * FROM customers WH").contains("WHERE"))
        XCTAssertTrue(complete("select * from customers wh").contains("where"))
    }

    func testEmptyPrefixFollowsTheCaseOfTheLastKeyword() {
        XCTAssertTrue(complete("SELECT * FROM customers ").contains("WHERE"))
        XCTAssertTrue(complete("select * from customers ").contains("where"))
    }

    func testFunctionsComeWithAnOpeningParenthesis() {
        let candidates = complete("SELECT co")
        XCTAssertTrue(candidates.contains("coalesce("), "\(candidates)")
        XCTAssertTrue(candidates.contains("count("))
        XCTAssertTrue(complete("SELECT CO").contains("COUNT("))
        XCTAssertEqual(completer().complete("SELECT coal").candidates, ["coalesce("])
        XCTAssertFalse(completer().complete("SELECT coal").wantsSpace)
        XCTAssertTrue(completer().complete("SELEC").wantsSpace)
    }

    func testStatementStartOffersShellWords() {
        XCTAssertEqual(complete("sou"), ["source"])
        XCTAssertEqual(complete("qu"), ["quit"])
        XCTAssertTrue(complete("SELECT 1; SEL").contains("SELECT"))
    }

    // MARK: - Catalog names

    func testDatabasesAfterUseAndIn() {
        XCTAssertEqual(complete("USE s"), ["sales"])
        XCTAssertEqual(complete("use "), ["default", "sales"])
        XCTAssertEqual(complete("SHOW TABLES IN d"), ["default"])
    }

    func testTablesAfterFromJoinIntoTableDescribe() {
        XCTAssertEqual(complete("SELECT * FROM cu"), ["customers"])
        XCTAssertEqual(complete("SELECT * FROM customers c JOIN or"), ["orders"])
        XCTAssertEqual(complete("INSERT INTO o"), ["orders"])
        XCTAssertEqual(complete("INSERT OVERWRITE TABLE cu"), ["customers"])
        XCTAssertEqual(complete("DESCRIBE cu"), ["customers"])
        XCTAssertEqual(complete("desc formatted o"), ["orders"])
        XCTAssertEqual(complete("SELECT * FROM customers, o"), ["orders"])
        XCTAssertEqual(complete("SELECT * FROM sales.l"), ["sales.leads"])
        XCTAssertEqual(complete("SELECT * FROM sa"), ["sales."])
    }

    func testColumnsOfTheTablesTheStatementNames() {
        XCTAssertEqual(complete("SELECT c.| FROM customers c"), ["c.email", "c.id", "c.name"])
        XCTAssertEqual(complete("SELECT * FROM customers AS c JOIN orders o ON o.cu"), ["o.customer_id"])
        XCTAssertEqual(complete("SELECT customers.na| FROM customers"), ["customers.name"])
        XCTAssertEqual(complete("SELECT l.sc| FROM sales.leads l"), ["l.score"])
        let unqualified = complete("SELECT em| FROM customers")
        XCTAssertTrue(unqualified.contains("email"), "\(unqualified)")
        XCTAssertTrue(complete("SELECT t| FROM orders").contains("total"))
        XCTAssertFalse(complete("SELECT t| FROM customers").contains("total"))
    }

    func testColumnsFromEarlierLinesOfTheStatement() {
        let text = "SELECT *\nFROM customers c\nWHERE c.e"
        XCTAssertEqual(completer().complete(text).candidates, ["c.email"])
    }

    func testNothingInsideStringsAndComments() {
        XCTAssertEqual(complete("SELECT 'sel"), [])
        XCTAssertEqual(complete("SELECT 1 -- sel"), [])
        XCTAssertEqual(complete("SELECT /* sel"), [])
        XCTAssertTrue(complete("SELECT 1 -- note\nFR").contains("FROM"))
    }

    // MARK: - SET and files

    func testSetKeysAndValues() {
        XCTAssertEqual(complete("SET hqlrun.p"), ["hqlrun.pager"])
        XCTAssertEqual(complete("set hqlrun.output.format=j"), ["json"])
        XCTAssertEqual(complete("SET hqlrun.output.format="), OutputFormat.allCases.map(\.rawValue).sorted())
        XCTAssertEqual(complete("SET hqlrun.pager=o"), ["off", "on"])
    }

    func testFileNamesAfterSource() {
        let files: [(name: String, isDirectory: Bool)] = [("setup.hql", false), ("scripts", true), (".hidden", false)]
        XCTAssertEqual(complete("source s", files: files), ["scripts/", "setup.hql"])
        XCTAssertEqual(complete("source ", files: files), ["scripts/", "setup.hql"])
        XCTAssertEqual(complete("source queries/se", files: files), ["queries/setup.hql"])
        XCTAssertEqual(complete("source .h", files: files), [".hidden"])
    }

    func testFileNamesFromTheFileSystem() throws {
        let folder = NSTemporaryDirectory() + "hqlrun-complete-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder + "/sub", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try "".write(toFile: folder + "/load.hql", atomically: true, encoding: .utf8)
        let candidates = SQLCompleter().complete("source \(folder)/").candidates
        XCTAssertEqual(candidates, ["\(folder)/load.hql", "\(folder)/sub/"])
    }

    // MARK: - Cost

    /// 1 000 tables of 20 columns: completion stays a linear scan (printed, not asserted: machines differ).
    func testThousandTablesStayFast() {
        var tables: [String: [String]] = [:]
        for index in 0..<1000 { tables["table_\(index)"] = (0..<20).map { "column_\($0)" } }
        let big = SQLCompleter(catalog: StaticCompletionCatalog(["default": tables]))
        let statement = "SELECT t.| FROM table_10 t JOIN table_999 u ON t.column_1 = u.column_1 WHERE "
        let text = statement.replacingOccurrences(of: "|", with: "")
        let cursor = statement.utf8.firstIndex(of: UInt8(ascii: "|")).map { statement.utf8.distance(from: statement.utf8.startIndex, to: $0) }
        let start = Date()
        var total = 0
        for _ in 0..<100 {
            total += big.complete("SELECT * FROM table_9").candidates.count
            total += big.complete(text, cursor: cursor).candidates.count
            total += big.complete(text).candidates.count
        }
        let perCall = Date().timeIntervalSince(start) / 300
        print("completion over 1000 tables: \(String(format: "%.3f", perCall * 1000)) ms per Tab")
        XCTAssertEqual(big.complete("SELECT * FROM table_99").candidates.count, 11)
        XCTAssertEqual(big.complete(text, cursor: cursor).candidates.count, 20)
        XCTAssertGreaterThan(total, 0)
    }

    // MARK: - The catalog hook file

    func testCatalogFileFormat() {
        let catalog = StaticCompletionCatalog(text: "# tables\ndefault.t a b\nsales.leads id\nempty\n")
        XCTAssertEqual(catalog.databases(), ["default", "empty", "sales"])
        XCTAssertEqual(catalog.tables(in: nil), ["t"])
        XCTAssertEqual(catalog.tables(in: "SALES"), ["leads"])
        XCTAssertEqual(catalog.columns(of: "T"), ["a", "b"])
        XCTAssertEqual(catalog.columns(of: "sales.leads"), ["id"])
        XCTAssertEqual(EmptyCompletionCatalog().tables(in: nil), [])
    }
}
