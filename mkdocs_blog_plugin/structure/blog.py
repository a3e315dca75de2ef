"""Build the blog from MkDocs' files: read posts once, hide drafts, generate listing pages."""

from __future__ import annotations

import datetime as dt
import os
import posixpath
from collections.abc import Sequence
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
from mkdocs_blog_plugin.core.post import (
    FrontMatterError,
    ParsedPost,
    Post,
    ReadOptions,
    read_post,
)
from mkdocs_blog_plugin.core.taxonomy import Taxonomy, Term, build_taxonomy, paginate
from mkdocs_blog_plugin.structure.images import HeroImage, local_target, resolve_image
from mkdocs_blog_plugin.structure.pages import ListingPage, PostPage
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
from mkdocs_blog_plugin.structure.titles import HeadingTitles

log = get_plugin_logger(__name__)

_DEFAULT_AUTHORS_FILE = BlogConfig.authors_file.default

# What MkDocs gives a page that no exclude_docs / draft_docs / not_in_nav pattern matched.
_DEFAULT_INCLUSION = (InclusionLevel.UNDEFINED, InclusionLevel.INCLUDED)


class ListingKind(Enum):
    INDEX = "index"
    TAG = "tag"
    CATEGORY = "category"
    TAG_INDEX = "tags"
    CATEGORY_INDEX = "categories"


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
    images: dict[str, HeroImage] = field(default_factory=dict)
    """Each post's hero image, by the post's path, when it has one that was found."""
    authors: dict[str, tuple[Author, ...]] = field(default_factory=dict)
    """Each post's authors, by the post's path."""


def collect_blog(
    files: Files,
    *,
    config: MkDocsConfig,
    options: BlogConfig,
    serving: bool,
    now: dt.datetime,
    scratch: str | None = None,
) -> Blog:
    """Read every post under ``blog_dir`` once and add the generated pages to ``files``.

    ``scratch``: an empty folder of this build where each generated page gets an empty source
    file (see :class:`_PageMaker`)."""
    prefix = options.blog_dir + "/"
    # Pages the user wrote in these folders add intro text to generated listings.
    reserved = tuple(
        f"{prefix}{folder}{end}"
        for folder in (options.tags_dir, options.categories_dir, options.pagination_dir)
        for end in ("/", ".md")
    )
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
    sources = sort_sources(files, options.blog_dir, reserved)
    withhold_raw_sources(sources.others, read_options)
    published_pages = [
        file
        for file in sources.pages
        if check_blog_page(
            file, read_options, show_drafts=show_drafts, meta_files=meta_files, config=config
        )
    ]

    entries: list[PostEntry] = []
    kept, hidden = _one_post_per_url(sources.posts)
    hidden_images: set[str] = set()
    published_images: set[str] = set()
    for file in kept:
        parsed = _read(file, read_options, folder_meta(file.src_uri, meta_files))
        if parsed is None:
            hidden.append(file)
            continue
        post = parsed.post
        if file.inclusion is InclusionLevel.DRAFT and not post.draft:
            post = replace(post, hidden_by="draft_docs in mkdocs.yml")
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
    tags, tag_warnings = build_taxonomy(
        posts, lambda post: post.tags, kind="tag", slug_map=options.slug_map
    )
    categories, category_warnings = build_taxonomy(
        posts,
        lambda post: post.categories,
        kind="category",
        slug_map=options.slug_map,
    )
    for warning in tag_warnings + category_warnings:
        log.warning(warning)

    pages = _PageMaker(files, config, options, scratch=scratch)
    listings: dict[str, Listing] = {}
    index = pages.listing(
        ListingKind.INDEX, options.blog_title, options.blog_dir, posts=posts, into=listings
    )
    tags_index = pages.terms(
        ListingKind.TAG_INDEX, options.tags_title, options.tags_dir, tags, into=listings
    )
    categories_index = pages.terms(
        ListingKind.CATEGORY_INDEX,
        options.categories_title,
        options.categories_dir,
        categories,
        into=listings,
    )
    term_urls: dict[str, dict[str, str]] = {"tag": {}, "category": {}}
    for folder, kind, template, taxonomy in (
        (options.tags_dir, ListingKind.TAG, options.tag_title, tags),
        (options.categories_dir, ListingKind.CATEGORY, options.category_title, categories),
    ):
        urls = term_urls[kind.value]
        for term in taxonomy.terms:
            first = pages.listing(
                kind,
                template.replace("{name}", term.name),
                f"{options.blog_dir}/{folder}/{term.slug}",
                posts=term.posts,
                term=term,
                into=listings,
            )
            urls[term.key] = first.file.url

    registry = _read_authors(config, options)
    authors: dict[str, tuple[Author, ...]] = {}
    images: dict[str, HeroImage] = {}
    for entry in entries:
        post = entry.post
        if post.authors:
            found, problems = resolve_authors(
                post.authors, registry, path=post.path, ids=post.meta.get("authors")
            )
            authors[post.path] = found
            for problem in problems:
                log.warning(problem)
        if post.image is not None and (image := resolve_image(post, files)) is not None:
            images[post.path] = image

    return Blog(
        posts=entries,
        tags=tags,
        categories=categories,
        by_src={entry.file.src_uri: entry for entry in entries},
        listings=listings,
        post_url={id(entry.post): entry.file.url for entry in entries},
        term_urls=term_urls,
        index_url=index.file.url,
        tags_url=tags_index.file.url if tags_index else None,
        categories_url=categories_index.file.url if categories_index else None,
        images=images,
        authors=authors,
    )


