import XCTest
@testable import HQLSyntax

final class CommandParserTests: XCTestCase {
    // MARK: - SET and RESET

    func testSet() {
        assertParses("SET", .set(.listOverridden))
        assertParses("set -v", .set(.listAll))
        assertParses("SET hive.exec.dynamic.partition.mode", .set(.show(key: "hive.exec.dynamic.partition.mode")))
        assertParses("SET hive.exec.dynamic.partition.mode=nonstrict",
                     .set(.assign(key: "hive.exec.dynamic.partition.mode", value: "nonstrict")))
        assertParses("SET a=b c", .set(.assign(key: "a", value: "b c")))
        assertParses("SET  a  =  b  ", .set(.assign(key: "a", value: "b")))
        assertParses("SET hivevar:x=${y}", .set(.assign(key: "hivevar:x", value: "${y}")))
        assertParses("SET mapred.job.name='daily load'", .set(.assign(key: "mapred.job.name", value: "'daily load'")))
        assertParses("SET a=", .set(.assign(key: "a", value: "")))
        assertParses("SET mail.to=etl@example.com #ops", .set(.assign(key: "mail.to", value: "etl@example.com #ops")))
        assertParses("SET x=a=b", .set(.assign(key: "x", value: "a=b")))
        assertParses("SET sep=a\\;b", .set(.assign(key: "sep", value: "a\\;b")))
        assertParses("SET spark.sql.shuffle.partitions = 200", .set(.assign(key: "spark.sql.shuffle.partitions",
                                                                           value: "200")))
    }

    func testSetValueEndsAtSemicolon() {
        let script = Parser.parseScript(SourceFile(name: "t", text: "SET a=1;\nSET b = two words ;\nSET"))
        XCTAssertTrue(script.diagnostics.isEmpty)
        XCTAssertEqual(script.statements.map(\.kind), [.set(.assign(key: "a", value: "1")),
                                                       .set(.assign(key: "b", value: "two words")),
                                                       .set(.listOverridden)])
        XCTAssertEqual(script.statements[1].span, Span(start: 9, end: 26))
    }

    func testReset() {
        assertParses("RESET", .reset(key: nil))
        assertParses("RESET spark.sql.shuffle.partitions", .reset(key: "spark.sql.shuffle.partitions"))
    }

    // MARK: - ADD and LIST

    func testAddAndListResources() {
        assertParses("ADD JAR /usr/lib/hive/udfs.jar", .addResource(.jar, paths: ["/usr/lib/hive/udfs.jar"]))
        assertParses("add jar s3://bucket/a.jar s3://bucket/b.jar",
                     .addResource(.jar, paths: ["s3://bucket/a.jar", "s3://bucket/b.jar"]))
        assertParses("ADD FILE '/tmp/my file.txt'", .addResource(.file, paths: ["/tmp/my file.txt"]))
        assertParses("ADD ARCHIVES /tmp/a.tar.gz", .addResource(.archive, paths: ["/tmp/a.tar.gz"]))
        assertParses("ADD JARS a.jar", .addResource(.jar, paths: ["a.jar"]))
        assertParses("ADD FILE /data/@v1/#x.txt", .addResource(.file, paths: ["/data/@v1/#x.txt"]))
        assertParses("LIST JARS", .listResources(.jar, paths: []))
        assertParses("LIST JAR", .listResources(.jar, paths: []))
        assertParses("list files /tmp/x.txt", .listResources(.file, paths: ["/tmp/x.txt"]))
        assertParses("LIST ARCHIVE", .listResources(.archive, paths: []))
    }

    // MARK: - SHOW

