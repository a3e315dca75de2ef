"""The site a command works on: its config loaded as MkDocs loads it, and the build's messages.

The commands import nothing that a build would not: the config is read by
``mkdocs.config.load_config``, which validates the plugin's options from the ``plugins:``
entry of ``mkdocs.yml``, and what the plugin logs while it reads posts is caught from the
loggers MkDocs gives plugins, so the messages are the build's own, word for word.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TextIO

import mkdocs
import yaml
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import MkDocsException

from mkdocs_blog_plugin.config import BlogConfig
from mkdocs_blog_plugin.plugin import BlogPlugin

PLUGIN = "frontmatter-blog"
"""The plugin's name in ``plugins:`` of ``mkdocs.yml``."""

# "mkdocs", or "properdocs" where ProperDocs stands in for MkDocs (its `mkdocs.*` aliases).
_ROOT_LOGGER = mkdocs.__name__
# What get_plugin_logger(__name__) gives this package's modules: mkdocs.plugins.<package>.*
_PLUGIN_LOGGER = f"{_ROOT_LOGGER}.plugins.{__name__.split('.', 1)[0]}"


class SiteError(Exception):
    """The site cannot be worked on: its config does not load, or has no blog."""


@dataclass
class Site:
    """A site's config, and the blog plugin's options and name in it."""

    config: MkDocsConfig
    options: BlogConfig
    plugin_name: str

    @property
    def config_file(self) -> str:
        return str(self.config.config_file_path or "mkdocs.yml")


def load_site(config_file: str | None, *, strict: bool = False) -> Site:
    """Load ``mkdocs.yml`` (or ``config_file``) exactly as ``mkdocs build [--strict]`` does."""
    try:
        # None leaves `strict:` of mkdocs.yml as it is, as MkDocs' own command line does.
        config = load_config(config_file=config_file, strict=True if strict else None)
    except MkDocsException as error:
        raise SiteError(error.format_message()) from None
    except (OSError, yaml.YAMLError) as error:
        raise SiteError(f"{config_file or 'mkdocs.yml'}: {error}") from None
    # The first blog that is enabled (a site may have several); else a disabled one, which
    # the commands say is disabled.
    blogs = [(name, p) for name, p in config.plugins.items() if isinstance(p, BlogPlugin)]
    blogs.sort(key=lambda blog: not blog[1].config.enabled)  # stable: in plugins: order
    if blogs:
        name, plugin = blogs[0]
        return Site(config=config, options=plugin.config, plugin_name=name)
    raise SiteError(
        f"{config.config_file_path}: '{PLUGIN}' is not in its plugins: add it "
        f"(plugins: [search, {PLUGIN}]) to make a blog of docs_dir/blog/"
    )


class Messages(logging.Handler):
    """The records logged while a command runs: MkDocs' and the plugin's."""

    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)

    @property
    def shown(self) -> list[logging.LogRecord]:
        """What the build prints about posts: every warning and error, and the plugin's INFO
        lines (not those of other plugins, nor MkDocs' own)."""
        return [
            record
            for record in self.records
            if record.levelno >= logging.WARNING
            or (record.levelno >= logging.INFO and _is_plugin_logger(record.name))
        ]

    @property
    def warnings(self) -> int:
        """Warnings and errors: each one fails ``mkdocs build --strict``."""
        return sum(record.levelno >= logging.WARNING for record in self.records)

    def print(self, stream: TextIO | None = None) -> None:
        for record in self.shown:
            print(format_record(record), file=stream or sys.stdout)


def _is_plugin_logger(name: str) -> bool:
    return name == _PLUGIN_LOGGER or name.startswith(_PLUGIN_LOGGER + ".")


def format_record(record: logging.LogRecord) -> str:
    """A record as MkDocs' command line prints it (``WARNING -  ...``), without colours."""
    prefix = f"{record.levelname:<8}-  "
    return prefix + record.getMessage().replace("\n", "\n" + " " * len(prefix))


@contextmanager
def captured() -> Iterator[Messages]:
    """Catch what MkDocs and the plugin log, at INFO and above, as ``mkdocs build`` shows it;
    nothing reaches the root logger meanwhile (it would print the warnings a second time)."""
    logger = logging.getLogger(_ROOT_LOGGER)
    handler = Messages()
    level, propagate = logger.level, logger.propagate
    logger.setLevel(logging.INFO)
    logger.propagate = False
    logger.addHandler(handler)
    try:
        yield handler
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)
        logger.propagate = propagate


def shown_path(path: str) -> str:
    """``path`` relative to the working directory when it is below it, else as it is."""
    try:
        relative = os.path.relpath(path)
    except ValueError:  # another drive, on Windows
        return path
    return path if relative == os.pardir or relative.startswith(os.pardir + os.sep) else relative
