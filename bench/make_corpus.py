#!/usr/bin/env python3
"""Generate a deterministic HiveQL corpus for the parser benchmark.

The corpus imitates the scripts a data team runs on EMR: DynamoDB-backed external tables, partitioned text
tables, ``INSERT OVERWRITE ... PARTITION`` loads, reporting queries with CASE, joins, GROUP BY, window functions
and CTEs, ``SET`` statements and comments. Every statement is plain HiveQL that sqlglot's ``hive`` dialect
also parses, so both parsers in ``bench/parse.sh`` read the same text (``--verify`` checks this).

The same seed and size always give the same bytes, so measurements are comparable across runs and machines.

Usage: ``python3 bench/make_corpus.py [--size-mb 1.2] [--seed 20261125] [--out bench/out/corpus.hql] [--verify]``
"""

from __future__ import annotations

import argparse
import os
import random
import sys

# Tables of the imagined warehouse: name -> columns as (name, Hive type).
TABLES: dict[str, list[tuple[str, str]]] = {
    "orders": [
        ("order_id", "STRING"), ("customer_id", "STRING"), ("store_id", "INT"), ("amount", "DECIMAL(12,2)"),
        ("currency", "STRING"), ("status", "STRING"), ("created_at", "TIMESTAMP"), ("items", "INT"),
    ],
    "customers": [
        ("customer_id", "STRING"), ("email", "STRING"), ("country", "STRING"), ("segment", "STRING"),
        ("signup_date", "DATE"), ("lifetime_value", "DOUBLE"),
    ],
    "events": [
        ("event_id", "STRING"), ("session_id", "STRING"), ("customer_id", "STRING"), ("event_type", "STRING"),
        ("page", "STRING"), ("duration_ms", "BIGINT"), ("event_ts", "BIGINT"),
    ],
    "payments": [
        ("payment_id", "STRING"), ("order_id", "STRING"), ("method", "STRING"), ("amount", "DOUBLE"),
        ("fee", "DOUBLE"), ("settled", "BOOLEAN"), ("paid_at", "TIMESTAMP"),
    ],
    "inventory": [
        ("sku", "STRING"), ("store_id", "INT"), ("on_hand", "INT"), ("reserved", "INT"),
        ("unit_cost", "DECIMAL(10,2)"), ("updated_at", "TIMESTAMP"),
    ],
    "stores": [
        ("store_id", "INT"), ("store_name", "STRING"), ("region", "STRING"), ("opened_on", "DATE"),
        ("square_meters", "INT"),
    ],
}

DATABASES = ["raw", "staging", "analytics", "reporting"]
REGIONS = ["emea", "amer", "apac"]
STATUSES = ["NEW", "PAID", "SHIPPED", "CANCELLED", "RETURNED"]
SETTINGS = [
    ("hive.exec.dynamic.partition", "true"),
    ("hive.exec.dynamic.partition.mode", "nonstrict"),
    ("hive.exec.max.dynamic.partitions", "10000"),
    ("mapreduce.job.reduces", "32"),
    ("hive.exec.compress.output", "true"),
    ("dynamodb.throughput.read.percent", "0.5"),
    ("dynamodb.throughput.write.percent", "0.8"),
    ("hive.auto.convert.join", "false"),
    ("hive.cli.print.header", "true"),
]
COMMENTS = [
    "daily load, rerun safe: partitions are overwritten",
    "TODO: move to the new bucket once the migration is done",
    "owner: data-platform; pager rotation in the wiki",
    "keep in sync with the dashboard definitions",
    "numbers are in the order currency, not converted",
    "late events arrive up to two days after the fact",
]
NUMERIC = ("INT", "BIGINT", "DOUBLE", "DECIMAL")
# Plausible values of the columns that IN lists test; other string columns get IS NOT NULL.
VALUES: dict[str, list[str]] = {
    "status": STATUSES,
    "currency": ["EUR", "USD", "GBP", "JPY"],
    "country": ["DE", "FR", "US", "BR", "JP", "IN"],
    "segment": ["consumer", "smb", "enterprise"],
    "event_type": ["page_view", "add_to_cart", "checkout", "search"],
    "method": ["card", "paypal", "voucher", "bank_transfer"],
    "region": REGIONS,
}
# The Hive types DynamoDB's storage handler maps; others are read as strings or widened.
DYNAMODB_TYPES = {"INT": "BIGINT", "DATE": "STRING", "TIMESTAMP": "STRING"}


def numeric_columns(table: str) -> list[str]:
    """Names of the numeric columns of a table."""
    return [name for name, kind in TABLES[table] if kind.startswith(NUMERIC)]


