"""What each file under ``blog_dir`` is, and which of them must not reach ``site/``.

- A Markdown page is a **post**, in a file of its own (``blog/2025/leverage.md``) or in a folder
  of its own with its images (``blog/my-post/index.md``, Hugo's and Astro's page bundles), whose
  URL is the folder's.
- Except the **blog's pages**: the blog's own ``index.md``, Hugo's section pages
  (``_index.md``), and the pages users write for the generated listings
  (``blog/tags/index.md``, ``blog/tags/<slug>.md``, ``blog/page/2.md``...). These are not
  posts, but one whose front matter says it is not public is not published either: the
  generated listing takes its place.
- **MDX posts** (Astro's ``.mdx``) are posts too, read as Markdown pages (see ``core/mdx.py``),
  unless the ``mdx`` option leaves them out.
- **Raw sources**: other post files MkDocs cannot read (Markdoc, AsciiDoc, Org, ``.MD``...)
  and any file that opens with front matter (Jekyll's HTML posts). MkDocs would copy them into
  ``site/`` as they are, front matter and draft text and all; they are never copied.
- **Resources** (images, attachments) of a folder post that is not published, or of Jekyll's
  ``_drafts/`` folder, are withheld with it, unless a published page lives in the same folder.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import yaml
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel

from mkdocs_blog_plugin.core.meta_files import META_FILE, folder_meta, merge
from mkdocs_blog_plugin.core.post import FrontMatterError, ReadOptions, split_front_matter
from mkdocs_blog_plugin.core.urls import blog_prefix
from mkdocs_blog_plugin.core.visibility import DRAFTS_FOLDER, not_public
from mkdocs_blog_plugin.structure.pages import SourcePage

log = get_plugin_logger(__name__)

RAW_SOURCE_SUFFIXES = frozenset(
    {".mdx", ".markdoc", ".mdoc", ".adoc", ".asciidoc", ".org", ".rst", ".pandoc", ".textile"}
)
"""Post sources of other generators (Astro, Hugo, Jekyll) that MkDocs does not read as pages
(``.mdx`` only when it is not read as a post)."""
_FRONT_MATTER_BYTES = 8192
"""How much of a file is read to find its front matter."""
_MEDIA_AND_DATA = """
png jpg jpeg gif webp avif svg ico bmp tif tiff heic mp4 webm mov m4v mp3 ogg wav flac pdf zip
gz tgz bz2 xz 7z woff woff2 ttf otf eot css js map json yml yaml toml csv tsv xml
"""
_NOT_POSTS = frozenset(f".{suffix}" for suffix in _MEDIA_AND_DATA.split())
"""Media and data files: never posts, and not read for front matter."""
_HUGO_SECTION_PAGE = "_index.md"
"""Hugo's page of a section (a list page, not a post)."""
_MARKDOWN_SUFFIXES = frozenset({".md", ".markdown", ".mdown", ".mkdn", ".mkd", ".mkdown"})
"""Markdown, in any case: MkDocs reads only lower-case ``.md`` and a few others as pages."""


@dataclass
class BlogSources:
    """The files under ``blog_dir``, sorted by what they are."""

    posts: list[File] = field(default_factory=list)
    pages: list[File] = field(default_factory=list)
    """The blog's ``index.md`` and the pages users wrote for generated listings."""
    others: list[File] = field(default_factory=list)
    """Every other file: images, attachments, raw sources."""


class MdxFile(File):
    """An ``.mdx`` post: a Markdown page to MkDocs (``blog/x.mdx`` is at ``blog/x/``), where
    its own ``File`` would be a file to copy as it is."""

    def is_documentation_page(self) -> bool:
        return True


def read_mdx_as_pages(files: Files, blog_dir: str, *, enabled: bool) -> None:
    """Turn the ``.mdx`` files under ``blog_dir`` into pages, or leave them all out."""
    prefix = blog_prefix(blog_dir)
    found = [
        file
        for file in files
        if file.src_uri.startswith(prefix)
        and file.src_uri.lower().endswith(".mdx")
        and file.inclusion is not InclusionLevel.EXCLUDED
        and not file.is_documentation_page()
    ]
    if not found:
        return
    if not enabled:
        for file in found:
            file.inclusion = InclusionLevel.EXCLUDED
        log.info(
            f"mdx: false leaves out {len(found)} .mdx file(s) under {blog_dir}/: "
            + ", ".join(file.src_uri for file in found[:10])
        )
        return
    pages = {file.dest_uri: file for file in files.documentation_pages()}
    for file in found:
        if file.src_dir is None:  # made in memory by another plugin: not read here
            continue
        page = MdxFile(
            file.src_path,
            file.src_dir,
            file.dest_dir,
            file.use_directory_urls,
            inclusion=file.inclusion,
        )
        other = pages.get(page.dest_uri)
        if other is not None:
            file.inclusion = InclusionLevel.EXCLUDED
            log.warning(
                f"{file.src_uri} and {other.src_uri} would both be at {page.url}: "
                f"{file.src_uri} is not published. Rename one of them."
            )
            continue
        files.remove(file)
        files.append(page)
        pages[page.dest_uri] = page


