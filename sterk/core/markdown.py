"""Markdown for authored text, always sanitised with nh3 (users can influence it)."""

from functools import lru_cache

import markdown as md
import nh3
from django.utils.safestring import SafeString, mark_safe

ALLOWED_TAGS = {
    "p", "br", "strong", "em", "a", "ul", "ol", "li", "blockquote", "h2", "h3", "h4",
    "code", "pre", "hr",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}


# Texts up to this length are converted once per process (see _remembered_html).
REMEMBERED_LENGTH = 8_000


def render_markdown(text: str) -> SafeString:
    text = text or ""
    html = _remembered_html(text) if len(text) <= REMEMBERED_LENGTH else _sanitised_html(text)
    return mark_safe(html)  # noqa: S308 - sanitised by nh3 in _sanitised_html


# The same text always gives the same HTML, and public pages render the same descriptions
# on every request (a region's, the plan's, each practice's): converting once per process
# takes Markdown off the rendering path (about 1.5 ms for the steering-group page). The key
# is the text itself, so an edited text is converted afresh; the bounds on the number and
# the length of the texts keep a worker's memory flat (at most about 2,048 x 8 kB x 2).
@lru_cache(maxsize=2048)
def _remembered_html(text: str) -> str:
    return _sanitised_html(text)


def _sanitised_html(text: str) -> str:
    html = md.markdown(text, extensions=["sane_lists"], output_format="html")
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer",
    )
