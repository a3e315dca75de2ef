"""Typed configuration of the ``frontmatter-blog`` plugin.

Every option has a default, so ``- frontmatter-blog`` alone gives a working blog.
"""

from __future__ import annotations

import zoneinfo
from collections.abc import Callable
from typing import Any

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.base import BaseConfigOption, ValidationError

from mkdocs_blog_plugin.ads_config import AdsConfig
from mkdocs_blog_plugin.compat.material import MaterialNames, apply_material
from mkdocs_blog_plugin.core.dates import check_date_format
from mkdocs_blog_plugin.core.fields import FIELD_KEYS
from mkdocs_blog_plugin.core.slugs import is_valid_slug
from mkdocs_blog_plugin.core.urls import check_url_format
from mkdocs_blog_plugin.i18n import check_overrides, known_labels
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


class _BlogDirOption(_PathSegmentOption):
    """``blog`` or ``news/posts``, or ``.``: the whole site is the blog."""

    def run_validation(self, value: object) -> str:
        if isinstance(value, str) and value.strip() in (".", "./"):
            return "."
        return super().run_validation(value)


class _UrlFormatOption(c.Type[str]):
    """A URL format such as ``{date}/{slug}``, with only the placeholders it may use."""

    def __init__(
        self,
        allowed: tuple[str, ...],
        default: str | None = None,
        *,
        required: tuple[str, ...] = (),
    ) -> None:
        super().__init__(str, default=default)
        self.allowed = allowed
        self.needs = required  # BaseConfigOption.required is another thing

    def run_validation(self, value: object) -> str:
        text = super().run_validation(value)
        problem = check_url_format(text, self.allowed)
        if problem is not None:
            raise ValidationError(problem)
        if self.needs and not any("{" + name + "}" in text for name in self.needs):
            wanted = " or ".join("{" + name + "}" for name in self.needs)
            raise ValidationError(f"{text!r} has no {wanted}: every page would be at one address")
        return text


class _DateFormatOption(c.Type[str]):
    """A CLDR name (``long``), a CLDR pattern (``d MMMM y``) or a ``strftime`` pattern."""

    def __init__(self, default: str) -> None:
        super().__init__(str, default=default)

    def run_validation(self, value: object) -> str:
        text = super().run_validation(value)
        problem = check_date_format(text)
        if problem is not None:
            raise ValidationError(problem)
        return text


class _LabelsOption(BaseConfigOption[dict[str, Any]]):
    """Labels by their English text: a text each, or a text per CLDR plural category."""

    def __init__(self) -> None:
        super().__init__()
        self.default: dict[str, Any] = {}

    def run_validation(self, value: object) -> dict[str, Any]:
        if value is None:
            return {}
        if not isinstance(value, dict):
            raise ValidationError(
                f"labels must map labels (their English text) to your own, not {value!r}"
            )
        problems = check_overrides(value, known_labels())
        if problems:
            raise ValidationError("; ".join(problems))
        return value


class _CallableOption(BaseConfigOption[Callable[..., Any] | None]):
    """A Python function, given in YAML as ``!!python/name:module.function`` (or with
    ``!!python/object/apply:`` for a factory's result), as Material's options take them."""

    def __init__(self) -> None:
        super().__init__()
        self.default = None

    def run_validation(self, value: object) -> Callable[..., Any] | None:
        if value is None or callable(value):
            return value
        raise ValidationError(
            f"expected a Python function such as !!python/name:pymdownx.slugs.uslugify, "
            f"got {value!r}"
        )


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
    """Feeds of the newest posts, for feed readers."""

    written: frozenset[str] = frozenset()
    """The options ``mkdocs.yml`` sets."""

    def load_dict(self, patch: dict[str, Any]) -> None:
        self.written = self.written | frozenset(patch)
        super().load_dict(patch)

    enabled = c.Type(bool, default=True)
    """Write the feed. It needs ``site_url``: feed links are absolute."""
    path = _FeedFileOption(default="feed.xml")
    """File name of the feed, at the site root: ``feed.xml``."""
    limit = CountOption(default=20, minimum=1)
    """How many of the newest posts the feed holds."""
    title = c.Optional(c.Type(str))
    """Title of the feed; by default ``site_name``."""
    rss = c.Type(bool, default=True)
    """Also an RSS 2.0 feed, ``rss.xml`` beside ``feed.xml``."""
    json = c.Type(bool, default=True)
    """Also a JSON Feed 1.1, ``feed.json`` beside ``feed.xml``."""
    per_tag = c.Type(bool, default=True)
    """A feed of each tag, in its page's folder (``blog/tags/python/feed.xml``, and ``rss.xml``
    and ``feed.json``)."""
    per_category = c.Type(bool, default=True)
    """A feed of each category, in its page's folder."""
    content = c.Choice(("full", "excerpt", "description"), default="excerpt")
    """What an entry holds: the whole post (``full``), its excerpt (the text above
    ``<!-- more -->``, else its description) or its ``description`` only. Links and images in
    it are made absolute."""


