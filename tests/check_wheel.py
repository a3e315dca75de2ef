"""Build the sdist and the wheel as a release does and prove they are fit to upload: the wheel
ships what a user's build needs (templates, CSS, entry points), the sdist holds the sources a
wheel is built from, `twine check` passes on both, and the metadata says what is intended: one
version, the README as description, and no site generator pulled in but by an extra."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
import tarfile
import tempfile
import zipfile
from email.message import Message
from email.parser import Parser
from pathlib import Path

from packaging.requirements import Requirement

if sys.version_info >= (3, 11):
    import tomllib
else:
    import tomli as tomllib

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "mkdocs_blog_plugin"
PACKAGE_LOCALES = ROOT / "mkdocs_blog_plugin" / "i18n" / "locales"
PACKAGE_TEMPLATES = PACKAGE / "templates"

# Requires-Dist by extra ("" = always). MkDocs is in none of the plain requirements: beside
# ProperDocs it would be a second generator (docs/pages/install.md).
INTENDED = {
    "": {
        "python-frontmatter",
        "jinja2",
        "tomli",
        "imagesize",
        "python-dateutil",
        "tzdata",
        "babel",
    },
    "mkdocs": {"mkdocs"},
    "properdocs": {"properdocs"},
    "material": {"mkdocs", "mkdocs-material"},
    "materialx": {"properdocs", "mkdocs-materialx"},
}
CLASSIFIERS = {
    "Framework :: MkDocs",
    "Typing :: Typed",
    *(f"Programming Language :: Python :: 3.{minor}" for minor in range(10, 14)),
}
SDIST_FILES = {"README.md", "LICENSE", "CHANGELOG.md", "pyproject.toml", "PKG-INFO"}
NOT_IN_SDIST = ("example-site/", "benchmarks/", "docs/", ".venv")
NOT_IN_WHEEL = ("tests/", *NOT_IN_SDIST)


def package_files() -> set[str]:
    """The package's files in the source tree, as archive paths."""
    return {
        path.relative_to(ROOT).as_posix()
        for path in PACKAGE.rglob("*")
        if path.is_file() and "__pycache__" not in path.parts
    }


