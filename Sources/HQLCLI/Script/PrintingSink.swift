import HQLPlanner
import HQLRuntime

/// Prints result rows to stdout as the spark-sql CLI does: tab-separated fields, one row per line.
final class PrintingSink: ResultSink {
    private(set) var hasColumns = false
    private(set) var rowCount = 0

    func begin(columns: [OutputColumn]) {
        hasColumns = true
    }

    func row(_ fields: [String]) {
        rowCount += 1
        StandardStreams.writeOutput(fields.joined(separator: "\t") + "\n")
    }
}
