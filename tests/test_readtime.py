"""Reading time: words, CJK characters and images of rendered HTML, and the minutes they take."""

from __future__ import annotations

import html as html_module
import importlib.util

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mkdocs_blog_plugin.core.readtime import Reading, count_reading, minutes, read_time


@pytest.mark.parametrize(
    ("html", "reading"),
    [
        ("", Reading(0, 0, 0)),
        ("<p>Hello, world.</p>", Reading(2, 0, 0)),
        ("<p>foo</p><p>bar</p>", Reading(2, 0, 0)),  # blocks stay apart
        ("<p>foo<br>bar</p>", Reading(2, 0, 0)),
        ("<p>un<em>usual</em> <a href='#'>link</a>s</p>", Reading(2, 0, 0)),  # inline runs on
        ("<p>fish &amp; chips&nbsp;shop</p>", Reading(3, 0, 0)),
        ("<p>caf&eacute; na&#239;ve</p>", Reading(2, 0, 0)),
        ("<p>Привет мир, γειά σου, مرحبا بالعالم</p>", Reading(6, 0, 0)),
        ("<p>state-of-the-art, it's 2024_01</p>", Reading(7, 0, 0)),
        # Code: identifier-like tokens only.
        ("<pre><code>a.b(c)</code></pre>", Reading(3, 0, 0)),
        ("<pre><code>=== !== -&gt; {}</code></pre>", Reading(0, 0, 0)),
        ("<p>Call <code>os.path.join()</code> now</p>", Reading(5, 0, 0)),
        # Skipped elements and ad slots.
        (
            "<p>a</p><script>var x = 1 + 2;</script><style>p { color: red }</style>",
            Reading(1, 0, 0),
        ),
        ("<svg><text>label</text></svg><object>fallback</object>", Reading(0, 0, 0)),
        ("<template><p>later</p></template><p>now</p>", Reading(1, 0, 0)),
        (
            '<aside class="ad-slot"><p>Buy now</p><img src="ad.png"></aside><p>x</p>',
            Reading(1, 0, 0),
        ),
        ('<div class="box ad-slot big">ad words</div>', Reading(0, 0, 0)),
        ("<div data-search-exclude><p>hidden</p></div><p>shown</p>", Reading(1, 0, 0)),
        ("<div class='ad-slotted'>counted</div>", Reading(1, 0, 0)),
        # Skipped elements and attribute names in any case; class names are case-sensitive.
        ("<SCRIPT>var x = 1;</SCRIPT><p>a</p><Svg><text>b</text></Svg>", Reading(1, 0, 0)),
        ('<div CLASS="AD-SLOT">ad</div><div Data-Search-Exclude>ad</div>', Reading(1, 0, 0)),
        (
            '<div CLASS="ad-slot">ad</div><P>p</P><DIV DATA-SEARCH-EXCLUDE>ad</DIV>',
            Reading(1, 0, 0),
        ),
        # ">" inside attribute values ends no tag.
        (
            "<p>one<span title='a > b'>two</span> <a href=\"x>y\" class='q'>three</a></p>",
            Reading(2, 0, 0),
        ),
        ("<p title=\"x > y\" data-z='>'>four five</p>", Reading(2, 0, 0)),
        ('<p>a<b x="> c">d</b></p><p x=">" y>e</p>', Reading(2, 0, 0)),
        # Images.
        ('<p><img src="a.png" alt="an alt text"> <img src="b.png"/></p>', Reading(0, 0, 2)),
        # CJK: characters one by one; Hangul as words.
        ("<p>日本語の文章です。</p>", Reading(0, 8, 0)),
        ("<p>中文文本，没有空格。</p>", Reading(0, 8, 0)),
        ("<p>カタカナ・ひらがなー</p>", Reading(0, 9, 0)),  # the middle dot is punctuation
        ("<p>ｶﾀｶﾅ</p>", Reading(0, 4, 0)),  # half-width
        ("<p>한국어 문장은 띄어쓰기를 합니다.</p>", Reading(4, 0, 0)),
        ("<p>Python3で書いたコード</p>", Reading(1, 7, 0)),
        ("<p>使用Python和MkDocs写博客</p>", Reading(2, 6, 0)),
        ("<p>𠀋𪚲</p>", Reading(0, 2, 0)),  # Han extensions beyond the BMP
        # Malformed HTML.
        ("<p>unclosed <b>bold <i>italic", Reading(3, 0, 0)),
        ("</div></p>stray</span> end tags", Reading(3, 0, 0)),
        ("<p>a <img src=x> b <br> c <hr> d", Reading(4, 0, 1)),
        ("<div><script>never closed", Reading(0, 0, 0)),
        ("<p>text <a href='x", Reading(1, 0, 0)),  # a tag never ended is not shown
        # A quote opens a value only after "=": elsewhere it is in an attribute's name.
        ("<p>one <a '>two</a></p>", Reading(2, 0, 0)),
        ("<p>one</p><p '>two</p>", Reading(2, 0, 0)),
        ("<p>one <a b = 'x>y' c>two</a></p>", Reading(2, 0, 0)),
        # A tag never ended, whose quoted value holds ">", or ends in the middle of one.
        ("<p>text</p><a title='>'", Reading(1, 0, 0)),
        ("<p>text</p><a title='> words", Reading(1, 0, 0)),
        ('<p>text</p><img alt="x > y" src=', Reading(1, 0, 0)),
        ("<p>text <!-- a comment never ended", Reading(1, 0, 0)),
        ("<p>fish &amp", Reading(1, 0, 0)),  # an entity at the very end still counts as "&"
        ("<<>>< p>&&&;;", Reading(1, 0, 0)),
        ("<p>a<![<div>b</div> <![CDATA[x]]> c</p>", Reading(2, 0, 0)),  # "ab": comments
    ],
)
def test_count_reading(html: str, reading: Reading) -> None:
    assert count_reading(html) == reading


