-- Aggregates: count(*), count(col), count(DISTINCT), sum/avg/min/max, collect_list/collect_set
-- (sorted for determinism), percentile, population/sample statistics, corr, covariance, first/last.

CREATE TABLE sales (region STRING, rep STRING, amount INT, price DOUBLE);

INSERT INTO sales VALUES
  ('east', 'ann', 100, 2.5),
  ('east', 'ann', 200, 3.5),
  ('east', 'bob', NULL, 1.0),
  ('west', 'cat', 50, 4.0),
  ('west', 'cat', 50, 6.0),
  ('west', 'dan', 300, NULL),
  ('north', NULL, NULL, NULL);

SELECT count(*), count(amount), count(rep), count(DISTINCT rep), count(DISTINCT amount), count(1) FROM sales;

SELECT region, count(*), count(amount), sum(amount), avg(amount), min(amount), max(amount) FROM sales GROUP BY region ORDER BY region;

SELECT sum(amount), avg(amount), min(rep), max(rep), sum(price), avg(price) FROM sales;

SELECT region, sort_array(collect_list(rep)), sort_array(collect_set(rep)), sort_array(collect_set(amount)) FROM sales GROUP BY region ORDER BY region;

SELECT percentile(amount, 0.5), percentile(amount, 0), percentile(amount, 1), percentile(amount, array(0.25, 0.75)) FROM sales;

SELECT region, percentile(amount, 0.5) FROM sales GROUP BY region ORDER BY region;

SELECT stddev_pop(amount), var_pop(amount), stddev_samp(amount), var_samp(amount) FROM sales;

SELECT region, stddev_pop(price), var_pop(price), var_samp(price) FROM sales GROUP BY region ORDER BY region;

SELECT corr(amount, price), covar_pop(amount, price), covar_samp(amount, price) FROM sales;

SELECT count(DISTINCT region, rep), sum(DISTINCT amount), avg(DISTINCT amount) FROM sales;

SELECT max(price) - min(price), sum(amount) / count(amount), sum(amount * price) FROM sales;

SELECT count(*), sum(amount), avg(amount), max(amount), sort_array(collect_list(amount)) FROM sales WHERE 1 = 0;

SELECT region, count(*) FROM sales WHERE amount > 1000 GROUP BY region;

SELECT sum(CAST(amount AS BIGINT)), avg(CAST(amount AS DECIMAL(10,2))), sum(CAST(price AS DECIMAL(10,2))) FROM sales;

SELECT region, rep, sum(amount) FROM sales GROUP BY region, rep ORDER BY region, rep;

SELECT region, sum(amount) AS total FROM sales GROUP BY region HAVING sum(amount) > 150 ORDER BY region;

SELECT region, count(*) AS n FROM sales GROUP BY region HAVING n >= 3 ORDER BY region;

SELECT upper(region) AS r, max(price) FROM sales GROUP BY upper(region) ORDER BY r;

SELECT region FROM sales GROUP BY region HAVING min(amount) IS NULL OR count(DISTINCT rep) > 1 ORDER BY region;

SELECT count(DISTINCT if(price > 3, rep, NULL)), sum(if(amount > 250, 1, 0)), max(length(rep)) FROM sales;
