"""Build the blog from MkDocs' files: read posts once, hide drafts, generate listing pages."""

from __future__ import annotations

import datetime as dt
import os
import posixpath
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from enum import Enum
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel

from mkdocs_blog_plugin.config import BlogConfig
from mkdocs_blog_plugin.core.authors import Author, read_authors, resolve_authors
from mkdocs_blog_plugin.core.dates import zone
from mkdocs_blog_plugin.core.mdx import mdx_to_markdown
from mkdocs_blog_plugin.core.meta_files import folder_meta
from mkdocs_blog_plugin.core.neighbours import Neighbours, neighbours, series_neighbours
from mkdocs_blog_plugin.core.post import (
    FrontMatterError,
    ParsedPost,
    Post,
    ReadOptions,
    read_post,
)
from mkdocs_blog_plugin.core.related import related_posts
from mkdocs_blog_plugin.core.series import Series, build_series
from mkdocs_blog_plugin.core.slugs import name_key
from mkdocs_blog_plugin.core.taxonomy import (
    Taxonomy,
    Term,
    build_taxonomy,
    paginate,
    safe_slug,
)
from mkdocs_blog_plugin.core.urls import blog_prefix, in_blog, material_slug
from mkdocs_blog_plugin.i18n import Labels
from mkdocs_blog_plugin.structure.images import HeroImage, local_target, resolve_image
from mkdocs_blog_plugin.structure.pages import (
    ListingFile,
    ListingPage,
    PostPage,
    date_sitemap_entry,
)
from mkdocs_blog_plugin.structure.redirects import alias_dest, aliases, redirect_html
from mkdocs_blog_plugin.structure.sources import (
    MdxFile,
    check_blog_page,
    hidden_folders,
    hide,
    read_mdx_as_pages,
    read_meta_files,
    sort_sources,
    withhold_raw_sources,
    withhold_resources,
)
from mkdocs_blog_plugin.structure.static_i18n import LanguageBuild
from mkdocs_blog_plugin.structure.titles import HeadingTitles
from mkdocs_blog_plugin.structure.urls import Urls, move, move_post_media, post_folder

log = get_plugin_logger(__name__)

_DEFAULT_AUTHORS_FILE = BlogConfig.authors_file.default

# What MkDocs gives a page that no exclude_docs / draft_docs / not_in_nav pattern matched.
_DEFAULT_INCLUSION = (InclusionLevel.UNDEFINED, InclusionLevel.INCLUDED)


class ListingKind(Enum):
    INDEX = "index"
    TAG = "tag"
    CATEGORY = "category"
    ARCHIVE = "archive"
    AUTHOR = "author"
    SERIES = "series"
    TAG_INDEX = "tags"
    CATEGORY_INDEX = "categories"
    ARCHIVE_INDEX = "archives"


@dataclass
class Listing:
    """One page of a listing: the blog index, a tag, a category, or an index of terms."""

    kind: ListingKind
    title: str
    file: File
    generated: bool
    """False when the user wrote the page; the listing then goes into their content."""
    posts: Sequence[Post] = ()
    term: Term | None = None
    terms: Sequence[Term] = ()
    number: int = 1
    pages: list[Listing] = field(default_factory=list)
    """All pages of this listing, shared by its pages, for pagination links."""


@dataclass
class PostEntry:
    """A post and the file it came from."""

    post: Post
    file: File


