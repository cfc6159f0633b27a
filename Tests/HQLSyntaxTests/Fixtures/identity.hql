-- Canonical HiveQL, one statement per line: each must parse and print back byte-identical (compact style).
-- Lines starting with `--` and blank lines are skipped by RoundTripTests.

-- Databases
CREATE DATABASE sales
CREATE DATABASE IF NOT EXISTS sales
CREATE DATABASE IF NOT EXISTS sales COMMENT 'sales data' LOCATION 's3://bucket/sales.db'
CREATE DATABASE analytics WITH DBPROPERTIES ('owner'='data-team', 'tier'='gold')
CREATE DATABASE staging COMMENT 'scratch' LOCATION '/warehouse/staging' WITH DBPROPERTIES ('ttl'='7')
DROP DATABASE sales
DROP DATABASE IF EXISTS sales
DROP DATABASE IF EXISTS sales CASCADE
DROP DATABASE staging RESTRICT
USE sales
USE `default`

-- SHOW
SHOW DATABASES
SHOW DATABASES LIKE 'sa*'
SHOW TABLES
SHOW TABLES IN sales
SHOW TABLES LIKE 'ord*'
SHOW TABLES IN sales LIKE 'ord*|cust*'
SHOW VIEWS
SHOW VIEWS IN sales LIKE 'v_*'
SHOW PARTITIONS orders
SHOW PARTITIONS sales.orders PARTITION (dt='2020-01-01')
SHOW COLUMNS IN orders
SHOW COLUMNS IN orders IN sales
SHOW CREATE TABLE sales.orders
SHOW TBLPROPERTIES orders
SHOW TBLPROPERTIES orders ('numRows')
SHOW FUNCTIONS
SHOW FUNCTIONS LIKE 'date*'

-- CREATE TABLE: Hive forms
CREATE TABLE t (a INT)
CREATE TABLE IF NOT EXISTS sales.orders (id BIGINT, customer STRING, amount DECIMAL(10,2), placed TIMESTAMP)
CREATE TEMPORARY TABLE tmp_ids (id BIGINT)
CREATE EXTERNAL TABLE ext (line STRING) LOCATION 's3://bucket/raw/'
CREATE TEMPORARY EXTERNAL TABLE tmp_ext (line STRING) LOCATION '/tmp/raw'
CREATE TABLE typed (a TINYINT, b SMALLINT, c INT, d BIGINT, e FLOAT, f DOUBLE, g DECIMAL, h DECIMAL(10), i DECIMAL(38,18))
CREATE TABLE texts (a STRING, b VARCHAR(20), c CHAR(2), d BOOLEAN, e BINARY, f DATE, g TIMESTAMP)
CREATE TABLE nested (tags ARRAY<STRING>, props MAP<STRING,INT>, addr STRUCT<street:STRING,zip:INT>)
CREATE TABLE deep (m MAP<STRING,ARRAY<STRUCT<k:STRING,v:ARRAY<MAP<INT,DOUBLE>>>>>)
CREATE TABLE unions (u UNIONTYPE<INT,STRING,ARRAY<INT>>)
CREATE TABLE commented (id BIGINT COMMENT 'primary key', name STRING COMMENT 'display name') COMMENT 'people'
CREATE TABLE struct_comments (s STRUCT<a:INT COMMENT 'first',b:STRING>)
CREATE TABLE quoted (`select` STRING, `from` INT, `my col` DOUBLE, `we``ird` STRING)
CREATE TABLE events (id BIGINT, payload STRING) PARTITIONED BY (dt STRING, hr INT)
CREATE TABLE events2 (id BIGINT) PARTITIONED BY (dt STRING COMMENT 'day', hr INT COMMENT 'hour')
CREATE TABLE bucketed (id BIGINT, name STRING) CLUSTERED BY (id) INTO 32 BUCKETS
CREATE TABLE bucketed_sorted (id BIGINT, ts BIGINT) CLUSTERED BY (id) SORTED BY (ts DESC) INTO 8 BUCKETS
CREATE TABLE bucketed_multi (a INT, b INT, c INT) CLUSTERED BY (a, b) SORTED BY (a ASC, b DESC, c) INTO 4 BUCKETS
CREATE TABLE csv_in (a STRING, b STRING) ROW FORMAT DELIMITED FIELDS TERMINATED BY ','
CREATE TABLE tsv_in (a STRING) ROW FORMAT DELIMITED FIELDS TERMINATED BY '\t' LINES TERMINATED BY '\n'
CREATE TABLE ctrl_a (a STRING, b ARRAY<STRING>, c MAP<STRING,STRING>) ROW FORMAT DELIMITED FIELDS TERMINATED BY '\001' COLLECTION ITEMS TERMINATED BY '\002' MAP KEYS TERMINATED BY '\003' LINES TERMINATED BY '\n'
CREATE TABLE escaped (a STRING) ROW FORMAT DELIMITED FIELDS TERMINATED BY '|' ESCAPED BY '\\' NULL DEFINED AS ''
CREATE TABLE all_delims (a STRING) ROW FORMAT DELIMITED FIELDS TERMINATED BY ',' ESCAPED BY '\\' COLLECTION ITEMS TERMINATED BY '|' MAP KEYS TERMINATED BY ':' LINES TERMINATED BY '\n' NULL DEFINED AS '\\N'
CREATE TABLE nulls_only (a STRING) ROW FORMAT DELIMITED NULL DEFINED AS 'NULL'
CREATE TABLE serde_json (a STRING) ROW FORMAT SERDE 'org.apache.hive.hcatalog.data.JsonSerDe'
CREATE TABLE serde_csv (a STRING, b STRING) ROW FORMAT SERDE 'org.apache.hadoop.hive.serde2.OpenCSVSerde' WITH SERDEPROPERTIES ('separatorChar'=',', 'quoteChar'='"', 'escapeChar'='\\')
CREATE TABLE serde_regex (host STRING, req STRING) ROW FORMAT SERDE 'org.apache.hadoop.hive.serde2.RegexSerDe' WITH SERDEPROPERTIES ('input.regex'='([^ ]*) (.*)') STORED AS TEXTFILE
CREATE TABLE orc_t (a INT) STORED AS ORC
CREATE TABLE parquet_t (a INT) STORED AS PARQUET
CREATE TABLE text_t (a INT) STORED AS TEXTFILE
CREATE TABLE seq_t (a INT) STORED AS SEQUENCEFILE
CREATE TABLE avro_t (a INT) STORED AS AVRO
CREATE TABLE io_t (a INT) STORED AS INPUTFORMAT 'org.apache.hadoop.mapred.TextInputFormat' OUTPUTFORMAT 'org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat'
CREATE EXTERNAL TABLE ddb_orders (id STRING, total BIGINT, items ARRAY<STRING>) STORED BY 'org.apache.hadoop.hive.dynamodb.DynamoDBStorageHandler' TBLPROPERTIES ('dynamodb.table.name'='Orders', 'dynamodb.column.mapping'='id:OrderId,total:Total,items:Items')
CREATE EXTERNAL TABLE ddb_users (user_id STRING, name STRING) STORED BY 'org.apache.hadoop.hive.dynamodb.DynamoDBStorageHandler' TBLPROPERTIES ('dynamodb.table.name'='Users', 'dynamodb.column.mapping'='user_id:UserId,name:Name', 'dynamodb.throughput.read.percent'='0.5')
CREATE TABLE hbase_t (k STRING, v STRING) STORED BY 'org.apache.hadoop.hive.hbase.HBaseStorageHandler' WITH SERDEPROPERTIES ('hbase.columns.mapping'=':key,cf:v')
CREATE TABLE located (a INT) STORED AS ORC LOCATION '/warehouse/located'
CREATE TABLE propped (a INT) TBLPROPERTIES ('transactional'='false')
CREATE TABLE skip_header (a STRING, b INT) ROW FORMAT DELIMITED FIELDS TERMINATED BY ',' STORED AS TEXTFILE LOCATION 's3://bucket/csv/' TBLPROPERTIES ('skip.header.line.count'='1')
CREATE EXTERNAL TABLE IF NOT EXISTS logs.access (host STRING COMMENT 'client', status INT, bytes BIGINT) COMMENT 'access log' PARTITIONED BY (dt STRING) CLUSTERED BY (host) SORTED BY (host ASC) INTO 16 BUCKETS ROW FORMAT DELIMITED FIELDS TERMINATED BY '\t' STORED AS TEXTFILE LOCATION 's3://logs/access' TBLPROPERTIES ('creator'='etl', 'version'='2')
CREATE TABLE ctas AS SELECT a, b FROM src
CREATE TABLE ctas_orc STORED AS ORC AS SELECT a, count(*) AS n FROM src GROUP BY a
CREATE TABLE IF NOT EXISTS ctas_part PARTITIONED BY (dt) AS SELECT a, dt FROM src
CREATE TABLE ctas_with AS WITH s AS (SELECT 1 AS x) SELECT x FROM s
CREATE TABLE ctas_located ROW FORMAT DELIMITED FIELDS TERMINATED BY ',' LOCATION '/tmp/ctas' AS SELECT * FROM src

