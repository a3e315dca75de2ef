"""The MkDocs side of the blog: posts found among ``Files`` and the pages generated for them."""