def text_columns(table: str) -> list[str]:
    """Names of the string columns of a table."""
    return [name for name, kind in TABLES[table] if kind == "STRING"]


def joinable(rng: random.Random, left: str) -> tuple[str, str] | None:
    """A table sharing a key column with ``left``, and that column, or None."""
    left_columns = {name for name, _ in TABLES[left]}
    candidates = [
        (other, key)
        for other in TABLES
        if other != left
        for key in ("customer_id", "order_id", "store_id")
        if key in left_columns and key in {name for name, _ in TABLES[other]}
    ]
    return rng.choice(candidates) if candidates else None


class Generator:
    """Writes statements of the kinds above, drawing every choice from one seeded random source."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.counter = 0

    def next_id(self) -> int:
        """A running number that keeps generated table names distinct."""
        self.counter += 1
        return self.counter

    def comment(self) -> str:
        """A line comment, sometimes a block comment."""
        text = self.rng.choice(COMMENTS)
        if self.rng.random() < 0.2:
            return f"/* {text} */\n"
        return f"-- {text}\n"

    def set_statement(self) -> str:
        """``SET key=value`` with a dotted Hive or EMR setting."""
        key, value = self.rng.choice(SETTINGS)
        return f"SET {key}={value};\n"

    def dynamodb_table(self) -> str:
        """An external table over a DynamoDB table, as EMR's storage handler maps it."""
        table = self.rng.choice(list(TABLES))
        columns = TABLES[table]
        hive_columns = ",\n".join(
            f"    {name} {'DOUBLE' if kind.startswith('DECIMAL') else DYNAMODB_TYPES.get(kind, kind)}"
            for name, kind in columns
        )
        mapping = ",".join(f"{name}:{to_camel(name)}" for name, _ in columns)
        suffix = self.next_id()
        return (
            f"CREATE EXTERNAL TABLE IF NOT EXISTS ddb_{table}_{suffix} (\n{hive_columns}\n)\n"
            "STORED BY 'org.apache.hadoop.hive.dynamodb.DynamoDBStorageHandler'\n"
            "TBLPROPERTIES (\n"
            f"    \"dynamodb.table.name\" = \"{to_camel(table)}{suffix}\",\n"
            f"    \"dynamodb.column.mapping\" = \"{mapping}\"\n"
            ");\n"
        )

    def text_table(self) -> str:
        """A partitioned, comma-delimited text table on S3."""
        table = self.rng.choice(list(TABLES))
        database = self.rng.choice(DATABASES)
        suffix = self.next_id()
        columns = ",\n".join(f"    {name} {kind}" for name, kind in TABLES[table])
        return (
            f"CREATE TABLE IF NOT EXISTS {database}.{table}_{suffix} (\n{columns}\n)\n"
            "PARTITIONED BY (dt STRING, region STRING)\n"
            "ROW FORMAT DELIMITED FIELDS TERMINATED BY ','\n"
            "STORED AS TEXTFILE\n"
            f"LOCATION 's3://acme-data-lake/{database}/{table}_{suffix}/'\n"
            "TBLPROPERTIES ('skip.header.line.count' = '1', 'classification' = 'csv');\n"
        )

    def predicate(self, alias: str, table: str, indent: str = "") -> str:
        """A WHERE condition of two or three terms, continued lines indented by ``indent``."""
        terms = [f"{alias}.dt >= '2026-{self.rng.randint(1, 12):02d}-{self.rng.randint(1, 28):02d}'"]
        numbers = numeric_columns(table)
        if numbers:
            terms.append(f"{alias}.{self.rng.choice(numbers)} > {self.rng.randint(0, 500)}")
        texts = text_columns(table)
        if texts and self.rng.random() < 0.6:
            column = self.rng.choice(texts)
            if column in VALUES:
                values = ", ".join(f"'{value}'" for value in self.rng.sample(VALUES[column], 2))
                terms.append(f"{alias}.{column} IN ({values})")
            else:
                terms.append(f"{alias}.{column} IS NOT NULL")
        return f"\n{indent}  AND ".join(terms)

    def case_expression(self, alias: str, table: str) -> str:
        """A searched CASE bucketing a numeric column."""
        numbers = numeric_columns(table) or ["dt"]
        column = f"{alias}.{self.rng.choice(numbers)}"
        high, low = sorted(self.rng.sample(range(10, 1000), 2), reverse=True)
        return (
            f"CASE WHEN {column} >= {high} THEN 'high'\n"
            f"         WHEN {column} >= {low} THEN 'medium'\n"
            "         ELSE 'low' END"
        )

    def insert_overwrite(self) -> str:
        """``INSERT OVERWRITE TABLE ... PARTITION (dt)`` from a filtered aggregate."""
        table = self.rng.choice(list(TABLES))
        keys = text_columns(table)[:2] or [TABLES[table][0][0]]
        numbers = numeric_columns(table) or [TABLES[table][0][0]]
        measures = ",\n       ".join(
            f"{self.rng.choice(['SUM', 'MAX', 'MIN', 'AVG'])}(s.{column}) AS {column}_agg" for column in numbers[:3]
        )
        key_list = ", ".join(f"s.{key}" for key in keys)
        return (
            f"INSERT OVERWRITE TABLE analytics.{table}_daily PARTITION (dt)\n"
            f"SELECT {key_list},\n"
            f"       {measures},\n"
            "       COUNT(*) AS row_count,\n"
            "       s.dt\n"
            f"FROM staging.{table} s\n"
            f"WHERE {self.predicate('s', table)}\n"
            f"GROUP BY {key_list}, s.dt;\n"
        )

    def join_report(self) -> str:
        """A SELECT with a CASE, a join, GROUP BY, HAVING and ORDER BY."""
        left = self.rng.choice([name for name in TABLES if joinable(self.rng, name)])
        right, key = joinable(self.rng, left) or (left, TABLES[left][0][0])
        group = self.rng.choice(text_columns(right) or [key])
        measure = self.rng.choice(numeric_columns(left) or [key])
        join = self.rng.choice(["JOIN", "LEFT OUTER JOIN", "LEFT JOIN"])
        band = self.case_expression("l", left)
        return (
            f"SELECT r.{group},\n"
            f"       {band} AS band,\n"
            f"       COUNT(DISTINCT l.{key}) AS distinct_keys,\n"
            f"       ROUND(SUM(l.{measure}), 2) AS total_{measure}\n"
            f"FROM analytics.{left} l\n"
            f"{join} analytics.{right} r ON l.{key} = r.{key}\n"
            f"WHERE {self.predicate('l', left)}\n"
            f"GROUP BY r.{group}, {band}\n"
            f"HAVING COUNT(*) > {self.rng.randint(1, 50)}\n"
            f"ORDER BY total_{measure} DESC\n"
            f"LIMIT {self.rng.choice([10, 20, 50, 100])};\n"
        )

    def window_query(self) -> str:
        """A SELECT with ranking and running aggregates over windows."""
        table = self.rng.choice(list(TABLES))
        partition = self.rng.choice(text_columns(table) or [TABLES[table][0][0]])
        order = self.rng.choice(numeric_columns(table) or [TABLES[table][0][0]])
        return (
            f"SELECT {partition},\n"
            f"       {order},\n"
            f"       ROW_NUMBER() OVER (PARTITION BY {partition} ORDER BY {order} DESC) AS rn,\n"
            f"       SUM({order}) OVER (PARTITION BY {partition} ORDER BY dt\n"
            "                          ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS running_total,\n"
            f"       LAG({order}, 1) OVER (PARTITION BY {partition} ORDER BY dt) AS previous_value\n"
            f"FROM reporting.{table}\n"
            f"WHERE dt BETWEEN '2026-01-01' AND '2026-{self.rng.randint(2, 12):02d}-01';\n"
        )

    def cte_query(self) -> str:
        """A WITH query: a filtered base, a ranked step, and a final join."""
        left = self.rng.choice([name for name in TABLES if joinable(self.rng, name)])
        right, key = joinable(self.rng, left) or (left, TABLES[left][0][0])
        measure = self.rng.choice([column for column in numeric_columns(left) if column != key] or ["dt"])
        label = self.rng.choice([column for column in text_columns(right) if column != key] or [key])
        return (
            "WITH base AS (\n"
            f"    SELECT b.{key}, b.{measure}, b.dt\n"
            f"    FROM staging.{left} b\n"
            f"    WHERE {self.predicate('b', left, indent='    ')}\n"
            "),\n"
            "ranked AS (\n"
            f"    SELECT {key}, {measure}, dt,\n"
            f"           RANK() OVER (PARTITION BY dt ORDER BY {measure} DESC) AS position\n"
            "    FROM base\n"
            ")\n"
            f"SELECT k.dt, d.{label}, k.{measure}, k.position\n"
            "FROM ranked k\n"
            f"JOIN analytics.{right} d ON k.{key} = d.{key}\n"
            f"WHERE k.position <= {self.rng.randint(3, 25)}\n"
            "ORDER BY k.dt, k.position;\n"
        )

    def maintenance(self) -> str:
        """LOAD DATA, ALTER TABLE ... ADD PARTITION, or DROP TABLE."""
        table = self.rng.choice(list(TABLES))
        day = f"2026-{self.rng.randint(1, 12):02d}-{self.rng.randint(1, 28):02d}"
        region = self.rng.choice(REGIONS)
        choice = self.rng.random()
        if choice < 0.4:
            return (
                f"LOAD DATA INPATH 's3://acme-landing/{table}/{day}/part-0000.csv'\n"
                f"OVERWRITE INTO TABLE raw.{table} PARTITION (dt = '{day}', region = '{region}');\n"
            )
        if choice < 0.8:
            return (
                f"ALTER TABLE raw.{table} ADD IF NOT EXISTS PARTITION (dt = '{day}', region = '{region}')\n"
                f"LOCATION 's3://acme-data-lake/raw/{table}/dt={day}/region={region}/';\n"
            )
        return f"DROP TABLE IF EXISTS staging.tmp_{table}_{self.next_id()};\n"

    def statement(self) -> str:
        """One statement drawn by weight, sometimes preceded by a comment."""
        kinds = [
            (self.set_statement, 10), (self.dynamodb_table, 6), (self.text_table, 6),
            (self.insert_overwrite, 16), (self.join_report, 20), (self.window_query, 14),
            (self.cte_query, 14), (self.maintenance, 8),
        ]
        make = self.rng.choices([kind for kind, _ in kinds], weights=[weight for _, weight in kinds])[0]
        prefix = self.comment() if self.rng.random() < 0.3 else ""
        return prefix + make() + "\n"


