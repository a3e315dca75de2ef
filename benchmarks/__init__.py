"""Benchmarks of mkdocs-frontmatter-blog against plain MkDocs and Material's blog plugin."""
