-- Weekly store report: revenue per store and week, its rank within the region,
-- the change against the previous week, and a four-week moving average.

WITH weekly AS (
    SELECT o.store_id,
           date_sub(to_date(o.created_at), pmod(datediff(to_date(o.created_at), '1900-01-07'), 7)) AS week_start,
           sum(o.amount) AS revenue,
           count(DISTINCT o.customer_id) AS customers,
           count(*) AS orders
    FROM lake.orders_snapshot o
    WHERE o.dt >= '2026-09-01'
      AND o.status NOT IN ('CANCELLED', 'RETURNED')
    GROUP BY o.store_id,
             date_sub(to_date(o.created_at), pmod(datediff(to_date(o.created_at), '1900-01-07'), 7))
),
with_trend AS (
    SELECT w.*,
           lag(w.revenue, 1) OVER (PARTITION BY w.store_id ORDER BY w.week_start) AS previous_revenue,
           avg(w.revenue) OVER (
               PARTITION BY w.store_id
               ORDER BY w.week_start
               ROWS BETWEEN 3 PRECEDING AND CURRENT ROW
           ) AS moving_avg_4w
    FROM weekly w
)
SELECT s.region,
       s.store_name,
       t.week_start,
       round(t.revenue, 2) AS revenue,
       t.customers,
       t.orders,
       rank() OVER (PARTITION BY s.region, t.week_start ORDER BY t.revenue DESC) AS region_rank,
       CASE
           WHEN t.previous_revenue IS NULL OR t.previous_revenue = 0 THEN NULL
           ELSE round((t.revenue - t.previous_revenue) / t.previous_revenue * 100, 1)
       END AS change_pct,
       round(t.moving_avg_4w, 2) AS moving_avg_4w
FROM with_trend t
JOIN analytics.stores s
  ON t.store_id = s.store_id
WHERE s.opened_on < '2026-09-01'
ORDER BY s.region, t.week_start, region_rank
LIMIT 500;

-- Stores whose revenue fell three weeks in a row.
WITH weekly AS (
    SELECT store_id, week_start, revenue,
           lag(revenue, 1) OVER (PARTITION BY store_id ORDER BY week_start) AS prev1,
           lag(revenue, 2) OVER (PARTITION BY store_id ORDER BY week_start) AS prev2,
           lag(revenue, 3) OVER (PARTITION BY store_id ORDER BY week_start) AS prev3
    FROM reporting.store_week_revenue
)
SELECT store_id, week_start, prev3, prev2, prev1, revenue
FROM weekly
WHERE revenue < prev1 AND prev1 < prev2 AND prev2 < prev3
ORDER BY week_start DESC, store_id;
