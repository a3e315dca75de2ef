"""MDX posts (Astro's ``.mdx``) as Markdown: their ``import``/``export`` blocks and comments go.

As MDX reads them, an ``import`` or ``export`` statement (ESM) opens a block, at the start of
the body or after a blank line, and the block ends at the next blank line. Such blocks are
removed, and so are MDX comments (``{/* ... */}``), where authors keep private notes. What is
left is Markdown, but for JSX components (``<Chart data={x} />``) and expressions
(``{frontmatter.title}``): those stay, and show as unknown HTML or as text, so they are named
for the author to replace.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_STATEMENT = re.compile(r"(?:import|export)\s")
_FENCE = re.compile(r"[ ]{0,3}(`{3,}|~{3,})")
# A JSX component: a tag whose name starts with a capital letter (HTML tags do not).
_COMPONENT = re.compile(r"<([A-Z][\w.]*)(?=[\s/>])")
_COMMENT = re.compile(r"\{/\*.*?\*/\}", re.DOTALL)
# An expression in braces; not an attribute list of Markdown's attr_list ({: .x }, {#id}, {.x}).
_EXPRESSION = re.compile(r"\{(?![:#.\s/])[^{}\n]{1,60}\}")
_CODE_SPAN = re.compile(r"`[^`\n]*`")


@dataclass
class MdxMarkdown:
    markdown: str
    components: list[str] = field(default_factory=list)
    """JSX components left in it, in order of first use."""
    expressions: list[str] = field(default_factory=list)
    """Expressions in braces left in it, in order of first use."""
    unclosed: list[int] = field(default_factory=list)
    """Lines (1-based, in the body) of import/export blocks whose brackets do not close before
    the blank line that ends them: kept as text."""


def mdx_to_markdown(body: str) -> MdxMarkdown:
    """``body`` without its ESM blocks and MDX comments, and what is left that is not Markdown."""
    lines = body.splitlines(keepends=True)
    kept: list[str] = []
    result = MdxMarkdown("")
    fence: str | None = None
    at_block_start = True
    number = 0
    while number < len(lines):
        line = lines[number]
        match = _FENCE.match(line)
        if match:
            marker = match.group(1)
            if fence is None:
                fence = marker
            elif marker[0] == fence[0] and len(marker) >= len(fence):
                fence = None
        elif fence is None and at_block_start and _STATEMENT.match(line):
            end = number
            while end < len(lines) and lines[end].strip():
                end += 1
            block = "".join(lines[number:end])
            if _balance(block) == 0:
                number = end  # the block and nothing else
                continue
            result.unclosed.append(number + 1)
        kept.append(line)
        at_block_start = fence is None and not line.strip()
        number += 1
    segments = [
        (code, chunk if code else _COMMENT.sub("", chunk)) for code, chunk in _segments(kept)
    ]
    result.markdown = "".join(chunk for _code, chunk in segments)
    prose = "".join(_CODE_SPAN.sub("", chunk) for code, chunk in segments if not code)
    result.components = list(dict.fromkeys(_COMPONENT.findall(prose)))
    result.expressions = list(dict.fromkeys(_EXPRESSION.findall(prose)))
    return result


def _balance(text: str) -> int:
    return sum(text.count(c) for c in "({[") - sum(text.count(c) for c in ")}]")


def _segments(lines: list[str]) -> list[tuple[bool, str]]:
    """The lines as runs of fenced code (``True``) and of everything else."""
    runs: list[tuple[bool, list[str]]] = []
    fence: str | None = None
    for line in lines:
        match = _FENCE.match(line)
        code = fence is not None or match is not None
        if match:
            marker = match.group(1)
            if fence is None:
                fence = marker
            elif marker[0] == fence[0] and len(marker) >= len(fence):
                fence = None
        if runs and runs[-1][0] == code:
            runs[-1][1].append(line)
        else:
            runs.append((code, [line]))
    return [(code, "".join(run)) for code, run in runs]
