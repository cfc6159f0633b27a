-- Window functions: ranking, distribution, offsets, first/last value, running aggregates with
-- ROWS and RANGE frames, named WINDOW clauses. Every window has a full ORDER BY for determinism.

CREATE TABLE emp (name STRING, dept STRING, salary INT, hired STRING);

INSERT INTO emp VALUES
  ('ann', 'eng', 120, '2019-01-10'),
  ('bob', 'eng', 100, '2020-03-01'),
  ('cat', 'eng', 100, '2018-07-15'),
  ('dan', 'ops', 80, '2021-02-02'),
  ('eve', 'ops', 95, '2017-11-30'),
  ('fay', 'hr', 70, '2022-05-05'),
  ('gus', 'eng', NULL, '2023-01-01');

SELECT name, dept, salary,
       row_number() OVER (PARTITION BY dept ORDER BY salary DESC, name) AS rn,
       rank() OVER (PARTITION BY dept ORDER BY salary DESC) AS rk,
       dense_rank() OVER (PARTITION BY dept ORDER BY salary DESC) AS drk
FROM emp ORDER BY dept, rn;

SELECT name, salary,
       percent_rank() OVER (ORDER BY salary) AS pr,
       cume_dist() OVER (ORDER BY salary) AS cd,
       ntile(3) OVER (ORDER BY salary, name) AS nt
FROM emp ORDER BY salary, name;

SELECT name, dept, salary,
       lag(salary) OVER (PARTITION BY dept ORDER BY hired) AS prev,
       lead(salary, 1, -1) OVER (PARTITION BY dept ORDER BY hired) AS next,
       lag(name, 2) OVER (ORDER BY hired) AS two_back
FROM emp ORDER BY hired;

SELECT name, dept,
       first_value(name) OVER (PARTITION BY dept ORDER BY hired) AS first_hire,
       last_value(name) OVER (PARTITION BY dept ORDER BY hired) AS last_so_far,
       last_value(name) OVER (PARTITION BY dept ORDER BY hired ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS last_hire
FROM emp ORDER BY dept, hired;

SELECT name, salary,
       sum(salary) OVER (ORDER BY hired ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS running,
       sum(salary) OVER (ORDER BY hired ROWS BETWEEN 1 PRECEDING AND 1 FOLLOWING) AS moving,
       count(*) OVER (ORDER BY hired ROWS BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING) AS remaining
FROM emp ORDER BY hired;

SELECT name, salary,
       sum(salary) OVER (ORDER BY salary) AS range_default,
       sum(salary) OVER (ORDER BY salary RANGE BETWEEN 10 PRECEDING AND CURRENT ROW) AS within_10,
       count(*) OVER (ORDER BY salary RANGE BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS total
FROM emp ORDER BY salary, name;

SELECT name, dept, salary,
       sum(salary) OVER (PARTITION BY dept) AS dept_total,
       avg(salary) OVER (PARTITION BY dept) AS dept_avg,
       max(salary) OVER (PARTITION BY dept) - salary AS gap,
       count(salary) OVER (PARTITION BY dept) AS dept_n
FROM emp ORDER BY dept, name;

SELECT name, dept,
       rank() OVER w AS rk,
       sum(salary) OVER w AS running
FROM emp
WINDOW w AS (PARTITION BY dept ORDER BY salary DESC, name)
ORDER BY dept, rk;

SELECT dept, name FROM (
  SELECT dept, name, row_number() OVER (PARTITION BY dept ORDER BY salary DESC, name) AS rn FROM emp
) t WHERE rn = 1 ORDER BY dept;

SELECT name, salary, min(salary) OVER (ORDER BY hired ROWS BETWEEN 2 PRECEDING AND CURRENT ROW) AS min3,
       first_value(salary, true) OVER (ORDER BY hired ROWS BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING) AS next_known
FROM emp ORDER BY hired;

SELECT dept, sum(salary) AS total, rank() OVER (ORDER BY sum(salary) DESC) AS rk FROM emp GROUP BY dept ORDER BY rk;

SELECT name, ntile(2) OVER (PARTITION BY dept ORDER BY name) AS half, count(*) OVER (PARTITION BY dept ORDER BY name ROWS UNBOUNDED PRECEDING) AS n FROM emp ORDER BY dept, name;
