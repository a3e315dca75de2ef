"""Render the blog's HTML with the theme's Jinja environment, so ``custom_dir`` overrides apply."""

from __future__ import annotations

import html as html_module
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

import jinja2
import jinja2.meta
from jinja2 import nodes
from jinja2.defaults import DEFAULT_NAMESPACE
from jinja2.filters import FILTERS
from jinja2.tests import TESTS
from jinja2.utils import _PassArg  # how Jinja marks @pass_context (stable since 3.0)
from markupsafe import Markup, escape
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink, TableOfContents
from mkdocs.utils import get_relative_url

from mkdocs_blog_plugin.core.pagination import page_window
from mkdocs_blog_plugin.core.post import Post
from mkdocs_blog_plugin.i18n import Labels
from mkdocs_blog_plugin.structure.blog import Blog, Listing, ListingKind, PostEntry
from mkdocs_blog_plugin.structure.pages import ListingPage

from .views import PostView, ViewMaker, root_prefix

TEMPLATE_FOLDER = "frontmatter-blog"
LISTING_MARKER = "<!-- frontmatter-blog:listing -->"
# What may stand before the author's own <h1> at the start of a post's content: white space,
# comments, and the empty document that plugins parsing the content as a whole page wrap it in
# (mkdocs-glightbox returns "<html><head></head><body>..."). One character a step: linear.
_PREAMBLE = re.compile(
    r"(?:\s|<!--.*?-->|<!doctype[^>]*>|<html(?:\s[^>]*)?>|<head(?:\s[^>]*)?>.*?</head>"
    r"|<body(?:\s[^>]*)?>)*",
    re.DOTALL | re.IGNORECASE,
)
_H1 = re.compile(r"<h1[\s>].*?</h1>", re.DOTALL | re.IGNORECASE)
_TAGS = re.compile(r"<[^>]*>")


def header_place(html: str, title: str | None = None) -> tuple[int, bool]:
    """Where a post's header goes in its content, and whether the post shows its title itself:
    right after its ``<h1>`` when the content opens with one, else after what comes before any
    text. An ``<h1>`` further down that reads as the post's ``title`` is its title too (the
    header adds no second one); any other is a section of the text, and the title is shown."""
    start = _PREAMBLE.match(html)
    end = start.end() if start is not None else 0
    heading = _H1.match(html, end)
    if heading is not None:
        return heading.end(), True
    if title is not None and "<h1" in html.lower():
        wanted = _words(title)
        return end, any(_words(_TAGS.sub("", m.group(0))) == wanted for m in _H1.finditer(html))
    return end, False


def _words(text: str) -> str:
    return " ".join(html_module.unescape(text).replace("¶", "").split()).casefold()


# Index pages of terms, and the kind of term each lists.
_TERM_INDEXES = {
    ListingKind.TAG_INDEX: "tag",
    ListingKind.CATEGORY_INDEX: "category",
    ListingKind.ARCHIVE_INDEX: "archive",
}


