import XCTest
@testable import HQLSyntax

final class LexerTests: XCTestCase {
    private func lex(_ text: String) -> (tokens: [Token], diagnostics: [Diagnostic], file: SourceFile) {
        let file = SourceFile(name: "t.hql", text: text)
        var diagnostics: [Diagnostic] = []
        let tokens = Lexer.tokenize(file, diagnostics: &diagnostics)
        return (tokens, diagnostics, file)
    }

    private func kinds(_ text: String) -> [TokenKind] {
        lex(text).tokens.map(\.kind).dropLast().map { $0 }
    }

    private func texts(_ text: String) -> [String] {
        let result = lex(text)
        return result.tokens.dropLast().map { result.file.text(of: $0.span) }
    }

    func testKeywordsAreCaseInsensitiveAndWordsFallBackToIdentifiers() {
        XCTAssertEqual(kinds("select SeLeCt FROM customers"),
                       [.keyword(.select), .keyword(.select), .keyword(.from), .identifier])
        XCTAssertEqual(kinds("current_timestamp tblproperties"),
                       [.keyword(.currentTimestamp), .keyword(.tblproperties)])
        XCTAssertEqual(kinds("selects _x x_1"), [.identifier, .identifier, .identifier])
    }

    func testBacktickIdentifiersWithDoubledBackticks() {
        let result = lex("`my col` `a``b`")
        XCTAssertEqual(result.tokens.map(\.kind).dropLast(), [.quotedIdentifier, .quotedIdentifier])
        let second = result.tokens[1].span
        XCTAssertEqual(StringLiteral.decodeQuotedIdentifier(result.file.bytes[second.start..<second.end]), "a`b")
    }

