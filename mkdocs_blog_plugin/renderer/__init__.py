"""Rendering of post headers and listings through the theme's Jinja environment."""
