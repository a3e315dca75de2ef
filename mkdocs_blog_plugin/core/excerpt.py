"""A post's excerpt: the HTML before its separator, made fit to show on another page.

:func:`split_excerpt` cuts a post's rendered HTML at its separator (``<!-- more -->``), always
between top-level elements, so that the excerpt is balanced. :func:`rebase_links` rewrites the
relative links of HTML rendered for one page so that they work on another (an excerpt on a
listing page), and :func:`clean_excerpt` takes out what belongs to the post's own page only:
permalink anchors, ad slots, heading ids.

Elements are tracked as a browser would, roughly: void elements (``<br>``, ``<img>``...) hold
nothing, a self-closed tag (``<br/>``, an SVG ``<path/>``) holds nothing, an end tag closes the
nearest open element of its name and every element still open inside it, an end tag with no open
element of its name is ignored, and a block starting inside a ``<p>`` (``<p>a<div>``), or a list
item inside a list item, closes it first.
"""

from __future__ import annotations

import bisect
import html
import itertools
import posixpath
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from mkdocs_blog_plugin.core.html import ATTRIBUTE, HTML_SPACE, SCHEME, rewrite_urls
from mkdocs_blog_plugin.core.html import VOID_ELEMENTS as _VOID_ELEMENTS

DEFAULT_SEPARATOR = "<!-- more -->"

# Blocks whose start tag closes an open <p>, as in HTML's parsing rules.
_CLOSES_P = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "details",
        "dialog",
        "dd",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hgroup",
        "hr",
        "li",
        "main",
        "menu",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "ul",
    ]
)
# An open element (key) that the start tag of one of its values closes first: HTML's implied
# end tags, the common ones.
_CLOSED_BY_START: dict[str, frozenset[str]] = {
    "p": _CLOSES_P,
    "li": frozenset({"li"}),
    "dt": frozenset({"dt", "dd"}),
    "dd": frozenset({"dt", "dd"}),
    "td": frozenset({"td", "th", "tr", "tbody", "thead", "tfoot"}),
    "th": frozenset({"td", "th", "tr", "tbody", "thead", "tfoot"}),
    "tr": frozenset({"tr", "tbody", "thead", "tfoot"}),
    "option": frozenset({"option", "optgroup"}),
}
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})


# --- split_excerpt ---------------------------------------------------------------------------


def split_excerpt(html: str, separator: str = DEFAULT_SEPARATOR) -> str | None:
    """The HTML of ``html`` before its first ``separator``, trailing white space stripped, or
    ``None`` when there is no separator. ``""`` when the separator comes first.

    The separator is found in the HTML source as it is, so one shown as code (escaped there as
    ``&lt;!-- more --&gt;``) is not found. When its first occurrence is inside an element (inline
    in a paragraph, in an attribute, in a script), the excerpt ends with the top-level element
    that holds it, so it never ends inside an element; an element holding nothing but the
    separator (``<p>[[more]]</p>``, as Markdown renders a separator that is not an HTML
    comment) is left out instead, and so is an element that is never closed. The excerpt is
    always a prefix of ``html``.
    """
    if not separator:
        raise ValueError("the excerpt separator must not be empty")
    at = html.find(separator)
    if at < 0:
        return None
    if _at_top_level(html[:at]):
        # The usual case, a separator between blocks: only the text before it is read, not the
        # whole post (the separator comes early, the post may be long).
        return html[:at].rstrip()
    return html[: _cut(html, _parse(html), at, separator)].rstrip()


def _at_top_level(prefix: str) -> bool:
    """Whether the end of ``prefix`` is outside every element and every tag: each element
    opened in it is closed, and no tag or comment is left unfinished."""
    tracker = _Tracker(prefix)
    tracker.feed(prefix.replace("<![", "<!x"))
    return not tracker._open and "<" not in tracker.rawdata


