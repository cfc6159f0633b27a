import XCTest
@testable import HiveValues

/// String function bodies. "Spark" marks expectations confirmed against Spark 4.3.
final class StringFunctionTests: XCTestCase {
    typealias S = StringFunctions

    func testConcat() {
        XCTAssertNil(S.concat(["a", nil])) // Spark
        XCTAssertEqual(S.concat(["a", "b", ""]), "ab")
        XCTAssertEqual(S.concatWS(",", [.string("a"), .null, .array([.string("b"), .string("c")])]), "a,b,c") // Spark
        XCTAssertEqual(S.concatWS(",", [.array([])]), "") // Spark
        XCTAssertNil(S.concatWS(nil, [.string("a")])) // Spark
        XCTAssertEqual(S.concatWS("-", [.string("a"), .array([.null, .string("b")])]), "a-b")
    }

    func testSubstr() {
        let cases: [(Int, Int, String)] = [
            (0, Int.max, "hello"), (0, 2, "he"), (-3, Int.max, "llo"), (-3, 2, "ll"), (10, Int.max, ""), (2, -1, ""),
            (-10, 3, ""), (-7, 4, "he"), (1, 1, "h"), (5, 10, "o"), (2, 3, "ell"), (-1, 1, "o"),
        ] // Spark for the first eight
        for (pos, len, want) in cases { XCTAssertEqual(S.substr("hello", pos, len), want, "\(pos),\(len)") }
        XCTAssertEqual(S.substr("a😀b", 2, 1), "😀")
        XCTAssertEqual(S.substr("", 1), "")
        XCTAssertEqual(S.substr("hello", 2, Int.max - 1), "ello") // no overflow
    }

    func testSearch() {
        XCTAssertEqual(S.instr("hello", "ll"), 3) // Spark
        XCTAssertEqual(S.instr("hello", ""), 1) // Spark
        XCTAssertEqual(S.instr("hello", "z"), 0)
        XCTAssertEqual(S.locate("l", "hello"), 3) // Spark
        XCTAssertEqual(S.locate("l", "hello", 4), 4) // Spark
        XCTAssertEqual(S.locate("l", "hello", 0), 0) // Spark
        XCTAssertEqual(S.locate("", "hello", 2), 1) // Spark
        XCTAssertEqual(S.locate("", "hello", 0), 0) // Spark
        XCTAssertEqual(S.locate("lo", "hello", 5), 0)
        XCTAssertEqual(S.locate("😀", "a😀b😀", 3), 4)
        XCTAssertEqual(S.findInSet("b", "a,b,c"), 2) // Spark
        XCTAssertEqual(S.findInSet("b,c", "a,b,c"), 0) // Spark
        XCTAssertEqual(S.findInSet("", "a,,c"), 2)
        XCTAssertEqual(S.substringIndex("a.b.c", ".", 2), "a.b") // Spark
        XCTAssertEqual(S.substringIndex("a.b.c", ".", -1), "c") // Spark
        XCTAssertEqual(S.substringIndex("a.b.c", ".", 0), "") // Spark
        XCTAssertEqual(S.substringIndex("a.b.c", ".", 10), "a.b.c")
        XCTAssertEqual(S.elt(2, ["a", "b"]), "b") // Spark
        XCTAssertNil(S.elt(3, ["a", "b"]))
    }

    func testPadding() {
        XCTAssertEqual(S.lpad("hi", 5, "ab"), "abahi") // Spark
        XCTAssertEqual(S.lpad("hello", 3, "ab"), "hel") // Spark
        XCTAssertEqual(S.lpad("hi", 5, ""), "hi") // Spark
        XCTAssertEqual(S.rpad("hi", 5, "ab"), "hiaba") // Spark
        XCTAssertEqual(S.rpad("hi", -1, "ab"), "") // Spark
        XCTAssertEqual(S.rpad("hi", 0, "ab"), "")
        XCTAssertEqual(S.lpad("😀", 3, "é"), "éé😀")
    }

