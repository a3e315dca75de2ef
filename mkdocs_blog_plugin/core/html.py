"""Facts of HTML that the modules reading rendered posts share."""

from __future__ import annotations

VOID_ELEMENTS = frozenset(
    {
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
    }
)
"""Elements that never have an end tag (HTML Living Standard, "void elements")."""
