"""The <head> metadata of blog pages: Open Graph, Twitter card and JSON-LD."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import unicodedata
from html.parser import HTMLParser
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mkdocs_blog_plugin.core.metadata import (
    HEADLINE_LIMIT,
    PageFacts,
    clean_text,
    head_tags,
    json_ld,
    json_ld_script,
    og_locale,
)

UTC = dt.timezone.utc
PUBLISHED = dt.datetime(2024, 6, 30, 9, 15, tzinfo=UTC)
MODIFIED = dt.datetime(2024, 7, 2, 18, 0, tzinfo=UTC)
BLOG = "https://example.com/blog/"

POST = PageFacts(
    kind="post",
    title="Hello & welcome",
    url="https://example.com/blog/2024/06/30/hello/",
    description="A first post.",
    site_name="Example",
    language="pt-BR",
    image="https://example.com/blog/hero.png",
    image_alt="A hero",
    published=PUBLISHED,
    modified=MODIFIED,
    authors=(("Ada", "https://example.com/ada/"), ("Bob", None)),
    tags=("python", "mkdocs"),
    section="News",
    blog_url=BLOG,
)
LISTING = PageFacts(
    kind="listing",
    title="Tag: python",
    url="https://example.com/blog/tags/python/",
    description=None,
    site_name="Example",
    language="en",
    image=None,
    image_alt=None,
    published=None,
    modified=None,
    authors=(),
    tags=(),
    section=None,
    blog_url=BLOG,
    items=(("Hello", "https://example.com/blog/2024/06/30/hello/"), ("Two", BLOG + "two/")),
)
INDEX = dataclasses.replace(LISTING, title="Blog", url=BLOG)


class Head(HTMLParser):
    """The metas (attribute, key, content) and the scripts (attributes, text) of some HTML."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.metas: list[tuple[str, str, str | None]] = []
        self.scripts: list[tuple[dict[str, str | None], str]] = []
        self.others: list[str] = []
        self._script: dict[str, str | None] | None = None
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "meta":
            key = "property" if "property" in found else "name"
            self.metas.append((key, found[key] or "", found.get("content")))
        elif tag == "script":
            self._script = found
            self.scripts.append((found, ""))
        else:
            self.others.append(tag)

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            attrs, text = self.scripts[-1]
            self.scripts[-1] = (attrs, text + data)
        elif data.strip():
            self.others.append(f"text:{data}")

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._script = None

    def content(self, key: str) -> list[str | None]:
        return [content for _, name, content in self.metas if name == key]


def meta_dict(html: str) -> dict[str, list[str | None]]:
    head = Head(html)
    out: dict[str, list[str | None]] = {}
    for _, key, content in head.metas:
        out.setdefault(key, []).append(content)
    return out


# --- Open Graph and Twitter ----------------------------------------------------------------


def test_post_tags() -> None:
    html = head_tags(POST)
    head = Head(html)
    assert head.others == []
    assert [(attribute, key) for attribute, key, _ in head.metas] == [
        ("property", "og:title"),
        ("property", "og:description"),
        ("property", "og:type"),
        ("property", "og:url"),
        ("property", "og:site_name"),
        ("property", "og:locale"),
        ("property", "og:image"),
        ("property", "og:image:alt"),
        ("property", "article:published_time"),
        ("property", "article:modified_time"),
        ("property", "article:author"),
        ("property", "article:author"),
        ("property", "article:tag"),
        ("property", "article:tag"),
        ("property", "article:section"),
        ("name", "twitter:card"),
        ("name", "twitter:title"),
        ("name", "twitter:description"),
        ("name", "twitter:image"),
    ]
    metas = meta_dict(html)
    assert metas["og:title"] == ["Hello & welcome"]
    assert metas["og:type"] == ["article"]
    assert metas["og:locale"] == ["pt_BR"]
    assert metas["article:published_time"] == ["2024-06-30T09:15:00+00:00"]
    assert metas["article:modified_time"] == ["2024-07-02T18:00:00+00:00"]
    assert metas["article:author"] == ["Ada", "Bob"]
    assert metas["article:tag"] == ["python", "mkdocs"]
    assert metas["twitter:card"] == ["summary_large_image"]
    assert 'content="Hello &amp; welcome"' in html
    assert len(head.scripts) == 1
    attrs, text = head.scripts[0]
    assert attrs == {"type": "application/ld+json"}
    assert json.loads(text) == json_ld(POST)
    assert html.endswith("</script>")


