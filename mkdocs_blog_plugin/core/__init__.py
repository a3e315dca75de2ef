"""The blog's model, free of MkDocs imports: posts, dates, slugs, taxonomy and pagination."""