def _one_post_per_url(posts: list[File]) -> tuple[list[File], list[File]]:
    """Posts with a URL of their own, and the others: ``blog/a.md`` and ``blog/a/index.md``
    would both be at ``blog/a/``, one page overwriting the other. The first by path is kept,
    loudly; the other is not published, nor are the files of its folder."""
    by_dest: dict[str, File] = {}
    lost: list[File] = []
    for file in sorted(posts, key=lambda file: file.src_uri):
        kept = by_dest.setdefault(file.dest_uri, file)
        if kept is not file:
            file.inclusion = InclusionLevel.EXCLUDED
            lost.append(file)
            log.warning(
                f"{file.src_uri} and {kept.src_uri} would both be at {file.url}: "
                f"{file.src_uri} is not published. Rename or move one of them."
            )
    return [file for file in posts if by_dest.get(file.dest_uri) is file], lost


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


class _PageMaker:
    """Creates listing pages, or attaches a listing to the page the user wrote there.

    A generated page's content is in memory, which MkDocs reads; it also gets an empty source
    file of its own in ``scratch`` (``3-index.md``), as Material's blog gives its generated
    pages one. Many plugins read ``page.file.abs_src_path`` of every page they see, for dates from
    git or the file system (mkdocs-rss-plugin, git-revision-date plugins), and fail on ``None``;
    a file outside the repository and ``docs_dir`` has no git history and says nothing.
    """

    def __init__(
        self,
        files: Files,
        config: MkDocsConfig,
        options: BlogConfig,
        *,
        scratch: str | None = None,
    ) -> None:
        self.files = files
        self.config = config
        self.options = options
        self.scratch = scratch
        self.made = 0
        self.by_dest = {
            file.dest_uri: file
            for file in files.documentation_pages(inclusion=InclusionLevel.is_in_serve)
            if file.src_uri.startswith(options.blog_dir + "/")
        }
        self.inclusion = (
            InclusionLevel.UNDEFINED if options.taxonomy_in_nav else InclusionLevel.NOT_IN_NAV
        )

    def listing(
        self,
        kind: ListingKind,
        title: str,
        folder: str,
        *,
        posts: Sequence[Post],
        into: dict[str, Listing],
        term: Term | None = None,
    ) -> Listing:
        pages: list[Listing] = []
        for number, chunk in enumerate(paginate(posts, self.options.posts_per_page), start=1):
            uri = folder if number == 1 else f"{folder}/{self.options.pagination_dir}/{number}"
            # Later pages of a listing whose first page the user wrote take that page's title.
            named_by = pages[0].file if pages and not pages[0].generated else None
            file, generated = self._file(f"{uri}/index.md", title, number, named_by)
            page = Listing(kind, title, file, generated, chunk, term, (), number, pages)
            pages.append(page)
            into[file.src_uri] = page
        return pages[0]

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
        file, generated = self._file(f"{self.options.blog_dir}/{folder}/index.md", title)
        page = Listing(kind, title, file, generated, terms=taxonomy.terms)
        page.pages.append(page)
        into[file.src_uri] = page
        return page

    def _file(
        self, src_uri: str, title: str, number: int = 1, named_by: File | None = None
    ) -> tuple[File, bool]:
        generated = File.generated(self.config, src_uri, content="", inclusion=self.inclusion)
        # A page the user wrote at the same address wins (blog/tags/index.md or blog/tags.md).
        existing = self.by_dest.get(generated.dest_uri)
        if existing is not None:
            # In-memory content makes MkDocs treat the page as changed, so `serve --dirty`
            # rebuilds the listing in it when a post changes.
            existing.content_string = existing.content_string
            if existing.inclusion in _DEFAULT_INCLUSION and not self.options.taxonomy_in_nav:
                existing.inclusion = InclusionLevel.NOT_IN_NAV
            return existing, False
        if self.scratch is not None:
            # One folder, no tree of them: a large blog has thousands of listing pages.
            self.made += 1
            path = os.path.join(self.scratch, f"{self.made}-{posixpath.basename(src_uri)}")
            with open(path, "x", encoding="utf-8"):
                pass
            # Kept with the in-memory content, which MkDocs reads first: the page is still
            # "modified" for `serve --dirty` (File.is_modified), and the file is never read.
            generated.abs_src_path = path
        # Becomes generated.page.
        ListingPage(generated, self.config, title, number=number, named_by=named_by)
        hidden = self.files.get_file_from_path(src_uri)
        if hidden is not None and hidden.inclusion is InclusionLevel.EXCLUDED:
            self.files.remove(hidden)  # The user's page here is not public: the listing wins.
        self.files.append(generated)
        return generated, True
