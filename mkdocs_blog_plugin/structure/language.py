"""The site's language for the blog: which catalogue its labels come from."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import get_plugin_logger

from mkdocs_blog_plugin.config import BlogConfig
from mkdocs_blog_plugin.i18n import Labels
from mkdocs_blog_plugin.structure.urls import locale_of

log = get_plugin_logger(__name__)


def site_labels(options: BlogConfig, config: MkDocsConfig) -> Labels:
    """The blog's labels in the site's language, with the overrides of ``labels``."""
    tag = locale_of(options, config)
    labels = Labels(tag, options.labels)
    if labels.catalogue is None and not tag.lower().startswith("en"):
        # Not a warning: the site builds as it did, and --strict must not fail for it.
        log.info(
            f"no translation of the blog's labels for the language {tag!r}: they are in "
            "English. Set your own under 'labels' (see the Languages page of the docs)."
        )
    return labels
