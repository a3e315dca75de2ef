"""A deterministic corpus of blog posts, written as four MkDocs sites that hold the same posts.

Every post is derived from ``(seed, index)`` alone, so the posts of a 200-post corpus are the first
200 posts of the 1,000-post corpus, and two runs on two machines build byte-identical sites.

The four sites (one folder each under the work dir):

- ``ours``: this plugin with every feature on; posts under ``docs/blog/<year>/`` with our front
  matter (``title, description, pubDate, updatedDate, category, tags, draft, ads``).
- ``floor``: the same pages (our front matter, which plain MkDocs only stores as page meta) with
  no blog plugin, the drafts left out, and an explicit small ``nav`` so the posts are not in it.
- ``material``: Material's ``blog`` + ``tags`` plugins, posts under ``docs/blog/posts/<year>/``
  with Material's front matter (``date``, ``categories``, ``tags``, ``draft``).
- ``ours-material``: the same files as ``material``, built by this plugin with
  ``preset: material`` in place of Material's ``blog`` plugin (and no ``tags`` plugin).

Every post has ``<!-- more -->`` after its first paragraph, in every site, so both blogs
build excerpts.

All four use the ``material`` theme, the same Markdown extensions and the ``search`` plugin, so
the only difference between them is the blog machinery.

Run ``python -m benchmarks.corpus --posts 50`` to write the sites and look at them.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import shutil
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

DEFAULT_SEED = 20250201
DEFAULT_WORK_DIR = Path(__file__).resolve().parent / ".work"
VARIANTS = ("ours", "floor", "material", "ours-material")
MATERIAL_SHAPED = ("material", "ours-material")
"""The variants whose posts are in Material's format, under ``docs/blog/posts/<year>/``."""
TARGET_WORDS = 1000
DRAFT_SHARE = 0.10

CATEGORIES = (
    "Engineering",
    "Design",
    "Career",
    "Data Science",
    "DevOps",
    "Café Culture",
    "Open Source",
    "Security",
)

# Ordered by popularity: the Zipf weight of a tag falls with its place in this list, so the
# symbol-bearing and non-ASCII names are spread over head, middle and tail.
_NAMED_TAGS = (
    "python",
    "productivity",
    "C++",
    "javascript",
    "career",
    "café",
    "rust",
    "C#",
    "kubernetes",
    "testing",
    "C",
    "日本語",
    "go",
    "docker",
    "Straße",
    "typescript",
    "security",
    "naïve-bayes",
    "linux",
    "F#",
    "performance",
    "Ελληνικά",
    "databases",
    "machine-learning",
    "Zürich",
    "postgresql",
    "react",
    "русский",
    "devops",
    "résumé",
    "api-design",
    "東京",
    "accessibility",
    "crème brûlée",
    "observability",
    "한국어",
    "writing",
    "español",
    "management",
    "façade",
    ".NET",
    "Node.js",
    "CI/CD",
    "über",
)
TAG_POOL_SIZE = 150
TAG_POOL: tuple[str, ...] = _NAMED_TAGS + tuple(
    f"topic-{number:03d}" for number in range(TAG_POOL_SIZE - len(_NAMED_TAGS))
)
ZIPF_EXPONENT = 1.07
_TAG_WEIGHTS = tuple(1.0 / (rank**ZIPF_EXPONENT) for rank in range(1, len(TAG_POOL) + 1))
# A few authors spell a tag differently (`Python`); the plugin must fold these into one tag.
CASE_VARIANT_SHARE = 0.05


def _split(text: str) -> tuple[str, ...]:
    return tuple(text.split())


_WORDS = _split(
    "system build release deploy cache latency budget review design pattern module package "
    "interface contract schema query index table column migration rollback feature flag metric "
    "signal trace span alert incident postmortem team lead manager engineer reader writer author "
    "editor draft outline chapter section paragraph sentence argument claim evidence example "
    "measure estimate forecast plan roadmap milestone sprint backlog ticket issue request change "
    "commit branch merge conflict history archive document template theme layout colour font "
    "spacing grid component state event handler callback promise future thread process memory "
    "disk network packet socket server client browser request response header payload token "
    "secret key certificate policy role permission audit log record stream batch queue worker "
    "scheduler job retry timeout backoff quota limit capacity scale shard replica leader follower "
    "vote consensus clock drift skew window buffer pipeline stage artifact image container "
    "cluster node pod service ingress route gateway proxy balancer health check probe readiness "
    "habit focus attention energy morning evening weekend notebook checklist calendar meeting "
    "agenda decision tradeoff constraint assumption risk mitigation owner stakeholder customer "
    "user feedback survey interview insight hypothesis experiment result baseline variance "
    "median percentile outlier distribution sample dataset feature label model training "
    "inference accuracy recall precision naïve café Zürich façade déjà vu über résumé"
)
_ADJECTIVES = _split(
    "quiet practical honest small boring careful fast slow hidden simple stubborn gentle modern "
    "legacy useful fragile robust lazy eager tiny large"
)
_TITLE_WORDS = tuple(word for word in _WORDS if word.isascii())
_LANGUAGES = ("python", "bash", "yaml", "rust", "javascript", "sql")
_EPOCH = datetime(2019, 1, 1, tzinfo=timezone.utc)
_SPAN_MINUTES = 6 * 365 * 24 * 60