def test_listing_tags() -> None:
    metas = meta_dict(head_tags(LISTING))
    assert metas["og:type"] == ["website"]
    assert metas["og:locale"] == ["en"]
    assert metas["twitter:card"] == ["summary"]
    # No description, no image, and no article:* on a listing.
    assert not {"og:description", "og:image", "twitter:image", "twitter:description"} & set(metas)
    assert not [key for key in metas if key.startswith("article:")]


def test_never_writes_description_or_canonical() -> None:
    for facts in (POST, LISTING, INDEX):
        html = head_tags(facts)
        head = Head(html)
        assert "description" not in {key for _, key, _ in head.metas}
        assert "canonical" not in html
        assert "<link" not in html


def test_twitter_off() -> None:
    metas = meta_dict(head_tags(POST, twitter=False))
    assert not [key for key in metas if key.startswith("twitter:")]
    assert "og:title" in metas


def test_empty_values_are_left_out() -> None:
    facts = dataclasses.replace(
        POST,
        description="  \x00 ",
        image="",
        image_alt="alt of no image",
        section=None,
        tags=("", "\x01", "a", "a"),
        authors=(("\x7f", None), ("Ada", None), ("Ada", "https://x/")),
        modified=None,
        language="not a language!",
    )
    metas = meta_dict(head_tags(facts))
    for key in ("og:description", "og:image", "og:image:alt", "article:section", "og:locale"):
        assert key not in metas
    assert "article:modified_time" not in metas
    assert metas["article:tag"] == ["a"]
    assert metas["article:author"] == ["Ada"]
    assert metas["twitter:card"] == ["summary"]


@pytest.mark.parametrize(
    ("language", "locale"),
    [
        ("en", "en"),
        ("pt-BR", "pt_BR"),
        ("pt_br", "pt_BR"),
        ("EN-us", "en_US"),
        ("zh-hant-tw", "zh_Hant_TW"),
        ("es-419", "es_419"),
        (" fr ", "fr"),
        (None, None),
        ("", None),
        ("e", None),
        ("en-", None),
        ('en"><script>', None),
    ],
)
def test_og_locale(language: str | None, locale: str | None) -> None:
    assert og_locale(language) == locale


# --- Dedupe against the theme's <head> -------------------------------------------------------


@pytest.mark.parametrize(
    "present",
    [
        '<meta property="og:title" content="Theirs">',
        "<meta property='og:title' content='Theirs'>",
        '<META PROPERTY="OG:TITLE" CONTENT="Theirs">',
        "<meta property=og:title content=Theirs>",
        '<meta name="og:title" content="Theirs" />',
        '<meta content="Theirs" property=" og:title ">',
    ],
)
def test_present_meta_is_not_written_twice(present: str) -> None:
    metas = meta_dict(head_tags(POST, present=f"<title>x</title>\n{present}\n"))
    assert "og:title" not in metas
    assert metas["twitter:title"] == ["Hello & welcome"]


@pytest.mark.parametrize(
    "present",
    [
        '<script type="application/ld+json">{}</script>',
        "<script type='application/ld+json'>{}</script>",
        '<SCRIPT TYPE="Application/LD+JSON">{}</SCRIPT>',
        "<script type=application/ld+json>{}</script>",
    ],
)
def test_present_json_ld_is_not_written_twice(present: str) -> None:
    html = head_tags(POST, present=present)
    assert Head(html).scripts == []
    assert "og:title" in meta_dict(html)


def test_present_twitter_and_repeated_tags() -> None:
    present = (
        "<meta name='twitter:card' content='summary'>"
        '<meta property="article:tag" content="theirs">'
        '<meta property="og:image" content="https://example.com/theirs.png">'
    )
    metas = meta_dict(head_tags(POST, present=present))
    assert "twitter:card" not in metas
    assert "article:tag" not in metas  # none of ours beside theirs
    assert "og:image" not in metas
    assert "og:image:alt" not in metas  # our alt would describe their image
    assert metas["twitter:image"] == ["https://example.com/blog/hero.png"]
    assert metas["article:author"] == ["Ada", "Bob"]


def test_present_everything() -> None:
    html = head_tags(POST)
    assert head_tags(POST, present=html) == ""


