import Foundation
import XCTest

@testable import DynamoDBEmulation

/// Numbers (§7.2), DynamoDB JSON, item sizes and value rules (§7.1).
final class ModelTests: XCTestCase {
    func testNumberCanonicalisationTable() throws {
        let cases: [(String, String)] = [
            ("1.50", "1.5"), ("00042", "42"), ("1.0", "1"), ("1.5E2", "150"), ("-0", "0"), ("1.0E-5", "0.00001"),
            ("1.0E10", "10000000000"), ("0.000", "0"), ("-1.250", "-1.25"), ("+7", "7"), ("123.456e1", "1234.56"),
            ("1e0", "1"), ("-0.0010", "-0.001"), (".5", "0.5"), ("5.", "5"), ("100", "100"), ("1E2", "100"),
        ]
        for (input, expected) in cases {
            XCTAssertEqual(try DynamoNumber.canonical(input), expected, "canonical(\(input))")
        }
        XCTAssertEqual(try DynamoNumber.canonical("1E+100"), "1" + String(repeating: "0", count: 100))
        XCTAssertEqual(try DynamoNumber.canonical("1E-130"), "0." + String(repeating: "0", count: 129) + "1")
    }

    func testNumberLimits() {
        let thirtyEight = String(repeating: "9", count: 38)
        XCTAssertNoThrow(try DynamoNumber.canonical(thirtyEight))
        XCTAssertNoThrow(try DynamoNumber.canonical("9.9999999999999999999999999999999999999E+125"))
        // Trailing zeros are not significant.
        XCTAssertNoThrow(try DynamoNumber.canonical("1" + String(repeating: "0", count: 60)))
        assertValidation(try DynamoNumber.canonical(thirtyEight + "9"), contains: "38 significant digits")
        assertValidation(try DynamoNumber.canonical("1E126"), contains: "Number overflow")
        assertValidation(try DynamoNumber.canonical("-1E126"), contains: "Number overflow")
        assertValidation(try DynamoNumber.canonical("1E-131"), contains: "Number underflow")
        for bad in ["NaN", "Infinity", "-Infinity", "", "abc", "1e", "1.2.3", "--1", "1x"] {
            assertValidation(try DynamoNumber.canonical(bad), contains: "cannot be converted into a number")
        }
    }

    func testNumberKeyOrderIsNumeric() throws {
        let texts = ["-100", "-1.5", "-1", "-0.001", "0", "0.001", "1", "1.5", "2", "10", "100", "1E20"]
        let encoded = try texts.map { DynamoNumber.orderedBytes(try DynamoNumber.parse($0)) }
        for index in 1..<encoded.count {
            XCTAssertTrue(encoded[index - 1].lexicographicallyPrecedes(encoded[index]), "\(texts[index - 1]) < \(texts[index])")
        }
        XCTAssertEqual(
            DynamoNumber.orderedBytes(try DynamoNumber.parse("1")), DynamoNumber.orderedBytes(try DynamoNumber.parse("1.0")))
    }