@dataclass
class Blog:
    """Everything the blog knows after ``on_files``."""

    posts: list[PostEntry]
    """Posts visible in this build (drafts only under ``serve``), newest first."""
    tags: Taxonomy
    categories: Taxonomy
    by_src: dict[str, PostEntry]
    listings: dict[str, Listing]
    """Listing pages by ``src_uri``."""
    post_url: dict[int, str]
    """URL of each post, by ``id(post)``."""
    term_urls: dict[str, dict[str, str]]
    """URL of each term's first listing page: ``term_urls["tag"][term.key]``."""
    index_url: str
    tags_url: str | None
    categories_url: str | None
    archive_url: str | None = None
    """The archive index (``blog/archive/``), when there is one."""
    archive: Taxonomy = field(default_factory=lambda: Taxonomy([], {}))
    """The archive's pages as terms: a year each by default, newest first."""
    images: dict[str, HeroImage] = field(default_factory=dict)
    """Each post's hero image, by the post's path, when it has one that was found."""
    authors: dict[str, tuple[Author, ...]] = field(default_factory=dict)
    """Each post's authors, by the post's path."""
    pinned: set[str] = field(default_factory=set)
    """Paths of the pinned posts."""
    excerpts: dict[str, str] = field(default_factory=dict)
    """Each post's excerpt as HTML at the post's URL, by path, once its page is rendered."""
    reading: dict[str, int] = field(default_factory=dict)
    """Each post's minutes of reading, by path, once its page is rendered."""
    index_page: File | None = None
    """The blog index's file (its first page)."""
    neighbours: dict[str, Neighbours] = field(default_factory=dict)
    """Each post's older and newer post (``prev_next``), by path."""
    related: dict[str, tuple[Post, ...]] = field(default_factory=dict)
    """Each post's related posts, by path; never a draft."""
    series: dict[str, Series] = field(default_factory=dict)
    """Series by key, parts in reading order; never a draft."""
    series_of: dict[str, str] = field(default_factory=dict)
    """The key of each post's series, by path."""
    bodies: dict[str, str] = field(default_factory=dict)
    """The HTML of the posts in a feed that holds whole posts (``feed.content: full``)."""
    intros: dict[str, str] = field(default_factory=dict)
    """The HTML of each listing page the user wrote, by ``src_uri``, for its later pages
    (``pagination_keep_content``)."""
    anchors: dict[str, str] = field(default_factory=dict)
    """Each post's ``id`` in listings (for their table of contents), by path: unique."""
    labels: Labels = field(default_factory=Labels)
    """The blog's labels and titles, in the site's language."""
    site_folder: str = ""
    """The folder of the language being built under mkdocs-static-i18n (``"fr/"``), where
    its feeds go; ``""``: the site's root."""