    func testCaseAndTrim() {
        XCTAssertEqual(S.initcap("hello wORLD  foo-bar"), "Hello World  Foo-bar") // Spark
        XCTAssertEqual(S.initcap("ábc dEF"), "Ábc Def") // Spark
        XCTAssertEqual(S.upper("straße"), "STRASSE") // Spark
        XCTAssertEqual(S.lower("ÀB"), "àb") // Spark
        XCTAssertEqual(S.trim("  a  "), "a") // Spark
        XCTAssertEqual(S.trim("\ta\t"), "\ta\t") // Spark: spaces only
        XCTAssertEqual(S.ltrim("  a  "), "a  ") // Spark
        XCTAssertEqual(S.rtrim("  a  "), "  a")
        XCTAssertEqual(S.trim("   "), "")
        XCTAssertEqual(S.trim("xxaxx", characters: "x"), "a")
    }

    func testTransformations() {
        XCTAssertEqual(S.reverse("abc😀d"), "d😀cba") // Spark
        XCTAssertEqual(S.replace("aaa", "a", "bb"), "bbbbbb") // Spark
        XCTAssertEqual(S.replace("abc", "", "x"), "abc") // Spark
        XCTAssertEqual(S.replace("héllo", "é", "e"), "hello")
        XCTAssertEqual(S.translate("abcabc", "ab", "x"), "xcxc") // Spark
        XCTAssertEqual(S.translate("abc", "aa", "xy"), "xbc")
        XCTAssertEqual(S.repeatString("ab", 3), "ababab") // Spark
        XCTAssertEqual(S.repeatString("ab", -1), "") // Spark
        XCTAssertEqual(S.space(3), "   ") // Spark
        XCTAssertEqual(S.space(-1), "")
        XCTAssertEqual(S.ascii("Abc"), 65) // Spark
        XCTAssertEqual(S.ascii(""), 0) // Spark
        XCTAssertEqual(S.length("a😀b"), 3) // Spark
        XCTAssertEqual(S.length("héllo"), 5) // Spark char_length
        XCTAssertEqual(S.octetLength("héllo"), 6) // Spark
        XCTAssertEqual(S.chr(65), "A")
        XCTAssertEqual(S.chr(321), "A")
        XCTAssertEqual(S.chr(-1), "")
    }

    func testSoundexAndDistance() {
        XCTAssertEqual(S.soundex("Robert"), "R163") // Spark
        XCTAssertEqual(S.soundex("Tymczak"), "T522") // Spark
        XCTAssertEqual(S.soundex("Pfister"), "P236") // Spark
        XCTAssertEqual(S.soundex(""), "") // Spark
        XCTAssertEqual(S.soundex("123"), "123") // Spark
        XCTAssertEqual(S.soundex("Ashcraft"), "A261")
        XCTAssertEqual(S.soundex("a"), "A000")
        XCTAssertEqual(S.levenshtein("kitten", "sitting"), 3) // Spark
        XCTAssertEqual(S.levenshtein("", "abc"), 3)
        XCTAssertEqual(S.levenshtein("same", "same"), 0)
    }

    func testSentencesAndMaps() {
        XCTAssertEqual(S.sentences("Hello there! How are you?"), [["Hello", "there"], ["How", "are", "you"]]) // Spark
        XCTAssertEqual(HiveValue.map(S.strToMap("a:1,b:2")).cliText, "{\"a\":\"1\",\"b\":\"2\"}") // Spark
        XCTAssertEqual(HiveValue.map(S.strToMap("a=1;b", ";", "=")).cliText, "{\"a\":\"1\",\"b\":null}") // Spark
        XCTAssertEqual(HiveValue.map(S.strToMap("a:1,a:2")).cliText, "{\"a\":\"2\"}")
    }

