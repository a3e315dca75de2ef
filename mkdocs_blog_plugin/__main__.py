"""``python -m mkdocs_blog_plugin``: see :mod:`mkdocs_blog_plugin.cli`."""

from __future__ import annotations

import sys

from mkdocs_blog_plugin.cli import main

if __name__ == "__main__":
    sys.exit(main())