def collect_blog(
    files: Files,
    *,
    config: MkDocsConfig,
    options: BlogConfig,
    serving: bool,
    now: dt.datetime,
    scratch: str | None = None,
    labels: Labels | None = None,
    language: LanguageBuild | None = None,
) -> Blog:
    """Read every post under ``blog_dir`` once and add the generated pages to ``files``.

    ``scratch``: an empty folder of this build where each generated page gets an empty source
    file (see :class:`_PageMaker`). ``labels``: the titles' language (English by default).
    ``language``: the language mkdocs-static-i18n builds, whose folder the generated pages go
    in; ``options`` are then :func:`~.static_i18n.blog_options` for it."""
    language = language if language is not None else LanguageBuild()
    urls = Urls(options, config)
    if language.language is not None and not language.source:
        urls.language_suffix = f".{language.language}"  # suffix mode: blog/hello.fr.md
    labels = labels if labels is not None else Labels(urls.locale, options.labels)
    # Pages the user wrote in these folders add intro text to generated listings.
    reserved = reserved_prefixes(options)
    read_options = ReadOptions(
        timezone=zone(options.timezone),
        now=now,
        future_posts_as_drafts=options.future_posts_as_drafts,
        heading_text=HeadingTitles(config),
        keys=options.keys_,
    )
    show_drafts = serving and options.drafts_on_serve
    read_mdx_as_pages(files, options.blog_dir, enabled=options.mdx)
    meta_files = read_meta_files(files, config)
    posts_folder = post_folder(options)
    sources = sort_sources(files, options.blog_dir, reserved, posts_folder)
    withhold_raw_sources(sources.others, read_options)
    published_pages = [
        file
        for file in sources.pages
        if check_blog_page(
            file, read_options, show_drafts=show_drafts, meta_files=meta_files, config=config
        )
    ]

    category_slug = urls.category_slugify()
    read: list[tuple[File, ParsedPost]] = []
    hidden: list[File] = []
    first_dests: dict[str, str] = {}
    for file in sorted(sources.posts, key=lambda file: file.src_uri):
        parsed = _read(file, read_options, folder_meta(file.src_uri, meta_files))
        if parsed is None:
            hidden.append(file)
            continue
        parsed.post = _allowed_categories(parsed.post, options.categories_allowed)
        folder = urls.post_path(parsed.post, category_slug)
        if folder is not None:
            # Where the file was, for keep_file_urls: mkdocs-static-i18n's address, if any.
            first_dests[file.src_uri] = file.dest_uri
            move(file, folder, config)
            language.publish(file, config)
        read.append((file, parsed))
    for media in move_post_media(files, posts_folder, options.blog_dir, config):
        language.publish(media, config)
    kept, lost = _one_post_per_url(read, files)
    hidden += lost

    entries: list[PostEntry] = []
    hidden_images: set[str] = set()
    published_images: set[str] = set()
    for file, parsed in kept:
        post = parsed.post
        if file.inclusion is InclusionLevel.DRAFT and not post.draft:
            post = parsed.post = replace(post, hidden_by="draft_docs in mkdocs.yml")
        target = local_target(post)
        if target is not None:
            (hidden_images if post.draft else published_images).add(target)
        if post.draft:
            hidden.append(file)
            # DRAFT pages are left out of `build`; under `serve` they are shown, unless
            # drafts_on_serve says no, in which case they are excluded everywhere.
            hide(file, show_drafts=show_drafts)
            if not show_drafts:
                continue
        else:
            published_pages.append(file)
            if not options.posts_in_nav and file.inclusion in _DEFAULT_INCLUSION:
                file.inclusion = InclusionLevel.NOT_IN_NAV
        PostPage(file, config, post, parsed.body)  # Becomes file.page.
        entries.append(PostEntry(post=post, file=file))
    withhold_resources(
        sources.others,
        hidden,
        published_pages,
        blog_dir=options.blog_dir,
        show_drafts=show_drafts,
        hidden_folders=hidden_folders(meta_files, read_options, options.blog_dir),
        hidden_images=hidden_images - published_images,
    )

    entries.sort(key=lambda entry: entry.post.sort_key)
    posts = [entry.post for entry in entries]
    # Listings show pinned posts first (`pin: true`, as Material's blog); feeds go by date.
    listed = sorted(posts, key=lambda post: not post.pinned)
    tags, tag_warnings = build_taxonomy(
        listed, lambda post: post.tags, kind="tag", slug_map=options.slug_map
    )
    categories, category_warnings = build_taxonomy(
        listed,
        lambda post: post.categories,
        kind="category",
        slug_map=options.slug_map,
        slugify=category_slug,
    )
    for warning in tag_warnings + category_warnings:
        log.warning(warning)

    # Drafts are in no related list and no series, not even under serve.
    public = [post for post in posts if not post.draft]
    series, series_problems = build_series(public) if options.series.enabled else ({}, [])
    for problem in series_problems:
        log.warning(problem)
    series_of = {part.path: key for key, one in series.items() for part in one.parts}
    related = related_posts(public, limit=options.related.limit) if options.related.enabled else {}

    registry = _read_authors(config, options)
    authors: dict[str, tuple[Author, ...]] = {}
    images: dict[str, HeroImage] = {}
    for entry in entries:
        post = entry.post
        if post.authors and options.authors:
            found, problems = resolve_authors(
                post.authors, registry, path=post.path, ids=post.meta.get("authors")
            )
            authors[post.path] = found
            for problem in problems:
                log.warning(problem)
        if post.image is not None and (image := resolve_image(post, files)) is not None:
            images[post.path] = image

    pages = _PageMaker(
        files, config, options, urls, scratch=scratch, labels=labels, language=language
    )
    listings: dict[str, Listing] = {}
    index = pages.listing(
        ListingKind.INDEX,
        labels.or_label(options.blog_title, "Blog"),
        in_blog(options.blog_dir),
        posts=listed,
        into=listings,
    )
    # No post can be at the blog's own address: posts are pages of their own under it.
    assert index is not None
    kinds = [
        _Kind(
            ListingKind.TAG,
            tags if options.tags else Taxonomy([], {}),
            labels.or_label(options.tag_title, "Posts tagged “{name}”"),
            urls.tag_path,
        ),
        _Kind(
            ListingKind.CATEGORY,
            categories if options.categories else Taxonomy([], {}),
            labels.or_label(options.category_title, "Posts in “{name}”"),
            urls.category_path,
        ),
        _Kind(
            ListingKind.ARCHIVE,
            _archive(listed, urls) if options.archive else Taxonomy([], {}),
            "{name}",
            urls.archive_path,
        ),
        _Kind(
            ListingKind.SERIES,
            _series_terms(series, category_slug),
            labels.or_label(options.series.title, "Series: {name}"),
            urls.series_path,
        ),
        _Kind(
            ListingKind.AUTHOR,
            _profiles(listed, authors, registry) if options.authors_profiles else Taxonomy([], {}),
            "{name}",
            lambda slug: urls.author_path(slug, slug),
        ),
    ]
    # The indexes first: a term's page whose URL format leads to one gives way.
    tags_index = pages.terms(
        ListingKind.TAG_INDEX,
        labels.or_label(options.tags_title, "Tags"),
        in_blog(options.blog_dir, options.tags_dir),
        kinds[0].taxonomy,
        into=listings,
    )
    categories_index = pages.terms(
        ListingKind.CATEGORY_INDEX,
        labels.or_label(options.categories_title, "Categories"),
        in_blog(options.blog_dir, options.categories_dir),
        _sorted_categories(kinds[1].taxonomy, options),
        into=listings,
    )
    archive_folder = urls.archive_index_path()
    archive_index = (
        pages.terms(
            ListingKind.ARCHIVE_INDEX,
            labels.or_label(options.archive_title, "Archive"),
            archive_folder,
            kinds[2].taxonomy,
            into=listings,
        )
        if archive_folder is not None
        else None
    )
    term_urls: dict[str, dict[str, str]] = {kind.kind.value: {} for kind in kinds}

    for kind in kinds:
        urls_of_kind = term_urls[kind.kind.value]
        for term in kind.taxonomy.terms:
            first = pages.listing(
                kind.kind,
                kind.title.replace("{name}", term.name),
                kind.path(term.slug),
                posts=term.posts,
                term=term,
                into=listings,
            )
            if first is not None:
                urls_of_kind[term.key] = first.file.url
    pages.redirects(kept, options, first_dests)
    profiles = term_urls[ListingKind.AUTHOR.value]
    if profiles:
        for path, found in authors.items():
            authors[path] = tuple(
                replace(author, url=profiles[author.key])
                if author.url is None and author.key in profiles
                else author
                for author in found
            )

    return Blog(
        posts=entries,
        tags=tags,
        categories=categories,
        by_src={entry.file.src_uri: entry for entry in entries},
        listings=listings,
        post_url={id(entry.post): entry.file.url for entry in entries},
        term_urls=term_urls,
        index_url=index.file.url,
        index_page=index.file,
        tags_url=tags_index.file.url if tags_index else None,
        categories_url=categories_index.file.url if categories_index else None,
        archive_url=archive_index.file.url if archive_index else None,
        archive=kinds[2].taxonomy,
        images=images,
        authors=authors,
        pinned={entry.post.path for entry in entries if entry.post.pinned},
        anchors=_anchors(posts),
        neighbours=_neighbours(posts, options, series, series_of),
        related=related,
        series=series,
        series_of=series_of,
        labels=labels,
        site_folder=language.output,
    )


