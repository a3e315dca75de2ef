"""The attribution tool: its table, and one real instrumented build of each variant."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks.attribute import BUILD, OTHER, THEME, WRITE, Timers, attribution_table, main

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
    assert lines[2] == "| build() | 12.00 | 10.00 | +2.00 | +20.0% |"
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
    a_build, b_build = float(rows["build()"][0]), float(rows["build()"][1])
    assert a_build > 0 and b_build > 0
    theme = rows["&nbsp;&nbsp;of which theme template (generated pages)"]
    assert float(theme[0]) > 0 and float(theme[1]) == 0  # Only a generates pages.
    assert float(rows["&nbsp;&nbsp;of which theme template (source pages)"][1]) > 0
    assert float(rows["event frontmatter-blog: on_files"][0]) > 0
    # Listing bodies are rendered in the generated pages' events, not counted as the theme's.
    assert float(rows["event frontmatter-blog: on_page_context (generated pages)"][0]) > 0
    assert "event frontmatter-blog: on_page_context (source pages)" in rows
    assert "ad slots (treeprocessor, inside read + Markdown)" in rows


class _Page:
    def __init__(self, generated: bool) -> None:
        self.file = type("F", (), {"generated_by": "plugin" if generated else None})()


def test_theme_is_the_outermost_render_of_the_second_step_outside_events() -> None:
    timers = Timers()

    def plugin_event() -> str:
        return render("listing")  # A plugin's own render, inside an event: not the theme's.

    def original(template: str) -> str:
        if template == "main.html":
            render("partial")  # A render nested in the theme's: counted once, as the theme.
            return event()
        return template

    render = timers.theme_render(original)
    event = timers.event("event blog: on_page_context", plugin_event)
    render("outside a page")  # E.g. sitemap.xml: no page step runs.
    step = timers.page_step(WRITE, lambda page: render("main.html"))
    step(_Page(generated=True))
    step(_Page(generated=False))
    assert dict(timers.counts) == {
        f"  of which {THEME} (generated pages)": 1,
        f"  of which {THEME} (source pages)": 1,
        "event blog: on_page_context (generated pages)": 1,
        "event blog: on_page_context (source pages)": 1,
        f"{WRITE} (generated pages)": 1,
        f"{WRITE} (source pages)": 1,
    }
