import HQLPlanner
import HQLRuntime

/// Prints result rows to stdout as the spark-sql CLI does: tab-separated fields, one row per line.
/// With `hive.cli.print.header=true` the column names come first, tab-separated, as the Hive CLI prints them.
final class PrintingSink: ResultSink {
    private(set) var hasColumns = false
    private(set) var rowCount = 0
    private let printsHeader: Bool

    init(printsHeader: Bool = false) {
        self.printsHeader = printsHeader
    }

    func begin(columns: [OutputColumn]) {
        hasColumns = true
        if printsHeader { StandardStreams.writeOutput(columns.map(\.name).joined(separator: "\t") + "\n") }
    }

    /// Records rows that were shown another way, for the `Fetched N row(s)` line.
    func count(_ rows: Int) {
        hasColumns = true
        rowCount += rows
    }

    func row(_ fields: [String]) {
        rowCount += 1
        StandardStreams.writeOutput(fields.joined(separator: "\t") + "\n")
    }
}
