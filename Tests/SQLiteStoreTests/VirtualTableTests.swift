import XCTest

@testable import SQLiteStore

/// `numbers(stop, step?)`: the integers 1, 1+step, … up to `stop`, with a text rendering of each, written straight
/// into SQLite from a reusable byte buffer as a CSV reader would.
private final class NumbersSource: VirtualTableSource {
    var cursorsMade = 0
    /// Cursors not yet deallocated: xClose must release every one, including scans abandoned by LIMIT.
    var liveCursors = 0
    var columns: [VirtualTableColumn] { [VirtualTableColumn("n", declaredType: "INTEGER"), VirtualTableColumn("label")] }
    var parameters: [VirtualTableParameter] {
        [VirtualTableParameter("stop"), VirtualTableParameter("step", isRequired: false)]
    }

    func makeCursor(arguments: [SQLiteValue]) throws -> any VirtualTableCursor {
        cursorsMade += 1
        guard case .integer(let stop) = arguments[0] else {
            throw SQLiteError(extendedCode: 1, message: "numbers: stop must be an integer")
        }
        let step = arguments[1].int64Value ?? 1
        guard step > 0 else { throw SQLiteError(extendedCode: 1, message: "numbers: step must be positive") }
        return NumbersCursor(stop: stop, step: step, source: self)
    }
}

private final class NumbersCursor: VirtualTableCursor {
    private let stop: Int64
    private let step: Int64
    private var current: Int64
    private var buffer: [UInt8] = Array(repeating: 0, count: 32)
    private unowned let source: NumbersSource

    init(stop: Int64, step: Int64, source: NumbersSource) {
        self.stop = stop
        self.step = step
        self.current = 1 - step
        self.source = source
        source.liveCursors += 1
    }

    deinit {
        source.liveCursors -= 1
    }

    func next() throws -> Bool {
        current += step
        return current <= stop
    }

    func column(_ index: Int, _ result: ResultContext) throws {
        if index == 0 { return result.result(current) }
        // Render "#<n>" into the reusable buffer: no String per row.
        var value = current
        var end = buffer.count
        repeat {
            end -= 1
            buffer[end] = UInt8(ascii: "0") + UInt8(value % 10)
            value /= 10
        } while value > 0
        end -= 1
        buffer[end] = UInt8(ascii: "#")
        buffer.withUnsafeBufferPointer { all in
            result.result(utf8: UnsafeBufferPointer(rebasing: all[end...]))
        }
    }
}

/// A plain table given by module arguments: `CREATE VIRTUAL TABLE t USING words(a, b, c)` yields rows a, b, c.
private final class WordsSource: VirtualTableSource {
    let words: [String]
    init(_ words: [String]) { self.words = words }
    var columns: [VirtualTableColumn] { [VirtualTableColumn("word", declaredType: "TEXT")] }

    func makeCursor(arguments: [SQLiteValue]) throws -> any VirtualTableCursor {
        final class Cursor: VirtualTableCursor {
            let words: [String]
            var index = -1
            init(_ words: [String]) { self.words = words }
            func next() throws -> Bool {
                index += 1
                if index < words.count, words[index] == "fail" { throw SQLiteError(extendedCode: 1, message: "bad word") }
                return index < words.count
            }
            func column(_ column: Int, _ result: ResultContext) throws { result.result(words[index]) }
        }
        return Cursor(words)
    }
}

final class VirtualTableTests: XCTestCase {
    private var connection: Connection!
    private var numbers: NumbersSource!

    override func setUpWithError() throws {
        connection = try Connection()
        numbers = NumbersSource()
        try connection.createTableValuedFunction("numbers", source: numbers)
    }

    func testTableValuedFunctionWithRequiredAndOptionalArguments() throws {
        var rows: [String] = []
        try connection.query("SELECT n, label FROM numbers(10, 4)") { row in
            rows.append("\(row.int64(at: 0)):\(row.text(at: 1) ?? "?")")
        }
        XCTAssertEqual(rows, ["1:#1", "5:#5", "9:#9"])
        XCTAssertEqual(try connection.scalar("SELECT count(*) FROM numbers(7)"), .integer(7))
        XCTAssertEqual(try connection.scalar("SELECT sum(n) FROM numbers WHERE stop = 4"), .integer(10))
    }

    func testAbandonedScansReleaseTheirCursors() throws {
        var seen: [Int64] = []
        try connection.query("SELECT n FROM numbers(1000000000) LIMIT 3") { seen.append($0.int64(at: 0)) }
        XCTAssertEqual(seen, [1, 2, 3])
        let statement = try connection.prepare("SELECT n FROM numbers(10)")
        XCTAssertEqual(try statement.step(), .row)
        XCTAssertEqual(numbers.liveCursors, 1, "a scan in progress holds its cursor")
        statement.reset()
        XCTAssertEqual(numbers.liveCursors, 0)
        XCTAssertThrowsError(try connection.scalar("SELECT n FROM numbers(5, 0)"))
        XCTAssertEqual(numbers.liveCursors, 0)
    }

