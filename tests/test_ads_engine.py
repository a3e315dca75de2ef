"""Table-driven tests of the pure ad placement engine (``mkdocs_blog_plugin.core.ads``)."""

from __future__ import annotations

import itertools
import re
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mkdocs_blog_plugin.core.ads import (
    Block,
    BlockKind,
    Placement,
    PlacementRules,
    count_words,
    place_slots,
)


def shape(spec: str) -> list[Block]:
    """Blocks from a compact spec: ``p`` (paragraph, 10 words), ``p50``, ``h1``…``h6``,
    ``x`` (code/table/list…, no words), ``x20``, ``m`` (manual marker); ``p*40`` repeats."""
    blocks: list[Block] = []
    for token in spec.split():
        token, _, times = token.partition("*")
        kind, number = token[0], token[1:]
        if kind == "p":
            block = Block(BlockKind.PARAGRAPH, words=int(number or 10))
        elif kind == "h":
            block = Block(BlockKind.HEADING, words=3, level=int(number or 2))
        elif kind == "x":
            block = Block(BlockKind.OTHER, words=int(number or 0))
        elif kind == "m":
            block = Block(BlockKind.MARKER)
        else:
            raise ValueError(token)
        blocks.extend([block] * int(times or 1))
    return blocks


DEFAULT = PlacementRules()

CASES: list[tuple[str, str, PlacementRules, tuple[int, ...]]] = [
    # id, post shape, rules, expected gaps
    ("empty post", "", DEFAULT, ()),
    ("only code", "x x x", DEFAULT, ()),
    ("only a heading", "h1", DEFAULT, ()),
    ("no paragraphs", "h1 x h2 x x", DEFAULT, ()),
    ("one paragraph", "p", DEFAULT, (1,)),
    ("one paragraph then code", "p x", DEFAULT, (1,)),
    ("two paragraphs: after the last one", "h1 p x p x", DEFAULT, (4,)),
    ("code first", "x p p p p", DEFAULT, (4,)),
    ("code between paragraphs", "p x p x p x p", DEFAULT, (5,)),
    ("lists after each paragraph", "p x p x p x p x", DEFAULT, (5,)),
    ("exactly three paragraphs", "p p p", DEFAULT, (3,)),
    ("40 paragraphs", "p*40", DEFAULT, (3, 9, 15)),
    ("40 paragraphs, max 10", "p*40", PlacementRules(max_slots=10), (3, 9, 15, 21, 27, 33, 39)),
    ("40 paragraphs, every 1", "p*40", PlacementRules(every=1), (3, 4, 5)),
    ("after_paragraph 1, every 2", "p*6", PlacementRules(after_paragraph=1, every=2), (1, 3, 5)),
    ("headings everywhere", "h1 h2 p h2 p h2 p h2 p", DEFAULT, (7,)),
    ("heading after every paragraph", "p h2 p h2 p h2 p", DEFAULT, (5,)),
    ("title, then sections", "h1 p h2 p p h2 p" + " p" * 8, DEFAULT, (5, 12)),
    ("image-only blocks are not paragraphs", "x p x p x x p", DEFAULT, (7,)),
    ("manual marker", "p m p p p p", DEFAULT, (1,)),
    ("manual marker first", "m p p p p", DEFAULT, (0,)),
    ("manual marker last", "p p p p m", DEFAULT, (4,)),
    ("manual marker turns automatic off", "p*20 m", DEFAULT, (20,)),
    ("manual markers capped by max", "m p m p m p m", DEFAULT, (0, 2, 4)),
    ("manual marker after a heading is the author's call", "h2 m p", DEFAULT, (1,)),
    ("manual marker in a post below min_words", "p5 m p5", PlacementRules(min_words=50), ()),
    ("min_words not reached", "p5 p5 p5", PlacementRules(min_words=20), ()),
    ("min_words reached", "p5 p5 p5 x5", PlacementRules(min_words=20), (3,)),
    ("min_words counts lists and tables", "p5 x15", PlacementRules(min_words=20), (1,)),
    (
        "min_words_between defers a slot",
        "p100 p100 p100 " + "p10 " * 8,
        PlacementRules(every=1, min_words_between=30),
        (3, 6, 9),
    ),
    (
        "min_words_between from before_content",
        "p10 p10 p10 p10",
        PlacementRules(before_content=True, after_paragraph=1, min_words_between=25),
        (0, 3),
    ),
    (
        "min_words_between stops after_content",
        "p*4",
        PlacementRules(after_paragraph=3, after_content=True, min_words_between=20),
        (3,),
    ),
    ("before_content", "p p p p", PlacementRules(before_content=True), (0, 3)),
    ("before_content after the h1 title", "h1 p p p", PlacementRules(before_content=True), (1, 4)),
    ("before_content with an h2 first", "h2 p", PlacementRules(before_content=True), (0, 2)),
    (
        "before_content only",
        "h1 p p p",
        PlacementRules(before_content=True, in_content=False),
        (1,),
    ),
    (
        "after_content only",
        "p p p p x",
        PlacementRules(in_content=False, after_content=True),
        (5,),
    ),
    ("after_content and in_content", "p*5", PlacementRules(after_content=True), (3, 5)),
    ("after_content merges with a final slot", "p p", PlacementRules(after_content=True), (2,)),
    (
        "after_content never after a heading",
        "p p p p h2",
        PlacementRules(in_content=False, after_content=True),
        (),
    ),
    (
        "max counts before and after content",
        "p*20",
        PlacementRules(before_content=True, after_content=True, max_slots=2),
        (0, 3),
    ),
    (
        "all positions",
        "h1 " + "p " * 10 + "x",
        PlacementRules(before_content=True, after_content=True, max_slots=5),
        (1, 4, 10, 12),
    ),
    ("max 0", "p*10", PlacementRules(max_slots=0), ()),
]


