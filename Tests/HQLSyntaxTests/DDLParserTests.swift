import XCTest
@testable import HQLSyntax

final class DDLParserTests: XCTestCase {
    // MARK: - Databases

    func testCreateDatabase() {
        assertParses("CREATE DATABASE sales", .createDatabase(CreateDatabase(name: ident("sales"))))
        assertParses("create schema if not exists sales comment 'Sales data' location 's3://bucket/sales' "
                     + "with dbproperties ('owner'='etl', 'team' = \"data\")",
                     .createDatabase(CreateDatabase(name: ident("sales"), ifNotExists: true, comment: "Sales data",
                                                    location: "s3://bucket/sales",
                                                    properties: [prop("owner", "etl"), prop("team", "data")])))
        // Any order, as Spark allows.
        assertParses("CREATE DATABASE d LOCATION '/x' COMMENT 'c'",
                     .createDatabase(CreateDatabase(name: ident("d"), comment: "c", location: "/x")))
    }

    func testDropDatabaseAndUse() {
        assertParses("DROP DATABASE d", .dropDatabase(DropDatabase(name: ident("d"))))
        assertParses("DROP SCHEMA IF EXISTS d CASCADE",
                     .dropDatabase(DropDatabase(name: ident("d"), ifExists: true, behavior: .cascade)))
        assertParses("drop database d restrict", .dropDatabase(DropDatabase(name: ident("d"), behavior: .restrict)))
        assertParses("USE analytics", .use(ident("analytics")))
        assertParses("USE `default`", .use(ident("default")))
    }

    // MARK: - CREATE TABLE (Hive)

    func testCreateTableHiveFull() {
        let text = """
            CREATE EXTERNAL TABLE IF NOT EXISTS db.events (
              id BIGINT COMMENT 'event id',
              name STRING,
              tags ARRAY<STRING>
            )
            COMMENT 'raw events'
            PARTITIONED BY (dt STRING COMMENT 'day', hr INT)
            CLUSTERED BY (id) SORTED BY (id DESC, name) INTO 32 BUCKETS
            ROW FORMAT DELIMITED
              FIELDS TERMINATED BY '\\t' ESCAPED BY '\\\\'
              COLLECTION ITEMS TERMINATED BY ','
              MAP KEYS TERMINATED BY ':'
              LINES TERMINATED BY '\\n'
              NULL DEFINED AS ''
            STORED AS TEXTFILE
            LOCATION 's3://bucket/events'
            TBLPROPERTIES ('skip.header.line.count'='1', 'classification'='csv')
            """
        guard case .createTable(let table)? = parseKind(text) else { return XCTFail("not CREATE TABLE") }
        XCTAssertTrue(table.isExternal)
        XCTAssertFalse(table.isTemporary)
        XCTAssertTrue(table.ifNotExists)
        XCTAssertEqual(table.name, qname("db.events"))
        XCTAssertEqual(table.columns, [ColumnDefinition(name: ident("id"), type: .bigint, comment: "event id"),
                                       ColumnDefinition(name: ident("name"), type: .string),
                                       ColumnDefinition(name: ident("tags"), type: .array(.string))])
        XCTAssertEqual(table.comment, "raw events")
        XCTAssertEqual(table.partitionedBy, [PartitionColumn(name: ident("dt"), type: .string, comment: "day"),
                                             PartitionColumn(name: ident("hr"), type: .int)])
        XCTAssertEqual(table.clusteredBy, Bucketing(columns: [ident("id")],
                                                    sortedBy: [(ident("id"), .descending), (ident("name"), nil)],
                                                    buckets: 32))
        XCTAssertEqual(table.rowFormat, .delimited(DelimitedRowFormat(fieldsTerminatedBy: "\t", escapedBy: "\\",
                                                                      collectionItemsTerminatedBy: ",",
                                                                      mapKeysTerminatedBy: ":",
                                                                      linesTerminatedBy: "\n", nullDefinedAs: "")))
        XCTAssertEqual(table.storage, .storedAs(ident("TEXTFILE")))
        XCTAssertEqual(table.location, "s3://bucket/events")
        XCTAssertEqual(table.tableProperties, [prop("skip.header.line.count", "1"), prop("classification", "csv")])
        XCTAssertNil(table.asQuery)
        XCTAssertNil(table.provider)
    }

