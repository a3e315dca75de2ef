"""Python-Markdown side of ad slots: read the top-level blocks, insert slots between them.

The treeprocessor runs after inline processing, on the element tree of the whole post. Its
top-level children are exactly the post's top-level blocks; fenced code and raw HTML are still
stash placeholders there, each alone in a ``<p>``. Slots go in as new stash entries, so the
slot HTML is pasted in by Python-Markdown's own postprocessor and nothing is parsed twice.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from collections.abc import Callable
from dataclasses import dataclass

from markdown import Markdown, util  # type: ignore[import-untyped, unused-ignore]
from markdown.extensions import Extension  # type: ignore[import-untyped, unused-ignore]
from markdown.treeprocessors import Treeprocessor  # type: ignore[import-untyped, unused-ignore]

from mkdocs_blog_plugin.core.ads import Block, BlockKind, PlacementRules, count_words, place_slots

MARKER = re.compile(r"\s*<!--\s*ad\s*-->\s*", re.IGNORECASE)
"""The manual marker, as a raw HTML block of its own."""

_PLACEHOLDER = re.compile(util.HTML_PLACEHOLDER % r"([0-9]+)")
_HEADINGS = {f"h{level}": level for level in range(1, 7)}
# Blocks whose text is not prose: it must not count towards `min_words`.
_NOT_PROSE_TAGS = frozenset(("pre", "code", "script", "style", "math", "svg"))
_NOT_PROSE_CLASSES = frozenset(("highlight", "arithmatex", "codehilite", "mermaid"))

# After "inline" (20), so text is final and footnotes (50) are in place; before "prettify" (10).
PRIORITY = 14


@dataclass
class SlotRequest:
    """What one post asks of the treeprocessor, and what it got."""

    rules: PlacementRules
    render_slot: Callable[[int], str]
    """Slot number (1, 2, …) to the slot's HTML."""
    placed: int = 0
    """Slots inserted, set by the treeprocessor."""
    html: tuple[str, ...] = ()
    """The HTML of each slot inserted, in order, set by the treeprocessor."""
    manual: bool = False
    """Whether the post had manual ``<!-- ad -->`` markers."""

    def render_slots(self, count: int) -> tuple[str, ...]:
        """The HTML of slots 1 to ``count``, as they go into the post."""
        return tuple(self.render_slot(number).strip() for number in range(1, count + 1))


RequestFor = Callable[[Markdown], "SlotRequest | None"]
"""Given the Markdown instance about to be processed, the request for it (or ``None``)."""


def _stash_text(md: Markdown, element: etree.Element) -> str | None:
    """The raw HTML a ``<p>`` stands for, when it is nothing but one stash placeholder."""
    if len(element) or (element.tail or "").strip():
        return None
    match = _PLACEHOLDER.fullmatch((element.text or "").strip())
    if match is None:
        return None
    index = int(match.group(1))
    if index >= len(md.htmlStash.rawHtmlBlocks):
        return None
    stashed = md.htmlStash.rawHtmlBlocks[index]
    return stashed if isinstance(stashed, str) else etree.tostring(stashed, encoding="unicode")


def _prose_text(element: etree.Element) -> str:
    """The prose in ``element``: its text and its children's, minus code and the like."""
    parts: list[str] = []
    _gather_prose(element, parts)
    # One text for the block, not one per fragment: the join's spaces keep "a<em>b</em>" two
    # words, as the fragments are.
    text = " ".join(parts)
    if "\x02" in text:  # A stash placeholder (raw HTML, code) is not prose.
        text = _PLACEHOLDER.sub(" ", text)
    return text


def _gather_prose(element: etree.Element, parts: list[str]) -> None:
    if element.tag in _NOT_PROSE_TAGS:
        return
    classes = element.get("class")
    if classes and not _NOT_PROSE_CLASSES.isdisjoint(classes.split()):
        return
    if element.text:
        parts.append(element.text)
    for child in element:
        _gather_prose(child, parts)
        if child.tail:
            parts.append(child.tail)


def classify(md: Markdown, element: etree.Element) -> Block:
    """The placement block for one top-level element of a rendered post."""
    tag = element.tag if isinstance(element.tag, str) else ""
    if tag in _HEADINGS:
        return Block(BlockKind.HEADING, count_words(_prose_text(element)), _HEADINGS[tag])
    if tag == "p":
        stashed = _stash_text(md, element)
        if stashed is not None:
            # Fenced code, raw HTML or math: never a paragraph, unless it is the marker.
            return Block(BlockKind.MARKER if MARKER.fullmatch(stashed) else BlockKind.OTHER)
        # A paragraph with no words (a lone image, a lone inline HTML tag) is not text.
        words = count_words(_prose_text(element))
        return Block(BlockKind.PARAGRAPH if words else BlockKind.OTHER, words)
    return Block(BlockKind.OTHER, count_words(_prose_text(element)))


class AdSlotTreeprocessor(Treeprocessor):  # type: ignore[misc, unused-ignore]
    """Inserts ad slots between the top-level blocks of a post."""

    def __init__(self, md: Markdown, request_for: RequestFor) -> None:
        super().__init__(md)
        self.request_for = request_for

    def run(self, root: etree.Element) -> None:
        request = self.request_for(self.md)
        if request is None:
            return
        children = list(root)
        blocks = [classify(self.md, child) for child in children]
        placement = place_slots(blocks, request.rules)
        request.manual = placement.manual
        slots = request.render_slots(len(placement.gaps))
        # Insert from the end, so earlier gap indices stay valid.
        for number, gap in reversed(list(enumerate(placement.gaps, start=1))):
            placeholder = self.md.htmlStash.store(slots[number - 1])
            if gap < len(children) and blocks[gap].kind is BlockKind.MARKER:
                children[gap].text = placeholder
                continue
            holder = etree.Element("p")
            holder.text = placeholder
            if gap < len(children):
                root.insert(gap, holder)
            else:
                # Keep the whitespace the last block carried, so the output stays tidy.
                holder.tail = "\n"
                root.append(holder)
        request.placed = len(placement.gaps)
        request.html = slots


class AdSlotExtension(Extension):  # type: ignore[misc, unused-ignore]
    """Python-Markdown extension that asks ``request_for`` whether this conversion gets slots."""

    def __init__(self, request_for: RequestFor) -> None:
        super().__init__()
        self.request_for = request_for

    def extendMarkdown(self, md: Markdown) -> None:
        # A name of its own: in a site of several blogs, each blog's extension is registered,
        # and Markdown keeps only the last processor of a name.
        md.treeprocessors.register(
            AdSlotTreeprocessor(md, self.request_for), f"frontmatter_blog_ads_{id(self)}", PRIORITY
        )