    func testHiddenColumnsReadBackTheArguments() throws {
        var rows: [[SQLiteValue]] = []
        try connection.query("SELECT n, stop, step FROM numbers(2)") { rows.append($0.values) }
        XCTAssertEqual(rows, [[1, 2, nil], [2, 2, nil]])
    }

    func testMissingRequiredArgumentIsAClearError() throws {
        XCTAssertThrowsError(try connection.scalar("SELECT count(*) FROM numbers")) { error in
            guard let error = error as? SQLiteError else { return XCTFail("\(error)") }
            XCTAssertTrue(error.message.contains("missing argument 'stop'"), error.message)
        }
    }

    func testErrorFromMakeCursorFailsStatement() throws {
        XCTAssertThrowsError(try connection.scalar("SELECT count(*) FROM numbers('x')")) { error in
            XCTAssertEqual((error as? SQLiteError)?.message, "numbers: stop must be an integer")
        }
    }

    func testArgumentsFromJoinedTableUseCorrelatedPlan() throws {
        try connection.execute("CREATE TABLE limits(stop); INSERT INTO limits VALUES (2), (3);")
        // numbers' required argument comes from `limits`, so SQLite must scan limits first and filter per row.
        XCTAssertEqual(
            try connection.scalar("SELECT group_concat(n, ',') FROM limits, numbers(limits.stop)"),
            .text("1,2,1,2,3"))
    }

    func testStreams100kRowsIntoInsertSelect() throws {
        try connection.execute("CREATE TABLE target(n INTEGER, label TEXT)")
        try connection.transaction {
            try connection.execute("INSERT INTO target SELECT n, label FROM numbers(100000)")
        }
        XCTAssertEqual(connection.changes, 100_000)
        XCTAssertEqual(try connection.scalar("SELECT count(*) FROM target"), .integer(100_000))
        XCTAssertEqual(try connection.scalar("SELECT sum(n) FROM target"), .integer(5_000_050_000))
        XCTAssertEqual(try connection.scalar("SELECT label FROM target WHERE n = 99999"), .text("#99999"))
        XCTAssertEqual(try connection.scalar("SELECT typeof(label) FROM target LIMIT 1"), .text("text"))
        XCTAssertEqual(numbers.cursorsMade, 1, "one scan, no restarts")
    }

    func testNamedModuleWithModuleArgumentsAndErrors() throws {
        try connection.createModule("words", kind: .createOnly) { arguments in WordsSource(arguments) }
        try connection.execute("CREATE VIRTUAL TABLE w USING words(alpha, beta, 'gamma')")
        var words: [String] = []
        try connection.query("SELECT word FROM w") { words.append($0.text(at: 0) ?? "?") }
        XCTAssertEqual(words, ["alpha", "beta", "'gamma'"], "module arguments arrive as written")
        XCTAssertThrowsError(try connection.scalar("SELECT * FROM words"), "createOnly is not eponymous")

        try connection.execute("CREATE VIRTUAL TABLE broken USING words(ok, fail)")
        XCTAssertThrowsError(try connection.scalar("SELECT count(*) FROM broken")) { error in
            XCTAssertEqual((error as? SQLiteError)?.message, "bad word")
        }
        try connection.execute("DROP TABLE w")
        XCTAssertThrowsError(try connection.scalar("SELECT * FROM w"))
    }

    func testEponymousModuleIsAlsoCreatable() throws {
        try connection.createModule("letters", kind: .eponymous) { arguments in
            WordsSource(arguments.isEmpty ? ["x", "y"] : arguments)
        }
        XCTAssertEqual(try connection.scalar("SELECT group_concat(word) FROM letters"), .text("x,y"))
        try connection.execute("CREATE VIRTUAL TABLE l USING letters(p, q, r)")
        XCTAssertEqual(try connection.scalar("SELECT group_concat(word) FROM l"), .text("p,q,r"))
    }

    func testModuleFactoryErrorFailsCreate() throws {
        struct NoFile: Error, CustomStringConvertible { var description: String { "no such file" } }
        try connection.createModule("files", kind: .createOnly) { _ in throw NoFile() }
        XCTAssertThrowsError(try connection.execute("CREATE VIRTUAL TABLE f USING files('x')")) { error in
            XCTAssertTrue((error as? SQLiteError)?.message.contains("no such file") ?? false, "\(error)")
        }
    }
}