def test_present_ignores_comments_scripts_and_other_tags() -> None:
    present = (
        '<!-- <meta property="og:title" content="x"> -->'
        '<script>var s = \'<meta property="og:url" content="x">\';</script>'
        '<link property="og:type" href="x">'
        '<meta itemprop="og:site_name" content="x">'
        '<script type="text/javascript">{}</script>'
        '<meta name="description" content="Material\'s">'
    )
    html = head_tags(POST, present=present)
    metas = meta_dict(html)
    for key in ("og:title", "og:url", "og:type", "og:site_name"):
        assert key in metas
    assert len(Head(html).scripts) == 1


# --- JSON-LD ---------------------------------------------------------------------------------


def test_json_ld_post() -> None:
    assert json_ld(POST) == {
        "@context": "https://schema.org",
        "@type": "BlogPosting",
        "headline": "Hello & welcome",
        "description": "A first post.",
        "datePublished": "2024-06-30T09:15:00+00:00",
        "dateModified": "2024-07-02T18:00:00+00:00",
        "author": [
            {"@type": "Person", "name": "Ada", "url": "https://example.com/ada/"},
            {"@type": "Person", "name": "Bob"},
        ],
        "image": "https://example.com/blog/hero.png",
        "keywords": "python, mkdocs",
        "url": "https://example.com/blog/2024/06/30/hello/",
        "mainEntityOfPage": "https://example.com/blog/2024/06/30/hello/",
        "isPartOf": {"@type": "Blog", "url": BLOG},
        "inLanguage": "pt-BR",
    }


def test_json_ld_post_sparse() -> None:
    facts = dataclasses.replace(
        POST,
        description=None,
        image=None,
        modified=None,
        authors=(),
        tags=(),
        blog_url=None,
        language=None,
    )
    assert json_ld(facts) == {
        "@context": "https://schema.org",
        "@type": "BlogPosting",
        "headline": "Hello & welcome",
        "datePublished": "2024-06-30T09:15:00+00:00",
        "dateModified": "2024-06-30T09:15:00+00:00",  # falls back to published
        "url": POST.url,
        "mainEntityOfPage": POST.url,
    }
    undated = json_ld(dataclasses.replace(facts, published=None))
    assert "datePublished" not in undated
    assert "dateModified" not in undated


def test_json_ld_listing() -> None:
    assert json_ld(LISTING) == {
        "@context": "https://schema.org",
        "@type": "CollectionPage",
        "name": "Tag: python",
        "url": "https://example.com/blog/tags/python/",
        "isPartOf": {"@type": "Blog", "url": BLOG},
        "inLanguage": "en",
        "mainEntity": {
            "@type": "ItemList",
            "itemListElement": [
                {
                    "@type": "ListItem",
                    "position": 1,
                    "url": "https://example.com/blog/2024/06/30/hello/",
                    "name": "Hello",
                },
                {"@type": "ListItem", "position": 2, "url": BLOG + "two/", "name": "Two"},
            ],
        },
    }
    empty = json_ld(dataclasses.replace(LISTING, items=(), description="Posts tagged."))
    assert "mainEntity" not in empty
    assert empty["description"] == "Posts tagged."


@pytest.mark.parametrize("url", [BLOG, BLOG.rstrip("/"), BLOG + "index.html"])
def test_json_ld_blog_index(url: str) -> None:
    data = json_ld(dataclasses.replace(INDEX, url=url))
    assert data == {
        "@context": "https://schema.org",
        "@type": "Blog",
        "name": "Blog",
        "url": url,
        "inLanguage": "en",
        "blogPost": [
            {
                "@type": "BlogPosting",
                "headline": "Hello",
                "url": "https://example.com/blog/2024/06/30/hello/",
            },
            {"@type": "BlogPosting", "headline": "Two", "url": BLOG + "two/"},
        ],
    }


def test_json_ld_second_index_page_is_a_collection() -> None:
    data = json_ld(dataclasses.replace(INDEX, url=BLOG + "page/2/"))
    assert data["@type"] == "CollectionPage"
    assert data["isPartOf"] == {"@type": "Blog", "url": BLOG}


def test_kind_is_checked() -> None:
    with pytest.raises(ValueError, match="kind"):
        dataclasses.replace(POST, kind="page")