def _cut(html: str, document: _Document, at: int, separator: str) -> int:
    """Where to end the excerpt of ``html`` whose separator starts at ``at``."""
    tokens = document.tokens
    token = tokens[bisect.bisect_right(document.starts, at) - 1]
    if token.bottom_before is None:  # the token is at the top level
        if at == token.start or token.kind == "data":
            return at
        if token.kind == "other":
            return token.start  # a top-level comment holding the separator goes with it
    element = token.bottom_before if token.bottom_before is not None else token.bottom_after
    if element is None:
        return token.end  # in an attribute of a top-level void element: keep the element
    opening = tokens[element]
    closing = document.closed_by.get(element)
    if closing is None:
        return opening.start
    closer, explicit = closing
    if html[opening.tag_end : tokens[closer].start].strip() == separator:
        return opening.start
    return tokens[closer].end if explicit else tokens[closer].start


# --- clean_excerpt ---------------------------------------------------------------------------


def clean_excerpt(html: str) -> str:
    """``html`` without what belongs only on the post's own page: the permalink anchors of its
    headings (``<a class="headerlink" ...>¶</a>``), its ad slots (any element of class
    ``ad-slot``, with all it holds) and the ``id`` of its headings, so that several excerpts on
    one listing page do not repeat ids. Only ever removes: the result is never longer.

    An anchor or ad slot that is never closed loses only its start tag, rather than the rest of
    the document."""
    document = _parse(html)
    tokens = document.tokens
    pieces: list[str] = []
    kept_from = 0
    index = 0
    while index < len(tokens):
        token = tokens[index]
        if token.kind == "start" and _is_removed(token):
            closing = document.closed_by.get(index)
            if closing is None:
                end = token.tag_end
            else:
                closer, explicit = closing
                end = tokens[closer].end if explicit else tokens[closer].start
            pieces.append(html[kept_from : token.start])
            kept_from = end
            index = bisect.bisect_left(document.starts, end, lo=index + 1)
            continue
        if token.kind in ("start", "startend") and token.tag in _HEADINGS and token.has_id:
            pieces.append(html[kept_from : token.start])
            pieces.append(_without_id(html[token.start : token.tag_end]))
            kept_from = token.tag_end
        index += 1
    pieces.append(html[kept_from:])
    return "".join(pieces)


def _is_removed(token: _Token) -> bool:
    return "ad-slot" in token.classes or (token.tag == "a" and "headerlink" in token.classes)


# A start tag's attributes, as browsers read them: a name, then maybe "=" and a value.
_SPACED_ATTRIBUTE = re.compile(r"\s*" + ATTRIBUTE.pattern)


def _without_id(tag: str) -> str:
    """A start tag without its ``id`` attribute, and the white space before it."""
    name = re.match(r"<[^\s/>]*", tag)
    head = name.end() if name else 0
    attributes = _SPACED_ATTRIBUTE.sub(
        lambda match: "" if match["name"].lower() == "id" else match[0], tag[head:]
    )
    return tag[:head] + attributes


# --- rebase_links ----------------------------------------------------------------------------


def rebase_links(html: str, from_url: str, to_url: str) -> str:
    """``html``, rendered for the page at site-relative URL ``from_url``, with its relative links
    rewritten to work on the page at ``to_url`` (``blog/2024/01/02/hello/``, ``blog/hello.html``;
    ``""`` or ``"."`` is the site's root index).

    Rewritten: the URLs in ``href``, ``src``, ``srcset`` (each candidate), ``poster`` and
    ``data`` attributes of start tags, keeping their query and fragment. A link to a fragment
    alone (``#section``) points into the post, so it becomes the post's URL and the fragment.
    Left alone: URLs with a scheme (``https:``, ``mailto:``, ``data:``...), protocol-relative
    (``//host``) and root-absolute (``/x``) URLs, a query alone (``?x``), an empty value, and
    everything outside start tags, in comments and inside ``script``, ``style`` and
    ``textarea``.
    """
    if from_url == to_url:
        return html
    rebase = _Rebase(from_url, to_url)
    if rebase.from_page == rebase.to_page:  # "" and "." are one page
        return html
    return rewrite_urls(html, rebase.url, _URL_ATTRIBUTES)


