"""One blog per language under mkdocs-static-i18n.

mkdocs-static-i18n builds the site once per language, each time with that language's files
(its ``on_files`` runs before ours): ``blog/post.fr.md`` in suffix mode, ``fr/blog/post.md`` in
folder mode, both published at ``fr/blog/post/``, and the default language's at the root. Each
of those builds makes its language's blog: its own posts only; its listings, taxonomies,
archives and feeds in its folder (``fr/blog/``, ``fr/blog/tags/x/``, ``fr/feed.xml``); its
labels and dates in its language.

A post with no version in the language being built is one mkdocs-static-i18n would publish in
the default language at ``fr/blog/...`` (``fallback_to_default``). It is left out of that
language's blog, and out of its site: a French reader's blog lists French posts, and a page
that no listing, feed or tag shows is not published either.
"""

from __future__ import annotations

import copy
import os
import posixpath
import re
from dataclasses import dataclass

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel

from mkdocs_blog_plugin.config import BlogConfig
from mkdocs_blog_plugin.core.naming import some_of
from mkdocs_blog_plugin.core.urls import blog_prefix

log = get_plugin_logger(__name__)

_NAMED = 5
"""How many left-out posts a message names."""


@dataclass(frozen=True)
class LanguageBuild:
    """The language mkdocs-static-i18n is building, and where its files are."""

    language: str | None = None
    """The language being built; ``None`` without mkdocs-static-i18n."""
    source: str = ""
    """The folder of its sources, relative to ``docs_dir``: ``"fr/"`` in folder mode, else
    ``""``."""
    output: str = ""
    """The folder of its pages, relative to ``site_dir``: ``""`` for the default language,
    else ``"fr/"``."""

    def dest(self, dest_uri: str) -> str:
        """Where a page of this language's blog is written: ``blog/tags/index.html`` made
        from the sources' folder goes to the language's folder (``fr/blog/tags/index.html``)."""
        if self.source and dest_uri.startswith(self.source):
            dest_uri = dest_uri[len(self.source) :]
        return self.output + dest_uri

    def publish(self, file: File, config: MkDocsConfig) -> None:
        """Give a file this build made (a listing, a moved post) its place in the language's
        folder: its ``dest_uri``, ``url`` and ``abs_dest_path``, as MkDocs computes them."""
        dest = self.dest(file.dest_uri)
        if dest == file.dest_uri:
            return
        file.dest_uri = dest
        # A file named by its destination has the URL MkDocs gives a page written there.
        file.url = File(dest, None, config.site_dir, False).url
        if config.use_directory_urls and file.url.endswith("index.html"):
            file.url = file.url[: -len("index.html")] or "./"
        file.abs_dest_path = os.path.normpath(os.path.join(config.site_dir, dest))

    def of_another_language(self, file: File) -> bool:
        """Whether mkdocs-static-i18n gave this build a file of another language (its
        fallback to the default language)."""
        if self.language is None:
            return False
        return str(getattr(file, "locale", self.language)) != self.language


def _static_i18n(config: MkDocsConfig) -> object | None:
    """The mkdocs-static-i18n plugin of the site, when it has one."""
    found: object
    for found in config.plugins.values():
        if type(found).__module__.startswith("mkdocs_static_i18n"):
            return found
    return None


def building_language(config: MkDocsConfig) -> str | None:
    """The language mkdocs-static-i18n is building (``"fr"``); ``None`` without it."""
    plugin = _static_i18n(config)
    language = getattr(plugin, "current_language", None) if plugin is not None else None
    return str(language) if language else None


def language_build(config: MkDocsConfig, files: Files, blog_dir: str) -> LanguageBuild:
    """This build's language and its folders; the empty ``LanguageBuild`` without
    mkdocs-static-i18n."""
    plugin = _static_i18n(config)
    language = building_language(config)
    if plugin is None or language is None:
        return LanguageBuild()
    default = getattr(plugin, "default_language", None)
    output = "" if language == default else f"{language}/"
    source = ""
    plugin_config = getattr(plugin, "config", None)
    if getattr(plugin_config, "docs_structure", None) == "folder":
        # The language's folder (docs/fr/blog/), or the root for a default language whose
        # pages are not in a folder of their own.
        folder = f"{language}/"
        inside = folder + blog_prefix(blog_dir)
        if any(file.src_uri.startswith(inside) for file in files.documentation_pages()):
            source = folder
    return LanguageBuild(language=language, source=source, output=output)


