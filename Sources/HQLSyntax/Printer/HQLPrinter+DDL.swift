/// DDL clauses: CREATE TABLE and VIEW, ALTER TABLE actions, columns, ROW FORMAT and storage.
extension HQLPrinter {
    // MARK: - CREATE TABLE / VIEW

    /// `CREATE [OR REPLACE] [TEMPORARY] [EXTERNAL] TABLE ..`, its clauses in Hive's order, then `AS query`.
    mutating func printCreateTable(_ create: CreateTable) {
        out += "CREATE "
        if create.orReplace { out += "OR REPLACE " }
        if create.isTemporary { out += "TEMPORARY " }
        if create.isExternal { out += "EXTERNAL " }
        out += "TABLE "
        if create.ifNotExists { out += "IF NOT EXISTS " }
        printQualifiedName(create.name)
        if !create.columns.isEmpty {
            out.append(" ")
            parenthesizedBlock(create.columns) { $0.printColumnDefinition($1) }
        }
        if let provider = create.provider {
            clauseBreak()
            out += "USING "
            printDottedName(provider)
        }
        printClause("OPTIONS ", properties: create.options)
        printClause("COMMENT ", string: create.comment)
        if !create.partitionedBy.isEmpty {
            clauseBreak()
            out += "PARTITIONED BY ("
            commaSeparated(create.partitionedBy) { printer, column in
                printer.printIdentifier(column.name)
                if let type = column.type {
                    printer.out.append(" ")
                    printer.printType(type)
                }
                if let comment = column.comment {
                    printer.out += " COMMENT "
                    printer.printString(comment)
                }
            }
            out.append(")")
        }
        if let bucketing = create.clusteredBy {
            clauseBreak()
            out += "CLUSTERED BY ("
            printIdentifierList(bucketing.columns)
            out.append(")")
            if !bucketing.sortedBy.isEmpty {
                out += " SORTED BY ("
                commaSeparated(bucketing.sortedBy) { printer, key in
                    printer.printIdentifier(key.0)
                    if let direction = key.1 {
                        printer.out.append(" ")
                        printer.out += direction.rawValue
                    }
                }
                out.append(")")
            }
            out += " INTO " + String(bucketing.buckets) + " BUCKETS"
        }
        if let rowFormat = create.rowFormat {
            clauseBreak()
            printRowFormat(rowFormat)
        }
        if let storage = create.storage {
            clauseBreak()
            printStorage(storage)
        }
        printClause("LOCATION ", string: create.location)
        printClause("TBLPROPERTIES ", properties: create.tableProperties)
        if let query = create.asQuery {
            let hasClauses = create.provider != nil || !create.options.isEmpty || create.comment != nil
                || !create.partitionedBy.isEmpty || create.clusteredBy != nil || create.rowFormat != nil
                || create.storage != nil || create.location != nil || !create.tableProperties.isEmpty
            printAsQuery(query, ownLine: hasClauses)
        }
    }

    /// `CREATE [OR REPLACE] [GLOBAL] [TEMPORARY] VIEW .. AS query`
    mutating func printCreateView(_ create: CreateView) {
        out += "CREATE "
        if create.orReplace { out += "OR REPLACE " }
        if create.isGlobal { out += "GLOBAL " }
        if create.isTemporary { out += "TEMPORARY " }
        out += "VIEW "
        if create.ifNotExists { out += "IF NOT EXISTS " }
        printQualifiedName(create.name)
        if !create.columns.isEmpty {
            out += " ("
            commaSeparated(create.columns) { printer, column in
                printer.printIdentifier(column.name)
                if let comment = column.comment {
                    printer.out += " COMMENT "
                    printer.printString(comment)
                }
            }
            out.append(")")
        }
        printClause("COMMENT ", string: create.comment)
        printClause("TBLPROPERTIES ", properties: create.tableProperties)
        printAsQuery(create.query, ownLine: create.comment != nil || !create.tableProperties.isEmpty)
    }

    /// `AS query` of CTAS and views: in the pretty layout `AS` ends the header line, or stands on its own line
    /// after clause lines, and the query starts on the next line.
    private mutating func printAsQuery(_ query: Query, ownLine: Bool) {
        if ownLine { clauseBreak() } else { out.append(" ") }
        out += "AS"
        clauseBreak()
        printQuery(query)
    }

    // MARK: - ALTER TABLE

