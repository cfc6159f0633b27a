/// A result as the formatter sees it: column names and rows of already rendered values (`nil` is SQL NULL).
/// The engine renders each value to its Hive/Spark text form (`1.0E20`, `true`, `[1,2]`) before it gets here.
public struct ResultSet: Equatable, Sendable {
    /// The column labels, in order.
    public var columnNames: [String]
    /// The rows; each has one entry per column.
    public var rows: [[String?]]

    /// Makes a result set.
    public init(columnNames: [String], rows: [[String?]]) {
        self.columnNames = columnNames
        self.rows = rows
    }
}

/// The output formats of `SET hqlrun.output.format=…`.
public enum OutputFormat: String, CaseIterable, Sendable {
    /// A box-drawn table with a row count: the interactive default.
    case table
    /// Tab-separated values with `NULL`, as spark-sql prints them: the batch default.
    case tsv
    /// RFC 4180 comma-separated values; NULL is an empty field.
    case csv
    /// One JSON array of objects keyed by column name; NULL is `null`.
    case json
    /// One `name | value` block per row, for wide rows.
    case vertical
}

/// Renders a ``ResultSet`` in one ``OutputFormat``. Pure string work, so it is unit-tested without a terminal.
public struct ResultFormatter: Sendable {
    /// The format to render.
    public var format: OutputFormat
    /// Whether TSV and CSV start with a header line (`hive.cli.print.header`); the other formats always name
    /// their columns.
    public var printHeader: Bool
    /// How NULL is shown in the table, TSV and vertical formats.
    public var nullText: String

    /// Makes a formatter.
    public init(format: OutputFormat, printHeader: Bool = false, nullText: String = "NULL") {
        self.format = format
        self.printHeader = printHeader
        self.nullText = nullText
    }

    /// The rendered result, every line ending in `\n` (empty for a TSV/CSV result with no rows and no header).
    public func render(_ result: ResultSet) -> String {
        switch format {
        case .table: return renderTable(result)
        case .tsv: return renderSeparated(result, separator: "\t", field: { $0 ?? nullText })
        case .csv: return renderSeparated(result, separator: ",", field: { ResultFormatter.csvField($0 ?? "") })
        case .json: return renderJSON(result)
        case .vertical: return renderVertical(result)
        }
    }

    /// The line after an interactive result: `3 rows (0.012 s)`, `1 row (0.000 s)`.
    public static func summary(rowCount: Int, seconds: Double) -> String {
        let milliseconds = Int((max(0, seconds) * 1000).rounded())
        let fraction = String(milliseconds % 1000)
        let time = "\(milliseconds / 1000)." + String(repeating: "0", count: 3 - fraction.count) + fraction
        return "\(rowCount) \(rowCount == 1 ? "row" : "rows") (\(time) s)\n"
    }

    // MARK: - Table

    private func renderTable(_ result: ResultSet) -> String {
        let cells = result.rows.map { row in result.columnNames.indices.map { displayed(cell(row, $0)) } }
        var widths = result.columnNames.map { ResultFormatter.width(of: displayed($0)) }
        for row in cells {
            for (index, value) in row.enumerated() { widths[index] = max(widths[index], ResultFormatter.width(of: value)) }
        }
        func rule(_ left: String, _ middle: String, _ right: String) -> String {
            left + widths.map { String(repeating: "─", count: $0 + 2) }.joined(separator: middle) + right + "\n"
        }
        func line(_ values: [String]) -> String {
            let padded = values.enumerated().map { index, value in
                " " + value + String(repeating: " ", count: widths[index] - ResultFormatter.width(of: value)) + " "
            }
            return "│" + padded.joined(separator: "│") + "│\n"
        }
        guard !widths.isEmpty else { return "" }
        var out = rule("┌", "┬", "┐")
        out += line(result.columnNames.map(displayed))
        out += rule("├", "┼", "┤")
        for row in cells { out += line(row) }
        out += rule("└", "┴", "┘")
        return out
    }

    /// A value as one table line: NULL spelled out, line breaks and tabs made visible so the grid holds.
    private func displayed(_ value: String?) -> String {
        guard let value else { return nullText }
        guard value.contains(where: { $0 == "\n" || $0 == "\t" || $0 == "\r" }) else { return value }
        var out = ""
        for character in value {
            switch character {
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default: out.append(character)
            }
        }
        return out
    }

    /// Columns a string takes on a terminal: one per character, two for the common wide (CJK, emoji) ranges.
    static func width(of text: String) -> Int {
        var total = 0
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x0300...0x036F, 0x200B...0x200F, 0xFE00...0xFE0F: continue
            case 0x1100...0x115F, 0x2E80...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F,
                 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x1F300...0x1FAFF, 0x20000...0x3FFFD:
                total += 2
            default:
                total += 1
            }
        }
        return total
    }

    // MARK: - TSV and CSV

    private func renderSeparated(_ result: ResultSet, separator: String, field: (String?) -> String) -> String {
        var out = ""
        if printHeader {
            out += result.columnNames.map { separator == "," ? ResultFormatter.csvField($0) : $0 }
                .joined(separator: separator) + "\n"
        }
        for row in result.rows {
            out += result.columnNames.indices.map { field(cell(row, $0)) }.joined(separator: separator) + "\n"
        }
        return out
    }

    /// A CSV field, quoted when it holds a comma, a quote, a line break or edge spaces.
    static func csvField(_ value: String) -> String {
        let needsQuotes = value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
            || value.first == " " || value.last == " "
        guard needsQuotes else { return value }
        return "\"" + value.replacingAll("\"", with: "\"\"") + "\""
    }

    // MARK: - JSON and vertical

    private func renderJSON(_ result: ResultSet) -> String {
        guard !result.rows.isEmpty else { return "[]\n" }
        let objects = result.rows.map { row in
            "{" + result.columnNames.indices.map { index in
                ResultFormatter.jsonString(result.columnNames[index]) + ":"
                    + (cell(row, index).map(ResultFormatter.jsonString) ?? "null")
            }.joined(separator: ",") + "}"
        }
        return "[\n" + objects.joined(separator: ",\n") + "\n]\n"
    }

    /// A JSON string literal with the escapes RFC 8259 requires.
    static func jsonString(_ value: String) -> String {
        var out = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    private func renderVertical(_ result: ResultSet) -> String {
        let nameWidth = result.columnNames.map { ResultFormatter.width(of: $0) }.max() ?? 0
        var out = ""
        for (number, row) in result.rows.enumerated() {
            out += "-[ RECORD \(number + 1) ]" + String(repeating: "-", count: max(3, nameWidth - 8)) + "\n"
            for (index, name) in result.columnNames.enumerated() {
                let pad = String(repeating: " ", count: nameWidth - ResultFormatter.width(of: name))
                out += name + pad + " | " + displayed(cell(row, index)) + "\n"
            }
        }
        return out
    }

    private func cell(_ row: [String?], _ index: Int) -> String? {
        index < row.count ? row[index] : nil
    }
}

extension String {
    /// Every occurrence of `target` replaced, without Foundation.
    fileprivate func replacingAll(_ target: Character, with replacement: String) -> String {
        var out = ""
        for character in self {
            if character == target { out += replacement } else { out.append(character) }
        }
        return out
    }
}