@dataclass(frozen=True)
class Post:
    """One generated post, independent of the front-matter format it is written in."""

    index: int
    slug: str
    title: str
    description: str
    published: datetime
    """The publication instant (aware, UTC)."""
    date_kind: int
    """How ``pubDate`` is spelled: 0 date, 1 ``...Z``, 2 naive, 3 quoted with an offset."""
    updated: datetime | None
    category: str
    tags: tuple[str, ...]
    draft: bool
    ads: bool | None
    """``True``, ``False``, or ``None`` when the key is absent."""
    body: str
    words: int

    @property
    def folder(self) -> str:
        """The year folder the post lives in (posts may be at any depth)."""
        return f"{self.published.year}"


def _sentence(rng: random.Random) -> str:
    words = [rng.choice(_WORDS) for _ in range(rng.randint(8, 20))]
    if rng.random() < 0.25:
        position = rng.randrange(len(words))
        words[position] = f"**{words[position]}**"
    if rng.random() < 0.2:
        position = rng.randrange(len(words))
        words[position] = f"`{words[position]}_{rng.randint(1, 99)}`"
    if rng.random() < 0.05:
        position = rng.randrange(len(words))
        words[position] = f"[{words[position]}](https://example.com/{rng.choice(_TITLE_WORDS)})"
    text = " ".join(words)
    return text[0].upper() + text[1:] + rng.choice(".....?!")


def _paragraph(rng: random.Random, sentences: int | None = None) -> str:
    count = sentences if sentences is not None else rng.randint(3, 6)
    return " ".join(_sentence(rng) for _ in range(count))


def _code_block(rng: random.Random) -> str:
    language = rng.choice(_LANGUAGES)
    name = f"{rng.choice(_TITLE_WORDS)}_{rng.choice(_TITLE_WORDS)}"
    if language == "python":
        lines = [
            "from dataclasses import dataclass",
            "",
            "",
            "@dataclass",
            f"class {name.title().replace('_', '')}:",
            f'    {rng.choice(_TITLE_WORDS)}: str = "{rng.choice(_WORDS)}"',
            f"    {rng.choice(_TITLE_WORDS)}_count: int = {rng.randint(1, 999)}",
            "",
            f"    def {name}(self, limit: int = {rng.randint(2, 64)}) -> list[str]:",
            "        # Keep the first items only; the rest are noise.",
            "        return [str(item) for item in range(limit) if item % 3]",
        ]
    elif language == "bash":
        lines = [
            "#!/usr/bin/env bash",
            "set -euo pipefail",
            f'for {name} in "$@"; do',
            f'  echo "processing ${{{name}}}" >&2',
            f"  grep -c '{rng.choice(_TITLE_WORDS)}' \"${{{name}}}\" || true",
            "done",
        ]
    elif language == "yaml":
        lines = [
            f"{name}:",
            f"  enabled: {rng.choice(('true', 'false'))}",
            f"  retries: {rng.randint(1, 9)}",
            f"  timeout: {rng.randint(1, 120)}s",
            "  targets:",
            *[f"    - {rng.choice(_TITLE_WORDS)}" for _ in range(rng.randint(2, 5))],
        ]
    elif language == "rust":
        lines = [
            f"fn {name}(items: &[u32]) -> u64 {{",
            "    items",
            "        .iter()",
            f"        .filter(|&&x| x % {rng.randint(2, 9)} == 0)",
            "        .map(|&x| u64::from(x))",
            "        .sum()",
            "}",
        ]
    elif language == "javascript":
        lines = [
            f"export async function {name}(url) {{",
            "  const response = await fetch(url);",
            "  if (!response.ok) throw new Error(`HTTP ${response.status}`);",
            f"  return (await response.json()).{rng.choice(_TITLE_WORDS)};",
            "}",
        ]
    else:
        lines = [
            f"SELECT {rng.choice(_TITLE_WORDS)}, count(*) AS n",
            f"FROM {name}",
            f"WHERE created_at > now() - interval '{rng.randint(1, 30)} days'",
            "GROUP BY 1",
            "ORDER BY n DESC",
            f"LIMIT {rng.randint(5, 50)};",
        ]
    return "\n".join([f"```{language}", *lines, "```"])


