"""The attribution tool: its table, and one real instrumented build of each variant."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks.attribute import BUILD, OTHER, THEME, WRITE, attribution_table, main

GENERATED_WRITE = f"{WRITE} (generated pages)"
GENERATED_THEME = f"  of which {THEME} (generated pages)"


def test_table_takes_medians_and_shares_of_the_floor() -> None:
    a = [
        {BUILD: 12.0, GENERATED_WRITE: 1.0, GENERATED_THEME: 0.5},
        {BUILD: 11.0, GENERATED_WRITE: 3.0, GENERATED_THEME: 0.7},
        {BUILD: 13.0, GENERATED_WRITE: 2.0, GENERATED_THEME: 0.6},
    ]
    b = [{BUILD: 10.0}, {BUILD: 10.0}, {BUILD: 9.0}]
    lines = attribution_table(a, b).splitlines()
    assert lines[2] == "| build() in all | 12.00 | 10.00 | +2.00 | +20.0% |"
    # The theme row sits under its step; the rest is build() less the page steps.
    assert lines[3].startswith(f"| {WRITE} (generated pages) | 2.00 | 0.00 | +2.00 | +20.0% |")
    assert lines[4].startswith("| &nbsp;&nbsp;of which theme template (generated pages) | 0.60 |")
    assert lines[5] == f"| {OTHER} | 11.00 | 10.00 | +1.00 | +10.0% |"


def test_real_builds_show_the_theme_on_generated_pages_and_the_plugin_events(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--posts", "12", "--work-dir", str(tmp_path)]) == 0
    rows = {
        line.split(" | ")[0].lstrip("| "): line.split(" | ")[1:]
        for line in capsys.readouterr().out.splitlines()
        if line.startswith("| ") and not line.startswith("| where")
    }
    a_build, b_build = float(rows["build() in all"][0]), float(rows["build() in all"][1])
    assert a_build > 0 and b_build > 0
    theme = rows["&nbsp;&nbsp;of which theme template (generated pages)"]
    assert float(theme[0]) > 0 and float(theme[1]) == 0  # Only a generates pages.
    assert float(rows["&nbsp;&nbsp;of which theme template (source pages)"][1]) > 0
    assert float(rows["event frontmatter-blog: on_files"][0]) > 0
    assert float(rows["event frontmatter-blog: on_page_context"][0]) > 0
    assert "ad slots (treeprocessor, inside read + Markdown)" in rows