@pytest.mark.parametrize(
    ("reading", "expected"),
    [
        (Reading(0, 0, 0), 1),  # a post always takes a minute
        (Reading(1, 0, 0), 1),
        (Reading(265, 0, 0), 1),
        (Reading(266, 0, 0), 2),
        (Reading(530, 0, 0), 2),
        (Reading(2000, 0, 0), 8),
        (Reading(0, 500, 0), 1),
        (Reading(0, 501, 0), 2),
        (Reading(0, 2000, 0), 4),
        (Reading(265, 500, 0), 2),  # mixed scripts: the times add up
        (Reading(132, 250, 0), 1),  # 29.89 s + 30 s
        (Reading(133, 250, 0), 2),  # 30.11 s + 30 s
        # Images: 12 s, 11 s, ... 3 s, then 3 s each.
        (Reading(0, 0, 1), 1),
        (Reading(0, 0, 6), 1),  # 12+11+10+9+8+7 = 57 s
        (Reading(0, 0, 7), 2),  # + 6 = 63 s
        (Reading(0, 0, 10), 2),  # 75 s
        (Reading(0, 0, 25), 2),  # 75 + 15 * 3 = 120 s
        (Reading(0, 0, 26), 3),
        (Reading(212, 0, 1), 1),  # 48 s + 12 s = 60 s
        (Reading(213, 0, 1), 2),
    ],
)
def test_minutes(reading: Reading, expected: int) -> None:
    assert minutes(reading) == expected


@pytest.mark.parametrize(
    ("words_per_minute", "characters_per_minute", "expected"),
    [(265, 500, 4), (200, 500, 5), (265, 300, 5), (1000, 1000, 2)],
)
def test_rates(words_per_minute: int, characters_per_minute: int, expected: int) -> None:
    # 800 words and 400 characters.
    html = "<p>" + "word " * 800 + "</p><p>" + "字" * 400 + "</p>"
    assert (
        read_time(
            html, words_per_minute=words_per_minute, characters_per_minute=characters_per_minute
        )
        == expected
    )


