#!/usr/bin/env python3
"""Spark oracle for hqlrun's conformance corpus.

Runs every case file ``queries/conformance/cases/*.sql`` (or the files named on
the command line) through real Spark SQL, in one JVM, and writes the expected
output of each statement to ``queries/conformance/results/NAME.sql.out`` in the
layout of Spark's SQLQueryTestSuite golden files.  Rows are rendered with
``org.apache.spark.sql.execution.HiveResult.hiveResultString``, which is what
the ``spark-sql`` CLI prints.

Spark runs with the settings that make it behave like Hive (see
``shared/reference/spark-oracle.md``); each case file gets a fresh session and
an empty ``default`` database.  The golden format, the directives a case file
may carry (``-- sort``, ``-- hive-result:``) and the path rule for relative
``LOCATION`` clauses are documented in ``queries/conformance/README.md``.

Only the standard library and ``pyspark`` are needed.

Usage::

    python3 scripts/spark_oracle.py                 # regenerate every result
    python3 scripts/spark_oracle.py cases/a.sql     # regenerate some
    python3 scripts/spark_oracle.py --check         # regenerate into a temp dir, diff
"""

from __future__ import annotations

import argparse
import dataclasses
import difflib
import logging
import os
import re
import shutil
import sys
import tempfile
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
CONFORMANCE_DIR = REPO_ROOT / "queries" / "conformance"
CASES_DIR = CONFORMANCE_DIR / "cases"
DATA_DIR = CONFORMANCE_DIR / "data"
RESULTS_DIR = CONFORMANCE_DIR / "results"

#: Settings that make Spark behave like Hive; recorded in every result header.
HIVE_LIKE_SETTINGS = {
    "spark.sql.ansi.enabled": "false",
    "spark.sql.legacy.createHiveTableByDefault": "true",
    "spark.sql.storeAssignmentPolicy": "LEGACY",
    "spark.sql.session.timeZone": "UTC",
}

#: Settings that only affect speed or noise, never a (sorted or ordered) result.
QUIET_SETTINGS = {
    "spark.ui.enabled": "false",
    "spark.ui.showConsoleProgress": "false",
    "spark.sql.shuffle.partitions": "4",
}


# --------------------------------------------------------------------------
# Case files: splitting and directives
# --------------------------------------------------------------------------


@dataclasses.dataclass
class Statement:
    """One statement of a case file, with the directives written before it."""

    text: str
    """The statement as written (comments before it and the ``;`` removed)."""
    line: int
    """1-based line of the statement's first character in the case file."""
    sort: bool = False
    """``-- sort``: compare the output lines sorted."""
    hive_reason: str | None = None
    """``-- hive-result: REASON``: Hive differs from Spark; the rows below win."""
    hive_rows: list[str] = dataclasses.field(default_factory=list)
    """Rows given by ``-- | row`` lines after ``-- hive-result:``."""
    hive_schema: str | None = None
    """``-- hive-schema: struct<...>``: the schema Hive gives, when it differs."""


_SORT_RE = re.compile(r"^--\s*sort\s*$", re.IGNORECASE)
_HIVE_RESULT_RE = re.compile(r"^--\s*hive-result:\s*(.*?)\s*$", re.IGNORECASE)
_HIVE_SCHEMA_RE = re.compile(r"^--\s*hive-schema:\s*(.*?)\s*$", re.IGNORECASE)
_HIVE_ROW_RE = re.compile(r"^--\s*\| ?(.*)$")


