"""Excerpts: the cut at the separator, links rebased for another page, post-only parts removed."""

from __future__ import annotations

import html as html_module
from html.parser import HTMLParser

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from mkdocs_blog_plugin.core.excerpt import clean_excerpt, rebase_links, split_excerpt
from mkdocs_blog_plugin.core.html import VOID_ELEMENTS as _VOID

# --- split_excerpt ---------------------------------------------------------------------------

MORE = "<!-- more -->"


@pytest.mark.parametrize(
    ("html", "separator", "excerpt"),
    [
        # At the top level: everything before it.
        ("<p>Intro.</p>\n<!-- more -->\n<p>Rest.</p>", MORE, "<p>Intro.</p>"),
        ("<h2>A</h2>\n<p>b</p>\n\n<!-- more -->", MORE, "<h2>A</h2>\n<p>b</p>"),
        ("<!-- more -->\n<p>Rest.</p>", MORE, ""),
        ("<p>a</p>\n<!-- more -->\n<p>b</p>\n<!-- more -->\n<p>c</p>", MORE, "<p>a</p>"),
        ("<p>a</p><!--more--><p>b</p>", "<!--more-->", "<p>a</p>"),
        ("<p>a</p>\n[[more]]\n<p>b</p>", "[[more]]", "<p>a</p>"),
        ("<p>a</p> text [[more]] more text", "[[more]]", "<p>a</p> text"),
        ("<p>a</p><hr class=more><p>b</p>", "<hr class=more>", "<p>a</p>"),
        # Inside an element: the top-level element that holds it is kept whole.
        (
            "<p>Intro <!-- more --> still intro.</p>\n<p>Rest.</p>",
            MORE,
            "<p>Intro <!-- more --> still intro.</p>",
        ),
        (
            "<div><p>a</p><p>b <!-- more --></p></div><p>c</p>",
            MORE,
            "<div><p>a</p><p>b <!-- more --></p></div>",
        ),
        (
            "<p>a <em>b [[more]] c</em> d</p><p>e</p>",
            "[[more]]",
            "<p>a <em>b [[more]] c</em> d</p>",
        ),
        ("<div title='<!-- more -->'>x</div><p>y</p>", MORE, "<div title='<!-- more -->'>x</div>"),
        ("<p>a</p><img alt='<!-- more -->'><p>y</p>", MORE, "<p>a</p><img alt='<!-- more -->'>"),
        (
            "<p>a</p><script>var s = '<!-- more -->';</script><p>b</p>",
            MORE,
            "<p>a</p><script>var s = '<!-- more -->';</script>",
        ),
        # An element holding only the separator (a non-comment separator as Markdown renders
        # it) goes with it.
        ("<p>a</p>\n<p>[[more]]</p>\n<p>b</p>", "[[more]]", "<p>a</p>"),
        ("<p>a</p>\n<p> <!-- more --> </p>\n<p>b</p>", MORE, "<p>a</p>"),
        # Shown as code, the separator is escaped: not a separator.
        ("<pre><code>&lt;!-- more --&gt;</code></pre><p>b</p>", MORE, None),
        (
            "<p>Use <code>&lt;!-- more --&gt;</code>.</p>\n<!-- more -->\n<p>b</p>",
            MORE,
            "<p>Use <code>&lt;!-- more --&gt;</code>.</p>",
        ),
        # Absent.
        ("<p>No separator.</p>", MORE, None),
        ("", MORE, None),
        ("<p>a</p><!-- more than this -->", MORE, None),
        # Malformed HTML.
        ("<p>a</p></div></span><!-- more --><p>b</p>", MORE, "<p>a</p></div></span>"),  # stray
        # The stray </div> leaves <p> open, so the separator is in it, until <p> closes it.
        ("<p>a</div><!-- more --><p>b</p>", MORE, "<p>a</div><!-- more -->"),
        ("<p>a<br>b<img src=x></p><!-- more -->", MORE, "<p>a<br>b<img src=x></p>"),
        ("<p>a<br/>b</p><!-- more -->", MORE, "<p>a<br/>b</p>"),
        ("<p><svg><path d='M0'/></svg></p><!-- more -->", MORE, "<p><svg><path d='M0'/></svg></p>"),
        ("<div><p>a</div><!-- more --><p>b</p>", MORE, "<div><p>a</div>"),  # </div> closes <p>
        ("<p>a<div>b</div><!-- more -->", MORE, "<p>a<div>b</div>"),  # <div> closes <p>
        ("<ul><li>a<li>b <!-- more --></ul><p>c</p>", MORE, "<ul><li>a<li>b <!-- more --></ul>"),
        ("<p>a</p><div>never closed <!-- more --> b", MORE, "<p>a</p>"),
        ("<p>a</p><div title='never ended <!-- more -->", MORE, "<p>a</p>"),
        ("<p>a</p><!-- comment holding <!-- more -->", MORE, "<p>a</p>"),
        ("</>a<!-- more -->", MORE, "</>a"),
        ("<p>a</p><![<div>\n<!-- more -->", MORE, "<p>a</p><![<div>"),  # a bogus comment
    ],
)
def test_split_excerpt(html: str, separator: str, excerpt: str | None) -> None:
    assert split_excerpt(html, separator) == excerpt


