"""Where ad slots go in a post: a pure function over the post's top-level blocks.

The MkDocs side (``mkdocs_blog_plugin.ads``) turns a rendered post into a list of :class:`Block`
and inserts slots at the gaps :func:`place_slots` returns. Nothing here knows about HTML.

Gaps are numbered like list insertion points: gap ``i`` is just before ``blocks[i]`` and gap
``len(blocks)`` is after the last block. Since slots only ever go into gaps between top-level
blocks, a slot can never end up inside a code block, table, list, admonition and so on.
"""

from __future__ import annotations

import enum
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass


class BlockKind(enum.Enum):
    """What a top-level block of a rendered post is, as far as placement cares."""

    PARAGRAPH = "paragraph"
    """A top-level paragraph of the post's own text (at least one word)."""
    HEADING = "heading"
    """``h1``…``h6``: a slot never goes right after one, it would cut it from its text."""
    OTHER = "other"
    """Anything else: code, table, list, quote, admonition, math, raw HTML, an image …"""
    MARKER = "marker"
    """A manual ``<!-- ad -->``: a slot goes exactly here, and nowhere automatically."""


@dataclass(frozen=True)
class Block:
    """One top-level block of a post."""

    kind: BlockKind
    words: int = 0
    """Words of reader-visible text in the block (code counts as none)."""
    level: int = 0
    """Heading level (1–6) for a heading, else 0."""


@dataclass(frozen=True)
class PlacementRules:
    """The ``ads`` options that decide placement, without the MkDocs config around them."""

    after_paragraph: int = 3
    every: int = 6
    max_slots: int = 3
    min_words: int = 0
    min_words_between: int = 0
    before_content: bool = False
    in_content: bool = True
    after_content: bool = False

    def __post_init__(self) -> None:
        if self.after_paragraph < 1 or self.every < 1 or self.max_slots < 0:
            raise ValueError(f"invalid placement rules: {self!r}")
        if self.min_words < 0 or self.min_words_between < 0:
            raise ValueError(f"invalid placement rules: {self!r}")

    @classmethod
    def from_positions(
        cls,
        positions: Sequence[str],
        *,
        after_paragraph: int,
        every: int,
        max_slots: int,
        min_words: int,
        min_words_between: int,
    ) -> PlacementRules:
        """Rules from the ``positions`` list of the config (``before_content`` …)."""
        return cls(
            after_paragraph=after_paragraph,
            every=every,
            max_slots=max_slots,
            min_words=min_words,
            min_words_between=min_words_between,
            before_content="before_content" in positions,
            in_content="in_content" in positions,
            after_content="after_content" in positions,
        )


@dataclass(frozen=True)
class Placement:
    """Where the slots of one post go."""

    gaps: tuple[int, ...]
    """Gap indices, ascending, without repeats."""
    manual: bool
    """True when the post has manual markers (automatic placement was off)."""


# Chinese and Japanese are written without spaces between words: each character counts as one.
# (Korean puts spaces between words, so it is counted like English.)
_UNSPACED = (
    "\u2e80-\u2fdf\u3040-\u30ff\u3100-\u312f\u31a0-\u31ff"
    "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
)
# The rule as one pattern: a word is matched from its first letter or digit to its end.
_WORD = re.compile(rf"[{_UNSPACED}]|[^\W_{_UNSPACED}][^\s{_UNSPACED}]*")
# Faster where no character is unspaced (most prose): the whitespace-separated tokens, less
# those with no letter or digit ("-", "—", "_"). str.split() runs in C and these patterns only
# start at a space, so this is about three times faster than matching every word; counting
# words runs on every block of every post with ads.
_HAS_UNSPACED = re.compile(f"[{_UNSPACED}]")
_NON_WORD = re.compile(r"\s(?:[^\w\s]|_)+(?=\s)")
_ASCII_NON_WORD = re.compile(r"\s[^\sA-Za-z0-9]+(?=\s)")
# Text that fits in Latin-1 (café, naïve, Straße: most Western European prose) is common, and
# Unicode-aware patterns are several times slower on it than on bytes. As Latin-1 bytes the
# rule is the same: the spaces str.split() knows beyond ASCII's (\x1c-\x1f, \x85, \xa0)
# become b" ", and the bytes that are neither space, letter nor digit are worked out from the
# str rule itself.
_LATIN1 = [chr(code) for code in range(256)]
_LATIN1_EXTRA_SPACES = bytes(
    ord(char) for char in _LATIN1 if char.isspace() and not char.encode("latin-1").isspace()
)
_LATIN1_SPACES = bytes.maketrans(_LATIN1_EXTRA_SPACES, b" " * len(_LATIN1_EXTRA_SPACES))
_LATIN1_NON_WORD_BYTES = b"".join(
    re.escape(bytes([ord(char)]))
    for char in _LATIN1
    if not char.isspace() and not re.fullmatch(r"[^\W_]", char)
)
_LATIN1_NON_WORD = re.compile(rb"\s[" + _LATIN1_NON_WORD_BYTES + rb"]+(?=\s)")


