#!/usr/bin/env bash
# The main job: the customer-account ETL on the embedded default store (./hqlrun-warehouse).
# Sets up the DynamoDB table, the notification topic and the stream consumer when they are missing, runs
# transform.sql and create_tables.hql, delivers the stream batches to the topic, and prints a summary.
# Running it again gives the same result and publishes nothing new (identical puts make no stream records).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

bin="${HQLRUN_BIN:?set HQLRUN_BIN to the hqlrun binary}"
warehouse="${HQLRUN_WAREHOUSE:-hqlrun-warehouse}"
notifications="${warehouse}/notifications.jsonl"
export HQLRUN_WAREHOUSE="${warehouse}"

if ! "${bin}" ddb describe-table --warehouse "${warehouse}" --table-name CustomerAccount >/dev/null 2>&1; then
    "${bin}" ddb create-table --warehouse "${warehouse}" \
        --cli-input-json file://queries/etl/dynamodb/CustomerAccount.json >/dev/null
fi
if ! "${bin}" streams list-topics --warehouse "${warehouse}" | grep -q customer-account-changes; then
    "${bin}" streams create-topic --warehouse "${warehouse}" --name customer-account-changes >/dev/null
    "${bin}" streams subscribe --warehouse "${warehouse}" --topic customer-account-changes \
        --file "${notifications}" >/dev/null
fi
if ! "${bin}" streams list-event-source-mappings --warehouse "${warehouse}" | grep -q customer-account-notifier; then
    "${bin}" streams create-event-source-mapping --warehouse "${warehouse}" \
        --cli-input-json file://queries/etl/dynamodb/stream-mapping.json >/dev/null
fi

echo "==> transform.sql, create_tables.hql" >&2
"${bin}" -S queries/etl/transform.sql
"${bin}" -S queries/etl/create_tables.hql
before=$( [[ -f "${notifications}" ]] && wc -l <"${notifications}" || echo 0)
"${bin}" streams run --warehouse "${warehouse}" >/dev/null
after=$( [[ -f "${notifications}" ]] && wc -l <"${notifications}" || echo 0)

echo "==> summary" >&2
"${bin}" -S queries/etl/summary.sql
"${bin}" -S -e "SELECT 'items in CustomerAccount', count(*) FROM etl.customer_accounts_dynamodb;"
echo -e "notifications published by this run\t$((after - before)) (all runs: ${after}; ${notifications})"
