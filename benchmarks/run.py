"""Time ``mkdocs build`` of the same posts with this plugin, without it, and with Material's blog.

Variants, built in the same run and interleaved (a, b, c, d, d, c, b, a, ...) so that drift of
the machine (thermal, other load) hits all of them alike:

- **a**: ``frontmatter-blog`` with every feature on (ads in every position, pinned slugs, ...);
- **b**: the floor: the same Markdown pages with no blog plugin, drafts removed, posts not in
  the nav;
- **c**: Material's ``blog`` + ``tags`` plugins on the same posts in Material's format;
- **d**: the files of c, built by ``frontmatter-blog`` with ``preset: material`` in the place of
  Material's ``blog`` (and no ``tags`` plugin): the drop-in for Material's blog.

Every build runs in a fresh ``python -m mkdocs build`` subprocess; its wall-clock time and its
own peak RSS (``ru_maxrss`` from ``os.wait4`` on that child) are recorded.

    python -m benchmarks.run --posts 200 --posts 1000 [--repeat 3]
    python -m benchmarks.run --smoke          # N=50, a, b and d once; non-zero exit on failure
    python -m benchmarks.run --profile        # variant a once under cProfile (--variants d: d)
"""

from __future__ import annotations

import argparse
import dataclasses
import io
import os
import platform
import pstats
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from benchmarks.corpus import (
    AD_SNIPPET,
    DEFAULT_SEED,
    DEFAULT_WORK_DIR,
    describe,
    generate_posts,
    write_sites,
)

LETTERS = {"a": "ours", "b": "floor", "c": "material", "d": "ours-material"}
DESCRIPTIONS = {
    "a": "frontmatter-blog, every feature on",
    "b": "floor: no blog plugin, drafts removed, posts not in nav",
    "c": "Material blog + tags",
    "d": "frontmatter-blog preset: material on c's files (no tags plugin)",
}
SMOKE_LETTERS = ("a", "b", "d")
SMOKE_POSTS = 50
WARMUP_POSTS = 10
PROFILE_PACKAGE = "mkdocs_blog_plugin"
REPO_ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Build:
    """One timed build of one variant."""

    letter: str
    posts: int
    seconds: float
    cpu_seconds: float
    """User + system CPU time of the build: steadier than wall-clock on a shared machine."""
    peak_mb: float
    returncode: int
    warnings: int
    pages: int
    log: Path
    features: str = ""
    """For variants a and d: what the plugin put in ``site/``, proof that its features ran."""
    repeat: int = 0
    """Which round of the alternation (1, 2, ...): builds of one round ran back to back."""

    @property
    def ok(self) -> bool:
        return self.returncode == 0


def _child_env() -> dict[str, str]:
    env = dict(os.environ)
    # Material 9.7+ prints a long notice about MkDocs 2 on every build; it is not ours to time.
    env["NO_MKDOCS_2_WARNING"] = "1"
    env.setdefault("PYTHONUTF8", "1")
    # pip compiles an installed package's bytecode; the plugin, installed editable here, gets
    # it on its first import, unless the environment forbids writing it (some sandboxes do).
    # Then every build of variant a would compile the plugin from source again.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def _peak_mb(max_rss: int) -> float:
    # ru_maxrss is in KiB on Linux and in bytes on macOS.
    divisor = 1024 * 1024 if sys.platform == "darwin" else 1024
    return max_rss / divisor


def _mkdocs_build(config: Path, site: Path) -> list[str]:
    # No -q: it would hide warnings, and a warning count is part of the evidence.
    return ["-m", "mkdocs", "build", "-f", str(config), "-d", str(site)]


def _count_pages(site: Path) -> int:
    return sum(1 for _ in site.rglob("*.html"))


