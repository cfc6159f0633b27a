-- Conditional functions: if, nvl, coalesce, nullif, isnull/isnotnull, nvl2, CASE in both forms.

CREATE TABLE orders (id INT, status STRING, amount DOUBLE, discount DOUBLE);

INSERT INTO orders VALUES
  (1, 'shipped', 120.0, 10.0),
  (2, 'pending', 35.5, NULL),
  (3, NULL, 80.0, 0.0),
  (4, 'cancelled', NULL, 5.0),
  (5, 'SHIPPED', 200.0, NULL);

SELECT id, if(amount > 100, 'big', 'small'), if(amount IS NULL, -1, amount), if(NULL, 1, 2) FROM orders ORDER BY id;

SELECT id, nvl(status, 'unknown'), nvl(discount, 0), coalesce(discount, amount, -1), coalesce(NULL, NULL, 'z') FROM orders ORDER BY id;

SELECT id, nullif(status, 'pending'), nullif(discount, 0), isnull(status), isnotnull(amount), nvl2(discount, 'has', 'none') FROM orders ORDER BY id;

SELECT id,
       CASE WHEN amount >= 100 THEN 'large' WHEN amount >= 50 THEN 'medium' WHEN amount IS NULL THEN 'n/a' ELSE 'small' END AS size,
       CASE lower(status) WHEN 'shipped' THEN 1 WHEN 'pending' THEN 2 ELSE 0 END AS code
FROM orders ORDER BY id;

SELECT CASE WHEN false THEN 1 END, CASE NULL WHEN NULL THEN 'match' ELSE 'no match' END, CASE 1 WHEN 1 THEN 'one' WHEN 1 THEN 'uno' END;

SELECT sum(CASE WHEN status = 'shipped' THEN amount ELSE 0 END), count(CASE WHEN discount > 0 THEN 1 END), sum(if(status IS NULL, 1, 0)) FROM orders;

SELECT id, amount - coalesce(discount, 0) AS net FROM orders WHERE coalesce(amount, 0) > 50 ORDER BY net DESC;

SELECT coalesce(CAST(NULL AS INT), 2), nvl(NULL, 'x'), if(1 = 1, 'yes', NULL), coalesce(1, 2.5D), if(true, 1, 2.5D);

SELECT assert_true(1 < 2), coalesce(NULL, NULL);
