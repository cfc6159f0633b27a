#!/usr/bin/env python3
"""Parse a HiveQL corpus with sqlglot and print the throughput as one machine-readable line.

The baseline for hqlrun's parser benchmark (``bench/parse.sh``). It installs nothing: sqlglot must already be
importable. The timed part is only ``sqlglot.parse(text, read="hive")`` on text already in memory, the same
work hqlrun-bench times, and the best of ``--repeat`` runs is reported.

Output, on stdout: ``sqlglot seconds=S mb_per_s=M stmts_per_s=R stmts=N bytes=B``, where MB is 10^6 bytes.
"""

from __future__ import annotations

import argparse
import sys
import time


def main() -> None:
    """Read the corpus, time the parse, print the result line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", help="the .hql file to parse")
    parser.add_argument("--repeat", type=int, default=1, help="parse this many times and keep the fastest")
    arguments = parser.parse_args()

    try:
        import sqlglot
    except ImportError:
        sys.exit("sqlglot_parse: sqlglot is not installed (pip install sqlglot)")

    with open(arguments.corpus, encoding="utf-8") as handle:
        text = handle.read()
    size = len(text.encode("utf-8"))

    best = float("inf")
    statements = 0
    for _ in range(max(1, arguments.repeat)):
        started = time.perf_counter()
        parsed = sqlglot.parse(text, read="hive")
        best = min(best, time.perf_counter() - started)
        statements = sum(1 for statement in parsed if statement is not None)

    print(
        f"sqlglot seconds={best:.6f} mb_per_s={size / 1e6 / best:.3f} "
        f"stmts_per_s={statements / best:.1f} stmts={statements} bytes={size}"
    )


if __name__ == "__main__":
    main()