def test_default_separator() -> None:
    assert split_excerpt("<p>a</p>\n<!-- more -->\n<p>b</p>") == "<p>a</p>"


def test_empty_separator() -> None:
    with pytest.raises(ValueError, match="separator"):
        split_excerpt("<p>a</p>", "")


class _Depth(HTMLParser):
    """Open elements at the end: an end tag closes its nearest open element (and all inside),
    stray end tags and void or self-closed elements change nothing."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in _VOID:
            self.open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in self.open:
            while self.open.pop() != tag:
                pass


def _depth(html: str) -> _Depth:
    parser = _Depth()
    # Python 3.11's parser raises on "<![" with no keyword; HTML reads a bogus comment.
    parser.feed(html.replace("<![", "<!x"))
    return parser


def _open_at_end(html: str) -> list[str]:
    parser = _depth(html)
    parser.close()
    return parser.open


def _at_top_level(html: str) -> bool:
    """Whether the end of ``html`` is outside every element, tag and comment."""
    parser = _depth(html)
    return not parser.open and not parser.rawdata.startswith("<")


# Markup pieces without implied end tags (no <p>, <li>...), so that _Depth reads them right.
_PIECES = st.one_of(
    st.sampled_from(
        [
            "<div>",
            "</div>",
            "<section class='x'>",
            "</section>",
            "<span>",
            "</span>",
            "<em>",
            "</em>",
            "</b>",
            "<br>",
            "<img src='a.png'>",
            "<br/>",
            "\n",
            " ",
            MORE,
            "<!--more-->",
            "[[more]]",
            "<!-- c -->",
            "&lt;!-- more --&gt;",
            "<a title='<!-- more -->'>",
            "</a>",
        ]
    ),
    st.text(alphabet="ab <>/&;!-=\"'[]", max_size=6),
)


@given(st.lists(_PIECES, max_size=30), st.sampled_from([MORE, "[[more]]", "<!--more-->"]))
def test_excerpt_is_a_balanced_prefix(pieces: list[str], separator: str) -> None:
    html = "".join(pieces)
    excerpt = split_excerpt(html, separator)
    if separator not in html:
        assert excerpt is None
        return
    assert excerpt is not None
    assert html.startswith(excerpt)
    assert excerpt == excerpt.rstrip()
    before = html[: html.find(separator)]
    if _at_top_level(before):
        assert excerpt == before.rstrip()
    assert _open_at_end(excerpt) == []


_MARKUP_SOUP = st.text(alphabet="<>![]-/a=' \"CDATdoctypeifsvg?&#;x\n", max_size=40)


@given(st.one_of(st.text(), _MARKUP_SOUP), st.sampled_from([MORE, "a", "<", "-->", "[[more]]"]))
def test_split_excerpt_never_raises_and_keeps_a_prefix(html: str, separator: str) -> None:
    excerpt = split_excerpt(html, separator)
    assert (excerpt is None) == (separator not in html)
    if excerpt is not None:
        assert html.startswith(excerpt)


# --- rebase_links ----------------------------------------------------------------------------

POST = "blog/2024/01/02/hello/"
PAGE_2 = "blog/page/2/"


@pytest.mark.parametrize(
    ("html", "from_url", "to_url", "rebased"),
    [
        # Relative paths: resolved from the post, made relative to the listing.
        ('<img src="cat.png">', POST, PAGE_2, '<img src="../../2024/01/02/hello/cat.png">'),
        ('<a href="../../other/">x</a>', POST, PAGE_2, '<a href="../../2024/01/other/">x</a>'),
        ("<a href='../../../../../about/'>", POST, PAGE_2, "<a href='../../../about/'>"),
        (
            '<a href="../x/?q=1&amp;r=2#top">',
            POST,
            PAGE_2,
            '<a href="../../2024/01/02/x/?q=1&amp;r=2#top">',
        ),
        ('<a href="./">self</a>', POST, PAGE_2, '<a href="../../2024/01/02/hello/">self</a>'),
        ('<a href="cat.png">', POST, "", '<a href="blog/2024/01/02/hello/cat.png">'),
        ('<a href="cat.png">', POST, ".", '<a href="blog/2024/01/02/hello/cat.png">'),
        ('<a href="blog/cat.png">', "", PAGE_2, '<a href="../../cat.png">'),
        ('<a href="blog/cat.png">', ".", "blog/", '<a href="cat.png">'),
        (
            '<a href="img/cat.png">',
            "blog/hello.html",
            "blog/page/2.html",
            '<a href="../img/cat.png">',
        ),
        ('<a href="img/cat.png">', "blog/hello.html", "index.html", '<a href="blog/img/cat.png">'),
        # Above the root (two levels): as far above it from the listing.
        ('<a href="../../../../../../../x">', POST, PAGE_2, '<a href="../../../../../x">'),
        ('<a href="x.html">', "blog/a/", "blog/a/x/", '<a href="../x.html">'),
        ('<a href="a:b.html">', POST, PAGE_2, '<a href="a:b.html">'),  # a scheme, as read
        ('<a href="./a:b.html">', POST, PAGE_2, '<a href="../../2024/01/02/hello/a:b.html">'),
        ('<a href="../hello/x.html">', POST, "blog/2024/01/02/", '<a href="hello/x.html">'),
        # A fragment alone points into the post.
        ('<a href="#section">', POST, PAGE_2, '<a href="../../2024/01/02/hello/#section">'),
        (
            '<a href="#section">',
            "blog/hello.html",
            "blog/index.html",
            '<a href="hello.html#section">',
        ),
        ('<a href="#section">', "", PAGE_2, '<a href="../../../#section">'),
        ('<a href="#s">', POST, "", '<a href="blog/2024/01/02/hello/#s">'),
        # A link to the page it is now on, with a fragment, is a fragment.
        ('<a href="../../../../page/2/#s">', POST, PAGE_2, '<a href="#s">'),
        # Left alone.
        ('<a href="https://example.com/x">', POST, PAGE_2, '<a href="https://example.com/x">'),
        ('<a href="mailto:me@example.com">', POST, PAGE_2, '<a href="mailto:me@example.com">'),
        (
            '<img src="data:image/png;base64,AAAA">',
            POST,
            PAGE_2,
            '<img src="data:image/png;base64,AAAA">',
        ),
        ('<a href="javascript:void(0)">', POST, PAGE_2, '<a href="javascript:void(0)">'),
        ('<a href="//cdn.example.com/x.js">', POST, PAGE_2, '<a href="//cdn.example.com/x.js">'),
        ('<a href="/about/">', POST, PAGE_2, '<a href="/about/">'),
        ('<a href="?page=2">', POST, PAGE_2, '<a href="?page=2">'),
        ('<a href="">', POST, PAGE_2, '<a href="">'),
        (
            '<a title="cat.png" data-src="cat.png" class="x">',
            POST,
            PAGE_2,
            '<a title="cat.png" data-src="cat.png" class="x">',
        ),
        ('<p>href="cat.png" src=cat.png</p>', POST, PAGE_2, '<p>href="cat.png" src=cat.png</p>'),
        (
            '<pre><code>&lt;a href="cat.png"&gt;</code></pre>',
            POST,
            PAGE_2,
            '<pre><code>&lt;a href="cat.png"&gt;</code></pre>',
        ),
        ('<!-- <a href="cat.png"> -->', POST, PAGE_2, '<!-- <a href="cat.png"> -->'),
        (
            "<script>s = '<img src=\"cat.png\">';</script>",
            POST,
            PAGE_2,
            "<script>s = '<img src=\"cat.png\">';</script>",
        ),
        ("<a title='src=\"cat.png\"'>", POST, PAGE_2, "<a title='src=\"cat.png\"'>"),
        # Every URL attribute, any quoting and case.
        (
            '<video poster="p.jpg" src=\'v.mp4\'><source SRC=v.webm></video><object data="o.svg">',
            POST,
            "blog/",
            "<video poster=\"2024/01/02/hello/p.jpg\" src='2024/01/02/hello/v.mp4'>"
            '<source SRC=2024/01/02/hello/v.webm></video><object data="2024/01/02/hello/o.svg">',
        ),
        (
            '<script src="app.js"></script>',
            POST,
            "blog/",
            '<script src="2024/01/02/hello/app.js"></script>',
        ),
        (
            '<a title="a > b" href="x/">',
            POST,
            "blog/",
            '<a title="a > b" href="2024/01/02/hello/x/">',
        ),
        # srcset: each candidate.
        (
            '<img srcset="a.png 1x, b.png 2x,c.png 3x">',
            POST,
            "blog/",
            '<img srcset="2024/01/02/hello/a.png 1x, 2024/01/02/hello/b.png 2x,'
            '2024/01/02/hello/c.png 3x">',
        ),
        (
            '<img srcset=" a.png 100w , https://x/b.png 200w, data:image/png;base64,AA,BB 3x">',
            POST,
            "blog/",
            '<img srcset=" 2024/01/02/hello/a.png 100w , https://x/b.png 200w, '
            'data:image/png;base64,AA,BB 3x">',
        ),
        (
            '<img srcset="a.png,b.png 2x">',
            POST,
            "blog/",
            '<img srcset="2024/01/02/hello/a.png,b.png 2x">',
        ),
        # The same page: nothing to do.
        ('<a href="#s"><img src="cat.png">', POST, POST, '<a href="#s"><img src="cat.png">'),
        ('<a href="#s"><img src="cat.png">', "", ".", '<a href="#s"><img src="cat.png">'),
    ],
)
def test_rebase_links(html: str, from_url: str, to_url: str, rebased: str) -> None:
    assert rebase_links(html, from_url, to_url) == rebased


_SEGMENT = st.sampled_from(["blog", "2024", "hello", "page", "2"])
_PAGE_URL = st.tuples(st.lists(_SEGMENT, max_size=4), st.sampled_from(["/", ".html", ""])).map(
    lambda parts: "/".join(parts[0]) + (parts[1] if parts[0] else "")
)
# Relative links as rebase_links writes them: ".." only in front, names unlike the pages'.
_LINK_PATH = st.builds(
    lambda ups, names, slash: "../" * ups + "/".join(names) + ("/" if slash and names else ""),
    st.integers(0, 6),
    st.lists(st.sampled_from(["img", "cat.png", "docs", "a b"]), max_size=3),
    st.booleans(),
).filter(bool)
_LINK = st.one_of(
    st.builds(
        lambda path, query, fragment: path + query + fragment,
        _LINK_PATH,
        st.sampled_from(["", "?q=1", "?a=1&amp;b=2"]),
        st.sampled_from(["", "#top", "#s-2"]),
    ),
    st.sampled_from(["#top", "#", "?q", "https://x.org/a", "/root/", "//cdn/x", "mailto:a@b"]),
)


def _document(links: list[str]) -> str:
    return "\n".join(
        f'<p><a href="{link}">text</a> <img src=\'{link}\' srcset="{link} 1x, {link} 2x"></p>'
        for link in links
    )


@given(st.lists(_LINK, max_size=6), _PAGE_URL)
def test_rebasing_to_the_same_page_changes_nothing(links: list[str], url: str) -> None:
    html = _document(links)
    assert rebase_links(html, url, url) == html


@given(st.lists(_LINK, max_size=6), _PAGE_URL, _PAGE_URL)
def test_rebasing_there_and_back_restores_the_links(links: list[str], a: str, b: str) -> None:
    html = _document(links)
    there = rebase_links(html, a, b)
    assert rebase_links(there, b, a) == html


@given(st.one_of(st.text(), _MARKUP_SOUP), _PAGE_URL, _PAGE_URL)
def test_rebase_links_never_raises(html: str, a: str, b: str) -> None:
    rebase_links(html, a, b)


# --- clean_excerpt ---------------------------------------------------------------------------

AD_SLOT = (
    '<aside class="ad-slot" aria-label="Advertisement" data-search-exclude '
    'data-pagefind-ignore="all" data-slot-number="1">\n'
    '<div class="ad-slot__unit" style="min-height: 250px"><template data-ad-consent>'
    '<ins class="adsbygoogle" data-ad-client="ca-pub-1" data-frontmatter-blog-unit></ins>'
    "</template></div>\n</aside>"
)


@pytest.mark.parametrize(
    ("html", "cleaned"),
    [
        (
            '<h2 id="intro">Intro<a class="headerlink" href="#intro" title="Permanent link">'
            "¶</a></h2>",
            "<h2>Intro</h2>",
        ),
        (
            '<h3 class="x" id="a">A<a href="#a" title="Permanent link" '
            'class="md-anchor headerlink">&para;</a></h3>',
            '<h3 class="x">A</h3>',
        ),
        ("<h1 id='t'>T</h1><h6 ID=u data-x='1'>U</h6>", "<h1>T</h1><h6 data-x='1'>U</h6>"),
        ('<p id="keep">p</p><div id="keep">d</div>', '<p id="keep">p</p><div id="keep">d</div>'),
        ('<h2 data-id="x" title="id=y">T</h2>', '<h2 data-id="x" title="id=y">T</h2>'),
        (f"<p>a</p>\n{AD_SLOT}\n<p>b</p>", "<p>a</p>\n\n<p>b</p>"),
        (
            '<p>a</p><div class="ad-slot"><aside><p>x</p></aside><br></div><p>b</p>',
            "<p>a</p><p>b</p>",
        ),
        ('<a class="link" href="#x">keep</a>', '<a class="link" href="#x">keep</a>'),
        (
            '<p>see <a class="headerlinks" href="#x">this</a></p>',
            '<p>see <a class="headerlinks" href="#x">this</a></p>',
        ),
        ("<p>headerlink ad-slot</p>", "<p>headerlink ad-slot</p>"),
        # Malformed HTML.
        ('<h2 id="a">A<a class="headerlink" href="#a">¶</h2><p>b</p>', "<h2>A</h2><p>b</p>"),
        ('<p>a</p><aside class="ad-slot"><p>never closed', "<p>a</p><p>never closed"),
        ('<aside class="ad-slot"></div></aside>x', "x"),
        ("<h2 id='x'", "<h2 id='x'"),  # never ended: not a tag
        ("", ""),
    ],
)
def test_clean_excerpt(html: str, cleaned: str) -> None:
    assert clean_excerpt(html) == cleaned


@given(st.one_of(st.text(), _MARKUP_SOUP))
def test_clean_excerpt_never_raises_nor_grows(html: str) -> None:
    assert len(clean_excerpt(html)) <= len(html)


_TEXT = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=40)


@given(
    _TEXT,
    _TEXT,
    st.sampled_from([AD_SLOT, '<aside class="ad-slot"><template>x</template></aside>']),
)
def test_an_ad_slot_between_paragraphs_is_removed(before: str, after: str, slot: str) -> None:
    html = f"<p>{html_module.escape(before)}</p>\n{slot}\n<p>{html_module.escape(after)}</p>"
    assume("ad-slot" not in before + after)
    cleaned = clean_excerpt(html)
    assert "ad-slot" not in cleaned
    assert cleaned == f"<p>{html_module.escape(before)}</p>\n\n<p>{html_module.escape(after)}</p>"


@given(st.lists(_PIECES, max_size=30), st.sampled_from([MORE, "[[more]]", "<!--more-->"]))
def test_the_fast_path_cuts_where_the_whole_document_would(
    pieces: list[str], separator: str
) -> None:
    """Reading only the text before the separator, when it is between blocks, gives the cut
    that reading the whole document gives."""
    from mkdocs_blog_plugin.core.excerpt import _cut, _parse

    html = "".join(pieces)
    at = html.find(separator)
    if at < 0:
        return
    assert (
        split_excerpt(html, separator) == html[: _cut(html, _parse(html), at, separator)].rstrip()
    )


def test_an_autolinked_address_is_left_alone() -> None:
    """Markdown writes ``<ada@example.com>`` as character references; its scheme is mailto."""
    mailto = "&#109;&#97;&#105;&#108;&#116;&#111;&#58;&#97;&#100;&#97;&#64;example.com"
    html = f'<p><a href="{mailto}">ada</a> <a href="pic.png">pic</a></p>'
    rebased = rebase_links(html, "blog/2025/hello/", "blog/")
    assert f'href="{mailto}"' in rebased
    assert 'href="2025/hello/pic.png"' in rebased
