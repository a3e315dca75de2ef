"""The blog's labels in the site's language: gettext catalogues read through Babel."""

from .labels import (
    LabelError,
    Labels,
    catalogue_for,
    check_overrides,
    known_labels,
    shipped_languages,
)

__all__ = [
    "LabelError",
    "Labels",
    "catalogue_for",
    "check_overrides",
    "known_labels",
    "shipped_languages",
]
