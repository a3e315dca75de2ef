"""What listings show of a post beyond its front matter: its excerpt and its read time,
taken from the post's HTML once MkDocs has converted it (never a second conversion)."""

from __future__ import annotations

from mkdocs.plugins import get_plugin_logger

from mkdocs_blog_plugin.config import BlogConfig
from mkdocs_blog_plugin.core.excerpt import clean_excerpt, split_excerpt
from mkdocs_blog_plugin.core.readtime import count_reading, minutes
from mkdocs_blog_plugin.renderer.render import header_place
from mkdocs_blog_plugin.structure.blog import Blog, PostEntry

log = get_plugin_logger(__name__)


def read_post_html(blog: Blog, entry: PostEntry, html: str, options: BlogConfig) -> None:
    """Keep the post's excerpt and read time in ``blog``, from its rendered ``html``."""
    post = entry.post
    if options.post_readtime:
        blog.reading[post.path] = post.readtime or minutes(
            count_reading(html),
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
