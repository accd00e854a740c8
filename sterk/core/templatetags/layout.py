"""`{% main_nav %}`: the links of the site's main navigation, with `aria-current="page"`
on the one the reader is on.

Every page carries this menu. As template code it cost nine `{% url %}` and nine
`{% translate %}` a page; here the links are built once per process and language (they
depend on the code alone) and only the current link is decided per request (#14)."""

from __future__ import annotations

from typing import Any

from django import template
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

register = template.Library()

# (URL name, label, whether the pages below it count as in it: an action belongs to the
# action plan, an event to the agenda).
MAIN_NAV = (
    ("identity:about", _("About"), False),
    ("network:region_list", _("Regions"), False),
    ("actionplan:overview", _("Action plan"), True),
    ("practices:library", _("Practices"), True),
    ("events:agenda", _("Agenda"), True),
    ("news:post_list", _("News"), True),
    ("network:steering_group", _("Steering group"), False),
    ("network:stakeholders", _("Partners"), False),
    ("network:contact", _("Contact"), False),
)
_CURRENT = mark_safe(' aria-current="page"')
# language -> [(url, label, section)]
_links: dict[str, list[tuple[str, str, bool]]] = {}


def nav_links() -> list[tuple[str, str, bool]]:
    language = get_language() or ""
    links = _links.get(language)
    if links is None:
        # The labels are ours, trusted as the template's `{% translate %}` is: "Regio's"
        # stays as it is written.
        links = [
            (reverse(name), mark_safe(str(label)), section)  # noqa: S308 - our own text
            for name, label, section in MAIN_NAV
        ]
        _links[language] = links
    return links


def _is_current(url: str, path: str, section: bool) -> bool:
    return url in path if section else url == path


@register.simple_tag(takes_context=True)
def main_nav(context: template.Context) -> SafeString:
    request: Any = context.get("request")
    path = getattr(request, "path", "")
    items = format_html_join(
        "\n",
        '<li><a href="{}"{}>{}</a></li>',
        (
            (url, _CURRENT if _is_current(url, path, section) else "", label)
            for url, label, section in nav_links()
        ),
    )
    return format_html("<ul>\n{}\n</ul>", items)
