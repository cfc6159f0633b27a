import XCTest
@testable import HQLSyntax

/// No input, however malformed, may crash or hang the front end; deep nesting gives a diagnostic.
final class RobustnessTests: XCTestCase {
    private func parse(_ bytes: [UInt8]) -> ParsedScript {
        Parser.parseScript(SourceFile(name: "fuzz.hql", bytes: bytes))
    }

    private func parse(_ text: String) -> ParsedScript {
        parse(Array(text.utf8))
    }

    func testTenThousandNestedParenthesesGiveADiagnostic() {
        let text = "SELECT " + String(repeating: "(", count: 10_000) + "1" + String(repeating: ")", count: 10_000)
        let script = parse(text)
        XCTAssertTrue(script.diagnostics.contains { $0.code == "HQL2004" }, "\(script.diagnostics.prefix(3))")
        XCTAssertTrue(script.statements.isEmpty)
    }

    func testDeeplyNestedSubqueriesGiveADiagnostic() {
        var text = "SELECT 1"
        for _ in 0..<2_000 { text = "SELECT * FROM (" + text + ") t" }
        let script = parse(text)
        XCTAssertTrue(script.diagnostics.contains { $0.code == "HQL2004" })
    }

    func testDeepUnaryAndNotChainsGiveADiagnostic() {
        XCTAssertTrue(parse("SELECT " + String(repeating: "- ", count: 20_000) + "1").diagnostics
            .contains { $0.code == "HQL2004" })
        XCTAssertTrue(parse("SELECT " + String(repeating: "NOT ", count: 20_000) + "true").diagnostics
            .contains { $0.code == "HQL2004" })
    }

    func testReasonableNestingStillParses() {
        let text = "SELECT " + String(repeating: "(", count: 50) + "1" + String(repeating: ")", count: 50)
        let script = parse(text)
        XCTAssertFalse(script.hasErrors, "\(script.diagnostics)")
        XCTAssertEqual(script.statements.count, 1)
    }

    func testLongOperatorChainsParseUpToTheLimitAndAreReportedBeyondIt() {
        // A chain of n operators builds a tree n deep; beyond the limit it is a diagnostic, not a stack overflow
        // in the passes that walk the tree.
        let sum = "SELECT " + Array(repeating: "a", count: 1_500).joined(separator: " + ")
        XCTAssertFalse(parse(sum).hasErrors)
        let conjunction = "SELECT * FROM t WHERE " + Array(repeating: "x = 1", count: 1_000).joined(separator: " AND ")
        XCTAssertFalse(parse(conjunction).hasErrors)
        let huge = "SELECT " + Array(repeating: "a", count: 100_000).joined(separator: " + ")
        XCTAssertTrue(parse(huge).diagnostics.contains { $0.code == "HQL2005" })
        let nested = "SELECT " + Array(repeating: "(" + Array(repeating: "a", count: 500).joined(separator: " + "),
                                       count: 10).joined(separator: " + ") + String(repeating: ")", count: 10)
        XCTAssertTrue(parse(nested).diagnostics.contains { $0.code == "HQL2005" })
    }

    func testBinaryGarbageNeverCrashes() {
        var generator = SplitMix64(seed: 42)
        for length in [1, 7, 64, 1_000, 65_536] {
            let bytes = (0..<length).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
            let script = parse(bytes)
            XCTAssertTrue(script.hasErrors || script.statements.count >= 0)
        }
    }

    func testRandomTokenSoupNeverCrashes() {
        let words = ["SELECT", "FROM", "(", ")", ",", "'x'", "1", "a", ".", "JOIN", "ON", "=", "CASE", "WHEN", "END",
                     "OVER", "PARTITION", "BY", "INSERT", "OVERWRITE", "TABLE", "CREATE", "AS", ";", "[", "]", "<",
                     ">", "ARRAY", "MAP", "STRUCT", "WITH", "LATERAL", "VIEW", "IN", "NOT", "NULL", "IS", "--x\n",
                     "/*", "*/", "`q`", "\"s\"", "-", "*", "INTERVAL", "DAY", "CAST", "::", "->", "${x}"]
        var generator = SplitMix64(seed: 7)
        for _ in 0..<300 {
            let count = Int(generator.next() % 60)
            let text = (0..<count).map { _ in words[Int(generator.next() % UInt64(words.count))] }.joined(separator: " ")
            _ = parse(text)
        }
    }

    func testEveryPrefixOfARealStatementIsHandled() {
        let statement = """
            INSERT OVERWRITE TABLE accounts PARTITION (created_at_year) SELECT customer_id, \
            CASE WHEN state IS NULL THEN 'unknown' ELSE upper(state) END AS state, \
            row_number() OVER (PARTITION BY state ORDER BY balance DESC) AS rn, year(created_at) \
            FROM raw r LEFT JOIN states s ON lower(r.state) = s.abbr WHERE r.balance <> 'N/A'
            """
        let bytes = Array(statement.utf8)
        for end in 0...bytes.count {
            _ = parse(Array(bytes[0..<end]))
        }
        XCTAssertFalse(parse(bytes).hasErrors, "\(parse(bytes).diagnostics)")
    }

    func testAHundredMegabyteLineIsHandled() throws {
        guard ProcessInfo.processInfo.environment["HQLRUN_SLOW_TESTS"] != nil else {
            throw XCTSkip("set HQLRUN_SLOW_TESTS=1 to lex and parse a 100 MB single line")
        }
        let piece = Array("'abcdefghij', ".utf8)
        var bytes = Array("SELECT ".utf8)
        bytes.reserveCapacity(100_000_100)
        while bytes.count < 100_000_000 { bytes.append(contentsOf: piece) }
        bytes.append(contentsOf: Array("1".utf8))
        let script = parse(bytes)
        XCTAssertFalse(script.hasErrors)
    }
}