-- CREATE TABLE: Spark data-source forms
CREATE TABLE spark_csv (a STRING, b INT) USING csv OPTIONS ('header'='true', 'delimiter'=',')
CREATE TABLE spark_parquet (a INT) USING parquet LOCATION '/data/parquet'
CREATE TABLE spark_json USING json OPTIONS ('path'='/data/events.json')
CREATE TABLE spark_part (a INT, dt STRING) USING parquet PARTITIONED BY (dt)
CREATE TABLE spark_bucket (a INT, b STRING) USING orc CLUSTERED BY (a) INTO 4 BUCKETS
CREATE TABLE spark_commented (a INT) USING delta COMMENT 'delta table' TBLPROPERTIES ('delta.appendOnly'='true')
CREATE OR REPLACE TABLE spark_replace (a INT) USING parquet
CREATE TABLE spark_ctas USING parquet AS SELECT 1 AS a
CREATE TEMPORARY TABLE spark_tmp USING csv OPTIONS ('path'='/tmp/x.csv', 'inferSchema'='true')

-- CREATE TABLE LIKE
CREATE TABLE copy LIKE orders
CREATE TABLE IF NOT EXISTS sales.copy LIKE sales.orders
CREATE EXTERNAL TABLE ext_copy LIKE orders LOCATION '/tmp/copy'
CREATE TEMPORARY TABLE tmp_copy LIKE orders
CREATE TABLE copy_props LIKE orders TBLPROPERTIES ('k'='v')
CREATE TABLE copy_all LIKE orders LOCATION '/tmp/copy_all' TBLPROPERTIES ('a'='1', 'b'='2')

-- DROP / TRUNCATE / MSCK
DROP TABLE orders
DROP TABLE IF EXISTS sales.orders
DROP TABLE IF EXISTS orders PURGE
TRUNCATE TABLE orders
TRUNCATE TABLE events PARTITION (dt='2020-01-01')
TRUNCATE TABLE events PARTITION (dt='2020-01-01', hr=3)
MSCK REPAIR TABLE events
MSCK REPAIR TABLE sales.events ADD PARTITIONS
MSCK REPAIR TABLE events DROP PARTITIONS
MSCK REPAIR TABLE events SYNC PARTITIONS

