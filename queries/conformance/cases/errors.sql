-- Statements Spark rejects; the expected output is the error class and first message line.

CREATE TABLE known (a INT, b STRING);

INSERT INTO known VALUES (1, 'x'), (2, 'y');

SELECT * FROM no_such_table;

SELECT no_such_column FROM known;

SELECT a, b FROM known GROUP BY a;

SELECT no_such_function(a) FROM known;

SELECT a FROM known WHERE a = ;

CREATE TABLE known (a INT);

INSERT INTO known VALUES (1, 'x', 'extra');

SELECT k.a FROM known k JOIN known j ON k.a = j.a WHERE a = 1;

SELECT sum(a) FROM known HAVING b = 'x';

DROP TABLE no_such_table;

DROP TABLE IF EXISTS no_such_table;

SELECT count(*) FROM known;

SELECT a FROM known ORDER BY 5;

SELECT CAST(a AS NOSUCHTYPE) FROM known;

SELECT size(a) FROM known;

SELECT * FROM known UNION ALL SELECT a FROM known;
