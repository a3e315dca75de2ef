"""Material for MkDocs' blog plugin, option by option: Material's X is our Y.

Most of Material's options are ours under the same name, with the same meaning (``blog_dir``,
``post_url_format``, ``archive_url_format``, ``authors_profiles``...): they are declared in
:mod:`mkdocs_blog_plugin.config`. This module holds the rest:

- :class:`MaterialNames`: options we have under another name, and the few we accept without
  honouring them (each one, when set, is a warning that names it);
- :data:`PRESET`: what ``preset: material`` changes, so that the same posts get the same URLs
  and dates as under Material's blog;
- :func:`apply_material`: both, applied to a validated config.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from mkdocs.config import base
from mkdocs.config import config_options as c

from mkdocs_blog_plugin.options import CountOption

if TYPE_CHECKING:
    from mkdocs_blog_plugin.config import BlogConfig


class MaterialNames(base.Config):
    """Options of Material's blog that we know under another name, or do not honour.

    Each is ``None`` unless ``mkdocs.yml`` sets it."""

    pagination_per_page = c.Optional(CountOption(minimum=1))
    """Material's name for ``posts_per_page``."""
    draft_on_serve = c.Optional(c.Type(bool))
    """Material's name for ``drafts_on_serve``."""
    draft_if_future_date = c.Optional(c.Type(bool))
    """Material's name for ``future_posts_as_drafts``."""
    post_date_format = c.Optional(c.Type(str))
    """Material's name for ``date_format``."""
    archive_name = c.Optional(c.Type(str))
    """Material's name for ``archive_title``; its default, the translation key
    ``blog.archive``, keeps ours."""
    categories_name = c.Optional(c.Type(str))
    """Material's name for ``categories_title``."""
    authors_profiles_name = c.Optional(c.Type(str))
    """Material's name for ``authors_title``."""
    draft = c.Optional(c.Type(bool))
    """Material publishes drafts with ``draft: true``. Not honoured: a draft is never
    published by ``build``; ``mkdocs serve`` shows drafts (``drafts_on_serve``)."""


@dataclass(frozen=True)
class Renamed:
    """Material's option is ours under another name."""

    ours: str
    only_if: Callable[[Any], bool] = lambda value: True
    """Material's values that carry over (its translation keys do not)."""


def _not_translation_key(value: Any) -> bool:
    return not (isinstance(value, str) and value.startswith("blog."))


RENAMED: Mapping[str, Renamed] = {
    "pagination_per_page": Renamed("posts_per_page"),
    "draft_on_serve": Renamed("drafts_on_serve"),
    "draft_if_future_date": Renamed("future_posts_as_drafts"),
    "post_date_format": Renamed("date_format"),
    "archive_name": Renamed("archive_title", _not_translation_key),
    "categories_name": Renamed("categories_title", _not_translation_key),
    "authors_profiles_name": Renamed("authors_title", _not_translation_key),
}

NOT_HONOURED: Mapping[str, tuple[Any, str]] = {
    # Option: (the value we cannot honour, why).
    "draft": (
        True,
        "is not honoured: 'mkdocs build' never publishes a draft. 'mkdocs serve' shows them "
        "(drafts_on_serve); to publish a post, set draft: false in its front matter",
    ),
}

PRESET: Mapping[str, Any] = {
    # Material's defaults, where ours differ; every other option of Material's has our default.
    "post_dir": "{blog}/posts",
    "post_url_format": "{date}/{slug}",
    "categories_url_format": "category/{slug}",
    "date_format": "long",
    "post_excerpt_max_authors": 1,
    "post_excerpt_max_categories": 5,
    "slugs": "material",
    "nav_sections": True,
    # Material's category page is titled with the category's name.
    "category_title": "{name}",
}
"""What ``preset: material`` sets, unless ``mkdocs.yml`` sets it too."""


def apply_material(config: BlogConfig, written: frozenset[str]) -> list[tuple[str, str]]:
    """Put Material's names into ours, and the preset's defaults where ``mkdocs.yml`` says
    nothing. Returns warnings, as MkDocs' config validation does: (option, message)."""
    warnings: list[tuple[str, str]] = []
    for name, renamed in RENAMED.items():
        value = config[name]
        if value is None or not renamed.only_if(value):
            continue
        if renamed.ours in written and config[renamed.ours] != value:
            warnings.append(
                (
                    name,
                    f"Material's {name}: {value!r} and our {renamed.ours}: "
                    f"{config[renamed.ours]!r} disagree; {renamed.ours} is used",
                )
            )
            continue
        config[renamed.ours] = value
        written = written | {renamed.ours}
    for name, (value, why) in NOT_HONOURED.items():
        if config[name] == value:
            warnings.append((name, f"{name}: {value!r} {why}"))
    if config["preset"] == "material":
        for name, value in PRESET.items():
            if name not in written:
                config[name] = value
    return warnings
