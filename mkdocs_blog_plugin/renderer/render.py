"""Render the blog's HTML with the theme's Jinja environment, so ``custom_dir`` overrides apply."""

from __future__ import annotations

import html as html_module
import re
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import jinja2
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
OWN_TEMPLATES = Path(__file__).resolve().parent.parent / "templates" / TEMPLATE_FOLDER
"""The plugin's own templates, as shipped."""
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
    if title is not None:
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
        # Whether rendered entries may be reused across pages: see own_templates.
        self.reuse = own_templates(self.env)
        # Looked up once per name: a build renders thousands of headers and entries.
        self._templates: dict[str, jinja2.Template] = {}

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

    def post_page(self, html: str, entry: PostEntry, page: Page) -> str:
        """The post's content with its header (date, category, tags) above the text."""
        place, has_title = header_place(html, entry.post.title)
        show_title = not has_title
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
        whose pages mostly share a depth, and so the same view: each is rendered once, with the
        plugin's own templates (see :func:`own_templates`)."""
        if not self.reuse:
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


def own_templates(env: jinja2.Environment) -> bool:
    """Whether the theme's loader finds the plugin's own file for every template of its folder:
    none is overridden (from ``custom_dir``, or by a theme that ships its own).

    The plugin's entry template (and what it includes) reads nothing of the page it is
    rendered for but its depth, so an entry is rendered once for every listing at one folder
    depth (a test holds the templates to that). An override may read anything (``page``, the
    ``url`` filter, a theme's function): with one in place, every entry is rendered for its
    own page.
    """
    assert env.loader is not None, "the theme's environment always has a loader"
    for path in sorted(OWN_TEMPLATES.glob("*.html")):
        try:
            _, found, _ = env.loader.get_source(env, f"{TEMPLATE_FOLDER}/{path.name}")
        except jinja2.TemplateError:
            return False
        if found is None or Path(found).resolve() != path:
            return False
    return True
