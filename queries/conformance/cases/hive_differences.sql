-- Known places where Hive and Spark give different answers and hqlrun follows Hive.
-- Each statement carries a '-- hive-result:' override (the expected rows) with its reason;
-- the oracle still records Spark's own answer under '-- !query spark output' for reference.

CREATE TABLE stats_in (x INT);

INSERT INTO stats_in VALUES (2), (4), (4), (4), (5), (5), (7), (9);

-- The explicit forms agree in both engines.
SELECT var_pop(x), stddev_pop(x), var_samp(x), stddev_samp(x) FROM stats_in;

-- hive-result: variance() and stddev() are the population statistics in Hive, sample ones in Spark
-- | 4.0	2.0
SELECT variance(x), stddev(x) FROM stats_in;

-- hive-result: Hive compares a string with a number as DOUBLE, so '10.5' is not 10; Spark casts the string to INT
-- | false	true
SELECT '10.5' = 10, '10.0' = 10;

-- hive-result: Hive types a literal with a decimal point as DOUBLE, Spark as DECIMAL
-- hive-schema: struct<s:double>
-- | 0.30000000000000004
SELECT 0.1 + 0.2 AS s;

-- hive-result: Hive types a literal with a decimal point as DOUBLE, Spark as DECIMAL (scale kept)
-- hive-schema: struct<q:double,x:double,r:double>
-- | 2.5	2.5	3.0
SELECT 10.0 / 4 AS q, 2.50 AS x, round(2.5) AS r;

-- hive-result: sqrt of a negative number is NULL in Hive, NaN in Spark
-- | NULL
SELECT sqrt(-1) AS r;

-- hive-result: Hive's add_months keeps a month-end date at the end of the month; Spark keeps the day number
-- | 2024-03-31	2024-05-31	2024-03-15
SELECT add_months('2024-02-29', 1), add_months('2024-04-30', 1), add_months('2024-02-15', 1);

-- hive-result: Hive's pmod computes ((a % b) + b) % b, which is negative for a negative divisor; Spark's is not
-- | -2	-1
SELECT pmod(7, -3), pmod(-7, -3);