_URL_ATTRIBUTES = frozenset({"href", "src", "poster", "data"})

# A page, or the target of a link: its normalized path segments (a link above the site's root
# starts with ".."), and whether it is a directory (its URL ends with "/").
_Location = tuple[tuple[str, ...], bool]


class _Rebase:
    def __init__(self, from_url: str, to_url: str) -> None:
        self.from_page = _page(from_url)
        self.to_page = _page(to_url)
        self.from_directory = _directory(self.from_page)
        self.to_directory = _directory(self.to_page)

    def url(self, value: str) -> str:
        link = value.strip(HTML_SPACE)
        # Markdown writes an autolinked address as character references ("&#109;&#97;..."
        # for "mailto:"): its scheme shows once they are read.
        if not link or SCHEME.match(html.unescape(link)) or link.startswith(("/", "\\")):
            return value
        hash_at = link.find("#")
        head, fragment = (link, "") if hash_at < 0 else (link[:hash_at], link[hash_at:])
        query_at = head.find("?")
        path, query = (head, "") if query_at < 0 else (head[:query_at], head[query_at:])
        if not path:
            if query or not fragment:
                return value
            target = self.from_page
        else:
            target = _resolve(self.from_directory, path)
        if fragment and not query and target == self.to_page:
            rebased = fragment
        else:
            rebased = _relative(target, self.to_directory) + query + fragment
        start = value.find(link)
        return value[:start] + rebased + value[start + len(link) :]


def _page(url: str) -> _Location:
    url = url.lstrip("/")
    if url in ("", ".", "./"):
        return (), True
    return _segments(url), url.endswith("/") or url.rsplit("/", 1)[-1] in (".", "..")


def _directory(page: _Location) -> tuple[str, ...]:
    segments, is_directory = page
    return segments if is_directory else segments[:-1]


def _segments(path: str) -> tuple[str, ...]:
    normalized = posixpath.normpath(path)
    return () if normalized == "." else tuple(normalized.split("/"))


def _resolve(directory: tuple[str, ...], path: str) -> _Location:
    is_directory = path.endswith("/") or path.rsplit("/", 1)[-1] in (".", "..")
    return _segments("/".join((*directory, path))), is_directory


def _relative(target: _Location, directory: tuple[str, ...]) -> str:
    """The relative URL of ``target`` from a page in ``directory``."""
    segments, is_directory = target
    # A file keeps at least its own name: from directory "a/b", the file "a/b" is "../b".
    limit = min(len(directory), len(segments) if is_directory else len(segments) - 1)
    common = 0
    while common < limit and segments[common] == directory[common]:
        common += 1
    path = "/".join([".."] * (len(directory) - common) + list(segments[common:]))
    if is_directory:
        return path + "/" if path else "./"
    # "a:b.html" would read as a URL of scheme "a".
    return "./" + path if SCHEME.match(path) else path


# --- the element tracker ---------------------------------------------------------------------


@dataclass
class _Token:
    kind: str  # "start", "startend", "end", "data" or "other" (comments, declarations)
    start: int
    tag: str = ""
    tag_end: int = 0  # start tags: the end of the tag itself
    classes: tuple[str, ...] = ()
    has_id: bool = False
    bottom_before: int | None = None  # the open top-level element before this token
    bottom_after: int | None = None  # and after it (elements are named by their start token)
    end: int = 0  # where the next token starts (or the end of the document)


@dataclass
class _Document:
    tokens: list[_Token]
    starts: list[int]
    # An element (its start token) -> the token that closes it, and whether that token is the
    # element's own end tag; elements never closed are missing.
    closed_by: dict[int, tuple[int, bool]] = field(default_factory=dict)


