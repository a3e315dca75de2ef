"""A post's reading time, from its rendered HTML body.

What is read
    The text a reader sees: everything but the contents of ``script``, ``style``, ``svg``,
    ``object`` and ``template`` elements, and of ad slots (any element with the class
    ``ad-slot`` or the attribute ``data-search-exclude``). Entities count as the characters they
    stand for. Images count as images (below), except inside skipped elements.

Words and characters
    Most scripts put spaces between words, and a word is a run of word characters (``\\w+``).
    Chinese and Japanese are written without spaces, so there is no word to count: their
    characters (Han, Hiragana, Katakana) are counted one by one and read at
    ``characters_per_minute``, 500 by default, the rate Medium uses for CJK text (beside its
    265 words a minute for everything else, the default here too). A post mixing scripts is read
    script by script and the times add up: ``words / wpm + characters / cpm`` minutes.

Korean
    Korean is counted in words, not characters. Unlike Chinese and Japanese it is written with
    spaces between words (each word, an *eojeol*, is a few Hangul syllables), so its words are
    counted as any other script's, a run of Hangul syllables being one word. Medium counts Korean
    syllables as characters instead, but there is no clear sign that this is closer to how fast
    Korean is read: silent reading of Korean sentences has been measured at about 200 words a
    minute (Rhiu et al., Korean J Ophthalmol 2017), near the rates for English words, so the word
    rate fits Korean as well as any.

Code
    Code (``pre``, ``code``) is counted as prose is: only its identifier-like tokens (``\\w+``)
    are words, so ``a.b(c)`` is three words and ``===`` none. A reader skims punctuation and
    reads names, which is the sensible measure; counting every symbol would make a page of code
    seem longer than it takes to read.

Images
    As Medium and Material for MkDocs do: 12 seconds for the first image, 11 for the second, and
    so on down to 3 seconds, then 3 seconds for each further image.

Minutes
    The total time in seconds, rounded up to whole minutes, and never less than 1: a post,
    however short, takes a moment to read.

Beside Material for MkDocs
    For Latin prose the minutes agree with Material's blog plugin: it reads the same text, uses
    the same rates and image bonus and rounds the same way. Its word count is
    ``len(re.split(r"\\W+", text))`` over the text nodes joined with no separator, which counts
    an empty "word" at either end of the text and runs together the last word of one block and
    the first word of the next (``foo</p><p>bar``). Here words are found, not split between,
    and blocks stay apart, so the count is exact; it can be a word or two lower than Material's.
"""

from __future__ import annotations

import html as html_module
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction

from mkdocs_blog_plugin.core.html import TAG_ATTRIBUTES
from mkdocs_blog_plugin.core.html import VOID_ELEMENTS as _VOID_ELEMENTS

# Han (CJK Unified Ideographs and their extensions, compatibility ideographs, the iteration and
# closing marks 々〆〇, the Hangzhou numerals), Hiragana, Katakana (with the prolonged sound
# mark, without the middle dot, which is punctuation) and half-width Katakana. Bopomofo, the
# phonetic script written beside Chinese, is read the same way.
_CJK_RANGES = (
    "\u3005-\u3007\u3021-\u3029\u3038-\u303b"  # 々〆〇, Hangzhou numerals, 〸〹〺〻
    "\u3041-\u3096\u309d-\u309f"  # Hiragana
    "\u30a1-\u30fa\u30fc-\u30ff\u31f0-\u31ff"  # Katakana, phonetic extensions
    "\uff66-\uff9f"  # half-width Katakana
    "\u3105-\u312f\u31a0-\u31bf"  # Bopomofo
    "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"  # Han, extension A, compatibility
    "\U0001b000-\U0001b16f"  # Kana supplement and extensions
    "\U00020000-\U0002fa1f\U00030000-\U000323af"  # Han extensions B-I, compatibility supplement
)
_CJK_CHARACTER = re.compile(f"[{_CJK_RANGES}]")
# A run of word characters that are not CJK characters: "漢字abc" is two characters and a word.
_WORD = re.compile(f"[^\\W{_CJK_RANGES}]+")

_SKIPPED_ELEMENTS = frozenset({"script", "style", "svg", "object", "template"})
# Elements inside a line of text: their text runs on with the text around them, so that
# "un<em>usual</em>" is one word. Any other tag (a block, a line break, an image) separates.
_INLINE_ELEMENTS = frozenset(
    {
        "a",
        "abbr",
        "b",
        "bdi",
        "bdo",
        "cite",
        "code",
        "data",
        "del",
        "dfn",
        "em",
        "i",
        "ins",
        "kbd",
        "mark",
        "q",
        "s",
        "samp",
        "small",
        "span",
        "strong",
        "sub",
        "sup",
        "time",
        "u",
        "var",
        "wbr",
    }
)