    func testCreateTableClausesInAnyOrder() {
        guard case .createTable(let table)? = parseKind(
            "CREATE TABLE t (a INT) LOCATION '/t' STORED AS ORC TBLPROPERTIES ('orc.compress'='ZLIB') "
                + "PARTITIONED BY (dt DATE) COMMENT 'c'") else { return XCTFail("not CREATE TABLE") }
        XCTAssertEqual(table.location, "/t")
        XCTAssertEqual(table.storage, .storedAs(ident("ORC")))
        XCTAssertEqual(table.tableProperties, [prop("orc.compress", "ZLIB")])
        XCTAssertEqual(table.partitionedBy, [PartitionColumn(name: ident("dt"), type: .date)])
        XCTAssertEqual(table.comment, "c")
    }

    func testCreateTableSerdeAndFormats() {
        guard case .createTable(let serde)? = parseKind(
            "CREATE TABLE t (a STRING) ROW FORMAT SERDE 'org.apache.hadoop.hive.serde2.OpenCSVSerde' "
                + "WITH SERDEPROPERTIES ('separatorChar' = ',', 'quoteChar' = '\"') "
                + "STORED AS INPUTFORMAT 'org.apache.hadoop.mapred.TextInputFormat' "
                + "OUTPUTFORMAT 'org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat'")
        else { return XCTFail("not CREATE TABLE") }
        XCTAssertEqual(serde.rowFormat, .serde(className: "org.apache.hadoop.hive.serde2.OpenCSVSerde",
                                               properties: [prop("separatorChar", ","), prop("quoteChar", "\"")]))
        XCTAssertEqual(serde.storage, .inputOutput(inputFormat: "org.apache.hadoop.mapred.TextInputFormat",
                                                   outputFormat: "org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat"))

        guard case .createTable(let dynamo)? = parseKind(
            "CREATE EXTERNAL TABLE ddb (k STRING, v BIGINT) "
                + "STORED BY 'org.apache.hadoop.hive.dynamodb.DynamoDBStorageHandler' "
                + "TBLPROPERTIES ('dynamodb.table.name' = 'Orders', 'dynamodb.column.mapping' = 'k:Key,v:Value')")
        else { return XCTFail("not CREATE TABLE") }
        XCTAssertEqual(dynamo.storage, .storedBy(handler: "org.apache.hadoop.hive.dynamodb.DynamoDBStorageHandler",
                                                 serdeProperties: []))
        XCTAssertEqual(dynamo.tableProperties.first, prop("dynamodb.table.name", "Orders"))

        guard case .createTable(let handler)? = parseKind(
            "CREATE TABLE h (a INT) STORED BY 'x.Handler' WITH SERDEPROPERTIES ('k'='v')")
        else { return XCTFail("not CREATE TABLE") }
        XCTAssertEqual(handler.storage, .storedBy(handler: "x.Handler", serdeProperties: [prop("k", "v")]))
    }

    func testCreateTableAsSelect() {
        guard case .createTable(let table)? = parseKind(
            "CREATE TABLE t2 STORED AS PARQUET AS SELECT a, b FROM t1 WHERE a > 0") else {
            return XCTFail("not CTAS")
        }
        XCTAssertEqual(table.name, qname("t2"))
        XCTAssertTrue(table.columns.isEmpty)
        XCTAssertEqual(table.storage, .storedAs(ident("PARQUET")))
        guard case .select(let select)? = table.asQuery?.body else { return XCTFail("no query") }
        XCTAssertEqual(select.items.count, 2)
        XCTAssertNotNil(select.whereClause)
    }

    func testCreateTemporaryTable() {
        assertParses("CREATE TEMPORARY TABLE tmp (a INT)",
                     .createTable(CreateTable(isTemporary: true, name: qname("tmp"),
                                              columns: [ColumnDefinition(name: ident("a"), type: .int)])))
    }

    // MARK: - CREATE TABLE (Spark)

    func testCreateTableUsingOptions() {
        guard case .createTable(let table)? = parseKind(
            "CREATE TABLE sales (id INT, amount DOUBLE, dt STRING) USING csv "
                + "OPTIONS (path 's3://b/sales', header true, 'delimiter' = ',', spark.x.y 2) "
                + "PARTITIONED BY (dt) LOCATION '/x' COMMENT 'c' TBLPROPERTIES ('a'='b')")
        else { return XCTFail("not CREATE TABLE") }
        XCTAssertEqual(table.provider, ident("csv"))
        XCTAssertEqual(table.options, [prop("path", "s3://b/sales"), prop("header", "true"), prop("delimiter", ","),
                                       prop("spark.x.y", "2")])
        XCTAssertEqual(table.partitionedBy, [PartitionColumn(name: ident("dt"))])
        XCTAssertNil(table.partitionedBy.first?.type)
        XCTAssertEqual(table.location, "/x")
        XCTAssertEqual(table.comment, "c")
        XCTAssertEqual(table.tableProperties, [prop("a", "b")])
        XCTAssertEqual(table.columns.map(\.type), [.int, .double, .string])
    }