class Renderer:
    """Renders post headers and listing pages; one per build."""

    def __init__(
        self,
        env: jinja2.Environment,
        blog: Blog,
        *,
        date_format: str,
        images: tuple[bool, bool] = (True, True),
        locale: str = "en",
        entry_limits: tuple[int | None, int | None] = (None, None),
        feed_url: Callable[[str], str | None] | None = None,
        back_link: bool = True,
        toc_kinds: frozenset[ListingKind] = frozenset(),
        pagination: tuple[int, bool] = (2, False),
        related_links: Callable[[PostEntry, str], list[dict[str, str | None]]] | None = None,
        labels: Labels | None = None,
    ) -> None:
        # An overlay shares the theme's loader (custom_dir first) and filters, but escapes
        # every value: tag names and titles are text written by authors.
        self.env = env.overlay(autoescape=True)
        self.blog = blog
        self.views = ViewMaker(blog, date_format, locale)
        self.max_authors, self.max_categories = entry_limits
        self.feed_url = feed_url
        self.back_link = back_link
        self.toc_kinds = toc_kinds
        # Page numbers either side of the current one (pagination_format: ~2~), and whether a
        # listing of one page shows its bar (pagination_if_single_page).
        self.pages_around, self.bar_on_single_page = pagination
        self.related_links = related_links
        self.labels = labels if labels is not None else Labels(locale)
        # In every template's context: `_()`, `ngettext()`... in the site's language.
        self._label_context = self.labels.context()
        self.image_in_post, self.image_in_listing = images
        self._entries: dict[PostView, Markup] = {}
        self._reads: dict[tuple[str, ...], bool] = {}
        # Looked up once per name: a build renders thousands of headers and entries.
        self._templates: dict[str, jinja2.Template] = {}
        # Post headers rendered ahead, by src_uri: (show_title, HTML).
        self._headers: dict[str, tuple[bool, str]] = {}

    def render(self, name: str, /, page: Page | None = None, **context: Any) -> str:
        """Render ``frontmatter-blog/<name>``. With the page, the context also has ``page`` and
        ``base_url``, as in the theme's own templates, so MkDocs' ``url`` filter works. It
        always has the labels' functions (``_``, ``ngettext``, ``list_of``) and
        ``text_direction``, unless the caller passes its own."""
        context = {**self._label_context, **context}
        if page is not None:
            context["page"] = page
            if "base_url" not in context:
                context["base_url"] = get_relative_url(".", page.url)
        template = self._templates.get(name)
        if template is None:
            template = self._templates[name] = self.env.get_template(f"{TEMPLATE_FOLDER}/{name}")
        return template.render(**context)

    def reads(self, name: str, *variables: str) -> bool:
        """Whether template ``name`` may read any of ``variables``; see :func:`template_reads`."""
        key = (name, *variables)
        if key not in self._reads:
            path = f"{TEMPLATE_FOLDER}/{name}"
            given = frozenset(self._label_context)
            self._reads[key] = any(
                template_reads(self.env, path, v, provided=given) for v in variables
            )
        return self._reads[key]

    def prepare_headers(self, entries: Iterable[PostEntry]) -> None:
        """Render the posts' headers ahead, in one pass, once every page has its content.

        One after another they render in about half the time they take one per page, between
        the theme's work on whole pages. Only for a header template that does not read ``page``
        (see :func:`template_reads`): the rest of its context is known before the page is built.
        """
        if self.reads("post-header.html", "page"):
            return
        for entry in entries:
            page = entry.file.page
            if page is not None and page.content is not None:
                show_title = not header_place(page.content, entry.post.title)[1]
                try:
                    header = self._header(entry, page, show_title=show_title)
                except Exception:
                    # A broken template fails again when the post is built, where MkDocs'
                    # error names the page.
                    return
                self._headers[entry.file.src_uri] = (show_title, header)

    def post_page(self, html: str, entry: PostEntry, page: Page) -> str:
        """The post's content with its header (date, category, tags) above the text."""
        place, has_title = header_place(html, entry.post.title)
        show_title = not has_title
        ready = self._headers.pop(entry.file.src_uri, None)
        if ready is not None and ready[0] == show_title:
            header = ready[1]
        else:  # Not rendered ahead, or another plugin has changed the page's <h1> since.
            header = self._header(entry, page, show_title=show_title)
        # Keep the author's own <h1> first: the header belongs under the title.
        return html[:place] + header + html[place:] + self._footer(entry, page)

    def _footer(self, entry: PostEntry, page: Page) -> str:
        blog, path = self.blog, entry.post.path
        prefix = root_prefix(page.url)
        near = blog.neighbours.get(path)
        related = blog.related.get(path, ())
        alone = near is None or (near.older is None and near.newer is None)
        if alone and not related and not self.back_link:
            return ""
        return self.render(
            "post-footer.html",
            page,
            post=self.views.post_at(entry.post, prefix),
            related=[self.views.post_at(other, prefix) for other in related],
            older=self.views.post_at(near.older, prefix) if near and near.older else None,
            newer=self.views.post_at(near.newer, prefix) if near and near.newer else None,
            show_back=self.back_link,
            links=self._links(page.url),
        )

    def _series(self, entry: PostEntry, page_url: str) -> dict[str, Any] | None:
        """The post's series box: every part, this one marked, and the parts around it."""
        key = self.blog.series_of.get(entry.post.path)
        if key is None:
            return None
        series = self.blog.series[key]
        prefix = root_prefix(page_url)
        parts = [self.views.post_at(part, prefix) for part in series.parts]
        at = next(n for n, part in enumerate(series.parts) if part.path == entry.post.path)
        page = self.blog.term_urls.get("series", {}).get(key)
        return {
            "name": series.name,
            "url": prefix + page if page is not None else None,
            "parts": [
                {"title": part.title, "url": part.url, "current": n == at}
                for n, part in enumerate(parts)
            ],
            "previous": parts[at - 1] if at > 0 else None,
            "next": parts[at + 1] if at + 1 < len(parts) else None,
        }

    def _header(self, entry: PostEntry, page: Page, *, show_title: bool) -> str:
        return self.render(
            "post-header.html",
            page,
            post=self.views.post(entry.post, page.url),
            show_title=show_title,
            show_image=self.image_in_post,
            links=self._links(page.url),
            related_links=self.related_links(entry, page.url) if self.related_links else [],
            series=self._series(entry, page.url),
        )

    def listing_page(self, html: str, listing: Listing, page: Page) -> str:
        """A listing's HTML: alone on a generated page, added to a page the user wrote."""
        page_url = page.url
        if listing.number > 1 and not html:
            # The text of the page the user wrote for page 1 (pagination_keep_content).
            html = self.blog.intros.get(listing.pages[0].file.src_uri, "")
        if listing.kind in _TERM_INDEXES:
            kind = _TERM_INDEXES[listing.kind]
            body = self.render(
                "terms.html",
                page,
                kind=kind,
                title=listing.title,
                show_title=listing.generated,
                terms=self.views.terms(list(listing.terms), kind, page_url),
                links=self._links(page_url),
            )
        else:
            prefix = root_prefix(page_url)
            posts = [self.views.post_at(post, prefix) for post in listing.posts]
            if listing.kind in self.toc_kinds:
                page.toc = listing_toc(page, posts, generated=listing.generated)
            body = self.render(
                "listing.html",
                page,
                kind=listing.kind.value,
                # Page 2 of a listing whose first page the user wrote is named like that page.
                title=page.heading if isinstance(page, ListingPage) else listing.title,
                term=listing.term.name if listing.term else None,
                show_title=listing.generated and not html,
                posts=posts,
                entries=[self._entry(post, page) for post in posts],
                pagination=self._pagination(listing, listing.pages, page_url),
                links=self._links(page_url),
            )
        if LISTING_MARKER in html:
            return html.replace(LISTING_MARKER, body, 1)
        return html + body

    def post_list(self, posts: Sequence[Post], page: Page) -> str:
        """Posts listed in any page (``<!-- frontmatter-blog:posts ... -->``)."""
        prefix = root_prefix(page.url)
        views = [self.views.post_at(post, prefix) for post in posts]
        return self.render(
            "post-list.html",
            page,
            posts=views,
            entries=[self._entry(view, page) for view in views],
            links=self._links(page.url),
        )

    def _entry(self, post: PostView, page: Page) -> Markup:
        """A post's entry in a listing. A post appears in many listings (index, category, tags)
        whose pages mostly share a depth, and so the same view: each is rendered once, unless
        the template reads the page itself (its ``url`` filter, say). ``base_url`` is the same
        at one depth, so a template may read it and still be reused."""
        if self.reads("entry.html", "page"):
            return Markup(self._render_entry(post, page))
        html = self._entries.get(post)
        if html is None:
            html = self._entries[post] = Markup(self._render_entry(post, page))
        return html

    def _render_entry(self, post: PostView, page: Page) -> str:
        return self.render(
            "entry.html",
            page,
            post=post,
            show_image=self.image_in_listing,
            max_authors=self.max_authors,
            max_categories=self.max_categories,
        )

    def _pagination(self, listing: Listing, pages: list[Listing], page_url: str) -> dict[str, Any]:
        def url(number: int) -> str:
            return get_relative_url(pages[number - 1].file.url, page_url)

        number = listing.number
        return {
            "number": number,
            "count": len(pages),
            # A window of page numbers (None for a gap): the bar stays short, and its cost does
            # not grow with the number of pages.
            "pages": [
                {"number": n, "url": url(n)} if n is not None else None
                for n in page_window(number, len(pages), around=self.pages_around)
            ],
            "if_single_page": self.bar_on_single_page,
            "previous": url(number - 1) if number > 1 else None,
            "next": url(number + 1) if number < len(pages) else None,
        }

    def _links(self, page_url: str) -> dict[str, str | None]:
        """Links to the blog's index pages, for templates that want them."""
        blog = self.blog

        def relative(url: str | None) -> str | None:
            return get_relative_url(url, page_url) if url is not None else None

        return {
            "blog": relative(blog.index_url),
            "tags": relative(blog.tags_url),
            "categories": relative(blog.categories_url),
            "archive": relative(blog.archive_url),
            "feed": relative(self.feed_url(page_url) if self.feed_url is not None else None),
        }


