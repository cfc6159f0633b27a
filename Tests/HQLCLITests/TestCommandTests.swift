import Foundation
import XCTest
@testable import HQLCLI
import HQLRuntime

/// `hqlrun test` over tiny transcripts written here by hand (7 / 2 is 3.5 in Hive and Spark).
final class TestCommandTests: XCTestCase {
    private func folder(with transcript: String) throws -> String {
        let folder = NSTemporaryDirectory() + "hqlrun-golden-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder + "/results", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: folder + "/cases", withIntermediateDirectories: true)
        try transcript.write(toFile: folder + "/results/t.sql.out", atomically: true, encoding: .utf8)
        return folder
    }

    func testMatchingTranscriptPasses() throws {
        let folder = try folder(with: "-- !query\nSELECT 7 / 2, 7 DIV 2\n-- !query output\n3.5\t3\n")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        XCTAssertNoThrow(try TestCommand.parse([folder]).run())
    }

    func testMismatchFailsAndShowsTheDifference() throws {
        let folder = try folder(with: "-- !query\nSELECT 7 / 2\n-- !query output\n3\n")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        XCTAssertThrowsError(try TestCommand.parse([folder]).run())
        let outcome = ConformanceRunnerOutcomeForTest.outcome(sql: "SELECT 7 / 2", detail: "expected:\n3\nactual:\n3.5")
        XCTAssertEqual(TestCommand.report(outcome), "  t.sql.out:1: SELECT 7 / 2\n    - 3\n    + 3.5\n")
    }

    func testExpectedErrorPassesOnlyWhenHqlrunFails() throws {
        let folder = try folder(with: "-- !query\nSELECT * FROM missing\n-- !query error\n[TABLE_OR_VIEW_NOT_FOUND] x\n")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        XCTAssertNoThrow(try TestCommand.parse([folder]).run())
    }
}

enum ConformanceRunnerOutcomeForTest {
    static func outcome(sql: String, detail: String) -> ConformanceRunner.Outcome {
        ConformanceRunner.Outcome(file: "t.sql.out", line: 1, sql: sql, passed: false, detail: detail)
    }
}