    func testSparkOptionsWithoutEquals() {
        guard case .createTable(let table)? = parseKind(
            "CREATE TABLE j USING json OPTIONS ('multiLine' 'true', escape '\\\\', mode = FAILFAST, n -1)")
        else { return XCTFail("not CREATE TABLE") }
        XCTAssertEqual(table.options, [prop("multiLine", "true"), prop("escape", "\\"), prop("mode", "FAILFAST"),
                                       prop("n", "-1")])
        guard let statement = parseOne("CREATE TABLE j (a INT) TBLPROPERTIES ('k'='v')"),
              case .createTable(let spanned) = statement.kind else { return XCTFail("not CREATE TABLE") }
        XCTAssertEqual(spanned.tableProperties.first?.span, Span(start: 38, end: 45))
    }

    func testCreateOrReplaceTableUsingAsSelect() {
        guard case .createTable(let table)? = parseKind("CREATE OR REPLACE TABLE t USING parquet AS SELECT 1 AS x")
        else { return XCTFail("not CREATE TABLE") }
        XCTAssertTrue(table.orReplace)
        XCTAssertEqual(table.provider, ident("parquet"))
        XCTAssertNotNil(table.asQuery)
    }

    func testCreateTableLike() {
        assertParses("CREATE TABLE t2 LIKE db.t1",
                     .createTableLike(CreateTableLike(name: qname("t2"), source: qname("db.t1"))))
        assertParses("CREATE EXTERNAL TABLE IF NOT EXISTS t2 LIKE t1 LOCATION '/x' TBLPROPERTIES ('a'='1')",
                     .createTableLike(CreateTableLike(isExternal: true, ifNotExists: true, name: qname("t2"),
                                                      source: qname("t1"), location: "/x",
                                                      tableProperties: [prop("a", "1")])))
    }

    // MARK: - DROP, TRUNCATE, MSCK, ANALYZE

    func testDropAndTruncateTable() {
        assertParses("DROP TABLE t", .dropTable(DropTable(name: qname("t"))))
        assertParses("DROP TABLE IF EXISTS db.t PURGE", .dropTable(DropTable(name: qname("db.t"), ifExists: true,
                                                                             purge: true)))
        assertParses("TRUNCATE TABLE t", .truncateTable(TruncateTable(name: qname("t"))))
        assertParses("TRUNCATE TABLE t PARTITION (dt='2024-01-01')",
                     .truncateTable(TruncateTable(name: qname("t"),
                                                  partition: partition(("dt", stringLiteral("2024-01-01"))))))
    }

    func testMsck() {
        assertParses("MSCK REPAIR TABLE t", .msckRepairTable(MsckRepairTable(name: qname("t"))))
        assertParses("MSCK TABLE db.t", .msckRepairTable(MsckRepairTable(name: qname("db.t"))))
        assertParses("MSCK REPAIR TABLE t ADD PARTITIONS", .msckRepairTable(MsckRepairTable(name: qname("t"), mode: .add)))
        assertParses("MSCK REPAIR TABLE t DROP PARTITIONS",
                     .msckRepairTable(MsckRepairTable(name: qname("t"), mode: .drop)))
        assertParses("MSCK REPAIR TABLE t SYNC PARTITIONS",
                     .msckRepairTable(MsckRepairTable(name: qname("t"), mode: .sync)))
    }

    func testAnalyze() {
        assertParses("ANALYZE TABLE t COMPUTE STATISTICS", .analyzeTable(AnalyzeTable(name: qname("t"))))
        assertParses("ANALYZE TABLE t PARTITION (dt='x') COMPUTE STATISTICS NOSCAN",
                     .analyzeTable(AnalyzeTable(name: qname("t"), partition: partition(("dt", stringLiteral("x"))),
                                                scope: .noScan)))
        assertParses("ANALYZE TABLE t COMPUTE STATISTICS FOR COLUMNS a, b",
                     .analyzeTable(AnalyzeTable(name: qname("t"), scope: .forColumns([ident("a"), ident("b")]))))
        assertParses("ANALYZE TABLE t COMPUTE STATISTICS FOR COLUMNS",
                     .analyzeTable(AnalyzeTable(name: qname("t"), scope: .forColumns([]))))
        assertParses("ANALYZE TABLE t PARTITION (dt) COMPUTE STATISTICS FOR ALL COLUMNS",
                     .analyzeTable(AnalyzeTable(name: qname("t"), partition: partition(("dt", nil)),
                                                scope: .forAllColumns)))
    }

