import HQLPlanner

/// Receives a statement's result as it streams: the columns once, then each row's printed fields.
public protocol ResultSink: AnyObject {
    func begin(columns: [OutputColumn])
    func row(_ fields: [String])
}

/// Collects results in memory (tests, golden runs).
public final class CollectingSink: ResultSink {
    public private(set) var columns: [OutputColumn] = []
    public private(set) var rows: [[String]] = []

    public init() {}

    public func begin(columns: [OutputColumn]) { self.columns = columns }

    public func row(_ fields: [String]) { rows.append(fields) }

    /// The rows as the spark-sql CLI prints them: tab-separated, one per line.
    public var text: String { rows.map { $0.joined(separator: "\t") + "\n" }.joined() }
}
