/// Statements: DML, DDL, session and metadata commands, CLI commands.
extension HQLPrinter {
    /// Any statement, without its closing `;`.
    mutating func printStatement(_ statement: Statement) {
        switch statement.kind {
        case .query(let query):
            printQuery(query)
        case .insert(let insert):
            if let with = insert.with {
                printWith(with)
                clauseBreak()
            }
            printInsertTarget(insert.target)
            clauseBreak()
            printQuery(insert.source)
        case .multiInsert(let multiInsert):
            if let with = multiInsert.with {
                printWith(with)
                clauseBreak()
            }
            out += "FROM "
            printTableReferences(multiInsert.from)
            for branch in multiInsert.branches {
                clauseBreak()
                printInsertTarget(branch.target)
                clauseBreak()
                printQuery(branch.query)
            }
        case .loadData(let load):
            out += load.isLocal ? "LOAD DATA LOCAL INPATH " : "LOAD DATA INPATH "
            printString(load.path)
            out += load.overwrite ? " OVERWRITE INTO TABLE " : " INTO TABLE "
            printQualifiedName(load.table)
            printPartition(load.partition)

        case .createDatabase(let create):
            out += "CREATE DATABASE "
            if create.ifNotExists { out += "IF NOT EXISTS " }
            printIdentifier(create.name)
            printClause("COMMENT ", string: create.comment)
            printClause("LOCATION ", string: create.location)
            printClause("WITH DBPROPERTIES ", properties: create.properties)
        case .dropDatabase(let drop):
            out += "DROP DATABASE "
            if drop.ifExists { out += "IF EXISTS " }
            printIdentifier(drop.name)
            if let behavior = drop.behavior {
                out.append(" ")
                out += behavior.rawValue
            }
        case .use(let database):
            out += "USE "
            printIdentifier(database)

        case .createTable(let create):
            printCreateTable(create)
        case .createTableLike(let create):
            out += "CREATE "
            if create.isTemporary { out += "TEMPORARY " }
            if create.isExternal { out += "EXTERNAL " }
            out += "TABLE "
            if create.ifNotExists { out += "IF NOT EXISTS " }
            printQualifiedName(create.name)
            out += " LIKE "
            printQualifiedName(create.source)
            printClause("LOCATION ", string: create.location)
            printClause("TBLPROPERTIES ", properties: create.tableProperties)
        case .dropTable(let drop):
            out += "DROP TABLE "
            if drop.ifExists { out += "IF EXISTS " }
            printQualifiedName(drop.name)
            if drop.purge { out += " PURGE" }
        case .truncateTable(let truncate):
            out += "TRUNCATE TABLE "
            printQualifiedName(truncate.name)
            printPartition(truncate.partition)
        case .alterTable(let alter):
            out += "ALTER TABLE "
            printQualifiedName(alter.name)
            out.append(" ")
            printAlterTableAction(alter.action)
        case .msckRepairTable(let msck):
            out += "MSCK REPAIR TABLE "
            printQualifiedName(msck.name)
            if let mode = msck.mode {
                out.append(" ")
                out += mode.rawValue
                out += " PARTITIONS"
            }
        case .createView(let create):
            printCreateView(create)
        case .alterViewAs(let name, let query):
            out += "ALTER VIEW "
            printQualifiedName(name)
            out += " AS"
            clauseBreak()
            printQuery(query)
        case .dropView(let drop):
            out += "DROP VIEW "
            if drop.ifExists { out += "IF EXISTS " }
            printQualifiedName(drop.name)
        case .createFunction(let create):
            out += create.isTemporary ? "CREATE TEMPORARY FUNCTION " : "CREATE FUNCTION "
            printQualifiedName(create.name)
            out += " AS "
            printString(create.className)
            if !create.resources.isEmpty {
                out += " USING "
                commaSeparated(create.resources) { printer, resource in
                    printer.out += resource.kind.rawValue
                    printer.out.append(" ")
                    printer.printString(resource.uri)
                }
            }
        case .dropFunction(let drop):
            out += drop.isTemporary ? "DROP TEMPORARY FUNCTION " : "DROP FUNCTION "
            if drop.ifExists { out += "IF EXISTS " }
            printQualifiedName(drop.name)
        case .analyzeTable(let analyze):
            out += "ANALYZE TABLE "
            printQualifiedName(analyze.name)
            printPartition(analyze.partition)
            out += " COMPUTE STATISTICS"
            switch analyze.scope {
            case .table: break
            case .noScan: out += " NOSCAN"
            case .forColumns(let columns):
                out += " FOR COLUMNS"
                if !columns.isEmpty {
                    out.append(" ")
                    printIdentifierList(columns)
                }
            case .forAllColumns: out += " FOR ALL COLUMNS"
            }

        case .set(let command):
            switch command {
            case .listOverridden: out += "SET"
            case .listAll: out += "SET -v"
            case .show(let key): out += "SET " + key
            case .assign(let key, let value): out += "SET " + key + "=" + value
            }
        case .reset(let key):
            out += "RESET"
            if let key { out += " " + key }
        case .addResource(let kind, let paths):
            out += "ADD "
            out += kind.rawValue
            for path in paths {
                out.append(" ")
                printResourcePath(path)
            }
        case .listResources(let kind, let paths):
            out += "LIST "
            out += kind.rawValue
            out.append("S")
            for path in paths {
                out.append(" ")
                printResourcePath(path)
            }
        case .show(let show):
            printShow(show)
        case .describe(let describe):
            printDescribe(describe)
        case .explain(let explain):
            out += "EXPLAIN "
            if let mode = explain.mode {
                out += mode.rawValue
                out.append(" ")
            }
            printStatement(explain.statement)
        case .cliCommand(let command):
            switch command {
            case .source(let path): out += "source " + path
            case .shell(let command): out += "!" + command
            case .quit: out += "quit"
            case .exit: out += "exit"
            }
        }
    }

