-- Loads the cleaned customer accounts into a native Hive table partitioned by year, then copies them to the
-- DynamoDB table CustomerAccount through the EMR DynamoDB storage handler. Run after transform.sql.
--
-- The DynamoDB table must exist first (dynamodb/CustomerAccount.json): Hive never creates it.

USE etl;

SET hive.exec.dynamic.partition=true;
SET hive.exec.dynamic.partition.mode=nonstrict;

CREATE TABLE IF NOT EXISTS customer_accounts (
    customer_id STRING COMMENT 'unique customer id, the DynamoDB hash key',
    firstname STRING,
    lastname STRING,
    full_name STRING,
    gender STRING,
    email STRING,
    street STRING,
    city STRING,
    state STRING COMMENT 'full state name, or unknown',
    zip STRING,
    account_number STRING,
    account_type STRING COMMENT 'checking, savings or credit',
    balance DECIMAL(12,2),
    created_at STRING
)
COMMENT 'Cleaned customer accounts, one partition per year of creation'
PARTITIONED BY (created_at_year INT)
STORED AS TEXTFILE;

-- Dynamic partitioning: each row goes to the partition of its created_at_year (the last column);
-- rows with a malformed created_at go to __HIVE_DEFAULT_PARTITION__.
INSERT OVERWRITE TABLE customer_accounts PARTITION (created_at_year)
SELECT
    customer_id, firstname, lastname, full_name, gender, email, street, city, state, zip,
    account_number, account_type, balance, created_at, created_at_year
FROM customer_accounts_clean;

-- DynamoDB supports only string, bigint, double, boolean, binary and collections of them, so the balance
-- travels as DOUBLE and the year as BIGINT.
CREATE EXTERNAL TABLE IF NOT EXISTS customer_accounts_dynamodb (
    customer_id STRING,
    full_name STRING,
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
    balance DOUBLE,
    created_at STRING,
    created_at_year BIGINT
)
STORED BY 'org.apache.hadoop.hive.dynamodb.DynamoDBStorageHandler'
TBLPROPERTIES (
    "dynamodb.table.name" = "CustomerAccount",
    "dynamodb.column.mapping" = "customer_id:customer_id,full_name:full_name,firstname:firstname,lastname:lastname,gender:gender,email:email,street:street,city:city,state:state,zip:zip,account_number:account_number,account_type:account_type,balance:balance,created_at:created_at,created_at_year:created_at_year"
);

-- One full-item put per row; items of other customers are left alone (the connector never deletes).
INSERT OVERWRITE TABLE customer_accounts_dynamodb
SELECT
    customer_id, full_name, firstname, lastname, gender, email, street, city, state, zip,
    account_number, account_type, CAST(balance AS DOUBLE), created_at, CAST(created_at_year AS BIGINT)
FROM customer_accounts;