class NeighboursConfig(base.Config):
    """Links to the previous (older) and next (newer) post under each post."""

    enabled = c.Type(bool, default=True)
    """Show them."""
    scope = c.Choice(("all", "category", "series"), default="all")
    """``all``: the older and newer post of the blog; ``category``: within the post's first
    category; ``series``: within its series (posts in none get none)."""


class RelatedConfig(base.Config):
    """Posts that share tags and categories with a post, listed under it."""

    enabled = c.Type(bool, default=True)
    """Show them (a post's front matter ``related: false`` turns them off for it)."""
    limit = CountOption(default=3, minimum=1)
    """How many."""


class SeriesConfig(base.Config):
    """Posts in a series (front matter ``series: Name``, ``series_order: 2``)."""

    enabled = c.Type(bool, default=True)
    """A box on each part listing every part, and a page per series."""
    url_format = _UrlFormatOption(("slug",), default="series/{slug}", required=("slug",))
    """Where a series' page is, under ``blog_dir``."""
    title = c.Optional(c.Type(str))
    """Title of a series' page; ``{name}`` is the series. Unset: "Series: {name}" in the
    site's language."""


class MetadataConfig(base.Config):
    """Open Graph, Twitter card and JSON-LD in the ``<head>`` of posts and listings, for link
    previews and search engines."""

    enabled = c.Type(bool, default=True)
    """Write them; ``false`` for a site with its own SEO plugin. Tags the theme or another
    plugin already wrote are never written twice."""
    twitter = c.Type(bool, default=True)
    """Also the Twitter (X) card tags."""


class HeroImageConfig(base.Config):
    """Where a post's hero image (``heroImage``, ``image``, ``cover``...) is shown."""

    in_post = c.Type(bool, default=True)
    """Under the post's title and date line."""
    in_listing = c.Type(bool, default=True)
    """In the post's entry on listing pages."""


def pagination_window(pagination_format: str) -> int | None:
    """How many page numbers either side of the current one ``~N~`` asks for."""
    text = pagination_format.strip()
    if len(text) >= 3 and text[0] == text[-1] == "~" and text[1:-1].isdigit():
        return int(text[1:-1])
    return None


