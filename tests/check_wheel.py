"""Build the wheel and prove it ships what a user's build needs: templates, CSS, entry points."""

from __future__ import annotations

import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE_TEMPLATES = ROOT / "mkdocs_blog_plugin" / "templates"


def main() -> int:
    with tempfile.TemporaryDirectory() as out:
        subprocess.run(
            [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", out],
            cwd=ROOT,
            check=True,
            stdout=subprocess.DEVNULL,
        )
        (wheel,) = Path(out).glob("*.whl")
        names = set(zipfile.ZipFile(wheel).namelist())
        entry_points = next(n for n in names if n.endswith(".dist-info/entry_points.txt"))
        entry_text = zipfile.ZipFile(wheel).read(entry_points).decode()

    expected = {
        f"mkdocs_blog_plugin/templates/{path.relative_to(PACKAGE_TEMPLATES).as_posix()}"
        for path in PACKAGE_TEMPLATES.rglob("*")
        if path.is_file()
    }
    expected.add("mkdocs_blog_plugin/py.typed")
    missing = sorted(expected - names)
    problems = [f"missing from the wheel: {name}" for name in missing]
    if not any(n.endswith(".html") for n in expected):
        problems.append("no templates found in the source tree")
    for group in ("[mkdocs.plugins]", "[properdocs.plugins]"):
        if (
            group not in entry_text
            or "frontmatter-blog = mkdocs_blog_plugin.plugin:BlogPlugin" not in entry_text
        ):
            problems.append(f"entry point frontmatter-blog missing in {group}")
    leaked = sorted(n for n in names if n.startswith(("tests/", "example-site/", "benchmarks/")))
    problems += [f"should not ship: {name}" for name in leaked]
    for problem in problems:
        print(problem, file=sys.stderr)
    print(
        f"wheel check: {wheel.name}: {len(expected)} package data files present, "
        f"{'FAILED' if problems else 'ok'}"
    )
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