    func testDynamoDBJSONRoundTrip() throws {
        let text = #"{"s":{"S":"x\n\"y\""},"n":{"N":"1.50"},"b":{"B":"AAEC"},"t":{"BOOL":true},"z":{"NULL":true},"#
            + #""l":{"L":[{"S":"a"},{"N":"2"}]},"m":{"M":{"k":{"S":"v"}}},"ss":{"SS":["b","a"]},"ns":{"NS":["2","1"]},"#
            + #""bs":{"BS":["AQ=="]}}"#
        let item = try AttributeValue.item(jsonText: text)
        XCTAssertEqual(item["b"], .b([0, 1, 2]))
        XCTAssertEqual(item["n"], .n("1.50"))
        XCTAssertEqual(item["l"], .l([.s("a"), .n("2")]))
        XCTAssertEqual(item["s"], .s("x\n\"y\""))
        let normalized = try ItemRules.normalize(item)
        XCTAssertEqual(normalized["n"], .n("1.5"))
        XCTAssertEqual(normalized["ss"], .ss(["a", "b"]))
        XCTAssertEqual(normalized["ns"], .ns(["1", "2"]))
        let again = try AttributeValue.item(jsonText: AttributeValue.itemJSON(normalized).compactText)
        XCTAssertEqual(again, normalized)
        XCTAssertEqual(AttributeValue.s("é\u{1}").json.compactText, #"{"S":"é\u0001"}"#)
        // The EMR whole-item tag casing is accepted only on request.
        XCTAssertEqual(try AttributeValue(json: JSONValue.parse(#"{"bOOL":true}"#), anyTagCase: true), .bool(true))
        assertValidation(try AttributeValue(json: JSONValue.parse(#"{"bOOL":true}"#)), contains: "unknown type")
        assertValidation(try AttributeValue(json: JSONValue.parse(#"{"S":"a","N":"1"}"#)), contains: "exactly one")
        assertValidation(try AttributeValue(json: JSONValue.parse(#"{"NULL":false}"#)), contains: "value of true")
    }

    func testPrettyJSONMatchesAWSCLI() throws {
        let value = JSONValue.object([("Items", .array([])), ("Count", .integer(0)), ("Map", .object([])),
                                      ("L", .array([.string("a")]))])
        XCTAssertEqual(value.prettyText(), """
            {
                "Items": [],
                "Count": 0,
                "Map": {},
                "L": [
                    "a"
                ]
            }
            """)
        XCTAssertThrowsError(try JSONValue.parse("{\"a\": }"))
        XCTAssertEqual(try JSONValue.parse(#" {"a": [1, -2.5e3, "\u00e9\ud83d\ude00"]} "#)["a"],
                       .array([.number("1"), .number("-2.5e3"), .string("é😀")]))
    }

    func testItemSizes() {
        XCTAssertEqual(ItemRules.size(of: ["name": .s("abc")]), 4 + 3)
        XCTAssertEqual(ItemRules.size(of: ["n": .n("12345")]), 1 + 4)
        XCTAssertEqual(ItemRules.size(of: ["n": .n("0")]), 1 + 1)
        XCTAssertEqual(ItemRules.size(of: ["b": .b([1, 2, 3])]), 1 + 3)
        XCTAssertEqual(ItemRules.size(of: ["t": .bool(true), "z": .null]), 2 + 2)
        XCTAssertEqual(ItemRules.size(of: ["l": .l([])]), 1 + 3)
        XCTAssertEqual(ItemRules.size(of: ["l": .l([.s("ab"), .null])]), 1 + 3 + (1 + 2) + (1 + 1))
        XCTAssertEqual(ItemRules.size(of: ["m": .m(["k": .s("v")])]), 1 + 3 + 1 + 1 + 1)
        XCTAssertEqual(ItemRules.size(of: ["ss": .ss(["a", "bc"])]), 2 + 3)
        XCTAssertEqual(ItemRules.size(of: ["é": .s("é")]), 2 + 2)
    }

    func testSetRules() {
        assertValidation(try ItemRules.normalize(.ss([])), contains: "An string set  may not be empty")
        assertValidation(try ItemRules.normalize(.ns([])), contains: "An number set  may not be empty")
        assertValidation(try ItemRules.normalize(.ss(["a", "a"])), contains: "Input collection [a, a] contains duplicates")
        // Numbers compare by value: 1 and 1.0 are duplicates.
        assertValidation(try ItemRules.normalize(.ns(["1", "1.0"])), contains: "contains duplicates")
        assertValidation(try ItemRules.normalize(.bs([[1], [1]])), contains: "contains duplicates")
        XCTAssertEqual(try ItemRules.normalize(.ss([""])), .ss([""]))
        XCTAssertEqual(try ItemRules.normalize(.l([.ns(["010", "2"])])), .l([.ns(["2", "10"])]))
        var nested = AttributeValue.s("x")
        for _ in 0..<33 { nested = .l([nested]) }
        assertValidation(try ItemRules.normalize(nested), contains: "Nesting Levels")
    }

    func testCodecRoundTripAndCanonicalBytes() throws {
        let item: Item = ["a": .s("x"), "b": .m(["y": .n("1"), "x": .l([.bool(false), .null, .b([])])]),
                          "c": .bs([[0], [255]]), "d": .ns(["1", "-2"]), "e": .ss(["q"])]
        let encoded = ItemCodec.encode(item)
        XCTAssertEqual(try ItemCodec.decode(encoded), item)
        var reordered: Item = [:]
        for name in item.keys.reversed() { reordered[name] = item[name] }
        XCTAssertEqual(ItemCodec.encode(reordered), encoded)
        XCTAssertThrowsError(try ItemCodec.decode([5, 1]))
    }
}

/// Asserts that `expression` throws a `ValidationException` whose message contains `fragment`.
func assertValidation<T>(
    _ expression: @autoclosure () throws -> T, contains fragment: String, code: DynamoDBError.Code = .validation,
    file: StaticString = #filePath, line: UInt = #line
) {
    XCTAssertThrowsError(try expression(), file: file, line: line) { error in
        guard let error = error as? DynamoDBError else {
            return XCTFail("not a DynamoDBError: \(error)", file: file, line: line)
        }
        XCTAssertEqual(error.code, code, file: file, line: line)
        XCTAssertTrue(error.description.contains(fragment), "'\(error.description)' lacks '\(fragment)'", file: file, line: line)
    }
}

/// The EMR whole-item format.
final class WholeItemFormatTests: XCTestCase {
    func testSDKV1CasingRoundTrips() throws {
        let value = AttributeValue.m(["a": .bool(true), "b": .null, "c": .l([.ns(["1"]), .s("x")]), "d": .bs([[1]])])
        XCTAssertEqual(value.sdkV1JSON.compactText,
                       #"{"m":{"a":{"bOOL":true},"b":{"nULL":true},"c":{"l":[{"nS":["1"]},{"s":"x"}]},"d":{"bS":["AQ=="]}}}"#)
        XCTAssertEqual(try AttributeValue(json: value.sdkV1JSON, anyTagCase: true), value)
    }
}