def _bullet_list(rng: random.Random, ordered: bool) -> str:
    items = []
    for number in range(1, rng.randint(3, 6) + 1):
        marker = f"{number}." if ordered else "-"
        items.append(f"{marker} {_sentence(rng)}")
    return "\n".join(items)


def _table(rng: random.Random) -> str:
    header = "| Option | Before | After |\n|:-------|-------:|------:|"
    rows = [
        f"| `{rng.choice(_TITLE_WORDS)}` | {rng.randint(1, 999)} ms | {rng.randint(1, 999)} ms |"
        for _ in range(rng.randint(3, 6))
    ]
    return "\n".join([header, *rows])


def _heading(rng: random.Random) -> str:
    return f"{rng.choice(_ADJECTIVES).title()} {rng.choice(_TITLE_WORDS)} {rng.choice(_WORDS)}"


def _count_words(text: str) -> int:
    return len(text.split())


def _body(rng: random.Random) -> tuple[str, int]:
    """About ``TARGET_WORDS`` words of Markdown: headings, code, lists, tables, an admonition."""
    blocks: list[str] = [_paragraph(rng, 4), "<!-- more -->"]
    words = _count_words(blocks[0])
    section = 0
    while words < TARGET_WORDS:
        section += 1
        blocks.append(f"## {_heading(rng)}")
        paragraph = _paragraph(rng)
        blocks.append(paragraph)
        words += _count_words(paragraph)
        extra = section % 5
        if extra == 1:
            blocks.append(f"### {_heading(rng)}")
            paragraph = _paragraph(rng)
            blocks.append(paragraph)
            words += _count_words(paragraph)
        elif extra == 2:
            blocks.append(_code_block(rng))
        elif extra == 3:
            blocks.append(_bullet_list(rng, ordered=False))
            blocks.append(_table(rng))
        elif extra == 4:
            blocks.append(_bullet_list(rng, ordered=True))
            blocks.append(_code_block(rng))
        else:
            note = _paragraph(rng, 2)
            blocks.append(f'!!! note "{rng.choice(_TITLE_WORDS).title()}"\n\n    {note}')
            words += _count_words(note)
        paragraph = _paragraph(rng)
        blocks.append(paragraph)
        words += _count_words(paragraph)
    return "\n\n".join(blocks) + "\n", words


def _zipf_tags(rng: random.Random) -> tuple[str, ...]:
    wanted = rng.randint(2, 5)
    chosen: list[str] = []
    while len(chosen) < wanted:
        (tag,) = rng.choices(TAG_POOL, weights=_TAG_WEIGHTS)
        if tag not in chosen:
            chosen.append(tag)
    spelled = []
    for tag in chosen:
        if tag.isascii() and tag.islower() and rng.random() < CASE_VARIANT_SHARE:
            tag = tag.capitalize()
        spelled.append(tag)
    return tuple(spelled)


def _ascii_slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def make_post(index: int, seed: int = DEFAULT_SEED) -> Post:
    """The post at ``index``; it depends only on ``seed`` and ``index``."""
    rng = random.Random(f"{seed}:{index}")
    title_words = [rng.choice(_TITLE_WORDS) for _ in range(rng.randint(3, 6))]
    # The index keeps titles (and so Material's date/slug URLs) unique.
    headline = f"{rng.choice(_ADJECTIVES).title()} {' '.join(title_words)}"
    title = f"{headline}, part {index + 1}"
    if rng.random() < 0.1:
        title = f"{title}: a “quoted” <aside> & more"
    description = _sentence(rng).replace("**", "").replace("`", "")
    date_kind = index % 4
    published = _EPOCH + timedelta(minutes=rng.randrange(_SPAN_MINUTES))
    if date_kind == 0:
        published = published.replace(hour=0, minute=0, second=0)
    else:
        published = published.replace(second=0)
    updated = None
    if rng.random() < 0.3:
        updated = published + timedelta(days=rng.randint(1, 400), minutes=rng.randint(0, 1440))
    body, words = _body(rng)
    ads_roll = index % 4
    return Post(
        index=index,
        slug=f"{index + 1:05d}-{_ascii_slug(headline)[:60].strip('-')}",
        title=title,
        description=description,
        published=published,
        date_kind=date_kind,
        updated=updated,
        category=rng.choice(CATEGORIES),
        tags=_zipf_tags(rng),
        draft=rng.random() < DRAFT_SHARE,
        ads=True if ads_roll in (0, 2) else (False if ads_roll == 1 else None),
        body=body,
        words=words,
    )


