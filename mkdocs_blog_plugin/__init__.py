"""mkdocs-frontmatter-blog: a blog from a folder of Markdown posts, on any MkDocs theme.

The plugin imports ``mkdocs.*``, and runs under MkDocs 1.6 or under ProperDocs, the maintained
MkDocs 1.x fork. ``properdocs build`` answers every ``mkdocs.*`` import with ``properdocs.*``
(``properdocs.replacement``, imported by its command line) even where MkDocs is not installed;
imported some other way (a test, a script) beside ProperDocs alone, this package sets up the
same aliases first. The package depends on neither: the site brings one (or an extra does,
``pip install "mkdocs-frontmatter-blog[mkdocs]"`` or ``[properdocs]``).
"""

from __future__ import annotations

import importlib
import importlib.util

# The one place the version is written: pyproject.toml reads it from here (hatch's dynamic
# version), and docs/pages/install.md's release checklist bumps it here.
__version__ = "0.1.0"


def _find_mkdocs() -> None:
    """Make ``import mkdocs`` work: MkDocs itself, or ProperDocs standing in for it."""
    if importlib.util.find_spec("mkdocs") is not None:
        return  # MkDocs, or ProperDocs' aliases already in place (`properdocs build`)
    if importlib.util.find_spec("properdocs") is None:
        raise ImportError(
            "mkdocs-frontmatter-blog needs MkDocs or ProperDocs, and neither is installed: "
            'pip install "mkdocs-frontmatter-blog[mkdocs]" '
            '(or "mkdocs-frontmatter-blog[properdocs]")'
        )
    importlib.import_module("properdocs.replacement")


_find_mkdocs()
