"""A post's title heading: the level-1 heading that opens its Markdown, found without rendering.

Python-Markdown (and so MkDocs) makes a level-1 heading of a line that starts with exactly one
``#`` (``# Title``, ``#Title``), and of a line of text over a line of ``=`` (a setext heading).
As MkDocs, only a heading that is the first block gives the title; blank lines and HTML
comments before it are passed over (MkDocs would take none then: a comment is a block). The
source found here is rendered alone, with the site's Markdown, to get the text a reader sees
(see ``structure/titles.py``); :func:`plain_heading_text` is the fallback without a renderer.
"""

from __future__ import annotations

import re

_ATX = re.compile(r"#(?!#)")
_SETEXT_UNDERLINE = re.compile(r"=+[ ]*$")
_FENCE = re.compile(r"[ ]{0,3}(`{3,}|~{3,})")
# `[label]: url` and `[^note]: text`: a heading may use them, so they go with it when rendered.
_DEFINITION = re.compile(r"[ ]{0,3}\[[^\]\n]+\]:")


def title_heading(body: str) -> str | None:
    """The Markdown source of the level-1 heading that opens ``body``, with the post's reference
    and footnote definitions after it, or ``None``."""
    lines = body.splitlines()
    heading = _find(lines)
    if heading is None:
        return None
    definitions = [line for line in lines if _DEFINITION.match(line)]
    return "\n\n".join([heading, *definitions]) if definitions else heading


def _find(lines: list[str]) -> str | None:
    """The heading that opens the body, past blank lines and HTML comments: MkDocs takes a
    page's title only from a heading that is its first block."""
    in_comment = False
    for number, line in enumerate(lines):
        if in_comment:
            in_comment = "-->" not in line
            continue
        if not line.strip():
            continue
        if line.lstrip().startswith("<!--"):
            in_comment = "-->" not in line.split("<!--", 1)[1]
            continue
        if _ATX.match(line):
            return line
        following = lines[number + 1] if number + 1 < len(lines) else ""
        if _SETEXT_UNDERLINE.match(following) and not _FENCE.match(line):
            return f"{line}\n{following}"
        return None
    return None


def plain_heading_text(source: str) -> str | None:
    """The heading's text with its Markdown markers taken off, but not rendered."""
    first = source.split("\n", 1)[0]
    if _ATX.match(first):
        first = first[1:].rstrip().rstrip("#")
    return first.strip() or None
