"""Which page numbers a pagination bar shows: always a handful, however many pages there are."""

from __future__ import annotations


def page_window(current: int, count: int, *, around: int = 2) -> list[int | None]:
    """Page numbers to link from page ``current`` of ``count``; ``None`` marks a gap.

    The first and last pages, and ``around`` pages either side of the current one:
    ``page_window(10, 40)`` is ``[1, None, 8, 9, 10, 11, 12, None, 40]``. A gap of a single
    page shows that page instead, so a gap always hides at least two.
    """
    if count < 1 or not 1 <= current <= count:
        raise ValueError(f"page {current} of {count}")
    shown = {1, count, *range(max(1, current - around), min(count, current + around) + 1)}
    numbers: list[int | None] = []
    previous = 0
    for number in sorted(shown):
        if number - previous == 2:
            numbers.append(previous + 1)
        elif number - previous > 2:
            numbers.append(None)
        numbers.append(number)
        previous = number
    return numbers