def listing_toc(page: Page, posts: list[PostView], *, generated: bool) -> TableOfContents:
    """The listing's table of contents with its posts in it, as Material's ``blog_toc``
    makes it: under the page's first heading (the user's, on a page they wrote)."""
    entries = [AnchorLink(escape(post.title), post.anchor, 2) for post in posts if post.anchor]
    toc = page.toc if not generated and page.toc is not None else TableOfContents([])
    items = list(toc)
    if items:
        items[0].children.extend(entries)
        return toc
    return TableOfContents(entries)


def template_reads(
    env: jinja2.Environment,
    name: str,
    variable: str,
    _seen: frozenset[str] = frozenset(),
    *,
    provided: frozenset[str] = frozenset(),
) -> bool:
    """Whether template ``name`` may read ``variable`` from its context.

    True when it or a template it includes, imports or extends names the variable, uses a
    global (``lipsum()``, ``_()``), or a filter or test that sees the whole context (MkDocs'
    ``url`` reads the page) or is not Jinja's own; also when it refers to a template by a
    computed name, or a template cannot be read. A ``False`` is safe to rely on, short of a
    template reaching into Jinja's internals (``self._TemplateReference__context``).
    ``provided``: names the renderer passes in every context (the labels' ``_()``...), which
    hide globals of the same name (the theme's own ``_`` under MkDocs' themes).
    """
    assert env.loader is not None, "the theme's environment always has a loader"
    try:
        source, _, _ = env.loader.get_source(env, name)
        tree = env.parse(source)
    except jinja2.TemplateNotFound:
        # For an include (`ignore missing`, or one of a list of fallbacks), a missing template
        # renders nothing, and the others in the list are looked at in turn.
        return not _seen
    except jinja2.TemplateError:
        return True  # a template Jinja itself may never compile: assume the worst
    if variable in jinja2.meta.find_undeclared_variables(tree) or _calls_out(env, tree, provided):
        return True
    seen = _seen | {name}
    for other in jinja2.meta.find_referenced_templates(tree):
        if other is None:  # a computed name: it could be any template
            return True
        if other not in seen and template_reads(env, other, variable, seen, provided=provided):
            return True
    return False


