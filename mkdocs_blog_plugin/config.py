"""Typed configuration of the ``frontmatter-blog`` plugin.

Every option has a default, so ``- frontmatter-blog`` alone gives a working blog.
"""

from __future__ import annotations

import zoneinfo

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.base import BaseConfigOption, ValidationError

from mkdocs_blog_plugin.ads_config import AdsConfig
from mkdocs_blog_plugin.core.fields import FIELD_KEYS
from mkdocs_blog_plugin.core.slugs import is_valid_slug
from mkdocs_blog_plugin.options import CountOption


class _TimezoneOption(c.Type[str]):
    """An IANA time zone name such as ``UTC`` or ``Europe/Paris``."""

    def __init__(self, default: str = "UTC") -> None:
        super().__init__(str, default=default)

    def run_validation(self, value: object) -> str:
        name = super().run_validation(value)
        try:
            zoneinfo.ZoneInfo(name)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError) as error:
            raise ValidationError(
                f"unknown time zone {name!r}: use an IANA name such as 'UTC' or 'Europe/Paris'"
            ) from error
        return name


class _SlugMapOption(c.DictOfItems[str]):
    """A mapping of tag or category name to the slug it must have."""

    def __init__(self) -> None:
        super().__init__(c.Type(str), default={})

    def run_validation(self, value: object) -> dict[str, str]:
        mapping = super().run_validation(value)
        for name, slug in mapping.items():
            if not is_valid_slug(slug):
                raise ValidationError(
                    f"slug {slug!r} for {name!r} is not a valid slug: it must be one non-empty "
                    "path segment of at most 200 bytes, without '/', '\\', '..', '?', '#', "
                    "'%', whitespace or control characters, and not start with '.'"
                )
        return mapping


class _KeysOption(BaseConfigOption[dict[str, list[str]]]):
    """More front-matter keys per field: ``{pubDate: [publishedAt], image: [banner]}``."""

    def __init__(self) -> None:
        super().__init__()
        self.default: dict[str, list[str]] = {}

    def run_validation(self, value: object) -> dict[str, list[str]]:
        if value is None:
            return {}
        if not isinstance(value, dict):
            raise ValidationError(f"expected a mapping of field to keys, got {value!r}")
        keys: dict[str, list[str]] = {}
        for field, names in value.items():
            if field not in FIELD_KEYS:
                raise ValidationError(
                    f"{field!r} is not a field; the fields are {', '.join(FIELD_KEYS)}"
                )
            listed = [names] if isinstance(names, str) else names
            if not isinstance(listed, list) or not all(
                isinstance(name, str) and name.strip() for name in listed
            ):
                raise ValidationError(f"{field}: expected a key or a list of keys, got {names!r}")
            keys[field] = [name.strip() for name in listed]
        return keys


class _PathSegmentOption(c.Type[str]):
    """A relative folder path inside ``docs_dir`` (no leading '/', no '..')."""

    def __init__(self, default: str) -> None:
        super().__init__(str, default=default)

    def run_validation(self, value: object) -> str:
        path = super().run_validation(value).strip().strip("/")
        parts = path.split("/")
        if not path or any(part in ("", ".", "..") for part in parts) or "\\" in path:
            raise ValidationError(
                f"{value!r} is not a relative folder path such as 'blog' or 'news/posts'"
            )
        return path


class _FeedFileOption(c.Type[str]):
    """A file name ending in ``.xml``, at the site root."""

    def __init__(self, default: str) -> None:
        super().__init__(str, default=default)

    def run_validation(self, value: object) -> str:
        name = super().run_validation(value)
        if not name.endswith(".xml") or "/" in name or "\\" in name or name.startswith("."):
            raise ValidationError(f"{name!r}: must be a file name ending in .xml")
        return name


class FeedConfig(base.Config):
    """An Atom feed of the newest posts, for feed readers."""

    enabled = c.Type(bool, default=True)
    """Write the feed. It needs ``site_url``: feed links are absolute."""
    path = _FeedFileOption(default="feed.xml")
    """File name of the feed, at the site root: ``feed.xml``."""
    limit = CountOption(default=20, minimum=1)
    """How many of the newest posts the feed holds."""
    title = c.Optional(c.Type(str))
    """Title of the feed; by default ``site_name``."""


class HeroImageConfig(base.Config):
    """Where a post's hero image (``heroImage``, ``image``, ``cover``...) is shown."""

    in_post = c.Type(bool, default=True)
    """Under the post's title and date line."""
    in_listing = c.Type(bool, default=True)
    """In the post's entry on listing pages."""