def inspect_ours(site: Path) -> str:
    """Count what variant a's features wrote (outside the timing): listings, taxonomy, ads."""
    ad_marker = 'data-slot="bench"'
    assert ad_marker in AD_SNIPPET
    slots = 0
    pages_with_ads = 0
    for page in site.rglob("*.html"):
        found = page.read_text(encoding="utf-8", errors="replace").count(ad_marker)
        slots += found
        pages_with_ads += found > 0
    blog = site / "blog"
    tags = sum(1 for _ in (blog / "tags").glob("*/index.html"))
    categories = sum(1 for _ in (blog / "categories").glob("*/index.html"))
    listing_pages = sum(1 for _ in blog.rglob("page/*/index.html"))
    ads_txt = "yes" if (site / "ads.txt").is_file() else "no"
    return (
        f"{tags} tag pages, {categories} category pages, {listing_pages} listing pages 2+, "
        f"{slots} ad slots on {pages_with_ads} pages, ads.txt: {ads_txt}"
    )


def inspect_preset(site: Path) -> str:
    """Count what variant d (``preset: material``) wrote (outside the timing): Material's
    archive and category pages, and listing entries with an excerpt and a read time."""
    blog = site / "blog"
    archive = sum(1 for _ in (blog / "archive").glob("*/index.html"))
    archive_more = sum(1 for _ in (blog / "archive").glob("*/page/*/index.html"))
    categories = sum(1 for _ in (blog / "category").glob("*/index.html"))
    tags = sum(1 for _ in (blog / "tags").glob("*/index.html"))
    listing_pages = sum(1 for _ in blog.rglob("page/*/index.html"))
    entries = excerpts = readtimes = 0
    for page in site.rglob("*.html"):
        text = page.read_text(encoding="utf-8", errors="replace")
        entries += text.count('<article class="fmb-entry')
        excerpts += text.count('<div class="fmb-excerpt">')
        readtimes += text.count('class="fmb-readtime"')
    return (
        f"{archive} archive pages (and {archive_more} pages 2+ of them), {categories} category "
        f"pages, {tags} tag pages, {listing_pages} listing pages 2+ in all; {entries} listing "
        f"entries, {excerpts} with `.fmb-excerpt`; {readtimes} read times (entries and posts)"
    )


INSPECTORS = {"a": inspect_ours, "d": inspect_preset}


def timed_build(
    letter: str, posts: int, config: Path, log: Path, *, inspect: bool = False
) -> Build:
    """Build ``config`` in a fresh interpreter; measure that child's wall time and peak RSS."""
    log.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=f"bench-site-{letter}-") as tmp:
        site = Path(tmp) / "site"
        with log.open("wb") as output:
            start = time.perf_counter()
            child = subprocess.Popen(
                [sys.executable, *_mkdocs_build(config, site)],
                stdout=output,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
                env=_child_env(),
                cwd=config.parent,
            )
            _, status, usage = os.wait4(child.pid, 0)
            seconds = time.perf_counter() - start
            # Tell Popen the child is reaped, so it does not wait for it again.
            child.returncode = os.waitstatus_to_exitcode(status)
        pages = _count_pages(site) if site.is_dir() else 0
        inspector = INSPECTORS.get(letter) if inspect and site.is_dir() else None
        features = inspector(site) if inspector else ""
    text = log.read_text(encoding="utf-8", errors="replace")
    warnings = sum(1 for line in text.splitlines() if line.startswith("WARNING"))
    return Build(
        letter=letter,
        posts=posts,
        seconds=seconds,
        cpu_seconds=usage.ru_utime + usage.ru_stime,
        peak_mb=_peak_mb(usage.ru_maxrss),
        returncode=child.returncode,
        warnings=warnings,
        pages=pages,
        log=log,
        features=features,
    )


def _log_tail(log: Path, lines: int = 25) -> str:
    text = log.read_text(encoding="utf-8", errors="replace").splitlines()
    return "\n".join(f"    {line}" for line in text[-lines:])


def _report_build(build: Build, repeat: int, repeats: int) -> None:
    status = "ok" if build.ok else f"FAILED (exit {build.returncode})"
    print(
        f"  N={build.posts} run {repeat}/{repeats} {build.letter} ({LETTERS[build.letter]}): "
        f"{build.seconds:7.2f} s ({build.cpu_seconds:6.2f} s CPU) {build.peak_mb:7.1f} MB "
        f"{build.pages:6d} pages "
        f"{build.warnings} warnings  {status}",
        file=sys.stderr,
        flush=True,
    )
    if build.features:
        print(f"    {build.letter} wrote: {build.features}", file=sys.stderr)
    if not build.ok or build.warnings:
        print(f"    log: {build.log}", file=sys.stderr)
        print(_log_tail(build.log), file=sys.stderr, flush=True)


