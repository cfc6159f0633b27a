import XCTest
@testable import HiveValues

/// Dates, timestamps, patterns and date functions. "Spark" marks expectations confirmed against Spark 4.3 (UTC).
final class DateTimeTests: XCTestCase {
    private func date(_ s: String) -> HiveDate {
        guard let d = HiveDate(parsing: s) else { XCTFail("bad date \(s)"); return HiveDate(days: 0) }
        return d
    }

    private func ts(_ s: String) -> HiveTimestamp {
        guard let t = HiveTimestamp(parsing: s) else { XCTFail("bad timestamp \(s)"); return HiveTimestamp(micros: 0) }
        return t
    }

    func testCivilRoundTrip() {
        for days in stride(from: -800_000, through: 800_000, by: 997) {
            let c = Civil.civilFromDays(days)
            XCTAssertEqual(Civil.daysFromCivil(c.year, c.month, c.day), days)
        }
        XCTAssertEqual(HiveDate(year: 1970, month: 1, day: 1)?.days, 0)
        XCTAssertEqual(HiveDate(year: 2000, month: 3, day: 1)?.days, 11_017)
        XCTAssertEqual(HiveDate(year: 1969, month: 12, day: 31)?.days, -1)
        XCTAssertNil(HiveDate(year: 2019, month: 2, day: 29))
        XCTAssertNotNil(HiveDate(year: 2000, month: 2, day: 29))
        XCTAssertNil(HiveDate(year: 1900, month: 2, day: 29))
        XCTAssertEqual(HiveDate(days: 0).isoDayOfWeek, 4) // Thursday
    }

    func testDateParsing() {
        let cases: [(String, String?)] = [
            ("2019-3-5", "2019-03-05"), ("2019", "2019-01-01"), ("2019-03", "2019-03-01"), ("2019-02-30", nil),
            (" 2019-03-05 ", "2019-03-05"), ("2019-03-05T10:00", "2019-03-05"), ("2019-03-05x", nil), ("19-03-05", nil),
            ("2019-03-15 25:61:07", "2019-03-15"), ("", nil), ("2019-13-01", nil), ("2019-00-10", nil),
        ] // all Spark
        for (input, want) in cases { XCTAssertEqual(HiveDate(parsing: input)?.description, want, input) }
    }

    func testTimestampParsing() {
        let cases: [(String, String?)] = [
            ("2019-03-15 25:61:07", nil), ("2019-03-15 10:11:12.123456789", "2019-03-15 10:11:12.123456"),
            ("2019-03-15T10:11:12", "2019-03-15 10:11:12"), ("2019-03-15 10:11", "2019-03-15 10:11:00"),
            ("2019-03-15 10:11:12Z", "2019-03-15 10:11:12"), ("2019-03-15 10:11:12+02:00", "2019-03-15 08:11:12"),
            ("2019-03-15", "2019-03-15 00:00:00"), ("2019-03-15 ", "2019-03-15 00:00:00"),
            ("2020-01-02 03:04:05.000", "2020-01-02 03:04:05"), ("2020-01-02 03:04:05.120", "2020-01-02 03:04:05.12"),
        ] // all Spark
        for (input, want) in cases { XCTAssertEqual(HiveTimestamp(parsing: input)?.description, want, input) }
        XCTAssertEqual(HiveTimestamp(parsing: "1969-12-31 23:59:59.5")?.micros, -500_000)
        XCTAssertEqual(HiveTimestamp(micros: -1).description, "1969-12-31 23:59:59.999999")
        XCTAssertEqual(HiveTimestamp(micros: -1).epochSeconds, -1)
    }