def _series_terms(series: dict[str, Series], slugify: Callable[[str], str]) -> Taxonomy:
    """The series as terms, for their pages: parts in reading order."""
    terms = [
        Term(
            key=key,
            name=one.name,
            slug=safe_slug(slugify(one.name), one.name),
            posts=list(one.parts),
        )
        for key, one in series.items()
    ]
    taken: set[str] = set()
    for term in terms:  # two names that make one slug: the later gets a suffix
        slug, number = term.slug, 1
        while slug.casefold() in taken:
            number += 1
            slug = f"{term.slug}-{number}"
        term.slug = slug
        taken.add(slug.casefold())
    return Taxonomy(terms, {term.key: term for term in terms})


def _neighbours(
    posts: Sequence[Post],
    options: BlogConfig,
    series: dict[str, Series],
    series_of: dict[str, str],
) -> dict[str, Neighbours]:
    """The older and newer post of each post, within what ``prev_next.scope`` says."""
    if not options.prev_next.enabled:
        return {}
    scope = options.prev_next.scope
    if scope == "series":
        found: dict[str, Neighbours] = {}
        for one in series.values():
            found.update(series_neighbours(one))
        return found
    if scope == "category":
        return neighbours(
            posts, scope=lambda post: name_key(post.categories[0]) if post.categories else None
        )
    return neighbours(posts)


def _anchors(posts: Sequence[Post]) -> dict[str, str]:
    """An ``id`` for each post's entry, from its title, unique across the blog (so on any
    page): ``post-hello-world``, ``post-hello-world-2``."""
    anchors: dict[str, str] = {}
    taken: set[str] = set()
    for post in posts:
        base = "post-" + (material_slug(post.title) or "untitled")
        anchor, number = base, 1
        while anchor in taken:
            number += 1
            anchor = f"{base}-{number}"
        taken.add(anchor)
        anchors[post.path] = anchor
    return anchors