-- ALTER TABLE
ALTER TABLE orders RENAME TO orders_old
ALTER TABLE sales.orders RENAME TO sales.orders_v2
ALTER TABLE events ADD PARTITION (dt='2020-01-01')
ALTER TABLE events ADD IF NOT EXISTS PARTITION (dt='2020-01-01') LOCATION 's3://b/dt=2020-01-01'
ALTER TABLE events ADD PARTITION (dt='2020-01-01', hr=0) LOCATION '/p/0' PARTITION (dt='2020-01-01', hr=1) LOCATION '/p/1'
ALTER TABLE events DROP PARTITION (dt='2020-01-01')
ALTER TABLE events DROP IF EXISTS PARTITION (dt='2020-01-01'), PARTITION (dt='2020-01-02')
ALTER TABLE events DROP IF EXISTS PARTITION (dt='2020-01-01') PURGE
ALTER TABLE events PARTITION (dt='2020-01-01') RENAME TO PARTITION (dt='2020-01-02')
ALTER TABLE orders ADD COLUMNS (note STRING)
ALTER TABLE orders ADD COLUMNS (note STRING COMMENT 'free text', flags ARRAY<INT>) CASCADE
ALTER TABLE orders REPLACE COLUMNS (id BIGINT, amount DOUBLE)
ALTER TABLE orders REPLACE COLUMNS (id BIGINT) CASCADE
ALTER TABLE orders CHANGE COLUMN amount amount DECIMAL(12,2)
ALTER TABLE orders CHANGE COLUMN amt amount DOUBLE COMMENT 'renamed'
ALTER TABLE orders CHANGE COLUMN note note STRING FIRST
ALTER TABLE orders CHANGE COLUMN note memo STRING COMMENT 'memo' AFTER amount CASCADE
ALTER TABLE orders SET TBLPROPERTIES ('comment'='orders table')
ALTER TABLE orders SET TBLPROPERTIES ('a'='1', 'b'='2')
ALTER TABLE orders UNSET TBLPROPERTIES ('a')
ALTER TABLE orders UNSET TBLPROPERTIES IF EXISTS ('a', 'b')
ALTER TABLE orders SET LOCATION 's3://bucket/orders'
ALTER TABLE events PARTITION (dt='2020-01-01') SET LOCATION 's3://bucket/events/2020-01-01'
ALTER TABLE orders SET FILEFORMAT ORC
ALTER TABLE events PARTITION (dt='2020-01-01') SET FILEFORMAT PARQUET
ALTER TABLE orders SET SERDE 'org.apache.hadoop.hive.serde2.lazy.LazySimpleSerDe'
ALTER TABLE orders SET SERDE 'org.apache.hadoop.hive.serde2.OpenCSVSerde' WITH SERDEPROPERTIES ('separatorChar'=';')
ALTER TABLE orders SET SERDEPROPERTIES ('field.delim'=',')
ALTER TABLE events RECOVER PARTITIONS

-- Views
CREATE VIEW v AS SELECT a FROM t
CREATE VIEW IF NOT EXISTS sales.v_orders AS SELECT id, amount FROM sales.orders WHERE amount > 0
CREATE OR REPLACE VIEW v AS SELECT 1 AS one
CREATE TEMPORARY VIEW tv AS SELECT * FROM t
CREATE OR REPLACE TEMPORARY VIEW tv AS SELECT * FROM t
CREATE GLOBAL TEMPORARY VIEW gv AS SELECT 1
CREATE VIEW v_cols (a COMMENT 'first', b) AS SELECT x, y FROM t
CREATE VIEW v_meta COMMENT 'a view' TBLPROPERTIES ('owner'='me') AS SELECT a FROM t
CREATE VIEW v_with AS WITH c AS (SELECT 1 AS x) SELECT x FROM c
ALTER VIEW v AS SELECT a, b FROM t
ALTER VIEW sales.v_orders AS SELECT id FROM sales.orders
DROP VIEW v
DROP VIEW IF EXISTS sales.v_orders

-- Functions
CREATE TEMPORARY FUNCTION my_upper AS 'com.example.hive.udf.Upper'
CREATE FUNCTION sales.my_lower AS 'com.example.hive.udf.Lower'
CREATE FUNCTION my_udf AS 'com.example.Udf' USING JAR 'hdfs:///libs/udf.jar'
CREATE FUNCTION my_udf2 AS 'com.example.Udf2' USING JAR '/libs/a.jar', FILE '/libs/dict.txt', ARCHIVE '/libs/data.zip'
DROP FUNCTION my_udf
DROP FUNCTION IF EXISTS sales.my_lower
DROP TEMPORARY FUNCTION my_upper
DROP TEMPORARY FUNCTION IF EXISTS my_upper

-- ANALYZE
ANALYZE TABLE orders COMPUTE STATISTICS
ANALYZE TABLE orders COMPUTE STATISTICS NOSCAN
ANALYZE TABLE events PARTITION (dt='2020-01-01') COMPUTE STATISTICS
ANALYZE TABLE events PARTITION (dt) COMPUTE STATISTICS
ANALYZE TABLE orders COMPUTE STATISTICS FOR COLUMNS
ANALYZE TABLE orders COMPUTE STATISTICS FOR COLUMNS id, amount
ANALYZE TABLE orders COMPUTE STATISTICS FOR ALL COLUMNS