DEFAULT_WORDS_PER_MINUTE = 265
DEFAULT_CHARACTERS_PER_MINUTE = 500


@dataclass(frozen=True)
class Reading:
    """What a post asks its reader to read."""

    words: int
    """Runs of word characters outside the CJK scripts: Latin, Cyrillic, Greek, Arabic, Hangul,
    digits... (``\\w+``)."""
    characters: int
    """Chinese and Japanese characters (Han, Hiragana, Katakana), counted one by one."""
    images: int
    """``<img>`` elements."""


def count_reading(html: str, *, leave_out: Sequence[str] = ()) -> Reading:
    """Count the words, CJK characters and images of a post's rendered HTML body. Never raises:
    malformed HTML is read as leniently as a browser would show it.

    One pass of one regular expression over the markup (a post's HTML is read once per build,
    and this is several times faster than ``html.parser``): text between tags is kept unless a
    skipped element is open; the contents of ``script`` and ``style`` are raw text up to their
    end tag, as in HTML.

    ``leave_out``: pieces of ``html`` that are not read, each a whole element between blocks
    (the ad slots the plugin inserted, which would be skipped anyway). Taken out first, they
    let a post with slots be counted by the faster way, when nothing else in it needs the
    open elements tracked; a piece not found changes nothing."""
    for piece in leave_out:
        if piece:
            html = html.replace(piece, " ")
    if not _needs_a_stack(html) and not _STRAY_LT.search(html) and not _QUOTED_GT.search(html):
        return _count_flat(html)
    return _count_with_stack(html)


def _count_with_stack(html: str) -> Reading:
    """:func:`count_reading`, keeping track of the open elements to skip what is in some."""
    text: list[str] = []
    images = 0
    open_tags: list[str] = []
    skipping: list[bool] = []
    skipped = 0  # how many of the open elements are skipped
    position = 0
    end = len(html)
    while position < end:
        match = _MARKUP.search(html, position)
        if match is None:
            break
        if skipped == 0 and match.start() > position:
            text.append(html[position : match.start()])
        position = match.end()
        name = match.group(2)
        if name is None:
            continue  # a comment, a declaration, an unfinished tag at the end
        tag = name.lower()
        if tag not in _INLINE_ELEMENTS:
            text.append(" ")
        if match.group(1):  # an end tag: it closes the nearest open element of its name
            if tag in open_tags:
                while open_tags:
                    skipped -= skipping.pop()
                    if open_tags.pop() == tag:
                        break
            continue
        attributes = match.group(3)
        if tag == "img" and skipped == 0:
            images += 1
        if tag in _RAW_TEXT_ELEMENTS:
            # Skipped, and raw text up to its own end tag: "<" inside is no tag.
            closing = _raw_text_end(tag).search(html, position)
            position = closing.start() if closing is not None else end
            open_tags.append(tag)
            skipping.append(True)
            skipped += 1
            continue
        if tag in _VOID_ELEMENTS or attributes.rstrip().endswith("/"):
            continue
        skips = tag in _SKIPPED_ELEMENTS or _is_ad_slot(attributes)
        open_tags.append(tag)
        skipping.append(skips)
        skipped += skips
    if skipped == 0 and position < end:
        text.append(html[position:])
    visible = html_module.unescape("".join(text))
    return Reading(
        words=len(_WORD.findall(visible)),
        characters=len(_CJK_CHARACTER.findall(visible)),
        images=images,
    )


# What makes some text unread: then the elements open at each point matter. Without any of
# it (most posts), every piece of text between tags is read, and regular expressions alone
# can count it.
_SKIPPED_TAG = re.compile(r"<(?:script|style|svg|object|template)", re.IGNORECASE)
_SEARCH_EXCLUDE = re.compile(r"-(?i:search-exclude)")


def _needs_a_stack(html: str) -> bool:
    """Whether ``html`` may hold a skipped element or an ad slot: a tag name or attribute
    name in any case (as in HTML), the class ``ad-slot`` as written (class names are
    case-sensitive). Three searches that each start with one character: five times faster than
    looking for each in a lower-case copy of the post."""
    return (
        _SKIPPED_TAG.search(html) is not None
        or "ad-slot" in html
        or _SEARCH_EXCLUDE.search(html) is not None
    )


