import XCTest
@testable import HiveValues

/// The spark-sql CLI text of values and the JSON storage form. "Spark" marks output of the Spark 4.3 CLI rules.
final class HiveValueTextTests: XCTestCase {
    private func d(_ s: String) -> HiveValue { .decimal(HiveDecimal(parsing: s) ?? .zero) }

    func testScalars() {
        XCTAssertEqual(HiveValue.null.cliText, "NULL")
        XCTAssertEqual(HiveValue.boolean(true).cliText, "true")
        XCTAssertEqual(HiveValue.boolean(false).cliText, "false")
        XCTAssertEqual(HiveValue.tinyint(-124).cliText, "-124") // Spark: tinyint 5 + 127
        XCTAssertEqual(HiveValue.int(Int32.min).cliText, "-2147483648")
        XCTAssertEqual(HiveValue.bigint(Int64.min).cliText, "-9223372036854775808")
        XCTAssertEqual(HiveValue.double(1e7).cliText, "1.0E7")
        XCTAssertEqual(HiveValue.float(0.1).cliText, "0.1")
        XCTAssertEqual(d("1.50").cliText, "1.50")
        XCTAssertEqual(HiveValue.string("").cliText, "")
        XCTAssertEqual(HiveValue.string("a\tb").cliText, "a\tb")
        XCTAssertEqual(HiveValue.binary(Array("abc".utf8)).cliText, "abc") // Spark prints binary as UTF-8 text
        XCTAssertEqual(HiveValue.date(HiveDate(days: 0)).cliText, "1970-01-01")
        XCTAssertEqual(HiveValue.timestamp(HiveTimestamp(micros: 1_500_000)).cliText, "1970-01-01 00:00:01.5") // Spark
    }

    func testNested() {
        XCTAssertEqual(HiveValue.array([.int(1), .int(2), .int(3)]).cliText, "[1,2,3]") // Spark
        XCTAssertEqual(HiveValue.array([.string("a"), .string("b"), .null]).cliText, "[\"a\",\"b\",null]") // Spark
        XCTAssertEqual(HiveValue.map([HiveMapEntry(.string("b"), .int(1)), HiveMapEntry(.string("a"), .int(2))]).cliText,
                       "{\"a\":2,\"b\":1}") // Spark
        XCTAssertEqual(HiveValue.map([HiveMapEntry(.int(2), .string("x")), HiveMapEntry(.int(1), .string("y"))]).cliText,
                       "{1:\"y\",2:\"x\"}") // Spark
        // The CLI sorts the rendered entries as strings: 10 before 9.
        XCTAssertEqual(HiveValue.map([HiveMapEntry(.int(10), .string("a")), HiveMapEntry(.int(9), .string("b"))]).cliText,
                       "{10:\"a\",9:\"b\"}") // Spark
        XCTAssertEqual(HiveValue.map([HiveMapEntry(.string("b"), .int(1)), HiveMapEntry(.string("a"), .int(2)),
                                      HiveMapEntry(.string("A"), .int(3))]).cliText, "{\"A\":3,\"a\":2,\"b\":1}") // Spark
        XCTAssertEqual(HiveValue.structValue([HiveStructField("a", .int(1)), HiveStructField("b", .string("x"))]).cliText,
                       "{\"a\":1,\"b\":\"x\"}") // Spark
        XCTAssertEqual(HiveValue.structValue([
            HiveStructField("a", .array([.double(1.5), .null])),
            HiveStructField("m", .map([HiveMapEntry(.string("k"), .null)])),
        ]).cliText, "{\"a\":[1.5,null],\"m\":{\"k\":null}}") // Spark
        XCTAssertEqual(HiveValue.array([.binary(Array("ab".utf8))]).cliText, "[ab]") // Spark
        XCTAssertEqual(HiveValue.array([.date(HiveDate(year: 2020, month: 1, day: 2)!), .null]).cliText, "[2020-01-02,null]") // Spark
        XCTAssertEqual(HiveValue.array([.double(1.0), .double(1e7)]).cliText, "[1.0,1.0E7]") // Spark
        XCTAssertEqual(HiveValue.array([d("1.50")]).cliText, "[1.50]") // Spark
        XCTAssertEqual(HiveValue.array([.map([HiveMapEntry(.int(1), .null)])]).cliText, "[{1:null}]") // Spark
        XCTAssertEqual(HiveValue.array([]).cliText, "[]")
        XCTAssertEqual(HiveValue.map([]).cliText, "{}")
    }

    func testJSONStorageRoundTrip() {
        let v = HiveValue.structValue([
            HiveStructField("id", .bigint(7)),
            HiveStructField("tags", .array([.string("a\"b"), .null])),
            HiveStructField("m", .map([HiveMapEntry(.int(1), d("2.50"))])),
            HiveStructField("when", .date(HiveDate(year: 2019, month: 3, day: 15)!)),
            HiveStructField("raw", .binary([0, 255, 10])),
            HiveStructField("x", .double(.nan)),
        ])
        let type = HiveType.structType([
            ("id", .bigint), ("tags", .array(.string)), ("m", .map(.int, .decimal(DecimalType(precision: 5, scale: 2)))),
            ("when", .date), ("raw", .binary), ("x", .double),
        ])
        let text = v.jsonStorageText
        XCTAssertEqual(text, "{\"id\":7,\"tags\":[\"a\\\"b\",null],\"m\":{\"1\":2.50},\"when\":\"2019-03-15\",\"raw\":\"AP8K\",\"x\":\"NaN\"}")
        let back = HiveValue.fromJSONStorage(text, as: type)
        XCTAssertEqual(back.cliText, v.cliText)
        XCTAssertEqual(HiveValue.fromJSONStorage("not json", as: type), .null)
    }

    func testJSONReaderAndWriter() {
        XCTAssertEqual(JSONReader.parse("{\"a\":[1,2.50,true,null,\"x\\u00e9\\n\"]}").map(JSONWriter.write),
                       "{\"a\":[1,2.50,true,null,\"xé\\n\"]}")
        XCTAssertEqual(JSONReader.parse(" [ ] ").map(JSONWriter.write), "[]")
        XCTAssertEqual(JSONReader.parse("\"\\ud83d\\ude00\""), .string("😀"))
        for bad in ["", "{", "[1,]", "{\"a\" 1}", "01", "1.", "tru", "\"abc", "[1] x", "{'a':1}"] {
            XCTAssertNil(JSONReader.parse(bad), bad)
        }
        XCTAssertEqual(JSONReader.parsePrefix("[1] x"), .array([.number("1")]))
        let deep = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        XCTAssertNil(JSONReader.parse(deep)) // depth limit, not a stack overflow
        var out: [UInt8] = []
        JSONWriter.appendString("\u{1}\t/", to: &out)
        XCTAssertEqual(String(decoding: out, as: UTF8.self), "\"\\u0001\\t/\"")
    }

    func testTypeNames() {
        XCTAssertEqual(HiveType.map(.string, .array(.decimal(DecimalType(precision: 10, scale: 2)))).description,
                       "map<string,array<decimal(10,2)>>")
        XCTAssertEqual(HiveType.structType([("a", .int), ("b", .string)]).description, "struct<a:int,b:string>")
    }
}