-- INSERT
INSERT OVERWRITE TABLE dst SELECT * FROM src
INSERT INTO TABLE dst SELECT a, b FROM src
INSERT INTO TABLE sales.dst SELECT a FROM src WHERE a IS NOT NULL
INSERT OVERWRITE TABLE events PARTITION (dt='2020-01-01') SELECT id, payload FROM staging
INSERT OVERWRITE TABLE events PARTITION (dt='2020-01-01', hr=5) SELECT id, payload FROM staging
INSERT OVERWRITE TABLE events PARTITION (dt, hr) SELECT id, payload, dt, hr FROM staging
INSERT OVERWRITE TABLE events PARTITION (dt='2020-01-01', hr) SELECT id, payload, hr FROM staging
INSERT OVERWRITE TABLE events PARTITION (dt='2020-01-01') IF NOT EXISTS SELECT id, payload FROM staging
INSERT INTO TABLE events PARTITION (dt='2020-01-01') SELECT id, payload FROM staging
INSERT INTO TABLE dst (a, b) SELECT x, y FROM src
INSERT INTO TABLE events PARTITION (dt='2020-01-01') (id, payload) SELECT 1, 'x'
INSERT INTO TABLE dst VALUES (1, 'a')
INSERT INTO TABLE dst VALUES (1, 'a'), (2, 'b'), (3, NULL)
INSERT INTO TABLE dst (a, b) VALUES (1, 'a'), (2, 'b')
INSERT INTO TABLE events PARTITION (dt='2020-01-01') VALUES (1, 'x')
INSERT OVERWRITE TABLE dst VALUES (-1, CAST(NULL AS STRING))
INSERT OVERWRITE DIRECTORY '/tmp/out' SELECT * FROM src
INSERT OVERWRITE LOCAL DIRECTORY '/tmp/out' SELECT * FROM src
INSERT OVERWRITE LOCAL DIRECTORY '/tmp/out' ROW FORMAT DELIMITED FIELDS TERMINATED BY ',' SELECT a, b FROM src
INSERT OVERWRITE DIRECTORY 's3://bucket/out' ROW FORMAT DELIMITED FIELDS TERMINATED BY '\t' LINES TERMINATED BY '\n' STORED AS TEXTFILE SELECT * FROM src
INSERT OVERWRITE DIRECTORY '/tmp/orc' STORED AS ORC SELECT * FROM src
INSERT OVERWRITE LOCAL DIRECTORY '/tmp/json' ROW FORMAT SERDE 'org.apache.hive.hcatalog.data.JsonSerDe' SELECT * FROM src
WITH s AS (SELECT a FROM src) INSERT INTO TABLE dst SELECT a FROM s
WITH s AS (SELECT a FROM src), u AS (SELECT a FROM s) INSERT OVERWRITE TABLE dst PARTITION (dt='1') SELECT a FROM u
INSERT INTO TABLE dst SELECT a FROM src UNION ALL SELECT a FROM src2
INSERT OVERWRITE TABLE dst SELECT a, count(*) AS n FROM src GROUP BY a ORDER BY n DESC LIMIT 10

-- Multi-insert and from-first
FROM src INSERT OVERWRITE TABLE a SELECT x WHERE x > 0 INSERT OVERWRITE TABLE b SELECT y WHERE y < 0
FROM src INSERT INTO TABLE a PARTITION (dt='2020-01-01') SELECT x INSERT INTO TABLE b SELECT y GROUP BY y
FROM src AS s JOIN other AS o ON s.id = o.id INSERT OVERWRITE TABLE a SELECT s.x, o.y
FROM src INSERT OVERWRITE LOCAL DIRECTORY '/tmp/a' SELECT x INSERT OVERWRITE TABLE b SELECT y
FROM src INSERT OVERWRITE TABLE a SELECT DISTINCT x SORT BY x INSERT INTO TABLE b SELECT y LIMIT 5
WITH c AS (SELECT * FROM src) FROM c INSERT INTO TABLE a SELECT x INSERT INTO TABLE b SELECT y
FROM src SELECT a, b WHERE a > 1
FROM src AS s SELECT s.a ORDER BY s.a

-- LOAD DATA
LOAD DATA INPATH '/data/orders.csv' INTO TABLE orders
LOAD DATA LOCAL INPATH '/tmp/orders.csv' INTO TABLE orders
LOAD DATA LOCAL INPATH '/tmp/orders.csv' OVERWRITE INTO TABLE sales.orders
LOAD DATA INPATH 's3://bucket/2020-01-01/' OVERWRITE INTO TABLE events PARTITION (dt='2020-01-01')
LOAD DATA LOCAL INPATH '/tmp/e.tsv' INTO TABLE events PARTITION (dt='2020-01-01', hr=0)

-- Queries: SELECT basics
SELECT 1
SELECT 1, 2, 3
SELECT * FROM t
SELECT t.* FROM t
SELECT a, b FROM t
SELECT a AS x, b AS y FROM t AS u
SELECT DISTINCT a FROM t
SELECT ALL a FROM t
SELECT a FROM db.t
SELECT t.a, db.t.b FROM db.t
SELECT `a`, `select`, `my col` AS `alias with space` FROM `table`
SELECT a FROM t WHERE a > 1
SELECT a FROM t WHERE a > 1 AND b < 2 OR c = 3
SELECT a, count(*) AS n FROM t GROUP BY a
SELECT a, count(*) AS n FROM t GROUP BY a HAVING count(*) > 1
SELECT a, b, sum(c) AS s FROM t GROUP BY a, b WITH ROLLUP
SELECT a, b, sum(c) AS s FROM t GROUP BY a, b WITH CUBE
SELECT a, b, sum(c) AS s FROM t GROUP BY a, b GROUPING SETS ((a, b), a, ())
SELECT a, b, sum(c) AS s FROM t GROUP BY a, b GROUPING SETS (a, b)
SELECT a, b, sum(c) AS s FROM t GROUP BY GROUPING SETS ((a, b), a, ())
SELECT a, b, sum(c) AS s FROM t GROUP BY ROLLUP(a, b)
SELECT a, b, sum(c) AS s FROM t GROUP BY CUBE(a, b)
SELECT a, grouping(a) AS g, grouping_id() AS gid FROM t GROUP BY a WITH ROLLUP
SELECT a FROM t ORDER BY a
SELECT a FROM t ORDER BY a ASC, b DESC
SELECT a FROM t ORDER BY a ASC NULLS LAST, b DESC NULLS FIRST
SELECT a FROM t SORT BY a
SELECT a FROM t SORT BY a DESC, b
SELECT a FROM t DISTRIBUTE BY a
SELECT a FROM t DISTRIBUTE BY a SORT BY a ASC
SELECT a FROM t CLUSTER BY a
SELECT a FROM t CLUSTER BY a, b
SELECT a FROM t LIMIT 10
SELECT a FROM t ORDER BY a LIMIT 10 OFFSET 20
SELECT a FROM t ORDER BY a DESC LIMIT 5
SELECT a, b FROM t WHERE a IS NOT NULL GROUP BY a, b HAVING max(b) > 0 ORDER BY a LIMIT 3

