"""Time ``mkdocs serve``: its first build, then one-post edits, each from MkDocs' own
"Documentation built in N seconds" line.

The site is the benchmark's variant a (every feature on, see ``benchmarks.run``). After the
first build, one published post's body gets one more paragraph, ``--edits`` times, each written
at once; MkDocs notices, rebuilds, and prints the time of that rebuild. Without ``--dirty``
MkDocs rebuilds every page (plugin instances are kept across rebuilds); with it, only the
pages whose files changed.

    python -m benchmarks.serve --posts 1000 [--edits 3] [--dirty] [--no-cache]

``--no-cache`` serves with the plugin's serve caches turned off (``structure/render_cache.py``,
``search_cache.py``, ``page_cache.py``): every page converts, is indexed and renders on every
rebuild, to see what the caches buy.
"""

from __future__ import annotations

import argparse
import queue
import re
import socket
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Sequence
from pathlib import Path

from benchmarks.corpus import DEFAULT_SEED, DEFAULT_WORK_DIR, write_sites
from benchmarks.run import LETTERS, _child_env

_BUILT = re.compile(r"Documentation built in ([0-9]+(?:\.[0-9]+)?) seconds")
TIMEOUT = 900.0
"""Seconds to wait for one build before giving up."""


def built_seconds(line: str) -> float | None:
    """The time of a build from MkDocs' log line, ``None`` for any other line."""
    match = _BUILT.search(line)
    return float(match.group(1)) if match else None


def post_to_edit(docs: Path) -> Path:
    """A published post of the site (the first by name), whose body the edits grow."""
    for path in sorted((docs / "blog").rglob("*.md")):
        text = path.read_text("utf-8")
        if path.name != "index.md" and text.startswith("---") and "draft: true" not in text:
            return path
    raise SystemExit(f"no published post under {docs / 'blog'}")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _reader(stream: object, lines: queue.Queue[str], log: list[str]) -> None:
    for line in stream:  # type: ignore[attr-defined]
        log.append(line)
        lines.put(line)


def _next_build(lines: queue.Queue[str]) -> float:
    deadline = time.monotonic() + TIMEOUT
    while True:
        left = deadline - time.monotonic()
        if left <= 0:
            raise SystemExit(f"no build finished within {TIMEOUT:.0f} s")
        line = lines.get(timeout=left)
        seconds = built_seconds(line)
        if seconds is not None:
            return seconds


_WITHOUT_CACHE = (
    "import sys, mkdocs_blog_plugin.structure.render_cache as render; "
    "import mkdocs_blog_plugin.structure.page_cache as page; "
    "import mkdocs_blog_plugin.structure.search_cache as search; "
    "render.RenderCache.render = lambda self, page, config, files, convert, slots=None: convert(); "
    "page.PageCache.attach = lambda self, env, config: None; "
    "search.SearchCache.attach = lambda self, config: None; "
    "from mkdocs.__main__ import cli; sys.argv[0] = 'mkdocs'; cli()"
)


def serve_times(
    config: Path, post: Path, edits: int, *, dirty: bool, cache: bool = True
) -> tuple[float, list[float]]:
    """The first build's time and each edit's rebuild time, in seconds, as MkDocs prints them."""
    port = _free_port()
    start = ["-m", "mkdocs"] if cache else ["-c", _WITHOUT_CACHE]
    command = [sys.executable, *start, "serve", "-f", str(config)]
    command += ["-a", f"127.0.0.1:{port}"] + (["--dirty"] if dirty else [])
    original = post.read_text("utf-8")
    log: list[str] = []
    lines: queue.Queue[str] = queue.Queue()
    child = subprocess.Popen(
        command,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env=_child_env(),
        cwd=config.parent,
    )
    threading.Thread(target=_reader, args=(child.stdout, lines, log), daemon=True).start()
    try:
        first = _next_build(lines)
        rebuilds = []
        for number in range(1, edits + 1):
            time.sleep(2.0)  # past the watcher's debounce, so each edit is a rebuild of its own
            post.write_text(original + f"\n\nOne more paragraph, edit {number}.\n", "utf-8")
            rebuilds.append(_next_build(lines))
        return first, rebuilds
    except SystemExit:
        sys.stderr.write("".join(log[-40:]))
        raise
    finally:
        post.write_text(original, "utf-8")
        child.terminate()
        try:
            child.wait(timeout=30)
        except subprocess.TimeoutExpired:
            child.kill()


def report(
    count: int, dirty: bool, first: float, rebuilds: Sequence[float], cache: bool = True
) -> str:
    median = statistics.median(rebuilds)
    mode = ("serve --dirty" if dirty else "serve") + ("" if cache else ", no cache")
    edits = ", ".join(f"{seconds:.2f}" for seconds in rebuilds)
    return f"| {count} | {mode} | {first:.2f} | {edits} | {median:.2f} | {median / first:.2f}x |"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--posts", type=int, action="append", help="posts in the site (repeat)")
    parser.add_argument("--edits", type=int, default=3, help="one-post edits after the first build")
    parser.add_argument("--dirty", action="store_true", help="mkdocs serve --dirty")
    parser.add_argument("--no-cache", action="store_true", help="the serve caches turned off")
    parser.add_argument("--work-dir", type=Path, default=DEFAULT_WORK_DIR)
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    args = parser.parse_args(argv)
    print("| N | mode | first build s | edits s | median edit s | edit / first |")
    print("|---:|:---|---:|:---|---:|---:|")
    for count in args.posts or [1000]:
        config = write_sites(count, args.work_dir, args.seed, [LETTERS["a"]])[LETTERS["a"]]
        post = post_to_edit(config.parent / "docs")
        cache = not args.no_cache
        first, rebuilds = serve_times(config, post, args.edits, dirty=args.dirty, cache=cache)
        print(report(count, args.dirty, first, rebuilds, cache), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