# Globals whose value depends on nothing but their arguments, as Jinja defines them.
_PURE_GLOBALS = {
    name: value
    for name, value in DEFAULT_NAMESPACE.items()
    if name in {"range", "dict", "cycler", "joiner", "namespace"}
}


def _calls_out(
    env: jinja2.Environment, tree: nodes.Template, provided: frozenset[str] = frozenset()
) -> bool:
    """Whether a template uses anything that could depend on more than the values passed in:
    a global other than Jinja's plain helpers (``range``, ``dict``, ...), or a filter or test
    that is not Jinja's own or that is handed the context (``url``, ``random``, ``map``)."""
    for node in tree.find_all((nodes.Filter, nodes.Test)):
        is_filter = isinstance(node, nodes.Filter)
        own: Mapping[str, Any] = FILTERS if is_filter else TESTS
        table: Mapping[str, Any] = env.filters if is_filter else env.tests
        actual = table.get(node.name)
        # Sees the context, or is not Jinja's own (a theme or plugin may have rebound the name).
        if actual is None or _sees_context(actual) or actual is not own.get(node.name):
            return True
    return any(
        name.ctx == "load"
        and name.name in env.globals
        and name.name not in provided
        and env.globals[name.name] is not _PURE_GLOBALS.get(name.name)
        for name in tree.find_all(nodes.Name)
    )


def _sees_context(function: Callable[..., Any]) -> bool:
    return _PassArg.from_obj(function) is _PassArg.context