@dataclass(frozen=True)
class Summary:
    """Medians of one variant at one N, over the successful repeats."""

    letter: str
    posts: int
    seconds: float | None
    cpu_seconds: float | None
    peak_mb: float | None
    pages: int | None
    warnings: int | None
    failures: int
    features: str = ""


def summarize(builds: Sequence[Build], letter: str, posts: int) -> Summary:
    mine = [build for build in builds if build.letter == letter and build.posts == posts]
    good = [build for build in mine if build.ok]
    if not good:
        return Summary(letter, posts, None, None, None, None, None, len(mine))
    return Summary(
        letter=letter,
        posts=posts,
        seconds=statistics.median(build.seconds for build in good),
        cpu_seconds=statistics.median(build.cpu_seconds for build in good),
        peak_mb=statistics.median(build.peak_mb for build in good),
        pages=good[-1].pages,
        warnings=max(build.warnings for build in good),
        failures=len(mine) - len(good),
        features=next((build.features for build in good if build.features), ""),
    )


def _number(value: float | None, digits: int = 1) -> str:
    return "–" if value is None else f"{value:.{digits}f}"


def _ratio(top: float | None, bottom: float | None) -> str:
    return "–" if top is None or bottom is None or bottom == 0 else f"{top / bottom:.2f}x"


def _seconds(summary: Summary | None) -> float | None:
    return None if summary is None else summary.seconds


def _cpu(summary: Summary | None) -> float | None:
    return None if summary is None else summary.cpu_seconds


def _memory(summary: Summary | None) -> float | None:
    return None if summary is None else summary.peak_mb


def _per_post_ms(summary: Summary | None, count: int) -> str:
    value = _seconds(summary)
    return "–" if value is None else f"{value / count * 1000:.1f}"


def results_table(summaries: dict[tuple[int, str], Summary], posts: Sequence[int]) -> str:
    """A Markdown table: medians, ratios a/b and a/c, per-post cost."""
    header = (
        "| N | a s | b s | c s | a MB | b MB | c MB | a/b time | a/c time | c/a time "
        "| a/b mem | a/c mem | a/b cpu | a ms/post | b ms/post |"
    )
    rule = "|" + "|".join("---:" for _ in range(header.count("|") - 1)) + "|"
    rows = [header, rule]
    for count in posts:
        a = summaries.get((count, "a"))
        b = summaries.get((count, "b"))
        c = summaries.get((count, "c"))

        speedup = _ratio(_seconds(c), _seconds(a))
        rows.append(
            f"| {count} | {_number(_seconds(a), 2)} | {_number(_seconds(b), 2)} "
            f"| {_number(_seconds(c), 2)} | {_number(_memory(a))} | {_number(_memory(b))} "
            f"| {_number(_memory(c))} | {_ratio(_seconds(a), _seconds(b))} "
            f"| {_ratio(_seconds(a), _seconds(c))} | {speedup} "
            f"| {_ratio(_memory(a), _memory(b))} | {_ratio(_memory(a), _memory(c))} "
            f"| {_ratio(_cpu(a), _cpu(b))} "
            f"| {_per_post_ms(a, count)} | {_per_post_ms(b, count)} |"
        )
    return "\n".join(rows)


def preset_table(summaries: dict[tuple[int, str], Summary], posts: Sequence[int]) -> str:
    """A Markdown table for d (``preset: material``): its medians against the floor and
    against Material's blog on the same files; empty if d was not built."""
    if not any(letter == "d" for _count, letter in summaries):
        return ""
    header = (
        "| N | d s | b s | c s | d MB | b MB | d/b time | d/b mem | d/b cpu | c/d time "
        "| d/c mem | d ms/post | b ms/post |"
    )
    rule = "|" + "|".join("---:" for _ in range(header.count("|") - 1)) + "|"
    rows = [header, rule]
    for count in posts:
        b = summaries.get((count, "b"))
        c = summaries.get((count, "c"))
        d = summaries.get((count, "d"))
        rows.append(
            f"| {count} | {_number(_seconds(d), 2)} | {_number(_seconds(b), 2)} "
            f"| {_number(_seconds(c), 2)} | {_number(_memory(d))} | {_number(_memory(b))} "
            f"| {_ratio(_seconds(d), _seconds(b))} | {_ratio(_memory(d), _memory(b))} "
            f"| {_ratio(_cpu(d), _cpu(b))} | {_ratio(_seconds(c), _seconds(d))} "
            f"| {_ratio(_memory(d), _memory(c))} "
            f"| {_per_post_ms(d, count)} | {_per_post_ms(b, count)} |"
        )
    return "\n".join(rows)