_INLINE_TAG = re.compile(
    r"</?(?:" + "|".join(sorted(_INLINE_ELEMENTS, key=len, reverse=True)) + r")"
    rf"(?=[\s/>]){TAG_ATTRIBUTES}>",
    re.IGNORECASE,
)
# A "<" that starts no tag (Markdown writes &lt;), or a tag that does not end before the next
# "<": removing the inline tag after it could join it to the text that follows.
_STRAY_LT = re.compile(r"<(?![A-Za-z/!?])|<[^>]*<")
# A ">" in a quoted attribute value: the tag goes on past it, and what looks like a comment or
# the end of the HTML after it may be inside the tag; only the open elements can tell.
_QUOTED_GT = re.compile(r"""=[ \t\n\r\f]*(?:"[^"<]*>|'[^'<]*>)""")
# A whole <img> tag: one never ended, at the end of the HTML, shows nothing.
_IMAGE_TAG = re.compile(rf"<img(?=[\s/>]){TAG_ATTRIBUTES}>", re.IGNORECASE)
_NOT_TAGS = re.compile(r"<!--.*?(?:-->|\Z)|<[!?/](?![A-Za-z])[^>]*>?|<[!?][^>]*>?", re.DOTALL)


def _count_flat(html: str) -> Reading:
    """:func:`count_reading` of HTML with nothing skipped in it: comments, declarations and
    unfinished tags read as nothing, inline tags join the text around them, and every other
    tag separates words."""
    without_comments = _NOT_TAGS.sub("", html)
    text = _MARKUP.sub(" ", _INLINE_TAG.sub("", without_comments))
    visible = html_module.unescape(text)
    return Reading(
        words=len(_WORD.findall(visible)),
        # No CJK character is ASCII, and isascii() is one fast look at the string.
        characters=0 if visible.isascii() else len(_CJK_CHARACTER.findall(visible)),
        images=len(_IMAGE_TAG.findall(without_comments)),
    )


# A comment (maybe unfinished), a start or end tag (its attribute values may hold ">"), a
# declaration or processing instruction, or a tag left unfinished at the end of the HTML: with
# no ">" of its own (one in a quoted value does not end it, `<a title='>'`), or in the middle
# of a quoted value. A browser reads nothing of such a tag.
_MARKUP = re.compile(
    r"<!--.*?(?:-->|\Z)"
    rf"|<(/?)([A-Za-z][^\s/>]*)({TAG_ATTRIBUTES})>"
    r"|<[!?/][^>]*>?"
    rf"|<[A-Za-z][^\s/>]*{TAG_ATTRIBUTES}"
    r"""(?:[^\s/>=][^\s/>=]*\s*=\s*(?:"[^"]*|'[^']*)?)?\Z""",
    re.DOTALL,
)
_RAW_TEXT_ELEMENTS = frozenset({"script", "style"})
_RAW_TEXT_ENDS = {tag: re.compile(f"</{tag}[\\s/>]", re.IGNORECASE) for tag in _RAW_TEXT_ELEMENTS}
_AD_SLOT_CLASS = re.compile(
    r"""\b(?i:class)\s*=\s*(?:"[^"]*\bad-slot\b[^"]*"|'[^']*\bad-slot\b[^']*'|ad-slot\b)"""
)


def _raw_text_end(tag: str) -> re.Pattern[str]:
    return _RAW_TEXT_ENDS[tag]


def _is_ad_slot(attributes: str) -> bool:
    """An ad slot: the class ``ad-slot`` or the attribute ``data-search-exclude`` (attribute
    names in any case, as in HTML; class names are case-sensitive)."""
    if "data-search-exclude" in attributes.lower():
        return True
    return "ad-slot" in attributes and _AD_SLOT_CLASS.search(attributes) is not None


def minutes(
    reading: Reading,
    *,
    words_per_minute: int = DEFAULT_WORDS_PER_MINUTE,
    characters_per_minute: int = DEFAULT_CHARACTERS_PER_MINUTE,
) -> int:
    """The whole minutes ``reading`` takes, rounded up, at least 1."""
    if words_per_minute <= 0 or characters_per_minute <= 0:
        raise ValueError(
            "reading rates must be positive: "
            f"words_per_minute={words_per_minute!r}, "
            f"characters_per_minute={characters_per_minute!r}"
        )
    # Exact fractions: a float sum can land a hair above a whole minute and round up past it.
    seconds = (
        Fraction(reading.words * 60, words_per_minute)
        + Fraction(reading.characters * 60, characters_per_minute)
        + _image_seconds(reading.images)
    )
    return max(1, math.ceil(seconds / 60))


def read_time(
    html: str,
    *,
    words_per_minute: int = DEFAULT_WORDS_PER_MINUTE,
    characters_per_minute: int = DEFAULT_CHARACTERS_PER_MINUTE,
) -> int:
    """The whole minutes a post's rendered HTML body takes to read, at least 1."""
    return minutes(
        count_reading(html),
        words_per_minute=words_per_minute,
        characters_per_minute=characters_per_minute,
    )


def _image_seconds(images: int) -> int:
    """12 s for the first image, one less for each next one down to 3 s, then 3 s each."""
    tapering = min(images, 10)  # 12, 11, ..., 3: ten images
    return 12 * tapering - tapering * (tapering - 1) // 2 + 3 * (images - tapering)