def blog_options(options: BlogConfig, build: LanguageBuild) -> BlogConfig:
    """The options as this language's build reads them: ``blog_dir`` in the language's
    sources' folder (``fr/blog`` in folder mode). The plugin's own options are left as they
    are, for the next language's build."""
    if not build.source:
        return options
    found = copy.copy(options)
    folder = options.blog_dir.strip("/")
    found["blog_dir"] = build.source.rstrip("/") if folder in ("", ".") else build.source + folder
    return found


def leave_out_other_languages(files: Files, build: LanguageBuild, blog_dir: str) -> None:
    """Keep the blog's pages of other languages out of this build: mkdocs-static-i18n's
    fallbacks to the default language (``blog/x.en.md``, ``en/blog/x.md`` in the French
    build), whose posts are in no listing or feed of this language, and whose drafts must not
    be published under its folder as pages. They stay in ``files``, excluded, so that a link or
    a nav entry to one is MkDocs' INFO line ("excluded from the built site"), not a broken
    link; the link leads to the page in the default language. The log says which."""
    if build.language is None:
        return
    prefix = blog_prefix(blog_dir)
    left_out = [
        file
        for file in files.documentation_pages()
        if build.of_another_language(file)
        and str(getattr(file, "norm_src_uri", file.src_uri)).startswith(prefix)
    ]
    for file in left_out:
        file.inclusion = InclusionLevel.EXCLUDED
        if build.output and file.dest_uri.startswith(build.output):
            # The default language's address of the page (its own build publishes it there).
            file.dest_uri = file.dest_uri[len(build.output) :]
            file.url = file.url[len(build.output) :] or "./"
    if left_out:
        named = some_of([file.src_uri for file in left_out], _NAMED)
        log.info(
            f"Building the '{build.language}' blog: {len(left_out)} page(s) of the blog without "
            f"a '{build.language}' version ({named}) are not in it, and not published "
            f"under {build.output or 'the site root'}."
        )


_PAGE_FILE = re.compile(r"(?:index|README)(?:\.[A-Za-z][\w-]*)?\.(?:md|markdown)")


def withhold_attachments_of_absent_posts(
    files: Files, build: LanguageBuild, blog_dir: str, docs_dir: str
) -> None:
    """Withhold the images and attachments of a folder post (``blog/x/index.fr.md`` and
    ``blog/x/photo.png``) that this language's build does not have: mkdocs-static-i18n gives
    every build the folder's files, at the default language's address, and this build cannot
    tell whether the post they belong to is a draft. The build of the post's own language
    publishes them, or withholds them with a draft."""
    if build.language is None:
        return
    prefix = blog_prefix(blog_dir)
    with_pages = {
        posixpath.dirname(file.src_uri)
        for file in files.documentation_pages()
        if file.inclusion is not InclusionLevel.EXCLUDED
    }
    listings: dict[str, bool] = {}
    withheld: list[str] = []
    for file in files.media_files():
        if file.inclusion is InclusionLevel.EXCLUDED:
            continue
        if not str(getattr(file, "norm_src_uri", file.src_uri)).startswith(prefix):
            continue
        folder = posixpath.dirname(file.src_uri)
        if folder in with_pages:
            continue
        holds_post = listings.get(folder)
        if holds_post is None:
            try:
                names = os.listdir(os.path.join(docs_dir, folder))
            except OSError:
                names = []
            holds_post = listings[folder] = any(_PAGE_FILE.fullmatch(name) for name in names)
        if holds_post:
            file.inclusion = InclusionLevel.EXCLUDED
            withheld.append(file.src_uri)
    if withheld:
        log.info(
            f"Building the '{build.language}' blog: {len(withheld)} file(s) of posts it does "
            f"not have ({some_of(withheld, _NAMED)}) are left to their own language's build."
        )
