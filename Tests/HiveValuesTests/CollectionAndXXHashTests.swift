import XCTest
@testable import HiveValues

/// ARRAY/MAP bodies and `xxhash64`; every expectation was printed by Spark 4.3.
final class CollectionAndXXHashTests: XCTestCase {
    typealias C = CollectionFunctions
    private func ints(_ xs: Int32?...) -> [HiveValue] { xs.map { $0.map(HiveValue.int) ?? .null } }
    private func text(_ v: [HiveValue]) -> String { HiveValue.array(v).cliText }

    func testXXHash64() {
        let H = HashFunctions.self
        XCTAssertEqual(H.xxhash64([.string("abc")]), 1_423_657_621_850_124_518)
        XCTAssertEqual(H.xxhash64([.string("")]), -7_444_071_767_201_028_348)
        XCTAssertEqual(H.xxhash64([.int(1)]), -6_698_625_589_789_238_999)
        XCTAssertEqual(H.xxhash64([.bigint(1)]), -7_001_672_635_703_045_582)
        XCTAssertEqual(H.xxhash64([.string("abcdefghijklmnopqrstuvwxyz0123456789abcdefghij")]), 5_663_019_105_511_798_709)
        XCTAssertEqual(H.xxhash64([.null]), 42)
        XCTAssertEqual(H.xxhash64([.int(1), .string("a")]), 8_205_864_924_878_002_737)
        XCTAssertEqual(H.xxhash64([.double(1.5)]), 7_738_255_526_519_901_366)
        XCTAssertEqual(H.xxhash64([.boolean(true)]), -6_698_625_589_789_238_999)
        XCTAssertEqual(H.xxhash64([.date(HiveDate(year: 2019, month: 3, day: 15)!)]), -6_208_836_415_332_698_405)
    }

    func testArrays() {
        XCTAssertEqual(C.size(.array(ints(1, 2, 3))), 3)
        XCTAssertEqual(C.size(.map([HiveMapEntry(.string("a"), .int(1))])), 1)
        XCTAssertEqual(C.size(.null), -1)
        XCTAssertEqual(C.arrayContains(ints(1, 2, 3), .int(2)), true)
        XCTAssertNil(C.arrayContains(ints(1, nil, 3), .int(2)))
        XCTAssertEqual(C.arrayContains(ints(1, nil, 3), .int(1)), true)
        XCTAssertEqual(text(C.sortArray(ints(3, nil, 1, 2))), "[null,1,2,3]")
        XCTAssertEqual(text(C.sortArray(ints(3, nil, 1, 2), ascending: false)), "[3,2,1,null]")
        XCTAssertEqual(text(C.sortArray([.string("b"), .string("a"), .string("B")])), "[\"B\",\"a\",\"b\"]")
        XCTAssertEqual(text(C.sortArray([.double(2.5), .double(.nan), .double(-1)])), "[-1.0,2.5,NaN]")
        XCTAssertEqual(text(C.sortArray([.array(ints(2, 1)), .array(ints(1, 5)), .array(ints(1))])), "[[1],[1,5],[2,1]]")
        XCTAssertEqual(text(C.arrayDistinct(ints(1, 2, 1, nil, nil))), "[1,2,null]")
        XCTAssertEqual(C.arrayMax(ints(1, 3, 2)), .int(3))
        XCTAssertEqual(C.arrayMin([.string("b"), .string("a")]), .string("a"))
        XCTAssertNil(C.arrayMax(ints(nil)))
        XCTAssertEqual(C.arrayPosition(ints(3, 1, 2), .int(2)), 3)
        XCTAssertEqual(C.elementAt(ints(1, 2, 3), -1), .int(3))
        XCTAssertNil(C.elementAt(ints(1, 2, 3), 5))
        XCTAssertNil(C.elementAt([HiveMapEntry(.string("a"), .int(1))], .string("b")))
        XCTAssertEqual(C.arrayJoin([.string("a"), .null, .string("b")], ","), "a,b")
        XCTAssertEqual(C.arrayJoin([.string("a"), .null, .string("b")], ",", nullReplacement: "N"), "a,N,b")
        XCTAssertEqual(C.slice(ints(1, 2, 3, 4), 2, 2).map(text), "[2,3]")
        XCTAssertEqual(C.slice(ints(1, 2, 3, 4), -2, 2).map(text), "[3,4]")
        XCTAssertNil(C.slice(ints(1), 0, 1))
        XCTAssertEqual(C.flatten([.array(ints(1)), .array(ints(2, 3))]).map(text), "[1,2,3]")
        XCTAssertEqual(C.sequence(1, 5, 2), [1, 3, 5])
        XCTAssertEqual(C.sequence(5, 1), [5, 4, 3, 2, 1])
        XCTAssertNil(C.sequence(1, 5, -1))
        XCTAssertEqual(text(C.arrayUnion(ints(1, 2), ints(2, 3))), "[1,2,3]")
        XCTAssertEqual(text(C.arrayIntersect(ints(1, 2, 2), ints(2, 3))), "[2]")
        XCTAssertEqual(text(C.arrayExcept(ints(1, 2, 3), ints(2))), "[1,3]")
        XCTAssertEqual(C.arraysOverlap(ints(1, 2), ints(3)), false)
        XCTAssertNil(C.arraysOverlap(ints(1, nil), ints(3)))
        XCTAssertEqual(text(C.arrayRemove(ints(1, 2, 1), .int(1))), "[2]")
        XCTAssertEqual(text(C.arrayRepeat(.string("a"), 3)), "[\"a\",\"a\",\"a\"]")
    }

    func testMaps() {
        let m = [HiveMapEntry(.string("b"), .int(1)), HiveMapEntry(.string("a"), .int(2))]
        XCTAssertEqual(text(C.mapKeys(m)), "[\"b\",\"a\"]")
        XCTAssertEqual(text(C.mapValues(m)), "[1,2]")
        XCTAssertTrue(C.mapContainsKey(m, .string("a")))
        XCTAssertEqual(C.mapFromArrays([.string("a"), .string("b")], ints(1, 2)).map { HiveValue.map($0).cliText }, "{\"a\":1,\"b\":2}")
        XCTAssertNil(C.mapFromArrays([.string("a")], ints(1, 2)))
    }
}