def split_statements(source: str) -> list[tuple[str, str, int, bool]]:
    """Split SQL text on ``;`` that lie outside quotes and comments.

    Understands ``'...'`` and ``"..."`` strings with backslash escapes,
    ```identifiers```, ``--`` line comments and nested ``/* */`` comments.

    Returns ``(gap, body, line, at_start)`` tuples: ``gap`` is the whitespace
    and comments before the statement (where directives live), ``body`` the
    statement itself without the terminating ``;``, ``line`` the 1-based line
    where ``body`` starts, ``at_start`` whether the gap begins at the start of
    the file rather than right after a ``;``.  Chunks holding only comments
    are dropped.
    """
    pieces: list[tuple[str, int]] = []  # (chunk, start offset)
    start = 0
    i = 0
    n = len(source)
    while i < n:
        ch = source[i]
        if ch in ("'", '"', "`"):
            quote = ch
            i += 1
            while i < n:
                if source[i] == "\\" and quote != "`":
                    i += 2
                    continue
                if source[i] == quote:
                    break
                i += 1
            i += 1
        elif source.startswith("--", i):
            i = _end_of_line_comment(source, i)
        elif source.startswith("/*", i):
            i = _end_of_block_comment(source, i)
        elif ch == ";":
            pieces.append((source[start:i], start))
            i += 1
            start = i
        else:
            i += 1
    pieces.append((source[start:], start))

    result = []
    for chunk, offset in pieces:
        body_start = _skip_comments_and_space(chunk)
        if body_start >= len(chunk):
            continue  # only comments / whitespace
        gap, body = chunk[:body_start], chunk[body_start:].rstrip()
        line = source.count("\n", 0, offset + body_start) + 1
        result.append((gap, body, line, offset == 0))
    return result


def _end_of_line_comment(text: str, i: int) -> int:
    """Index just past the ``--`` comment starting at ``i`` (and its line break)."""
    nl = text.find("\n", i)
    return len(text) if nl < 0 else nl + 1


def _end_of_block_comment(text: str, i: int) -> int:
    """Index just past the ``/* */`` comment starting at ``i``; these nest, as in Spark."""
    depth = 0
    n = len(text)
    while i < n:
        if text.startswith("/*", i):
            depth += 1
            i += 2
        elif text.startswith("*/", i):
            depth -= 1
            i += 2
            if depth == 0:
                break
        else:
            i += 1
    return i


def _skip_comments_and_space(chunk: str) -> int:
    """Index of the first character of ``chunk`` that is not space or comment."""
    i = 0
    n = len(chunk)
    while i < n:
        if chunk[i].isspace():
            i += 1
        elif chunk.startswith("--", i):
            i = _end_of_line_comment(chunk, i)
        elif chunk.startswith("/*", i):
            i = _end_of_block_comment(chunk, i)
        else:
            break
    return i


def parse_case_file(path: Path) -> list[Statement]:
    """Read a case file into statements, attaching the directives before each.

    Directives are ``--`` comment lines on their own lines in the comment block
    between the previous statement's ``;`` and the statement (a comment on the
    same line as the previous ``;`` belongs to the previous statement).
    """
    statements = []
    for gap, body, line, at_start in split_statements(path.read_text(encoding="utf-8")):
        stmt = Statement(text=body, line=line)
        gap_lines = gap.split("\n")
        # The first piece of the gap shares its line with the previous ';'.
        own_lines = gap_lines if at_start else gap_lines[1:]
        in_hive_rows = False
        for raw in own_lines:
            text = raw.strip()
            if _SORT_RE.match(text):
                stmt.sort = True
                in_hive_rows = False
            elif m := _HIVE_RESULT_RE.match(text):
                stmt.hive_reason = m.group(1)
                in_hive_rows = True
            elif m := _HIVE_SCHEMA_RE.match(text):
                stmt.hive_schema = m.group(1)
            elif in_hive_rows and (m := _HIVE_ROW_RE.match(raw.lstrip())):
                stmt.hive_rows.append(m.group(1).replace("\\t", "\t"))
            else:
                in_hive_rows = False
        if stmt.hive_reason is not None and not stmt.hive_reason:
            raise SystemExit(f"{path}:{line}: '-- hive-result:' needs a reason")
        statements.append(stmt)
    return statements


# Scans SQL left to right: strings, identifiers and comments are consumed whole,
# so a keyword is only recognised outside them.  The last alternative is a path
# clause: LOCATION '...', OPTIONS (path '...'), LOAD DATA ... INPATH '...'.
_PATH_SCAN_RE = re.compile(
    r"'(?:[^'\\]|\\.)*'"
    r'|"(?:[^"\\]|\\.)*"'
    r"|`[^`]*`"
    r"|--[^\n]*"
    r"|/\*.*?\*/"
    r"|(?P<kw>\b(?:LOCATION|INPATH|path))(?P<sep>\s+|\s*=\s*)'(?P<path>[^'\\]*)'",
    re.IGNORECASE | re.DOTALL,
)