    func testFields() {
        XCTAssertEqual(DateFunctions.year(date("2019-03-15 25:61:07")), 2019) // Spark
        XCTAssertNil(DateFunctions.date(from: .string("2019-02-30"))) // Spark: month() is NULL
        XCTAssertEqual(DateFunctions.hour(ts("2019-03-15 10:11:12")), 10)
        XCTAssertEqual(DateFunctions.hour(ts("2019-03-15")), 0)
        XCTAssertEqual(DateFunctions.minute(ts("2019-03-15 10:11:12")), 11)
        XCTAssertEqual(DateFunctions.second(ts("2019-03-15 10:11:12.9")), 12)
        XCTAssertEqual(DateFunctions.quarter(date("2019-08-01")), 3)
        XCTAssertEqual(DateFunctions.dayOfWeek(date("2019-03-17")), 1) // Sunday
        XCTAssertEqual(DateFunctions.dayOfWeek(date("2019-03-16")), 7)
        XCTAssertEqual(DateFunctions.weekday(date("2019-03-17")), 6)
        XCTAssertEqual(DateFunctions.weekOfYear(date("2019-01-01")), 1)
        XCTAssertEqual(DateFunctions.weekOfYear(date("2021-01-03")), 53)
        XCTAssertEqual(DateFunctions.weekOfYear(date("2020-12-31")), 53)
        XCTAssertEqual(DateFunctions.weekOfYear(date("2019-12-30")), 1)
        XCTAssertEqual(DateFunctions.dayOfYear(date("2020-12-31")), 366)
        XCTAssertEqual(DateFunctions.dayOfMonth(date("2020-12-31")), 31)
    }

    func testArithmetic() {
        XCTAssertEqual(DateFunctions.datediff(date("2019-03-15"), date("2019-03-01 23:00:00")), 14) // Spark
        XCTAssertEqual(DateFunctions.datediff(date("2019-03-01"), date("2019-03-15")), -14)
        XCTAssertEqual(DateFunctions.dateAdd(date("2019-02-28"), 1).description, "2019-03-01")
        XCTAssertEqual(DateFunctions.dateSub(date("2019-03-01"), 1).description, "2019-02-28")
        XCTAssertEqual(DateFunctions.dateAdd(date("2019-02-28"), -365).description, "2018-02-28")
        let months: [(String, Int, String)] = [
            ("2019-01-31", 1, "2019-02-28"), ("2019-02-28", 1, "2019-03-28"), ("2020-02-29", 12, "2021-02-28"),
            ("2019-03-31", -1, "2019-02-28"), ("2019-01-31 10:00:00", 1, "2019-02-28"), ("2019-01-15", -13, "2017-12-15"),
            ("2019-12-31", 2, "2020-02-29"),
        ] // Spark, except the last two
        for (d, n, want) in months { XCTAssertEqual(DateFunctions.addMonths(date(d), n).description, want, "\(d) \(n)") }
        XCTAssertEqual(DateFunctions.monthsBetween(ts("2019-03-31"), ts("2019-02-28")), 1.0) // Spark
        XCTAssertEqual(DateFunctions.monthsBetween(ts("2019-03-15"), ts("2019-01-01")), 2.4516129) // Spark
        XCTAssertEqual(DateFunctions.monthsBetween(ts("2019-03-15 12:00:00"), ts("2019-01-01")), 2.46774194) // Spark
        XCTAssertEqual(DateFunctions.monthsBetween(ts("2019-01-01"), ts("2019-03-15")), -2.4516129) // Spark
        XCTAssertEqual(DateFunctions.monthsBetween(ts("2019-03-15"), ts("2019-01-01"), roundOff: false), 2.4516129032258065) // Spark
        XCTAssertEqual(DateFunctions.lastDay(date("2019-02-10")).description, "2019-02-28")
        XCTAssertEqual(DateFunctions.lastDay(date("2020-02-10")).description, "2020-02-29")
        XCTAssertEqual(DateFunctions.nextDay(date("2019-03-15"), "Mon")?.description, "2019-03-18") // Spark
        XCTAssertEqual(DateFunctions.nextDay(date("2019-03-15"), "FRIDAY")?.description, "2019-03-22") // Spark
        XCTAssertEqual(DateFunctions.nextDay(date("2019-03-15"), "fr")?.description, "2019-03-22") // Spark
        XCTAssertNil(DateFunctions.nextDay(date("2019-03-15"), "xx")) // Spark
    }

