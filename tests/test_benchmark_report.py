"""The benchmark's arithmetic: medians, per-round ratios and the noise table (no builds run)."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks.run import (
    Build,
    noise_table,
    paired_ratios,
    preset_table,
    results_table,
    summarize,
)


def _build(letter: str, seconds: float, repeat: int, *, ok: bool = True, posts: int = 100) -> Build:
    return Build(
        letter=letter,
        posts=posts,
        seconds=seconds,
        cpu_seconds=seconds,
        peak_mb=100.0 if letter == "a" else 90.0,
        returncode=0 if ok else 1,
        warnings=0,
        pages=10,
        log=Path("unused.log"),
        repeat=repeat,
    )


# Round 2 was slow for both variants; round 3's floor build failed.
BUILDS = [
    _build("a", 11.0, 1),
    _build("b", 10.0, 1),
    _build("a", 24.0, 2),
    _build("b", 20.0, 2),
    _build("a", 10.5, 3),
    _build("b", 99.0, 3, ok=False),
    _build("a", 12.0, 4),
    _build("b", 10.0, 4),
]


def test_paired_ratios_pair_builds_of_the_same_round_and_skip_failures() -> None:
    assert paired_ratios(BUILDS, 100, "a", "b") == pytest.approx([1.1, 1.2, 1.2])


def test_paired_ratios_of_another_size_are_empty() -> None:
    assert paired_ratios(BUILDS, 200, "a", "b") == []


def test_summary_is_the_median_of_successful_builds() -> None:
    a = summarize(BUILDS, "a", 100)
    b = summarize(BUILDS, "b", 100)
    assert (a.seconds, a.failures) == (11.5, 0)
    assert (b.seconds, b.failures) == (10.0, 1)
    table = results_table({(100, "a"): a, (100, "b"): b}, [100])
    assert "| 100 | 11.50 | 10.00 |" in table
    assert "1.15x" in table  # a/b of the medians


def test_noise_table_reports_spread_rounds_and_fastest() -> None:
    table = noise_table(BUILDS, [100], "ab")
    row = table.splitlines()[-1]
    assert row == "| 100 | 10.50–24.00 | 10.00–20.00 | 1.20x (1.10–1.20) | 1.05x |"


def test_noise_table_needs_both_variants() -> None:
    assert noise_table(BUILDS, [100], "ac") == ""


def test_preset_table_sets_d_against_the_floor_and_only_when_d_was_built() -> None:
    d_builds = [_build("d", 10.8, 1), _build("d", 11.2, 2)]
    summaries = {(100, letter): summarize(BUILDS + d_builds, letter, 100) for letter in "abd"}
    row = preset_table(summaries, [100]).splitlines()[-1]
    assert row.startswith("| 100 | 11.00 | 10.00 | – | 90.0 | 90.0 | 1.10x | 1.00x | 1.10x |")
    del summaries[(100, "d")]
    assert preset_table(summaries, [100]) == ""


def test_noise_table_of_d_pairs_d_with_the_floor() -> None:
    builds = [_build("d", 12.0, 1), _build("b", 10.0, 1), _build("a", 99.0, 1)]
    lines = noise_table(builds, [100], "abd", "d").splitlines()
    assert lines[0].startswith("| N | d s (min–max) | b s (min–max) | d/b per round")
    assert lines[-1] == "| 100 | 12.00–12.00 | 10.00–10.00 | 1.20x (1.20–1.20) | 1.20x |"