def date_listings_written_by_user(blog: Blog) -> None:
    """The sitemap's date of the listing pages the user wrote (``blog/index.md``): their
    newest post's, as for generated ones. MkDocs makes their pages after ``on_files``."""
    for listing in blog.listings.values():
        page = listing.file.page
        if listing.generated or page is None:
            continue
        posts = listing.posts or [post for term in listing.terms for post in term.posts]
        date_sitemap_entry(page, posts)


def listings_with_toc(options: BlogConfig) -> frozenset[ListingKind]:
    """The kinds of listing whose table of contents lists their posts (``blog_toc``, and
    Material's per-kind ``archive_toc``, ``categories_toc``, ``authors_profiles_toc``)."""
    chosen = {
        ListingKind.INDEX: options.blog_toc,
        ListingKind.TAG: options.blog_toc,
        ListingKind.ARCHIVE: options.archive_toc,
        ListingKind.CATEGORY: options.categories_toc,
        ListingKind.AUTHOR: options.authors_profiles_toc,
    }
    return frozenset(
        kind for kind, on in chosen.items() if (options.blog_toc if on is None else on)
    )


def reserved_prefixes(options: BlogConfig) -> tuple[str, ...]:
    """The ``src_uri`` prefixes of the generated pages' folders (``blog/tags/``,
    ``blog/tags.md``...), where a page the user wrote is not a post."""
    return tuple(
        f"{in_blog(options.blog_dir, folder)}{end}"
        for folder in (options.tags_dir, options.categories_dir, options.pagination_dir)
        for end in ("/", ".md")
    )


@dataclass
class _Kind:
    """One kind of listing with a page per term: tags, categories, years, authors."""

    kind: ListingKind
    taxonomy: Taxonomy
    title: str
    """The title of a term's page; ``{name}`` is the term's name."""
    path: Callable[[str], str]
    """The folder of a term's first page, from its slug."""


def _allowed_categories(post: Post, allowed: Sequence[str]) -> Post:
    """The post without the categories ``categories_allowed`` does not list, each a warning."""
    if not allowed or not post.categories:
        return post
    keys = {name_key(name) for name in allowed}
    kept = tuple(name for name in post.categories if name_key(name) in keys)
    for name in post.categories:
        if name not in kept:
            log.warning(
                f"{post.path}: category {name!r} is not in categories_allowed "
                f"({', '.join(allowed)}); the post is not listed under it"
            )
    return post if kept == post.categories else replace(post, categories=kept)


def _archive(posts: Sequence[Post], urls: Urls) -> Taxonomy:
    """A term per archive page (a year by default), newest first; undated posts in none."""
    terms: dict[str, Term] = {}
    for post in posts:
        if post.published is None:
            continue
        key = urls.date(post.published, urls.options.archive_url_date_format)
        term = terms.get(key)
        if term is None:
            name = urls.date(post.published, urls.options.archive_date_format)
            term = terms[key] = Term(key=key, name=name, slug=key)
        term.posts.append(post)
    newest_first = sorted(
        terms.values(),
        key=lambda term: max(p.published for p in term.posts if p.published is not None),
        reverse=True,
    )
    return Taxonomy(newest_first, {term.key: term for term in newest_first})


def _profiles(
    posts: Sequence[Post], authors: dict[str, tuple[Author, ...]], registry: dict[str, Author]
) -> Taxonomy:
    """A term per author of ``authors_file`` who wrote a post, by name."""
    terms: dict[str, Term] = {}
    for post in posts:
        for author in authors.get(post.path, ()):
            if author.key not in registry:
                continue  # a name a post gave, with no profile
            term = terms.get(author.key)
            if term is None:
                term = terms[author.key] = Term(
                    key=author.key, name=author.name, slug=author.slug or author.key
                )
            term.posts.append(post)
    ordered = sorted(terms.values(), key=lambda term: (term.name.casefold(), term.key))
    return Taxonomy(ordered, {term.key: term for term in ordered})


def _sorted_categories(taxonomy: Taxonomy, options: BlogConfig) -> Taxonomy:
    """The category index's order: by name, or ``categories_sort_by`` (a function of a
    category, which has ``name`` and ``posts`` as Material's views do)."""
    terms = list(taxonomy.terms)
    if options.categories_sort_by is not None:
        terms.sort(key=options.categories_sort_by)
    if options.categories_sort_reverse:
        terms.reverse()
    return Taxonomy(terms, taxonomy.by_key)