    func testStringsInBothQuotesWithEscapedQuotes() {
        XCTAssertEqual(texts(#"'it\'s' "say \"hi\"" 'a;b'"#), [#"'it\'s'"#, #""say \"hi\"""#, "'a;b'"])
        XCTAssertEqual(kinds(#"'a' "b""#), [.string, .string])
    }

    func testStringEscapesDecodeAsHiveDoes() {
        func decode(_ literal: String) -> String { StringLiteral.decode(ArraySlice(literal.utf8)) }
        XCTAssertEqual(decode(#"'a\nb\tc'"#), "a\nb\tc")
        XCTAssertEqual(decode(#"'\001'"#), "\u{1}")
        XCTAssertEqual(decode(#"'\u00e9t\u00E9'"#), "été")
        XCTAssertEqual(decode(#"'\\'"#), "\\")
        XCTAssertEqual(decode(#"'100\%'"#), "100\\%")
        XCTAssertEqual(decode(#"'a\_b'"#), "a\\_b")
        XCTAssertEqual(decode(#"'\Z\0'"#), "\u{1A}\u{0}")
        XCTAssertEqual(decode(#"'\q'"#), "q")
        XCTAssertEqual(decode(#"'\;'"#), ";")
    }

    func testQuoteRoundTripsThroughDecode() {
        for value in ["plain", "it's", "back\\slash", "tab\there", "\u{1}", "100\\%", "é;`\"", ""] {
            let quoted = StringLiteral.quote(value)
            XCTAssertEqual(StringLiteral.decode(ArraySlice(quoted.utf8)), value, "quote(\(value)) = \(quoted)")
        }
    }

    func testNumbersWithSuffixesAndExponents() {
        XCTAssertEqual(texts("1 1.5 .5 1e10 1.5E-3 10L 3S 7Y 2.5D 1F 3.14BD 1."),
                       ["1", "1.5", ".5", "1e10", "1.5E-3", "10L", "3S", "7Y", "2.5D", "1F", "3.14BD", "1."])
        XCTAssertTrue(kinds("1 1.5 10L 3.14BD").allSatisfy { $0 == .number })
    }

    func testDigitLeadingWordsAreIdentifiers() {
        XCTAssertEqual(kinds("1st_col 2020a"), [.identifier, .identifier])
        XCTAssertEqual(kinds("10Lx"), [.identifier])
    }

    func testFieldAccessAfterSubscriptIsNotANumber() {
        XCTAssertEqual(kinds("a[0].f"), [.identifier, .leftBracket, .number, .rightBracket, .dot, .identifier])
    }

    func testOperators() {
        XCTAssertEqual(kinds("= == != <> <=> < <= > >= + - * / % & | ^ ~ || && ! :: -> : ( ) [ ] , ; ."),
                       [.equal, .equalEqual, .bangEqual, .lessGreater, .nullSafeEqual, .less, .lessEqual, .greater,
                        .greaterEqual, .plus, .minus, .star, .slash, .percent, .ampersand, .pipe, .caret, .tilde,
                        .pipePipe, .ampersandAmpersand, .bang, .doubleColon, .arrow, .colon, .leftParen, .rightParen,
                        .leftBracket, .rightBracket, .comma, .semicolon, .dot])
        XCTAssertEqual(kinds("a DIV b"), [.identifier, .keyword(.div), .identifier])
        XCTAssertEqual(kinds("map<string,array<int>>"),
                       [.keyword(.map), .less, .keyword(.string), .comma, .keyword(.array), .less, .keyword(.int),
                        .greater, .greater])
    }

    func testCommentsAreSkippedAndBlockCommentsNest() {
        XCTAssertEqual(kinds("a -- comment ; here\nb"), [.identifier, .identifier])
        XCTAssertEqual(kinds("a /* outer /* inner */ still ; comment */ b"), [.identifier, .identifier])
        XCTAssertEqual(kinds("a - -1"), [.identifier, .minus, .minus, .number])
    }

    func testSpansAreByteOffsets() {
        let result = lex("SELECT  é, x")
        XCTAssertEqual(result.tokens[0].span, Span(start: 0, end: 6))
        XCTAssertEqual(result.tokens[1].span, Span(start: 8, end: 10))
        XCTAssertEqual(result.file.location(of: result.tokens[3].span.start).column, 12)
    }

    func testUnterminatedStringIsReportedAtItsStart() {
        let result = lex("SELECT\n  'abc")
        XCTAssertEqual(result.diagnostics.map(\.code), ["HQL1001"])
        XCTAssertEqual(result.file.location(of: result.diagnostics[0].span.start).description, "2:3")
        XCTAssertEqual(result.tokens.last?.kind, .endOfFile)
    }

    func testUnterminatedCommentAndIdentifier() {
        XCTAssertEqual(lex("a /* b").diagnostics.map(\.code), ["HQL1004"])
        XCTAssertEqual(lex("`abc").diagnostics.map(\.code), ["HQL1002"])
    }

    func testGarbageBytesYieldOneDiagnosticPerRun() {
        let bytes: [UInt8] = [0x01, 0x02, 0x03, 0x20, 0x41, 0x20, 0x7F, 0x7F]
        let file = SourceFile(name: "bin", bytes: bytes)
        var diagnostics: [Diagnostic] = []
        let tokens = Lexer.tokenize(file, diagnostics: &diagnostics)
        XCTAssertEqual(tokens.map(\.kind), [.invalid, .identifier, .invalid, .endOfFile])
        XCTAssertEqual(diagnostics.count, 2)
    }

    func testInvalidUTF8IsLexedWithoutCrashing() {
        let file = SourceFile(name: "bad", bytes: [0x53, 0xFF, 0xFE, 0x20, 0x27, 0xC3, 0x27])
        var diagnostics: [Diagnostic] = []
        let tokens = Lexer.tokenize(file, diagnostics: &diagnostics)
        XCTAssertEqual(tokens.map(\.kind), [.identifier, .string, .endOfFile])
    }

    func testHugeSingleLineLexesLinearly() {
        let line = String(repeating: "a + ", count: 250_000) + "1"
        let result = lex(line)
        XCTAssertEqual(result.tokens.count, 500_002)
        XCTAssertTrue(result.diagnostics.isEmpty)
    }

    func testEveryKeywordRoundTripsThroughTheTable() {
        for keyword in Keyword.allCases {
            XCTAssertEqual(kinds(keyword.rawValue.lowercased()), [.keyword(keyword)], keyword.rawValue)
        }
    }
}
