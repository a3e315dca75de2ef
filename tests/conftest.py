"""Suite-wide settings: no test may depend on how fast the machine is, nor on which site
generator runs it (MkDocs in .venv, ProperDocs alone in .venv-properdocs)."""

from __future__ import annotations

import importlib
import importlib.util
import os
import re
from collections.abc import Generator, Iterator
from typing import Any

import pytest
from hypothesis import HealthCheck, settings

# Hypothesis fails an example that takes over 200 ms (its deadline) and a test whose data is
# slow to generate (the too_slow health check): both depend on the machine and its load, not on
# the code. Examples still run in full; only the clock is ignored. Derandomized: every run
# tries the same examples, so a run passes or fails by the code alone, never by luck (CI is one
# run); HYPOTHESIS_RANDOM=1 searches afresh.
settings.register_profile(
    "machine-independent",
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    derandomize=not os.environ.get("HYPOTHESIS_RANDOM"),
)
settings.load_profile("machine-independent")

# Beside ProperDocs alone (no MkDocs), `mkdocs.*` means `properdocs.*`, as under `properdocs
# build`: set up before any test module, or tests/sitebuild.py, imports `mkdocs`.
PROPERDOCS_ALONE = importlib.util.find_spec("mkdocs") is None and bool(
    importlib.util.find_spec("properdocs")
)
if PROPERDOCS_ALONE:
    importlib.import_module("properdocs.replacement")

# Themes some tests build with that are packages of their own. Material and MaterialX both
# require MkDocs, so neither can be beside ProperDocs alone: the tests that need them are
# skipped there, with the reason. Anywhere else (.venv, where CI runs `make pytest`) a missing
# theme is a broken install, and its tests fail as they always did.
THEME_PACKAGES = {"material": "mkdocs-material", "materialx": "mkdocs-materialx"}
MISSING_THEMES: frozenset[str] = frozenset()
if PROPERDOCS_ALONE:
    from mkdocs.utils import get_theme_names

    MISSING_THEMES = frozenset(THEME_PACKAGES) - frozenset(get_theme_names())


# Tests that need MkDocs itself, not ProperDocs answering for it, skipped beside ProperDocs alone.
NEEDS_MKDOCS_ITSELF = {
    "tests/test_benchmark_attribute.py::test_real_builds_show_the_theme_on_generated_pages_and_"
    "the_plugin_events": "the benchmarks build in a child process (python -m benchmarks.attribute)"
    " that imports MkDocs itself and patches its build internals; `make bench` runs them in .venv",
}
# Differences of ProperDocs the plugin does not handle yet: expected to fail beside ProperDocs
# alone, and strict, so the fix shows as XPASS and this entry must go.
PROPERDOCS_BUGS: dict[str, str] = {}
"""Known differences under ProperDocs alone, by test id, each an xfail(strict) with its reason."""


def _why(theme: str) -> str:
    return (
        f"needs the {theme!r} theme ({THEME_PACKAGES[theme]}), which requires MkDocs: "
        "not installed beside ProperDocs alone"
    )


def _themes_named(value: Any) -> Iterator[str]:
    """Theme names a test parameter stands for: "material", {"name": "material", ...}, or a
    config {"theme": ...} holding one."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        if isinstance(value.get("name"), str):
            yield value["name"]
        if "theme" in value:
            yield from _themes_named(value["theme"])


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark the tables' tests; skip, before any fixture builds a site, the tests parametrized
    with a missing theme: by their ids ("material", "material-tabs", "material-own-title") or
    their parameters' values."""
    for item in items:
        if PROPERDOCS_ALONE and item.nodeid in NEEDS_MKDOCS_ITSELF:
            item.add_marker(pytest.mark.skip(reason=NEEDS_MKDOCS_ITSELF[item.nodeid]))
        if PROPERDOCS_ALONE and item.nodeid in PROPERDOCS_BUGS:
            item.add_marker(pytest.mark.xfail(reason=PROPERDOCS_BUGS[item.nodeid], strict=True))
        callspec = getattr(item, "callspec", None)
        if callspec is None:
            continue
        named = set(callspec.id.split("-"))
        for value in callspec.params.values():
            named.update(_themes_named(value))
        missing = sorted(named & MISSING_THEMES)
        if missing:
            item.add_marker(pytest.mark.skip(reason=_why(missing[0])))


@pytest.fixture(autouse=True, scope="session")
def _skip_builds_with_a_missing_theme() -> Iterator[None]:
    """Any other in-process build with a missing theme (one named in the test's own code) skips
    its test when its config is read, instead of failing on "Unrecognised theme name"."""
    if not MISSING_THEMES:
        yield
        return
    from mkdocs.config import config_options

    original = config_options.Theme.run_validation

    def run_validation(self: config_options.Theme, value: object) -> Any:
        name = value.get("name") if isinstance(value, dict) else value
        if isinstance(name, str) and name in MISSING_THEMES:
            # Reported at the test, as a skip mark is, rather than at this line.
            raise pytest.skip.Exception(_why(name), _use_item_location=True)
        return original(self, value)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(config_options.Theme, "run_validation", run_validation)
        yield


_UNRECOGNISED = re.compile(r"Unrecognised theme name: '([^']+)'")


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(
    item: pytest.Item, call: pytest.CallInfo[None]
) -> Generator[None, pytest.TestReport, pytest.TestReport]:
    """A build in a subprocess (`properdocs build` in tests/test_properdocs.py) with a missing
    theme fails with "Unrecognised theme name: 'material'": that test is skipped too."""
    report = yield
    if MISSING_THEMES and report.failed and call.excinfo is not None:
        match = _UNRECOGNISED.search(str(call.excinfo.value))
        if match and match[1] in MISSING_THEMES:
            path, line = item.reportinfo()[:2]
            report.outcome = "skipped"
            report.longrepr = (str(path), (line or 0) + 1, f"Skipped: {_why(match[1])}")
    return report
