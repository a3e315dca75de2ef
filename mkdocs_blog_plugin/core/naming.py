"""Naming many files in one log line."""

from __future__ import annotations

from collections.abc import Sequence


def some_of(names: Sequence[str], limit: int) -> str:
    """The first ``limit`` names, and how many more: ``a, b and 3 more``."""
    shown = ", ".join(names[:limit])
    return f"{shown} and {len(names) - limit} more" if len(names) > limit else shown
