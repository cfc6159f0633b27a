-- Loads the partner feeds that land as CSV files into partitioned text tables.
--
-- Each feed drops one file per day and region under s3://acme-landing/payments/.

CREATE DATABASE IF NOT EXISTS raw
COMMENT 'files as delivered, typed but not cleaned'
LOCATION 's3://acme-data-lake/raw/';

CREATE TABLE IF NOT EXISTS raw.payments (
    payment_id STRING COMMENT 'PSP reference',
    order_id   STRING,
    method     STRING,
    amount     DOUBLE,
    fee        DOUBLE,
    settled    BOOLEAN,
    paid_at    STRING
)
COMMENT 'one row per payment attempt'
PARTITIONED BY (dt STRING, region STRING)
ROW FORMAT DELIMITED
    FIELDS TERMINATED BY ','
    LINES TERMINATED BY '\n'
STORED AS TEXTFILE
LOCATION 's3://acme-data-lake/raw/payments/'
TBLPROPERTIES ('skip.header.line.count' = '1', 'serialization.null.format' = '');

-- Files moved from the landing bucket (LOAD DATA moves, it does not copy).
LOAD DATA INPATH 's3://acme-landing/payments/2026-11-24/emea.csv'
OVERWRITE INTO TABLE raw.payments PARTITION (dt = '2026-11-24', region = 'emea');

LOAD DATA INPATH 's3://acme-landing/payments/2026-11-24/amer.csv'
OVERWRITE INTO TABLE raw.payments PARTITION (dt = '2026-11-24', region = 'amer');

-- APAC files are written in place by the partner, so register the folder instead.
ALTER TABLE raw.payments ADD IF NOT EXISTS
PARTITION (dt = '2026-11-24', region = 'apac')
LOCATION 's3://acme-partner-apac/exports/payments/2026/11/24/';

SHOW PARTITIONS raw.payments;

-- A quick check that every region arrived and nothing is wildly off.
SELECT region,
       count(*) AS payments,
       sum(CASE WHEN settled THEN 1 ELSE 0 END) AS settled,
       round(sum(amount), 2) AS amount,
       round(sum(fee) / sum(amount) * 100, 3) AS fee_pct
FROM raw.payments
WHERE dt = '2026-11-24'
GROUP BY region
ORDER BY region;