-- Joins
SELECT * FROM a JOIN b ON a.id = b.id
SELECT * FROM a CROSS JOIN b
SELECT * FROM a LEFT OUTER JOIN b ON a.id = b.id
SELECT * FROM a RIGHT OUTER JOIN b ON a.id = b.id
SELECT * FROM a FULL OUTER JOIN b ON a.id = b.id
SELECT * FROM a LEFT SEMI JOIN b ON a.id = b.id
SELECT * FROM a LEFT ANTI JOIN b ON a.id = b.id
SELECT * FROM a JOIN b USING (id)
SELECT * FROM a JOIN b USING (id, dt)
SELECT * FROM a AS x JOIN b AS y ON x.id = y.id AND x.dt = y.dt
SELECT * FROM a JOIN b ON a.id = b.id JOIN c ON b.id = c.id LEFT OUTER JOIN d ON c.id = d.id
SELECT * FROM a, b WHERE a.id = b.id
SELECT * FROM a, b, c
SELECT * FROM a JOIN b
SELECT * FROM a JOIN (b JOIN c ON b.id = c.id) ON a.id = b.id
SELECT * FROM (a JOIN b ON a.id = b.id)
SELECT x.a, y.b FROM (SELECT a, id FROM t) AS x JOIN (SELECT b, id FROM u) AS y ON x.id = y.id
SELECT * FROM a FULL OUTER JOIN b ON a.k = b.k AND a.v <> b.v WHERE a.k IS NULL OR b.k IS NULL

-- Lateral views, table samples, table functions, VALUES in FROM
SELECT x FROM t LATERAL VIEW explode(arr) e AS x
SELECT x FROM t LATERAL VIEW OUTER explode(arr) e AS x
SELECT k, v FROM t LATERAL VIEW explode(m) e AS k, v
SELECT pos, val FROM t LATERAL VIEW posexplode(arr) p AS pos, val
SELECT a, b FROM t LATERAL VIEW json_tuple(js, 'a', 'b') j AS a, b
SELECT k, v FROM t LATERAL VIEW stack(2, 'a', 1, 'b', 2) s AS k, v
SELECT x, y FROM t LATERAL VIEW explode(xs) ex AS x LATERAL VIEW explode(ys) ey AS y
SELECT t.id, e.x FROM t LATERAL VIEW explode(t.items) e AS x WHERE e.x > 0
SELECT x FROM t LATERAL VIEW inline(arr_of_structs) i AS a, b
SELECT * FROM a JOIN b ON a.id = b.id LATERAL VIEW explode(b.tags) e AS tag
SELECT explode(arr) AS x FROM t
SELECT explode(m) AS (k, v) FROM t
SELECT posexplode(arr) AS (pos, val) FROM t
SELECT * FROM t TABLESAMPLE (BUCKET 1 OUT OF 4)
SELECT * FROM t TABLESAMPLE (BUCKET 1 OUT OF 4 ON id) AS s
SELECT * FROM t TABLESAMPLE (BUCKET 2 OUT OF 8 ON rand())
SELECT * FROM t TABLESAMPLE (10 PERCENT)
SELECT * FROM t TABLESAMPLE (0.5 PERCENT) AS s
SELECT * FROM t TABLESAMPLE (100 ROWS)
SELECT * FROM t TABLESAMPLE (100M)
SELECT * FROM inline(array(struct(1, 'a')))
SELECT id FROM my_tvf(1, 10, 2) AS r
SELECT * FROM json_tuple('{}', 'a') AS j(a)
SELECT * FROM VALUES (1, 'a'), (2, 'b') AS v(n, s)
SELECT n FROM VALUES (1), (2) AS v(n) WHERE n > 1
SELECT * FROM explode(array(1, 2)) AS e(x)

-- Set operations
SELECT a FROM t UNION SELECT a FROM u
SELECT a FROM t UNION ALL SELECT a FROM u
SELECT a FROM t UNION DISTINCT SELECT a FROM u
SELECT a FROM t INTERSECT SELECT a FROM u
SELECT a FROM t INTERSECT ALL SELECT a FROM u
SELECT a FROM t EXCEPT SELECT a FROM u
SELECT a FROM t EXCEPT ALL SELECT a FROM u
SELECT a FROM t MINUS SELECT a FROM u
SELECT a FROM t UNION ALL SELECT a FROM u UNION ALL SELECT a FROM v
SELECT a FROM t UNION ALL SELECT a FROM u INTERSECT SELECT a FROM v
SELECT a FROM t UNION ALL (SELECT a FROM u UNION SELECT a FROM v)
(SELECT a FROM t ORDER BY a LIMIT 1) UNION ALL (SELECT a FROM u ORDER BY a LIMIT 1)
SELECT a FROM t UNION ALL SELECT a FROM u ORDER BY a LIMIT 5
(SELECT a FROM t)
VALUES (1, 2), (3, 4)
VALUES (1, 'a')
SELECT * FROM (SELECT a FROM t UNION ALL SELECT a FROM u) AS x

