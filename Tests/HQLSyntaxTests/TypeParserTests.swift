import XCTest
@testable import HQLSyntax

final class TypeParserTests: XCTestCase {
    private func check(_ text: String, _ expected: DataType, file: StaticString = #filePath, line: UInt = #line) {
        do {
            let type = try ProductionHarness.type(text)
            XCTAssertEqual(type, expected, text, file: file, line: line)
        } catch {
            XCTFail("\(text): \(error)", file: file, line: line)
        }
    }

    private func checkError(_ marked: String, code: String = "HQL2010", _ message: String,
                            file: StaticString = #filePath, line: UInt = #line) {
        guard let (diagnostic, offset) = ProductionHarness.failure(marked, { _ = try ProductionHarness.type($0) },
                                                                 file: file, line: line) else { return }
        XCTAssertEqual(diagnostic.code, code, diagnostic.message, file: file, line: line)
        XCTAssertTrue(diagnostic.message.contains(message), "'\(diagnostic.message)' lacks '\(message)'",
                      file: file, line: line)
        XCTAssertEqual(diagnostic.span.start, offset, "position of: \(diagnostic.message)", file: file, line: line)
    }

    func testPrimitiveTypesAndSynonyms() {
        check("TINYINT", .tinyint)
        check("smallint", .smallint)
        check("INT", .int)
        check("INTEGER", .int)
        check("BIGINT", .bigint)
        check("FLOAT", .float)
        check("REAL", .float)
        check("DOUBLE", .double)
        check("DOUBLE PRECISION", .double)
        check("STRING", .string)
        check("BOOLEAN", .boolean)
        check("BINARY", .binary)
        check("DATE", .date)
        check("TIMESTAMP", .timestamp)
        check("LONG", .bigint)
        check("SHORT", .smallint)
        check("BYTE", .tinyint)
    }

    func testParameterisedTypes() {
        check("DECIMAL", .decimal(precision: nil, scale: nil))
        check("DECIMAL(10)", .decimal(precision: 10, scale: nil))
        check("DECIMAL(10, 2)", .decimal(precision: 10, scale: 2))
        check("DEC(5,1)", .decimal(precision: 5, scale: 1))
        check("NUMERIC(38, 18)", .decimal(precision: 38, scale: 18))
        check("VARCHAR(255)", .varchar(255))
        check("CHAR(1)", .char(1))
        check("INTERVAL", .interval(from: nil, to: nil))
        check("INTERVAL DAY TO SECOND", .interval(from: .day, to: .second))
    }

    func testComplexTypes() {
        check("ARRAY<INT>", .array(.int))
        check("ARRAY<ARRAY<STRING>>", .array(.array(.string)))
        check("MAP<STRING, BIGINT>", .map(key: .string, value: .bigint))
        check("MAP<STRING,ARRAY<MAP<INT,STRING>>>", .map(key: .string, value: .array(.map(key: .int, value: .string))))
        check("STRUCT<a:INT, b:STRING COMMENT 'the b'>", .struct([
            StructField(name: Identifier("a"), type: .int),
            StructField(name: Identifier("b"), type: .string, comment: "the b"),
        ]))
        check("STRUCT<date: DATE, `end`: TIMESTAMP>", .struct([
            StructField(name: Identifier("date"), type: .date),
            StructField(name: Identifier("end"), type: .timestamp),
        ]))
        check("STRUCT<x INT>", .struct([StructField(name: Identifier("x"), type: .int)]))
        check("STRUCT<>", .struct([]))
        check("UNIONTYPE<INT, STRING, ARRAY<DOUBLE>>", .union([.int, .string, .array(.double)]))
        check("ARRAY<STRUCT<k:STRING,v:MAP<STRING,DECIMAL(10,2)>>>", .array(.struct([
            StructField(name: Identifier("k"), type: .string),
            StructField(name: Identifier("v"), type: .map(key: .string, value: .decimal(precision: 10, scale: 2))),
        ])))
    }

    func testErrors() {
        checkError("1️⃣STRNG", "expected data type, found 'STRNG'; did you mean STRING?")
        checkError("ARRAY<INT1️⃣", code: "HQL2003", "expected '>' to close the ARRAY<..> opened at 1:6")
        checkError("MAP<STRING1️⃣>", "expected ',' between the key and value types of MAP<..>")
        checkError("VARCHAR1️⃣", "expected '(' and a length after VARCHAR")
        checkError("DECIMAL(1️⃣p)", "expected DECIMAL precision")
        checkError("STRUCT<a:INT 1️⃣b:STRING>", code: "HQL2003", "STRUCT<..>")
        checkError("ARRAY1️⃣(INT)", "expected '<' after ARRAY")
        checkError("1️⃣42", "expected data type, found '42'")
    }

    func testDeepTypesAreADiagnostic() {
        let text = String(repeating: "ARRAY<", count: 5_000) + "INT" + String(repeating: ">", count: 5_000)
        XCTAssertThrowsError(try ProductionHarness.type(text)) { error in
            XCTAssertEqual((error as? Diagnostic)?.code, "HQL2004")
        }
    }
}
