import XCTest
@testable import HQLCLI

/// Every output format over one small result, byte for byte.
final class ResultFormatterTests: XCTestCase {
    private let result = ResultSet(columnNames: ["id", "name", "note"], rows: [
        ["1", "Ann", nil],
        ["22", "Bob, Jr.", "says \"hi\""],
        ["3", "Zoë", "two\nlines"],
    ])

    func testTable() {
        let expected = """
        ┌────┬──────────┬────────────┐
        │ id │ name     │ note       │
        ├────┼──────────┼────────────┤
        │ 1  │ Ann      │ NULL       │
        │ 22 │ Bob, Jr. │ says "hi"  │
        │ 3  │ Zoë      │ two\\nlines │
        └────┴──────────┴────────────┘

        """
        XCTAssertEqual(ResultFormatter(format: .table).render(result), expected)
    }

    func testTableWithNoRowsStillShowsTheHeader() {
        let empty = ResultSet(columnNames: ["a"], rows: [])
        XCTAssertEqual(ResultFormatter(format: .table).render(empty), "┌───┐\n│ a │\n├───┤\n└───┘\n")
    }

    func testWideCharactersTakeTwoColumns() {
        XCTAssertEqual(ResultFormatter.width(of: "漢字"), 4)
        XCTAssertEqual(ResultFormatter.width(of: "Zoë"), 3)
    }

    func testTSVIsSparkSQLCompatible() {
        XCTAssertEqual(ResultFormatter(format: .tsv).render(result),
                       "1\tAnn\tNULL\n22\tBob, Jr.\tsays \"hi\"\n3\tZoë\ttwo\nlines\n")
        XCTAssertEqual(ResultFormatter(format: .tsv, printHeader: true).render(ResultSet(columnNames: ["a", "b"],
                                                                                          rows: [["x", nil]])),
                       "a\tb\nx\tNULL\n")
    }

    func testCSVQuotesWhatItMust() {
        XCTAssertEqual(ResultFormatter(format: .csv, printHeader: true).render(result),
                       "id,name,note\n1,Ann,\n22,\"Bob, Jr.\",\"says \"\"hi\"\"\"\n3,Zoë,\"two\nlines\"\n")
    }

    func testJSON() {
        XCTAssertEqual(ResultFormatter(format: .json).render(result), """
        [
        {"id":"1","name":"Ann","note":null},
        {"id":"22","name":"Bob, Jr.","note":"says \\"hi\\""},
        {"id":"3","name":"Zoë","note":"two\\nlines"}
        ]

        """)
        XCTAssertEqual(ResultFormatter(format: .json).render(ResultSet(columnNames: ["a"], rows: [])), "[]\n")
        XCTAssertEqual(ResultFormatter.jsonString("\u{1}"), "\"\\u0001\"")
    }

    func testVertical() {
        let one = ResultSet(columnNames: ["id", "customer"], rows: [["1", nil], ["2", "Ann"]])
        XCTAssertEqual(ResultFormatter(format: .vertical).render(one), """
        -[ RECORD 1 ]---
        id       | 1
        customer | NULL
        -[ RECORD 2 ]---
        id       | 2
        customer | Ann

        """)
    }

    func testSummaryLine() {
        XCTAssertEqual(ResultFormatter.summary(rowCount: 3, seconds: 0.0123), "3 rows (0.012 s)\n")
        XCTAssertEqual(ResultFormatter.summary(rowCount: 1, seconds: 2.5), "1 row (2.500 s)\n")
        XCTAssertEqual(ResultFormatter.summary(rowCount: 0, seconds: 0), "0 rows (0.000 s)\n")
    }

    // MARK: - Settings and pager

    func testSettingsFromTheSessionConfiguration() {
        XCTAssertEqual(OutputSettings(configuration: [:], interactive: true).format, .table)
        XCTAssertEqual(OutputSettings(configuration: [:], interactive: false).format, .tsv)
        let set = OutputSettings(configuration: ["hqlrun.output.format": "JSON", "hive.cli.print.header": "true",
                                                 "hqlrun.pager": "off"], interactive: true)
        XCTAssertEqual(set.format, .json)
        XCTAssertTrue(set.printHeader)
        XCTAssertFalse(set.pagerEnabled)
        XCTAssertTrue(OutputSettings(configuration: ["spark.sql.cli.print.header": "true"], interactive: false).printHeader)
        XCTAssertEqual(OutputSettings(configuration: ["hqlrun.output.format": "xml"], interactive: false).format, .tsv)
    }

    func testPagerOnlyForTallResultsOnATerminal() {
        let settings = OutputSettings(configuration: [:], interactive: true)
        let presenter = ResultPresenter(settings: settings, interactive: true)
        let tall = String(repeating: "row\n", count: 50)
        XCTAssertEqual(presenter.pagerCommand(for: tall, environment: [:], terminalRows: 40), "less -FRX")
        XCTAssertEqual(presenter.pagerCommand(for: tall, environment: ["PAGER": "more"], terminalRows: 40), "more")
        XCTAssertNil(presenter.pagerCommand(for: "row\n", environment: [:], terminalRows: 40))
        XCTAssertNil(presenter.pagerCommand(for: tall, environment: [:], terminalRows: nil), "stdout not a terminal")
        let off = ResultPresenter(settings: OutputSettings(configuration: ["hqlrun.pager": "off"], interactive: true),
                                  interactive: true)
        XCTAssertNil(off.pagerCommand(for: tall, environment: [:], terminalRows: 40))
        XCTAssertNil(ResultPresenter(settings: settings, interactive: false)
            .pagerCommand(for: tall, environment: [:], terminalRows: 40))
    }
}