    func testTruncation() {
        let d = date("2019-08-15")
        XCTAssertEqual(DateFunctions.trunc(d, "MM")?.description, "2019-08-01") // Spark
        XCTAssertEqual(DateFunctions.trunc(d, "YEAR")?.description, "2019-01-01") // Spark
        XCTAssertEqual(DateFunctions.trunc(d, "yy")?.description, "2019-01-01") // Spark
        XCTAssertNil(DateFunctions.trunc(d, "Q")) // Spark
        XCTAssertEqual(DateFunctions.trunc(d, "QUARTER")?.description, "2019-07-01")
        XCTAssertEqual(DateFunctions.trunc(d, "WEEK")?.description, "2019-08-12") // Spark
        XCTAssertNil(DateFunctions.trunc(d, "DD")) // Spark
        let t = ts("2019-08-15 10:11:12.345")
        let cases: [(String, String)] = [
            ("HOUR", "2019-08-15 10:00:00"), ("MONTH", "2019-08-01 00:00:00"), ("WEEK", "2019-08-12 00:00:00"),
            ("QUARTER", "2019-07-01 00:00:00"), ("MINUTE", "2019-08-15 10:11:00"), ("SECOND", "2019-08-15 10:11:12"),
            ("DAY", "2019-08-15 00:00:00"), ("MILLISECOND", "2019-08-15 10:11:12.345"),
        ] // Spark
        for (f, want) in cases { XCTAssertEqual(DateFunctions.dateTrunc(f, t)?.description, want, f) }
        XCTAssertNil(DateFunctions.dateTrunc("FORTNIGHT", t))
        XCTAssertEqual(DateFunctions.dateTrunc("HOUR", HiveTimestamp(micros: -1))?.description, "1969-12-31 23:00:00")
    }

    func testUnixTime() {
        XCTAssertEqual(DateFunctions.unixTimestamp("2019-03-15 10:11:12"), 1_552_644_672) // Spark
        XCTAssertEqual(DateFunctions.unixTimestamp("2019-03-15", "yyyy-MM-dd"), 1_552_608_000) // Spark
        XCTAssertNil(DateFunctions.unixTimestamp("2019-03-15 10:11:12", "yyyy-MM-dd")) // Spark
        XCTAssertEqual(DateFunctions.unixTimestamp("15/03/2019 10:11", "dd/MM/yyyy HH:mm"), 1_552_644_660) // Spark
        XCTAssertEqual(DateFunctions.unixTimestamp("20190315", "yyyyMMdd"), 1_552_608_000) // Spark
        XCTAssertEqual(DateFunctions.unixTimestamp("Mar 15 2019", "MMM dd yyyy"), 1_552_608_000) // Spark
        XCTAssertEqual(DateFunctions.unixTimestamp("2019-03-15 10:11:12 PM", "yyyy-MM-dd hh:mm:ss a"), 1_552_687_872) // Spark
        XCTAssertNil(DateFunctions.unixTimestamp("garbage", "yyyy-MM-dd")) // Spark
        XCTAssertEqual(DateFunctions.unixTimestamp("2019-3-5", "yyyy-M-d"), 1_551_744_000) // Spark
        XCTAssertEqual(DateFunctions.unixTimestamp("2019-03-15 10:11:12.345", "yyyy-MM-dd HH:mm:ss.SSS"), 1_552_644_672) // Spark
        XCTAssertNil(DateFunctions.unixTimestamp("2019-02-30", "yyyy-MM-dd"))
        XCTAssertEqual(DateFunctions.fromUnixtime(0), "1970-01-01 00:00:00") // Spark
        XCTAssertEqual(DateFunctions.fromUnixtime(1_552_644_672), "2019-03-15 10:11:12") // Spark
        XCTAssertEqual(DateFunctions.fromUnixtime(1_552_644_672, "yyyy/MM/dd"), "2019/03/15") // Spark
        XCTAssertEqual(DateFunctions.fromUnixtime(-1), "1969-12-31 23:59:59") // Spark
        XCTAssertEqual(DateFunctions.toDate("03/15/2019", "MM/dd/yyyy")?.description, "2019-03-15") // Spark
        XCTAssertEqual(DateFunctions.toTimestamp("03/15/2019", "MM/dd/yyyy")?.description, "2019-03-15 00:00:00") // Spark
        XCTAssertEqual(DateFunctions.toTimestamp("2019-03-15 10:11:12.5", "yyyy-MM-dd HH:mm:ss.S")?.description, "2019-03-15 10:11:12.5")
        XCTAssertEqual(DateFunctions.toTimestamp("2019-074", "yyyy-DDD")?.description, "2019-03-15 00:00:00")
    }