    func testShow() {
        assertParses("SHOW DATABASES", .show(.databases(like: nil)))
        assertParses("SHOW SCHEMAS LIKE 'sales*'", .show(.databases(like: "sales*")))
        assertParses("SHOW TABLES", .show(.tables(database: nil, like: nil)))
        assertParses("SHOW TABLES IN db", .show(.tables(database: ident("db"), like: nil)))
        assertParses("SHOW TABLES FROM db LIKE 'ev*'", .show(.tables(database: ident("db"), like: "ev*")))
        assertParses("SHOW TABLES 'ev*|x'", .show(.tables(database: nil, like: "ev*|x")))
        assertParses("SHOW VIEWS", .show(.views(database: nil, like: nil)))
        assertParses("SHOW VIEWS IN db LIKE 'v*'", .show(.views(database: ident("db"), like: "v*")))
        assertParses("SHOW PARTITIONS db.t", .show(.partitions(table: qname("db.t"), partition: nil)))
        assertParses("SHOW PARTITIONS t PARTITION (dt='2024-01-01')",
                     .show(.partitions(table: qname("t"), partition: partition(("dt", stringLiteral("2024-01-01"))))))
        assertParses("SHOW COLUMNS IN t", .show(.columns(table: qname("t"), database: nil)))
        assertParses("SHOW COLUMNS FROM t IN db", .show(.columns(table: qname("t"), database: ident("db"))))
        assertParses("SHOW CREATE TABLE db.t", .show(.createTable(qname("db.t"))))
        assertParses("SHOW TBLPROPERTIES t", .show(.tableProperties(table: qname("t"), key: nil)))
        assertParses("SHOW TBLPROPERTIES t ('numRows')", .show(.tableProperties(table: qname("t"), key: "numRows")))
        assertParses("SHOW FUNCTIONS", .show(.functions(like: nil)))
        assertParses("SHOW USER FUNCTIONS", .show(.functions(like: nil)))
        assertParses("SHOW SYSTEM FUNCTIONS LIKE 'date*'", .show(.functions(like: "date*")))
        assertParses("SHOW ALL FUNCTIONS 'a*'", .show(.functions(like: "a*")))
        assertParses("SHOW FUNCTIONS trim", .show(.functions(like: "trim")))
        assertParses("SHOW FUNCTIONS db.my_udf", .show(.functions(like: "db.my_udf")))
    }

    // MARK: - DESCRIBE

    func testDescribe() {
        assertParses("DESCRIBE t", .describe(Describe(target: .table(qname("t"), partition: nil, column: []))))
        assertParses("DESC FORMATTED db.t", .describe(Describe(target: .table(qname("db.t"), partition: nil, column: []),
                                                               detail: .formatted)))
        assertParses("DESCRIBE EXTENDED t PARTITION (dt='x')",
                     .describe(Describe(target: .table(qname("t"), partition: partition(("dt", stringLiteral("x"))),
                                                       column: []),
                                        detail: .extended)))
        assertParses("DESCRIBE t col", .describe(Describe(target: .table(qname("t"), partition: nil,
                                                                         column: [ident("col")]))))
        assertParses("DESCRIBE db.t s.field", .describe(Describe(target: .table(qname("db.t"), partition: nil,
                                                                                column: [ident("s"), ident("field")]))))
        assertParses("DESC TABLE EXTENDED db.t", .describe(Describe(target: .table(qname("db.t"), partition: nil,
                                                                                   column: []),
                                                                    detail: .extended)))
        assertParses("DESCRIBE TABLE t", .describe(Describe(target: .table(qname("t"), partition: nil, column: []))))
        // A table that happens to be called `formatted`.
        assertParses("DESCRIBE formatted", .describe(Describe(target: .table(qname("formatted"), partition: nil,
                                                                             column: []))))
        assertParses("DESCRIBE FUNCTION upper", .describe(Describe(target: .function(qname("upper")))))
        assertParses("DESCRIBE FUNCTION EXTENDED upper", .describe(Describe(target: .function(qname("upper")),
                                                                            detail: .extended)))
        assertParses("DESCRIBE DATABASE db", .describe(Describe(target: .database(ident("db")))))
        assertParses("DESC SCHEMA EXTENDED db", .describe(Describe(target: .database(ident("db")), detail: .extended)))
    }

    // MARK: - CLI-level commands

    func testCLICommands() {
        assertParses("source /home/etl/daily.hql", .cliCommand(.source(path: "/home/etl/daily.hql")))
        assertParses("SOURCE ./my scripts/a.hql", .cliCommand(.source(path: "./my scripts/a.hql")))
        assertParses("!ls -l /tmp", .cliCommand(.shell(command: "ls -l /tmp")))
        assertParses("! echo hi", .cliCommand(.shell(command: "echo hi")))
        assertParses("!echo #1 @home", .cliCommand(.shell(command: "echo #1 @home")))
        assertParses("quit", .cliCommand(.quit))
        assertParses("EXIT", .cliCommand(.exit))
        assertParses("Quit", .cliCommand(.quit))
    }

    func testCLICommandsInAScript() {
        let text = "!echo start;\nsource a.hql;\nSELECT 1;\nexit;"
        let script = Parser.parseScript(SourceFile(name: "t", text: text))
        XCTAssertTrue(script.diagnostics.isEmpty)
        XCTAssertEqual(script.statements.count, 4)
        XCTAssertEqual(script.statements.first?.kind, .cliCommand(.shell(command: "echo start")))
        XCTAssertEqual(script.statements.first?.span, Span(start: 0, end: 11))
        XCTAssertEqual(script.statements[1].kind, .cliCommand(.source(path: "a.hql")))
        XCTAssertEqual(script.statements.last?.kind, .cliCommand(.exit))
    }
}
