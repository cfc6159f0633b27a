-- Spark-only syntax and functions (not HiveQL): data-source tables USING csv with a header,
-- the first/last aggregates, and Spark's extra functions. hqlrun may support these as extensions.

CREATE TABLE products USING csv OPTIONS (path '../data/products_header.csv', header 'true');

SELECT * FROM products ORDER BY sku;

DESCRIBE products;

CREATE TABLE products_typed (sku STRING, name STRING, price DOUBLE, qty INT)
USING csv OPTIONS (path '../data/products_header.csv', header 'true');

SELECT sku, price * qty FROM products_typed ORDER BY sku;

CREATE TABLE seq (g STRING, v INT, s STRING);

INSERT INTO seq VALUES ('a', 1, 'x'), ('a', NULL, NULL), ('b', 5, 'y'), ('b', 5, 'y');

SELECT first(s, true), last(s, true) FROM (SELECT s FROM seq WHERE g = 'b') t;

SELECT g, first(v), last(v), max(v) FROM seq WHERE g = 'b' GROUP BY g;

SELECT count_if(v > 1), bool_and(v > 0), bool_or(v > 4), approx_count_distinct(g) FROM seq;

SELECT array_distinct(array(1, 2, 2, 3)), array_max(array(3, 9, 1)), array_min(array(3, 9, 1)), array_join(array('a', NULL, 'b'), '-');

SELECT date_trunc('HOUR', '2024-03-15 10:11:12'), date_trunc('MONTH', '2024-03-15 10:11:12'), to_date('03/15/2024', 'MM/dd/yyyy');

SELECT left('hello', 2), right('hello', 3), nanvl(CAST('NaN' AS DOUBLE), 0D), char(97);

SELECT CAST(array(1, 2) AS ARRAY<STRING>), CAST(array('1', 'x') AS ARRAY<INT>), split('abc', ''), split('a,b,', ',');
