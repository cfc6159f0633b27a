import XCTest
@testable import HQLPlanner

/// Arithmetic result types, DECIMAL precision and scale, and literal types. Expected types were checked against
/// Spark 4.3 with `SELECT typeof(...)` (one session, non-ANSI) unless a comment says Hive.
final class OperatorTypingTests: XCTestCase {
    private func dec(_ p: Int, _ s: Int) -> HiveType { .decimal(precision: p, scale: s) }

    func testDecimalArithmetic() throws {
        let cases: [(OperatorTyping.BinaryOperator, HiveType, HiveType, HiveType)] = [
            (.plus, dec(10, 2), dec(5, 3), dec(12, 3)),
            (.minus, dec(10, 2), dec(5, 3), dec(12, 3)),
            (.multiply, dec(10, 2), dec(5, 3), dec(16, 5)),
            (.divide, dec(10, 2), dec(5, 3), dec(19, 8)),
            (.modulo, dec(10, 2), dec(5, 3), dec(5, 3)),
            (.multiply, dec(38, 10), dec(38, 10), dec(38, 6)),
            (.divide, dec(38, 10), dec(38, 10), dec(38, 6)),
            (.plus, dec(38, 0), dec(38, 0), dec(38, 0)),
            (.divide, dec(20, 2), dec(10, 5), dec(36, 13)),
            (.plus, dec(10, 2), .int, dec(13, 2)),       // an INT column is decimal(10,0)
            (.plus, dec(10, 2), .bigint, dec(23, 2)),    // a BIGINT column is decimal(20,0) (Spark; Hive 19)
            (.divide, dec(10, 2), .int, dec(21, 13)),
            (.multiply, dec(10, 2), .tinyint, dec(14, 2)),
            (.divide, .int, dec(5, 2), dec(18, 6)),
            (.plus, dec(10, 2), dec(10, 2), dec(11, 2)),
            (.modulo, .bigint, dec(5, 2), dec(5, 2)),
            (.plus, dec(10, 2), .double, .double),
            (.multiply, dec(10, 2), .float, .double),
            (.plus, dec(10, 2), .string, .double),
        ]
        for (op, a, b, expected) in cases {
            XCTAssertEqual(try OperatorTyping.resultType(of: op, a, b), expected, "\(a) \(op.rawValue) \(b)")
        }
    }

    func testDecimalLiteralOperandsAsSparkTypesThem() throws {
        // Spark types the literal 3 in `d / 3` as decimal(1,0): decimal(10,2) / 3 is decimal(14,6).
        let three = DecimalTyping.decimalType(forIntegerLiteral: 3)
        XCTAssertEqual(three, dec(1, 0))
        XCTAssertEqual(try OperatorTyping.resultType(of: .divide, dec(10, 2), three), dec(14, 6))
        XCTAssertEqual(try OperatorTyping.resultType(of: .plus, dec(10, 2), DecimalTyping.decimalType(forIntegerLiteral: 1)),
                       dec(11, 2))
        // 2.5 * 2.5 with Spark's decimal literals.
        XCTAssertEqual(try OperatorTyping.resultType(of: .multiply, dec(2, 1), dec(2, 1)), dec(5, 2))
        XCTAssertEqual(try OperatorTyping.resultType(of: .plus, dec(1, 1), dec(1, 1)), dec(2, 1))
        XCTAssertEqual(try OperatorTyping.resultType(of: .multiply, dec(10, 2), dec(2, 1)), dec(13, 3))
    }

    func testSumAverageRoundFloor() {
        XCTAssertEqual(DecimalTyping.sum(dec(10, 2)), dec(20, 2))
        XCTAssertEqual(DecimalTyping.sum(dec(30, 2)), dec(38, 2))
        XCTAssertEqual(DecimalTyping.average(dec(10, 2)), dec(14, 6))
        XCTAssertEqual(DecimalTyping.average(dec(36, 2)), dec(38, 6))
        XCTAssertEqual(DecimalTyping.average(dec(38, 36)), dec(38, 38))
        XCTAssertEqual(DecimalTyping.round(dec(10, 3), digits: 1), dec(9, 1))
        XCTAssertEqual(DecimalTyping.round(dec(10, 3), digits: 0), dec(8, 0))
        XCTAssertEqual(DecimalTyping.round(dec(10, 3), digits: 5), dec(11, 3))
        XCTAssertEqual(DecimalTyping.round(dec(10, 3), digits: -2), dec(8, 0))
        XCTAssertEqual(DecimalTyping.round(dec(38, 0), digits: 0), dec(38, 0))
        XCTAssertEqual(DecimalTyping.floorCeil(dec(10, 3)), dec(8, 0))
        XCTAssertEqual(DecimalTyping.adjusted(precision: 77, scale: 20), dec(38, 6))
        XCTAssertEqual(DecimalTyping.adjusted(precision: 40, scale: 2), dec(38, 2))
        XCTAssertEqual(DecimalTyping.adjusted(precision: 40, scale: 10), dec(38, 8))
    }