@pytest.mark.parametrize(
    ("title", "headline"),
    [
        ("Short", "Short"),
        ("x" * HEADLINE_LIMIT, "x" * HEADLINE_LIMIT),
        ("word " * 30, "word " * 21 + "word…"),  # 109 characters of words, then …
        ("a" * 200, "a" * (HEADLINE_LIMIT - 1) + "…"),  # one word: cut inside it
        ("ab " * 36 + "abcdefgh", ("ab " * 36).rstrip() + "…"),
        ("word, " * 25, ("word, " * 18).rstrip(" ,") + "…"),
    ],
)
def test_headline(title: str, headline: str) -> None:
    data = json_ld(dataclasses.replace(POST, title=title))
    assert data["headline"] == headline
    assert len(data["headline"]) <= HEADLINE_LIMIT
    # The og:title keeps the whole title.
    assert meta_dict(head_tags(dataclasses.replace(POST, title=title)))["og:title"] == [
        title.strip()
    ]


# --- The script ------------------------------------------------------------------------------


def test_json_ld_script_escapes() -> None:
    data = {
        "a": "</script><!-- --> & \u2028\u2029 \x7f\x85 é 😀",
        "b": ["</SCRIPT", {"<k>": "\ud800 \udfff"}],
        "n": [1, 2.5, True, None],
    }
    html = json_ld_script(data)
    assert html.startswith('<script type="application/ld+json">')
    assert html.endswith("</script>")
    body = html[len('<script type="application/ld+json">') : -len("</script>")]
    for char in "<>&\u2028\u2029\x7f\x85\ud800\udfff":
        assert char not in body
    assert "\\u003c/script\\u003e" in body
    assert "\\u0026" in body
    assert "\\u2028\\u2029" in body
    assert "é 😀" in body  # ensure_ascii=False
    assert json.loads(body) == data
    body.encode("utf-8")  # no lone surrogates left
    assert json_ld_script(data) == html  # deterministic


def test_json_ld_script_refuses_nan() -> None:
    with pytest.raises(ValueError):
        json_ld_script({"x": float("nan")})


# --- Cleaning --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "cleaned"),
    [
        (None, ""),
        ("", ""),
        ("plain", "plain"),
        ("  padded  ", "padded"),
        ("a\x00b\x1fc\x7fd\x9fe", "abcde"),
        ("line\none", "line one"),
        ("a \n\t b", "a b"),
        ("a\r\n\x00\nb", "a b"),
        ("a  b", "a  b"),  # ordinary spaces are kept
        ("lone \ud800 high", "lone  high"),
        ("\udc00x", "x"),
        ("pair \ud83d\ude00", "pair 😀"),  # joined
        ("emoji 😀 ok", "emoji 😀 ok"),
        ("non\ufffechar\U0010ffff", "nonchar"),
        ("</script> & \"'", "</script> & \"'"),  # escaping is the writer's job
    ],
)
def test_clean_text(value: str | None, cleaned: str) -> None:
    assert clean_text(value) == cleaned


# --- Properties over hostile text --------------------------------------------------------------

HOSTILE = [
    "</script>",
    "</SCRIPT ",
    "<!--",
    "-->",
    "<script>",
    "]]>",
    '"',
    "'",
    "&",
    "&amp;",
    "&#x27;",
    "&lt;",
    "<",
    ">",
    "\\",
    "\\u003c",
    "\x00",
    "\x01",
    "\x1b",
    "\x7f",
    "\x85",
    "\x9f",
    "\t",
    "\n",
    "\r",
    "\u2028",
    "\u2029",
    "\ufeff",
    "\u202e",
    "\ufffe",
    "\ud800",
    "\udfff",
    "\ud83d\ude00",
    "😀",
    "👩‍👩‍👧",
    " ",
    "word ",
]
hostile_text = st.lists(
    st.one_of(
        st.sampled_from(HOSTILE),
        st.characters(codec=None),
        st.characters(categories=["Cc", "Cs", "Zl", "Zp", "Cf"]),
    ),
    max_size=40,
).map("".join)
maybe = st.none() | hostile_text
dates = st.none() | st.datetimes(
    min_value=dt.datetime(1990, 1, 1), timezones=st.one_of(st.none(), st.timezones())
)

facts_strategy = st.builds(
    PageFacts,
    kind=st.sampled_from(["post", "listing"]),
    title=hostile_text,
    url=st.sampled_from([BLOG, BLOG + "post/", BLOG + "tags/a/"]) | hostile_text,
    description=maybe,
    site_name=hostile_text,
    language=st.sampled_from([None, "en", "pt-BR", "zh_hant_TW"]) | maybe,
    image=maybe,
    image_alt=maybe,
    published=dates,
    modified=dates,
    authors=st.lists(st.tuples(hostile_text, maybe), max_size=3).map(tuple),
    tags=st.lists(hostile_text, max_size=4).map(tuple),
    section=maybe,
    blog_url=st.sampled_from([None, BLOG]) | maybe,
    items=st.lists(st.tuples(hostile_text, hostile_text), max_size=3).map(tuple),
)


