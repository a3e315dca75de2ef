"""Other blog plugins' names for our options and front-matter keys."""