class BlogConfig(base.Config):
    """Options of the ``frontmatter-blog`` plugin."""

    enabled = c.Type(bool, default=True)
    """Turn the whole plugin off, e.g. with ``!ENV`` in a quick preview."""
    blog_dir = _PathSegmentOption(default="blog")
    """Folder of ``docs_dir`` whose Markdown pages are posts (``x.md``, or ``x/index.md`` with its
    images), except the blog's own ``index.md`` and the generated pages' folders."""
    timezone = _TimezoneOption(default="UTC")
    """Time zone of dates written without one (``2025-01-15`` or ``2025-01-15T10:00:00``)."""
    drafts_on_serve = c.Type(bool, default=True)
    """Show drafts, with a "Draft" banner, under ``mkdocs serve``."""
    future_posts_as_drafts = c.Type(bool, default=False)
    """Treat a post dated in the future as a draft, unless it says ``draft: false``."""
    posts_per_page = CountOption(default=10, minimum=1)
    """Entries on one page of a listing; later entries go to ``page/2/`` and so on."""
    date_format = c.Type(str, default="%B %-d, %Y")
    """``strftime`` format of displayed dates. ``%-d`` (day without zero) works everywhere."""
    tags_dir = _PathSegmentOption(default="tags")
    """Folder under ``blog_dir`` for the tag index and tag pages."""
    categories_dir = _PathSegmentOption(default="categories")
    """Folder under ``blog_dir`` for the category index and category pages."""
    pagination_dir = _PathSegmentOption(default="page")
    """Folder for the 2nd and later pages of a listing (``blog/page/2/``)."""
    blog_title = c.Type(str, default="Blog")
    """Title of the generated blog index."""
    tags_title = c.Type(str, default="Tags")
    """Title of the tag index."""
    categories_title = c.Type(str, default="Categories")
    """Title of the category index."""
    tag_title = c.Type(str, default="Posts tagged “{name}”")
    """Title of one tag's page; ``{name}`` is the tag."""
    category_title = c.Type(str, default="Posts in “{name}”")
    """Title of one category's page; ``{name}`` is the category."""
    slug_map = _SlugMapOption()
    """Pin the slug of a tag or category: ``{C++: cpp}``. Keys match case-insensitively."""
    posts_in_nav = c.Type(bool, default=False)
    """List posts in an automatic nav (they are left out by default, as a blog has many)."""
    taxonomy_in_nav = c.Type(bool, default=False)
    """List the blog index, tag and category pages in an automatic nav."""
    keys_ = _KeysOption()  # `keys` in mkdocs.yml; a Config is a mapping, with a keys() method
    """More front-matter keys for a field, tried before the default ones:
    ``{pubDate: [publishedAt], image: [banner]}``. Fields: ``pubDate``, ``updatedDate``,
    ``description``, ``category``, ``tags``, ``image``, ``authors``."""
    hero_image = c.SubConfig(HeroImageConfig)
    """Show a post's hero image in the post and in listings."""
    mdx = c.Type(bool, default=True)
    """Read ``.mdx`` files under ``blog_dir`` as posts (their ``import``/``export`` lines
    removed); ``false`` leaves them out. They are never copied into ``site_dir`` as files."""
    authors_file = c.Type(str, default="{blog}/.authors.yml")
    """Authors' names, avatars and links, by id (Material's ``.authors.yml`` format), in
    ``docs_dir``; ``{blog}`` stands for ``blog_dir``. Posts name them in ``authors``."""
    feed = c.SubConfig(FeedConfig)
    """Atom feed of the newest posts at ``feed.xml``."""
    ads = c.SubConfig(AdsConfig)
    """In-article ad slots; see the Ads page of the docs."""

    def validate(self) -> tuple[list[tuple[str, Exception]], list[tuple[str, str]]]:
        failed, warnings = super().validate()
        if failed:
            return failed, warnings
        folders = {
            "tags_dir": self.tags_dir,
            "categories_dir": self.categories_dir,
            "pagination_dir": self.pagination_dir,
        }
        seen: dict[str, str] = {}
        for option, folder in folders.items():
            if folder in seen:
                failed.append(
                    (
                        option,
                        ValidationError(
                            f"{folder!r} is also {seen[folder]}: generated pages would collide"
                        ),
                    )
                )
            seen.setdefault(folder, option)
        return failed, warnings
