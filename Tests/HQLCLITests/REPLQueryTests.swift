import Foundation
import XCTest
@testable import HQLCLI
import HQLPlanner

/// The shell over the engine, through a pseudo-terminal: results as a table, and Ctrl-C during a long query.
final class REPLQueryTests: XCTestCase {
    private var folder = ""
    private let prompt = "hqlrun (default)> "

    override func setUpWithError() throws {
        folder = NSTemporaryDirectory() + "hqlrun-repl-query-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: folder)
    }

    private func startShell() throws -> TerminalSession {
        let shell = try TerminalSession(environment: [
            "HOME": folder, "LANG": "C.UTF-8", "HQLRUN_HISTORY": folder + "/history",
            "HQLRUN_WAREHOUSE": folder + "/warehouse", "HQLRUN_RC": folder + "/none",
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin", "PAGER": "cat",
        ])
        XCTAssertTrue(shell.expect(prompt))
        return shell
    }

    func testResultsShowAsATableWithARowCount() throws {
        let shell = try startShell()
        shell.send("SELECT 7 / 2 AS half, 'x' AS s;\r")
        XCTAssertTrue(shell.expect("half"))
        XCTAssertTrue(shell.expect("3.5"))
        XCTAssertTrue(shell.expect("1 row"))
        shell.send("exit;\r")
        XCTAssertEqual(shell.waitForExit(), 0)
    }

    func testCtrlCCancelsALongQueryAndChangesNothing() throws {
        let shell = try startShell()
        shell.send("CREATE TABLE t (x INT);\r")
        XCTAssertTrue(shell.expect(prompt))
        let values = (1...100).map { "(\($0))" }.joined(separator: ", ")
        shell.send("INSERT INTO t VALUES \(values);\r")
        XCTAssertTrue(shell.expect(prompt))
        // 10^10 rows: far longer than the test waits, unless Ctrl-C stops it.
        shell.send("SELECT count(*) FROM t a CROSS JOIN t b CROSS JOIN t c CROSS JOIN t d CROSS JOIN t e;\r")
        Thread.sleep(forTimeInterval: 0.7)
        shell.send("\u{3}")
        XCTAssertTrue(shell.expect("query cancelled"))
        XCTAssertTrue(shell.expect(prompt))
        shell.send("SELECT count(*), sum(x) FROM t;\r")
        XCTAssertTrue(shell.expect("5050"))
        shell.send("exit;\r")
        XCTAssertEqual(shell.waitForExit(), 0)
    }

    func testTabCompletesTablesAndColumnsFromTheWarehouse() throws {
        let shell = try startShell()
        shell.send("CREATE TABLE customer_accounts (customer_id STRING, firstname STRING);\r")
        XCTAssertTrue(shell.expect(prompt))
        shell.send("SELECT count(*) FROM customer_a\t")
        Thread.sleep(forTimeInterval: 0.3)
        shell.send("c WHERE c.first\t")
        Thread.sleep(forTimeInterval: 0.3)
        shell.send("IS NULL;\r")
        XCTAssertTrue(shell.expect("1 row"))
        shell.send("exit;\r")
        XCTAssertEqual(shell.waitForExit(), 0)
        // libedit's history file is vis-encoded: a space is `\040`.
        let history = try String(contentsOfFile: folder + "/history", encoding: .utf8)
            .replacingOccurrences(of: "\\040", with: " ")
        XCTAssertTrue(history.contains("SELECT count(*) FROM customer_accounts c WHERE c.firstname IS NULL;"), history)
    }
}

/// The shell completes every function of the engine's catalog, not just a built-in short list.
final class CatalogFunctionCompletionTests: XCTestCase {
    func testCatalogFunctionsAreOfferedWithAnOpeningParenthesis() {
        let completer = SQLCompleter(functionNames: FunctionCatalog.standard.allNames)
        XCTAssertEqual(completer.complete("SELECT regexp_ext").candidates, ["regexp_extract(", "regexp_extract_all("])
        XCTAssertTrue(completer.complete("SELECT percentile_a").candidates.contains("percentile_approx("))
        XCTAssertTrue(completer.complete("SELECT months_b").candidates.contains("months_between("))
    }
}
