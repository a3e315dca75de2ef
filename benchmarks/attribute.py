"""Where variant a's extra time goes: instrumented builds of a (this plugin) and b (the floor).

``run`` says how much slower a build with the plugin is; this says what the difference is made
of. Each build runs in a fresh interpreter, like the timed ones, with timers around:

- MkDocs' two steps for each page, split into the pages MkDocs read from ``docs/`` and the pages
  a plugin generated: reading and converting the Markdown (``_populate_page``), then the
  template, the page events and writing the file (``_build_page``);
- the theme's page template (``main.html``) within the second step, so the theme's cost for the
  generated pages shows apart from the plugin's own rendering;
- every event handler of every plugin (a page event once per kind of page), and the ad-slot
  treeprocessor (which runs inside the Markdown conversion, not in an event);
- Python's garbage collector.

The timers cost a little themselves; compare rows of a with rows of b, and take the ratio from
``run``, not from here. ``python -m benchmarks.attribute --posts 1000 [--repeat 3]``;
``--variant d`` compares d (``preset: material`` on Material-shaped posts) with the floor instead.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from benchmarks.corpus import DEFAULT_SEED, DEFAULT_WORK_DIR, write_sites
from benchmarks.run import REPO_ROOT, _child_env

BUILD = "build()"
THEME = "theme template"
READ = "read + Markdown"
WRITE = "template, page events, write"
GC = "garbage collector"
ADS = "ad slots (treeprocessor, inside read + Markdown)"
OTHER = "rest of build(): on_config, on_files, nav, on_env, sitemap, static files"
VARIANTS = {"a": "ours", "b": "floor", "d": "ours-material"}
COMPARED = ("a", "d")
"""The variants that can be set against the floor (b)."""


class Timers:
    """Wall-clock time per row of the table, and what is running now.

    ``page`` is the kind of page ("source" or "generated") whose steps are running, ``writing``
    the same during the second step only: the theme's template is the outermost render there
    that no plugin event makes.
    """

    def __init__(self) -> None:
        self.times: defaultdict[str, float] = defaultdict(float)
        self.counts: defaultdict[str, int] = defaultdict(int)
        self.page: str | None = None
        self.writing: str | None = None
        self.events = 0
        self.in_theme = False
        self._collecting_since = 0.0

    def add(self, row: str, start: float) -> None:
        self.times[row] += time.perf_counter() - start
        self.counts[row] += 1

    def page_step(self, label: str, original: Callable[..., Any]) -> Callable[..., Any]:
        def step(page: Any, *args: Any, **kwargs: Any) -> Any:
            kind = "generated" if page.file.generated_by else "source"
            self.page = kind
            self.writing = kind if label == WRITE else None
            start = time.perf_counter()
            try:
                return original(page, *args, **kwargs)
            finally:
                self.add(f"{label} ({kind} pages)", start)
                self.page = self.writing = None

        return step

    def theme_render(self, original: Callable[..., str]) -> Callable[..., str]:
        def render(template: Any, *args: Any, **kwargs: Any) -> str:
            kind = self.writing
            if kind is None or self.events or self.in_theme:
                return original(template, *args, **kwargs)
            self.in_theme = True
            start = time.perf_counter()
            try:
                return original(template, *args, **kwargs)
            finally:
                self.add(f"  of which {THEME} ({kind} pages)", start)
                self.in_theme = False

        return render

    def event(self, label: str, handler: Callable[..., Any]) -> Callable[..., Any]:
        def timed(*args: Any, **kwargs: Any) -> Any:
            row = label if self.page is None else f"{label} ({self.page} pages)"
            self.events += 1
            start = time.perf_counter()
            try:
                return handler(*args, **kwargs)
            finally:
                self.add(row, start)
                self.events -= 1

        return timed

    def call(self, row: str, function: Callable[..., Any]) -> Callable[..., Any]:
        def timed(*args: Any, **kwargs: Any) -> Any:
            start = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                self.add(row, start)

        return timed

    def collector(self, phase: str, _info: dict[str, int]) -> None:
        """A ``gc.callbacks`` entry: the collector's time."""
        if phase == "start":
            self._collecting_since = time.perf_counter()
        else:
            self.add(GC, self._collecting_since)


def instrumented_build(config_file: Path, site_dir: Path) -> dict[str, float]:
    """Build ``config_file`` into ``site_dir`` as ``mkdocs build`` does, with timers on."""
    import gc

    import jinja2
    from mkdocs.commands import build as mkdocs_build
    from mkdocs.config import load_config

    timers = Timers()
    mkdocs_build._populate_page = timers.page_step(READ, mkdocs_build._populate_page)
    mkdocs_build._build_page = timers.page_step(WRITE, mkdocs_build._build_page)
    jinja2.Template.render = timers.theme_render(jinja2.Template.render)  # type: ignore[method-assign]
    try:
        from mkdocs_blog_plugin.ads.treeprocessor import AdSlotTreeprocessor
    except ImportError:  # The plugin is not installed, so its treeprocessor cannot run.
        pass
    else:  # Importable in both interpreters; it runs only in a's build.
        AdSlotTreeprocessor.run = timers.call(ADS, AdSlotTreeprocessor.run)  # type: ignore[method-assign]

    config = load_config(str(config_file), site_dir=str(site_dir))
    names = {id(plugin): name for name, plugin in config.plugins.items()}
    for event, handlers in config.plugins.events.items():
        for index, handler in enumerate(handlers):
            owner = getattr(handler, "__self__", None)
            label = f"event {names.get(id(owner), type(owner).__name__)}: on_{event}"
            handlers[index] = timers.event(label, handler)

    config.plugins.on_startup(command="build", dirty=False)
    gc.callbacks.append(timers.collector)
    start = time.perf_counter()
    mkdocs_build.build(config)
    timers.times[BUILD] = time.perf_counter() - start
    gc.callbacks.remove(timers.collector)
    config.plugins.on_shutdown()
    return dict(timers.times)