def generate_posts(count: int, seed: int = DEFAULT_SEED) -> list[Post]:
    """The first ``count`` posts of the corpus for ``seed``."""
    return [make_post(index, seed) for index in range(count)]


def _yaml_string(text: str) -> str:
    # A JSON string is a valid YAML double-quoted scalar.
    return json.dumps(text, ensure_ascii=False)


def _yaml_list(items: Sequence[str]) -> str:
    return "\n".join(f"  - {_yaml_string(item)}" for item in items)


def _ours_date(moment: datetime, kind: int) -> str:
    if kind == 0:
        return moment.date().isoformat()
    if kind == 1:
        return moment.strftime("%Y-%m-%dT%H:%M:%SZ")
    if kind == 2:
        return moment.strftime("%Y-%m-%dT%H:%M:%S")
    india = timezone(timedelta(hours=5, minutes=30))
    return _yaml_string(moment.astimezone(india).isoformat())


def ours_page(post: Post) -> str:
    """The post in this plugin's front-matter format."""
    lines = [
        "---",
        f"title: {_yaml_string(post.title)}",
        f"description: {_yaml_string(post.description)}",
        f"pubDate: {_ours_date(post.published, post.date_kind)}",
    ]
    if post.updated is not None:
        lines.append(f"updatedDate: {_ours_date(post.updated, 1)}")
    lines += [
        f"category: {_yaml_string(post.category)}",
        "tags:",
        _yaml_list(post.tags),
        f"draft: {'true' if post.draft else 'false'}",
    ]
    if post.ads is not None:
        lines.append(f"ads: {'true' if post.ads else 'false'}")
    lines += ["---", "", post.body]
    return "\n".join(lines)


