"""Finding a post's title heading in its Markdown, as Python-Markdown reads headings."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mkdocs_blog_plugin.core.headings import plain_heading_text, title_heading


@pytest.mark.parametrize(
    ("body", "source"),
    [
        ("# Title\n\nText.\n", "# Title"),
        ("#Title\n", "#Title"),  # Python-Markdown needs no space after '#'
        ("# Closing hashes #\n", "# Closing hashes #"),
        ("Intro.\n\n# Later title\n", None),  # MkDocs: the heading must be the first block
        ("## Second level\n\n# First level\n", None),
        ("\n\n# After blank lines\n", "# After blank lines"),
        ("Title\n=====\n\nText.\n", "Title\n====="),
        ("Title over a short line\n=\n", "Title over a short line\n="),
        ("Text.\n\nSection\n-------\n", None),  # a level-2 setext heading
        ("```\n# not this\n```\n\n# Nor this\n", None),
        ("para\nline two\n===\n", None),  # Python-Markdown makes no heading of it
        ("<div>\n# in raw HTML\n</div>\n", None),
        ("<!--\n# commented out\n-->\n# Shown\n", "# Shown"),
        ("<!-- more -->\n# After the marker\n", "# After the marker"),
        ("   # indented three\n", None),  # Python-Markdown wants '#' in the first column
        ("No heading at all.\n", None),
        ("", None),
        (
            "# A [linked][site] title[^1]\n\nText.\n\n[site]: https://example.com\n[^1]: A note.\n",
            "# A [linked][site] title[^1]\n\n[site]: https://example.com\n\n[^1]: A note.",
        ),
    ],
)
def test_title_heading(body: str, source: str | None) -> None:
    assert title_heading(body) == source


@pytest.mark.parametrize(
    ("source", "text"),
    [
        ("# Title #", "Title"),
        ("#Title", "Title"),
        ("Title\n=====", "Title"),
        ("#   ", None),
    ],
)
def test_plain_heading_text(source: str, text: str | None) -> None:
    assert plain_heading_text(source) == text


@given(st.text(max_size=300))
def test_any_body_finds_a_heading_or_none_without_crashing(body: str) -> None:
    source = title_heading(body)
    if source is not None:
        first = source.split("\n", 1)[0]
        assert first in body.splitlines()
