import Foundation
import XCTest

/// `hqlrun` with a script piped to stdin: no prompt, no echo, no history; results only on stdout; stops at the
/// first error with exit 1 unless `--force` / `hive.cli.errors.ignore=true`, which still exit 1.
final class BatchModeTests: XCTestCase {
    private var folder = ""

    override func setUpWithError() throws {
        folder = NSTemporaryDirectory() + "hqlrun-batch-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: folder)
    }

    private struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    private func run(_ script: String, _ arguments: [String] = []) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try TerminalSession.binaryPath())
        process.arguments = arguments
        process.environment = ["HOME": folder, "HQLRUN_HISTORY": folder + "/history", "HQLRUN_WAREHOUSE": folder + "/warehouse",
                               "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"]
        let input = Pipe(), output = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        input.fileHandleForWriting.write(Data(script.utf8))
        try input.fileHandleForWriting.close()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: out, as: UTF8.self),
                   stderr: String(decoding: err, as: UTF8.self))
    }

    private let script = """
    -- settings first
    SET a=1;
    SET a;
    SET b = two words ; SET b;
    SELEC 1;
    SET c=3;
    SET c;

    """

    func testPipedScriptPrintsResultsOnlyAndStopsAtTheFirstError() throws {
        let result = try run(script)
        XCTAssertEqual(result.stdout, "a=1\nb=two words\n")
        XCTAssertEqual(result.stderr, """
        <stdin>:5:1: error: unknown statement 'SELEC'; did you mean SELECT? [HQL2040]
        SELEC 1;
        ^~~~~

        """)
        XCTAssertEqual(result.status, 1)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder + "/history"), "batch input is never recorded")
    }

    func testForceKeepsGoingButStillExitsOne() throws {
        let forced = try run(script, ["--force"])
        XCTAssertEqual(forced.stdout, "a=1\nb=two words\nc=3\n")
        XCTAssertEqual(forced.status, 1)
        let ignored = try run(script, ["--hiveconf", "hive.cli.errors.ignore=true"])
        XCTAssertEqual(ignored.stdout, "a=1\nb=two words\nc=3\n")
        XCTAssertEqual(ignored.status, 1)
    }

    func testCleanScriptExitsZero() throws {
        let result = try run("SET x=1;\nSET x;\nCREATE DATABASE sales;\nUSE sales;\nquit;\nSET y;\n", ["-S"])
        XCTAssertEqual(result.stdout, "x=1\n")
        XCTAssertEqual(result.stderr, "")
        XCTAssertEqual(result.status, 0)
    }
}
