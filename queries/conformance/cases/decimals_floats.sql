-- DECIMAL arithmetic (result precision and scale), rounding on cast, overflow to NULL;
-- FLOAT vs DOUBLE printing. Integer literals next to decimals are avoided (Spark gives a literal
-- its minimal precision, Hive INT's precision 10), so operands come from typed columns.

CREATE TABLE money (id INT, a DECIMAL(10,2), b DECIMAL(5,3), n INT, big BIGINT, f FLOAT, d DOUBLE);

INSERT INTO money VALUES
  (1, 1234.56, 1.125, 3, 10000000000, 0.1, 0.1),
  (2, -0.01, 99.999, -2, -1, 1.5, 1.5),
  (3, 0.00, 0.001, 0, 0, 3.4028235e38, 1e-10),
  (4, NULL, NULL, NULL, NULL, NULL, NULL);

SELECT id, a + b, a - b, a * b, a / b FROM money ORDER BY id;

SELECT id, a + n, a * n, a / n, n / a, a % b FROM money ORDER BY id;

SELECT id, a + big, a * big, CAST(a AS DECIMAL(4,1)), CAST(b AS DECIMAL(3,1)), CAST(a AS INT) FROM money ORDER BY id;

SELECT id, a + d, b * f, CAST(a AS DOUBLE), CAST(d AS DECIMAL(20,12)) FROM money ORDER BY id;

SELECT sum(a), avg(a), min(a), max(b), sum(b), avg(b) FROM money;

SELECT id, round(a, 1), round(b, 2), floor(a), ceil(b), abs(a), -a FROM money ORDER BY id;

SELECT id, f, d, CAST(f AS DOUBLE), CAST(f AS STRING), f * 2, f + d FROM money ORDER BY id;

SELECT CAST(0.1 AS FLOAT), CAST(1e10 AS FLOAT), CAST(123456789 AS FLOAT), CAST(1.0E-5 AS FLOAT), CAST('3.14' AS FLOAT), CAST(CAST('0.1' AS FLOAT) AS DOUBLE);

SELECT CAST('99999999999999999999.99' AS DECIMAL(22,2)), CAST('123.456' AS DECIMAL(38,10)), CAST('1e3' AS DECIMAL(10,2)), CAST('-0.005' AS DECIMAL(5,2)), CAST(' 1.5 ' AS DECIMAL(4,1));

SELECT CAST(CAST('12345678.12' AS DECIMAL(10,2)) * CAST('12345678.12' AS DECIMAL(10,2)) AS STRING);

SELECT CAST('1' AS DECIMAL(38,18)) / CAST('3' AS DECIMAL(38,18)), CAST('2' AS DECIMAL(10,0)) / CAST('3' AS DECIMAL(10,0));

SELECT CAST(CAST('99.99' AS DECIMAL(4,2)) AS DECIMAL(3,1)), CAST(CAST('99.99' AS DECIMAL(4,2)) AS DECIMAL(3,2)), CAST(12345 AS DECIMAL(4,0));

CREATE TABLE ctas_dec AS SELECT a + b AS s, a * b AS p, a / b AS q, a * n AS an, sum(a) OVER () AS total FROM money;

DESCRIBE ctas_dec;

SELECT d, d * 3, d / 3, d + 0.2D, 1D / 3, 2D / 3, 100D / 7, 1e-7D * 3 FROM money WHERE id = 1;

SELECT CAST(1e15 AS DOUBLE), CAST(1e16 AS DOUBLE), 9999999D, 10000000D, 0.001D, 0.0009D, 123456.7D * 1000;