-- WITH
WITH a AS (SELECT 1 AS x) SELECT x FROM a
WITH a AS (SELECT 1 AS x), b AS (SELECT x + 1 AS y FROM a) SELECT y FROM b
WITH a (x, y) AS (SELECT 1, 2) SELECT x, y FROM a
WITH RECURSIVE r (n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 10) SELECT n FROM r
WITH a AS (SELECT * FROM t) SELECT * FROM a UNION ALL SELECT * FROM a
SELECT * FROM (WITH a AS (SELECT 1 AS x) SELECT x FROM a) AS s

-- Subqueries
SELECT * FROM (SELECT a FROM t) AS s
SELECT * FROM (SELECT a, b FROM t) AS s(x, y)
SELECT * FROM (SELECT * FROM (SELECT a FROM t) AS inner_s) AS outer_s
SELECT a FROM t WHERE a IN (SELECT a FROM u)
SELECT a FROM t WHERE a NOT IN (SELECT a FROM u WHERE u.b > 0)
SELECT a FROM t WHERE EXISTS (SELECT 1 FROM u WHERE u.a = t.a)
SELECT a FROM t WHERE NOT EXISTS (SELECT 1 FROM u WHERE u.a = t.a)
SELECT a, (SELECT max(b) FROM u) AS m FROM t
SELECT a FROM t WHERE a > (SELECT avg(a) FROM t)
SELECT a FROM t WHERE (a, b) IN (SELECT a, b FROM u)

