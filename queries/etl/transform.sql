-- Cleans the raw customer-account CSV (Spark SQL; runs unchanged on spark-sql and on hqlrun).
--
-- Input:  data/customers.csv, header line, RFC 4180 quoting; every column read as STRING so that defects
--         (empty fields, 'N/A' balances, malformed dates) reach the cleaning rules instead of failing the read.
-- Output: etl.customer_accounts_clean, one row per input row.
-- Relative paths are resolved against this script's folder by hqlrun; give spark-sql absolute paths.

CREATE DATABASE IF NOT EXISTS etl;
USE etl;

DROP TABLE IF EXISTS customer_accounts_raw;
CREATE TABLE customer_accounts_raw (
    customer_id STRING,
    firstname STRING,
    lastname STRING,
    gender STRING,
    email STRING,
    street STRING,
    city STRING,
    state STRING,
    zip STRING,
    account_number STRING,
    account_type STRING,
    balance STRING,
    created_at STRING
)
USING csv
OPTIONS (path 'data/customers.csv', header 'true', quote '"', escape '"');

-- The 50 states and DC: the lookup for rule 3, kept as data rather than a 51-branch CASE.
DROP TABLE IF EXISTS us_states;
CREATE TABLE us_states (abbreviation STRING, name STRING)
USING csv
OPTIONS (path 'data/states.csv', header 'true');

DROP TABLE IF EXISTS customer_accounts_clean;
CREATE TABLE customer_accounts_clean AS
WITH trimmed AS (
    SELECT
        customer_id,
        -- Rule 1: missing (empty or NULL) names, gender, state and account number become 'unknown'.
        coalesce(nullif(trim(firstname), ''), 'unknown') AS firstname,
        coalesce(nullif(trim(lastname), ''), 'unknown') AS lastname,
        coalesce(nullif(trim(gender), ''), 'unknown') AS gender,
        email,
        street,
        city,
        nullif(trim(state), '') AS state_as_written,
        zip,
        coalesce(nullif(trim(account_number), ''), 'unknown') AS account_number,
        -- Rule 2: legacy accounts are now checking accounts.
        CASE WHEN lower(trim(account_type)) = 'legacy' THEN 'checking' ELSE lower(trim(account_type)) END
            AS account_type,
        -- 'N/A' and other non-numbers become NULL, as a Hive cast does.
        CAST(balance AS DECIMAL(12,2)) AS balance,
        created_at
    FROM customer_accounts_raw
)
SELECT
    t.customer_id,
    t.firstname,
    t.lastname,
    -- Rule 4: the full name is built after filling, so it is never NULL.
    concat(t.firstname, ' ', t.lastname) AS full_name,
    t.gender,
    t.email,
    t.street,
    t.city,
    -- Rule 3: a full name in any case or an abbreviation in any case becomes the canonical full name;
    -- anything else (misspellings, and the 'unknown' of rule 1) becomes 'unknown'.
    coalesce(by_name.name, by_abbreviation.name, 'unknown') AS state,
    t.zip,
    t.account_number,
    t.account_type,
    t.balance,
    t.created_at,
    -- Rule 5: the year of created_at; NULL when the date is malformed. Those rows land in Hive's default
    -- partition (created_at_year=__HIVE_DEFAULT_PARTITION__) in create_tables.hql, and their DynamoDB items
    -- carry no created_at_year attribute.
    year(t.created_at) AS created_at_year
FROM trimmed t
LEFT JOIN us_states by_name ON lower(t.state_as_written) = lower(by_name.name)
LEFT JOIN us_states by_abbreviation ON upper(t.state_as_written) = by_abbreviation.abbreviation;
