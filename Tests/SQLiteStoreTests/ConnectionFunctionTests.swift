import CSQLite
import XCTest

@testable import SQLiteStore

/// Sums integers; counts its instances so tests can check that every group's state is released.
private final class SumState: WindowFunction {
    nonisolated(unsafe) static var live = 0
    private var total: Int64 = 0
    private var count = 0

    init() { Self.live += 1 }
    deinit { Self.live -= 1 }

    func step(_ arguments: FunctionArguments) throws {
        guard !arguments.isNull(at: 0) else { return }
        if arguments.int64(at: 0) < 0 { throw SQLiteError(extendedCode: SQLITE_ERROR, message: "negative input") }
        total += arguments.int64(at: 0)
        count += 1
    }

    func inverse(_ arguments: FunctionArguments) throws {
        guard !arguments.isNull(at: 0) else { return }
        total -= arguments.int64(at: 0)
        count -= 1
    }

    func value() throws -> SQLiteValue { count == 0 ? .null : .integer(total) }
    func finalize() throws -> SQLiteValue { try value() }
}

final class ConnectionFunctionTests: XCTestCase {
    private struct UDFFailure: Error, CustomStringConvertible {
        var description: String { "custom failure text" }
    }

    private var connection: Connection!

    override func setUpWithError() throws {
        connection = try Connection()
    }

    // MARK: - Scalar functions

    func testArrayScalarFunction() throws {
        try connection.createFunction("concat_ws2", argumentCount: nil, options: .pure) { arguments in
            guard case .text(let separator) = arguments.first else { return .null }
            return .text(arguments.dropFirst().compactMap(\.stringValue).joined(separator: separator))
        }
        XCTAssertEqual(try connection.scalar("SELECT concat_ws2('-', 'a', 'b', NULL, 'c')"), .text("a-b-c"))
        XCTAssertEqual(try connection.scalar("SELECT concat_ws2(NULL, 'a')"), .null)
    }

    func testFastScalarFunctionReadsViewAndWritesResult() throws {
        try connection.createFunction("add_or_len", argumentCount: 2, options: .pure) { arguments, result in
            XCTAssertEqual(arguments.count, 2)
            switch arguments.type(at: 0) {
            case .integer: result.result(arguments.int64(at: 0) + arguments.int64(at: 1))
            case .text:
                arguments.withUnsafeUTF8(at: 0) { bytes in result.result(bytes?.count ?? -1) }
            case .blob: result.result(blob: arguments.blob(at: 0) ?? [])
            case .real: result.result(arguments.double(at: 0) * 2)
            case .null: result.resultNull()
            }
        }
        XCTAssertEqual(try connection.scalar("SELECT add_or_len(40, 2)"), .integer(42))
        XCTAssertEqual(try connection.scalar("SELECT add_or_len('héllo', 0)"), .integer(6))
        XCTAssertEqual(try connection.scalar("SELECT add_or_len(x'0001', 0)"), .blob([0, 1]))
        XCTAssertEqual(try connection.scalar("SELECT add_or_len(1.25, 0)"), .real(2.5))
        XCTAssertEqual(try connection.scalar("SELECT add_or_len(NULL, 0)"), .null)
        XCTAssertThrowsError(try connection.scalar("SELECT add_or_len(1)")) { error in
            XCTAssertTrue((error as? SQLiteError)?.message.contains("wrong number of arguments") ?? false)
        }
    }

    func testScalarRoundTripsEveryValueKind() throws {
        try connection.createFunction("identity", argumentCount: 1, options: .pure) { $0[0] }
        for value: SQLiteValue in [.null, .integer(-3), .real(0.25), .text("a\u{0}é"), .blob([]), .blob([0, 0])] {
            XCTAssertEqual(try connection.scalar("SELECT identity(?)", [value]), value)
        }
    }

    func testThrownErrorBecomesStatementError() throws {
        try connection.createFunction("fail_custom", argumentCount: 0) { _ in throw UDFFailure() }
        try connection.createFunction("fail_sqlite", argumentCount: 0) { _, _ in
            throw SQLiteError(extendedCode: SQLITE_CONSTRAINT, message: "sqlite-shaped failure")
        }
        XCTAssertThrowsError(try connection.execute("SELECT fail_custom()")) { error in
            guard let error = error as? SQLiteError else { return XCTFail("\(error)") }
            XCTAssertEqual(error.message, "custom failure text")
            XCTAssertEqual(error.kind, .other)
        }
        XCTAssertThrowsError(try connection.scalar("SELECT fail_sqlite()")) { error in
            guard let error = error as? SQLiteError else { return XCTFail("\(error)") }
            XCTAssertEqual(error.message, "sqlite-shaped failure")
            XCTAssertEqual(error.kind, .constraint)
        }
    }

