-- SORT BY, DISTRIBUTE BY and CLUSTER BY order rows only within a reducer, so the overall
-- row order is not defined: each query carries '-- sort' and is compared as a sorted set.

CREATE TABLE clicks (uid INT, page STRING, ms INT);

INSERT INTO clicks VALUES (3, 'home', 120), (1, 'cart', 80), (2, 'home', 45), (1, 'home', 300), (3, 'pay', 15), (2, 'cart', NULL);

-- sort
SELECT uid, page FROM clicks SORT BY uid;

-- sort
SELECT uid, page, ms FROM clicks DISTRIBUTE BY uid;

-- sort
SELECT uid, page, ms FROM clicks DISTRIBUTE BY uid SORT BY uid, ms DESC;

-- sort
SELECT uid, ms FROM clicks CLUSTER BY uid;

-- sort
SELECT page, count(*) FROM clicks GROUP BY page;

-- sort
SELECT uid, sum(ms) FROM clicks GROUP BY uid;

-- sort
SELECT DISTINCT page FROM clicks;

-- A global ORDER BY after DISTRIBUTE BY in a subquery restores a total order.
SELECT uid, page FROM (SELECT uid, page FROM clicks DISTRIBUTE BY page SORT BY uid) t ORDER BY uid, page;

-- sort
SELECT * FROM clicks WHERE ms > 50;
