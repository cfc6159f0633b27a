-- Complex types: array, map, struct, named_struct; size, array_contains, sort_array,
-- map_keys/map_values (wrapped in sort_array, map key order is not defined), element access.

CREATE TABLE profiles (id INT, tags ARRAY<STRING>, attrs MAP<STRING,INT>, addr STRUCT<city:STRING,zip:STRING>);

INSERT INTO profiles
SELECT 1, array('b', 'a', 'c'), map('x', 1, 'y', 2), named_struct('city', 'Austin', 'zip', '73301')
UNION ALL SELECT 2, array(), map(), named_struct('city', 'Boston', 'zip', NULL)
UNION ALL SELECT 3, NULL, NULL, NULL
UNION ALL SELECT 4, array('z', NULL, 'a'), map('k', NULL), named_struct('city', NULL, 'zip', '10001');

SELECT id, tags, size(tags), attrs, size(attrs), addr FROM profiles ORDER BY id;

SELECT id, tags[0], tags[5], attrs['x'], attrs['missing'], addr.city, addr.zip FROM profiles ORDER BY id;

SELECT id, array_contains(tags, 'a'), sort_array(tags), sort_array(tags, false), sort_array(map_keys(attrs)), sort_array(map_values(attrs)) FROM profiles ORDER BY id;

SELECT array(1, 2, 3), array('a', NULL), array(), map('b', 2, 'a', 1), map(1, 'one'), struct(1, 'x'), named_struct('k', 1, 'v', array(1.5D, 2D));

SELECT size(array(1, 2)), size(map('a', 1)), size(CAST(NULL AS ARRAY<INT>)), array_contains(array(1, 2, NULL), 3), array_contains(array(1, 2), 2);

SELECT sort_array(array(3, 1, NULL, 2)), sort_array(array('b', 'A', 'a')), sort_array(array(3, 1, NULL, 2), false);

SELECT map('a', array(1, 2), 'b', array()), array(map('k', 'v')), array(array(1), array(2, 3)), named_struct('a', named_struct('b', 1));

SELECT array(1, 2, 3)[1], map('a', 1)['a'], named_struct('x', 10, 'y', 20).y, array(named_struct('p', 'q'))[0].p;

SELECT id FROM profiles WHERE array_contains(tags, 'a') ORDER BY id;

SELECT addr.city, count(*) FROM profiles GROUP BY addr.city ORDER BY addr.city;

SELECT concat_ws('|', tags), concat_ws('|', sort_array(tags)) FROM profiles WHERE id IN (1, 4) ORDER BY 1;

SELECT map_keys(map('only', 1)), map_values(map('only', 1)), map('k', CAST(NULL AS INT)), array(CAST(NULL AS STRING));

SELECT array(CAST(1.5 AS DECIMAL(3,1)), NULL), array(DATE '2024-01-01', NULL), array(CAST('2024-01-01 10:00:00' AS TIMESTAMP)), array(true, false), map(1.5D, 1e10D);
