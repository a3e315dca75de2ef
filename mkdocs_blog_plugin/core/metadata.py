"""The ``<head>`` metadata of blog pages: Open Graph, Twitter card and JSON-LD, as HTML strings.

Pure: no MkDocs imports. The plugin gathers a page's facts into a :class:`PageFacts`, and
:func:`head_tags` gives the tags to add to the page's ``<head>``, leaving out any the theme
already wrote (``present``). ``<meta name="description">`` and ``<link rel="canonical">`` are
the theme's (Material writes both): this module never writes them.

Every value is cleaned (:func:`clean_text`) before it is written: control characters, lone
surrogates and noncharacters cannot be carried by an HTML attribute or by UTF-8.
"""

from __future__ import annotations

import html as html_module
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from html import escape
from typing import Any

__all__ = [
    "HEADLINE_LIMIT",
    "PageFacts",
    "clean_text",
    "head_tags",
    "json_ld",
    "json_ld_script",
    "og_locale",
]

HEADLINE_LIMIT = 110
"""Google's limit on a BlogPosting's ``headline``, in characters."""

KINDS = frozenset({"post", "listing"})


@dataclass(frozen=True)
class PageFacts:
    """What the metadata of one blog page says. URLs are absolute."""

    kind: str
    """``"post"`` or ``"listing"`` (an index, archive, category or tag page)."""
    title: str
    url: str
    description: str | None
    site_name: str
    language: str | None
    """A BCP 47 tag such as ``"en"`` or ``"pt-BR"``."""
    image: str | None
    image_alt: str | None
    published: datetime | None
    modified: datetime | None
    authors: tuple[tuple[str, str | None], ...]
    """``(name, url or None)`` of each author."""
    tags: tuple[str, ...]
    section: str | None
    """The post's first category."""
    blog_url: str | None
    """The blog index's URL: the page is part of that blog (the index itself when equal)."""
    items: tuple[tuple[str, str], ...] = ()
    """Listings: ``(title, url)`` of the posts on the page, in order."""

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"PageFacts.kind must be 'post' or 'listing', not {self.kind!r}")


# --- Cleaning -------------------------------------------------------------------------------

_NONCHARACTERS = "\ufdd0-\ufdef\ufffe\uffff" + "".join(
    chr(plane << 16 | 0xFFFE) + chr(plane << 16 | 0xFFFF) for plane in range(1, 17)
)
# C0 and C1 controls other than the line-breaking ones, DEL, surrogates, noncharacters.
_BAD = re.compile(f"[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff{_NONCHARACTERS}]")
# A run of whitespace holding a line break or tab becomes one space.
_CONTROL_SPACE = re.compile("[ \t\n\x0b\x0c\r\x85]*[\t\n\x0b\x0c\r\x85][ \t\n\x0b\x0c\r\x85]*")
_SURROGATE = re.compile("[\ud800-\udfff]")


def clean_text(value: str | None) -> str:
    """``value`` without what HTML attributes and UTF-8 cannot carry, stripped; ``""`` for None.

    Surrogate pairs (as a YAML or JSON reader without a UTF-16 decoder may leave them) are
    joined into their character first; lone surrogates, control characters and noncharacters
    are removed; whitespace runs holding a tab or line break become one space.
    """
    if not value:
        return ""
    if _SURROGATE.search(value):
        value = value.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "surrogatepass")
    value = _BAD.sub("", value)
    value = _CONTROL_SPACE.sub(" ", value)
    return value.strip()


_LANGUAGE = re.compile(r"[A-Za-z]{2,8}(?:[-_][A-Za-z0-9]{1,8})*")


def _language_parts(language: str | None) -> list[str] | None:
    text = clean_text(language)
    if not _LANGUAGE.fullmatch(text):
        return None
    parts = re.split(r"[-_]", text)
    out = [parts[0].lower()]
    for part in parts[1:]:
        if len(part) == 2 and part.isalpha():
            out.append(part.upper())  # region
        elif len(part) == 4 and part.isalpha():
            out.append(part.title())  # script
        else:
            out.append(part)
    return out


def og_locale(language: str | None) -> str | None:
    """The Open Graph locale of a BCP 47 tag: ``"pt-BR"`` -> ``"pt_BR"``; None if malformed."""
    parts = _language_parts(language)
    return "_".join(parts) if parts else None


def _in_language(language: str | None) -> str | None:
    parts = _language_parts(language)
    return "-".join(parts) if parts else None


