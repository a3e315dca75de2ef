"""Page types of posts and generated listings: the front matter is read once, in on_files."""

from __future__ import annotations

from typing import Any

from markupsafe import Markup, escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc
from mkdocs.utils import meta as mkdocs_meta

from mkdocs_blog_plugin.core.post import Post


def _text(value: str) -> Markup:
    # Titles and descriptions are author text, and themes print page.meta unescaped.
    return Markup(escape(value))


class PostPage(Page):
    """A post. Its source was read and its front matter parsed in on_files; MkDocs would
    read and parse them again."""

    def __init__(self, file: File, config: MkDocsConfig, post: Post, body: str) -> None:
        super().__init__(None, file, config)
        self.post = post
        self._body: str | None = body

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
        if self.post.description:
            meta["description"] = _text(self.post.description)
        self.meta = meta


class ListingPage(Page):
    """A page generated for a listing (blog index, tag, category, index of terms).

    It has no Markdown to convert: the plugin renders the listing into its content in
    ``on_page_context``. Skipping the conversion skips building a Markdown parser with every
    configured extension, the largest cost of an empty page.
    """

    def __init__(self, file: File, config: MkDocsConfig, title: str) -> None:
        super().__init__(None, file, config)
        self.listing_title = title

    def read_source(self, config: MkDocsConfig) -> None:
        self.markdown = ""
        # Listings repeat their posts' titles and descriptions: search should lead to the
        # posts (Material's search honours this).
        self.meta = {"title": _text(self.listing_title), "search": {"exclude": True}}

    def render(self, config: MkDocsConfig, files: Files) -> None:
        self.content = ""
        self.toc = get_toc([])
        self.present_anchor_ids = set()
        self.links_to_anchors = {}