def paired_ratios(builds: Sequence[Build], count: int, top: str, bottom: str) -> list[float]:
    """``top``/``bottom`` time of each round in which both built: neighbours in time share the
    machine's state, so these ratios move less with other load than the builds themselves."""
    by_round: dict[int, dict[str, Build]] = {}
    for build in builds:
        if build.posts == count and build.ok:
            by_round.setdefault(build.repeat, {})[build.letter] = build
    return [
        pair[top].seconds / pair[bottom].seconds
        for pair in by_round.values()
        if top in pair and bottom in pair and pair[bottom].seconds > 0
    ]


def noise_table(
    builds: Sequence[Build], posts: Sequence[int], letters: Sequence[str], top: str = "a"
) -> str:
    """How far to trust ``top``/b (a/b unless told) on a shared machine: spread of the builds,
    per-round ratios, and the ratio of the fastest builds (the ones other load disturbed
    least)."""
    if top not in letters or "b" not in letters:
        return ""
    t = top
    rows = [
        f"| N | {t} s (min–max) | b s (min–max) | {t}/b per round (median, min–max) "
        f"| {t}/b fastest |",
        "|---:|:---|:---|:---|---:|",
    ]
    for count in posts:
        times = {
            letter: [b.seconds for b in builds if b.posts == count and b.letter == letter and b.ok]
            for letter in (top, "b")
        }
        ratios = paired_ratios(builds, count, top, "b")
        if not times[top] or not times["b"] or not ratios:
            continue
        rows.append(
            f"| {count} | {min(times[top]):.2f}–{max(times[top]):.2f} "
            f"| {min(times['b']):.2f}–{max(times['b']):.2f} "
            f"| {statistics.median(ratios):.2f}x ({min(ratios):.2f}–{max(ratios):.2f}) "
            f"| {min(times[top]) / min(times['b']):.2f}x |"
        )
    return "\n".join(rows) if len(rows) > 2 else ""


def pages_table(summaries: dict[tuple[int, str], Summary], posts: Sequence[int]) -> str:
    """HTML files written and warnings logged, per variant: a check that each did its job."""
    rows = [
        "| N | variant | HTML files | warnings | failed runs | what the plugin wrote |",
        "|---:|:---|---:|---:|---:|:---|",
    ]
    for count in posts:
        for letter in LETTERS:
            summary = summaries.get((count, letter))
            if summary is None:
                continue
            pages = "–" if summary.pages is None else str(summary.pages)
            warnings = "–" if summary.warnings is None else str(summary.warnings)
            rows.append(
                f"| {count} | {letter} ({LETTERS[letter]}) | {pages} | {warnings} "
                f"| {summary.failures} | {summary.features} |"
            )
    return "\n".join(rows)