    func testDateFormat() {
        let t = ts("2019-03-05 14:07:09.123")
        let cases: [(String, String?)] = [
            ("yyyy-MM-dd HH:mm:ss.SSS", "2019-03-05 14:07:09.123"), ("yy M d H h m s S", "19 3 5 14 2 7 9 1"),
            ("MMM MMMM E EEE EEEE a", "Mar March Tue Tue Tuesday PM"), ("D DD DDD k K", "64 64 064 14 2"),
            ("z Z X XXX", "UTC +0000 Z Z"), ("'at' HH''mm", "at 14'07"), ("yyyy QQ Q", "2019 01 1"),
            ("y yyy yyyyy", "2019 2019 02019"), ("dd-MM-yyyy G", "05-03-2019 AD"), ("EEEEE", nil), ("MMMMM", nil),
        ] // Spark (the last two are errors there)
        for (p, want) in cases { XCTAssertEqual(DateFunctions.dateFormat(t, p), want, p) }
        XCTAssertEqual(DateFunctions.dateFormat(ts("2019-03-05 00:07:09"), "h k K H a"), "12 24 0 0 AM") // Spark
        XCTAssertEqual(DateFunctions.dateFormat(ts("2019-03-05 14:07:09.123456"), "SSSSSS SS S"), "123456 12 1") // Spark
        XCTAssertEqual(DateFunctions.dateFormat(ts("2019-03-05 14:07:09.005"), "S SS SSS"), "0 00 005") // Spark
        XCTAssertEqual(DateFunctions.dateFormat(t, "u w"), "2 10") // SimpleDateFormat meanings (Spark rejects them)
        XCTAssertEqual(DateFunctions.dateFormat(ts("2019-12-31"), "w"), "1")
        XCTAssertNil(DateFunctions.dateFormat(t, "'unterminated"))
        XCTAssertNil(DateFunctions.dateFormat(t, "yyyy-MM-dd J"))
    }

    func testZones() {
        XCTAssertEqual(DateFunctions.toUTCTimestamp(ts("2019-03-15 10:00:00"), "America/New_York")?.description, "2019-03-15 14:00:00") // Spark
        XCTAssertEqual(DateFunctions.fromUTCTimestamp(ts("2019-03-15 10:00:00"), "America/New_York")?.description, "2019-03-15 06:00:00") // Spark
        XCTAssertEqual(DateFunctions.fromUTCTimestamp(ts("2019-01-15 10:00:00"), "America/New_York")?.description, "2019-01-15 05:00:00")
        XCTAssertEqual(DateFunctions.fromUTCTimestamp(ts("2019-01-15 10:00:00"), "Asia/Kolkata")?.description, "2019-01-15 15:30:00") // Spark
        XCTAssertEqual(DateFunctions.fromUTCTimestamp(ts("2019-01-15 10:00:00"), "+08:00")?.description, "2019-01-15 18:00:00") // Spark
        XCTAssertEqual(DateFunctions.fromUTCTimestamp(ts("2019-01-15 10:00:00"), "UTC")?.description, "2019-01-15 10:00:00")
        XCTAssertEqual(DateFunctions.fromUTCTimestamp(ts("2019-01-15 10:00:00"), "GMT-5")?.description, "2019-01-15 05:00:00")
        XCTAssertNil(DateFunctions.fromUTCTimestamp(ts("2019-01-15 10:00:00"), "Nowhere/Zone")) // Spark errors
        XCTAssertNil(DateFunctions.fromUTCTimestamp(ts("2019-01-15 10:00:00"), "../etc/passwd"))
    }
}
