"""Check that ``docs/schema.json`` describes exactly the options the plugin has.

Compares, for the plugin's options, ``ads`` and ``ads.adsense``: the option names, the
defaults, and the choices of ``ads.positions``. Prints every difference and exits with 1, so
the schema and the code cannot drift apart. Run it from anywhere:

    .venv/bin/python docs/check_schema.py

Tests can call :func:`schema_problems` instead.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.base import BaseConfigOption

from mkdocs_blog_plugin.ads_config import AdsConfig, AdSenseConfig
from mkdocs_blog_plugin.config import (
    BlogConfig,
    FeedConfig,
    HeroImageConfig,
    MetadataConfig,
    NeighboursConfig,
    RelatedConfig,
    SeriesConfig,
)

SCHEMA_PATH = Path(__file__).resolve().parent / "schema.json"

# Each config class and the definition of schema.json that describes it.
SECTIONS: list[tuple[str, str, type[base.Config]]] = [
    ("frontmatter-blog", "options", BlogConfig),
    ("feed", "feed", FeedConfig),
    ("hero_image", "hero_image", HeroImageConfig),
    ("prev_next", "prev_next", NeighboursConfig),
    ("related", "related", RelatedConfig),
    ("series", "series", SeriesConfig),
    ("metadata", "metadata", MetadataConfig),
    ("ads", "ads", AdsConfig),
    ("ads.adsense", "adsense", AdSenseConfig),
]

_NO_DEFAULT = object()


def _code_default(option: BaseConfigOption[Any]) -> object:
    if isinstance(option, c.SubConfig):
        return _NO_DEFAULT  # Described by its own section.
    return getattr(option, "default", None)


def schema_problems(schema: dict[str, Any] | None = None) -> list[str]:
    """Every difference between ``schema`` (default: ``schema.json``) and the config classes."""
    if schema is None:
        schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    problems: list[str] = []
    definitions = schema.get("definitions", {})
    for label, definition, config_class in SECTIONS:
        described = definitions.get(definition, {})
        if described.get("additionalProperties") is not False:
            problems.append(f"{label}: the schema must set additionalProperties to false")
        properties: dict[str, Any] = described.get("properties", {})
        options = dict(config_class._schema)
        for name in sorted(options.keys() - properties.keys()):
            problems.append(f"{label}: option {name!r} is in the code but not in schema.json")
        for name in sorted(properties.keys() - options.keys()):
            problems.append(f"{label}: option {name!r} is in schema.json but not in the code")
        for name in sorted(options.keys() & properties.keys()):
            prop = properties[name]
            if not prop.get("description"):
                problems.append(f"{label}.{name}: no description in schema.json")
            expected = _code_default(options[name])
            if expected is _NO_DEFAULT:
                continue
            if "default" not in prop:
                problems.append(f"{label}.{name}: no default in schema.json (code: {expected!r})")
            elif prop["default"] != expected or type(prop["default"]) is not type(expected):
                problems.append(
                    f"{label}.{name}: default is {prop['default']!r} in schema.json "
                    f"but {expected!r} in the code"
                )

    positions = dict(AdsConfig._schema)["positions"]
    choices = set(getattr(getattr(positions, "option_type", None), "choices", ()))
    enum = (
        definitions.get("ads", {})
        .get("properties", {})
        .get("positions", {})
        .get("items", {})
        .get("enum", [])
    )
    if choices != set(enum):
        problems.append(
            f"ads.positions: schema.json allows {sorted(enum)}, the code {sorted(choices)}"
        )
    return problems


def main() -> int:
    problems = schema_problems()
    for problem in problems:
        print(f"{SCHEMA_PATH.name}: {problem}", file=sys.stderr)
    if problems:
        print(f"{len(problems)} difference(s): update {SCHEMA_PATH}", file=sys.stderr)
        return 1
    print(f"{SCHEMA_PATH.name} matches the plugin's options")
    return 0


if __name__ == "__main__":
    sys.exit(main())