def sort_sources(
    files: Files, blog_dir: str, reserved: tuple[str, ...], posts_folder: str | None = None
) -> BlogSources:
    """Sort the files under ``blog_dir`` that MkDocs would publish in this build or in serve.

    ``reserved`` are the ``src_uri`` prefixes of the generated listings' folders
    (``blog/tags/``, ``blog/tags.md``...), where the pages users write are not posts.
    ``posts_folder`` (``post_dir``): only the pages in it are posts; the blog's other pages
    are its own pages (checked for drafts, published as they are).
    """
    prefix = blog_prefix(blog_dir)
    root = prefix.rstrip("/")
    posts_prefix = blog_prefix(posts_folder) if posts_folder is not None else prefix
    sources = BlogSources()
    for file in files:
        uri = file.src_uri
        if not uri.startswith(prefix) or file.inclusion is InclusionLevel.EXCLUDED:
            continue
        if not file.is_documentation_page():
            sources.others.append(file)
        elif (
            uri.startswith(reserved)
            or (file.name == "index" and posixpath.dirname(uri) == root)
            or posixpath.basename(uri) == _HUGO_SECTION_PAGE
            or not uri.startswith(posts_prefix)
        ):
            sources.pages.append(file)
        else:
            sources.posts.append(file)
    return sources


def hide(file: File, *, show_drafts: bool) -> None:
    """Keep ``file`` out of ``build``; under ``serve`` it shows as a draft if drafts show."""
    file.inclusion = InclusionLevel.DRAFT if show_drafts else InclusionLevel.EXCLUDED


def check_blog_page(
    file: File,
    options: ReadOptions,
    *,
    show_drafts: bool,
    meta_files: Mapping[str, Mapping[str, Any]],
    config: MkDocsConfig,
) -> bool:
    """Hide one of the blog's own pages when its front matter says it is not public, or
    cannot be read. Returns whether it stays public."""
    if file.inclusion is InclusionLevel.DRAFT:  # draft_docs in mkdocs.yml
        hide(file, show_drafts=show_drafts)
        return False
    try:
        text = file.content_string
        meta, body = split_front_matter(file.src_uri, text)
    except (FrontMatterError, UnicodeDecodeError) as error:
        file.inclusion = InclusionLevel.EXCLUDED
        log.warning(
            f"{error}. The page is not published until it is fixed; the blog's generated page "
            "takes its place."
        )
        return False
    if text.lstrip("\ufeff").startswith(("+++", "{")) and meta:
        SourcePage(file, config, meta, body)  # Becomes file.page: MkDocs reads only YAML.
    meta = merge(folder_meta(file.src_uri, meta_files), meta)
    visibility = not_public(file.src_uri, meta, now=options.now, timezone=options.timezone)
    for problem in visibility.problems:
        log.warning(problem)
    if visibility.hidden_by is None:
        return True
    hide(file, show_drafts=show_drafts)
    log.info(
        f"{file.src_uri} is not public ({visibility.hidden_by}): not published; the blog's "
        "generated page takes its place."
    )
    return False


def withhold_raw_sources(others: Iterable[File], options: ReadOptions) -> None:
    """Never copy a post source that MkDocs does not read into ``site/``, not even under
    ``serve``: another generator's format (``.mdoc``, ``.adoc``, ``.org``, ``.rst``...), a
    Markdown file whose suffix MkDocs does not take (``.MD``), or any file that opens with front
    matter (an HTML post of Jekyll's)."""
    for file in others:
        suffix = posixpath.splitext(file.src_uri)[1]
        if suffix.lower() in RAW_SOURCE_SUFFIXES:
            what = f"a {suffix} post"
        elif suffix.lower() in _MARKDOWN_SUFFIXES:
            what = f"a Markdown file that MkDocs does not read as a page (its suffix is {suffix})"
        elif _opens_with_front_matter(file):
            what = "a file with front matter (a post of another generator)"
        else:
            continue
        file.inclusion = InclusionLevel.EXCLUDED
        try:
            meta, _ = split_front_matter(file.src_uri, file.content_string)
        except (FrontMatterError, UnicodeDecodeError) as error:
            log.warning(f"{file.src_uri}: {what}, not published: {error}")
            continue
        hidden_by = not_public(
            file.src_uri, meta, now=options.now, timezone=options.timezone
        ).hidden_by
        if hidden_by is not None:
            log.info(f"{file.src_uri}: {what}, not public ({hidden_by}): not published.")
        else:
            log.warning(
                f"{file.src_uri}: {what}, which this plugin cannot read: not published, and not "
                "copied into site_dir (that would publish its front matter and text). Rename it "
                "to .md to publish it as a post."
            )


