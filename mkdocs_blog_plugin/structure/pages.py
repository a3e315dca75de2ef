"""Page types of posts and generated listings: the front matter is read once, in on_files."""

from __future__ import annotations

import html
from collections.abc import Iterable
from typing import Any

from markupsafe import Markup, escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc
from mkdocs.utils import meta as mkdocs_meta

from mkdocs_blog_plugin.core.post import Post
from mkdocs_blog_plugin.i18n import Labels
from mkdocs_blog_plugin.structure.render_cache import RenderCache, Slots


def _text(value: str) -> Markup:
    # Titles and descriptions are author text, and themes print page.meta unescaped.
    return Markup(escape(value))


class ListingFile(File):
    """The file of a generated listing page: its content is in memory, which MkDocs reads, and
    its ``abs_src_path`` is an empty file of its own outside ``docs_dir``, as Material's blog
    gives its generated pages. Plugins that date pages from git or the file system
    (mkdocs-rss-plugin, git-revision-date plugins) read that path for every page and fail on
    ``None``; a file outside the site's repository has no history and says nothing.

    The empty file is made the first time something asks for the path: most builds never do,
    and making a file for each of a large blog's listing pages costs about a second for every
    6,000 of them."""

    _source: str | None = None
    _source_made = True

    def defer_source(self, path: str) -> None:
        """Name ``path`` as the empty source file, made when first asked for."""
        self._source = path
        self._source_made = False

    @property
    def abs_src_path(self) -> str | None:
        path = self._source
        if path is not None and not self._source_made:
            self._source_made = True
            try:
                with open(path, "x", encoding="utf-8"):
                    pass
            except OSError:
                # Made already (a copy of this file asked first), or the build that made the
                # folder has ended and removed it: the path is given all the same, as when the
                # file was made with the folder.
                pass
        return path

    @abs_src_path.setter
    def abs_src_path(self, value: str | None) -> None:
        # MkDocs sets it: to None when it gives the file content.
        self._source = value
        self._source_made = True


class PostPage(Page):
    """A post. Its source was read and its front matter parsed in on_files; MkDocs would
    read and parse them again."""

    def __init__(self, file: File, config: MkDocsConfig, post: Post, body: str) -> None:
        super().__init__(None, file, config)
        self.post = post
        self._body: str | None = body
        self.source_key = hash((post.title, body))
        """What the post's excerpt and read time depend on: kept across ``serve`` rebuilds."""
        self.render_cache: RenderCache | None = None
        """Under ``mkdocs serve``: where the last build's conversion of the post may be."""
        self.slots: Slots | None = None
        """With ``render_cache``: where the post's ad slot request is, if it may have one."""
        date_sitemap_entry(self, [post])

    def render(self, config: MkDocsConfig, files: Files) -> None:
        if self.render_cache is None:
            super().render(config, files)
            return
        self.render_cache.render(
            self, config, files, lambda: Page.render(self, config, files), self.slots
        )

    def read_source(self, config: MkDocsConfig) -> None:
        source = config.plugins.on_page_read_source(page=self, config=config)
        body, self._body = self._body, None  # Page.markdown keeps the only copy.
        if source is not None:  # Another plugin supplies the source.
            self.markdown, self.meta = mkdocs_meta.get_data(source)
            return
        if body is None:  # Read a second time.
            super().read_source(config)
            return
        self.markdown = body
        meta: dict[str, Any] = dict(self.post.meta)
        meta["title"] = _text(self.post.title)
        if "tags" in meta and not _is_list_of_names(meta["tags"]):
            # `tags: a, b` or `tags: one`, as other generators write them: other plugins that
            # read page.meta's tags (Material's tags plugin) expect a list, and fail the build.
            meta["tags"] = list(self.post.tags)
        if self.post.description:
            meta["description"] = _text(self.post.description)
        self.meta = meta


def date_sitemap_entry(page: Page, posts: Iterable[Post]) -> None:
    """The sitemap's ``<lastmod>`` of a post (its update date, else its publication date) or of
    a listing (its newest post's), not the day of the build; unless that is later (a post dated
    ahead; MkDocs stamps sitemap.xml.gz with the latest too)."""
    changes = [changed for post in posts if (changed := post.updated or post.published)]
    if changes and (day := max(changes).date().isoformat()) < page.update_date:
        page.update_date = day


def _is_list_of_names(value: object) -> bool:
    return isinstance(value, list) and all(
        isinstance(item, (str, int, float)) and not isinstance(item, bool) for item in value
    )


class ListingPage(Page):
    """A page generated for a listing (blog index, tag, category, index of terms).

    It has no Markdown to convert: the plugin renders the listing into its content in
    ``on_page_context``. Skipping the conversion skips building a Markdown parser with every
    configured extension, the largest cost of an empty page.
    """

    def __init__(
        self,
        file: File,
        config: MkDocsConfig,
        title: str,
        *,
        number: int = 1,
        named_by: File | None = None,
        labels: Labels | None = None,
    ) -> None:
        super().__init__(None, file, config)
        self.listing_title = title
        self.labels = labels if labels is not None else Labels()
        self.number = number
        """Page number within its listing; pages after the first say so in their title."""
        self.named_by = named_by
        """The page the user wrote for page 1 of this listing, whose title this page takes."""

    @property
    def heading(self) -> str:
        """The listing's name: the title of the user's page 1, if any, as text.

        MkDocs reads and renders the pages the user wrote before generated ones, so by the time
        this page is read, page 1's title is known.
        """
        named_by = self.named_by.page if self.named_by is not None else None
        if named_by is not None and named_by.title:
            # A title from page 1's first heading is HTML already; one from its front matter,
            # the nav or the file name is raw text, which must not become markup here.
            # Unescaping, then escaping, reads both as the browser shows page 1's <title>.
            return _text(html.unescape(str(named_by.title)))
        return _text(self.listing_title)

    def read_source(self, config: MkDocsConfig) -> None:
        self.markdown = ""
        title = self.heading
        if self.number > 1:
            title = self.labels.gettext(
                "{title} – page {number}", title=title, number=self.labels.number(self.number)
            )
        # Listings repeat their posts' titles and descriptions: search should lead to the
        # posts (Material's search honours this).
        self.meta = {"title": title, "search": {"exclude": True}}

    def render(self, config: MkDocsConfig, files: Files) -> None:
        self.content = ""
        self.toc = get_toc([])
        self.present_anchor_ids = set()
        self.links_to_anchors = {}


class SourcePage(Page):
    """One of the blog's own pages (``blog/index.md``, Hugo's ``_index.md``...) whose front
    matter is TOML or JSON: MkDocs reads only YAML and would show it as text."""

    def __init__(self, file: File, config: MkDocsConfig, meta: dict[str, Any], body: str) -> None:
        super().__init__(None, file, config)
        self._source: tuple[dict[str, Any], str] | None = (meta, body)

    def read_source(self, config: MkDocsConfig) -> None:
        source = config.plugins.on_page_read_source(page=self, config=config)
        read, self._source = self._source, None
        if source is not None:  # Another plugin supplies the source.
            self.markdown, self.meta = mkdocs_meta.get_data(source)
        elif read is None:  # Read a second time.
            super().read_source(config)
        else:
            self.meta, self.markdown = read  # as MkDocs gives a page its YAML front matter
