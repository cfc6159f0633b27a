-- Text tables over small data files (paths are relative to this file's folder):
-- ROW FORMAT DELIMITED with collection and map delimiters, OpenCSVSerde (every column STRING),
-- LOAD DATA LOCAL INPATH. (USING csv data-source tables are in spark_only.sql.)

CREATE EXTERNAL TABLE piped (id INT, name STRING, tags ARRAY<STRING>, props MAP<STRING,INT>)
ROW FORMAT DELIMITED
  FIELDS TERMINATED BY '|'
  COLLECTION ITEMS TERMINATED BY ','
  MAP KEYS TERMINATED BY ':'
STORED AS TEXTFILE
LOCATION '../data/pipes';

-- Empty text becomes '' for STRING and an empty array, \N becomes NULL.
SELECT id, name, name IS NULL, tags, size(tags), props['size'], sort_array(map_keys(props)) FROM piped ORDER BY id;

SELECT id, t FROM piped LATERAL VIEW explode(tags) x AS t ORDER BY id, t;

CREATE EXTERNAL TABLE quoted_csv (id STRING, name STRING, remark STRING, n STRING)
ROW FORMAT SERDE 'org.apache.hadoop.hive.serde2.OpenCSVSerde'
WITH SERDEPROPERTIES ('separatorChar' = ',', 'quoteChar' = '"')
LOCATION '../data/quoted';

SELECT id, name, remark, n, length(n) FROM quoted_csv ORDER BY id;

SELECT CAST(n AS INT) + 1, upper(name) FROM quoted_csv ORDER BY id;

DESCRIBE quoted_csv;

CREATE EXTERNAL TABLE states_plain (raw STRING, code STRING, name STRING)
ROW FORMAT DELIMITED FIELDS TERMINATED BY ','
LOCATION '../data/states';

SELECT code, count(*), min(raw) FROM states_plain GROUP BY code ORDER BY code;

-- A delimited table with fewer columns than the file ignores the extra fields;
-- one with more columns gets NULL for the missing ones.
CREATE EXTERNAL TABLE states_narrow (raw STRING)
ROW FORMAT DELIMITED FIELDS TERMINATED BY ','
LOCATION '../data/states';

CREATE EXTERNAL TABLE states_wide (raw STRING, code STRING, name STRING, extra INT)
ROW FORMAT DELIMITED FIELDS TERMINATED BY ','
LOCATION '../data/states';

SELECT raw FROM states_narrow ORDER BY raw;

SELECT raw, extra FROM states_wide WHERE code = 'NY' ORDER BY raw;

CREATE TABLE local_copy (raw STRING, code STRING, name STRING)
ROW FORMAT DELIMITED FIELDS TERMINATED BY ',';

LOAD DATA LOCAL INPATH '../data/states/states.csv' INTO TABLE local_copy;

SELECT count(*), count(DISTINCT code) FROM local_copy;

INSERT INTO local_copy VALUES ('x, y', 'Q', 'comma inside');

-- The comma inside the value is not escaped on write, so it splits the field on read.
SELECT raw, code, name FROM local_copy WHERE raw LIKE 'x%';
