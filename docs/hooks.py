"""MkDocs hooks of the plugin's documentation.

- Serve ``docs/schema.json`` as ``/schema.json``. The schema lives next to ``mkdocs.yml`` (one
  copy, checked by ``check_schema.py``); this adds it to the built site, so editors can load it
  from the published docs.
- Show the repository's ``CHANGELOG.md`` as the Changelog page. ``pages/changelog.md`` is only a
  placeholder that gives the page its place in ``nav``; its Markdown is replaced by the text of
  ``CHANGELOG.md`` (one copy of the changelog, read wherever the build is started from).
  ``mkdocs serve`` reloads when ``CHANGELOG.md`` changes.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.livereload import LiveReloadServer
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

HERE = os.path.dirname(os.path.abspath(__file__))
SCHEMA = os.path.join(HERE, "schema.json")
CHANGELOG = os.path.join(os.path.dirname(HERE), "CHANGELOG.md")
CHANGELOG_PAGE = "changelog.md"


def on_files(files: Files, config: MkDocsConfig) -> Files:
    files.append(File.generated(config, "schema.json", abs_src_path=SCHEMA))
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if page.file.src_uri != CHANGELOG_PAGE:
        return markdown
    with open(CHANGELOG, encoding="utf-8-sig") as changelog:
        return changelog.read()


def on_serve(
    server: LiveReloadServer, config: MkDocsConfig, builder: Callable[..., Any]
) -> LiveReloadServer:
    server.watch(CHANGELOG)
    return server