def _child(config_file: Path, output: Path) -> None:
    with tempfile.TemporaryDirectory(prefix="bench-attribute-") as tmp:
        times = instrumented_build(config_file, Path(tmp) / "site")
    output.write_text(json.dumps(times), encoding="utf-8")


def measure(config_file: Path, log: Path) -> dict[str, float]:
    """One instrumented build in a fresh interpreter."""
    log.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="bench-attribute-") as tmp:
        output = Path(tmp) / "times.json"
        command = [sys.executable, "-m", "benchmarks.attribute", "--child", str(config_file)]
        command += ["--output", str(output)]
        with log.open("wb") as sink:
            finished = subprocess.run(
                command,
                stdout=sink,
                stderr=subprocess.STDOUT,
                env=_child_env(),
                cwd=REPO_ROOT,
                check=False,
            )
        if finished.returncode != 0 or not output.exists():
            raise RuntimeError(f"instrumented build of {config_file} failed; log: {log}")
        times: dict[str, float] = json.loads(output.read_text(encoding="utf-8"))
        return times


def _ordered(rows: set[str]) -> list[str]:
    """Steps first, each theme row under its step, then events, ad slots and the collector."""

    def starting(prefix: str) -> list[str]:
        return sorted(row for row in rows if row.startswith(prefix))

    ordered = [BUILD, *starting(READ)]
    for row in starting(WRITE):
        theme = f"  of which {THEME} {row[len(WRITE) :].strip()}"
        ordered += [row, theme] if theme in rows else [row]
    return [*ordered, OTHER, *starting("event "), *(row for row in (ADS, GC) if row in rows)]


def attribution_table(
    a: Sequence[dict[str, float]], b: Sequence[dict[str, float]], letter: str = "a"
) -> str:
    """Medians of each timer over the builds of a (or of ``letter``) and of b, as a Markdown
    table."""

    def median(builds: Sequence[dict[str, float]], row: str) -> float:
        return statistics.median(build.get(row, 0.0) for build in builds)

    a, b = [dict(build) for build in a], [dict(build) for build in b]
    for build in [*a, *b]:
        steps = sum(seconds for row, seconds in build.items() if row.startswith((READ, WRITE)))
        build[OTHER] = build[BUILD] - steps
    floor = median(b, BUILD)
    lines = [
        f"| where | {letter} s | b s | {letter} − b s | {letter} − b, % of b's build |",
        "|:---|---:|---:|---:|---:|",
    ]
    for row in _ordered({row for build in [*a, *b] for row in build}):
        a_time, b_time = median(a, row), median(b, row)
        share = (a_time - b_time) / floor if floor else 0.0
        name = row.replace("  of which", "&nbsp;&nbsp;of which")
        lines.append(
            f"| {name} | {a_time:.2f} | {b_time:.2f} | {a_time - b_time:+.2f} | {share:+.1%} |"
        )
    return "\n".join(lines)


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.attribute",
        description="Where a build with frontmatter-blog spends its extra time over the floor.",
    )
    parser.add_argument("--posts", type=int, default=1000, metavar="N", help="default 1000")
    parser.add_argument(
        "--repeat", type=int, default=1, help="instrumented builds of each variant (default 1)"
    )
    parser.add_argument(
        "--variant",
        choices=COMPARED,
        default="a",
        help="the variant to set against the floor: a, or d (preset: material); default a",
    )
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help="corpus seed")
    parser.add_argument(
        "--work-dir", type=Path, default=DEFAULT_WORK_DIR, help="where sites and logs go"
    )
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--output", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.posts < 1 or args.repeat < 1:
        parser.error("--posts and --repeat must be at least 1")
    return args


def measure_variants(
    posts: int, work_dir: Path, seed: int, repeat: int, top: str = "a"
) -> dict[str, list[dict[str, float]]]:
    """Instrumented builds of ``top`` (a unless told) and b, alternating; each build's timers
    by row.

    A row is in a build's timers only if its timer ran in that build.
    """
    if top not in COMPARED:
        raise ValueError(f"variant {top!r} is not one of {', '.join(COMPARED)}")
    configs = write_sites(posts, work_dir, seed, [VARIANTS[top], VARIANTS["b"]])
    builds: dict[str, list[dict[str, float]]] = {top: [], "b": []}
    for round_ in range(1, repeat + 1):
        for letter in (top, "b") if round_ % 2 else ("b", top):
            log = work_dir / "logs" / f"attribute-n{posts}-{letter}-{round_}.log"
            builds[letter].append(measure(configs[VARIANTS[letter]], log))
            print(
                f"  N={posts} run {round_}/{repeat} {letter}: "
                f"{builds[letter][-1][BUILD]:.2f} s in build()",
                file=sys.stderr,
                flush=True,
            )
    return builds


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    if args.child is not None:
        _child(args.child, args.output)
        return 0
    top = args.variant
    builds = measure_variants(args.posts, args.work_dir.resolve(), args.seed, args.repeat, top)
    print(f"\nN={args.posts}, medians of {args.repeat} instrumented build(s) of each variant:\n")
    print(attribution_table(builds[top], builds["b"], top))
    print(
        "\nEach row is the median of its own over the builds, so the steps and the rest add "
        "up to build() only roughly. A page event is shown per kind of page and runs inside that "
        "page's steps (on_page_markdown in read + Markdown, on_page_context and on_post_page in "
        "the second step); the other events run in the rest of build(). The timers add a "
        "little to every row."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
