"""Where the blog's pages are published: posts at ``post_url_format``, listings at theirs.

A post keeps its file's URL unless ``post_url_format`` (or ``preset: material``) says
otherwise; a moved post's ``File`` gets the new ``dest_uri`` and ``url`` before MkDocs reads
any page, so links to it from other pages resolve to its new address, as Material's do.
"""

from __future__ import annotations

import datetime as dt
import os
import posixpath
from collections.abc import Callable

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files

from mkdocs_blog_plugin.config import BlogConfig
from mkdocs_blog_plugin.core.dates import format_date
from mkdocs_blog_plugin.core.post import Post
from mkdocs_blog_plugin.core.slugs import is_valid_slug, slugify
from mkdocs_blog_plugin.core.urls import (
    UrlFormatError,
    blog_prefix,
    format_path,
    in_blog,
    material_slug,
)
from mkdocs_blog_plugin.structure.static_i18n import building_language

log = get_plugin_logger(__name__)


def locale_of(options: BlogConfig, config: MkDocsConfig) -> str:
    """The language of labels and dates: the one mkdocs-static-i18n is building, else
    ``locale``, else the theme's ``language`` (Material, MaterialX) or ``locale`` (MkDocs' own
    themes, a Babel ``Locale`` there), else English."""
    building = building_language(config)
    if building is not None:
        # One `locale` for every language's build would give each the same labels.
        return building
    if options.locale:
        return options.locale
    for key in ("language", "locale"):
        value = config.theme.get(key) if config.theme is not None else None
        if value is not None and str(value):
            return str(value)
    return "en"


def post_folder(options: BlogConfig) -> str:
    """The posts' folder (``post_dir``, its ``{blog}`` filled in), ``""`` for the site root."""
    path = options.post_dir.replace("{blog}", options.blog_dir)
    path = posixpath.normpath(path.strip("/")) if path.strip("/") else "."
    return "" if path == "." else path


class Urls:
    """URL paths of posts and listings, from the options."""

    def __init__(self, options: BlogConfig, config: MkDocsConfig) -> None:
        self.options = options
        self.config = config
        self.locale = locale_of(options, config)
        self.material = options.slugs == "material"
        self.language_suffix = ""
        """The suffix of the language mkdocs-static-i18n builds in suffix mode (``.fr``):
        not part of a post's file name for ``{file}``."""

    # --- slugs -----------------------------------------------------------------------------

    def category_slugify(self) -> Callable[[str], str]:
        """How category names become slugs."""
        custom = self.options.categories_slugify
        separator = self.options.categories_slugify_separator
        if custom is not None:
            return lambda name: str(custom(name, separator))
        if self.material:
            return lambda name: material_slug(name, separator)
        return slugify

    def post_slug(self, post: Post) -> str:
        """``slug`` of the front matter when it is one path segment, else made from the
        title; the file's name when the title makes no slug at all."""
        written = post.meta.get("slug")
        if written is not None:
            text = str(written).strip()
            if is_valid_slug(text):
                return text
            log.warning(
                f"{post.path}: front matter key 'slug' has value {written!r}: a slug is one "
                "path segment, without '/', '..', '?', '#', '%' or spaces; the slug is made from "
                "the title instead"
            )
        separator = self.options.post_slugify_separator
        custom = self.options.post_slugify
        if custom is not None:
            made = str(custom(post.title, separator))
        elif self.material:
            made = material_slug(post.title, separator)
        else:
            made = slugify(post.title)
        made = made.strip("/").replace("/", separator)
        return made if made and is_valid_slug(made) else self.file_name(post)

    def file_name(self, post: Post) -> str:
        """The post's file name, for ``{file}`` and for a title that makes no slug."""
        return _file_name(post.path, self.language_suffix)

    # --- posts -----------------------------------------------------------------------------

    def post_path(self, post: Post, category_slug: Callable[[str], str]) -> str | None:
        """Where the post is published (``blog/2024/01/31/my-post``), or ``None`` to keep its
        file's URL. Warns, naming the file, when the format cannot make a path for it."""
        url_format = self.options.post_url_format
        if url_format is None:
            return None
        if "{date}" in url_format and post.published is None:
            log.warning(
                f"{post.path}: no date in front matter, and post_url_format {url_format!r} "
                "needs one: the post keeps its file's URL"
            )
            return None
        values = {
            "date": self.date(post.published, self.options.post_url_date_format),
            "slug": self.post_slug(post) if "{slug}" in url_format else "",
            "categories": "/".join(
                category_slug(name)
                for name in post.categories[: self.options.post_url_max_categories]
            ),
            "file": self.file_name(post),
        }
        try:
            return in_blog(self.options.blog_dir, format_path(url_format, values))
        except UrlFormatError as error:
            log.warning(
                f"{post.path}: post_url_format makes no URL for it ({error}); it keeps "
                "its file's URL"
            )
            return None

    def date(self, moment: dt.datetime | None, pattern: str) -> str:
        return format_date(moment, pattern, self.locale) if moment is not None else ""

    # --- listings --------------------------------------------------------------------------

    def category_path(self, slug: str) -> str:
        url_format = self.options.categories_url_format or (self.options.categories_dir + "/{slug}")
        return self._listing(url_format, slug=slug)

    def tag_path(self, slug: str) -> str:
        return self._listing(self.options.tags_dir + "/{slug}", slug=slug)

    def archive_path(self, date_text: str) -> str:
        return self._listing(self.options.archive_url_format, date=date_text)

    def archive_index_path(self) -> str | None:
        """The archive index (a list of the archive's pages) in the folder the archive pages
        share, ``archive/``; none when they are at the blog's top (``{date}``)."""
        head = self.options.archive_url_format.split("{", 1)[0].strip("/")
        return in_blog(self.options.blog_dir, head) if head else None

    def series_path(self, slug: str) -> str:
        return self._listing(self.options.series.url_format, slug=slug)

    def author_path(self, slug: str, name: str) -> str:
        return self._listing(self.options.authors_profiles_url_format, slug=slug, name=name)

    def page_path(self, first: str, number: int) -> str:
        """The ``number``-th page of the listing whose first page is at ``first``."""
        url_format = self.options.pagination_url_format or (self.options.pagination_dir + "/{page}")
        inner = format_path(url_format, {"page": str(number)})
        return f"{first}/{inner}" if first else inner

    def _listing(self, url_format: str, **values: str) -> str:
        return in_blog(self.options.blog_dir, format_path(url_format, values))


