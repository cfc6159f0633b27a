-- Arithmetic: '/' is DOUBLE division, DIV is integral, % keeps the sign of the dividend,
-- division by zero is NULL (ANSI off), integer overflow wraps.

CREATE TABLE nums (i INT, b BIGINT, d DOUBLE, s STRING);

INSERT INTO nums VALUES
  (7, 7, 7.5, '7'),
  (-7, -7, -7.5, '-7'),
  (0, 0, 0.0, '0'),
  (NULL, NULL, NULL, NULL),
  (2147483647, 9223372036854775807, 1e10, '2147483647');

SELECT 7 / 2, 8 / 2, 1 / 3, -7 / 2;

SELECT 7 DIV 2, -7 DIV 2, 7 DIV -2, 7 % 3, -7 % 3, 7 % -3;

SELECT 1 / 0, 1 DIV 0, 1 % 0, 0 / 0, 1.5D / 0, 0D / 0D;

-- sort
SELECT i, i / 2, i DIV 2, i % 4, i * 2, i + 1, i - 1, -i FROM nums;

-- sort
SELECT b, b + 1, b * 2, d * 2, d / 4 FROM nums;

SELECT 2147483647 + 1, -2147483648 - 1, 9223372036854775807 + 1;

SELECT CAST(2147483647 AS INT) * 2, CAST(100 AS TINYINT) + CAST(100 AS TINYINT), CAST(30000 AS SMALLINT) * CAST(2 AS SMALLINT);

SELECT 1 + '2', '3' * '4', '10' / 4, '1.5' + 1, 'x' + 1;

SELECT 1e7D, 1.0E7, 12345678.9D, 0.00001D, 1e-4D, 100.0D, 1e21D, -0.0D, 123456.789e3D;

SELECT CAST(3.14 AS DECIMAL(5,2)) * 2, CAST(1.10 AS DECIMAL(4,2)) + CAST(2 AS DECIMAL(4,2)), CAST(10 AS DECIMAL(6,1)) / 4;

SELECT abs(-5), abs(-2.5D), -(-3), +4, 5 - -2, 2 * 3 + 4, 2 + 3 * 4, (2 + 3) * 4;

SELECT sum(i), sum(b), sum(d), avg(i) FROM nums WHERE i IS NOT NULL AND i < 100;
