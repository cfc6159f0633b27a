-- Generators: explode / posexplode through LATERAL VIEW [OUTER], inline, json_tuple, stack.

CREATE TABLE baskets (id INT, items ARRAY<STRING>, qty MAP<STRING,INT>);

INSERT INTO baskets
SELECT 1, array('apple', 'pear'), map('apple', 3, 'pear', 1)
UNION ALL SELECT 2, array('fig'), map('fig', 12)
UNION ALL SELECT 3, array(), map()
UNION ALL SELECT 4, NULL, NULL;

SELECT id, item FROM baskets LATERAL VIEW explode(items) t AS item ORDER BY id, item;

SELECT id, item FROM baskets LATERAL VIEW OUTER explode(items) t AS item ORDER BY id, item;

SELECT id, pos, item FROM baskets LATERAL VIEW posexplode(items) t AS pos, item ORDER BY id, pos;

SELECT id, k, v FROM baskets LATERAL VIEW explode(qty) t AS k, v ORDER BY id, k;

SELECT id, k, v FROM baskets LATERAL VIEW OUTER explode(qty) t AS k, v ORDER BY id, k;

SELECT id, a, b FROM baskets LATERAL VIEW explode(items) t1 AS a LATERAL VIEW explode(items) t2 AS b WHERE id = 1 ORDER BY a, b;

SELECT item, count(*) AS n FROM baskets LATERAL VIEW explode(items) t AS item GROUP BY item ORDER BY item;

SELECT explode(array(10, 20, 30)) AS x;

SELECT posexplode(array('a', 'b'));

-- sort
SELECT explode(map('k1', 'v1', 'k2', 'v2'));

SELECT inline(array(named_struct('a', 1, 'b', 'x'), named_struct('a', 2, 'b', 'y')));

SELECT id, a, b FROM baskets LATERAL VIEW inline(array(named_struct('x', id, 'y', 'p'), named_struct('x', id * 10, 'y', 'q'))) t AS a, b WHERE id < 3 ORDER BY id, a;

CREATE TABLE raw_json (id INT, js STRING);

INSERT INTO raw_json VALUES (1, '{"name":"ann","age":31,"tags":["a","b"]}'), (2, '{"name":"ben"}'), (3, 'not json'), (4, NULL);

SELECT r.id, j.name, j.age, j.tags FROM raw_json r LATERAL VIEW json_tuple(r.js, 'name', 'age', 'tags') j AS name, age, tags ORDER BY r.id;

SELECT stack(2, 'a', 1, 'b', 2);

SELECT stack(3, 1, 2, 3);

SELECT id, col0, col1 FROM baskets LATERAL VIEW stack(2, 'x', id, 'y', id + 100) s AS col0, col1 WHERE id <= 2 ORDER BY id, col0;
