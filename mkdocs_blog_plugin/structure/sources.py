"""What each file under ``blog_dir`` is, and which of them must not reach ``site/``.

- A Markdown page is a **post**, in a file of its own (``blog/2025/leverage.md``) or in a folder
  of its own with its images (``blog/my-post/index.md``, Hugo's and Astro's page bundles), whose
  URL is the folder's.
- Except the **blog's pages**: the blog's own ``index.md`` and the pages users write for the
  generated listings (``blog/tags/index.md``, ``blog/tags/<slug>.md``, ``blog/page/2.md``...).
  These are not posts, but one whose front matter says it is not public is not published
  either: the generated listing takes its place.
- **Raw sources**: post files MkDocs cannot read (Astro's ``.mdx``, Markdoc) and HTML files that
  open with front matter (Jekyll's HTML posts). MkDocs would copy them into ``site/`` as they
  are, front matter and draft text and all; they are never copied.
- **Resources** (images, attachments) of a folder post that is not published, or of Jekyll's
  ``_drafts/`` folder, are withheld with it, unless a published page lives in the same folder.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterable
from dataclasses import dataclass, field

from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel

from mkdocs_blog_plugin.core.post import FrontMatterError, ReadOptions, split_front_matter
from mkdocs_blog_plugin.core.visibility import DRAFTS_FOLDER, not_public

log = get_plugin_logger(__name__)

RAW_SOURCE_SUFFIXES = (".mdx", ".markdoc", ".mdoc")
"""Post sources of other generators that MkDocs does not read as pages."""
_HTML_SUFFIXES = (".html", ".htm")


@dataclass
class BlogSources:
    """The files under ``blog_dir``, sorted by what they are."""

    posts: list[File] = field(default_factory=list)
    pages: list[File] = field(default_factory=list)
    """The blog's ``index.md`` and the pages users wrote for generated listings."""
    others: list[File] = field(default_factory=list)
    """Every other file: images, attachments, raw sources."""


def sort_sources(files: Files, blog_dir: str, reserved: tuple[str, ...]) -> BlogSources:
    """Sort the files under ``blog_dir`` that MkDocs would publish in this build or in serve.

    ``reserved`` are the ``src_uri`` prefixes of the generated listings' folders
    (``blog/tags/``, ``blog/tags.md``...), where the pages users write are not posts.
    """
    prefix = blog_dir + "/"
    sources = BlogSources()
    for file in files:
        uri = file.src_uri
        if not uri.startswith(prefix) or file.inclusion is InclusionLevel.EXCLUDED:
            continue
        if not file.is_documentation_page():
            sources.others.append(file)
        elif uri.startswith(reserved) or (
            file.name == "index" and posixpath.dirname(uri) == blog_dir
        ):
            sources.pages.append(file)
        else:
            sources.posts.append(file)
    return sources


def hide(file: File, *, show_drafts: bool) -> None:
    """Keep ``file`` out of ``build``; under ``serve`` it shows as a draft if drafts show."""
    file.inclusion = InclusionLevel.DRAFT if show_drafts else InclusionLevel.EXCLUDED


def check_blog_page(file: File, options: ReadOptions, *, show_drafts: bool) -> bool:
    """Hide one of the blog's own pages when its front matter says it is not public, or
    cannot be read. Returns whether it stays public."""
    if file.inclusion is InclusionLevel.DRAFT:  # draft_docs in mkdocs.yml
        hide(file, show_drafts=show_drafts)
        return False
    try:
        meta, _ = split_front_matter(file.src_uri, file.content_string)
    except (FrontMatterError, UnicodeDecodeError) as error:
        file.inclusion = InclusionLevel.EXCLUDED
        log.warning(
            f"{error}. The page is not published until it is fixed; the blog's generated page "
            "takes its place."
        )
        return False
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
    """Never copy a post source that MkDocs does not read (``.mdx``, an HTML file with front
    matter) into ``site/``, not even under ``serve``."""
    for file in others:
        suffix = posixpath.splitext(file.src_uri)[1].lower()
        if suffix in RAW_SOURCE_SUFFIXES:
            what = f"a {suffix} post"
        elif suffix in _HTML_SUFFIXES and _opens_with_front_matter(file):
            what = "an HTML file with front matter (a post of another generator)"
        else:
            continue
        file.inclusion = InclusionLevel.EXCLUDED
        hidden_by = _hidden_by(file, options)
        if hidden_by is not None:
            log.info(f"{file.src_uri}: {what}, not public ({hidden_by}): not published.")
        else:
            log.warning(
                f"{file.src_uri}: {what}, which this plugin cannot read yet: not published, "
                "and not copied into site_dir (that would publish its front matter and text). "
                "Rename it to .md to publish it as a post."
            )


def _opens_with_front_matter(file: File) -> bool:
    try:
        return file.content_bytes.startswith((b"---\n", b"---\r\n"))
    except OSError:
        return False


def _hidden_by(file: File, options: ReadOptions) -> str | None:
    try:
        meta, _ = split_front_matter(file.src_uri, file.content_string)
    except (FrontMatterError, UnicodeDecodeError):
        return "unreadable front matter"
    return not_public(file.src_uri, meta, now=options.now, timezone=options.timezone).hidden_by


def withhold_resources(
    others: Iterable[File],
    hidden_posts: Iterable[File],
    published_pages: Iterable[File],
    *,
    blog_dir: str,
    show_drafts: bool,
) -> None:
    """Withhold the images and attachments of unpublished folder posts and of ``_drafts/``
    folders, unless a published page lives in the same folder (then they may be its own)."""
    hidden_dirs = {
        posixpath.dirname(file.src_uri) for file in hidden_posts if file.name == "index"
    } - {blog_dir}
    published_dirs: set[str] = set()
    for page in published_pages:
        folder = posixpath.dirname(page.src_uri)
        while folder and folder not in published_dirs:
            published_dirs.add(folder)
            folder = posixpath.dirname(folder)
    withheld: list[str] = []
    for file in others:
        if file.inclusion is InclusionLevel.EXCLUDED:
            continue
        folder = posixpath.dirname(file.src_uri)
        while folder and folder != blog_dir:
            hidden = folder in hidden_dirs or posixpath.basename(folder) == DRAFTS_FOLDER
            if hidden and folder not in published_dirs:
                hide(file, show_drafts=show_drafts)
                withheld.append(file.src_uri)
                break
            folder = posixpath.dirname(folder)
    if withheld:
        log.info(
            f"Not published with the drafts they belong to: {len(withheld)} file(s) "
            f"({', '.join(withheld[:10])}{' and more' if len(withheld) > 10 else ''})."
        )
