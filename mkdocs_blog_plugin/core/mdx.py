"""MDX posts (Astro's ``.mdx``) as Markdown: their top-level ``import`` and ``export`` lines go.

What is left is Markdown, but for JSX components (``<Chart data={x} />``): those stay, and show
as unknown HTML elements, so they are named for the author to replace.
"""

from __future__ import annotations

import re

_STATEMENT = re.compile(r"(?:import|export)\b")
_FENCE = re.compile(r"[ ]{0,3}(`{3,}|~{3,})")
# A JSX component: a tag whose name starts with a capital letter (HTML tags do not).
_COMPONENT = re.compile(r"<([A-Z][\w.]*)(?=[\s/>])")


def mdx_to_markdown(body: str) -> tuple[str, list[str]]:
    """``body`` without its top-level ``import``/``export`` statements, and the names of the JSX
    components left in it, in order of first use."""
    kept: list[str] = []
    components: dict[str, None] = {}
    fence: str | None = None
    depth = 0  # open brackets of a statement that goes on over several lines
    for line in body.splitlines(keepends=True):
        if depth > 0:
            depth += _balance(line)
            continue
        match = _FENCE.match(line)
        if match:
            marker = match.group(1)
            if fence is None:
                fence = marker
            elif marker[0] == fence[0] and len(marker) >= len(fence):
                fence = None
        elif fence is None and _STATEMENT.match(line):
            depth = max(_balance(line), 0)
            continue
        if fence is None:
            components.update(dict.fromkeys(_COMPONENT.findall(_without_code(line))))
        kept.append(line)
    return "".join(kept), list(components)


def _balance(line: str) -> int:
    return sum(line.count(c) for c in "({[") - sum(line.count(c) for c in ")}]")


def _without_code(line: str) -> str:
    return re.sub(r"`[^`]*`", "", line)
