-- Subqueries and CTEs: IN / NOT IN (with the NULL trap), EXISTS / NOT EXISTS (correlated),
-- scalar subqueries in WHERE, derived tables, WITH clauses (chained and reused).

CREATE TABLE staff (id INT, name STRING, dept_id INT, pay INT);
CREATE TABLE depts (dept_id INT, dname STRING);
CREATE TABLE banned (dept_id INT);

INSERT INTO staff VALUES (1, 'ann', 10, 100), (2, 'bob', 20, 80), (3, 'cat', 10, 120), (4, 'dan', 30, 60), (5, 'eve', NULL, 90);
INSERT INTO depts VALUES (10, 'eng'), (20, 'ops'), (40, 'legal');
INSERT INTO banned VALUES (30), (NULL);

SELECT name FROM staff WHERE dept_id IN (SELECT dept_id FROM depts) ORDER BY name;

SELECT name FROM staff WHERE dept_id NOT IN (SELECT dept_id FROM depts) ORDER BY name;

SELECT name FROM staff WHERE dept_id NOT IN (SELECT dept_id FROM banned) ORDER BY name;

SELECT name FROM staff WHERE dept_id NOT IN (SELECT dept_id FROM banned WHERE dept_id IS NOT NULL) ORDER BY name;

SELECT name FROM staff s WHERE EXISTS (SELECT 1 FROM depts d WHERE d.dept_id = s.dept_id) ORDER BY name;

SELECT name FROM staff s WHERE NOT EXISTS (SELECT 1 FROM depts d WHERE d.dept_id = s.dept_id) ORDER BY name;

SELECT dname FROM depts d WHERE NOT EXISTS (SELECT 1 FROM staff s WHERE s.dept_id = d.dept_id) ORDER BY dname;

SELECT name, pay FROM staff WHERE pay > (SELECT avg(pay) FROM staff) ORDER BY name;

SELECT name FROM staff WHERE pay = (SELECT max(pay) FROM staff);

SELECT name FROM staff s WHERE pay > (SELECT avg(pay) FROM staff t WHERE t.dept_id = s.dept_id) ORDER BY name;

SELECT t.dept_id, t.total FROM (SELECT dept_id, sum(pay) AS total FROM staff GROUP BY dept_id) t WHERE t.total > 70 ORDER BY t.dept_id;

WITH dept_pay AS (SELECT dept_id, sum(pay) AS total FROM staff GROUP BY dept_id)
SELECT d.dname, p.total FROM dept_pay p JOIN depts d ON p.dept_id = d.dept_id ORDER BY d.dname;

WITH a AS (SELECT id, pay FROM staff WHERE pay >= 80),
     b AS (SELECT id, pay * 2 AS dbl FROM a)
SELECT a.id, a.pay, b.dbl FROM a JOIN b ON a.id = b.id ORDER BY a.id;

WITH x AS (SELECT dept_id FROM staff)
SELECT count(*), count(DISTINCT dept_id) FROM x;

WITH high AS (SELECT * FROM staff WHERE pay > 85)
SELECT h1.name, h2.name FROM high h1 JOIN high h2 ON h1.id < h2.id ORDER BY h1.name, h2.name;

SELECT name FROM staff WHERE dept_id IN (10, 30) AND id NOT IN (SELECT id FROM staff WHERE pay < 70) ORDER BY name;

SELECT max(total) FROM (SELECT dept_id, sum(pay) AS total FROM staff GROUP BY dept_id) t;