def _file_name(path: str, language_suffix: str = "") -> str:
    """A post's file name without extension (and without mkdocs-static-i18n's language suffix,
    ``hello.fr.md``); a folder post's folder (``x/index.md``, ``x/index.fr.md``)."""
    parts = path.split("/")
    stem = posixpath.splitext(parts[-1])[0]
    if language_suffix and stem.endswith(language_suffix) and stem != language_suffix:
        stem = stem[: -len(language_suffix)]
    return parts[-2] if stem in ("index", "README") and len(parts) > 1 else stem


def move(file: File, folder: str, config: MkDocsConfig) -> None:
    """Publish ``file`` at ``folder`` (``blog/2024/01/31/x``): its ``dest_uri``, ``url`` and
    ``abs_dest_path``, as MkDocs computes them for a page at that path."""
    place = File(f"{folder}.md", None, config.site_dir, config.use_directory_urls)
    file.dest_uri = place.dest_uri
    file.url = place.url
    file.abs_dest_path = place.abs_dest_path


def move_post_media(
    files: Files, posts_folder: str, blog_dir: str, config: MkDocsConfig
) -> list[File]:
    """Material publishes the images next to posts without the posts' folder in their path
    (``blog/posts/x.png`` at ``blog/x.png``); so do we under the same ``post_dir``, so their
    URLs stay the same. Returns the files moved."""
    moved: list[File] = []
    root = "" if blog_dir == "." else blog_dir
    if not posts_folder or posts_folder == root:
        return moved
    prefix = posts_folder + "/"
    for file in files.media_files():
        if not file.src_uri.startswith(prefix):
            continue
        inner = file.src_uri[len(prefix) :]
        file.dest_uri = blog_prefix(blog_dir) + inner
        file.url = File(file.dest_uri, None, config.site_dir, False).url
        file.abs_dest_path = os.path.normpath(os.path.join(config.site_dir, file.dest_uri))
        moved.append(file)
    return moved