    // MARK: - ALTER TABLE

    private func assertAlter(_ text: String, _ action: AlterTableAction, file: StaticString = #filePath,
                             line: UInt = #line) {
        assertParses(text, .alterTable(AlterTable(name: qname("db.t"), action: action)), file: file, line: line)
    }

    func testAlterTableRenameAndPartitions() {
        let day = partition(("dt", stringLiteral("2024-01-01")))
        let day2 = partition(("dt", stringLiteral("2024-01-02")))
        assertAlter("ALTER TABLE db.t RENAME TO db.u", .renameTo(qname("db.u")))
        assertAlter("ALTER TABLE db.t ADD PARTITION (dt='2024-01-01')",
                    .addPartitions(ifNotExists: false, [PartitionWithLocation(partition: day)]))
        assertAlter("ALTER TABLE db.t ADD IF NOT EXISTS PARTITION (dt='2024-01-01') LOCATION 's3://a' "
                    + "PARTITION (dt='2024-01-02')",
                    .addPartitions(ifNotExists: true, [PartitionWithLocation(partition: day, location: "s3://a"),
                                                       PartitionWithLocation(partition: day2)]))
        assertAlter("ALTER TABLE db.t DROP IF EXISTS PARTITION (dt='2024-01-01'), PARTITION (dt='2024-01-02') PURGE",
                    .dropPartitions(ifExists: true, [day, day2], purge: true))
        assertAlter("ALTER TABLE db.t DROP PARTITION (dt='2024-01-01')", .dropPartitions(ifExists: false, [day],
                                                                                          purge: false))
        assertAlter("ALTER TABLE db.t PARTITION (dt='2024-01-01') RENAME TO PARTITION (dt='2024-01-02')",
                    .renamePartition(from: day, to: day2))
        assertAlter("ALTER TABLE db.t RECOVER PARTITIONS", .recoverPartitions)
    }

    func testAlterTableColumns() {
        let columns = [ColumnDefinition(name: ident("a"), type: .int, comment: "x"),
                       ColumnDefinition(name: ident("b"), type: .decimal(precision: 10, scale: 2))]
        assertAlter("ALTER TABLE db.t ADD COLUMNS (a INT COMMENT 'x', b DECIMAL(10,2))",
                    .addColumns(columns, cascade: false))
        assertAlter("ALTER TABLE db.t ADD COLUMNS (a INT COMMENT 'x', b DECIMAL(10,2)) CASCADE",
                    .addColumns(columns, cascade: true))
        assertAlter("ALTER TABLE db.t REPLACE COLUMNS (a INT COMMENT 'x', b DECIMAL(10,2)) RESTRICT",
                    .replaceColumns(columns, cascade: false))
        assertAlter("ALTER TABLE db.t CHANGE a a2 BIGINT",
                    .changeColumn(ChangeColumn(oldName: ident("a"), newName: ident("a2"), type: .bigint)))
        assertAlter("ALTER TABLE db.t CHANGE COLUMN a a2 STRING COMMENT 'renamed' AFTER b CASCADE",
                    .changeColumn(ChangeColumn(oldName: ident("a"), newName: ident("a2"), type: .string,
                                               comment: "renamed", position: .after(ident("b")), cascade: true)))
        assertAlter("ALTER TABLE db.t CHANGE COLUMN a a INT FIRST",
                    .changeColumn(ChangeColumn(oldName: ident("a"), newName: ident("a"), type: .int,
                                               position: .first)))
    }

