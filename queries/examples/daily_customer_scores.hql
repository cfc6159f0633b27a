-- Daily customer scoring job, parameterised by the run date.
--
-- Usage:
--   hqlrun -f daily_customer_scores.hql --hivevar run_date=2026-11-24 --hivevar env=prod
--
-- The scheduler passes run_date; env selects the bucket and database.

SET hivevar:lookback_days=90;
SET hivevar:target_db=analytics_${hivevar:env};
SET hive.exec.dynamic.partition.mode=nonstrict;
SET mapreduce.job.reduces=16;

CREATE TABLE IF NOT EXISTS ${hivevar:target_db}.customer_scores (
    customer_id   STRING,
    score         DOUBLE,
    orders_90d    BIGINT,
    revenue_90d   DECIMAL(14,2),
    last_order_at TIMESTAMP
)
PARTITIONED BY (dt STRING)
STORED AS TEXTFILE
LOCATION 's3://acme-${hivevar:env}-lake/${hivevar:target_db}/customer_scores/';

-- Rerunning a day overwrites its partition, so the job is safe to retry.
INSERT OVERWRITE TABLE ${hivevar:target_db}.customer_scores PARTITION (dt = '${hivevar:run_date}')
SELECT a.customer_id,
       -- Recency and frequency, each in [0, 1], weighted 60/40.
       round(0.6 * (1 - least(datediff('${hivevar:run_date}', to_date(a.last_order_at)), ${hivevar:lookback_days})
                        / ${hivevar:lookback_days})
             + 0.4 * least(a.orders_90d, 20) / 20, 4) AS score,
       a.orders_90d,
       a.revenue_90d,
       a.last_order_at
FROM (
    SELECT o.customer_id,
           count(*) AS orders_90d,
           CAST(sum(o.amount) AS DECIMAL(14,2)) AS revenue_90d,
           max(o.created_at) AS last_order_at
    FROM lake.orders_snapshot o
    WHERE o.dt > date_sub('${hivevar:run_date}', ${hivevar:lookback_days})
      AND o.dt <= '${hivevar:run_date}'
      AND o.status <> 'CANCELLED'
    GROUP BY o.customer_id
) a;

-- Summary for the job log.
SELECT '${hivevar:run_date}' AS run_date,
       count(*) AS customers,
       round(avg(score), 4) AS avg_score,
       sum(CASE WHEN score >= 0.8 THEN 1 ELSE 0 END) AS champions
FROM ${hivevar:target_db}.customer_scores
WHERE dt = '${hivevar:run_date}';