@pytest.mark.parametrize(
    ("spec", "rules", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_placement(spec: str, rules: PlacementRules, expected: tuple[int, ...]) -> None:
    blocks = shape(spec)
    placement = place_slots(blocks, rules)
    assert placement.gaps == expected


def test_manual_flag() -> None:
    assert place_slots(shape("p m p"), DEFAULT) == Placement((1,), manual=True)
    assert place_slots(shape("p p p"), DEFAULT) == Placement((3,), manual=False)


def test_rules_from_positions() -> None:
    rules = PlacementRules.from_positions(
        ["after_content", "before_content"],
        after_paragraph=2,
        every=4,
        max_slots=5,
        min_words=10,
        min_words_between=20,
    )
    assert rules == PlacementRules(2, 4, 5, 10, 20, True, False, True)


@pytest.mark.parametrize(
    "kwargs", [{"after_paragraph": 0}, {"every": 0}, {"max_slots": -1}, {"min_words": -1}]
)
def test_invalid_rules(kwargs: dict[str, int]) -> None:
    with pytest.raises(ValueError, match="invalid placement rules"):
        PlacementRules(**kwargs)


# -- properties over any post shape ------------------------------------------------------------


def _blocks(paragraph_words: int, other_words: int, size: int, *, markers: bool) -> Any:
    kinds = [
        st.builds(Block, st.just(BlockKind.PARAGRAPH), st.integers(0, paragraph_words)),
        st.builds(Block, st.just(BlockKind.HEADING), st.integers(0, 8), st.integers(1, 6)),
        st.builds(Block, st.just(BlockKind.OTHER), st.integers(0, other_words)),
    ]
    if markers:
        kinds.append(st.just(Block(BlockKind.MARKER)))
    return st.lists(st.one_of(*kinds), max_size=size)


def _rules(most: int, *, slots: tuple[int, int], words: int, between: Any, in_content: Any) -> Any:
    return st.builds(
        PlacementRules,
        after_paragraph=st.integers(1, most),
        every=st.integers(1, most),
        max_slots=st.integers(*slots),
        min_words=st.integers(0, words),
        min_words_between=between,
        before_content=st.booleans(),
        in_content=in_content,
        after_content=st.booleans(),
    )


blocks_strategy = _blocks(200, 50, 60, markers=True)
rules_strategy = _rules(
    8, slots=(0, 6), words=500, between=st.integers(0, 300), in_content=st.booleans()
)
# Short paragraphs and small spacings, where min_words_between decides most placements.
dense_blocks_strategy = _blocks(15, 10, 40, markers=False)
dense_rules_strategy = _rules(
    4, slots=(2, 8), words=40, between=st.integers(1, 30), in_content=st.just(True)
)


@given(blocks_strategy, rules_strategy)
def test_placement_invariants(blocks: list[Block], rules: PlacementRules) -> None:
    placement = place_slots(blocks, rules)
    gaps = placement.gaps
    assert list(gaps) == sorted(set(gaps))
    assert len(gaps) <= rules.max_slots
    assert all(0 <= gap <= len(blocks) for gap in gaps)
    if sum(block.words for block in blocks) < rules.min_words:
        assert gaps == ()
    markers = [i for i, block in enumerate(blocks) if block.kind is BlockKind.MARKER]
    if markers:
        assert set(gaps) <= set(markers)
        return
    assert not placement.manual
    title_gap = 1 if blocks and blocks[0].kind is BlockKind.HEADING and blocks[0].level == 1 else 0
    for gap in gaps:
        before_content = rules.before_content and gap == min(title_gap, len(blocks) - 1)
        if gap > 0 and not before_content:
            # Never directly after a heading, so no heading is cut from its text.
            assert blocks[gap - 1].kind is not BlockKind.HEADING
        if 0 < gap < len(blocks) and not before_content:
            assert blocks[gap - 1].kind is BlockKind.PARAGRAPH
    for previous, gap in itertools.pairwise(gaps):
        between = sum(block.words for block in blocks[previous:gap])
        assert between >= rules.min_words_between


def _placement_restated(blocks: list[Block], rules: PlacementRules) -> Placement:
    """The placement rules restated another way: the oracle for ``place_slots``."""
    before = list(itertools.accumulate((block.words for block in blocks), initial=0))
    if not blocks or rules.max_slots == 0 or before[-1] < rules.min_words:
        return Placement((), manual=False)
    markers = [i for i, block in enumerate(blocks) if block.kind is BlockKind.MARKER]
    if markers:
        return Placement(tuple(markers[: rules.max_slots]), manual=True)
    gaps: list[int] = []

    def take(gap: int) -> bool:
        """Place a slot at ``gap`` if there is room, it is free, and far enough from the last."""
        if len(gaps) == rules.max_slots or gap in gaps:
            return False
        if gaps and before[gap] - before[gaps[-1]] < rules.min_words_between:
            return False
        gaps.append(gap)
        return True

    if rules.before_content:
        titled = blocks[0].kind is BlockKind.HEADING and blocks[0].level == 1
        take(1 if titled and len(blocks) > 1 else 0)
    if rules.in_content:
        paragraph_ends = [
            i + 1 for i, block in enumerate(blocks) if block.kind is BlockKind.PARAGRAPH
        ]
        due = min(rules.after_paragraph, len(paragraph_ends))
        for ordinal, gap in enumerate(paragraph_ends, start=1):
            if ordinal >= due and take(gap):
                due = ordinal + rules.every
    if rules.after_content and blocks[-1].kind is not BlockKind.HEADING:
        take(len(blocks))
    return Placement(tuple(sorted(gaps)), manual=False)


@settings(max_examples=400)
@given(
    st.one_of(
        st.tuples(blocks_strategy, rules_strategy),
        st.tuples(dense_blocks_strategy, dense_rules_strategy),
    )
)
def test_placement_follows_the_rules_restated(
    case: tuple[list[Block], PlacementRules],
) -> None:
    blocks, rules = case
    assert place_slots(blocks, rules) == _placement_restated(blocks, rules)


# -- word counting -----------------------------------------------------------------------------

WORDS = [
    ("", 0),
    ("Hello world", 2),
    ("  spaced   out\ttext\n", 3),
    ("— * . …", 0),
    ("café au lait", 3),
    ("e-mail and co-op", 3),
    ("C++ and C#", 3),
    ("2025 was 1 year", 4),
    ("日本語", 3),
    ("日本語のテキスト", 8),
    ("Tokyo 東京 trip", 4),
    ("한국어 텍스트", 2),
    ("__init__", 1),
    ("___", 0),
]


@pytest.mark.parametrize(("text", "expected"), WORDS)
def test_count_words(text: str, expected: int) -> None:
    assert count_words(text) == expected


@given(st.text(), st.text())
def test_count_words_adds_up_across_whitespace(left: str, right: str) -> None:
    assert count_words(left + " " + right) == count_words(left) + count_words(right)


@given(st.text())
def test_count_words_bounded(text: str) -> None:
    assert 0 <= count_words(text) <= len(text)


@given(st.text(alphabet=st.characters(max_codepoint=127)))
def test_ascii_fast_path_counts_like_the_general_rule(text: str) -> None:
    from mkdocs_blog_plugin.core.ads import _WORD

    assert count_words(text) == len(_WORD.findall(text))


@given(st.text(alphabet=st.characters(max_codepoint=255)))
def test_latin1_fast_path_counts_like_the_general_rule(text: str) -> None:
    from mkdocs_blog_plugin.core.ads import _WORD

    assert count_words(text) == len(_WORD.findall(text)) == _reader_rule_count(text)


@pytest.mark.parametrize(
    "text",
    ["x\xa0y", "a\x85b", "a\x1cb \x1f", "¿ ¡ « » ×", "½ ¼ ² µ ª º", "naïve — café", "é_ _é"],
)
def test_latin1_spaces_and_signs(text: str) -> None:
    assert count_words(text) == _reader_rule_count(text)


def _reader_rule_count(text: str) -> int:
    """The rule as the docstring states it, written plainly: the oracle for the fast patterns."""
    from mkdocs_blog_plugin.core.ads import _UNSPACED

    words = 0
    for token in re.split(rf"\s+|([{_UNSPACED}])", text):
        if not token:
            continue
        if re.fullmatch(rf"[{_UNSPACED}]", token) or re.search(r"[^\W_]", token):
            words += 1
    return words


_MIXED_TEXT = st.text(
    alphabet=st.sampled_from(list("ab Z9_-*—\t\n.,'é日本のテ한국\u3000\U00020001"))
    | st.characters()
)


@given(_MIXED_TEXT)
def test_count_words_follows_the_stated_rule(text: str) -> None:
    assert count_words(text) == _reader_rule_count(text)
