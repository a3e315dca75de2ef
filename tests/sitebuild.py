"""Build real fixture sites with MkDocs, in-process, and read what they produced."""

from __future__ import annotations

import gzip
import re
import shutil
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urljoin, urlsplit

import yaml
from bs4 import BeautifulSoup
from mkdocs.commands.build import build
from mkdocs.config import load_config

FIXTURES = Path(__file__).parent / "fixtures"


@dataclass
class Site:
    """A built site in ``tmp_path``."""

    root: Path
    site_dir: Path
    use_directory_urls: bool = True

    def page_path(self, url: str) -> Path:
        """The file of a site-relative URL (``blog/tags/`` or ``blog/x.html``)."""
        path = self.site_dir / unquote(url)
        return path / "index.html" if url.endswith("/") or url == "" else path

    def exists(self, url: str) -> bool:
        return self.page_path(url).is_file()

    def soup(self, url: str) -> BeautifulSoup:
        return BeautifulSoup(self.page_path(url).read_text("utf-8"), "html.parser")

    def files(self) -> Iterator[Path]:
        return (path for path in self.site_dir.rglob("*") if path.is_file())

    def grep(self, needle: str) -> list[str]:
        """Every file of the site whose bytes contain ``needle`` (in a ``.gz`` file, once
        uncompressed: ``sitemap.xml.gz``)."""
        data = needle.encode("utf-8")
        return [str(p.relative_to(self.site_dir)) for p in self.files() if data in _bytes(p)]

    def resolve(self, page_url: str, href: str) -> str:
        """The site-relative URL a relative ``href`` on ``page_url`` points to."""
        base = "http://site/" + page_url
        return urlsplit(urljoin(base, href)).path.lstrip("/")

    def links(self, url: str, selector: str) -> list[tuple[str, str]]:
        """(text, resolved URL) of the links ``selector`` finds on a page."""
        soup = self.soup(url)
        return [(a.get_text(), self.resolve(url, str(a["href"]))) for a in soup.select(selector)]


def _bytes(path: Path) -> bytes:
    data = path.read_bytes()
    return gzip.decompress(data) if path.suffix == ".gz" else data


def make_site(
    tmp_path: Path,
    fixture: str | None = "blog",
    *,
    config: Mapping[str, Any] | None = None,
    plugin: Mapping[str, Any] | None = None,
    files: Mapping[str, str | None] | None = None,
) -> Path:
    """Copy a fixture into ``tmp_path``, apply config and file changes; return mkdocs.yml."""
    root = tmp_path / "project"
    if fixture:
        shutil.copytree(FIXTURES / fixture, root)
    else:
        (root / "docs").mkdir(parents=True)
        (root / "mkdocs.yml").write_text("site_name: Test\nplugins: [frontmatter-blog]\n")
    config_file = root / "mkdocs.yml"
    data = yaml.safe_load(config_file.read_text("utf-8"))
    data.update(config or {})
    if plugin is not None:
        data["plugins"] = [
            {"frontmatter-blog": dict(plugin)} if _plugin_name(p) == "frontmatter-blog" else p
            for p in data.get("plugins", [])
        ]
    config_file.write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    for name, text in (files or {}).items():
        path = root / "docs" / name
        if text is None:
            path.unlink()
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, "utf-8")
    return config_file


def _plugin_name(entry: object) -> str:
    return entry if isinstance(entry, str) else next(iter(entry))  # type: ignore[call-overload]


def build_site(
    tmp_path: Path,
    fixture: str | None = "blog",
    *,
    strict: bool = True,
    serve: bool = False,
    dirty: bool = False,
    **changes: Any,
) -> Site:
    """Build a fixture site as `mkdocs build --strict` (or as `mkdocs serve` would)."""
    config_file = make_site(tmp_path, fixture, **changes)
    return build_config_file(config_file, strict=strict, serve=serve, dirty=dirty)


def build_config_file(
    config_file: Path, *, strict: bool = True, serve: bool = False, dirty: bool = False
) -> Site:
    config = load_config(config_file=str(config_file), strict=strict)
    config.plugins.on_startup(command="serve" if serve else "build", dirty=dirty)
    try:
        build(config, serve_url="http://127.0.0.1:8000/" if serve else None, dirty=dirty)
    finally:
        config.plugins.on_shutdown()
    return Site(
        root=config_file.parent,
        site_dir=Path(config.site_dir),
        use_directory_urls=config.use_directory_urls,
    )


def post(front_matter: Mapping[str, Any] | str, body: str = "Some text.\n") -> str:
    """A post's source from its front matter (a mapping, or raw YAML text)."""
    if not isinstance(front_matter, str):
        front_matter = yaml.safe_dump(dict(front_matter), allow_unicode=True, sort_keys=False)
    return f"---\n{front_matter.strip()}\n---\n\n{body}"


def site_bytes(site_dir: Path) -> dict[str, bytes]:
    """Every file of a built site, by path; compressed sitemaps as their text, and the build's
    time left out."""
    found = {}
    for path in sorted(site_dir.rglob("*")):
        if path.is_file():
            data = path.read_bytes()
            if path.suffix == ".gz":
                data = gzip.decompress(data)
            # The mkdocs theme writes the moment of the build in every page's comment.
            data = re.sub(rb"Build Date UTC : [^\n]*", b"Build Date UTC : -", data)
            found[path.relative_to(site_dir).as_posix()] = data
    return found


class ServeSession:
    """A `mkdocs serve` session (without ``--dirty``), in-process: each rebuild reads
    ``mkdocs.yml`` anew and MkDocs hands it the session's plugin instance, as ``serve`` does."""

    SERVE_URL = "http://127.0.0.1:8000/"
    _KEPT = ("render_cache", "search_cache", "page_cache", "kept_reading", "shown_posts")
    """What the plugin keeps across a session's rebuilds."""

    def __init__(self, config_file: Path, site_dir: Path) -> None:
        self.config_file = config_file
        self.site_dir = site_dir
        config = self._load(site_dir)
        config.plugins.on_startup(command="serve", dirty=False)
        self.plugin: Any = config.plugins["frontmatter-blog"]
        build(config, serve_url=self.SERVE_URL)

    def _load(self, site_dir: Path) -> Any:
        config = load_config(config_file=str(self.config_file), site_dir=str(site_dir))
        config.site_url = self.SERVE_URL
        return config

    def rebuild(self) -> dict[str, bytes]:
        """The session's next build, after an edit; its site."""
        build(self._load(self.site_dir), serve_url=self.SERVE_URL)
        return site_bytes(self.site_dir)

    def clean_build(self, site_dir: Path) -> dict[str, bytes]:
        """A build of the same sources by a new session, into ``site_dir``: nothing taken from
        this session's earlier builds (its state is put back after)."""
        plugin = self.plugin
        kept = {name: getattr(plugin, name) for name in self._KEPT}
        fresh = self._load(site_dir)
        fresh.plugins.on_startup(command="serve", dirty=False)
        try:
            build(fresh, serve_url=self.SERVE_URL)
            assert plugin.render_cache.hits == plugin.search_cache.hits == 0
            assert plugin.page_cache.hits == 0
        finally:
            for name, value in kept.items():
                setattr(plugin, name, value)
        return site_bytes(site_dir)