def to_camel(name: str) -> str:
    """``customer_id`` -> ``CustomerId``, DynamoDB's usual attribute spelling."""
    return "".join(part.capitalize() for part in name.split("_"))


def generate(size_bytes: int, seed: int) -> tuple[str, int]:
    """The corpus text of at least ``size_bytes`` UTF-8 bytes, and its number of statements."""
    generator = Generator(seed)
    parts = ["-- hqlrun parser benchmark corpus (generated by bench/make_corpus.py; do not edit)\n\n"]
    size = len(parts[0])
    count = 0
    while size < size_bytes:
        text = generator.statement()
        parts.append(text)
        size += len(text.encode("utf-8"))
        count += 1
    return "".join(parts), count


def verify(text: str, expected: int) -> None:
    """Fail unless sqlglot's hive dialect parses every statement as a real statement, not a fallback."""
    import logging

    import sqlglot
    from sqlglot import exp

    fallbacks: list[str] = []

    class Collector(logging.Handler):
        """Records sqlglot's "falling back to parsing as a Command" warnings."""

        def emit(self, record: logging.LogRecord) -> None:
            fallbacks.append(record.getMessage())

    logging.getLogger("sqlglot").addHandler(Collector(level=logging.WARNING))
    statements = [statement for statement in sqlglot.parse(text, read="hive") if statement is not None]
    commands = [statement for statement in statements if isinstance(statement, exp.Command)]
    if len(statements) != expected or commands or fallbacks:
        sys.exit(
            f"make_corpus: sqlglot read {len(statements)} of {expected} statements, "
            f"{len(commands)} as raw commands; {fallbacks[:3]}"
        )
    print(f"make_corpus: sqlglot parsed all {expected} statements", file=sys.stderr)


def main() -> None:
    """Parse arguments, write the corpus, optionally verify it."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size-mb", type=float, default=1.2, help="target size in MB (10^6 bytes); default 1.2")
    parser.add_argument("--seed", type=int, default=20261125, help="random seed; default 20261125")
    parser.add_argument(
        "--out", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "out", "corpus.hql"),
        help="output file; default bench/out/corpus.hql",
    )
    parser.add_argument("--verify", action="store_true", help="check that sqlglot parses every statement")
    arguments = parser.parse_args()

    text, count = generate(int(arguments.size_mb * 1_000_000), arguments.seed)
    os.makedirs(os.path.dirname(os.path.abspath(arguments.out)), exist_ok=True)
    with open(arguments.out, "w", encoding="utf-8", newline="\n") as handle:
        handle.write(text)
    print(f"make_corpus: wrote {arguments.out}: {len(text.encode('utf-8'))} bytes, {count} statements", file=sys.stderr)
    if arguments.verify:
        verify(text, count)


if __name__ == "__main__":
    main()
