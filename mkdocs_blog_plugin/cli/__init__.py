"""The plugin's command line: ``python -m mkdocs_blog_plugin check`` and ``... new "Title"``.

- ``check`` reads every post as ``mkdocs build`` does and prints the build's own messages
  about them, without building; exit status 1 when there is a warning (``mkdocs build
  --strict`` would fail), 2 when the config does not load. See :mod:`.check`.
- ``new`` writes a new post, a draft, as the site's existing posts are written. See
  :mod:`.new`.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence

from mkdocs_blog_plugin import __version__
from mkdocs_blog_plugin.cli.site import PLUGIN

PROG = "python -m mkdocs_blog_plugin"
_CONFIG_HELP = "the site's config file (default: the one mkdocs build finds here, mkdocs.yml)"


def parser() -> argparse.ArgumentParser:
    main = argparse.ArgumentParser(
        prog=PROG,
        description=f"Check and write the posts of a MkDocs blog made by the {PLUGIN} plugin.",
    )
    main.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = main.add_subparsers(dest="command", required=True, metavar="COMMAND")

    check = commands.add_parser(
        "check",
        help="read every post's front matter as mkdocs build does, without building",
        description=(
            "Read every post as mkdocs build does, print the build's messages about them and a "
            "summary. Exit status: 0 no warning, 1 a warning (mkdocs build --strict would "
            "fail), 2 a usage error or a config that does not load."
        ),
    )
    check.add_argument("-f", "--config-file", metavar="FILE", help=_CONFIG_HELP)
    check.add_argument(
        "-s",
        "--strict",
        action="store_true",
        help="load the config as mkdocs build --strict does: a config warning stops the check "
        "(exit status 2) instead of counting as a warning",
    )

    new = commands.add_parser(
        "new",
        help="write a new post (a draft) with today's date",
        description=(
            "Write a new post under blog_dir, named after the slug of its title, with today's "
            "date and the front-matter keys the site's posts use. It is a draft unless "
            "--no-draft is given. Prints the path written. Exit status: 0 written, 1 refused "
            "(the file exists, or another page has its URL), 2 a usage error or a config that "
            "does not load."
        ),
    )
    new.add_argument("title", help="the post's title; its slug names the file")
    new.add_argument("-f", "--config-file", metavar="FILE", help=_CONFIG_HELP)
    new.add_argument(
        "--draft",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="write draft: true (the default), or draft: false",
    )
    new.add_argument("--tags", metavar="A,B", help="tags, separated by commas")
    new.add_argument("--category", metavar="NAME", help="the post's category")
    new.add_argument("--slug", help="name the file with this slug instead of the title's")
    return main


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return its exit status."""
    try:
        args = parser().parse_args(argv)
    except SystemExit as exit:  # a usage error (2), or --help and --version (0)
        return exit.code if isinstance(exit.code, int) else 2
    if args.command == "check":
        from mkdocs_blog_plugin.cli import check

        return check.run(args.config_file, strict=args.strict)
    from mkdocs_blog_plugin.cli import new

    request = new.Request(
        title=args.title,
        draft=args.draft,
        tags=new.parse_tags(args.tags),
        category=new.clean_title(args.category or "") or None,
        slug=args.slug,
    )
    return new.run(args.config_file, request)