def _parse(html: str) -> _Document:
    tracker = _Tracker(html)
    # HTML reads "<![" (outside SVG and MathML) as a bogus comment up to ">"; Python's parser
    # raises AssertionError on one not followed by a keyword in older versions, 3.11 among them
    # (CPython gh-77057). The same length, so offsets hold.
    tracker.feed(html.replace("<![", "<!x"))
    # The parser holds back text waiting for the rest of an entity, or a tag or comment that
    # never ends: close() would make the latter text, but it is markup, cut nowhere inside.
    if tracker.rawdata.startswith("<"):
        tracker.unfinished(len(html) - len(tracker.rawdata))
    else:
        tracker.close()
    tokens = tracker.tokens
    # An empty document has no token, and one starting with "</>" (which the parser drops) none
    # at 0: every offset must fall in a token.
    if not tokens or tokens[0].start > 0:
        tokens.insert(0, _Token("data", 0))
    for token, following in itertools.pairwise(tokens):
        token.end = following.start
    tokens[-1].end = len(html)
    return _Document(tokens, [token.start for token in tokens], tracker.closed_by)


class _Tracker(HTMLParser):
    """Records every token of a document with its offset and the open top-level element."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        # getpos() gives (line, column) of the token being handled: offsets from line starts.
        self._line_starts = [0] + [match.end() for match in re.finditer("\n", html)]
        self.tokens: list[_Token] = []
        self.closed_by: dict[int, tuple[int, bool]] = {}
        self._open: list[tuple[str, int]] = []

    def _token(self, kind: str, tag: str = "") -> _Token:
        line, column = self.getpos()
        token = _Token(kind, self._line_starts[line - 1] + column, tag)
        token.bottom_before = self._bottom()
        self.tokens.append(token)
        return token

    def _bottom(self) -> int | None:
        return self._open[0][1] if self._open else None

    def _close_top(self, closer: int, explicit: bool) -> None:
        _, element = self._open.pop()
        self.closed_by[element] = (closer, explicit)

    def _start(self, kind: str, tag: str, attrs: list[tuple[str, str | None]]) -> _Token:
        token = self._token(kind, tag)
        token.tag_end = token.start + len(self.get_starttag_text() or "")
        for name, value in attrs:
            if name == "class" and value:
                token.classes = tuple(value.split())
            elif name == "id":
                token.has_id = True
        return token

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        token = self._start("start", tag, attrs)
        index = len(self.tokens) - 1
        while self._open and tag in _CLOSED_BY_START.get(self._open[-1][0], ()):
            self._close_top(index, explicit=False)
        if tag not in _VOID_ELEMENTS:
            self._open.append((tag, index))
        token.bottom_after = self._bottom()

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        token = self._start("startend", tag, attrs)
        token.bottom_after = token.bottom_before

    def handle_endtag(self, tag: str) -> None:
        token = self._token("end", tag)
        index = len(self.tokens) - 1
        if any(name == tag for name, _ in self._open):
            while self._open[-1][0] != tag:
                self._close_top(index, explicit=False)
            self._close_top(index, explicit=True)
        token.bottom_after = self._bottom()

    def handle_data(self, data: str) -> None:
        self._other("data")

    def handle_comment(self, data: str) -> None:
        self._other("other")

    def handle_decl(self, decl: str) -> None:
        self._other("other")

    def handle_pi(self, data: str) -> None:
        self._other("other")

    def unknown_decl(self, data: str) -> None:
        self._other("other")

    def _other(self, kind: str) -> None:
        token = self._token(kind)
        token.bottom_after = token.bottom_before

    def unfinished(self, start: int) -> None:
        """Record the tag or comment left unfinished at the end, from ``start``."""
        token = _Token("other", start, bottom_before=self._bottom(), bottom_after=self._bottom())
        self.tokens.append(token)
