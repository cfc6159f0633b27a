-- Date functions: parts, to_date, date_format with SimpleDateFormat-style patterns,
-- datediff, date_add/date_sub, add_months, months_between, last_day, next_day, trunc.

CREATE TABLE events (id INT, d STRING, ts STRING);

INSERT INTO events VALUES
  (1, '2024-01-31', '2024-01-31 23:59:59'),
  (2, '2024-02-29', '2024-02-29 12:00:00'),
  (3, '2023-12-25', '2023-12-25 08:30:15'),
  (4, '2020-03-01', '2020-03-01 00:00:00'),
  (5, NULL, NULL),
  (6, 'garbage', 'garbage');

SELECT id, year(d), month(d), day(d), dayofmonth(d), quarter(d), weekofyear(d) FROM events ORDER BY id;

SELECT id, hour(ts), minute(ts), second(ts), to_date(ts), dayofweek(d) FROM events ORDER BY id;

SELECT id, date_format(ts, 'yyyy/MM/dd HH:mm'), date_format(d, 'EEE, d MMM yyyy'), date_format(ts, 'yyyyMMdd'), date_format(ts, 'hh:mm a') FROM events ORDER BY id;

SELECT date_format('2024-07-04', 'EEEE'), date_format('2024-07-04', 'MMMM'), date_format('2024-07-04', 'D'), date_format('2024-07-04 13:05:09', 'H:m:s'), date_format('2024-07-04', 'yy-M-d');

SELECT datediff('2024-03-01', '2024-02-01'), datediff('2024-01-01', '2024-12-31'), datediff('2024-03-01 23:00:00', '2024-03-01 01:00:00'), datediff(NULL, '2024-01-01');

SELECT date_add('2024-02-28', 1), date_add('2024-02-28', 2), date_sub('2024-03-01', 1), date_add('2023-12-31', -365), date_add('2024-01-31 10:00:00', 1);

SELECT add_months('2024-01-15', 1), add_months('2024-03-31', -1), add_months('2023-11-30', 3), add_months('2024-12-15', 2);

SELECT months_between('2024-03-15', '2024-01-15'), months_between('2024-03-31', '2024-02-29'), months_between('2024-01-01', '2024-03-15'), months_between('2024-03-15 12:00:00', '2024-03-14');

SELECT last_day('2024-02-10'), last_day('2023-02-10'), last_day('2024-12-01'), next_day('2024-03-15', 'MON'), next_day('2024-03-15', 'Friday'), next_day('2024-03-15', 'xx');

SELECT trunc('2024-03-15', 'MM'), trunc('2024-03-15', 'YEAR'), trunc('2024-03-15', 'yy'), trunc('2024-03-15', 'QUARTER'), trunc('2024-03-15', 'MON');

SELECT id, date_add(d, 30), add_months(d, 12), last_day(d), datediff(d, '2024-01-01') FROM events ORDER BY id;

SELECT to_date('2024-03-15'), to_date('2024-03-15 10:11:12'), to_date('not-a-date'), to_date(NULL);

SELECT year('2019-03-15 25:61:07'), year('2019-02-30 10:00:00'), month('2019-13-01'), day(DATE '2024-02-29');

SELECT current_date() IS NOT NULL, current_timestamp() IS NOT NULL, datediff(current_date(), '2000-01-01') > 0;

SELECT DATE '2024-03-15' = CAST('2024-03-15' AS DATE), DATE '2024-03-15' < DATE '2024-04-01', DATE '2024-03-15' = '2024-03-15';