-- Window clause and window functions
SELECT a, row_number() OVER (PARTITION BY a ORDER BY b) AS rn FROM t
SELECT a, rank() OVER (ORDER BY b DESC) AS r, dense_rank() OVER (ORDER BY b DESC) AS dr FROM t
SELECT sum(x) OVER (PARTITION BY a ORDER BY b ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS running FROM t
SELECT avg(x) OVER (PARTITION BY a ORDER BY b ROWS BETWEEN 2 PRECEDING AND 2 FOLLOWING) AS smooth FROM t
SELECT sum(x) OVER (ORDER BY b RANGE BETWEEN 1 PRECEDING AND CURRENT ROW) AS s FROM t
SELECT sum(x) OVER (ORDER BY b ROWS BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING) AS s FROM t
SELECT sum(x) OVER (ORDER BY b ROWS 3 PRECEDING) AS s FROM t
SELECT sum(x) OVER (ORDER BY b RANGE UNBOUNDED PRECEDING) AS s FROM t
SELECT count(*) OVER () AS total FROM t
SELECT sum(x) OVER (PARTITION BY a) AS s FROM t
SELECT lag(x, 1) OVER w AS prev, lead(x, 1, 0) OVER w AS next FROM t WINDOW w AS (PARTITION BY a ORDER BY b)
SELECT sum(x) OVER w1 AS s, max(x) OVER w2 AS m FROM t WINDOW w1 AS (PARTITION BY a), w2 AS (PARTITION BY a ORDER BY b)
SELECT sum(x) OVER (w ORDER BY b) AS s FROM t WINDOW w AS (PARTITION BY a)
SELECT first_value(x) OVER (PARTITION BY a ORDER BY b) AS f, last_value(x) IGNORE NULLS OVER (PARTITION BY a ORDER BY b) AS l FROM t
SELECT ntile(4) OVER (ORDER BY x) AS q, percent_rank() OVER (ORDER BY x) AS p, cume_dist() OVER (ORDER BY x) AS c FROM t
SELECT a, sum(b) OVER (PARTITION BY a ORDER BY c ASC NULLS FIRST ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS s FROM t

-- Literals
SELECT 0, 42, -7, 3.14, .5, 1e10, 1.5E-3
SELECT 10L, 5S, 2Y, 1.0D, 1.5F, 3.14BD, 100BD
SELECT TRUE, FALSE, NULL
SELECT 'text', 'it\'s', 'tab\tnew\nline', 'back\\slash', '\001', 'percent\%', 'héllo'
SELECT '' AS empty, ' ' AS space
SELECT DATE '2020-01-01', TIMESTAMP '2020-01-01 10:00:00', TIMESTAMP '2020-01-01 10:00:00.123'
SELECT X'0A0B', X'ff'
SELECT INTERVAL '1' DAY, INTERVAL 2 HOUR, INTERVAL '30' MINUTE, INTERVAL 10 SECOND
SELECT INTERVAL '1-2' YEAR TO MONTH, INTERVAL '1 10:20:30' DAY TO SECOND, INTERVAL '10:20' HOUR TO MINUTE
SELECT INTERVAL 1 DAY 2 HOUR 3 MINUTE
SELECT INTERVAL -1 MONTH, INTERVAL 1 WEEK, INTERVAL 3 YEAR
SELECT d + INTERVAL 1 DAY, ts - INTERVAL '2' HOUR FROM t

-- Operators and precedence
SELECT a + b, a - b, a * b, a / b, a % b, a DIV b FROM t
SELECT a & b, a | b, a ^ b, ~a FROM t
SELECT -a, +a, - -a, -(a + b) FROM t
SELECT a || b || c FROM t
SELECT a = b, a <> b, a < b, a <= b, a > b, a >= b, a <=> b FROM t
SELECT a - (b - c), (a - b) - c, a - b - c FROM t
SELECT (a + b) * c, a + b * c, a * (b + c), a / (b * c) FROM t
SELECT a FROM t WHERE a OR b AND c
SELECT a FROM t WHERE (a OR b) AND c
SELECT a FROM t WHERE NOT a
SELECT a FROM t WHERE NOT a = b
SELECT a FROM t WHERE NOT (a AND b)
SELECT a FROM t WHERE NOT a AND NOT b
SELECT a FROM t WHERE a AND (b OR c) AND NOT d
SELECT (a), ((a + b)), (a, b) FROM t
SELECT a FROM t WHERE (a, b) IN ((1, 2), (3, 4))
SELECT a + 1 > b * 2 AND c - 1 <= d / 2 FROM t
SELECT a | b & c, (a | b) & c, a ^ b | c FROM t

-- Predicates
SELECT a FROM t WHERE a BETWEEN 1 AND 10
SELECT a FROM t WHERE a NOT BETWEEN 1 AND 10
SELECT a FROM t WHERE a BETWEEN b - 1 AND b + 1 AND c
SELECT a FROM t WHERE a IN (1, 2, 3)
SELECT a FROM t WHERE a NOT IN ('x', 'y')
SELECT a FROM t WHERE a IS NULL
SELECT a FROM t WHERE a IS NOT NULL
SELECT a FROM t WHERE a IS TRUE OR b IS FALSE
SELECT a FROM t WHERE a IS NOT TRUE AND b IS NOT FALSE
SELECT a FROM t WHERE a + b IS NULL
SELECT a FROM t WHERE (a AND b) IS NULL
SELECT a FROM t WHERE a = (b IS NULL)
SELECT a FROM t WHERE a LIKE 'x%'
SELECT a FROM t WHERE a NOT LIKE '%y'
SELECT a FROM t WHERE a LIKE 'a\_b%'
SELECT a FROM t WHERE a RLIKE '^[0-9]+$'
SELECT a FROM t WHERE a NOT RLIKE '^a'
SELECT a FROM t WHERE a REGEXP 'x.*y'
SELECT a FROM t WHERE a NOT REGEXP 'z'
SELECT a FROM t WHERE a LIKE ANY ('x%', '%y')
SELECT a FROM t WHERE a LIKE ALL ('%x%', '%y%')
SELECT a FROM t WHERE a NOT LIKE ANY ('x%')
SELECT a FROM t WHERE a LIKE b || '%'

-- CASE and CAST
SELECT CASE WHEN a > 0 THEN 'pos' WHEN a < 0 THEN 'neg' ELSE 'zero' END FROM t
SELECT CASE WHEN a IS NULL THEN 0 END FROM t
SELECT CASE a WHEN 1 THEN 'one' WHEN 2 THEN 'two' ELSE 'many' END AS word FROM t
SELECT CASE a + 1 WHEN 1 THEN TRUE END FROM t
SELECT CASE WHEN a IN (1, 2) THEN CASE WHEN b THEN 1 ELSE 2 END ELSE 3 END FROM t
SELECT CAST(a AS TINYINT), CAST(a AS SMALLINT), CAST(a AS INT), CAST(a AS BIGINT) FROM t
SELECT CAST(a AS FLOAT), CAST(a AS DOUBLE), CAST(a AS DECIMAL), CAST(a AS DECIMAL(10)), CAST(a AS DECIMAL(10,2)) FROM t
SELECT CAST(a AS STRING), CAST(a AS VARCHAR(10)), CAST(a AS CHAR(5)), CAST(a AS BOOLEAN), CAST(a AS BINARY) FROM t
SELECT CAST(a AS DATE), CAST(a AS TIMESTAMP) FROM t
SELECT CAST(a AS ARRAY<INT>), CAST(m AS MAP<STRING,INT>), CAST(s AS STRUCT<a:INT,b:STRING>) FROM t
SELECT CAST(CAST(a AS STRING) AS INT) + 1 FROM t
SELECT CAST(a + b AS DOUBLE) / 2 FROM t

-- Functions
SELECT count(*), count(a), count(DISTINCT a), count(DISTINCT a, b) FROM t
SELECT sum(a), avg(a), min(a), max(a), sum(DISTINCT a) FROM t
SELECT sum(a) FILTER (WHERE a > 0) AS pos FROM t
SELECT collect_list(a), collect_set(b), percentile_approx(c, 0.5) FROM t GROUP BY d
SELECT if(a > 0, 'pos', 'neg'), coalesce(a, b, 0), nvl(a, 0), nullif(a, 0) FROM t
SELECT concat(a, '-', b), concat_ws(',', a, b), upper(a), lower(b), trim(c), length(d) FROM t
SELECT substr(a, 1, 3), regexp_replace(a, '[0-9]', ''), regexp_extract(a, '(\\d+)', 1), split(a, ',') FROM t
SELECT date_add(d, 1), date_sub(d, 1), datediff(d1, d2), to_date(ts), year(d), month(d), day(d) FROM t
SELECT from_unixtime(unix_timestamp()), current_date(), current_timestamp() FROM t
SELECT array(1, 2, 3), map('a', 1, 'b', 2), struct(1, 'a'), named_struct('x', 1, 'y', 2) FROM t
SELECT size(arr), array_contains(arr, 1), sort_array(arr), map_keys(m), map_values(m) FROM t
SELECT get_json_object(js, '$.a.b'), json_tuple(js, 'a') FROM t
SELECT default.my_udf(a), sales.fn(b, c) FROM t
SELECT `my udf`(a) FROM t
SELECT extract(year FROM d), EXTRACT(DAY FROM ts + INTERVAL 1 DAY) FROM t

-- Subscripts, fields, lambdas
SELECT arr[0], arr[size(arr) - 1], m['key'], m[k] FROM t
SELECT s.f, t.s.f, arr[0].f, m['k'].g.h FROM t
SELECT named_struct('a', 1, 'b', 2).a FROM t
SELECT (a + b)[0] FROM t
SELECT transform(arr, x -> x + 1) FROM t
SELECT filter(arr, x -> x > 0 AND x < 10) FROM t
SELECT aggregate(arr, 0, (acc, x) -> acc + x) FROM t
SELECT aggregate(arr, 0, (acc, x) -> acc + x, acc -> acc * 10) FROM t
SELECT map_filter(m, (k, v) -> v > 0) FROM t
SELECT exists(arr, x -> x IS NULL), forall(arr, x -> x > 0) FROM t
SELECT transform(arr, (x, i) -> x * i) FROM t

-- Session and metadata commands
SET
SET -v
SET hive.exec.dynamic.partition
SET hive.exec.dynamic.partition=true
SET hive.exec.dynamic.partition.mode=nonstrict
SET mapreduce.job.reduces=10
SET spark.sql.shuffle.partitions=200
SET hivevar:dt=2020-01-01
RESET
RESET hive.exec.dynamic.partition
ADD JAR /tmp/udfs.jar
ADD JAR /tmp/a.jar /tmp/b.jar
ADD FILE /tmp/dict.txt
ADD ARCHIVE /tmp/data.zip
ADD JAR '/tmp/with space.jar'
LIST JARS
LIST FILES
LIST ARCHIVES
LIST JARS /tmp/udfs.jar
DESCRIBE orders
DESCRIBE sales.orders
DESCRIBE FORMATTED orders
DESCRIBE EXTENDED sales.orders
DESCRIBE events PARTITION (dt='2020-01-01')
DESCRIBE FORMATTED events PARTITION (dt='2020-01-01')
DESCRIBE orders amount
DESCRIBE FORMATTED orders amount
DESCRIBE FUNCTION upper
DESCRIBE FUNCTION EXTENDED upper
DESCRIBE DATABASE sales
DESCRIBE DATABASE EXTENDED sales
EXPLAIN SELECT a FROM t
EXPLAIN EXTENDED SELECT a FROM t WHERE a > 1
EXPLAIN FORMATTED SELECT a FROM t
EXPLAIN CODEGEN SELECT a FROM t
EXPLAIN COST SELECT a FROM t
EXPLAIN LOGICAL SELECT a FROM t
EXPLAIN DEPENDENCY SELECT a FROM t
EXPLAIN INSERT OVERWRITE TABLE dst SELECT * FROM src
EXPLAIN CREATE TABLE x AS SELECT 1 AS a

-- CLI commands
source /tmp/init.hql
source queries/setup.hql
!ls -l /tmp
!echo hello
quit
exit

-- Edge cases: names, nesting, odd-but-valid spellings
SELECT * FROM range(10)
SELECT id FROM range(1, 10, 2) AS r
SELECT a[0][1], m['a']['b'], a[0].b[1].c FROM t
SELECT year, month, day, hour, comment, location, data, first, last FROM t
SELECT a AS year FROM t AS data
SELECT * FROM t AS `order` JOIN u AS `join` ON `order`.id = `join`.id
SELECT 'ünïcödé', `ünï`, naïve FROM `tâble`
SELECT `a``b`, `1`, 1a, `a.b` FROM t
WITH a AS (SELECT 1) (SELECT * FROM a)
((SELECT 1))
(SELECT 1) ORDER BY 1
SELECT INTERVAL (a + 1) DAY FROM t
SELECT a FROM t LIMIT 1 OFFSET 2 + 3
SELECT * FROM t TABLESAMPLE (1k), u TABLESAMPLE (1 ROWS)
FROM t SELECT a UNION ALL FROM u SELECT b
SELECT count(*) FILTER (WHERE a > 1) OVER (PARTITION BY b) FROM t
SELECT NOT EXISTS (SELECT 1), EXISTS (SELECT 1) AND TRUE
SELECT a IS NULL IS NULL, a = b = c, a < b < c FROM t
SELECT 1., 1.e5, .5e-3, 1E+3, 0.0BD, 1e3D
SELECT a - -1, - - -a, + +a, ~~a, -~a FROM t
SELECT 'a\0b', 'a\rb', 'a\%b', '\\'
SELECT CAST(a AS INTERVAL DAY), CAST(b AS STRUCT<`from`:INT,`my f`:STRING>) FROM t
SELECT `if`(a, b, c), `current_date`, default.f(x), `default`.`f`(x) FROM t
SELECT a FROM t WINDOW w AS (ORDER BY a)
SELECT a FROM t GROUP BY a HAVING a > 1 WINDOW w AS (PARTITION BY a) ORDER BY a
SELECT * FROM a JOIN b ON a.x = b.x LATERAL VIEW explode(b.y) e AS z JOIN c ON c.z = e.z
SELECT * FROM t LATERAL VIEW OUTER explode(a) AS x
SELECT * FROM ((SELECT 1) UNION (SELECT 2)) AS s
SELECT a FROM t WHERE a IN (SELECT b FROM u UNION SELECT c FROM v)
INSERT INTO TABLE t SELECT * FROM (VALUES (1)) AS v(a)
INSERT OVERWRITE TABLE t PARTITION (dt=CAST('1' AS INT), hr=1 + 1) SELECT 1
CREATE TABLE `t t` (`a a` INT COMMENT 'it\'s')
DESCRIBE t a.b.c
DESCRIBE FUNCTION `if`
SHOW TBLPROPERTIES t ('a.b')
EXPLAIN SET a=b
ADD JAR hdfs:///a/b.jar
ADD FILE 's3://bucket/some file.txt'
!echo "hi there"
SELECT * FROM a JOIN b LATERAL VIEW explode(b.tags) e AS tag ON a.id = b.id
SELECT * FROM a LEFT OUTER JOIN b LATERAL VIEW explode(b.x) e1 AS x LATERAL VIEW OUTER explode(b.y) e2 AS y ON a.id = b.id JOIN c ON c.id = a.id
SELECT * FROM ((SELECT 1 AS id) AS x JOIN y ON x.id = y.id)
SELECT * FROM ((SELECT 1 AS id) AS x JOIN y ON x.id = y.id) JOIN z ON z.id = y.id
