-- GROUPING SETS, WITH ROLLUP, WITH CUBE, grouping__id and grouping().
-- grouping__id follows Hive 2.3+ / Spark: bit set = column not grouped, first column is the highest bit.

CREATE TABLE inv (cat STRING, color STRING, qty INT);

INSERT INTO inv VALUES
  ('fruit', 'red', 3), ('fruit', 'green', 5), ('fruit', 'red', 2),
  ('veg', 'green', 7), ('veg', NULL, 1), ('toy', 'red', 4);

SELECT cat, color, sum(qty) FROM inv GROUP BY cat, color WITH ROLLUP ORDER BY cat, color, sum(qty);

SELECT cat, color, sum(qty), grouping__id FROM inv GROUP BY cat, color WITH CUBE ORDER BY grouping__id, cat, color;

SELECT cat, color, sum(qty) FROM inv GROUP BY cat, color GROUPING SETS ((cat), (color), ()) ORDER BY cat, color, sum(qty);

SELECT cat, color, count(*), grouping(cat), grouping(color) FROM inv GROUP BY cat, color GROUPING SETS ((cat, color), (cat)) ORDER BY cat, color, grouping(color);

SELECT cat, sum(qty), grouping__id FROM inv GROUP BY cat WITH ROLLUP ORDER BY grouping__id, cat;

SELECT if(grouping(color) = 1, 'ALL', color) AS color, sum(qty) FROM inv GROUP BY color WITH ROLLUP ORDER BY color;

SELECT cat, color, sum(qty) FROM inv GROUP BY cat, color GROUPING SETS ((cat, color)) HAVING sum(qty) > 3 ORDER BY cat, color;

SELECT cat, color, sum(qty) AS s FROM inv GROUP BY ROLLUP (cat, color) ORDER BY cat, color, s;

SELECT cat, color, sum(qty) AS s FROM inv GROUP BY CUBE (cat, color) ORDER BY cat, color, s;