@pytest.mark.parametrize(("wpm", "cpm"), [(0, 500), (265, 0), (-1, 500)])
def test_rates_must_be_positive(wpm: int, cpm: int) -> None:
    with pytest.raises(ValueError, match="positive"):
        minutes(Reading(1, 1, 1), words_per_minute=wpm, characters_per_minute=cpm)


def test_read_time_is_minutes_of_the_count() -> None:
    html = "<p>" + "word " * 600 + "</p>" + "<img src='x.png'>" * 4
    assert read_time(html) == minutes(count_reading(html)) == 3


def _post(paragraphs: int, words: int, images: int = 0) -> str:
    vocabulary = ["lorem", "ipsum", "dolor", "sit", "amet", "consectetur", "adipiscing"]
    body = "\n".join(
        "<p>"
        + " ".join(vocabulary[(p * words + w) % len(vocabulary)] for w in range(words))
        + ".</p>"
        for p in range(paragraphs)
    )
    return body + '\n<p><img src="figure.png" alt="figure"></p>' * images


@pytest.mark.skipif(
    importlib.util.find_spec("material") is None, reason="Material for MkDocs is not installed"
)
@pytest.mark.parametrize(
    ("paragraphs", "words", "images"),
    [(1, 5, 0), (4, 60, 0), (10, 50, 0), (20, 100, 3), (40, 50, 12), (8, 66, 1), (100, 20, 0)],
)
def test_latin_prose_agrees_with_material(paragraphs: int, words: int, images: int) -> None:
    from material.plugins.blog.readtime import readtime

    html = _post(paragraphs, words, images)
    assert count_reading(html).words == paragraphs * words
    assert read_time(html) == readtime(html, 265)


def test_material_counts_an_empty_word_at_either_end() -> None:
    # 530 words take exactly two minutes; Material's re.split finds a 531st, empty "word" after
    # the last full stop, and says three.
    html = _post(10, 53)
    assert count_reading(html).words == 530
    assert read_time(html) == 2


_WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyzéжλ", min_size=1, max_size=12)


_MARKUP_SOUP = st.text(alphabet="<>![]-/a=' \"CDATdoctypeifsvg?&#;x\n字한", max_size=40)


@given(st.one_of(st.text(), _MARKUP_SOUP))
def test_count_reading_never_raises_on_free_text(text: str) -> None:
    reading = count_reading(text)
    assert min(reading.words, reading.characters, reading.images) >= 0
    assert read_time(text) >= 1


@given(
    st.lists(
        st.one_of(
            st.text(),
            st.sampled_from(
                ["<p>", "</p>", "<img src=x>", "<script>", "</script>", "<!--", "-->", "<a href='"]
            ),
        )
    ),
    st.lists(_WORD, min_size=1, max_size=20),
)
def test_appending_a_paragraph_never_lowers_the_count(prefix: list[str], words: list[str]) -> None:
    html = "".join(prefix)
    paragraph = "<p>" + html_module.escape(" ".join(words)) + "</p>"
    before, after = count_reading(html), count_reading(html + paragraph)
    assert after.words >= before.words
    assert after.characters >= before.characters
    assert read_time(html + paragraph) >= read_time(html)


@given(st.lists(_WORD, max_size=50), st.integers(0, 30))
def test_well_formed_prose_is_counted_exactly(words: list[str], images: int) -> None:
    html = "<p>" + " ".join(words) + "</p>" + "<img src='a.png'>" * images
    assert count_reading(html) == Reading(len(words), 0, images)