    func testNumericWidening() throws {
        let cases: [(OperatorTyping.BinaryOperator, HiveType, HiveType, HiveType)] = [
            (.plus, .tinyint, .tinyint, .tinyint),
            (.multiply, .smallint, .tinyint, .smallint),
            (.plus, .tinyint, .smallint, .smallint),
            (.plus, .int, .bigint, .bigint),
            (.plus, .int, .float, .float),
            (.plus, .float, .float, .float),
            (.plus, .float, .double, .double),
            (.divide, .float, .float, .double),
            (.divide, .int, .int, .double),
            (.divide, .bigint, .bigint, .double),
            (.integerDivide, .int, .int, .bigint),
            (.integerDivide, .bigint, .int, .bigint),
            (.integerDivide, dec(10, 2), .int, .bigint),
            (.modulo, .int, .int, .int),
            (.modulo, .bigint, .int, .bigint),
            (.modulo, .int, .double, .double),
            (.plus, .string, .int, .double),
            (.plus, .string, dec(2, 1), .double),
            (.multiply, .string, .string, .double),
            (.bitwiseAnd, .int, .bigint, .bigint),
            (.bitwiseXor, .tinyint, .tinyint, .tinyint),
            (.plus, .void, .int, .int),
            (.plus, .void, .void, .double),
            (.divide, .tinyint, .tinyint, .double),
            (.modulo, .float, .int, .float),
            (.bitwiseAnd, .int, .bigint, .bigint),
        ]
        for (op, a, b, expected) in cases {
            XCTAssertEqual(try OperatorTyping.resultType(of: op, a, b), expected, "\(a) \(op.rawValue) \(b)")
        }
    }

    func testRejectedOperands() {
        let cases: [(OperatorTyping.BinaryOperator, HiveType, HiveType, String)] = [
            (.plus, .boolean, .int, "operator '+' cannot be applied to boolean"),
            (.integerDivide, .float, .int, "operator 'DIV' cannot be applied to float and int"),
            (.integerDivide, .string, .int, "operator 'DIV' cannot be applied to string and int"),
            (.bitwiseOr, .double, .int, "operator '|' cannot be applied to double and int"),
            (.multiply, .array(.int), .int, "operator '*' cannot be applied to array<int>"),
            (.plus, .date, .date, "operator '+' cannot be applied to date and date"),
            (.plus, .binary, .binary, "operator '+' cannot be applied to binary"),
        ]
        for (op, a, b, message) in cases {
            XCTAssertThrowsError(try OperatorTyping.resultType(of: op, a, b)) { error in
                XCTAssertEqual((error as? HiveTypeError)?.message, message)
            }
        }
    }

    func testDateAndIntervalArithmetic() throws {
        XCTAssertEqual(try OperatorTyping.resultType(of: .plus, .date, .int), .date)
        XCTAssertEqual(try OperatorTyping.resultType(of: .minus, .date, .int), .date)
        XCTAssertEqual(try OperatorTyping.resultType(of: .plus, .int, .date), .date)
        XCTAssertEqual(try OperatorTyping.resultType(of: .minus, .date, .date), .intervalDayTime)
        XCTAssertEqual(try OperatorTyping.resultType(of: .minus, .timestamp, .timestamp), .intervalDayTime)
        XCTAssertEqual(try OperatorTyping.resultType(of: .plus, .timestamp, .intervalDayTime), .timestamp)
        XCTAssertEqual(try OperatorTyping.resultType(of: .plus, .date, .intervalYearMonth), .date)
        XCTAssertEqual(try OperatorTyping.resultType(of: .plus, .date, .intervalDayTime), .timestamp)
        XCTAssertEqual(try OperatorTyping.resultType(of: .plus, .intervalYearMonth, .intervalYearMonth),
                       .intervalYearMonth)
        XCTAssertEqual(try OperatorTyping.resultType(of: .multiply, .intervalDayTime, .int), .intervalDayTime)
        XCTAssertThrowsError(try OperatorTyping.resultType(of: .minus, .int, .date))
        XCTAssertEqual(try OperatorTyping.unaryResultType(negating: .tinyint), .tinyint)
        XCTAssertEqual(try OperatorTyping.unaryResultType(negating: .string), .double)
        XCTAssertEqual(try OperatorTyping.unaryResultType(negating: .bigint, bitwise: true), .bigint)
        XCTAssertThrowsError(try OperatorTyping.unaryResultType(negating: .double, bitwise: true))
    }

    func testLiteralTypes() throws {
        let cases: [(String, NumericSuffixCase, HiveType)] = [
            ("1", .none, .int), ("2147483647", .none, .int), ("2147483648", .none, .bigint),
            ("9223372036854775807", .none, .bigint), ("9223372036854775808", .none, dec(19, 0)),
            ("2.5", .none, dec(2, 1)), ("0.1", .none, dec(1, 1)), ("0.001", .none, dec(3, 3)),
            ("100.0", .none, dec(4, 1)), ("1e3", .none, .double), ("1.5E-2", .none, .double),
            ("1", .y, .tinyint), ("1", .s, .smallint), ("1", .l, .bigint), ("1", .d, .double), ("1", .f, .float),
            ("1", .bd, dec(1, 0)), ("1.5", .bd, dec(2, 1)), ("-127", .y, .tinyint),
        ]
        for (text, suffix, expected) in cases {
            XCTAssertEqual(try OperatorTyping.literalType(text: text, suffix: suffix.value), expected,
                           "\(text)\(suffix)")
        }
        XCTAssertEqual(try OperatorTyping.literalType(text: "2.5", suffix: nil, dialect: .hive), .double)
        XCTAssertEqual(try OperatorTyping.literalType(text: "1" + String(repeating: "0", count: 40), suffix: nil),
                       .double)
        XCTAssertThrowsError(try OperatorTyping.literalType(text: "128", suffix: .tinyint))
        XCTAssertThrowsError(try OperatorTyping.literalType(text: "40000", suffix: .smallint))
        XCTAssertThrowsError(try OperatorTyping.literalType(text: "1.5", suffix: .bigint))
    }
}

import HQLSyntax

/// Short names for suffixes in the literal table.
private enum NumericSuffixCase {
    case none, y, s, l, d, f, bd
    var value: NumericSuffix? {
        switch self {
        case .none: return nil
        case .y: return .tinyint
        case .s: return .smallint
        case .l: return .bigint
        case .d: return .double
        case .f: return .float
        case .bd: return .decimal
        }
    }
}