def source_version() -> str:
    """``__version__`` of mkdocs_blog_plugin/__init__.py, read as hatch reads it (no import)."""
    tree = ast.parse((PACKAGE / "__init__.py").read_text("utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and [getattr(t, "id", "") for t in node.targets] == [
            "__version__"
        ]:
            return str(ast.literal_eval(node.value))
    raise SystemExit("no __version__ in mkdocs_blog_plugin/__init__.py")


def metadata_problems(metadata: Message, version: str, where: str) -> list[str]:
    problems = []
    if metadata["Version"] != version:
        problems.append(f"{where}: Version {metadata['Version']}, the source says {version}")
    if metadata["Description-Content-Type"] != "text/markdown":
        problems.append(f"{where}: Description-Content-Type is not text/markdown")
    description = str(metadata.get_payload()).strip()
    if description != (ROOT / "README.md").read_text("utf-8").strip():
        problems.append(f"{where}: the long description is not README.md")
    if metadata["License-Expression"] != "MIT" or metadata["License-File"] != "LICENSE":
        problems.append(f"{where}: License-Expression MIT and License-File LICENSE expected")
    classifiers = set(metadata.get_all("Classifier") or [])
    problems += [f"{where}: classifier {c!r} missing" for c in sorted(CLASSIFIERS - classifiers)]
    # PyPI refuses License :: classifiers beside a License-Expression.
    problems += [f"{where}: classifier {c!r}" for c in classifiers if c.startswith("License ::")]
    if metadata["Requires-Python"] != ">=3.10":
        problems.append(f"{where}: Requires-Python {metadata['Requires-Python']}")
    found: dict[str, set[str]] = {extra: set() for extra in metadata.get_all("Provides-Extra")}
    found[""] = set()
    for line in metadata.get_all("Requires-Dist") or []:
        requirement = Requirement(line)
        extra = re.search(r"extra == ['\"]([^'\"]+)['\"]", str(requirement.marker or ""))
        found.setdefault(extra[1] if extra else "", set()).add(requirement.name)
    for extra in sorted(found.keys() | INTENDED.keys()):
        has, wants = found.get(extra, set()), INTENDED.get(extra, set())
        if has != wants:
            problems.append(
                f"{where}: Requires-Dist {'[' + extra + ']' if extra else 'without an extra'}: "
                f"{sorted(has)}, intended {sorted(wants)}"
            )
    return problems


def wheel_problems(wheel: Path, version: str) -> tuple[list[str], int]:
    archive = zipfile.ZipFile(wheel)
    names = set(archive.namelist())
    dist_info = f"mkdocs_frontmatter_blog-{version}.dist-info"
    entry_text = archive.read(f"{dist_info}/entry_points.txt").decode()
    metadata = Parser().parsestr(archive.read(f"{dist_info}/METADATA").decode())

    expected = {
        f"mkdocs_blog_plugin/templates/{path.relative_to(PACKAGE_TEMPLATES).as_posix()}"
        for path in PACKAGE_TEMPLATES.rglob("*")
        if path.is_file()
    }
    expected.add("mkdocs_blog_plugin/py.typed")
    # The labels' catalogues: read at build time, so a wheel without them is English-only.
    expected |= {
        f"mkdocs_blog_plugin/i18n/locales/{path.relative_to(PACKAGE_LOCALES).as_posix()}"
        for path in PACKAGE_LOCALES.rglob("*")
        if path.suffix in (".po", ".pot")
    }
    problems = [f"missing from the wheel: {name}" for name in sorted(expected - names)]
    if not any(n.endswith(".html") for n in expected):
        problems.append("no templates found in the source tree")
    others = package_files() | {f"{dist_info}/licenses/LICENSE"}
    problems += [f"missing from the wheel: {name}" for name in sorted(others - names)]
    for group in ("[mkdocs.plugins]", "[properdocs.plugins]"):
        if (
            group not in entry_text
            or "frontmatter-blog = mkdocs_blog_plugin.plugin:BlogPlugin" not in entry_text
        ):
            problems.append(f"entry point frontmatter-blog missing in {group}")
    leaked = sorted(n for n in names if n.startswith(NOT_IN_WHEEL))
    problems += [f"should not ship in the wheel: {name}" for name in leaked]
    problems += metadata_problems(metadata, version, wheel.name)
    return problems, len(expected)


def sdist_problems(sdist: Path, version: str) -> list[str]:
    top = f"mkdocs_frontmatter_blog-{version}/"
    with tarfile.open(sdist) as archive:
        names = {name.removeprefix(top) for name in archive.getnames()}
        pkg_info = archive.extractfile(top + "PKG-INFO")
        assert pkg_info is not None
        metadata = Parser().parsestr(pkg_info.read().decode())
    wanted = SDIST_FILES | package_files()
    problems = [f"missing from the sdist: {name}" for name in sorted(wanted - names)]
    if not any(n.startswith("mkdocs_blog_plugin/templates/") for n in names):
        problems.append("the sdist has no templates")
    stray = sorted(n for n in names if n.startswith(NOT_IN_SDIST) or "__pycache__" in n)
    problems += [f"should not ship in the sdist: {name}" for name in stray]
    return problems + metadata_problems(metadata, version, sdist.name)


def main() -> int:
    version = source_version()
    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]
    problems = []
    if "version" in project or "version" not in project.get("dynamic", []):
        problems.append("pyproject.toml writes a version: it must be dynamic, from __init__.py")
    with tempfile.TemporaryDirectory() as out:
        # No --sdist/--wheel: the sdist, then the wheel built from it, as pip would from PyPI.
        built = subprocess.run(
            [sys.executable, "-m", "build", "--no-isolation", "--outdir", out],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=False,
        )
        if built.returncode != 0:
            print(built.stdout + built.stderr, file=sys.stderr)
            raise SystemExit("wheel check: python -m build failed")
        (wheel,) = Path(out).glob("*.whl")
        (sdist,) = Path(out).glob("*.tar.gz")
        twine = subprocess.run(
            [sys.executable, "-m", "twine", "check", "--strict", str(sdist), str(wheel)],
            capture_output=True,
            text=True,
            check=False,
        )
        if twine.returncode != 0:
            problems.append(f"twine check failed:\n{twine.stdout}{twine.stderr}")
        found, data_files = wheel_problems(wheel, version)
        problems += found + sdist_problems(sdist, version)
    for problem in problems:
        print(problem, file=sys.stderr)
    print(
        f"wheel check: {wheel.name}, {sdist.name}: {data_files} package data files present, "
        f"twine check, metadata of version {version}: {'FAILED' if problems else 'ok'}"
    )
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
