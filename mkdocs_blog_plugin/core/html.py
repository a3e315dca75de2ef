"""Facts of HTML that the modules reading rendered posts share."""

from __future__ import annotations

import re
from collections.abc import Callable

VOID_ELEMENTS = frozenset(
    {
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
    }
)
"""Elements that never have an end tag (HTML Living Standard, "void elements")."""

# An attribute of a start tag: its name, and its value (quoted either way, or not at all).
ATTRIBUTE = re.compile(
    r"""(?P<name>[^\s"'>/=]+)(?:(?P<equals>\s*=\s*)(?P<value>"[^"]*"|'[^']*'|[^\s"'=<>`]+))?"""
)
TAG_ATTRIBUTES = (
    r"""(?:\s+(?!\s)|/|(?:=|[^\s/>=])[^\s/>=]*(?![^\s/>=])"""
    r"""(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>][^\s>]*(?![^\s>])|(?=>))|(?!\s*=)))*"""
)
"""What follows a tag's name up to its ``>``, as HTML reads it: spaces, slashes and attributes,
whose values may be quoted and then hold ``>``. A quote opens a value only after ``=``;
anywhere else it is part of an attribute's name (``<a '>`` is a whole tag, as browsers read
it). Each piece can be read in one way only, so a tag that never ends is given up on in time
that grows linearly with its length."""
# A comment, or a start tag (whose quoted attribute values may hold ">").
_MARKUP = re.compile(
    r"<!--.*?(?:-->|\Z)"
    rf"|<(?P<name>[a-zA-Z][^\s/>]*)(?P<attributes>{TAG_ATTRIBUTES})>",
    re.DOTALL,
)
_RAW_TEXT_END = {
    name: re.compile(rf"</{name}[\s/>]", re.IGNORECASE) for name in ("script", "style", "textarea")
}
_SRCSET_SEPARATORS = re.compile(r"[\s,]*")
_SRCSET_URL = re.compile(r"\S+")
SCHEME = re.compile(r"[a-zA-Z][a-zA-Z0-9+.\-]*:")
"""What a URL with a scheme (``https:``, ``mailto:``) starts with."""
HTML_SPACE = " \t\n\r\f"


def rewrite_urls(html: str, rewrite: Callable[[str], str], attributes: frozenset[str]) -> str:
    """``html`` with every URL in the ``attributes`` of its start tags (and each candidate of a
    ``srcset``) passed through ``rewrite``, which gets the value as written, unquoted. Nothing
    outside start tags is touched: text, comments, and what ``script``, ``style`` and
    ``textarea`` hold."""
    pieces: list[str] = []
    position = 0

    def attribute(match: re.Match[str]) -> str:
        value = match["value"]
        name = match["name"].lower()
        if value is None or (name not in attributes and name != "srcset"):
            return match[0]
        quote = value[0] if value[0] in "\"'" else ""
        inner = value[1:-1] if quote else value
        rewritten = _srcset(inner, rewrite) if name == "srcset" else rewrite(inner)
        return f"{match['name']}{match['equals']}{quote}{rewritten}{quote}"

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
        pieces.append(ATTRIBUTE.sub(attribute, match["attributes"]))
        pieces.append(">")
        raw_text_end = _RAW_TEXT_END.get(name.lower())
        if raw_text_end is not None:
            end = raw_text_end.search(html, position)
            stop = end.start() if end else len(html)
            pieces.append(html[position:stop])
            position = stop
    pieces.append(html[position:])
    return "".join(pieces)


def _srcset(value: str, rewrite: Callable[[str], str]) -> str:
    """Each candidate's URL rewritten, parsed as HTML does: a URL is a run of non-space
    characters (commas at its end aside), then descriptors up to the next comma."""
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
        pieces.append(rewrite(core) + url[0][len(core) :])
        if len(core) < len(url[0]):
            continue  # "a.png," has no descriptors
        comma = value.find(",", position)
        descriptors_end = len(value) if comma < 0 else comma
        pieces.append(value[position:descriptors_end])
        position = descriptors_end
    return "".join(pieces)
