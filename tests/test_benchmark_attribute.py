"""The attribution tool: its table, and one real instrumented build of each variant."""

from __future__ import annotations

from pathlib import Path

from benchmarks.attribute import (
    ADS,
    BUILD,
    OTHER,
    THEME,
    WRITE,
    Timers,
    attribution_table,
    measure_variants,
)
from benchmarks.corpus import DEFAULT_SEED

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
    tmp_path: Path,
) -> None:
    # What is asserted is which timers ran, and the table's shape: never how long they took,
    # which depends on the machine (12 posts' on_files takes under 5 ms on a fast one).
    builds = measure_variants(12, tmp_path, DEFAULT_SEED, 1)
    (a,), (b,) = builds["a"], builds["b"]
    assert GENERATED_THEME in a and GENERATED_THEME not in b  # Only a generates pages.
    assert f"  of which {THEME} (source pages)" in b
    plugin_events = {row for row in a if row.startswith("event frontmatter-blog: ")}
    assert not any(row.startswith("event frontmatter-blog: ") for row in b)
    assert {
        "event frontmatter-blog: on_files",
        # Listing bodies are rendered in the generated pages' events, not counted as the theme's.
        "event frontmatter-blog: on_page_context (generated pages)",
        "event frontmatter-blog: on_page_context (source pages)",
    } <= plugin_events
    assert ADS in a
    assert all(seconds >= 0 for seconds in [*a.values(), *b.values()])

    lines = attribution_table([a], [b]).splitlines()
    assert lines[0] == "| where | a s | b s | a − b s | a − b, % of b's build |"
    rows = {}
    for line in lines[2:]:
        cells = line.strip("| ").split(" | ")
        assert len(cells) == 5, line
        float(cells[1]), float(cells[2]), float(cells[3])  # Numbers, whatever their size.
        assert cells[4].endswith("%")
        rows[cells[0]] = cells
    assert next(iter(rows)) == BUILD
    assert {row.replace("  of which", "&nbsp;&nbsp;of which") for row in a | b} | {OTHER} == set(
        rows
    )


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
