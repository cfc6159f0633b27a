-- Malformed statements, one case per block. `-- expect: TEXT` gives a fragment the first error's message must
-- contain (case-insensitive); the marker ‸ (removed before parsing) is where that error must point.
-- Each case is its own script; blank lines separate cases.

-- expect: FROM
SELECT a, ‸FROM t;

-- expect: end of input
SELECT a FROM‸

-- expect: FROM
SELECT count(a ‸FROM t;

-- expect: to close the
SELECT * FROM t WHERE a IN (1, 2‸;

-- expect: ::
SELECT a‸::INT FROM t;

-- expect: did you mean SELECT
‸SELCT a FROM t;

-- expect: did you mean TABLE
CREATE ‸TABEL t (a INT);

-- expect: did you mean INSERT
‸INSRT INTO t VALUES (1);

-- expect: did you mean CREATE
‸CRAETE TABLE t (a INT);

-- expect: backticks
CREATE TABLE t (‸date STRING);

-- expect: backticks
SELECT a FROM ‸table;

-- expect: backticks
CREATE TABLE ‸select (a INT);

-- expect: )
CREATE TABLE t (a INT, b STRING‸;

-- expect: type
CREATE TABLE t (a ‸);

-- expect: type
CREATE TABLE t (a ‸INTEGR);

-- expect: >
CREATE TABLE t (a ARRAY<INT‸);

-- expect: >
CREATE TABLE t (a MAP<STRING, INT‸);

-- expect: ,
CREATE TABLE t (a MAP<STRING‸>);

-- expect: BY
CREATE TABLE t (a INT) PARTITIONED ‸(b INT);

-- expect: )
CREATE TABLE t (a INT) PARTITIONED BY (b INT‸;

-- expect: string
CREATE TABLE t (a INT) ROW FORMAT DELIMITED FIELDS TERMINATED BY ‸, ;

-- expect: TERMINATED
CREATE TABLE t (a INT) ROW FORMAT DELIMITED FIELDS ‸BY ',';

-- expect: string
CREATE TABLE t (a INT) STORED BY ‸DynamoDBStorageHandler;

-- expect: string
CREATE TABLE t (a INT) LOCATION ‸/tmp/x;

-- expect: BUCKETS
CREATE TABLE t (a INT) CLUSTERED BY (a) INTO 4‸;

-- expect: INTO
CREATE TABLE t (a INT) CLUSTERED BY (a) ‸4 BUCKETS;

-- expect: )
CREATE TABLE t (a INT) TBLPROPERTIES ('a'='b'‸;

-- expect: AS
CREATE VIEW v ‸SELECT 1;

-- expect: string
CREATE TEMPORARY FUNCTION f AS ‸com.example.F;

-- expect: ';'
CREATE DATABASE ‸;

-- expect: EXISTS
CREATE DATABASE IF NOT ‸db;

-- expect: EXISTS
DROP TABLE IF ‸t;

-- expect: end of input
DROP TABLE‸

-- expect: TABLE
TRUNCATE ‸t;

-- expect: TO
ALTER TABLE t RENAME ‸u;

-- expect: PARTITION
ALTER TABLE t ADD ‸(y=1);

-- expect: COLUMNS
ALTER TABLE t ADD ‸COLUMN (c INT);

-- expect: (
ALTER TABLE t ADD COLUMNS ‸c INT;

-- expect: type
ALTER TABLE t CHANGE COLUMN a b‸;

-- expect: TABLE
MSCK REPAIR ‸t;

-- expect: INTO
INSERT ‸t SELECT 1;

-- expect: )
INSERT OVERWRITE TABLE t PARTITION (y=1 ‸SELECT 1;

-- expect: VALUE
INSERT OVERWRITE TABLE t PARTITION (y=1) ‸VALUE (1);

-- expect: )
INSERT INTO TABLE t VALUES (1, 2‸;

-- expect: string
LOAD DATA INPATH ‸/tmp/x INTO TABLE t;

-- expect: INTO
LOAD DATA LOCAL INPATH '/tmp/x' ‸TABLE t;

-- expect: INPATH
LOAD DATA ‸'/tmp/x' INTO TABLE t;

-- expect: UPDATE
FROM src ‸UPDATE t SET a = 1;

-- expect: expression
SELECT a FROM t WHERE ‸;

-- expect: BY
SELECT a FROM t GROUP ‸a;

-- expect: BY
SELECT a FROM t ORDER ‸a;

-- expect: expression
SELECT a FROM t GROUP BY ‸;

-- expect: expression
SELECT a FROM t ORDER BY a, ‸;

-- expect: expression
SELECT a FROM t HAVING ‸;

-- expect: JOIN
SELECT * FROM a LEFT ‸b ON a.x = b.x;

-- expect: JOIN
SELECT * FROM a LEFT SEMI ‸b ON a.x = b.x;

-- expect: expression
SELECT * FROM a JOIN b ON ‸;

-- expect: (
SELECT * FROM a JOIN b USING ‸x;

-- expect: VIEW
SELECT * FROM t LATERAL ‸explode(a) x AS c;

-- expect: (
SELECT * FROM t LATERAL VIEW explode ‸x AS c;

-- expect: THEN
SELECT CASE WHEN a = 1 ‸'one' END FROM t;

-- expect: END
SELECT CASE WHEN a = 1 THEN 'one' ‸FROM t;

-- expect: WHEN
SELECT CASE a ‸ELSE 1 END FROM t;

-- expect: AS
SELECT CAST(a ‸INT) FROM t;

-- expect: type
SELECT CAST(a AS ‸) FROM t;

-- expect: )
SELECT CAST(a AS INT ‸FROM t;

-- expect: AND
SELECT * FROM t WHERE a BETWEEN 1 ‸OR 2;

-- expect: (
SELECT * FROM t WHERE a IN ‸1, 2;

-- expect: expression
SELECT * FROM t WHERE a IN (‸);

-- expect: NULL
SELECT * FROM t WHERE a IS ‸NOTHING;

-- expect: expression
SELECT * FROM t WHERE a = ‸;

-- expect: expression
SELECT 1 + ‸;

-- expect: to close the
SELECT ((1 + 2) * 3‸;

-- expect: )
SELECT * FROM (SELECT 1‸;

-- expect: ]
SELECT a[0 ‸FROM t;

-- expect: (
SELECT row_number() OVER ‸PARTITION BY a FROM t;

-- expect: BY
SELECT row_number() OVER (PARTITION ‸a) FROM t;

-- expect: AND
SELECT sum(a) OVER (ORDER BY b ROWS BETWEEN UNBOUNDED PRECEDING ‸CURRENT ROW) FROM t;

-- expect: PRECEDING
SELECT sum(a) OVER (ORDER BY b ROWS BETWEEN UNBOUNDED ‸AND CURRENT ROW) FROM t;

-- expect: ROW
SELECT sum(a) OVER (ORDER BY b ROWS BETWEEN 1 PRECEDING AND CURRENT ‸) FROM t;

-- expect: AS
WITH c ‸SELECT 1;

-- expect: (
WITH c AS ‸SELECT 1 SELECT * FROM c;

-- expect: DELETE
WITH c AS (SELECT 1) ‸DELETE FROM c;

-- expect: ';'
SELECT 1 UNION ALL ‸;

-- expect: '2'
SELECT 1 ‸2;

-- expect: 'v'
SELECT a FROM t u ‸v;

-- expect: after the end of the statement
DROP TABLE t ‸CASCADE extra;

-- expect: unterminated string
SELECT ‸'abc FROM t;

-- expect: unterminated comment
SELECT 1 ‸/* never closed

-- expect: unterminated quoted identifier
SELECT ‸`abc FROM t;

-- expect: unexpected character
SELECT 1 ‸# 2;

-- expect: $
SELECT ‸${undefined_var} FROM t;

-- expect: expression
SELECT ‸) FROM t;

-- expect: ','
SELECT t.‸, b FROM t;

-- expect: ';'
SELECT * FROM db.‸;

-- expect: '='
SELECT a FROM t WHERE a == ‸= 1;

-- expect: ';'
USE ‸;

-- expect: ';'
DESCRIBE ‸;

-- expect: TABLEZ
SHOW ‸TABLEZ;

-- expect: TABLE
SHOW CREATE ‸VIEWS v;

-- expect: ';'
EXPLAIN ‸;

-- expect: JARZ
ADD ‸JARZ /tmp/a.jar;

-- expect: expression
SELECT a FROM t WHERE a LIKE ‸;

-- expect: 'x'
SELECT a FROM t WHERE a LIKE ANY ‸'x';

-- expect: PARTITION
ALTER TABLE t DROP IF EXISTS ‸(y=1);

-- expect: expression
SELECT a FROM t DISTRIBUTE BY ‸;

-- expect: DESCENDING
SELECT a FROM t SORT BY a ‸DESCENDING;

-- expect: OUT
SELECT * FROM t TABLESAMPLE (BUCKET 1 ‸OF 4);

-- expect: DAZE
SELECT INTERVAL 1 ‸DAZE;

-- expect: expression
SELECT count(DISTINCT ‸) FROM t;

-- expect: SETS
SELECT a FROM t GROUP BY a GROUPING ‸((a));

-- expect: ROLLOVER
SELECT a FROM t GROUP BY a WITH ‸ROLLOVER;
