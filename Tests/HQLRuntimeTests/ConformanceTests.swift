import XCTest
@testable import HQLRuntime

/// Runs the Spark-generated conformance corpus (queries/conformance) and reports the pass rate.
/// The expected outputs come from Spark (scripts/spark_oracle.py), never from hqlrun.
final class ConformanceTests: XCTestCase {
    /// The number of cases known to pass; the test fails if fewer pass (raise it as the engine grows).
    static let passingBaseline = 466

    private var resultsFolder: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("queries/conformance/results")
    }

    func testConformanceCorpus() throws {
        let files = try FileManager.default.contentsOfDirectory(at: resultsFolder, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "out" }.sorted { $0.lastPathComponent < $1.lastPathComponent }
        XCTAssertGreaterThanOrEqual(files.count, 20)
        var passed = 0
        var total = 0
        var report = ""
        for url in files {
            let transcript = ConformanceFile(text: try String(contentsOf: url, encoding: .utf8))
            let caseFolder = resultsFolder.deletingLastPathComponent().appendingPathComponent("cases").path
            let outcomes = try ConformanceRunner().run(transcript, name: url.lastPathComponent, caseFolder: caseFolder)
            let filePassed = outcomes.filter(\.passed).count
            passed += filePassed
            total += outcomes.count
            report += "\(url.lastPathComponent): \(filePassed)/\(outcomes.count)\n"
            if ProcessInfo.processInfo.environment["HQLRUN_CONFORMANCE_VERBOSE"] != nil {
                for outcome in outcomes where !outcome.passed {
                    report += "  line \(outcome.line): \(outcome.sql.prefix(120))\n    "
                        + outcome.detail.split(separator: "\n").prefix(6).joined(separator: "\n    ") + "\n"
                }
            }
        }
        let rate = total == 0 ? 0 : Double(passed) * 100 / Double(total)
        print(report + "conformance: \(passed) passed, \(total - passed) failed (\(String(format: "%.1f", rate)) %)")
        XCTAssertGreaterThanOrEqual(passed, Self.passingBaseline, "conformance regressed")
        XCTAssertGreaterThanOrEqual(total, 200)
    }
}
