import XCTest
@testable import HiveValues

/// Digests, Spark's `hash`, JSON paths and URLs. "Spark" marks expectations confirmed against Spark 4.3.
final class HashAndJSONTests: XCTestCase {
    private let abc = Array("abc".utf8)

    func testDigests() {
        XCTAssertEqual(HashFunctions.md5(abc), "900150983cd24fb0d6963f7d28e17f72") // Spark
        XCTAssertEqual(HashFunctions.sha1(abc), "a9993e364706816aba3e25717850c26c9cd0d89d") // Spark
        XCTAssertEqual(HashFunctions.sha2(abc, 256), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad") // Spark
        XCTAssertEqual(HashFunctions.sha2(abc, 0), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad") // Spark
        XCTAssertEqual(HashFunctions.sha2(abc, 224), "23097d223405d8228642a477bda255b32aadbce4bda0b3f7e36c9da7") // Spark
        XCTAssertEqual(HashFunctions.sha2(abc, 384), "cb00753f45a35e8bb5a03d699ac65007272c32ab0eded1631a8b605a43ff5bed8086072ba1e7cc2358baeca134c825a7") // Spark
        XCTAssertEqual(HashFunctions.sha2(abc, 512), "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f") // Spark
        XCTAssertNil(HashFunctions.sha2(abc, 100)) // Spark
        XCTAssertEqual(HashFunctions.crc32(abc), 891_568_578) // Spark
        XCTAssertEqual(HashFunctions.md5([]), "d41d8cd98f00b204e9800998ecf8427e")
        // Multi-block messages (FIPS 180 test vector, 56 and 112 bytes).
        XCTAssertEqual(HashFunctions.sha2(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8), 256),
                       "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        XCTAssertEqual(HashFunctions.sha1(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)),
                       "84983e441c3bd26ebaae4aa1f95129e5e54670f1")
        XCTAssertEqual(HashFunctions.md5(Array(String(repeating: "a", count: 1000).utf8)).count, 32)
    }

    func testSparkHash() {
        let H = HashFunctions.self
        XCTAssertEqual(H.hash([.int(1)]), -559_580_957) // Spark
        XCTAssertEqual(H.hash([.bigint(1)]), -1_712_319_331) // Spark
        XCTAssertEqual(H.hash([.string("abc")]), 1_322_437_556) // Spark
        XCTAssertEqual(H.hash([.string("")]), 142_593_372) // Spark
        XCTAssertEqual(H.hash([.null]), 42) // Spark
        XCTAssertEqual(H.hash([.int(1), .string("a")]), -936_062_819) // Spark
        XCTAssertEqual(H.hash([.double(1.5)]), 1_290_763_749) // Spark
        XCTAssertEqual(H.hash([.float(1.5)]), -221_251_528) // Spark
        XCTAssertEqual(H.hash([.boolean(true)]), -559_580_957) // Spark
        XCTAssertEqual(H.hash([.decimal(HiveDecimal(parsing: "1.50")!)], types: [.decimal(DecimalType(precision: 10, scale: 2))]),
                       -2_056_712_946) // Spark
        XCTAssertEqual(H.hash([.date(HiveDate(year: 2019, month: 3, day: 15)!)]), 1_585_531_987) // Spark
        XCTAssertEqual(H.hash([.timestamp(HiveTimestamp(parsing: "2019-03-15 10:11:12")!)]), -1_102_263_732) // Spark
        XCTAssertEqual(H.hash([.array([.int(1), .int(2)])]), -222_940_379) // Spark
        XCTAssertEqual(H.hash([.double(-0.0)]), -1_670_924_195) // Spark
        XCTAssertEqual(H.hash([.double(-0.0)]), H.hash([.double(0.0)]))
        XCTAssertEqual(H.hash([.string("héllo wörld, a longer string")]), 1_049_246_916) // Spark
        XCTAssertEqual(H.hash([.tinyint(1)]), -559_580_957) // Spark
    }

    func testGetJSONObject() {
        let J = JSONFunctions.self
        let cases: [(String, String, String?)] = [
            ("{\"a\":{\"b\":[1,{\"c\":\"x\"}]}}", "$.a.b[1].c", "x"), ("{\"a\":{\"b\":[1,2]}}", "$.a.b", "[1,2]"),
            ("{\"a\":{\"b\":[1,2]}}", "$.a", "{\"b\":[1,2]}"), ("{\"a\":\"x\"}", "$.a", "x"), ("{\"a\":1.50}", "$.a", "1.5"),
            ("{\"a\":null}", "$.a", nil), ("{\"a\":true}", "$.a", "true"), ("[1,2,3]", "$[1]", "2"),
            ("{\"a\":[{\"b\":1},{\"b\":2}]}", "$.a[*].b", "[1,2]"), ("{\"a\":[{\"b\":1},{\"b\":2}]}", "$.a[*]", "[{\"b\":1},{\"b\":2}]"),
            ("{\"a b\":1}", "$['a b']", "1"), ("{\"a\":1}", "$.b", nil), ("bad json", "$.a", nil),
            ("{\"a\":\"\\u00e9\\n\"}", "$.a", "é\n"), ("{\"a\":{\"b\":\"c\"}}", "a", nil), ("{\"a\":[1,[2,3]]}", "$.a[1]", "[2,3]"),
            ("{\"a\":1e3}", "$.a", "1000.0"), ("{\"a\":-0.5}", "$.a", "-0.5"), ("{\"a\":\"x\",\"a\":\"y\"}", "$.a", "x"),
        ] // all Spark
        for (json, path, want) in cases { XCTAssertEqual(J.getJSONObject(json, path), want, "\(json) \(path)") }
        XCTAssertEqual(J.getJSONObject("{\"a\":[1,2]}", "$.a[5]"), nil)
        XCTAssertEqual(J.getJSONObject("{\"a\":1}", "$"), "{\"a\":1}")
        XCTAssertNil(J.getJSONObject("{\"a\":1}", "$.a["))
        XCTAssertEqual(J.jsonTuple("{\"a\":1,\"b\":\"x\",\"c\":[1]}", ["a", "b", "c", "d"]), ["1", "x", "[1]", nil]) // Spark
        XCTAssertEqual(J.jsonTuple("[1]", ["a"]), [nil])
    }

    func testParseURL() {
        let u = "http://user:pw@example.com:8080/p/a.html?x=1&y=2#frag"
        let cases: [(String, String?)] = [
            ("HOST", "example.com"), ("PATH", "/p/a.html"), ("QUERY", "x=1&y=2"), ("REF", "frag"), ("PROTOCOL", "http"),
            ("AUTHORITY", "user:pw@example.com:8080"), ("FILE", "/p/a.html?x=1&y=2"), ("USERINFO", "user:pw"),
        ] // all Spark
        for (part, want) in cases { XCTAssertEqual(URLFunctions.parseURL(u, part), want, part) }
        XCTAssertEqual(URLFunctions.parseURL(u, "QUERY", key: "y"), "2") // Spark
        XCTAssertNil(URLFunctions.parseURL(u, "QUERY", key: "z")) // Spark
        XCTAssertEqual(URLFunctions.parseURL("http://example.com", "PATH"), "") // Spark
        XCTAssertNil(URLFunctions.parseURL("http://example.com", "QUERY")) // Spark
        XCTAssertNil(URLFunctions.parseURL("not a url", "HOST")) // Spark
        XCTAssertNil(URLFunctions.parseURL("http://example.com/a b", "HOST")) // Spark
        XCTAssertNil(URLFunctions.parseURL(u, "host"))
        XCTAssertEqual(URLFunctions.parseURL("https://[::1]:443/x", "HOST"), "[::1]")
        XCTAssertNil(URLFunctions.parseURL("mailto:a@b.c", "HOST"))
        XCTAssertEqual(URLFunctions.parseURL("/rel/path?q=1", "PATH"), "/rel/path")
    }
}