    func testAlterTableSetAndUnset() {
        let day = partition(("dt", stringLiteral("2024-01-01")))
        assertAlter("ALTER TABLE db.t SET TBLPROPERTIES ('a'='1', 'b'='2')",
                    .setTableProperties([prop("a", "1"), prop("b", "2")]))
        assertAlter("ALTER TABLE db.t UNSET TBLPROPERTIES ('a', 'b')", .unsetTableProperties(ifExists: false,
                                                                                          keys: ["a", "b"]))
        assertAlter("ALTER TABLE db.t UNSET TBLPROPERTIES IF EXISTS ('a')", .unsetTableProperties(ifExists: true,
                                                                                               keys: ["a"]))
        assertAlter("ALTER TABLE db.t SET LOCATION 's3://x'", .setLocation(partition: nil, location: "s3://x"))
        assertAlter("ALTER TABLE db.t PARTITION (dt='2024-01-01') SET LOCATION 's3://x'",
                    .setLocation(partition: day, location: "s3://x"))
        assertAlter("ALTER TABLE db.t SET FILEFORMAT ORC", .setFileFormat(partition: nil, format: ident("ORC")))
        assertAlter("ALTER TABLE db.t PARTITION (dt='2024-01-01') SET FILEFORMAT PARQUET",
                    .setFileFormat(partition: day, format: ident("PARQUET")))
        assertAlter("ALTER TABLE db.t SET SERDE 'x.Serde'", .setSerde(className: "x.Serde", properties: []))
        assertAlter("ALTER TABLE db.t SET SERDE 'x.Serde' WITH SERDEPROPERTIES ('k'='v')",
                    .setSerde(className: "x.Serde", properties: [prop("k", "v")]))
        assertAlter("ALTER TABLE db.t SET SERDEPROPERTIES ('field.delim' = ',')",
                    .setSerdeProperties([prop("field.delim", ",")]))
    }

    // MARK: - Views

    func testCreateView() {
        guard case .createView(let view)? = parseKind(
            "CREATE OR REPLACE VIEW IF NOT EXISTS db.v (a COMMENT 'first', b) COMMENT 'a view' "
                + "TBLPROPERTIES ('k'='v') AS SELECT x, y FROM t") else { return XCTFail("not CREATE VIEW") }
        XCTAssertTrue(view.orReplace)
        XCTAssertFalse(view.isTemporary)
        XCTAssertTrue(view.ifNotExists)
        XCTAssertEqual(view.name, qname("db.v"))
        XCTAssertEqual(view.columns, [ViewColumn(name: ident("a"), comment: "first"), ViewColumn(name: ident("b"))])
        XCTAssertEqual(view.comment, "a view")
        XCTAssertEqual(view.tableProperties, [prop("k", "v")])
        guard case .select(let select) = view.query.body else { return XCTFail("no select") }
        XCTAssertEqual(select.items.count, 2)

        guard case .createView(let temp)? = parseKind("CREATE GLOBAL TEMPORARY VIEW gv AS SELECT 1") else {
            return XCTFail("not CREATE VIEW")
        }
        XCTAssertTrue(temp.isGlobal)
        XCTAssertTrue(temp.isTemporary)
        guard case .createView(let local)? = parseKind("create temporary view tv as select 1") else {
            return XCTFail("not CREATE VIEW")
        }
        XCTAssertFalse(local.isGlobal)
        XCTAssertTrue(local.isTemporary)
    }

    func testAlterAndDropView() {
        guard case .alterViewAs(let name, let query)? = parseKind("ALTER VIEW db.v AS SELECT 2") else {
            return XCTFail("not ALTER VIEW")
        }
        XCTAssertEqual(name, qname("db.v"))
        guard case .select = query.body else { return XCTFail("no select") }
        assertParses("DROP VIEW v", .dropView(DropView(name: qname("v"))))
        assertParses("DROP VIEW IF EXISTS db.v", .dropView(DropView(name: qname("db.v"), ifExists: true)))
    }

    // MARK: - Functions

    func testFunctions() {
        assertParses("CREATE FUNCTION f AS 'com.x.F'",
                     .createFunction(CreateFunction(name: qname("f"), className: "com.x.F")))
        assertParses("CREATE TEMPORARY FUNCTION db.f AS 'com.x.F' USING JAR 's3://b/f.jar', FILE '/tmp/x.txt', "
                     + "ARCHIVE 'a.zip'",
                     .createFunction(CreateFunction(isTemporary: true, name: qname("db.f"), className: "com.x.F",
                                                    resources: [FunctionResource(kind: .jar, uri: "s3://b/f.jar"),
                                                                FunctionResource(kind: .file, uri: "/tmp/x.txt"),
                                                                FunctionResource(kind: .archive, uri: "a.zip")])))
        assertParses("DROP FUNCTION f", .dropFunction(DropFunction(name: qname("f"))))
        assertParses("DROP TEMPORARY FUNCTION IF EXISTS f",
                     .dropFunction(DropFunction(isTemporary: true, ifExists: true, name: qname("f"))))
    }
}