def _one_post_per_url(
    read: list[tuple[File, ParsedPost]], files: Files
) -> tuple[list[tuple[File, ParsedPost]], list[File]]:
    """Posts with a URL of their own, and the others: ``blog/a.md`` and ``blog/a/index.md``
    would both be at ``blog/a/``, and two posts with one title and date at the same
    ``{date}/{slug}``, one page overwriting the other. The first by path is kept, loudly; the
    other is not published, nor are the files of its folder. A page that is not a post keeps
    its URL over a post."""
    posts = {id(file) for file, _ in read}
    by_dest: dict[str, File] = {
        file.dest_uri: file
        for file in files.documentation_pages()
        if id(file) not in posts and file.inclusion is not InclusionLevel.EXCLUDED
    }
    kept: list[tuple[File, ParsedPost]] = []
    lost: list[File] = []
    for file, parsed in read:
        other = by_dest.setdefault(file.dest_uri, file)
        if other is not file:
            file.inclusion = InclusionLevel.EXCLUDED
            lost.append(file)
            log.warning(
                f"{file.src_uri} and {other.src_uri} would both be at {file.url}: "
                f"{file.src_uri} is not published. Rename or move one of them, or give one a "
                "'slug' in its front matter."
            )
            continue
        kept.append((file, parsed))
    return kept, lost


def _read_authors(config: MkDocsConfig, options: BlogConfig) -> dict[str, Author]:
    """The authors file (``authors_file``), if there is one."""
    path = options.authors_file.replace("{blog}", options.blog_dir)
    full = os.path.join(config.docs_dir, path)
    try:
        with open(full, encoding="utf-8-sig") as handle:
            text = handle.read()
    except FileNotFoundError:
        if options.authors_file != _DEFAULT_AUTHORS_FILE:
            log.warning(f"authors_file: {path} is not in docs_dir; posts' authors are names only")
        return {}
    except (OSError, UnicodeDecodeError) as error:
        log.warning(f"authors_file: {path} cannot be read ({error}); authors are names only")
        return {}
    registry, problems = read_authors(path, text)
    for problem in problems:
        log.warning(problem)
    return registry


def _read(file: File, options: ReadOptions, defaults: dict[str, Any]) -> ParsedPost | None:
    """Read a post's source once; ``None`` (and a warning) when it must not be published."""
    try:
        parsed = read_post(file.src_uri, file.content_string, options, defaults)
    except FrontMatterError as error:
        # MkDocs would publish the broken front matter as text; a draft could leak that way.
        file.inclusion = InclusionLevel.EXCLUDED
        log.warning(f"{error}. The post is not published until its front matter is fixed.")
        return None
    except UnicodeDecodeError as error:
        file.inclusion = InclusionLevel.EXCLUDED
        log.warning(f"{file.src_uri}: not UTF-8 text ({error}). The post is not published.")
        return None
    if isinstance(file, MdxFile):
        mdx = mdx_to_markdown(parsed.body)
        parsed.body = mdx.markdown
        left = [f"<{name}>" for name in mdx.components] + mdx.expressions[:5]
        if left and not parsed.post.draft:
            parsed.problems.append(
                f"{file.src_uri}: MDX that is not rendered here, and shows as unknown HTML or as "
                f"text: {', '.join(left)}. Replace it with Markdown or HTML."
            )
        for line in mdx.unclosed:
            parsed.problems.append(
                f"{file.src_uri}: the import/export block at line {line} of the text does not "
                "close its brackets before the blank line that ends it: kept as text."
            )
    for problem in parsed.problems:
        log.warning(problem)
    undated = parsed.post.published is None and not parsed.post.draft
    if undated and not any("undated" in p for p in parsed.problems):
        log.info(
            f"{file.src_uri}: no date in front matter (pubDate, date, published...); listed "
            "last, undated"
        )
    return parsed


def _what(kind: ListingKind, term: Term | None, number: int) -> str:
    """A listing page, in words, for messages."""
    name = {
        ListingKind.INDEX: "index",
        ListingKind.TAG: "page of tag {!r}",
        ListingKind.CATEGORY: "page of category {!r}",
        ListingKind.ARCHIVE: "archive page {!r}",
        ListingKind.AUTHOR: "page of author {!r}",
        ListingKind.SERIES: "page of series {!r}",
        ListingKind.TAG_INDEX: "index of tags",
        ListingKind.CATEGORY_INDEX: "index of categories",
        ListingKind.ARCHIVE_INDEX: "archive index",
    }.get(kind, "listing")
    text = name.format(term.name if term is not None else "")
    return f"{text}, page {number}" if number > 1 else text