def absolutize_paths(sql: str, base: Path) -> str:
    """Rewrite relative ``LOCATION``/``path``/``INPATH`` strings against ``base``.

    hqlrun resolves a relative location against the script's folder; Spark
    would resolve it against its warehouse, so the oracle makes it absolute.
    """

    def repl(m: re.Match[str]) -> str:
        p = m.group("path")
        if m.group("kw") is None or not p or p.startswith("/"):
            return m.group(0)  # a string or comment, or an absolute path
        if re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:", p):  # file:, hdfs:, s3a: ...
            return m.group(0)
        absolute = os.path.normpath(base / p)
        return f"{m.group('kw')}{m.group('sep')}'{absolute}'"

    return _PATH_SCAN_RE.sub(repl, sql)


# --------------------------------------------------------------------------
# Running on Spark
# --------------------------------------------------------------------------


@dataclasses.dataclass
class Outcome:
    """What Spark did with one statement."""

    schema: str = "struct<>"
    rows: list[str] = dataclasses.field(default_factory=list)
    error: str | None = None


class SparkOracle:
    """One Hive-enabled SparkSession that runs case files one after another."""

    def __init__(self, work_dir: Path, master: str = "local[1]") -> None:
        os.environ["TZ"] = "UTC"
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
        from pyspark.sql import SparkSession  # imported late: --help needs no JVM

        self.work_dir = work_dir
        self.warehouse = work_dir / "warehouse"
        java_opts = f"-Duser.timezone=UTC -Dderby.system.home={work_dir}"
        builder = (
            SparkSession.builder.master(master)
            .appName("hqlrun-spark-oracle")
            .config("spark.sql.warehouse.dir", str(self.warehouse))
            .config(
                "spark.hadoop.javax.jdo.option.ConnectionURL",
                f"jdbc:derby:;databaseName={work_dir / 'metastore_db'};create=true",
            )
            .config("spark.driver.extraJavaOptions", java_opts)
            .config("spark.local.dir", str(work_dir / "spark-local"))
        )
        for key, value in {**HIVE_LIKE_SETTINGS, **QUIET_SETTINGS}.items():
            builder = builder.config(key, value)
        self.root_session = builder.enableHiveSupport().getOrCreate()
        self.root_session.sparkContext.setLogLevel("FATAL")
        # pyspark logs every captured SQL error with its JVM stack; errors are data here.
        for name in ("SQLQueryContextLogger", "DataFrameQueryContextLogger"):
            logging.getLogger(name).disabled = True
        self.version = self.root_session.version
        jvm = self.root_session._jvm
        self._hive_result = jvm.org.apache.spark.sql.execution.HiveResult

    def stop(self) -> None:
        """Stop the JVM's SparkContext."""
        self.root_session.stop()

    def fresh_session(self):
        """A new session (own temp views and conf) over an emptied catalog."""
        spark = self.root_session.newSession()
        spark.sql("USE default")
        for db in spark.catalog.listDatabases():
            if db.name != "default":
                spark.sql(f"DROP DATABASE IF EXISTS `{db.name}` CASCADE")
        for table in spark.catalog.listTables("default"):
            if table.isTemporary:
                continue
            kind = "VIEW" if table.tableType == "VIEW" else "TABLE"
            spark.sql(f"DROP {kind} IF EXISTS default.`{table.name}`")
        return spark

    def run(self, spark, sql: str) -> Outcome:
        """Run one statement and render its rows as the spark-sql CLI does."""
        try:
            df = spark.sql(sql)
            schema = df._jdf.schema().catalogString()
            plan = df._jdf.queryExecution().executedPlan()
            seq = self._hive_result.hiveResultString(plan)
            rows = [seq.apply(i) for i in range(seq.length())]
            return Outcome(schema=schema, rows=rows)
        except Exception as exc:  # noqa: BLE001 - every Spark failure is data here
            return Outcome(error=first_error_line(exc))


