"""A post's title heading: the first level-1 heading of its Markdown, found without rendering it.

Python-Markdown (and so MkDocs) makes a level-1 heading of a line that starts with exactly one
``#`` (``# Title``, ``#Title``), and of a line of text over a line of ``=`` (a setext heading).
Lines in fenced code and in HTML comments are not headings. The source found here is rendered
alone, with the site's Markdown, to get the text a reader sees (see
``structure/titles.py``); :func:`plain_heading_text` is the fallback without a renderer.
"""

from __future__ import annotations

import re

_ATX = re.compile(r"#(?!#)")
_SETEXT_UNDERLINE = re.compile(r"=+[ ]*$")
_FENCE = re.compile(r"[ ]{0,3}(`{3,}|~{3,})")
# `[label]: url` and `[^note]: text`: a heading may use them, so they go with it when rendered.
_DEFINITION = re.compile(r"[ ]{0,3}\[[^\]\n]+\]:")


def title_heading(body: str) -> str | None:
    """The Markdown source of the first level-1 heading of ``body``, with the reference and
    footnote definitions of the post after it, or ``None``."""
    lines = body.splitlines()
    heading = _find(lines)
    if heading is None:
        return None
    definitions = [line for line in lines if _DEFINITION.match(line)]
    return "\n\n".join([heading, *definitions]) if definitions else heading


def _find(lines: list[str]) -> str | None:
    fence: str | None = None
    in_comment = False
    for number, line in enumerate(lines):
        if in_comment:
            in_comment = "-->" not in line
            continue
        match = _FENCE.match(line)
        if match:
            marker = match.group(1)
            if fence is None:
                fence = marker
            elif marker[0] == fence[0] and len(marker) >= len(fence):
                fence = None
            continue
        if fence is not None:
            continue
        if line.lstrip().startswith("<!--"):
            in_comment = "-->" not in line
            continue
        if _ATX.match(line):
            return line
        following = lines[number + 1] if number + 1 < len(lines) else ""
        if line.strip() and _SETEXT_UNDERLINE.match(following):
            return f"{line}\n{following}"
    return None


def plain_heading_text(source: str) -> str | None:
    """The heading's text with its Markdown markers taken off, but not rendered."""
    first = source.split("\n", 1)[0]
    if _ATX.match(first):
        first = first[1:].rstrip().rstrip("#")
    return first.strip() or None