class BlogConfig(MaterialNames):
    """Options of the ``frontmatter-blog`` plugin.

    Material's blog options are ours too: most with the same name, the others in
    :class:`~mkdocs_blog_plugin.compat.material.MaterialNames`."""

    enabled = c.Type(bool, default=True)
    """Turn the whole plugin off, e.g. with ``!ENV`` in a quick preview."""
    preset = c.Optional(c.Choice(("material",)))
    """``material``: Material's blog defaults, so that a blog moved from it keeps every URL:
    posts in ``{blog}/posts`` at ``{date}/{slug}``, categories at ``category/{slug}``, dates
    formatted ``long``. Options set in ``mkdocs.yml`` win over the preset."""
    blog_dir = _BlogDirOption(default="blog")
    """Folder of ``docs_dir`` whose Markdown pages are posts (``x.md``, or ``x/index.md`` with its
    images), except the blog's own ``index.md`` and the generated pages' folders. ``.``: the
    whole site is the blog, its index the home page."""
    blog_toc = c.Type(bool, default=False)
    """List a listing page's posts in its table of contents (Material's option); the archive,
    category and author pages follow it unless their own option says otherwise."""
    post_dir = c.Type(str, default="{blog}")
    """Folder of the posts; ``{blog}`` stands for ``blog_dir``. Other pages in ``blog_dir``
    are pages. Under ``preset: material``, ``{blog}/posts`` (its images are published without
    ``posts/`` in their path, as Material does)."""
    post_url_format = c.Optional(_UrlFormatOption(("date", "slug", "categories", "file")))
    """Where posts are published, under ``blog_dir``: ``{date}/{slug}`` is
    ``blog/2024/01/31/my-title/``. ``{date}`` (``post_url_date_format``), ``{slug}`` (the
    front matter's ``slug``, else from the title), ``{categories}`` (the first
    ``post_url_max_categories``, as slugs), ``{file}`` (the file's name). Unset: a post keeps
    its file's URL. Under ``preset: material``: ``{date}/{slug}``."""
    post_url_date_format = _DateFormatOption(default="yyyy/MM/dd")
    """How ``{date}`` is written in post URLs: a CLDR pattern (``yyyy/MM/dd``)."""
    post_url_max_categories = CountOption(default=1, minimum=0)
    """How many categories ``{categories}`` puts in a post's URL."""
    post_slugify = _CallableOption()
    """A function ``(title, separator) -> slug`` for ``{slug}`` (Material's option). Unset:
    Material's own default under the preset, else the plugin's Unicode-keeping slugs."""
    post_slugify_separator = c.Type(str, default="-")
    """What ``post_slugify`` puts between words."""
    keep_file_urls = c.Type(bool, default=False)
    """With ``post_url_format``: a small redirect page at each post's file URL
    (``blog/posts/my-post/``), so links to the old addresses keep working."""
    slugs = c.Choice(("unicode", "material"), default="unicode")
    """How slugs are made from titles and category names: ``unicode`` keeps letters of every
    script and spells out ``C++`` and ``C#``; ``material`` makes them as Material's blog does
    (``preset: material`` sets it), so category and post URLs stay the same."""
    post_excerpt = c.Choice(("optional", "required"), default="optional")
    """``required``: warn about every post without the excerpt separator."""
    post_excerpt_separator = c.Type(str, default="<!-- more -->")
    """The line that ends a post's excerpt: listings show the text above it, with a
    "Continue reading" link. Posts without it show their ``description``."""
    post_excerpt_max_authors = c.Optional(CountOption(minimum=0))
    """How many authors a listing entry names; unset: all. ``preset: material``: 1."""
    post_excerpt_max_categories = c.Optional(CountOption(minimum=0))
    """How many categories a listing entry names; unset: all. ``preset: material``: 5."""
    post_readtime = c.Type(bool, default=True)
    """Show each post's reading time, in the post and in listings."""
    post_readtime_words_per_minute = CountOption(default=265, minimum=1)
    """Reading speed for words (Material's 265). Chinese and Japanese text is counted by
    characters, at ``post_readtime_characters_per_minute``."""
    post_readtime_characters_per_minute = CountOption(default=500, minimum=1)
    """Reading speed for Chinese and Japanese characters."""
    archive = c.Type(bool, default=True)
    """A page per year (``archive/2024/``) listing its posts, newest first."""
    archive_title = c.Optional(c.Type(str))
    """Title of the archive index and of the archive's section. Unset: "Archive" in the site's
    language."""
    archive_date_format = _DateFormatOption(default="yyyy")
    """Title of an archive page: the date in this CLDR pattern (``yyyy``, ``MMMM yyyy``)."""
    archive_url_date_format = _DateFormatOption(default="yyyy")
    """How ``{date}`` is written in archive URLs (``yyyy/MM`` for a page per month)."""
    archive_url_format = _UrlFormatOption(("date",), default="archive/{date}", required=("date",))
    """Where archive pages are published, under ``blog_dir``."""
    archive_pagination = c.Optional(c.Type(bool))
    """Paginate archive pages; unset: as ``pagination``."""
    archive_pagination_per_page = c.Optional(CountOption(minimum=1))
    """Posts per archive page; unset: ``posts_per_page``."""
    archive_toc = c.Optional(c.Type(bool))
    """List an archive page's posts in its table of contents; unset: ``blog_toc``."""
    categories = c.Type(bool, default=True)
    """A page per category."""
    tags = c.Type(bool, default=True)
    """A page per tag and an index of tags; ``false`` for a site whose tags another plugin
    lists (Material's tags plugin): posts still show their tags, as text."""
    categories_url_format = c.Optional(_UrlFormatOption(("slug",), required=("slug",)))
    """Where category pages are published, under ``blog_dir``. Unset:
    ``{categories_dir}/{slug}``; under ``preset: material``: ``category/{slug}``."""
    categories_slugify = _CallableOption()
    """A function ``(name, separator) -> slug`` for category pages (Material's option)."""
    categories_slugify_separator = c.Type(str, default="-")
    """What ``categories_slugify`` puts between words."""
    categories_sort_by = _CallableOption()
    """A function of a category (``name``, ``posts``) that orders the category index, such as
    ``!!python/name:material.plugins.blog.view_post_count``; unset: by name."""
    categories_sort_reverse = c.Type(bool, default=False)
    """Reverse the order of the category index."""
    categories_allowed = c.ListOfItems(c.Type(str), default=[])
    """When not empty, the only categories posts may have: any other is a warning naming the
    post and the category, and is left out."""
    categories_pagination = c.Optional(c.Type(bool))
    """Paginate category pages; unset: as ``pagination``."""
    categories_pagination_per_page = c.Optional(CountOption(minimum=1))
    """Posts per category page; unset: ``posts_per_page``."""
    categories_toc = c.Optional(c.Type(bool))
    """List a category page's posts in its table of contents; unset: ``blog_toc``."""
    authors = c.Type(bool, default=True)
    """Show posts' authors (from ``authors_file``)."""
    authors_profiles = c.Type(bool, default=False)
    """A page per author, listing their posts, at ``authors_profiles_url_format``."""
    authors_title = c.Optional(c.Type(str))
    """Title of the authors' section. Unset: "Authors" in the site's language."""
    authors_profiles_url_format = _UrlFormatOption(
        ("slug", "name"), default="author/{slug}", required=("slug", "name")
    )
    """Where author pages are published, under ``blog_dir``: ``{slug}`` is the author's
    ``slug`` in ``authors_file``, else their id."""
    authors_profiles_pagination = c.Optional(c.Type(bool))
    """Paginate author pages; unset: as ``pagination``."""
    authors_profiles_pagination_per_page = c.Optional(CountOption(minimum=1))
    """Posts per author page; unset: ``posts_per_page``."""
    authors_profiles_toc = c.Optional(c.Type(bool))
    """List an author page's posts in its table of contents; unset: ``blog_toc``."""
    pagination = c.Type(bool, default=True)
    """Split listings into pages of ``posts_per_page``; ``false``: one page each."""
    pagination_url_format = c.Optional(_UrlFormatOption(("page",), required=("page",)))
    """Where the later pages of a listing are, under it; unset: ``{pagination_dir}/{page}``."""
    pagination_format = c.Type(str, default="~2~")
    """Page numbers in the pagination bar: ``~2~`` shows two either side of the current page
    (Material's format; ``~N~`` is honoured)."""
    pagination_keep_content = c.Type(bool, default=False)
    """Repeat the text of a listing page you wrote (``blog/index.md``) above the posts of its
    later pages too; by default they show its title only."""
    pagination_if_single_page = c.Type(bool, default=False)
    """Show the pagination bar on a listing of one page."""
    nav_sections = c.Type(bool, default=False)
    """Sections after the blog's nav entry, when it is in the nav: the archive's pages, the
    categories' and (with ``authors_profiles``) the authors', as Material's blog adds them.
    ``preset: material`` turns it on."""
    post_sidebar = c.Type(bool, default=True)
    """Under Material and MaterialX, posts use the theme's own post layout
    (``blog-post.html``): a sidebar with the way back to the blog, the authors, the date, the
    categories and the read time, as under Material's blog. A post's ``template`` wins."""
    locale = c.Optional(c.Type(str))
    """Language of labels and dates (``fr``, ``pt-BR``, ``zh-Hant``); unset: the theme's
    ``language`` (Material, MaterialX) or ``locale`` (mkdocs, readthedocs), else English."""
    labels = _LabelsOption()
    """The blog's labels in your own words, by their English text: ``{"Older posts": "Earlier
    writing"}``; a label with a count takes one text or one per CLDR plural category
    (``{one: "{count} minute", other: "{count} minutes"}``). Wins over the shipped
    translations."""
    timezone = _TimezoneOption(default="UTC")
    """Time zone of dates written without one (``2025-01-15`` or ``2025-01-15T10:00:00``)."""
    drafts_on_serve = c.Type(bool, default=True)
    """Show drafts, with a "Draft" banner, under ``mkdocs serve``."""
    future_posts_as_drafts = c.Type(bool, default=False)
    """Treat a post dated in the future as a draft, unless it says ``draft: false``."""
    posts_per_page = CountOption(default=10, minimum=1)
    """Entries on one page of a listing; later entries go to ``page/2/`` and so on."""
    date_format = _DateFormatOption(default="long")
    """Format of displayed dates, in the site's language: a CLDR name (``short``, ``medium``,
    ``long``: ``February 1, 2025``, ``1 février 2025``; ``full``), a CLDR pattern
    (``d MMMM y``), or ``strftime`` (``%B %-d, %Y``; ``%-d``, day without zero, works
    everywhere)."""
    tags_dir = _PathSegmentOption(default="tags")
    """Folder under ``blog_dir`` for the tag index and tag pages."""
    categories_dir = _PathSegmentOption(default="categories")
    """Folder under ``blog_dir`` for the category index and category pages."""
    pagination_dir = _PathSegmentOption(default="page")
    """Folder for the 2nd and later pages of a listing (``blog/page/2/``)."""
    blog_title = c.Optional(c.Type(str))
    """Title of the generated blog index. Unset: "Blog" in the site's language (as every
    title below: each is a label, see ``labels``)."""
    tags_title = c.Optional(c.Type(str))
    """Title of the tag index. Unset: "Tags"."""
    categories_title = c.Optional(c.Type(str))
    """Title of the category index. Unset: "Categories"."""
    tag_title = c.Optional(c.Type(str))
    """Title of one tag's page; ``{name}`` is the tag. Unset: "Posts tagged “{name}”"."""
    category_title = c.Optional(c.Type(str))
    """Title of one category's page; ``{name}`` is the category. Unset: "Posts in “{name}”"."""
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
    """Feeds of the newest posts: Atom (``feed.xml``), RSS (``rss.xml``) and JSON Feed
    (``feed.json``), for the blog and for each tag and category."""
    prev_next = c.SubConfig(NeighboursConfig)
    """Links to the previous and next post under each post."""
    related = c.SubConfig(RelatedConfig)
    """Related posts under each post."""
    series = c.SubConfig(SeriesConfig)
    """Series of posts: a box on each part, a page per series."""
    metadata = c.SubConfig(MetadataConfig)
    """Open Graph, Twitter card and JSON-LD for link previews and search engines."""
    ads = c.SubConfig(AdsConfig)
    """In-article ad slots; see the Ads page of the docs."""

    written: frozenset[str] = frozenset()
    """The options ``mkdocs.yml`` sets (the preset leaves them alone)."""

    def load_dict(self, patch: dict[str, Any]) -> None:
        self.written = self.written | frozenset(patch)
        super().load_dict(patch)

    def validate(self) -> tuple[list[tuple[str, Exception]], list[tuple[str, str]]]:
        failed, warnings = super().validate()
        if failed:
            return failed, warnings
        warnings.extend(apply_material(self, self.written))
        if self.prev_next.scope == "series" and not self.series.enabled:
            warnings.append(
                (
                    "prev_next",
                    "scope: series with series: {enabled: false}: no post is in a series, so no "
                    "post gets previous and next links",
                )
            )
        if pagination_window(self.pagination_format) is None:
            warnings.append(
                (
                    "pagination_format",
                    f"{self.pagination_format!r} is not honoured: the bar shows page numbers "
                    "as '~N~' does (N either side of the current page); '~2~' is used",
                )
            )
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
