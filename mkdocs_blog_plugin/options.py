"""Option types shared by the plugin's config classes."""

from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import ValidationError


class CountOption(c.Type[int]):
    """A whole number no smaller than ``minimum``."""

    def __init__(self, default: int | None = None, *, minimum: int) -> None:
        super().__init__(int, default=default)
        self.minimum = minimum

    def run_validation(self, value: object) -> int:
        # bool is an int in Python, but `every: true` is a mistake.
        if isinstance(value, bool):
            raise ValidationError(f"expected a whole number, got {value!r}")
        number = super().run_validation(value)
        if number < self.minimum:
            raise ValidationError(f"must be at least {self.minimum}, got {number}")
        return number
