import HQLPlanner

/// `DESCRIBE t` rows as spark-sql prints them: name, type and comment, and for a partitioned table
/// the partition columns again under `# Partition Information`.
enum DescribeOutput {
    static func rows(for table: TableDescriptor) -> [[String]] {
        var rows = table.allColumns.map { [$0.name, $0.type.description, $0.comment ?? ""].map(padded) }
        if !table.partitionColumns.isEmpty {
            rows.append(["# Partition Information", "", ""].map(padded))
            rows.append(["# col_name", "data_type", "comment"].map(padded))
            rows += table.partitionColumns.map { [$0.name, $0.type.description, $0.comment ?? ""].map(padded) }
        }
        return rows
    }

    /// Hive's DESCRIBE pads every field to 20 characters.
    static func padded(_ text: String) -> String {
        text.count >= 20 ? text : text + String(repeating: " ", count: 20 - text.count)
    }
}
