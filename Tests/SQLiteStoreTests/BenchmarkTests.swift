import Foundation
import XCTest

@testable import SQLiteStore

/// Throughput checks of the per-row paths, skipped unless `SQLITESTORE_BENCH` is set (run them in release:
/// `swift test -c release -Xswiftc -enable-testing --filter BenchmarkTests`).
final class BenchmarkTests: XCTestCase {
    private final class Source: VirtualTableSource {
        let rows: Int
        init(rows: Int) { self.rows = rows }
        var columns: [VirtualTableColumn] { [VirtualTableColumn("a"), VirtualTableColumn("b"), VirtualTableColumn("c")] }
        func makeCursor(arguments: [SQLiteValue]) throws -> any VirtualTableCursor { Cursor(rows: rows) }
    }

    private final class Cursor: VirtualTableCursor {
        let rows: Int
        var row = 0
        let text: [UInt8] = Array("some,csv,field".utf8)
        init(rows: Int) { self.rows = rows }
        func next() throws -> Bool {
            row += 1
            return row <= rows
        }
        func column(_ index: Int, _ result: ResultContext) throws {
            switch index {
            case 0: result.result(row)
            case 1: result.result(Double(row) / 2)
            default: text.withUnsafeBufferPointer { result.result(utf8: $0) }
            }
        }
    }

    private func measureOnce(_ label: String, rows: Int, _ body: () throws -> Void) rethrows {
        let start = Date()
        try body()
        let seconds = Date().timeIntervalSince(start)
        print("\(label): \(rows) rows in \(String(format: "%.3f", seconds)) s (\(Int(Double(rows) / seconds)) rows/s)")
    }

    func testThroughput() throws {
        guard ProcessInfo.processInfo.environment["SQLITESTORE_BENCH"] != nil else {
            throw XCTSkip("set SQLITESTORE_BENCH=1 to run")
        }
        let rows = 1_000_000
        let connection = try Connection()
        try connection.createTableValuedFunction("gen", source: Source(rows: rows))
        try connection.execute("CREATE TABLE t(a INTEGER, b REAL, c TEXT)")
        try measureOnce("virtual table scan", rows: rows) {
            XCTAssertNotNil(try connection.scalar("SELECT max(a) + max(b) + max(length(c)) FROM gen"))
        }
        try measureOnce("recursive CTE INSERT…SELECT (baseline without Swift)", rows: rows) {
            try connection.transaction {
                try connection.execute("""
                    INSERT INTO t WITH RECURSIVE n(a) AS (SELECT 1 UNION ALL SELECT a + 1 FROM n WHERE a < \(rows))
                    SELECT a, a / 2.0, 'some,csv,field' FROM n
                    """)
            }
        }
        try connection.execute("DELETE FROM t")
        try measureOnce("virtual table INSERT…SELECT", rows: rows) {
            try connection.transaction { try connection.execute("INSERT INTO t SELECT a, b, c FROM gen") }
        }
        try measureOnce("bound INSERT", rows: rows) {
            try connection.transaction {
                let insert = try connection.prepare("INSERT INTO t VALUES (?, ?, ?)", persistent: true)
                for index in 0..<rows {
                    try insert.bind(index, at: 1)
                    try insert.bind(Double(index), at: 2)
                    try insert.bind("text value", at: 3)
                    try insert.execute()
                }
            }
        }
        try connection.createFunction("plus1", argumentCount: 1, options: .pure) { arguments, result in
            result.result(arguments.int64(at: 0) + 1)
        }
        try measureOnce("fast scalar UDF", rows: rows * 2) {
            XCTAssertNotNil(try connection.scalar("SELECT sum(plus1(a)) FROM t"))
        }
        try connection.createFunction("plus1_array", argumentCount: 1, options: .pure) { arguments in
            .integer((arguments[0].int64Value ?? 0) + 1)
        }
        try measureOnce("array scalar UDF", rows: rows * 2) {
            XCTAssertNotNil(try connection.scalar("SELECT sum(plus1_array(a)) FROM t"))
        }
        var total = 0
        try measureOnce("row cursor read", rows: rows * 2) {
            try connection.query("SELECT a, b, c FROM t") { row in
                total &+= Int(row.int64(at: 0))
                row.withUnsafeUTF8(at: 2) { total &+= $0?.count ?? 0 }
            }
        }
        XCTAssertGreaterThan(total, 0)
    }
}