def first_error_line(exc: BaseException) -> str:
    """The first non-empty line of a Spark error, prefixed with its class if absent."""
    message = exc.getMessage() if hasattr(exc, "getMessage") else str(exc)
    if not isinstance(message, str):
        message = str(exc)
    line = next((ln.strip() for ln in message.splitlines() if ln.strip()), "")
    condition = None
    if hasattr(exc, "getCondition"):
        try:
            condition = exc.getCondition()
        except Exception:  # noqa: BLE001
            condition = None
    if condition and not line.startswith("["):
        line = f"[{condition}] {line}"
    if not line:
        line = type(exc).__name__
    return line


# --------------------------------------------------------------------------
# Golden files
# --------------------------------------------------------------------------


def header_lines(version: str, master: str) -> list[str]:
    """The comment lines every result file starts with."""
    settings = ", ".join(f"{k}={v}" for k, v in HIVE_LIKE_SETTINGS.items())
    return [
        f"-- Generated by scripts/spark_oracle.py with Spark {version} ({master}, Hive support,"
        f" {settings}, TZ=UTC).",
        "-- Do not edit by hand: change the case file and rerun the oracle.",
    ]


def render_block(stmt: Statement, outcome: Outcome) -> str:
    """One ``-- !query`` block of a result file."""
    parts = ["-- !query", stmt.text]
    if outcome.error is not None and stmt.hive_reason is None:
        parts += ["-- !query error", outcome.error]
        return "\n".join(parts)

    def maybe_sorted(rows: list[str]) -> list[str]:
        return sorted(rows) if stmt.sort else list(rows)

    if stmt.hive_reason is not None:
        schema = stmt.hive_schema or outcome.schema
        tags = (["sorted"] if stmt.sort else []) + [f"hive: {stmt.hive_reason}"]
        parts += ["-- !query schema", schema, f"-- !query output ({', '.join(tags)})"]
        parts += maybe_sorted(stmt.hive_rows)
        if outcome.error is not None:
            parts += ["-- !query spark error", outcome.error]
        else:
            if stmt.hive_schema and stmt.hive_schema != outcome.schema:
                parts += ["-- !query spark schema", outcome.schema]
            parts += ["-- !query spark output"] + maybe_sorted(outcome.rows)
        return "\n".join(parts)

    title = "-- !query output (sorted)" if stmt.sort else "-- !query output"
    parts += ["-- !query schema", outcome.schema, title] + maybe_sorted(outcome.rows)
    return "\n".join(parts)


@dataclasses.dataclass
class FileStats:
    """Counts for one case file."""

    statements: int = 0
    queries: int = 0
    """Statements with a result schema (queries, DESCRIBE, SHOW, SET), rows or not."""
    with_rows: int = 0
    errors: int = 0
    hive_overrides: int = 0


class PathMasker:
    """Replaces run-specific folders in Spark's text with stable placeholders."""

    def __init__(self, replacements: list[tuple[str, str]]) -> None:
        # Longest first, so a folder inside another is masked by its own name.
        self.replacements = sorted(replacements, key=lambda r: -len(r[0]))

    def __call__(self, text: str) -> str:
        for old, new in self.replacements:
            text = text.replace("file://" + old, new).replace("file:" + old, new)
            text = text.replace(old, new)
        return text


