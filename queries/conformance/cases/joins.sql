-- Joins: inner, left/right/full outer, LEFT SEMI, LEFT ANTI (Spark and Hive 3), CROSS, USING,
-- comma joins, join keys with NULLs, non-equi conditions, self joins, multi-way joins.

CREATE TABLE customers (cid INT, name STRING, country STRING);
CREATE TABLE purchases (pid INT, cid INT, item STRING, total DOUBLE);
CREATE TABLE countries (code STRING, label STRING);

INSERT INTO customers VALUES (1, 'ann', 'US'), (2, 'bob', 'DE'), (3, 'cat', NULL), (4, 'dan', 'FR'), (NULL, 'ghost', 'US');
INSERT INTO purchases VALUES (10, 1, 'book', 12.5), (11, 1, 'pen', 1.25), (12, 2, 'lamp', 30.0), (13, 5, 'desk', 99.0), (14, NULL, 'cup', 4.0);
INSERT INTO countries VALUES ('US', 'United States'), ('DE', 'Germany'), ('JP', 'Japan');

SELECT c.name, p.item FROM customers c JOIN purchases p ON c.cid = p.cid ORDER BY c.name, p.item;

SELECT c.name, p.item FROM customers c LEFT JOIN purchases p ON c.cid = p.cid ORDER BY c.name, p.item;

SELECT c.name, p.item FROM customers c RIGHT OUTER JOIN purchases p ON c.cid = p.cid ORDER BY p.item;

SELECT c.name, p.item FROM customers c FULL OUTER JOIN purchases p ON c.cid = p.cid ORDER BY c.name, p.item;

SELECT c.name FROM customers c LEFT SEMI JOIN purchases p ON c.cid = p.cid ORDER BY c.name;

SELECT c.name FROM customers c LEFT ANTI JOIN purchases p ON c.cid = p.cid ORDER BY c.name;

SELECT c.name, k.label FROM customers c CROSS JOIN countries k WHERE c.cid = 1 ORDER BY k.label;

SELECT count(*) FROM customers CROSS JOIN countries;

SELECT c.name, k.label FROM customers c, countries k WHERE c.country = k.code ORDER BY c.name;

SELECT c.name, k.label FROM customers c LEFT JOIN countries k ON c.country = k.code ORDER BY c.name;

SELECT c.name, p.item, k.label
FROM customers c
JOIN purchases p ON c.cid = p.cid
LEFT JOIN countries k ON c.country = k.code
ORDER BY c.name, p.item;

SELECT c.name, p.item FROM customers c JOIN purchases p ON c.cid = p.cid AND p.total > 5 ORDER BY c.name;

SELECT c.name, p.item FROM customers c LEFT JOIN purchases p ON c.cid = p.cid AND p.total > 5 ORDER BY c.name, p.item;

SELECT c.name, p.item FROM customers c LEFT JOIN purchases p ON c.cid = p.cid WHERE p.total > 5 ORDER BY c.name;

SELECT a.name, b.name FROM customers a JOIN customers b ON a.country = b.country AND a.name < b.name ORDER BY a.name;

SELECT c.name, sum(p.total) AS spent, count(p.pid) AS n FROM customers c LEFT JOIN purchases p ON c.cid = p.cid GROUP BY c.name ORDER BY c.name;

CREATE TABLE a_keys (id INT, av STRING);
CREATE TABLE b_keys (id INT, bv STRING);
INSERT INTO a_keys VALUES (1, 'a1'), (2, 'a2'), (NULL, 'anull');
INSERT INTO b_keys VALUES (2, 'b2'), (3, 'b3'), (NULL, 'bnull');

SELECT id, av, bv FROM a_keys JOIN b_keys USING (id) ORDER BY id;

SELECT id, av, bv FROM a_keys FULL OUTER JOIN b_keys USING (id) ORDER BY id, av, bv;

SELECT a.av, b.bv FROM a_keys a JOIN b_keys b ON a.id <=> b.id ORDER BY a.av;

SELECT a.av, b.bv FROM a_keys a JOIN b_keys b ON a.id < b.id ORDER BY a.av, b.bv;

SELECT a.av, b.bv FROM a_keys a FULL JOIN b_keys b ON a.id = b.id ORDER BY a.av, b.bv;