def _opens_with_front_matter(file: File) -> bool:
    """Whether the file opens with front matter: a ``---`` or ``+++`` line (past a byte-order
    mark, trailing spaces allowed) closed by the same fence (or YAML's ``...``) further down.
    Images and other media are not read; nor are data files, where ``---`` starts a YAML
    document."""
    if posixpath.splitext(file.src_uri)[1].lower() in _NOT_POSTS:
        return False
    try:
        if file.abs_src_path is not None:
            with open(file.abs_src_path, "rb") as handle:
                start = handle.read(_FRONT_MATTER_BYTES)
        else:
            start = file.content_bytes[:_FRONT_MATTER_BYTES]
    except OSError:
        return False
    lines = [line.rstrip(b" \t\r") for line in start.removeprefix(b"\xef\xbb\xbf").split(b"\n")]
    fence = lines[0]
    closing = {fence, b"..."} if fence == b"---" else {fence}
    return fence in (b"---", b"+++") and any(line in closing for line in lines[1:])


def withhold_resources(
    others: Iterable[File],
    hidden_posts: Iterable[File],
    published_pages: Iterable[File],
    *,
    blog_dir: str,
    show_drafts: bool,
    hidden_folders: Iterable[str] = (),
    hidden_images: Iterable[str] = (),
) -> None:
    """Withhold the images and attachments of unpublished folder posts, of ``_drafts/`` folders
    and of ``hidden_folders`` (those a ``.meta.yml`` makes drafts), with their subfolders, up to
    the nearest folder that holds a published page (whose own files they may be); and the hero
    images of drafts (``hidden_images``, the ones no published post shows)."""
    hidden_dirs = {
        posixpath.dirname(file.src_uri) for file in hidden_posts if file.name == "index"
    } | set(hidden_folders)
    hidden_dirs.discard(blog_dir)
    hidden_dirs.discard("")
    images = set(hidden_images)
    published_dirs = {posixpath.dirname(page.src_uri) for page in published_pages}
    withheld: list[str] = []
    for file in others:
        if file.inclusion is InclusionLevel.EXCLUDED:
            continue
        if file.src_uri in images:  # a draft's hero image that no published post shows
            hide(file, show_drafts=show_drafts)
            withheld.append(file.src_uri)
            continue
        folder = posixpath.dirname(file.src_uri)
        while folder and folder != blog_dir and folder not in published_dirs:
            if folder in hidden_dirs or posixpath.basename(folder) == DRAFTS_FOLDER:
                hide(file, show_drafts=show_drafts)
                withheld.append(file.src_uri)
                break
            folder = posixpath.dirname(folder)
    if withheld:
        log.info(
            f"Not published with the drafts they belong to: {len(withheld)} file(s) "
            f"({', '.join(withheld[:10])}{' and more' if len(withheld) > 10 else ''})."
        )


def hidden_folders(
    meta_files: Mapping[str, Mapping[str, Any]], options: ReadOptions, blog_dir: str
) -> list[str]:
    """The folders under ``blog_dir`` whose ``.meta.yml`` makes the pages in them drafts."""
    return [
        folder
        for folder in meta_files
        if (folder + "/").startswith(blog_prefix(blog_dir))
        and not_public(
            f"{folder}/x.md",
            folder_meta(f"{folder}/x.md", meta_files),
            now=options.now,
            timezone=options.timezone,
        ).hidden_by
        is not None
    ]


def read_meta_files(files: Files, config: MkDocsConfig) -> dict[str, dict[str, Any]]:
    """The ``.meta.yml`` files of ``docs_dir`` (Material's meta plugin; its ``meta_file``
    option names them), by folder. One that cannot be read hides every page below it."""
    name = META_FILE
    meta_plugin = config.plugins.get(f"{config.theme.name}/meta")  # material/ or materialx/
    if meta_plugin is not None:
        name = str(getattr(meta_plugin.config, "meta_file", META_FILE))
    found: dict[str, dict[str, Any]] = {}
    for file in files:
        if posixpath.basename(file.src_uri) != name:
            continue
        folder = posixpath.dirname(file.src_uri)
        try:
            data = yaml.safe_load(file.content_string)
        except (yaml.YAMLError, OSError, UnicodeDecodeError) as error:
            data = None
            problem = str(error).splitlines()[0] if str(error) else type(error).__name__
            log.warning(
                f"{file.src_uri}: cannot be read ({problem}); the pages below {folder or '.'}/ "
                "are not published until it is fixed (it may say they are drafts)."
            )
            found[folder] = {"draft": True}
            continue
        if data is None:
            continue
        if not isinstance(data, dict):
            log.warning(
                f"{file.src_uri}: expected a mapping of keys to values, got "
                f"{type(data).__name__}; the pages below {folder or '.'}/ are not published "
                "until it is fixed."
            )
            found[folder] = {"draft": True}
            continue
        found[folder] = data
    return found
