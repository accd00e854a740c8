"""Reading ids and numbers that arrive in query strings and form posts."""

from __future__ import annotations

from typing import Any

# The largest id a BigAutoField holds; anything larger cannot name a row.
MAX_ID = 2**63 - 1


def parse_id(value: Any) -> int | None:
    """The id in `value` ("12"), or None when it is not one: empty, "abc", "²" (which
    str.isdigit() accepts and int() refuses), negative or beyond a bigint."""
    if isinstance(value, int) and not isinstance(value, bool):
        number = value
    elif isinstance(value, str) and value.isascii() and value.isdecimal() and len(value) < 20:
        number = int(value)
    else:
        return None
    return number if 0 < number <= MAX_ID else None