def _headline(title: str, limit: int = HEADLINE_LIMIT) -> str:
    """``title`` in at most ``limit`` characters: cut after a whole word, then "…"."""
    if len(title) <= limit:
        return title
    cut = title[: limit - 1]
    if not title[limit - 1].isspace():
        # The cut falls inside a word (or right after one): back off to its start.
        last_space = re.search(r"\s\S*\Z", cut)
        if last_space and last_space.start() > 0:
            cut = cut[: last_space.start()]
    cut = cut.rstrip().rstrip(",;:-–—").rstrip() or title[: limit - 1]
    return cut + "…"


def _date(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def _same_url(a: str, b: str) -> bool:
    def norm(url: str) -> str:
        url = url.strip()
        if url.endswith("/index.html"):
            url = url[: -len("index.html")]
        return url.rstrip("/")

    return bool(a) and bool(b) and norm(a) == norm(b)


def _unique(values: tuple[str, ...]) -> list[str]:
    return [value for value in dict.fromkeys(clean_text(value) for value in values) if value]


def _compact(data: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in data.items() if value is not None and value != ""}


# --- JSON-LD --------------------------------------------------------------------------------


def json_ld(facts: PageFacts) -> dict[str, Any]:
    """The schema.org description of the page: BlogPosting, Blog (the index) or CollectionPage.

    Keys whose value would be None or empty are left out; every string is cleaned.
    """
    title = clean_text(facts.title)
    url = clean_text(facts.url)
    blog_url = clean_text(facts.blog_url)
    description = clean_text(facts.description)
    language = _in_language(facts.language)
    part_of = {"@type": "Blog", "url": blog_url} if blog_url else None
    if facts.kind == "post":
        authors = []
        for name, author_url in facts.authors:
            author = _compact(
                {"@type": "Person", "name": clean_text(name), "url": clean_text(author_url)}
            )
            if "name" in author:
                authors.append(author)
        published = _date(facts.published)
        return _compact(
            {
                "@context": "https://schema.org",
                "@type": "BlogPosting",
                "headline": _headline(title),
                "description": description,
                "datePublished": published,
                "dateModified": _date(facts.modified) or published,
                "author": authors or None,
                "image": clean_text(facts.image),
                "keywords": ", ".join(_unique(facts.tags)),
                "url": url,
                "mainEntityOfPage": url,
                "isPartOf": part_of,
                "inLanguage": language,
            }
        )
    items = [(clean_text(item_title), clean_text(item_url)) for item_title, item_url in facts.items]
    items = [(item_title, item_url) for item_title, item_url in items if item_url]
    if _same_url(url, blog_url):
        posts = [
            _compact({"@type": "BlogPosting", "headline": _headline(item_title), "url": item_url})
            for item_title, item_url in items
        ]
        return _compact(
            {
                "@context": "https://schema.org",
                "@type": "Blog",
                "name": title,
                "url": url,
                "description": description,
                "inLanguage": language,
                "blogPost": posts or None,
            }
        )
    elements = [
        _compact({"@type": "ListItem", "position": position, "url": item_url, "name": item_title})
        for position, (item_title, item_url) in enumerate(items, start=1)
    ]
    main_entity = {"@type": "ItemList", "itemListElement": elements} if elements else None
    return _compact(
        {
            "@context": "https://schema.org",
            "@type": "CollectionPage",
            "name": title,
            "url": url,
            "description": description,
            "isPartOf": part_of,
            "inLanguage": language,
            "mainEntity": main_entity,
        }
    )


# Characters that could end the script (<), open a comment (<!--), close one (-->), be read
# as a reference (&), break JavaScript string literals (U+2028/9), or that HTML calls parse
# errors or UTF-8 cannot encode (C1 controls, DEL, surrogates, noncharacters). They are only
# ever inside JSON strings, where a \u escape means the same character.
_SCRIPT_UNSAFE = re.compile(f"[<>&\x7f-\x9f\u2028\u2029\ud800-\udfff{_NONCHARACTERS}]")


def _json_escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code > 0xFFFF:
        code -= 0x10000
        return f"\\u{0xD800 | code >> 10:04x}\\u{0xDC00 | code & 0x3FF:04x}"
    return f"\\u{code:04x}"


def json_ld_script(data: Mapping[str, Any]) -> str:
    """``data`` as a ``<script type="application/ld+json">`` element.

    Keys keep their order (``json_ld`` puts ``@context`` and ``@type`` first), so the output
    is deterministic. The JSON can neither end the script nor open a comment, and
    ``json.loads`` of the script's text gives ``data`` back (lone surrogates included; a
    high surrogate followed by a low one reads back as the one character they encode, as
    JSON means them). NaN and infinities raise ``ValueError``: JSON has no such numbers.
    """
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    text = _SCRIPT_UNSAFE.sub(_json_escape, text)
    return f'<script type="application/ld+json">{text}</script>'


# --- Tags -----------------------------------------------------------------------------------


@dataclass
class _PresentTags:
    """The ``property``/``name`` of the metas in some HTML, and whether it has JSON-LD."""

    keys: set[str]
    json_ld: bool


# A comment; a script, its text skipped (it may hold "<meta" as text); a <meta> start tag
# (attribute values may hold ">"); and one attribute, quoted either way or not at all.
_ATTRIBUTES = r"""((?:[^>"']|"[^"]*"|'[^']*')*)"""
_HEAD_TAG = re.compile(
    r"<!--.*?-->"
    rf"|<script\b{_ATTRIBUTES}>.*?(?:</script\s*>|\Z)"
    rf"|<meta\b{_ATTRIBUTES}>",
    re.IGNORECASE | re.DOTALL,
)
_HEAD_ATTRIBUTE = re.compile(r"""([^\s"'>/=]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))""")


def _attributes(text: str) -> dict[str, str]:
    found: dict[str, str] = {}
    for attribute in _HEAD_ATTRIBUTE.finditer(text):
        value = next((v for v in attribute.group(2, 3, 4) if v is not None), "")
        found.setdefault(attribute.group(1).lower(), html_module.unescape(value))
    return found


def _present(html: str) -> _PresentTags:
    """What the head already has: one pass of a regular expression over it (each page's head is
    read once, and ``html.parser`` would take most of this module's time)."""
    keys: set[str] = set()
    json_ld = False
    for match in _HEAD_TAG.finditer(html):
        script, meta = match.group(1), match.group(2)
        if script is not None:
            media_type = _attributes(script).get("type", "").split(";")[0].strip().lower()
            json_ld = json_ld or media_type == "application/ld+json"
        elif meta is not None:
            attributes = _attributes(meta)
            for name in ("property", "name"):
                if value := attributes.get(name, "").strip():
                    keys.add(value.lower())
    return _PresentTags(keys, json_ld)


def head_tags(facts: PageFacts, *, present: str = "", twitter: bool = True) -> str:
    """The Open Graph, Twitter card and JSON-LD tags of the page, one per line.

    ``present`` is the page's ``<head>`` as the theme wrote it: a meta whose ``property`` or
    ``name`` is already there (case-insensitively) is left out (all of a repeated one such as
    ``article:tag``), and so is the JSON-LD script when the page has one. ``twitter=False``
    leaves the Twitter card out.
    """
    found = _present(present)
    metas: list[tuple[str, str, str]] = []  # (attribute, its value, content)

    def add(attribute: str, key: str, content: str | None) -> bool:
        value = clean_text(content)
        if not value or key in found.keys:
            return False
        metas.append((attribute, key, value))
        return True

    post = facts.kind == "post"
    image = clean_text(facts.image)
    add("property", "og:title", facts.title)
    add("property", "og:description", facts.description)
    add("property", "og:type", "article" if post else "website")
    add("property", "og:url", facts.url)
    add("property", "og:site_name", facts.site_name)
    add("property", "og:locale", og_locale(facts.language))
    # The alt text describes our image: not one the theme wrote.
    if add("property", "og:image", image):
        add("property", "og:image:alt", facts.image_alt)
    if post:
        add("property", "article:published_time", _date(facts.published))
        add("property", "article:modified_time", _date(facts.modified))
        if "article:author" not in found.keys:
            for name in _unique(tuple(name for name, _ in facts.authors)):
                add("property", "article:author", name)
        if "article:tag" not in found.keys:
            for tag in _unique(facts.tags):
                add("property", "article:tag", tag)
        add("property", "article:section", facts.section)
    if twitter:
        add("name", "twitter:card", "summary_large_image" if image else "summary")
        add("name", "twitter:title", facts.title)
        add("name", "twitter:description", facts.description)
        add("name", "twitter:image", image)
    lines = [
        f'<meta {attribute}="{key}" content="{escape(value, quote=True)}">'
        for attribute, key, value in metas
    ]
    if not found.json_ld:
        lines.append(json_ld_script(json_ld(facts)))
    return "\n".join(lines)