    func testRegex() {
        XCTAssertEqual(JavaRegex.split("a,b,,c,,", ","), ["a", "b", "", "c", "", ""]) // Spark keeps trailing empties
        XCTAssertEqual(JavaRegex.split("a1b22c", "[0-9]+"), ["a", "b", "c"]) // Spark
        XCTAssertEqual(JavaRegex.split("abc", ""), ["a", "b", "c"]) // Spark
        XCTAssertEqual(JavaRegex.split("", ","), [""]) // Spark
        XCTAssertEqual(JavaRegex.split("a,b,c", ",", limit: 2), ["a", "b,c"]) // Spark
        XCTAssertEqual(JavaRegex.split("a.b", "."), ["", "", "", ""]) // Spark
        XCTAssertEqual(JavaRegex.split("a|b", "|"), ["a", "|", "b", ""]) // Spark
        XCTAssertEqual(JavaRegex.replaceAll("foo bar", "o+", "X"), "fX bar") // Spark
        XCTAssertEqual(JavaRegex.replaceAll("abc", "(b)", "[$1]"), "a[b]c") // Spark
        XCTAssertNil(JavaRegex.replaceAll("a.b.c", "\\.", "$")) // Spark errors
        XCTAssertEqual(JavaRegex.replaceAll("a.b.c", "\\.", "\\$"), "a$b$c")
        XCTAssertEqual(JavaRegex.replaceAll("aaa", "a*", "X"), "XX") // Spark
        XCTAssertEqual(JavaRegex.replaceAll("2019-03-15", "(?<y>\\d+)-(\\d+)-(\\d+)", "$3/$2/${y}"), "15/03/2019")
        XCTAssertNil(JavaRegex.replaceAll("x", "(", "y"))
        XCTAssertEqual(JavaRegex.extract("foo123bar", "([a-z]+)(\\d+)", 2), "123") // Spark
        XCTAssertEqual(JavaRegex.extract("foo123bar", "([a-z]+)(\\d+)", 0), "foo123") // Spark
        XCTAssertEqual(JavaRegex.extract("foo", "(\\d+)", 1), "") // Spark
        XCTAssertEqual(JavaRegex.extract("foo123", "([a-z]+)(x)?", 2), "") // Spark
        XCTAssertEqual(JavaRegex.extract("x=1, y=2", "(\\w)=(\\d)", 1), "x") // Spark
        XCTAssertEqual(JavaRegex.extract("ab", "(?<name>a)b", 1), "a") // Spark
        XCTAssertNil(JavaRegex.extract("ab", "(a)b", 2))
        XCTAssertEqual(JavaRegex.extractAll("a1b2c3", "([a-z])(\\d)", 2), ["1", "2", "3"])
        XCTAssertEqual(JavaRegex.find("abc", "^a"), true) // Spark
        XCTAssertEqual(JavaRegex.find("abc", "^b"), false)
        XCTAssertNil(JavaRegex.find("abc", "[a"))
    }

    func testLike() {
        XCTAssertTrue(JavaRegex.like("abc", "a_c")) // Spark
        XCTAssertTrue(JavaRegex.like("a%c", "a\\%c")) // Spark
        XCTAssertFalse(JavaRegex.like("abc", "a\\%c"))
        XCTAssertTrue(JavaRegex.like("abc", "%"))
        XCTAssertTrue(JavaRegex.like("", "%"))
        XCTAssertTrue(JavaRegex.like("abcbc", "a%bc"))
        XCTAssertFalse(JavaRegex.like("abcbd", "a%bc"))
        XCTAssertTrue(JavaRegex.like("a😀c", "a_c"))
        XCTAssertFalse(JavaRegex.like("ab", "a"))
    }
}

/// Java regex semantics on top of the standard library's engine (Java's documented rules, not run in Spark).
final class JavaRegexSemanticsTests: XCTestCase {
    func testJavaClassesAreASCII() {
        XCTAssertEqual(JavaRegex.extract("éa_1", "(\\w+)", 1), "a_1")
        XCTAssertEqual(JavaRegex.extract("x١٢3", "(\\d+)", 1), "3")
        XCTAssertEqual(JavaRegex.split("a\u{00A0}b c", "\\s"), ["a\u{00A0}b", "c"])
        XCTAssertEqual(JavaRegex.extract("e\u{301}x", "^(.)", 1), "e") // code points, not grapheme clusters
        XCTAssertEqual(JavaRegex.replaceAll("\r\n", "[^a]", "x"), "xx")
        XCTAssertEqual(JavaRegex.extract("a.b", "(\\Qa.b\\E)", 1), "a.b")
        XCTAssertEqual(JavaRegex.extract("ABC", "(?i)(abc)", 1), "ABC")
        XCTAssertEqual(JavaRegex.extract("bcd", "([a-z&&[^aeiou]]+)", 1), "bcd")
        XCTAssertEqual(JavaRegex.find("a\nb", "a.b"), false)
        XCTAssertEqual(JavaRegex.find("a\nb", "(?s)a.b"), true)
    }
}
