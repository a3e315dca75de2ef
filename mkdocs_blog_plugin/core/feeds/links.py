"""Absolute links for HTML that leaves its page: a feed reader has no base URL to resolve a
post's relative links against."""

from __future__ import annotations

import html as html_module
import re
from urllib.parse import urljoin

from mkdocs_blog_plugin.core.excerpt import (
    _ATTRIBUTE,
    _HTML_SPACE,
    _MARKUP,
    _RAW_TEXT_END,
    _SCHEME,
    _SRCSET_SEPARATORS,
    _SRCSET_URL,
)

_URL_ATTRIBUTES = frozenset({"href", "src", "poster"})


def absolute_links(html: str, base_url: str) -> str:
    """``html``, rendered for the page at the absolute URL ``base_url``, with its relative
    links resolved against that URL (:func:`urllib.parse.urljoin`).

    Resolved: the URLs in ``href``, ``src``, ``srcset`` (each candidate) and ``poster``
    attributes of start tags: ``../x``, ``/x``, ``//host/x``, ``?q``, and ``#frag``, which
    becomes ``base_url#frag``. Left alone: URLs with a scheme (``https:``, ``mailto:``,
    ``data:``..., also when written with character references, as Python-Markdown hides an
    e-mail address), an empty value, and everything outside start tags, in comments and inside
    ``script``, ``style`` and ``textarea``. Tags and attributes are found as
    :func:`~mkdocs_blog_plugin.core.excerpt.rebase_links` finds them.
    """
    pieces: list[str] = []
    position = 0
    while True:
        match = _MARKUP.search(html, position)
        if match is None:
            break
        pieces.append(html[position : match.start()])
        position = match.end()
        name = match["name"]
        if name is None:  # a comment
            pieces.append(match[0])
            continue
        pieces.append(html[match.start() : match.start("attributes")])
        pieces.append(
            _ATTRIBUTE.sub(lambda attribute: _attribute(attribute, base_url), match["attributes"])
        )
        pieces.append(">")
        raw_text_end = _RAW_TEXT_END.get(name.lower())
        if raw_text_end is not None:
            end = raw_text_end.search(html, position)
            stop = end.start() if end else len(html)
            pieces.append(html[position:stop])
            position = stop
    pieces.append(html[position:])
    return "".join(pieces)


def _attribute(match: re.Match[str], base_url: str) -> str:
    value = match["value"]
    name = match["name"].lower()
    if value is None or (name not in _URL_ATTRIBUTES and name != "srcset"):
        return match[0]
    quote = value[0] if value[0] in "\"'" else ""
    inner = value[1:-1] if quote else value
    resolved = _srcset(inner, base_url) if name == "srcset" else _url(inner, base_url)
    return f"{match['name']}{match['equals']}{quote}{resolved}{quote}"


def _srcset(value: str, base_url: str) -> str:
    """Each candidate's URL resolved, candidates parsed as HTML does: a URL is a run of
    non-space characters (commas at its end aside), then descriptors up to the next comma."""
    pieces: list[str] = []
    position = 0
    while position < len(value):
        separators = _SRCSET_SEPARATORS.match(value, position)
        assert separators is not None  # the pattern matches the empty string
        pieces.append(separators[0])
        position = separators.end()
        url = _SRCSET_URL.match(value, position)
        if url is None:
            break
        position = url.end()
        core = url[0].rstrip(",")
        pieces.append(_url(core, base_url) + url[0][len(core) :])
        if len(core) < len(url[0]):
            continue  # "a.png," has no descriptors
        comma = value.find(",", position)
        descriptors_end = len(value) if comma < 0 else comma
        pieces.append(value[position:descriptors_end])
        position = descriptors_end
    return "".join(pieces)


def _url(value: str, base_url: str) -> str:
    link = value.strip(_HTML_SPACE)
    if not link or _SCHEME.match(html_module.unescape(link)):
        return value
    start = value.find(link)
    return value[:start] + urljoin(base_url, link) + value[start + len(link) :]
