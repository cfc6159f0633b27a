-- ORDER BY: NULLs first when ascending and last when descending (Spark and Hive 3),
-- explicit NULLS FIRST/LAST, ordinals, aliases, multi-key, DISTINCT and LIMIT.

CREATE TABLE people (name STRING, age INT, city STRING, score DOUBLE);

INSERT INTO people VALUES
  ('alice', 34, 'Boston', 88.5),
  ('bob', NULL, 'Austin', 72.0),
  ('carol', 29, NULL, 91.25),
  ('dave', 34, 'Austin', NULL),
  ('eve', 41, 'Boston', 65.0),
  ('frank', 29, 'Chicago', 72.0),
  (NULL, 50, 'Denver', 80.0);

SELECT name, age FROM people ORDER BY age, name;

SELECT name, age FROM people ORDER BY age DESC, name;

SELECT name, age FROM people ORDER BY age ASC NULLS LAST, name DESC;

SELECT name, age FROM people ORDER BY age DESC NULLS FIRST, name;

SELECT name, city FROM people ORDER BY city, name;

SELECT name, score FROM people ORDER BY 2 DESC, 1;

SELECT name AS n, age * 2 AS doubled FROM people ORDER BY doubled, n;

SELECT city, count(*) AS c FROM people GROUP BY city ORDER BY c DESC, city;

SELECT DISTINCT city FROM people ORDER BY city;

SELECT DISTINCT age, city FROM people ORDER BY age, city;

SELECT name FROM people ORDER BY name LIMIT 3;

SELECT name, score FROM people ORDER BY score DESC LIMIT 2;

SELECT name FROM people ORDER BY length(name) DESC, name LIMIT 4;

SELECT upper(name) AS u FROM people ORDER BY u;

SELECT count(DISTINCT city), count(DISTINCT age) FROM people;

SELECT name FROM people ORDER BY name LIMIT 0;
