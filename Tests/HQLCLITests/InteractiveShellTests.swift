import ArgumentParser
import Synchronization
import XCTest
#if canImport(Glibc)
import Glibc
#endif
@testable import HQLCLI

/// How many times the test cancel function ran, and with which context.
private let cancelCalls = Atomic<Int>(0)
private let lastContext = Atomic<UInt>(0)

private func testCancel(_ context: UnsafeMutableRawPointer?) {
    cancelCalls.add(1, ordering: .relaxed)
    lastContext.store(UInt(bitPattern: context), ordering: .relaxed)
}

/// A line reader that replays scripted input and records history, so the shell's logic runs without a terminal.
private struct ScriptedReader: LineReader {
    var inputs: [LineInput]
    var prompts: [String] = []
    var history: [String] = []
    var pendingTexts: [String] = []

    mutating func readLine(prompt: String) -> LineInput {
        prompts.append(prompt)
        return inputs.isEmpty ? .endOfInput : inputs.removeFirst()
    }

    mutating func addHistory(_ entry: String) { history.append(entry) }
    func saveHistory() {}
    mutating func prepareCompletion(pendingText: String, completer: SQLCompleter) { pendingTexts.append(pendingText) }
    func echo(_ text: String) {}
}

/// The shell loop over a scripted reader, and the Ctrl-C canceller.
final class InteractiveShellTests: XCTestCase {
    private func shell(_ inputs: [LineInput], arguments: [String] = []) throws -> InteractiveShell<ScriptedReader> {
        let options = try SessionOptions.parse(arguments)
        return InteractiveShell(runner: ScriptRunner(options: options, environment: [:]),
                                reader: ScriptedReader(inputs: inputs), completer: SQLCompleter())
    }

    func testMultiLineStatementIsOneHistoryEntryAndRunsWhenComplete() throws {
        var shell = try shell([.line("SET a ="), .line("  'x;y'"), .line(";"), .line("SET b=1; SET c=2;")])
        shell.run()
        XCTAssertEqual(shell.runner.scope.hiveconf["a"], "'x;y'")
        XCTAssertEqual(shell.runner.scope.hiveconf["c"], "2")
        XCTAssertEqual(shell.reader.history, ["SET a =\n  'x;y'\n;", "SET b=1; SET c=2;"])
        XCTAssertEqual(shell.reader.prompts.prefix(3), ["hqlrun (default)> ", "                > ", "                > "])
        XCTAssertEqual(shell.reader.pendingTexts[2], "SET a =\n  'x;y'\n", "completion sees the earlier lines")
    }

    func testInterruptDropsThePartialStatement() throws {
        var shell = try shell([.line("SET a="), .interrupted, .line("SET b=2;")])
        shell.run()
        XCTAssertNil(shell.runner.scope.hiveconf["a"])
        XCTAssertEqual(shell.runner.scope.hiveconf["b"], "2")
        XCTAssertEqual(shell.reader.history, ["SET b=2;"])
    }

    func testQuitStopsReadingAndUseChangesThePrompt() throws {
        var shell = try shell([.line("CREATE DATABASE sales;"), .line("USE sales;"), .line("quit"), .line("SET late=1;")],
                              arguments: ["--memory"])
        XCTAssertEqual(shell.prompt, "hqlrun (default)> ")
        shell.run()
        XCTAssertEqual(shell.reader.prompts, ["hqlrun (default)> ", "hqlrun (default)> ", "hqlrun (sales)> "])
        XCTAssertNil(shell.runner.scope.hiveconf["late"])
    }

    func testErrorsDoNotStopTheShellAndCommentsAreDropped() throws {
        var shell = try shell([.line("-- just a comment"), .line("SELEC 1;"), .line("SET after=1;"), .line("exit;")])
        shell.run()
        XCTAssertEqual(shell.runner.scope.hiveconf["after"], "1")
        XCTAssertEqual(shell.reader.prompts.first, "hqlrun (default)> ")
        XCTAssertEqual(shell.reader.prompts[1], "hqlrun (default)> ", "a comment-only line does not continue")
    }

    func testResetReturnsToTheCommandLineConfiguration() throws {
        var shell = try shell([.line("SET hqlrun.output.format=json;"), .line("SET k=1;"), .line("RESET;")],
                              arguments: ["--hiveconf", "k=0"])
        shell.run()
        XCTAssertEqual(shell.runner.scope.hiveconf, ["k": "0"])
    }

    func testHelpListsCommandsKeysAndSettings() {
        let help = InteractiveShell<ScriptedReader>.helpText
        for word in ["source FILE", "Ctrl-R", "Tab", "hqlrun.output.format", "hive.cli.print.header", "hqlrun.pager"] {
            XCTAssertTrue(help.contains(word), word)
        }
    }

    // MARK: - QueryCanceller

    func testCancellerCallsTheRegisteredFunctionAndCountsPresses() {
        QueryCanceller.takeInterrupt()
        let before = cancelCalls.load(ordering: .relaxed)
        var token = 7
        withUnsafeMutablePointer(to: &token) { pointer in
            QueryCanceller.whileRunning(cancel: testCancel, context: pointer) {
                QueryCanceller.handleInterrupt()
            }
            XCTAssertEqual(lastContext.load(ordering: .relaxed), UInt(bitPattern: pointer))
        }
        XCTAssertEqual(cancelCalls.load(ordering: .relaxed), before + 1)
        XCTAssertTrue(QueryCanceller.isInterrupted)
        XCTAssertTrue(QueryCanceller.takeInterrupt())
        XCTAssertFalse(QueryCanceller.takeInterrupt())
        // Unregistered after the statement: a press only sets the flag.
        QueryCanceller.handleInterrupt()
        XCTAssertEqual(cancelCalls.load(ordering: .relaxed), before + 1)
        XCTAssertTrue(QueryCanceller.takeInterrupt())
    }

    func testSignalReachesTheHandler() {
        QueryCanceller.install()
        QueryCanceller.takeInterrupt()
        let before = cancelCalls.load(ordering: .relaxed)
        QueryCanceller.register(testCancel, context: nil)
        defer { QueryCanceller.unregister() }
        raise(SIGINT)
        XCTAssertTrue(QueryCanceller.takeInterrupt())
        XCTAssertEqual(cancelCalls.load(ordering: .relaxed), before + 1)
    }
}
