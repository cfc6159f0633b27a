import Foundation
import XCTest
@testable import HQLSyntax

/// Keeps `grammar/keywords.md` and `Keyword` from drifting apart: every keyword is listed once, in the right
/// section, and every listed word is a keyword.
final class KeywordListTests: XCTestCase {
    /// `grammar/keywords.md`, found from this file: `<package>/Tests/HQLSyntaxTests/KeywordListTests.swift`.
    private static let keywordsFile = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()
        .deletingLastPathComponent()
        .deletingLastPathComponent()
        .appendingPathComponent("grammar/keywords.md")

    /// The words between `<!-- BEGIN name -->` and `<!-- END name -->`, in order (duplicates kept).
    private func words(in text: String, section name: String) throws -> [String] {
        let begin = "<!-- BEGIN \(name) -->"
        let end = "<!-- END \(name) -->"
        let startRange = try XCTUnwrap(text.range(of: begin), "keywords.md has no \(begin) marker")
        let endRange = try XCTUnwrap(text.range(of: end, range: startRange.upperBound..<text.endIndex),
                                     "keywords.md has no \(end) marker after \(begin)")
        let body = text[startRange.upperBound..<endRange.lowerBound]
        return body.split(whereSeparator: { !($0.isLetter || $0 == "_") })
            .map(String.init)
            .filter { $0 != "text" }  // the fence's language tag
    }

    private func loadLists() throws -> (reserved: [String], nonReserved: [String]) {
        let text = try String(contentsOf: KeywordListTests.keywordsFile, encoding: .utf8)
        return (try words(in: text, section: "RESERVED KEYWORDS"), try words(in: text, section: "NON-RESERVED KEYWORDS"))
    }

    func testReservedListMatchesKeywordEnum() throws {
        let listed = try loadLists().reserved
        let expected = Set(Keyword.reservedKeywords.map(\.rawValue))
        let missing = expected.subtracting(listed).sorted()
        let extra = Set(listed).subtracting(expected).sorted()
        XCTAssertEqual(missing, [], "reserved in Keyword.swift but not listed as reserved in grammar/keywords.md")
        XCTAssertEqual(extra, [], "listed as reserved in grammar/keywords.md but not reserved in Keyword.swift")
    }

    func testNonReservedListMatchesKeywordEnum() throws {
        let listed = try loadLists().nonReserved
        let expected = Set(Keyword.allCases.filter { !$0.isReserved }.map(\.rawValue))
        let missing = expected.subtracting(listed).sorted()
        let extra = Set(listed).subtracting(expected).sorted()
        XCTAssertEqual(missing, [], "non-reserved in Keyword.swift but not listed as non-reserved in grammar/keywords.md")
        XCTAssertEqual(extra, [], "listed as non-reserved in grammar/keywords.md but not a non-reserved keyword")
    }

    func testEveryKeywordIsListedExactlyOnce() throws {
        let (reserved, nonReserved) = try loadLists()
        let all = reserved + nonReserved
        var counts: [String: Int] = [:]
        for word in all { counts[word, default: 0] += 1 }
        XCTAssertEqual(counts.filter { $0.value > 1 }.keys.sorted(), [], "keywords listed more than once")
        XCTAssertEqual(all.count, Keyword.allCases.count)
        XCTAssertEqual(all.filter { $0 != $0.uppercased() }, [], "keywords are listed in upper case")
    }

    func testListedWordsLexAsKeywords() throws {
        let (reserved, nonReserved) = try loadLists()
        for word in reserved + nonReserved {
            var diagnostics: [Diagnostic] = []
            let tokens = Lexer.tokenize(SourceFile(name: "k", text: word.lowercased()), diagnostics: &diagnostics)
            XCTAssertEqual(tokens.first?.kind, Keyword(rawValue: word).map { .keyword($0) }, word)
        }
    }
}
