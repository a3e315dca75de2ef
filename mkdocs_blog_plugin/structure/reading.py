"""What listings show of a post beyond its front matter: its excerpt and its read time,
taken from the post's HTML once MkDocs has converted it (never a second conversion)."""

from __future__ import annotations

from collections.abc import Sequence

from mkdocs.plugins import get_plugin_logger

from mkdocs_blog_plugin.config import BlogConfig
from mkdocs_blog_plugin.core.excerpt import clean_excerpt, split_excerpt
from mkdocs_blog_plugin.core.readtime import count_reading, minutes
from mkdocs_blog_plugin.renderer.render import header_place
from mkdocs_blog_plugin.structure.blog import Blog, PostEntry
from mkdocs_blog_plugin.structure.pages import PostPage

log = get_plugin_logger(__name__)


def read_post_html(
    blog: Blog, entry: PostEntry, html: str, options: BlogConfig, slots: Sequence[str] = ()
) -> None:
    """Keep the post's excerpt and read time in ``blog``, from its rendered ``html``;
    ``slots``: the HTML of the ad slots inserted in it, which are not read."""
    post = entry.post
    if options.post_readtime:
        blog.reading[post.path] = post.readtime or minutes(
            count_reading(html, leave_out=slots),
            words_per_minute=options.post_readtime_words_per_minute,
            characters_per_minute=options.post_readtime_characters_per_minute,
        )
    separator = options.post_excerpt_separator
    excerpt = split_excerpt(html, separator)
    if excerpt is None:
        if options.post_excerpt == "required" and not post.draft:
            log.warning(
                f"{post.path}: no excerpt separator {separator!r} in the post "
                "(post_excerpt: required); its listing entry shows its description"
            )
        return
    # The listing entry shows the title: not the post's own <h1> a second time.
    place, has_title = header_place(excerpt)
    if has_title:
        excerpt = excerpt[place:]
    excerpt = clean_excerpt(excerpt).strip()
    if excerpt:
        blog.excerpts[post.path] = excerpt


class KeptReading:
    """Excerpts and read times of the last build, kept across ``mkdocs serve`` rebuilds: a
    dirty build (``--dirty``) renders only the posts that changed, and the listings it
    rebuilds show the others' excerpts and read times from here, while their text is the
    same."""

    def __init__(self) -> None:
        self._kept: dict[str, tuple[int, str | None, int | None]] = {}

    def keep(self, blog: Blog) -> None:
        """Remember what this build read of its posts."""
        for entry in blog.posts:
            page = entry.file.page
            path = entry.post.path
            if isinstance(page, PostPage) and (path in blog.reading or path in blog.excerpts):
                self._kept[path] = (
                    page.source_key,
                    blog.excerpts.get(path),
                    blog.reading.get(path),
                )

    def fill(self, blog: Blog) -> None:
        """Give the posts this build did not render what was read of them before."""
        for entry in blog.posts:
            page = entry.file.page
            path = entry.post.path
            kept = self._kept.get(path)
            if not isinstance(page, PostPage) or kept is None or page.content is not None:
                continue
            key, excerpt, minutes = kept
            if key != page.source_key:
                continue
            if excerpt is not None:
                blog.excerpts[path] = excerpt
            if minutes is not None:
                blog.reading[path] = minutes