def unclean(value: str) -> bool:
    return any(
        unicodedata.category(char) in ("Cc", "Cs")
        or char in "\ufffe\uffff"
        or 0xFDD0 <= ord(char) <= 0xFDEF
        for char in value
    )


def strings(data: Any) -> list[str]:
    if isinstance(data, str):
        return [data]
    if isinstance(data, dict):
        return [s for key, value in data.items() for s in [key, *strings(value)]]
    if isinstance(data, list):
        return [s for value in data for s in strings(value)]
    return []


def expected_metas(facts: PageFacts) -> dict[str, list[str]]:
    """What each meta should say: the cleaned input."""

    def one(value: str | None) -> list[str]:
        cleaned = clean_text(value)
        return [cleaned] if cleaned else []

    def many(values: list[str]) -> list[str]:
        return list(dict.fromkeys(v for v in map(clean_text, values) if v))

    image = clean_text(facts.image)
    post = facts.kind == "post"
    out = {
        "og:title": one(facts.title),
        "og:description": one(facts.description),
        "og:type": ["article" if post else "website"],
        "og:url": one(facts.url),
        "og:site_name": one(facts.site_name),
        "og:locale": one(og_locale(facts.language)),
        "og:image": one(image),
        "og:image:alt": one(facts.image_alt) if image else [],
        "twitter:card": ["summary_large_image" if image else "summary"],
        "twitter:title": one(facts.title),
        "twitter:description": one(facts.description),
        "twitter:image": one(image),
    }
    if post:
        out |= {
            "article:published_time": one(facts.published.isoformat() if facts.published else None),
            "article:modified_time": one(facts.modified.isoformat() if facts.modified else None),
            "article:author": many([name for name, _ in facts.authors]),
            "article:tag": many(list(facts.tags)),
            "article:section": one(facts.section),
        }
    return {key: value for key, value in out.items() if value}


@settings(max_examples=150, deadline=None)
@given(facts_strategy)
def test_head_tags_survive_hostile_text(facts: PageFacts) -> None:
    html = head_tags(facts)
    html.encode("utf-8")  # no surrogates: the page can be written
    head = Head(html)
    assert head.others == []  # nothing but metas and the script: no tag broke out
    assert meta_dict(html) == expected_metas(facts)
    assert len(head.scripts) == 1
    attrs, text = head.scripts[0]
    assert attrs == {"type": "application/ld+json"}
    lowered = text.lower()
    assert "</script" not in lowered
    assert "<!--" not in lowered
    assert "<" not in text
    data = json.loads(text)
    assert data == json_ld(facts)
    assert not [s for s in strings(data) if unclean(s)]
    headline = data.get("headline")
    assert headline is None or len(headline) <= HEADLINE_LIMIT
    # Twice the same answer, and nothing written twice beside itself.
    assert head_tags(facts) == html
    assert head_tags(facts, present=html) == ""


@settings(max_examples=150, deadline=None)
@given(hostile_text)
def test_clean_text_properties(value: str) -> None:
    cleaned = clean_text(value)
    assert not unclean(cleaned)
    assert clean_text(cleaned) == cleaned
    cleaned.encode("utf-8")


def joined(data: Any) -> Any:
    """``data`` with each surrogate pair joined: JSON's \\u escapes of one mean its character."""
    if isinstance(data, str):
        return data.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "surrogatepass")
    if isinstance(data, dict):
        return {joined(key): joined(value) for key, value in data.items()}
    if isinstance(data, list):
        return [joined(value) for value in data]
    return data


@settings(max_examples=150, deadline=None)
@given(
    st.recursive(
        st.none() | st.booleans() | st.integers() | hostile_text,
        lambda children: (
            st.lists(children, max_size=4) | st.dictionaries(hostile_text, children, max_size=4)
        ),
        max_leaves=12,
    )
)
def test_json_ld_script_round_trips(value: Any) -> None:
    html = json_ld_script({"value": value})
    html.encode("utf-8")
    prefix, suffix = '<script type="application/ld+json">', "</script>"
    body = html[len(prefix) : -len(suffix)]
    assert "<" not in body
    assert ">" not in body
    assert "&" not in body
    assert json.loads(body) == {"value": joined(value)}
    head = Head(html)
    assert [text for _, text in head.scripts] == [body]
