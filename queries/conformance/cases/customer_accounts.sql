-- Mirrors the customer-accounts ETL job: raw delimited file -> cleaned table.
-- Missing names become 'unknown', 'legacy' accounts become 'checking', states are normalised
-- through a lookup table, full_name is built with concat, created_year = year(created_at).

CREATE EXTERNAL TABLE accounts_raw (
  account_id INT,
  first_name STRING,
  last_name STRING,
  account_type STRING,
  state STRING,
  created_at STRING,
  balance DECIMAL(12,2))
ROW FORMAT DELIMITED FIELDS TERMINATED BY ','
STORED AS TEXTFILE
LOCATION '../data/accounts';

CREATE EXTERNAL TABLE states_lookup (raw STRING, code STRING, name STRING)
ROW FORMAT DELIMITED FIELDS TERMINATED BY ','
STORED AS TEXTFILE
LOCATION '../data/states';

SELECT * FROM accounts_raw ORDER BY account_id;

SELECT count(*), count(first_name), count(balance), sum(balance) FROM accounts_raw;

SELECT account_id, first_name = '', first_name IS NULL, length(last_name) FROM accounts_raw ORDER BY account_id;

CREATE TABLE accounts_clean (
  account_id INT,
  first_name STRING,
  last_name STRING,
  full_name STRING,
  account_type STRING,
  state_code STRING,
  state_name STRING,
  created_at TIMESTAMP,
  created_year INT,
  balance DECIMAL(12,2));

INSERT OVERWRITE TABLE accounts_clean
SELECT
  a.account_id,
  coalesce(nullif(trim(a.first_name), ''), 'unknown') AS first_name,
  coalesce(nullif(trim(a.last_name), ''), 'unknown') AS last_name,
  concat(coalesce(nullif(trim(a.first_name), ''), 'unknown'), ' ',
         coalesce(nullif(trim(a.last_name), ''), 'unknown')) AS full_name,
  CASE WHEN a.account_type = 'legacy' THEN 'checking' ELSE a.account_type END AS account_type,
  coalesce(s.code, 'UNKNOWN') AS state_code,
  s.name AS state_name,
  CAST(a.created_at AS TIMESTAMP) AS created_at,
  year(a.created_at) AS created_year,
  coalesce(a.balance, 0) AS balance
FROM accounts_raw a
LEFT JOIN states_lookup s ON lower(trim(a.state)) = s.raw;

SELECT * FROM accounts_clean ORDER BY account_id;

SELECT account_type, count(*), sum(balance) FROM accounts_clean GROUP BY account_type ORDER BY account_type;

SELECT state_code, count(*) AS n FROM accounts_clean GROUP BY state_code ORDER BY n DESC, state_code;

SELECT created_year, count(*) FROM accounts_clean GROUP BY created_year ORDER BY created_year;

SELECT full_name FROM accounts_clean WHERE first_name = 'unknown' OR last_name = 'unknown' ORDER BY full_name;

SELECT account_id, full_name, balance FROM accounts_clean WHERE balance > 0 ORDER BY balance DESC LIMIT 3;

SELECT state_name, avg(balance), max(created_at) FROM accounts_clean WHERE state_name IS NOT NULL GROUP BY state_name ORDER BY state_name;

SET hive.exec.dynamic.partition.mode=nonstrict;

CREATE TABLE accounts_by_year (account_id INT, full_name STRING, account_type STRING, state_code STRING)
PARTITIONED BY (created_year INT);

INSERT OVERWRITE TABLE accounts_by_year PARTITION (created_year)
SELECT account_id, full_name, account_type, state_code, created_year FROM accounts_clean;

SHOW PARTITIONS accounts_by_year;

SELECT created_year, account_id, full_name FROM accounts_by_year WHERE created_year >= 2021 ORDER BY created_year, account_id;

SELECT r.account_id, r.account_type, c.account_type FROM accounts_raw r JOIN accounts_clean c ON r.account_id = c.account_id WHERE r.account_type <> c.account_type ORDER BY r.account_id;
