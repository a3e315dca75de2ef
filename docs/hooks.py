"""MkDocs hook of the plugin's documentation: serve ``docs/schema.json`` as ``/schema.json``.

The schema lives next to ``mkdocs.yml`` (one copy, checked by ``check_schema.py``); this adds it
to the built site, so editors can load it from the published docs.
"""

from __future__ import annotations

import os

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

SCHEMA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "schema.json")


def on_files(files: Files, config: MkDocsConfig) -> Files:
    files.append(File.generated(config, "schema.json", abs_src_path=SCHEMA))
    return files