    /// The action of `ALTER TABLE t ..`, after the table name.
    mutating func printAlterTableAction(_ action: AlterTableAction) {
        switch action {
        case .renameTo(let name):
            out += "RENAME TO "
            printQualifiedName(name)
        case .addPartitions(let ifNotExists, let partitions):
            out += ifNotExists ? "ADD IF NOT EXISTS" : "ADD"
            for partition in partitions {
                out.append(" ")
                printPartitionSpec(partition.partition)
                printKeyword(" LOCATION ", string: partition.location)
            }
        case .dropPartitions(let ifExists, let partitions, let purge):
            out += ifExists ? "DROP IF EXISTS " : "DROP "
            commaSeparated(partitions) { $0.printPartitionSpec($1) }
            if purge { out += " PURGE" }
        case .renamePartition(let from, let to):
            printPartitionSpec(from)
            out += " RENAME TO "
            printPartitionSpec(to)
        case .addColumns(let columns, let cascade):
            out += "ADD COLUMNS "
            parenthesizedBlock(columns) { $0.printColumnDefinition($1) }
            if cascade { out += " CASCADE" }
        case .replaceColumns(let columns, let cascade):
            out += "REPLACE COLUMNS "
            parenthesizedBlock(columns) { $0.printColumnDefinition($1) }
            if cascade { out += " CASCADE" }
        case .changeColumn(let change):
            out += "CHANGE COLUMN "
            printIdentifier(change.oldName)
            out.append(" ")
            printIdentifier(change.newName)
            out.append(" ")
            printType(change.type)
            printKeyword(" COMMENT ", string: change.comment)
            switch change.position {
            case nil: break
            case .first: out += " FIRST"
            case .after(let column):
                out += " AFTER "
                printIdentifier(column)
            }
            if change.cascade { out += " CASCADE" }
        case .setTableProperties(let properties):
            out += "SET TBLPROPERTIES "
            printProperties(properties)
        case .unsetTableProperties(let ifExists, let keys):
            out += ifExists ? "UNSET TBLPROPERTIES IF EXISTS (" : "UNSET TBLPROPERTIES ("
            commaSeparated(keys) { $0.printString($1) }
            out.append(")")
        case .setLocation(let partition, let location):
            if let partition {
                printPartitionSpec(partition)
                out.append(" ")
            }
            out += "SET LOCATION "
            printString(location)
        case .setFileFormat(let partition, let format):
            if let partition {
                printPartitionSpec(partition)
                out.append(" ")
            }
            out += "SET FILEFORMAT "
            printIdentifier(format)
        case .setSerde(let className, let properties):
            out += "SET SERDE "
            printString(className)
            if !properties.isEmpty {
                out += " WITH SERDEPROPERTIES "
                printProperties(properties)
            }
        case .setSerdeProperties(let properties):
            out += "SET SERDEPROPERTIES "
            printProperties(properties)
        case .recoverPartitions:
            out += "RECOVER PARTITIONS"
        }
    }

    // MARK: - Columns and storage

    /// `name TYPE [COMMENT '..']`
    mutating func printColumnDefinition(_ column: ColumnDefinition) {
        printIdentifier(column.name)
        out.append(" ")
        printType(column.type)
        printKeyword(" COMMENT ", string: column.comment)
    }

    /// `ROW FORMAT DELIMITED ..` with its terminators in Hive's order, or `ROW FORMAT SERDE ..`.
    mutating func printRowFormat(_ rowFormat: RowFormat) {
        switch rowFormat {
        case .delimited(let delimited):
            out += "ROW FORMAT DELIMITED"
            printKeyword(" FIELDS TERMINATED BY ", string: delimited.fieldsTerminatedBy)
            printKeyword(" ESCAPED BY ", string: delimited.escapedBy)
            printKeyword(" COLLECTION ITEMS TERMINATED BY ", string: delimited.collectionItemsTerminatedBy)
            printKeyword(" MAP KEYS TERMINATED BY ", string: delimited.mapKeysTerminatedBy)
            printKeyword(" LINES TERMINATED BY ", string: delimited.linesTerminatedBy)
            printKeyword(" NULL DEFINED AS ", string: delimited.nullDefinedAs)
        case .serde(let className, let properties):
            out += "ROW FORMAT SERDE "
            printString(className)
            if !properties.isEmpty {
                out += " WITH SERDEPROPERTIES "
                printProperties(properties)
            }
        }
    }

    /// `STORED AS fmt`, `STORED AS INPUTFORMAT .. OUTPUTFORMAT ..` or `STORED BY 'handler' ..`.
    mutating func printStorage(_ storage: StorageFormat) {
        switch storage {
        case .storedAs(let format):
            out += "STORED AS "
            printIdentifier(format)
        case .inputOutput(let inputFormat, let outputFormat):
            out += "STORED AS INPUTFORMAT "
            printString(inputFormat)
            out += " OUTPUTFORMAT "
            printString(outputFormat)
        case .storedBy(let handler, let properties):
            out += "STORED BY "
            printString(handler)
            if !properties.isEmpty {
                out += " WITH SERDEPROPERTIES "
                printProperties(properties)
            }
        }
    }

    // MARK: - Optional clauses

    /// `keyword 'value'` when there is a value (the keyword carries its own spaces).
    mutating func printKeyword(_ keyword: String, string value: String?) {
        guard let value else { return }
        out += keyword
        printString(value)
    }

    /// A clause on its own line in the pretty style: `KEYWORD 'value'`, when there is a value.
    mutating func printClause(_ keyword: String, string value: String?) {
        guard let value else { return }
        clauseBreak()
        printKeyword(keyword, string: value)
    }

    /// A clause on its own line in the pretty style: `KEYWORD ('k'='v', ..)`, when there are properties.
    mutating func printClause(_ keyword: String, properties: [Property]) {
        guard !properties.isEmpty else { return }
        clauseBreak()
        out += keyword
        printProperties(properties)
    }
}