    func testDeterministicFlagAllowsUseInIndexExpression() throws {
        try connection.createFunction("pure_double", argumentCount: 1, options: .deterministic) { arguments, result in
            result.result(arguments.int64(at: 0) * 2)
        }
        try connection.createFunction("impure_double", argumentCount: 1) { arguments, result in
            result.result(arguments.int64(at: 0) * 2)
        }
        try connection.execute("CREATE TABLE t(x); CREATE INDEX ok ON t(pure_double(x));")
        XCTAssertThrowsError(try connection.execute("CREATE INDEX bad ON t(impure_double(x))")) { error in
            XCTAssertTrue((error as? SQLiteError)?.message.contains("non-deterministic") ?? false, "\(error)")
        }
    }

    func testReplacingAndRemovingFunctionReleasesClosure() throws {
        final class Token {}
        weak var weakToken: Token?
        do {
            let token = Token()
            weakToken = token
            try connection.createFunction("f", argumentCount: 0) { _ in _ = token; return 1 }
        }
        XCTAssertNotNil(weakToken)
        XCTAssertEqual(try connection.scalar("SELECT f()"), .integer(1))
        try connection.createFunction("f", argumentCount: 0) { _ in 2 }
        XCTAssertNil(weakToken, "xDestroy must release the replaced closure")
        XCTAssertEqual(try connection.scalar("SELECT f()"), .integer(2))
        try connection.removeFunction("f", argumentCount: 0)
        XCTAssertThrowsError(try connection.scalar("SELECT f()"))
        XCTAssertThrowsError(try connection.createFunction("g", argumentCount: 5000) { _ in .null })
    }

    // MARK: - Aggregates and windows

    func testAggregatePerGroupStateAndEmptyInput() throws {
        try connection.createAggregate("swift_sum", argumentCount: 1, options: .pure) { SumState() }
        try connection.execute("""
            CREATE TABLE t(g, v);
            INSERT INTO t VALUES ('a', 1), ('b', 10), ('a', 2), ('b', 20), ('a', NULL), ('c', NULL);
            """)
        var results: [String] = []
        try connection.query("SELECT g, swift_sum(v) FROM t GROUP BY g ORDER BY g") { row in
            results.append("\(row.text(at: 0) ?? "?")=\(row.value(at: 1))")
        }
        XCTAssertEqual(results, ["a=3", "b=30", "c=NULL"])
        XCTAssertEqual(try connection.scalar("SELECT swift_sum(v) FROM t WHERE 0"), .null)
        XCTAssertEqual(SumState.live, 0, "every group's state must be released")
    }

    func testAggregateErrorStopsQueryAndReleasesState() throws {
        try connection.createAggregate("swift_sum", argumentCount: 1) { SumState() }
        try connection.execute("CREATE TABLE t(v); INSERT INTO t VALUES (1), (-1), (2);")
        XCTAssertThrowsError(try connection.scalar("SELECT swift_sum(v) FROM t")) { error in
            XCTAssertEqual((error as? SQLiteError)?.message, "negative input")
        }
        XCTAssertEqual(SumState.live, 0)
    }

    func testWindowFunctionOverSlidingFrame() throws {
        try connection.createWindowFunction("swift_wsum", argumentCount: 1, options: .pure) { SumState() }
        try connection.execute("CREATE TABLE t(i, v); INSERT INTO t VALUES (1, 1), (2, 2), (3, 3), (4, 4), (5, 5);")
        var sums: [Int64] = []
        try connection.query(
            "SELECT swift_wsum(v) OVER (ORDER BY i ROWS BETWEEN 1 PRECEDING AND 1 FOLLOWING) FROM t ORDER BY i"
        ) { row in sums.append(row.int64(at: 0)) }
        XCTAssertEqual(sums, [3, 6, 9, 12, 9])
        XCTAssertEqual(try connection.scalar("SELECT swift_wsum(v) FROM t"), .integer(15), "still an aggregate")
        XCTAssertEqual(SumState.live, 0)
    }

    // MARK: - Collations

    func testByteCollationOrdersByUTF8Bytes() throws {
        try connection.createCollation("reverse_bytes") { left, right in
            // Reverse byte order, so the assertion cannot pass by accident with the built-in BINARY.
            let l = Array(left), r = Array(right)
            return l == r ? 0 : (l.lexicographicallyPrecedes(r) ? 1 : -1)
        }
        try connection.execute("CREATE TABLE t(s); INSERT INTO t VALUES ('b'), ('a'), ('é'), ('B'), ('');")
        var ordered: [String] = []
        try connection.query("SELECT s FROM t ORDER BY s COLLATE reverse_bytes") { ordered.append($0.text(at: 0) ?? "?") }
        XCTAssertEqual(ordered, ["é", "b", "a", "B", ""])
    }

    func testStringCollation() throws {
        try connection.createStringCollation("ci") { left, right in
            let l = left.lowercased(), r = right.lowercased()
            return l == r ? 0 : (l < r ? -1 : 1)
        }
        XCTAssertEqual(try connection.scalar("SELECT 'ABC' = 'abc' COLLATE ci"), .integer(1))
        XCTAssertEqual(try connection.scalar("SELECT 'ABC' = 'abd' COLLATE ci"), .integer(0))
    }
}
