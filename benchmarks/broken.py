"""Bad input at scale: the benchmark's blog (variant a) with one post in twenty given broken
front matter, built with ``mkdocs build --strict``.

It checks, and prints, what issue 17 asks: the rest of the blog is built (a page for every
published post whose front matter is sound), each broken post is reported on one line that
names its file, none of them is published, and the strict build fails.

    python -m benchmarks.broken --posts 10000 [--share 0.05]

The damage comes in the kinds real blogs have, in turn: an unclosed quote, a tab in the
indentation, a list instead of a mapping, an unclosed bracket, TOML without its closing fence.
Exits non-zero when a check fails.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from benchmarks.corpus import DEFAULT_SEED, DEFAULT_WORK_DIR, write_sites
from benchmarks.run import LETTERS, _child_env

DAMAGE = (
    '---\ntitle: "Unclosed\npubDate: 2025-01-01\n---\n',
    "---\ntitle: Tabs\n\tpubDate: 2025-01-01\n---\n",
    "---\n- a list\n- not a mapping\n---\n",
    "---\ntitle: [unclosed\n---\n",
    '+++\ntitle = "TOML without its end\ndate = 2025-01-01\n+++\n',
)
MARK = "BROKEN-TEXT-"
_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.DOTALL)


def damage(docs: Path, share: float) -> tuple[list[str], int]:
    """Break the front matter of one post in ``1/share``; return the broken posts' paths
    (relative to ``docs``) and how many sound posts are published (not drafts)."""
    step = max(1, round(1 / share))
    broken: list[str] = []
    published = 0
    posts = [p for p in sorted((docs / "blog").rglob("*.md")) if p.name != "index.md"]
    for number, path in enumerate(posts):
        text = path.read_text("utf-8")
        if number % step == step // 2:
            body = _FRONT_MATTER.sub("", text, count=1)
            kind = DAMAGE[len(broken) % len(DAMAGE)]
            path.write_text(f"{kind}{MARK}{number}\n\n{body}", "utf-8")
            broken.append(path.relative_to(docs).as_posix())
        elif "\ndraft: true\n" not in text:
            published += 1
    return broken, published


def built_posts(site: Path) -> tuple[int, list[str]]:
    """Pages of the built site that are posts (they have the plugin's post header), and the
    pages that hold a broken post's text."""
    posts = 0
    leaked: list[str] = []
    for page in site.rglob("*.html"):
        html = page.read_text("utf-8", "replace")
        if 'class="fmb-post-header"' in html:
            posts += 1
        if MARK in html:
            leaked.append(page.relative_to(site).as_posix())
    return posts, leaked


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--posts", type=int, default=10_000)
    parser.add_argument("--share", type=float, default=0.05, help="share of broken posts")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--work-dir", type=Path, default=DEFAULT_WORK_DIR)
    args = parser.parse_args(argv)

    config = write_sites(args.posts, args.work_dir, args.seed, [LETTERS["a"]])[LETTERS["a"]]
    root = args.work_dir / f"broken-{args.posts}"
    shutil.rmtree(root, ignore_errors=True)
    shutil.copytree(config.parent, root, ignore=shutil.ignore_patterns("site"))
    broken, published = damage(root / "docs", args.share)
    site = root / "site"
    start = time.perf_counter()
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(root / config.name)]
    result = subprocess.run(
        [*command, "-d", str(site)],
        env=_child_env(),
        capture_output=True,
        text=True,
        check=False,
    )
    seconds = time.perf_counter() - start
    lines = (result.stdout + result.stderr).splitlines()
    naming = {name: [line for line in lines if name in line] for name in broken}
    posts, leaked = built_posts(site)

    checks = {
        "the strict build fails": result.returncode != 0 and any("Aborted" in s for s in lines),
        "each broken post is named on exactly one line": all(
            len(found) == 1 for found in naming.values()
        ),
        "no broken post's text is published": not leaked,
        "every sound published post is built": posts == published,
    }
    print(
        f"N={args.posts}: {len(broken)} broken ({args.share:.0%}), {published} sound published "
        f"posts, {posts} post pages built, {len(leaked)} pages with a broken post's text; "
        f"mkdocs build --strict exited {result.returncode} after {seconds:.1f} s"
    )
    for line in lines:
        if "Aborted" in line:
            print(f"  {line.strip()}")
    for name, found in list(naming.items())[:3]:
        print(f"  e.g. {found[0] if found else f'(no line names {name})'}")
    for check, passed in checks.items():
        print(f"  {'ok  ' if passed else 'FAIL'} {check}")
    for name, found in naming.items():
        if len(found) != 1:
            print(f"  {name}: {len(found)} lines: {found[:3]}")
    return 0 if all(checks.values()) else 1


if __name__ == "__main__":
    raise SystemExit(main())
