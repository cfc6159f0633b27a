-- Timestamps in a UTC session: unix_timestamp / from_unixtime with patterns,
-- to_utc_timestamp / from_utc_timestamp, timestamp printing (trailing zeros dropped).

CREATE TABLE logins (user_id INT, at_text STRING, epoch BIGINT);

INSERT INTO logins VALUES
  (1, '2024-03-15 10:11:12', 1710497472),
  (2, '2024-03-15 23:59:59.5', 0),
  (3, '1999-12-31 00:00:00', 946598400),
  (4, NULL, NULL),
  (5, 'bad', -86400);

SELECT user_id, unix_timestamp(at_text), from_unixtime(epoch), from_unixtime(epoch, 'yyyy-MM-dd'), CAST(at_text AS TIMESTAMP) FROM logins ORDER BY user_id;

SELECT unix_timestamp('2024-03-15 10:11:12'), unix_timestamp('2024-03-15', 'yyyy-MM-dd'), unix_timestamp('15/03/2024 10:11', 'dd/MM/yyyy HH:mm'), unix_timestamp('nope'), unix_timestamp(NULL);

SELECT from_unixtime(0), from_unixtime(1710497472, 'yyyy-MM-dd HH:mm:ss'), from_unixtime(1710497472, 'MMM d, yyyy h:mm a'), from_unixtime(86400 * 365);

SELECT to_utc_timestamp('2024-03-15 10:00:00', 'America/New_York'), to_utc_timestamp('2024-07-15 10:00:00', 'America/New_York'), from_utc_timestamp('2024-03-15 10:00:00', 'Asia/Tokyo'), to_utc_timestamp('2024-03-15 10:00:00', 'UTC');

SELECT CAST('2024-03-15 10:11:12.120' AS TIMESTAMP), CAST('2024-03-15 10:11:12.000' AS TIMESTAMP), CAST('2024-03-15 10:11:12.123456' AS TIMESTAMP), CAST('2024-03-15T10:11:12' AS TIMESTAMP);

SELECT date_format(CAST('2024-03-15 10:11:12.5' AS TIMESTAMP), 'yyyy-MM-dd HH:mm:ss.SSS'), date_format(CAST('2024-03-15 10:11:12' AS TIMESTAMP), 'HH:mm:ss'), hour(CAST('2024-03-15 10:11:12' AS TIMESTAMP));

SELECT CAST(CAST('2024-03-15 10:11:12' AS TIMESTAMP) AS BIGINT), CAST(1710497472 AS TIMESTAMP), CAST(CAST(0 AS TIMESTAMP) AS STRING);

SELECT user_id, to_date(from_unixtime(epoch)), year(from_unixtime(epoch)), datediff(from_unixtime(epoch), '1970-01-01') FROM logins ORDER BY user_id;

SELECT min(CAST(at_text AS TIMESTAMP)), max(CAST(at_text AS TIMESTAMP)), count(CAST(at_text AS TIMESTAMP)) FROM logins;
