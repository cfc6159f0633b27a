import XCTest
@testable import HQLPlanner

/// `grammar/functions.md` is generated from the catalog. This test fails when the committed file differs from
/// what the catalog produces; run with `RECORD_FUNCTIONS_DOC=1` to rewrite it, then review the diff.
final class FunctionCatalogDocTests: XCTestCase {
    private var documentPath: String {
        // Tests/HQLPlannerTests/FunctionCatalogDocTests.swift → the package root.
        var components = "\(#filePath)".split(separator: "/", omittingEmptySubsequences: false)
        components.removeLast(3)
        return components.joined(separator: "/") + "/grammar/functions.md"
    }

    func testCommittedDocumentMatchesCatalog() throws {
        let generated = FunctionCatalog.standard.markdownDocument()
        if ProcessInfo.processInfo.environment["RECORD_FUNCTIONS_DOC"] == "1" {
            try FileManager.default.createDirectory(
                atPath: (documentPath as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try generated.write(toFile: documentPath, atomically: true, encoding: .utf8)
            return
        }
        let committed = try? String(contentsOfFile: documentPath, encoding: .utf8)
        XCTAssertNotNil(committed, "\(documentPath) is missing; run with RECORD_FUNCTIONS_DOC=1")
        guard let committed, committed != generated else { return }
        let old = committed.split(separator: "\n", omittingEmptySubsequences: false)
        let new = generated.split(separator: "\n", omittingEmptySubsequences: false)
        let firstDifference = zip(old, new).enumerated().first { $0.element.0 != $0.element.1 }?.offset
            ?? min(old.count, new.count)
        XCTFail("""
            grammar/functions.md is out of date (first difference at line \(firstDifference + 1)); \
            run RECORD_FUNCTIONS_DOC=1 swift test --filter FunctionCatalogDocTests and commit the result
            """)
    }

    func testDocumentListsEveryFunction() {
        let document = FunctionCatalog.standard.markdownDocument()
        for definition in FunctionCatalog.standard.definitions {
            XCTAssertTrue(document.contains("| `\(definition.name)` |"), definition.name)
        }
    }
}
