#!/usr/bin/env python3
"""Unit tests for the parts of spark_oracle.py that need no JVM.

Run with ``python3 -m unittest scripts/test_spark_oracle.py`` (pyspark is not imported).
"""

from __future__ import annotations

import sys
import tempfile
import unittest
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import spark_oracle as so  # noqa: E402


def parse(text: str) -> list[so.Statement]:
    """Parse ``text`` as a case file."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "case.sql"
        path.write_text(text, encoding="utf-8")
        return so.parse_case_file(path)


class SplitTests(unittest.TestCase):
    """Statement splitting."""

    def test_semicolons_in_strings_and_comments(self) -> None:
        stmts = parse(
            "SELECT 'a;b', \"c;d\", `e;f`; -- x; y\n"
            "/* z; /* nested; */ w; */ SELECT 'it\\'s;';\n"
            "SELECT 2"
        )
        self.assertEqual(
            [s.text for s in stmts],
            ["SELECT 'a;b', \"c;d\", `e;f`", "SELECT 'it\\'s;'", "SELECT 2"],
        )

    def test_comment_only_chunks_dropped_and_lines(self) -> None:
        stmts = parse("-- header\n\nSELECT 1;\n\n-- only a comment\n;\nSELECT\n  2;\n-- trailing\n")
        self.assertEqual([(s.text, s.line) for s in stmts], [("SELECT 1", 3), ("SELECT\n  2", 7)])


class DirectiveTests(unittest.TestCase):
    """Directives before statements."""

    def test_sort_applies_to_next_statement_only(self) -> None:
        stmts = parse("SELECT 1; -- sort\nSELECT 2;\n-- sort\nSELECT 3;\nSELECT 4;")
        self.assertEqual([s.sort for s in stmts], [False, False, True, False])

    def test_hive_result_rows_and_schema(self) -> None:
        stmts = parse(
            "-- note\n-- hive-result: differs\n-- hive-schema: struct<a:double>\n"
            "-- | 1.0\tx\n-- | 2.0\\ty\n-- other comment\nSELECT 1;"
        )
        stmt = stmts[0]
        self.assertEqual(stmt.hive_reason, "differs")
        self.assertEqual(stmt.hive_schema, "struct<a:double>")
        self.assertEqual(stmt.hive_rows, ["1.0\tx", "2.0\ty"])

    def test_hive_result_without_rows_means_empty(self) -> None:
        stmt = parse("-- hive-result: nothing in Hive\nSET a=b;")[0]
        self.assertEqual((stmt.hive_reason, stmt.hive_rows), ("nothing in Hive", []))


class PathTests(unittest.TestCase):
    """Relative paths are made absolute, other text is left alone."""

    base = Path("/m/cases")

    def test_rewrites(self) -> None:
        cases = {
            "CREATE TABLE t (a INT) LOCATION '../data/a'": "CREATE TABLE t (a INT) LOCATION '/m/data/a'",
            "CREATE TABLE p USING csv OPTIONS (path '../d.csv', header 'true')":
                "CREATE TABLE p USING csv OPTIONS (path '/m/d.csv', header 'true')",
            "LOAD DATA LOCAL INPATH 'x.csv' INTO TABLE t": "LOAD DATA LOCAL INPATH '/m/cases/x.csv' INTO TABLE t",
            "OPTIONS (path = 'rel')": "OPTIONS (path = '/m/cases/rel')",
        }
        for sql, expected in cases.items():
            self.assertEqual(so.absolutize_paths(sql, self.base), expected)

    def test_leaves_alone(self) -> None:
        for sql in [
            "SELECT parse_url('http://x/path/a', 'PATH'), concat('path ', 'x')",
            "SELECT 1 -- LOCATION 'x'",
            "CREATE TABLE t LOCATION '/abs/dir'",
            "CREATE TABLE t LOCATION 'file:/abs/dir'",
        ]:
            self.assertEqual(so.absolutize_paths(sql, self.base), sql)


class RenderTests(unittest.TestCase):
    """Golden blocks."""

    def test_plain_sorted_error_and_hive(self) -> None:
        stmt = so.Statement(text="SELECT x", line=1)
        self.assertEqual(
            so.render_block(stmt, so.Outcome("struct<x:int>", ["2", "1"])),
            "-- !query\nSELECT x\n-- !query schema\nstruct<x:int>\n-- !query output\n2\n1",
        )
        stmt.sort = True
        self.assertTrue(so.render_block(stmt, so.Outcome("struct<x:int>", ["2", "1"])).endswith("(sorted)\n1\n2"))
        self.assertEqual(
            so.render_block(stmt, so.Outcome(error="[E] boom")),
            "-- !query\nSELECT x\n-- !query error\n[E] boom",
        )
        hive = so.Statement(text="SELECT v", line=1, hive_reason="pop", hive_rows=["4.0"])
        self.assertEqual(
            so.render_block(hive, so.Outcome("struct<v:double>", ["4.5"])),
            "-- !query\nSELECT v\n-- !query schema\nstruct<v:double>\n-- !query output (hive: pop)\n4.0\n"
            "-- !query spark output\n4.5",
        )


if __name__ == "__main__":
    unittest.main()
