import HQLPlanner

/// How a text table's files are laid out, from its storage descriptor: Hive's `ROW FORMAT DELIMITED`
/// (LazySimpleSerDe), `OpenCSVSerde`, or Spark's `USING csv OPTIONS (..)`.
struct TextFormat: Equatable {
    enum Kind: Equatable {
        /// Hive's delimited text: no quoting, an optional escape byte, `\N` (or the declared marker) for NULL.
        case delimited
        /// Quoted CSV; every value is a string, an empty field is ''.
        case openCSV
        /// Spark's CSV reader: quoted fields, an optional header, empty fields NULL.
        case sparkCSV
    }

    var kind: Kind
    var fieldSeparator: [UInt8]
    var collectionSeparator: [UInt8] = [2]
    var mapKeySeparator: [UInt8] = [3]
    var quote: UInt8? = nil
    var escape: UInt8? = nil
    var nullMarker: String? = "\\N"
    var headerLines = 0

    /// The format a table declares, with Hive's and Spark's defaults.
    init(_ storage: StorageDescriptor) {
        let serde = storage.serde ?? ""
        let options = storage.serdeProperties.merging(storage.tableProperties) { first, _ in first }
        if storage.format?.lowercased() == "csv" {
            kind = .sparkCSV
            fieldSeparator = Array((options["sep"] ?? options["delimiter"] ?? ",").utf8)
            quote = (options["quote"] ?? "\"").utf8.first
            escape = (options["escape"] ?? "\\").utf8.first
            nullMarker = options["nullValue"] ?? ""
            headerLines = options["header"]?.lowercased() == "true" ? 1 : 0
        } else if serde.hasSuffix("OpenCSVSerde") {
            kind = .openCSV
            fieldSeparator = Array((options["separatorChar"] ?? ",").utf8.prefix(1))
            quote = (options["quoteChar"] ?? "\"").utf8.first
            escape = (options["escapeChar"] ?? "\\").utf8.first
            nullMarker = nil
        } else {
            kind = .delimited
            fieldSeparator = Array((storage.rowFormat["fields"] ?? options["field.delim"] ?? "\u{1}").utf8)
            collectionSeparator = Array((storage.rowFormat["collectionItems"] ?? "\u{2}").utf8)
            mapKeySeparator = Array((storage.rowFormat["mapKeys"] ?? "\u{3}").utf8)
            escape = storage.rowFormat["escapedBy"]?.utf8.first
            nullMarker = storage.rowFormat["nullDefinedAs"] ?? options["serialization.null.format"] ?? "\\N"
        }
        if let skip = options["skip.header.line.count"], let count = Int(skip) { headerLines = max(headerLines, count) }
    }
}