def _material_date(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def material_page(post: Post) -> str:
    """The post in Material's blog front-matter format."""
    lines = ["---", f"title: {_yaml_string(post.title)}"]
    lines.append(f"description: {_yaml_string(post.description)}")
    if post.updated is None:
        lines.append(f"date: {_material_date(post.published)}")
    else:
        lines += [
            "date:",
            f"  created: {_material_date(post.published)}",
            f"  updated: {_material_date(post.updated)}",
        ]
    lines += ["categories:", _yaml_list([post.category]), "tags:", _yaml_list(post.tags)]
    if post.draft:
        lines.append("draft: true")
    lines += ["---", "", post.body]
    return "\n".join(lines)


_COMMON_CONFIG = """\
site_name: Benchmark blog ({count} posts, {variant})
site_url: https://bench.example.com/
theme:
  name: material
markdown_extensions:
  - toc:
      permalink: true
  - tables
  - admonition
  - attr_list
  - pymdownx.highlight
  - pymdownx.superfences
validation:
  nav:
    # The floor leaves every post out of the nav on purpose; do not log one line per post.
    omitted_files: ignore
"""

_NAV = {
    "ours": "nav:\n  - Home: index.md\n  - About: about.md\n  - Blog: blog/index.md\n",
    "floor": "nav:\n  - Home: index.md\n  - About: about.md\n",
    "material": (
        "nav:\n  - Home: index.md\n  - About: about.md\n  - Blog: blog/index.md\n"
        "  - Tags: tags.md\n"
    ),
    "ours-material": "nav:\n  - Home: index.md\n  - About: about.md\n  - Blog: blog/index.md\n",
}

AD_SNIPPET = '<div class="bench-ad" data-slot="bench">Your ad here</div>'

_PLUGINS = {
    # Every feature on: all ad positions and an ads.txt, pinned slugs, a time zone, and future
    # posts as drafts (none is in the future, so the published set matches the other variants).
    "ours": f"""\
plugins:
  - search
  - frontmatter-blog:
      blog_dir: blog
      timezone: Europe/Paris
      posts_per_page: 10
      future_posts_as_drafts: true
      slug_map:
        C++: cpp
        C#: csharp
      ads:
        snippet: {_yaml_string(AD_SNIPPET)}
        label: Advertisement
        after_paragraph: 3
        every: 6
        max: 3
        min_words: 300
        min_words_between: 100
        positions: [before_content, in_content, after_content]
        head: '<meta name="bench-ads" content="on">'
        ads_txt:
          - "example.com, pub-0000000000000000, DIRECT, f08c47fec0942fa0"
""",
    "floor": "plugins:\n  - search\n",
    "material": "plugins:\n  - search\n  - blog\n  - tags\n",
    # A site written for Material's blog, with this plugin in the place of ``- blog``.
    "ours-material": "plugins:\n  - search\n  - frontmatter-blog:\n      preset: material\n",
}


def mkdocs_yml(variant: str, count: int) -> str:
    """The ``mkdocs.yml`` of one variant's site."""
    return _COMMON_CONFIG.format(count=count, variant=variant) + _NAV[variant] + _PLUGINS[variant]


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def write_site(variant: str, posts: Sequence[Post], root: Path) -> Path:
    """Write one variant's site into ``root`` (emptied first); return its ``mkdocs.yml``."""
    if variant not in VARIANTS:
        raise ValueError(f"unknown variant {variant!r}; expected one of {', '.join(VARIANTS)}")
    if root.exists():
        shutil.rmtree(root)
    docs = root / "docs"
    _write(
        docs / "index.md",
        "# Benchmark blog\n\nA generated site for timing blog builds.\n",
    )
    _write(docs / "about.md", f"# About\n\n{_paragraph(random.Random('about'), 5)}\n")
    for post in posts:
        if variant == "ours":
            _write(docs / "blog" / post.folder / f"{post.slug}.md", ours_page(post))
        elif variant == "floor":
            if not post.draft:
                _write(docs / "blog" / post.folder / f"{post.slug}.md", ours_page(post))
        else:
            _write(docs / "blog" / "posts" / post.folder / f"{post.slug}.md", material_page(post))
    if variant in MATERIAL_SHAPED:
        _write(docs / "blog" / "index.md", "# Blog\n")
    if variant == "material":
        _write(docs / "tags.md", "# Tags\n\n<!-- material/tags -->\n")
    config = root / "mkdocs.yml"
    _write(config, mkdocs_yml(variant, len(posts)))
    return config


def site_dir(work_dir: Path, count: int, variant: str) -> Path:
    """Where one variant's site for ``count`` posts is written."""
    return work_dir / f"n{count}" / variant


def write_sites(
    count: int,
    work_dir: Path = DEFAULT_WORK_DIR,
    seed: int = DEFAULT_SEED,
    variants: Sequence[str] = VARIANTS,
) -> dict[str, Path]:
    """Write the sites of ``count`` posts; return each variant's ``mkdocs.yml``."""
    posts = generate_posts(count, seed)
    return {
        variant: write_site(variant, posts, site_dir(work_dir, count, variant))
        for variant in variants
    }


@dataclass(frozen=True)
class CorpusStats:
    posts: int
    drafts: int
    with_ads: int
    words_median: int
    distinct_tags: int
    top_tags: tuple[tuple[str, int], ...]
    newest: date
    oldest: date


def describe(posts: Sequence[Post]) -> CorpusStats:
    """Counts that show the corpus is what it claims to be."""
    counts: dict[str, int] = {}
    for post in posts:
        for tag in post.tags:
            counts[tag] = counts.get(tag, 0) + 1
    words = sorted(post.words for post in posts)
    top = sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:10]
    return CorpusStats(
        posts=len(posts),
        drafts=sum(post.draft for post in posts),
        with_ads=sum(post.ads is True for post in posts),
        words_median=words[len(words) // 2] if words else 0,
        distinct_tags=len(counts),
        top_tags=tuple(top),
        newest=max(post.published for post in posts).date(),
        oldest=min(post.published for post in posts).date(),
    )


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--posts", type=int, default=50, help="number of posts (default 50)")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--work-dir", type=Path, default=DEFAULT_WORK_DIR)
    args = parser.parse_args(argv)
    configs = write_sites(args.posts, args.work_dir, args.seed)
    stats = describe(generate_posts(args.posts, args.seed))
    print(stats)
    for variant, config in configs.items():
        print(f"{variant}: {config}")


if __name__ == "__main__":
    main()
