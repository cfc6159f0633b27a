-- Math functions. Doubles are written with a D suffix (or come from DOUBLE columns) so
-- Spark and Hive type them alike.

CREATE TABLE m (x DOUBLE, n INT);

INSERT INTO m VALUES (2.5, 7), (-2.5, -7), (3.14159, 10), (-0.5, 0), (NULL, NULL), (1234.5678, 255);

SELECT x, round(x), round(x, 1), round(x, -1), bround(x), bround(x, 1) FROM m ORDER BY x;

SELECT x, floor(x), ceil(x), ceiling(x), abs(x), sign(x) FROM m ORDER BY x;

SELECT round(2.5D), round(3.5D), round(-2.5D), bround(2.5D), bround(3.5D), bround(-2.5D), round(1.005D, 2), round(123.456D, -2);

SELECT round(15, -1), round(14, -1), round(1234567, -3), floor(-0.5D), ceil(-0.5D);

SELECT pow(2, 10), power(2.5D, 2), pow(4, 0.5D), pow(2, -1), pow(0, 0), sqrt(16), sqrt(2), cbrt(27);

SELECT exp(0), exp(1), ln(1), ln(exp(2)), log(10, 1000), log(2, 8), log10(1000), log2(1024), ln(0), ln(-1);

SELECT pmod(7, 3), pmod(-7, 3), pmod(7, 0), pmod(-7.5D, 2), 7 % 3, -7 % 3;

SELECT greatest(1, 2.5D, -1), least(3, 1e2D), greatest(NULL, 1), least(DATE '2024-01-02', DATE '2023-05-01');

SELECT n, hex(n), bin(n), conv(n, 10, 16), conv(n, 10, 2) FROM m WHERE n > 0 ORDER BY n;

SELECT hex(255), hex(-1), hex('hi'), bin(13), conv('ff', 16, 10), conv('777', 8, 10), conv('z', 36, 10), conv('-10', 10, 16), conv('12', 10, 36);

SELECT sin(0), cos(0), tan(0), asin(1), acos(1), atan(1), atan2(1, 1), degrees(pi()), radians(180), e(), pi();

SELECT factorial(5), factorial(20), factorial(21), positive(-3), negative(4), shiftleft(1, 4), shiftright(256, 2);

SELECT x, n, x * n, x / n, n DIV 3, n % 3, pmod(n, 3) FROM m ORDER BY n;

SELECT 1e308D * 10, -1e308D * 10, 0D / 0D IS NULL, CAST('NaN' AS DOUBLE) IS NULL;
