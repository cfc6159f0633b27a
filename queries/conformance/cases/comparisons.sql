-- Comparisons and three-valued logic: NULL compared with anything is NULL, AND/OR
-- follow SQL's truth tables, <=> is NULL-safe equality, IN/BETWEEN/LIKE/RLIKE.

CREATE TABLE tv (id INT, a BOOLEAN, b BOOLEAN);

INSERT INTO tv VALUES
  (1, true, true), (2, true, false), (3, true, NULL),
  (4, false, true), (5, false, false), (6, false, NULL),
  (7, NULL, true), (8, NULL, false), (9, NULL, NULL);

SELECT id, a AND b, a OR b, NOT a, a = b, a <=> b, a <> b FROM tv ORDER BY id;

SELECT 1 = 1, 1 = NULL, NULL = NULL, NULL <=> NULL, 1 <=> NULL, 1 <> 2, 1 != 1;

SELECT 2 > 1, 'abc' < 'abd', 'B' < 'a', DATE '2024-01-01' < DATE '2024-01-02', NULL > 1;

SELECT 3 BETWEEN 1 AND 5, 5 BETWEEN 5 AND 1, 'm' BETWEEN 'a' AND 'z', NULL BETWEEN 1 AND 2, 3 NOT BETWEEN 1 AND 2;

SELECT 1 IN (1, 2), 3 IN (1, 2), 3 IN (1, NULL), 1 IN (1, NULL), NULL IN (1, 2), 3 NOT IN (1, NULL), 3 NOT IN (1, 2);

SELECT 'hello' LIKE 'h%', 'hello' LIKE '_ello', 'hello' LIKE 'H%', 'a_c' LIKE 'a\\_c', 'abc' LIKE 'a\\_c', NULL LIKE 'a%', 'hello' NOT LIKE '%z%';

SELECT 'abc123' RLIKE '^[a-z]+[0-9]+$', 'abc' RLIKE 'b', 'abc' REGEXP '^b', 'ABC' RLIKE '(?i)abc';

SELECT id FROM tv WHERE a ORDER BY id;

SELECT id FROM tv WHERE NOT a ORDER BY id;

SELECT id FROM tv WHERE a IS NULL OR b IS NULL ORDER BY id;

SELECT id FROM tv WHERE a IS NOT NULL AND b IS NOT DISTINCT FROM a ORDER BY id;

SELECT id, a IS TRUE, a IS NOT FALSE, isnull(a), isnotnull(b) FROM tv WHERE id IN (1, 5, 9) ORDER BY id;

SELECT count(*) FROM tv WHERE a = b;

SELECT count(*) FROM tv WHERE NOT (a = b);

SELECT greatest(1, 5, 3), least(4, 2, 8), greatest(1, NULL, 3), least(NULL, NULL), greatest('apple', 'banana');
