// ALTER TABLE and its actions. Grammar: grammar/tables.md.

extension Parser {
    /// ```
    /// alterTable: TABLE qualifiedName alterTableAction
    /// alterTableAction: RENAME TO qualifiedName
    ///                 | ADD [IF NOT EXISTS] partitionSpec [LOCATION STRING] (partitionSpec [LOCATION STRING])*
    ///                 | ADD COLUMNS columnDefinitions [CASCADE | RESTRICT]
    ///                 | REPLACE COLUMNS columnDefinitions [CASCADE | RESTRICT]
    ///                 | DROP [IF EXISTS] partitionSpec (',' partitionSpec)* [PURGE]
    ///                 | CHANGE [COLUMN] identifier identifier dataType [COMMENT STRING]
    ///                   [FIRST | AFTER identifier] [CASCADE | RESTRICT]
    ///                 | partitionSpec RENAME TO partitionSpec
    ///                 | [partitionSpec] SET LOCATION STRING
    ///                 | [partitionSpec] SET FILEFORMAT identifier
    ///                 | SET TBLPROPERTIES propertyList
    ///                 | SET SERDE STRING [WITH SERDEPROPERTIES propertyList]
    ///                 | SET SERDEPROPERTIES propertyList
    ///                 | UNSET TBLPROPERTIES [IF EXISTS] '(' propertyKey (',' propertyKey)* ')'
    ///                 | RECOVER PARTITIONS
    /// ```
    mutating func parseAlterTable() throws -> AlterTable {
        try expect(.table)
        let name = try parseQualifiedName("table name")
        return AlterTable(name: name, action: try parseAlterTableAction())
    }

    private mutating func parseAlterTableAction() throws -> AlterTableAction {
        if eat(.rename) != nil {
            try require(.to, "after RENAME")
            return .renameTo(try parseQualifiedName("new table name"))
        }
        if eat(.add) != nil {
            if eat(.columns) != nil {
                let columns = try parseColumnDefinitions()
                return .addColumns(columns, cascade: parseCascade())
            }
            let ifNotExists = try parseIfNotExists()
            guard at(.partition) else {
                throw expected("PARTITION or COLUMNS after ADD", suggesting: [.partition, .columns])
            }
            var partitions: [PartitionWithLocation] = []
            while at(.partition) {
                let spec = try parsePartitionSpec()
                let location = at(.location) ? try parseKeywordString(.location, "location string") : nil
                partitions.append(PartitionWithLocation(partition: spec, location: location))
            }
            return .addPartitions(ifNotExists: ifNotExists, partitions)
        }
        if eat(.replace) != nil {
            try require(.columns, "after REPLACE")
            let columns = try parseColumnDefinitions()
            return .replaceColumns(columns, cascade: parseCascade())
        }
        if eat(.drop) != nil {
            let ifExists = try parseIfExists()
            guard at(.partition) else { throw expected("PARTITION after DROP", suggesting: [.partition]) }
            var partitions: [PartitionSpec] = []
            repeat { partitions.append(try parsePartitionSpec()) } while eat(.comma) != nil
            return .dropPartitions(ifExists: ifExists, partitions, purge: eat(.purge) != nil)
        }
        if eat(.change) != nil {
            return .changeColumn(try parseChangeColumn())
        }
        if at(.partition) {
            let spec = try parsePartitionSpec()
            if eat(.rename) != nil {
                try require(.to, "after RENAME")
                return .renamePartition(from: spec, to: try parsePartitionSpec())
            }
            guard eat(.set) != nil else {
                throw expected("RENAME TO or SET after the partition spec", suggesting: [.rename, .set])
            }
            return try parseAlterSet(partition: spec)
        }
        if eat(.set) != nil { return try parseAlterSet(partition: nil) }
        if eat(.unset) != nil {
            try require(.tblproperties, "after UNSET")
            let ifExists = try parseIfExists()
            let keys = try parseParenthesizedList(of: "property key list") { try $0.parsePropertyKey() }
            return .unsetTableProperties(ifExists: ifExists, keys: keys)
        }
        if eat(.recover) != nil {
            try require(.partitions, "after RECOVER")
            return .recoverPartitions
        }
        throw expected("an ALTER TABLE action (RENAME TO, ADD, DROP, CHANGE, REPLACE COLUMNS, SET, UNSET, "
                       + "PARTITION, RECOVER PARTITIONS)",
                       suggesting: [.rename, .add, .drop, .change, .replace, .set, .unset, .partition, .recover])
    }

    /// `[CASCADE | RESTRICT]`: whether CASCADE was written.
    private mutating func parseCascade() -> Bool {
        if eat(.cascade) != nil { return true }
        eat(.restrict)
        return false
    }

    /// The actions after `[partitionSpec] SET`.
    private mutating func parseAlterSet(partition: PartitionSpec?) throws -> AlterTableAction {
        if at(.location) {
            return .setLocation(partition: partition, location: try parseKeywordString(.location, "location string"))
        }
        if eat(.fileformat) != nil {
            return .setFileFormat(partition: partition, format: try parseIdentifier("file format"))
        }
        if partition != nil {
            throw expected("LOCATION or FILEFORMAT after PARTITION (..) SET", suggesting: [.location, .fileformat])
        }
        if eat(.tblproperties) != nil {
            return .setTableProperties(try parsePropertyList(of: "table properties"))
        }
        if eat(.serde) != nil {
            let className = try parseStringLiteral("SerDe class name string")
            return .setSerde(className: className, properties: try parseOptionalSerdeProperties())
        }
        if eat(.serdeproperties) != nil {
            return .setSerdeProperties(try parsePropertyList(of: "SerDe properties"))
        }
        throw expected("TBLPROPERTIES, LOCATION, FILEFORMAT, SERDE or SERDEPROPERTIES after SET",
                       suggesting: [.tblproperties, .location, .fileformat, .serde, .serdeproperties])
    }

    /// `changeColumn: CHANGE [COLUMN] identifier identifier dataType [COMMENT STRING]
    ///                [FIRST | AFTER identifier] [CASCADE | RESTRICT]`
    private mutating func parseChangeColumn() throws -> ChangeColumn {
        eat(.column)
        let oldName = try parseIdentifier("column name")
        let newName = try parseIdentifier("new column name")
        var change = ChangeColumn(oldName: oldName, newName: newName, type: try parseDataType())
        if at(.comment) { change.comment = try parseKeywordString(.comment, "comment string") }
        if eat(.first) != nil {
            change.position = .first
        } else if eat(.after) != nil {
            change.position = .after(try parseIdentifier("column name"))
        }
        change.cascade = parseCascade()
        return change
    }
}
