-- DDL and DML: CREATE TABLE, INSERT INTO / OVERWRITE, CTAS, views, TRUNCATE,
-- ALTER TABLE ADD COLUMNS / RENAME TO, DESCRIBE, SHOW TABLES, DROP.

CREATE TABLE accounts (id INT, owner STRING, balance DECIMAL(10,2), opened DATE);

INSERT INTO accounts VALUES (1, 'ann', 100.50, '2020-01-15'), (2, 'bob', -20.00, '2021-06-30');

INSERT INTO TABLE accounts SELECT 3, 'cat', 0, CAST('2022-12-01' AS DATE);

SELECT * FROM accounts ORDER BY id;

DESCRIBE accounts;

SHOW TABLES;

CREATE TABLE rich AS SELECT id, owner, balance + balance AS doubled FROM accounts WHERE balance > 0;

SELECT * FROM rich ORDER BY id;

DESCRIBE rich;

CREATE TABLE IF NOT EXISTS rich (x INT);

SELECT count(*) FROM rich;

CREATE VIEW positive AS SELECT id, owner FROM accounts WHERE balance >= 0;

SELECT * FROM positive ORDER BY id;

INSERT INTO accounts VALUES (4, 'dan', 5.25, NULL);

-- A view sees rows inserted after it was created.
SELECT * FROM positive ORDER BY id;

DESCRIBE positive;

INSERT OVERWRITE TABLE rich SELECT id, owner, balance FROM accounts WHERE id = 4;

SELECT * FROM rich;

TRUNCATE TABLE rich;

SELECT count(*) FROM rich;

ALTER TABLE accounts ADD COLUMNS (email STRING, tier INT);

SELECT id, owner, email, tier FROM accounts ORDER BY id;

INSERT INTO accounts VALUES (5, 'eve', 1.00, '2024-02-29', 'eve@example.com', 2);

SELECT id, email, tier FROM accounts WHERE id >= 4 ORDER BY id;

DESCRIBE accounts;

ALTER TABLE accounts RENAME TO ledger;

SHOW TABLES;

SELECT count(*), sum(balance) FROM ledger;

DROP VIEW positive;

DROP TABLE rich;

SHOW TABLES;

CREATE TABLE wide (t TINYINT, s SMALLINT, i INT, b BIGINT, f FLOAT, d DOUBLE, dc DECIMAL(12,4), str STRING, vc VARCHAR(10), ch CHAR(3), bool BOOLEAN, dt DATE, ts TIMESTAMP);

DESCRIBE wide;

INSERT INTO wide VALUES (1, 2, 3, 4, 1.5, 2.25, 3.125, 'str', 'varchar', 'c', true, '2024-01-01', '2024-01-01 12:34:56');

SELECT * FROM wide;

INSERT INTO wide VALUES (300, 70000, '12x', 4.9, 0.1, '1e3', 'abc', 42, 'ten chars!', 'ab', NULL, '2024-13-01', 'x');

SELECT * FROM wide WHERE str = '42';

CREATE TABLE copy_like LIKE wide;

DESCRIBE copy_like;

SELECT count(*) FROM copy_like;

CREATE TABLE ctas_types AS SELECT 1 AS i, 1.5D AS d, 'x' AS s, CAST(NULL AS INT) AS n, array(1, 2) AS arr, DATE '2024-01-01' AS dt;

DESCRIBE ctas_types;

SELECT * FROM ctas_types;
