-- The profiling a team does before writing the transform (Spark SQL; run after the raw table exists,
-- i.e. after the first statements of transform.sql).

USE etl;

-- Rows, and missing (NULL or empty) values per column.
SELECT
    count(*) AS row_count,
    sum(CASE WHEN customer_id IS NULL OR trim(customer_id) = '' THEN 1 ELSE 0 END) AS customer_id_missing,
    sum(CASE WHEN firstname IS NULL OR trim(firstname) = '' THEN 1 ELSE 0 END) AS firstname_missing,
    sum(CASE WHEN lastname IS NULL OR trim(lastname) = '' THEN 1 ELSE 0 END) AS lastname_missing,
    sum(CASE WHEN gender IS NULL OR trim(gender) = '' THEN 1 ELSE 0 END) AS gender_missing,
    sum(CASE WHEN email IS NULL OR trim(email) = '' THEN 1 ELSE 0 END) AS email_missing,
    sum(CASE WHEN state IS NULL OR trim(state) = '' THEN 1 ELSE 0 END) AS state_missing,
    sum(CASE WHEN account_number IS NULL OR trim(account_number) = '' THEN 1 ELSE 0 END) AS account_number_missing,
    sum(CASE WHEN account_type IS NULL OR trim(account_type) = '' THEN 1 ELSE 0 END) AS account_type_missing,
    sum(CASE WHEN balance IS NULL OR trim(balance) = '' THEN 1 ELSE 0 END) AS balance_missing,
    sum(CASE WHEN created_at IS NULL OR trim(created_at) = '' THEN 1 ELSE 0 END) AS created_at_missing
FROM customer_accounts_raw;

-- Distinct values with counts.
SELECT state, count(*) AS rows_with_value FROM customer_accounts_raw GROUP BY state ORDER BY rows_with_value DESC, state;
SELECT gender, count(*) AS rows_with_value FROM customer_accounts_raw GROUP BY gender ORDER BY rows_with_value DESC, gender;
SELECT account_type, count(*) AS rows_with_value FROM customer_accounts_raw GROUP BY account_type
ORDER BY rows_with_value DESC, account_type;

-- States that match neither a full name nor an abbreviation (these will become 'unknown').
SELECT r.state, count(*) AS rows_with_value
FROM customer_accounts_raw r
LEFT JOIN us_states by_name ON lower(trim(r.state)) = lower(by_name.name)
LEFT JOIN us_states by_abbreviation ON upper(trim(r.state)) = by_abbreviation.abbreviation
WHERE by_name.name IS NULL AND by_abbreviation.name IS NULL
GROUP BY r.state
ORDER BY rows_with_value DESC, r.state;

-- Malformed dates and balances.
SELECT created_at, count(*) AS rows_with_value
FROM customer_accounts_raw
WHERE unix_timestamp(created_at, 'yyyy-MM-dd HH:mm:ss') IS NULL
GROUP BY created_at
ORDER BY created_at;

SELECT balance, count(*) AS rows_with_value
FROM customer_accounts_raw
WHERE CAST(balance AS DECIMAL(12,2)) IS NULL
GROUP BY balance
ORDER BY balance;

-- Rows per year of creation (NULL: malformed dates).
SELECT year(created_at) AS created_at_year, count(*) AS rows_with_value
FROM customer_accounts_raw
GROUP BY year(created_at)
ORDER BY created_at_year;