def _index_md(folder: str) -> str:
    return f"{folder}/index.md" if folder else "index.md"


class _PageMaker:
    """Creates listing pages, or attaches a listing to the page the user wrote there.

    A generated page is a :class:`ListingFile`: its content is in memory, and its source an
    empty file of its own in ``scratch`` (``3-index.md``), made when a plugin asks for it.
    """

    def __init__(
        self,
        files: Files,
        config: MkDocsConfig,
        options: BlogConfig,
        urls: Urls,
        *,
        scratch: str | None = None,
        labels: Labels,
        language: LanguageBuild,
    ) -> None:
        self.files = files
        self.labels = labels
        self.language = language
        self.config = config
        self.options = options
        self.urls = urls
        self.scratch = scratch
        self.made = 0
        prefix = blog_prefix(options.blog_dir)
        self.by_dest = {
            file.dest_uri: file
            for file in files.documentation_pages(inclusion=InclusionLevel.is_in_serve)
            if file.src_uri.startswith(prefix) and not isinstance(file.page, PostPage)
        }
        self.made_dests: dict[str, str] = {}
        """Where this build's listings are, and what each is (for messages)."""
        self.posts_by_dest = {
            file.dest_uri: file
            for file in files.documentation_pages(inclusion=InclusionLevel.is_in_serve)
            if isinstance(file.page, PostPage)
        }
        self.inclusion = (
            InclusionLevel.UNDEFINED if options.taxonomy_in_nav else InclusionLevel.NOT_IN_NAV
        )

    def per_page(self, kind: ListingKind) -> int | None:
        """Posts per page of a listing of ``kind``; ``None``: all on one page. Material's
        per-kind options, else ``pagination`` and ``posts_per_page``."""
        options = self.options
        paginated, per_page = {
            ListingKind.ARCHIVE: (options.archive_pagination, options.archive_pagination_per_page),
            ListingKind.CATEGORY: (
                options.categories_pagination,
                options.categories_pagination_per_page,
            ),
            ListingKind.AUTHOR: (
                options.authors_profiles_pagination,
                options.authors_profiles_pagination_per_page,
            ),
        }.get(kind, (None, None))
        if not (options.pagination if paginated is None else paginated):
            return None
        return per_page or options.posts_per_page

    def listing(
        self,
        kind: ListingKind,
        title: str,
        folder: str,
        *,
        posts: Sequence[Post],
        into: dict[str, Listing],
        term: Term | None = None,
    ) -> Listing | None:
        """The pages of one listing; ``None`` when a post is where its first page would be."""
        pages: list[Listing] = []
        per_page = self.per_page(kind)
        chunks = paginate(posts, per_page) if per_page is not None else [posts]
        for number, chunk in enumerate(chunks, start=1):
            uri = folder if number == 1 else self.urls.page_path(folder, number)
            # Later pages of a listing whose first page the user wrote take that page's title.
            named_by = pages[0].file if pages and not pages[0].generated else None
            made = self._file(
                # Under preset: material, as Material names them: blog/category/x.md and
                # blog/category/x/page/2.md (the blog's own: blog/page/2/index.md), which is
                # the same URL with directory URLs and the same .html file without them.
                f"{uri}.md"
                if self.options.preset == "material" and kind is not ListingKind.INDEX
                else _index_md(uri),
                title,
                number,
                named_by,
                in_nav=number == 1 and kind is ListingKind.INDEX and self.options.nav_sections,
                what=_what(kind, term, number),
            )
            if made is None:
                break  # a post is there: this page and the later ones are not made
            file, generated = made
            page = Listing(kind, title, file, generated, chunk, term, (), number, pages)
            if file.page is not None:
                date_sitemap_entry(file.page, chunk)
            pages.append(page)
            into[file.src_uri] = page
        return pages[0] if pages else None

    def terms(
        self,
        kind: ListingKind,
        title: str,
        folder: str,
        taxonomy: Taxonomy,
        *,
        into: dict[str, Listing],
    ) -> Listing | None:
        if not taxonomy.terms:
            return None
        made = self._file(_index_md(folder), title, what=_what(kind, None, 1))
        if made is None:
            return None
        file, generated = made
        page = Listing(kind, title, file, generated, terms=taxonomy.terms)
        if file.page is not None:
            date_sitemap_entry(file.page, (post for term in taxonomy.terms for post in term.posts))
        page.pages.append(page)
        into[file.src_uri] = page
        return page

    def redirects(
        self,
        posts: list[tuple[File, ParsedPost]],
        options: BlogConfig,
        first_dests: dict[str, str] | None = None,
    ) -> None:
        """Small pages that send readers on to a post from its other addresses: the file's own
        URL with ``keep_file_urls``, and the front matter's ``aliases`` (as Hugo's). They are
        HTML files, not pages: in no nav, sitemap, search index or listing."""
        taken = {file.dest_uri for file in self.files}
        for file, parsed in posts:
            if parsed.post.draft:
                continue
            targets: list[str] = []
            if options.keep_file_urls and options.post_url_format is not None:
                original = (first_dests or {}).get(file.src_uri)
                if original is None:
                    original = File(file.src_uri, None, "", self.config.use_directory_urls).dest_uri
                if original != file.dest_uri:
                    targets.append(original)
            for key, alias in aliases(parsed.post):
                dest = alias_dest(alias, self.config.use_directory_urls)
                if dest is None:
                    log.warning(
                        f"{file.src_uri}: front matter key '{key}' has value {alias!r}: not a "
                        "path in the site (no '..', no scheme); no redirect made"
                    )
                    continue
                # A path in the site of the post's language (fr/old-url/ for a French post).
                targets.append(self.language.dest(dest))
            for dest in targets:
                if dest in taken:
                    log.warning(
                        f"{file.src_uri}: the redirect at {dest} is not made: another file of "
                        "the site is published there"
                    )
                    continue
                taken.add(dest)
                self.files.append(
                    File.generated(
                        self.config,
                        dest,
                        content=redirect_html(dest, file.url, self.config.site_url),
                    )
                )

    def _file(
        self,
        src_uri: str,
        title: str,
        number: int = 1,
        named_by: File | None = None,
        *,
        in_nav: bool = False,
        what: str = "listing",
    ) -> tuple[File, bool] | None:
        """The listing's file, and whether it is generated (``False``: the user wrote it);
        ``None`` when a post is at its address (the post is kept, loudly).

        ``in_nav``: the blog's index, which an automatic nav lists with ``nav_sections``
        (Material's blog always lists it)."""
        in_nav = in_nav or self.options.taxonomy_in_nav
        inclusion = InclusionLevel.UNDEFINED if in_nav else self.inclusion
        generated = ListingFile.generated(self.config, src_uri, content="", inclusion=inclusion)
        self.language.publish(generated, self.config)
        earlier = self.made_dests.get(generated.dest_uri)
        if earlier is not None:
            log.warning(
                f"The blog's {what} and its {earlier} would both be at {generated.url}: the "
                f"{earlier} is kept and the {what} is not made. Change a URL format "
                "(series.url_format, archive_url_format...) so that they differ."
            )
            return None
        self.made_dests[generated.dest_uri] = what
        post = self.posts_by_dest.get(generated.dest_uri)
        if post is not None:
            log.warning(
                f"{post.src_uri} is at {generated.url}, where the blog's {what} would be: the "
                "post is kept and that page is not made. Move or rename the post, or give it "
                "a 'slug'."
            )
            return None
        # A page the user wrote at the same address wins (blog/tags/index.md or blog/tags.md).
        existing = self.by_dest.get(generated.dest_uri)
        if existing is not None:
            # In-memory content makes MkDocs treat the page as changed, so `serve --dirty`
            # rebuilds the listing in it when a post changes.
            existing.content_string = existing.content_string
            if existing.inclusion in _DEFAULT_INCLUSION and not in_nav:
                existing.inclusion = InclusionLevel.NOT_IN_NAV
            return existing, False
        if self.scratch is not None:
            # One folder, no tree of them: a large blog has thousands of listing pages.
            self.made += 1
            path = os.path.join(self.scratch, f"{self.made}-{posixpath.basename(src_uri)}")
            # Kept with the in-memory content, which MkDocs reads first: the page is still
            # "modified" for `serve --dirty` (File.is_modified), and the file is never read.
            assert isinstance(generated, ListingFile)
            generated.defer_source(path)
        # Becomes generated.page.
        ListingPage(
            generated, self.config, title, number=number, named_by=named_by, labels=self.labels
        )
        hidden = self.files.get_file_from_path(src_uri)
        if hidden is not None and hidden.inclusion is InclusionLevel.EXCLUDED:
            self.files.remove(hidden)  # The user's page here is not public: the listing wins.
        self.files.append(generated)
        return generated, True
