-- Publishes yesterday's customer scores from the lake into the CustomerScores DynamoDB
-- table, where the recommendation service reads them by customer id.
--
-- Usage: hqlrun -f dynamodb_import.hql --hivevar run_date=2026-11-24

SET dynamodb.throughput.write.percent=0.8;
SET hive.auto.convert.join=false;

CREATE EXTERNAL TABLE IF NOT EXISTS ddb_customer_scores (
    customer_id   STRING,
    score         DOUBLE,
    segment       STRING,
    orders_90d    BIGINT,
    last_order_at STRING,
    updated_on    STRING
)
STORED BY 'org.apache.hadoop.hive.dynamodb.DynamoDBStorageHandler'
TBLPROPERTIES (
    "dynamodb.table.name" = "CustomerScores",
    "dynamodb.column.mapping" = "customer_id:CustomerId,score:Score,segment:Segment,orders_90d:Orders90d,last_order_at:LastOrderAt,updated_on:UpdatedOn"
);

-- DynamoDB has no partitions: the whole table is upserted, keyed by CustomerId.
INSERT OVERWRITE TABLE ddb_customer_scores
SELECT s.customer_id,
       round(s.score, 4),
       CASE
           WHEN s.score >= 0.8 THEN 'champion'
           WHEN s.score >= 0.5 THEN 'loyal'
           WHEN s.orders_90d = 0 THEN 'dormant'
           ELSE 'regular'
       END AS segment,
       s.orders_90d,
       date_format(s.last_order_at, 'yyyy-MM-dd HH:mm:ss'),
       '${hivevar:run_date}'
FROM analytics.customer_scores s
JOIN analytics.customers c
  ON s.customer_id = c.customer_id
WHERE s.dt = '${hivevar:run_date}'
  AND c.is_test_account = false;

DROP TABLE IF EXISTS ddb_customer_scores;