def _version(distribution: str) -> str:
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return "not installed"


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def _memory_gb() -> str:
    try:
        for line in Path("/proc/meminfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("MemTotal:"):
                return f"{int(line.split()[1]) / 1024 / 1024:.1f} GB"
    except OSError:
        pass
    return "unknown"


def _git_commit() -> str:
    try:
        head = subprocess.run(
            ["git", "-C", str(REPO_ROOT), "rev-parse", "--short", "HEAD"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "-C", str(REPO_ROOT), "status", "--porcelain", "--untracked-files=no"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return f"{head}{' (uncommitted changes)' if dirty else ''}"


def _load_average() -> str:
    try:
        return f"{os.getloadavg()[0]:.2f}"
    except OSError:
        return "unknown"


def machine_report() -> str:
    return "\n".join(
        [
            f"- machine: {_cpu_model()}, {os.cpu_count()} CPUs, {_memory_gb()} RAM, "
            f"{platform.platform()}",
            f"- Python {platform.python_version()}; mkdocs {_version('mkdocs')}, "
            f"mkdocs-material {_version('mkdocs-material')}, "
            f"mkdocs-frontmatter-blog {_version('mkdocs-frontmatter-blog')} at {_git_commit()}",
        ]
    )


def _warm_up(letters: Sequence[str], work_dir: Path, seed: int) -> None:
    """Build each variant once, untimed, so imports and caches are warm for every variant alike."""
    configs = write_sites(WARMUP_POSTS, work_dir, seed, [LETTERS[x] for x in letters])
    for letter in letters:
        log = work_dir / "logs" / f"warmup-{letter}.log"
        timed_build(letter, WARMUP_POSTS, configs[LETTERS[letter]], log)


def benchmark(
    posts: Sequence[int],
    letters: Sequence[str],
    repeats: int,
    work_dir: Path,
    seed: int,
    warm_up: bool,
) -> list[Build]:
    if warm_up:
        print("warming up (untimed builds of every variant)", file=sys.stderr, flush=True)
        _warm_up(letters, work_dir, seed)
    builds: list[Build] = []
    for count in posts:
        configs = write_sites(count, work_dir, seed, [LETTERS[x] for x in letters])
        stats = describe(generate_posts(count, seed))
        print(
            f"N={count}: {stats.drafts} drafts, {stats.with_ads} with ads, "
            f"{stats.distinct_tags} tags, median {stats.words_median} words; "
            f"sites in {work_dir / f'n{count}'}",
            file=sys.stderr,
            flush=True,
        )
        for repeat in range(1, repeats + 1):
            # Every other round runs backwards, so no variant always runs right after another.
            for letter in letters if repeat % 2 else list(reversed(letters)):
                log = work_dir / "logs" / f"n{count}-{letter}-{repeat}.log"
                config = configs[LETTERS[letter]]
                build = timed_build(letter, count, config, log, inspect=repeat == 1)
                build = dataclasses.replace(build, repeat=repeat)
                _report_build(build, repeat, repeats)
                builds.append(build)
    return builds


def profile(count: int, work_dir: Path, seed: int, limit: int = 30, letter: str = "a") -> bool:
    """Build variant ``letter`` (a or d) once under cProfile; print the plugin's share and its
    top entries."""
    variant = LETTERS[letter]
    config = write_sites(count, work_dir, seed, [variant])[variant]
    suffix = "" if letter == "a" else f"-{letter}"
    output = work_dir / f"profile-n{count}{suffix}.prof"
    log = work_dir / "logs" / f"profile-n{count}{suffix}.log"
    log.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="bench-profile-") as tmp, log.open("wb") as sink:
        command = [sys.executable, "-m", "cProfile", "-o", str(output)]
        command += _mkdocs_build(config, Path(tmp) / "site")
        start = time.perf_counter()
        finished = subprocess.run(
            command, stdout=sink, stderr=subprocess.STDOUT, env=_child_env(), cwd=config.parent
        )
        seconds = time.perf_counter() - start
    if finished.returncode != 0 or not output.exists():
        print(f"profiled build failed (exit {finished.returncode}); log: {log}", file=sys.stderr)
        print(_log_tail(log), file=sys.stderr)
        return False
    report = io.StringIO()
    stats = pstats.Stats(str(output), stream=report)
    entries = stats.stats  # type: ignore[attr-defined]
    total = float(stats.total_tt)  # type: ignore[attr-defined]
    own = 0.0
    in_hooks = 0.0
    for (filename, _line, name), (_cc, _nc, tottime, cumtime, _callers) in entries.items():
        if PROFILE_PACKAGE in filename:
            own += tottime
            if filename.endswith("plugin.py") and name.startswith("on_"):
                in_hooks += cumtime
    print(f"\nProfile of variant {letter}, N={count} ({seconds:.1f} s wall under cProfile)")
    print(f"  total profiled time:                  {total:8.2f} s")
    print(f"  own time in {PROFILE_PACKAGE} code:  {own:8.2f} s ({own / total:.1%})")
    print(f"  inside plugin hooks (with callees):   {in_hooks:8.2f} s ({in_hooks / total:.1%})")
    print(f"  profile saved to {output} (open with `python -m pstats` or snakeviz)\n")
    stats.sort_stats(pstats.SortKey.CUMULATIVE).print_stats(PROFILE_PACKAGE, limit)
    print(report.getvalue().strip())
    return True


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.run",
        description=(
            "Time mkdocs builds: (a) frontmatter-blog, (b) no blog plugin, (c) Material's blog, "
            "(d) frontmatter-blog with preset: material on c's files."
        ),
    )
    parser.add_argument(
        "--posts",
        type=int,
        action="append",
        metavar="N",
        help="number of posts; repeat for several sizes (default: 200 1000)",
    )
    parser.add_argument(
        "--repeat", type=int, default=3, help="builds of each variant per N (default 3)"
    )
    parser.add_argument(
        "--variants",
        default="".join(LETTERS),
        help=(
            "which variants to build, e.g. 'ab' or 'abd': a ours, b floor, c Material's blog, "
            "d ours with preset: material (default: all, 'abcd')"
        ),
    )
    parser.add_argument(
        "--smoke",
        action="store_true",
        help=(
            f"N={SMOKE_POSTS}, one run of {', '.join(SMOKE_LETTERS)}; "
            "exit non-zero if a build fails"
        ),
    )
    parser.add_argument(
        "--profile",
        action="store_true",
        help=(
            "instead of timing, build variant a once per N under cProfile (default N=200); "
            "with --variants d, variant d"
        ),
    )
    parser.add_argument("--no-warmup", action="store_true", help="skip the untimed warm-up builds")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help="corpus seed")
    parser.add_argument(
        "--work-dir", type=Path, default=DEFAULT_WORK_DIR, help="where sites and logs go"
    )
    args = parser.parse_args(argv)
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")
    if any(count < 1 for count in args.posts or []):
        parser.error("--posts must be at least 1")
    unknown = set(args.variants) - set(LETTERS)
    if unknown or not args.variants:
        parser.error(f"--variants takes letters from {''.join(LETTERS)!r}, not {args.variants!r}")
    if args.profile and args.variants not in ("".join(LETTERS), "a", "d"):
        parser.error("--profile profiles variant a, or d with --variants d")
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    work_dir: Path = args.work_dir.resolve()
    if args.profile:
        letter = "d" if args.variants == "d" else "a"
        ok = all(
            profile(count, work_dir, args.seed, letter=letter) for count in args.posts or [200]
        )
        return 0 if ok else 1

    if args.smoke:
        posts: list[int] = args.posts or [SMOKE_POSTS]
        letters = list(SMOKE_LETTERS)
        repeats = 1
        warm_up = False
    else:
        posts = args.posts or [200, 1000]
        letters = [letter for letter in LETTERS if letter in args.variants]
        repeats = args.repeat
        warm_up = not args.no_warmup

    command = " ".join(["python -m benchmarks.run", *(argv or sys.argv[1:])])
    print(f"$ {command}", file=sys.stderr)
    load_before = _load_average()
    start = time.perf_counter()
    builds = benchmark(posts, letters, repeats, work_dir, args.seed, warm_up)
    elapsed = time.perf_counter() - start

    summaries = {
        (count, letter): summarize(builds, letter, count) for count in posts for letter in letters
    }
    print()
    print(f"Command: `{command}` ({repeats} run(s) per variant, medians; {elapsed:.0f} s in all)")
    print(machine_report())
    # Other work on the machine inflates every variant; the alternation keeps the ratios fair.
    print(f"- load average (1 min) before the run: {load_before}, after: {_load_average()}")
    for letter in letters:
        print(f"- {letter}: {DESCRIPTIONS[letter]}")
    print()
    print(results_table(summaries, posts))
    print()
    preset = preset_table(summaries, posts)
    if preset:
        print(preset)
        print()
    for top in ("a", "d"):
        noise = noise_table(builds, posts, letters, top)
        if noise:
            print(noise)
            print()
    print(pages_table(summaries, posts))
    failed = [build for build in builds if not build.ok]
    if failed:
        print("\nSome builds failed: the medians above are over the successful runs only.")
        print(f"\n{len(failed)} build(s) failed; logs:", file=sys.stderr)
        for build in failed:
            print(f"  {build.log}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
