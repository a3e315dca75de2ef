"""mkdocs-frontmatter-blog: a blog from a folder of Markdown posts, on any MkDocs theme."""

__version__ = "0.1.0"
