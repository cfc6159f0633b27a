-- Partitioned tables: static and dynamic partition INSERT OVERWRITE / INSERT INTO,
-- SHOW PARTITIONS, partition pruning in WHERE, partition columns at the end of SELECT *.

SET hive.exec.dynamic.partition=true;
SET hive.exec.dynamic.partition.mode=nonstrict;

CREATE TABLE staging (id INT, amount DOUBLE, dt STRING, country STRING);

INSERT INTO staging VALUES
  (1, 10.0, '2024-01-01', 'US'),
  (2, 20.0, '2024-01-01', 'DE'),
  (3, 30.0, '2024-01-02', 'US'),
  (4, 40.0, '2024-01-03', 'US'),
  (5, 50.0, '2024-01-03', NULL);

CREATE TABLE facts (id INT, amount DOUBLE) PARTITIONED BY (dt STRING);

INSERT OVERWRITE TABLE facts PARTITION (dt = '2024-01-01')
SELECT id, amount FROM staging WHERE dt = '2024-01-01';

SHOW PARTITIONS facts;

SELECT * FROM facts ORDER BY id;

INSERT OVERWRITE TABLE facts PARTITION (dt)
SELECT id, amount, dt FROM staging WHERE dt >= '2024-01-02';

SHOW PARTITIONS facts;

SELECT dt, count(*), sum(amount) FROM facts GROUP BY dt ORDER BY dt;

-- Overwriting one partition dynamically leaves the others alone.
INSERT OVERWRITE TABLE facts PARTITION (dt)
SELECT id * 100, amount * 2, dt FROM staging WHERE dt = '2024-01-03';

SELECT dt, id, amount FROM facts ORDER BY dt, id;

INSERT INTO TABLE facts PARTITION (dt = '2024-01-01') VALUES (9, 99.5);

SELECT id, amount FROM facts WHERE dt = '2024-01-01' ORDER BY id;

-- Static overwrite replaces the partition's rows.
INSERT OVERWRITE TABLE facts PARTITION (dt = '2024-01-01') SELECT 7, 7.0;

SELECT * FROM facts WHERE dt = '2024-01-01';

CREATE TABLE by_country (id INT) PARTITIONED BY (country STRING, dt STRING);

INSERT OVERWRITE TABLE by_country PARTITION (country, dt)
SELECT id, country, dt FROM staging;

SHOW PARTITIONS by_country;

SELECT country, dt, id FROM by_country ORDER BY id;

INSERT OVERWRITE TABLE by_country PARTITION (country = 'FR', dt)
SELECT id, dt FROM staging WHERE id <= 2;

SHOW PARTITIONS by_country PARTITION (country = 'FR');

SELECT count(*) FROM by_country WHERE country = 'US';

ALTER TABLE facts DROP PARTITION (dt = '2024-01-02');

SHOW PARTITIONS facts;

ALTER TABLE facts ADD PARTITION (dt = '2025-01-01');

SHOW PARTITIONS facts;

SELECT count(*) FROM facts WHERE dt = '2025-01-01';

DESCRIBE facts;