_FLAT_PIECES = st.one_of(
    st.sampled_from(
        [
            "<p>",
            "</p>",
            "<em>",
            "</em>",
            "<a href='x>y'>",
            "</a>",
            "<br>",
            "<img src=x>",
            "<!-- c -->",
            "<!doctype html>",
            "&amp;",
            "&#26085;",
            '<div class="a">',
            "</div>",
            "<code>",
            "</code>",
            "</ >",
            "<li>",
            "<h2 id=x>",
            "</h2>",
            "<",
            ">",
            "日本",
            "語",
            # Tags never ended, and quotes in and out of values.
            "<img src=x",
            "<img alt='>'",
            " title='>' ",
            "'",
            "=",
        ]
    ),
    st.text(alphabet="ab c.-'\n", max_size=8),
)


@given(st.lists(_FLAT_PIECES, max_size=40))
def test_the_flat_count_is_the_count_with_a_stack(pieces: list[str]) -> None:
    """Without anything skipped in it, HTML is counted by regular expressions alone: the same
    as when every open element is tracked."""
    from mkdocs_blog_plugin.core.readtime import (
        _QUOTED_GT,
        _STRAY_LT,
        _count_flat,
        _count_with_stack,
    )

    html = "".join(pieces)
    if not _STRAY_LT.search(html) and not _QUOTED_GT.search(html):  # the flat path's input
        assert _count_flat(html) == _count_with_stack(html)


# The ad slots the plugin inserts between a post's blocks, in the shapes the shipped template
# and overrides give them: read as nothing, taken out first or skipped by the open elements.
_SLOTS = st.sampled_from(
    [
        '<aside class="ad-slot" aria-label="Advertisement" data-search-exclude'
        ' data-label="Advertisement" data-slot-number="1">\n<div class="ad-slot__unit"'
        ' style="min-height: 250px"><!-- frontmatter-blog:ad-snippet --></div>\n</aside>',
        '<aside class="ad-slot" data-search-exclude><div><template data-ad-consent><ins'
        ' class="adsbygoogle"></ins></template></div></aside>',
        '<aside class="ad-slot my-slot">Sponsored words <img src="ad.png"> here</aside>',
        '<div class="ad-slot"><script>var a = "<p>not read</p>";</script>Ad text</div>',
    ]
)
_BLOCKS = st.one_of(
    st.lists(_WORD, max_size=8).map(lambda words: "<p>" + " ".join(words) + "</p>"),
    st.lists(_WORD, max_size=4).map(lambda words: "<h2>" + " ".join(words) + "</h2>"),
    st.lists(_WORD, max_size=4).map(lambda w: "<ul><li>" + "</li><li>".join(w) + "</li></ul>"),
    st.just('<p><img src="photo.png" alt="A photo"></p>'),
    st.just("<pre><code>x = 1 &lt; 2</code></pre>"),
    st.just("<p>日本語のテキスト</p>"),
    st.just("<script>var x = 1;</script>"),
)


@given(st.lists(st.tuples(_BLOCKS, st.one_of(st.none(), _SLOTS)), max_size=12))
def test_leaving_the_slots_out_counts_as_skipping_them(parts: list[tuple[str, str | None]]) -> None:
    html = "\n".join(block + ("\n" + slot if slot else "") for block, slot in parts)
    slots = sorted({slot for _, slot in parts if slot})
    assert count_reading(html, leave_out=slots) == count_reading(html)


@pytest.mark.parametrize(
    ("html", "leave_out", "reading"),
    [
        ("<p>one two</p><aside class='ad-slot'>ad</aside>", ["<aside>gone</aside>"], (2, 0, 0)),
        ("<p>one two</p>", [""], (2, 0, 0)),
        ("<p>one</p><div>AD AD</div><p>two</p>", ["<div>AD AD</div>"], (2, 0, 0)),
        ("<p>one</p><div>AD</div><div>AD</div>", ["<div>AD</div>"], (1, 0, 0)),
    ],
)
def test_leave_out(html: str, leave_out: list[str], reading: tuple[int, int, int]) -> None:
    assert count_reading(html, leave_out=leave_out) == Reading(*reading)