    /// Resource paths are raw words as the Hive CLI reads them; one that would not read back as the same
    /// run of tokens (white space, quotes, `;`, comment starts, stray bytes) is written as a string.
    private mutating func printResourcePath(_ path: String) {
        var plain = !path.isEmpty && !path.contains("--") && !path.contains("/*")
        for byte in path.utf8 where !HQLPrinter.isPlainPathByte(byte) {
            plain = false
            break
        }
        if plain { out += path } else { printString(path) }
    }

    /// Bytes a raw resource path may hold and still read back as the same run of tokens.
    static func isPlainPathByte(_ byte: UInt8) -> Bool {
        if byte.isIdentifierByte { return true }
        switch byte {
        case UInt8(ascii: "/"), UInt8(ascii: "."), UInt8(ascii: ":"), UInt8(ascii: "-"), UInt8(ascii: "="),
             UInt8(ascii: "+"), UInt8(ascii: "%"), UInt8(ascii: ","), UInt8(ascii: "~"), UInt8(ascii: "*"):
            return true
        default:
            return false
        }
    }

    /// A name kept as one dotted string (a Spark data source such as `org.apache.spark.sql.csv`).
    mutating func printDottedName(_ name: Identifier) {
        if name.isQuoted || !name.name.contains(".") {
            printIdentifier(name)
            return
        }
        var first = true
        for part in name.name.split(separator: ".", omittingEmptySubsequences: false) {
            if !first { out.append(".") }
            first = false
            printIdentifier(Identifier(String(part)))
        }
    }

    // MARK: - Shared clauses

    /// ` PARTITION (k='v', k2)` when present.
    mutating func printPartition(_ partition: PartitionSpec?) {
        guard let partition else { return }
        out.append(" ")
        printPartitionSpec(partition)
    }

    /// `PARTITION (k=v, k2)`: static keys with a value, dynamic ones without.
    mutating func printPartitionSpec(_ partition: PartitionSpec) {
        out += "PARTITION ("
        compactly { printer in
            printer.commaSeparated(partition.items) { printer, item in
                printer.printIdentifier(item.column)
                if let value = item.value {
                    printer.out.append("=")
                    printer.printExpression(value)
                }
            }
        }
        out.append(")")
    }

    private mutating func printInsertTarget(_ target: InsertTarget) {
        out += "INSERT "
        out += target.mode.rawValue
        switch target.destination {
        case .table(let name, let partition, let ifNotExists, let columns):
            out += " TABLE "
            printQualifiedName(name)
            printPartition(partition)
            if ifNotExists { out += " IF NOT EXISTS" }
            if !columns.isEmpty {
                out += " ("
                printIdentifierList(columns)
                out.append(")")
            }
        case .directory(let directory):
            out += directory.isLocal ? " LOCAL DIRECTORY " : " DIRECTORY "
            printString(directory.path)
            if let rowFormat = directory.rowFormat {
                clauseBreak()
                printRowFormat(rowFormat)
            }
            if let storage = directory.storage {
                clauseBreak()
                printStorage(storage)
            }
        }
    }

    // MARK: - SHOW / DESCRIBE

    private mutating func printShow(_ show: Show) {
        switch show {
        case .databases(let like):
            out += "SHOW DATABASES"
            printLikePattern(like)
        case .tables(let database, let like):
            out += "SHOW TABLES"
            if let database {
                out += " IN "
                printIdentifier(database)
            }
            printLikePattern(like)
        case .views(let database, let like):
            out += "SHOW VIEWS"
            if let database {
                out += " IN "
                printIdentifier(database)
            }
            printLikePattern(like)
        case .partitions(let table, let partition):
            out += "SHOW PARTITIONS "
            printQualifiedName(table)
            printPartition(partition)
        case .columns(let table, let database):
            out += "SHOW COLUMNS IN "
            printQualifiedName(table)
            if let database {
                out += " IN "
                printIdentifier(database)
            }
        case .createTable(let table):
            out += "SHOW CREATE TABLE "
            printQualifiedName(table)
        case .tableProperties(let table, let key):
            out += "SHOW TBLPROPERTIES "
            printQualifiedName(table)
            if let key {
                out += " ("
                printString(key)
                out.append(")")
            }
        case .functions(let like):
            out += "SHOW FUNCTIONS"
            printLikePattern(like)
        }
    }

    private mutating func printLikePattern(_ pattern: String?) {
        guard let pattern else { return }
        out += " LIKE "
        printString(pattern)
    }

    private mutating func printDescribe(_ describe: Describe) {
        out += "DESCRIBE "
        switch describe.target {
        case .table(let name, let partition, let column):
            if let detail = describe.detail {
                out += detail.rawValue
                out.append(" ")
            }
            printQualifiedName(name)
            printPartition(partition)
            if !column.isEmpty {
                out.append(" ")
                printQualifiedName(QualifiedName(column))
            }
        case .function(let name):
            out += "FUNCTION "
            if let detail = describe.detail {
                out += detail.rawValue
                out.append(" ")
            }
            printQualifiedName(name)
        case .database(let name):
            out += "DATABASE "
            if let detail = describe.detail {
                out += detail.rawValue
                out.append(" ")
            }
            printIdentifier(name)
        }
    }
}