def run_case_file(oracle: SparkOracle, case: Path, out_dir: Path, master: str) -> FileStats:
    """Run one case file and write its ``.sql.out``."""
    statements = parse_case_file(case)
    # Work on a private copy of the data so INSERT OVERWRITE / LOAD DATA on an
    # external table can never touch the repository.
    mirror = oracle.work_dir / "conformance"
    if mirror.exists():
        shutil.rmtree(mirror)
    if DATA_DIR.exists():
        shutil.copytree(DATA_DIR, mirror / "data")
    try:
        base = mirror / case.parent.resolve().relative_to(CONFORMANCE_DIR.resolve())
        base.mkdir(parents=True, exist_ok=True)
    except ValueError:  # a case file outside the corpus: paths stay its own
        base = case.parent.resolve()
    mask = PathMasker(
        [
            (str(mirror), "<conformance>"),
            (str(oracle.warehouse), "<warehouse>"),
            (str(oracle.work_dir), "<tmp>"),
        ]
    )

    spark = oracle.fresh_session()
    stats = FileStats()
    blocks = []
    for stmt in statements:
        outcome = oracle.run(spark, absolutize_paths(stmt.text, base))
        outcome.rows = [mask(r) for r in outcome.rows]
        if outcome.error is not None:
            outcome.error = mask(outcome.error)
        stats.statements += 1
        if outcome.error is not None:
            stats.errors += 1
        else:
            stats.queries += outcome.schema != "struct<>"
            stats.with_rows += bool(outcome.rows)
        if stmt.hive_reason is not None:
            stats.hive_overrides += 1
        blocks.append(render_block(stmt, outcome))

    text = "\n".join(header_lines(oracle.version, master)) + "\n"
    text += "\n\n\n".join(blocks) + "\n"
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / f"{case.name}.out").write_text(text, encoding="utf-8")
    return stats


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("cases", nargs="*", type=Path, help="case files (default: all)")
    parser.add_argument(
        "--check",
        action="store_true",
        help="regenerate into a temp dir and diff against the committed results",
    )
    parser.add_argument("--master", default="local[1]", help="Spark master (default local[1])")
    parser.add_argument("--out", type=Path, default=None, help="results folder")
    args = parser.parse_args(argv)

    cases = [c.resolve() for c in args.cases] or sorted(CASES_DIR.glob("*.sql"))
    if not cases:
        print("no case files", file=sys.stderr)
        return 2

    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="hqlrun-oracle-") as tmp:
        work_dir = Path(tmp).resolve()
        out_dir = (work_dir / "results") if args.check else (args.out or RESULTS_DIR)
        oracle = SparkOracle(work_dir, master=args.master)
        totals = FileStats()
        try:
            for case in cases:
                t0 = time.monotonic()
                stats = run_case_file(oracle, case, out_dir, args.master)
                for field in dataclasses.fields(FileStats):
                    setattr(totals, field.name, getattr(totals, field.name) + getattr(stats, field.name))
                print(
                    f"{case.name}: {stats.statements} statements, {stats.queries} queries, "
                    f"{stats.with_rows} with rows, "
                    f"{stats.errors} errors, {stats.hive_overrides} hive overrides "
                    f"({time.monotonic() - t0:.1f}s)",
                    file=sys.stderr,
                )
        finally:
            oracle.stop()

        print(
            f"{len(cases)} files: {totals.statements} statements, {totals.queries} queries, "
            f"{totals.with_rows} with rows, "
            f"{totals.errors} errors, {totals.hive_overrides} hive overrides; "
            f"{time.monotonic() - started:.0f}s",
            file=sys.stderr,
        )

        if not args.cases:
            names = {f"{c.name}.out" for c in cases}
            for stale in sorted((args.out or RESULTS_DIR).glob("*.sql.out")):
                if stale.name not in names:
                    print(f"warning: {stale} has no case file", file=sys.stderr)
        if args.check:
            return diff_results(cases, out_dir, args.out or RESULTS_DIR)
    return 0


def diff_results(cases: list[Path], fresh_dir: Path, committed_dir: Path) -> int:
    """Print a unified diff of fresh vs committed results; 1 if any differ."""
    differing = 0
    for case in cases:
        name = f"{case.name}.out"
        fresh = (fresh_dir / name).read_text(encoding="utf-8").splitlines(keepends=True)
        committed_path = committed_dir / name
        committed = (
            committed_path.read_text(encoding="utf-8").splitlines(keepends=True)
            if committed_path.exists()
            else []
        )
        if fresh != committed:
            differing += 1
            sys.stdout.writelines(
                difflib.unified_diff(committed, fresh, f"committed/{name}", f"spark/{name}")
            )
    print(f"check: {differing} of {len(cases)} result files differ", file=sys.stderr)
    return 1 if differing else 0


if __name__ == "__main__":
    sys.exit(main())
