-- NULL versus empty string across functions, grouping, DISTINCT, joins, set operations and sorting.

CREATE TABLE nv (k STRING, v INT, s STRING);

INSERT INTO nv VALUES ('a', 1, 'x'), ('a', NULL, ''), (NULL, 2, NULL), (NULL, NULL, 'y'), ('', 3, ' '), ('b', 4, NULL);

SELECT k, count(*), count(v), sum(v), count(s) FROM nv GROUP BY k ORDER BY k;

SELECT DISTINCT k FROM nv ORDER BY k;

SELECT count(DISTINCT k), count(DISTINCT s), count(DISTINCT k, s) FROM nv;

SELECT k, v, s, s IS NULL, s = '', length(s), concat('<', s, '>'), nvl(s, '-') FROM nv ORDER BY k, v;

SELECT k, upper(s), trim(s), lpad(s, 3, '*'), split(s, ','), size(split(s, ',')), regexp_replace(s, 'x', 'z') FROM nv ORDER BY k, v;

SELECT k, v + 1, v * NULL, -v, abs(v), v / 0, CAST(s AS INT) FROM nv ORDER BY k, v;

SELECT a.k, a.v, b.v FROM nv a JOIN nv b ON a.k = b.k AND a.v <= b.v ORDER BY a.k, a.v, b.v;

SELECT a.k, count(*) FROM nv a JOIN nv b ON a.k = b.k GROUP BY a.k ORDER BY a.k;

SELECT k FROM nv WHERE k IS NULL UNION SELECT k FROM nv WHERE k = '' ORDER BY k;

SELECT k FROM nv INTERSECT SELECT CAST(NULL AS STRING) FROM nv;

SELECT max(k), min(k), max(s), min(s) FROM nv;

SELECT sort_array(collect_set(k)), sort_array(collect_list(s)), size(collect_list(v)) FROM nv;

SELECT v FROM nv ORDER BY v DESC NULLS FIRST, s;

SELECT k, v, row_number() OVER (PARTITION BY k ORDER BY v) AS rn, sum(v) OVER (PARTITION BY k) AS total FROM nv ORDER BY k, rn;

SELECT coalesce(k, s, 'none'), if(k IS NULL, 'null-key', if(k = '', 'empty-key', k)) FROM nv ORDER BY v, s;

SELECT CASE WHEN v > 2 THEN 'hi' WHEN v <= 2 THEN 'lo' ELSE 'unknown' END AS band, count(*) FROM nv GROUP BY CASE WHEN v > 2 THEN 'hi' WHEN v <= 2 THEN 'lo' ELSE 'unknown' END ORDER BY band;
