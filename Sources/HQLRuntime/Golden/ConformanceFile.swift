/// A Spark-generated conformance transcript (`queries/conformance/results/NAME.sql.out`), the format of
/// Spark's SQLQueryTestSuite files as `queries/conformance/README.md` describes it.
public struct ConformanceFile: Sendable {
    /// One statement and what it must give.
    public struct Case: Sendable, Equatable {
        public enum Expectation: Sendable, Equatable {
            /// These printed rows (sorted before comparing when `sorted`).
            case rows([String], sorted: Bool)
            /// Any error.
            case error(String)
        }

        public var sql: String
        public var expectation: Expectation
        /// Why the expectation is Hive's rather than Spark's, when it is.
        public var hiveReason: String?
        /// 1-based line of the `-- !query` marker, for messages.
        public var line: Int
    }

    public var cases: [Case]

    /// Reads a transcript. Sections run from their marker to the next `-- !query` line; an output section
    /// ends with the two blank lines that separate blocks.
    public init(text: String) {
        var cases: [Case] = []
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var index = 0
        func section(from start: Int) -> (body: [String], next: Int) {
            var end = start
            while end < lines.count, !lines[end].hasPrefix("-- !query") { end += 1 }
            return (Array(lines[start..<end]), end)
        }
        func dropSeparator(_ body: [String]) -> [String] {
            var trimmed = body
            for _ in 0..<2 where trimmed.last == "" { trimmed.removeLast() }
            return trimmed
        }
        while index < lines.count {
            guard lines[index] == "-- !query" else {
                index += 1
                continue
            }
            let markerLine = index + 1
            let (sqlLines, afterSQL) = section(from: index + 1)
            index = afterSQL
            var expectation: Case.Expectation?
            var hiveReason: String?
            while index < lines.count, lines[index] != "-- !query" {
                let marker = lines[index]
                let (body, next) = section(from: index + 1)
                if marker == "-- !query output" || marker == "-- !query output (sorted)" {
                    expectation = .rows(dropSeparator(body), sorted: marker.hasSuffix("(sorted)"))
                } else if marker.hasPrefix("-- !query output (hive: ") {
                    hiveReason = String(marker.dropFirst("-- !query output (hive: ".count).dropLast())
                    expectation = .rows(dropSeparator(body), sorted: false)
                } else if marker == "-- !query error" {
                    expectation = .error(dropSeparator(body).joined(separator: "\n"))
                }
                index = next
            }
            if let expectation {
                cases.append(Case(sql: dropSeparator(sqlLines).joined(separator: "\n"), expectation: expectation,
                                  hiveReason: hiveReason, line: markerLine))
            }
        }
        self.cases = cases
    }
}
