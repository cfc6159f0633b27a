-- A short summary of the pipeline's result, to check at a glance (runs after transform.sql).

USE etl;

SELECT 'rows read' AS measure, count(*) AS value FROM customer_accounts_raw
UNION ALL
SELECT 'rows cleaned', count(*) FROM customer_accounts_clean
UNION ALL
SELECT 'states that became unknown', count(*) FROM customer_accounts_clean WHERE state = 'unknown'
UNION ALL
SELECT 'names filled with unknown', count(*) FROM customer_accounts_clean
WHERE firstname = 'unknown' OR lastname = 'unknown'
UNION ALL
SELECT 'legacy accounts now checking', count(*) FROM customer_accounts_raw WHERE lower(trim(account_type)) = 'legacy'
UNION ALL
SELECT 'rows with a malformed created_at', count(*) FROM customer_accounts_clean WHERE created_at_year IS NULL;

-- Rows per year of creation and account type (NULL: malformed dates, Hive's default partition).
SELECT created_at_year, account_type, count(*) AS accounts, sum(balance) AS total_balance
FROM customer_accounts_clean
GROUP BY created_at_year, account_type
ORDER BY created_at_year, account_type;
