"""docs/schema.json: in step with the config classes, and it accepts the sites we ship."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = json.loads((ROOT / "docs" / "schema.json").read_text("utf-8"))


def _check_schema_module() -> Any:
    spec = importlib.util.spec_from_file_location("check_schema", ROOT / "docs" / "check_schema.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_schema_matches_the_config_classes() -> None:
    assert _check_schema_module().schema_problems() == []


def test_schema_is_valid_json_schema() -> None:
    jsonschema.Draft7Validator.check_schema(SCHEMA)


@pytest.mark.parametrize(
    "config_file",
    [
        ROOT / "example-site" / "mkdocs.yml",
        *sorted((ROOT / "tests" / "fixtures").glob("*/mkdocs.yml")),
    ],
    ids=lambda path: str(path.relative_to(ROOT)),
)
def test_shipped_configs_validate(config_file: Path) -> None:
    jsonschema.validate(yaml.safe_load(config_file.read_text("utf-8")), SCHEMA)


@pytest.mark.parametrize(
    "options",
    [{"posts_per_page": "ten"}, {"no_such_option": 1}, {"ads": {"every": "often"}}],
)
def test_schema_rejects_bad_options(options: dict[str, Any]) -> None:
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"plugins": [{"frontmatter-blog": options}]}, SCHEMA)