def count_words(text: str) -> int:
    """Words in ``text`` as a reader would count them.

    A word is a run of non-space characters with at least one letter or digit (so ``—`` or
    ``*`` alone are not words); in Chinese and Japanese text every character counts.
    """
    if text.isascii():
        return len(text.split()) - len(_ASCII_NON_WORD.findall(f" {text} "))
    try:
        latin1 = text.encode("latin-1").translate(_LATIN1_SPACES)
    except UnicodeEncodeError:
        pass
    else:
        return len(latin1.split()) - len(_LATIN1_NON_WORD.findall(b" " + latin1 + b" "))
    if _HAS_UNSPACED.search(text) is None:
        return len(text.split()) - len(_NON_WORD.findall(f" {text} "))
    return len(_WORD.findall(text))


def _is_title(block: Block) -> bool:
    return block.kind is BlockKind.HEADING and block.level == 1


def place_slots(blocks: Sequence[Block], rules: PlacementRules) -> Placement:
    """The gaps of ``blocks`` that get an ad slot under ``rules``.

    - Fewer than ``rules.min_words`` words in the whole post: no slots at all.
    - Manual markers: a slot at each marker (the first ``max_slots``), nothing else.
    - Otherwise ``before_content`` (after a leading ``h1`` title, if any), then one slot after
      paragraph ``after_paragraph`` (or after the last paragraph of a shorter post) and one every
      ``every`` paragraphs, then ``after_content`` — in document order, at most ``max_slots``.
      An automatic slot only ever follows a paragraph (or starts the post), never a heading; a
      slot that would come less than ``min_words_between`` words after the previous one moves
      down to the next paragraph where it would not.
    """
    words_before = list(itertools.accumulate((block.words for block in blocks), initial=0))
    if not blocks or rules.max_slots == 0 or words_before[-1] < rules.min_words:
        return Placement((), manual=False)
    markers = [i for i, block in enumerate(blocks) if block.kind is BlockKind.MARKER]
    if markers:
        return Placement(tuple(markers[: rules.max_slots]), manual=True)

    gaps: list[int] = []

    def far_enough(gap: int) -> bool:
        if not gaps or rules.min_words_between == 0:
            return True
        return words_before[gap] - words_before[gaps[-1]] >= rules.min_words_between

    if rules.before_content:
        gaps.append(1 if _is_title(blocks[0]) and len(blocks) > 1 else 0)

    if rules.in_content:
        paragraphs = [i for i, block in enumerate(blocks) if block.kind is BlockKind.PARAGRAPH]
        target = min(rules.after_paragraph, len(paragraphs))
        for ordinal, index in enumerate(paragraphs, start=1):
            if len(gaps) >= rules.max_slots:
                break
            gap = index + 1
            if ordinal < target or gap in gaps or not far_enough(gap):
                continue
            gaps.append(gap)
            target = ordinal + rules.every

    end = len(blocks)
    if (
        rules.after_content
        and blocks[-1].kind is not BlockKind.HEADING
        and end not in gaps
        and len(gaps) < rules.max_slots
        and far_enough(end)
    ):
        gaps.append(end)

    return Placement(tuple(sorted(gaps)[: rules.max_slots]), manual=False)
