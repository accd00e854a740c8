"""`{% manage_nav %}`: the one navigation of the management area, from the entries the
apps register (sterk.core.managed.register_nav), filtered by permission."""

from __future__ import annotations

from typing import Any

from django import template
from django.urls import NoReverseMatch, reverse
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import Truncator
from django.utils.translation import gettext

from sterk.core.managed import nav_entries

register = template.Library()


def _entries(context: Any, area: str) -> list[dict[str, Any]]:
    request = context.get("request")
    if request is None:
        return []
    user = request.user
    section = context.get("section", "")
    match = getattr(request, "resolver_match", None)
    namespace = match.namespace if match else ""
    result = []
    for entry in nav_entries(area):
        if entry.perm and not user.has_perm(entry.perm):
            continue
        try:
            url = reverse(entry.url)
        except NoReverseMatch:
            continue
        if url == request.path:
            current = "page"
        elif not entry.external and entry.section and entry.section in {section, namespace}:
            current = "true"
        else:
            current = ""
        result.append({"label": entry.label, "url": url, "current": current})
    return result


@register.inclusion_tag("manage/_nav.html", takes_context=True)
def manage_nav(context: Any) -> dict[str, Any]:
    request = context.get("request")
    match = getattr(request, "resolver_match", None)
    namespace = match.namespace if match else ""
    area = None
    for entry in nav_entries(""):
        if entry.section and entry.section == namespace:
            area = entry
    return {
        "main": _entries(context, ""),
        "sub": _entries(context, namespace) if namespace else [],
        "area_label": area.label if area else "",
        "sub_label": context.get("subnav_label") or (area.sub_label if area else ""),
    }


@register.simple_tag(takes_context=True)
def manage_area(context: Any) -> dict[str, Any]:
    """The area of the current page (its label and start page), for the breadcrumbs."""
    request = context.get("request")
    match = getattr(request, "resolver_match", None)
    namespace = match.namespace if match else ""
    section = context.get("section", "")
    for entry in nav_entries(""):
        if entry.section and entry.section == namespace:
            return {"label": entry.label, "url": reverse(entry.url)}
    # The shell's own sections (organisations, roles, contact requests) by their entry.
    for entry in nav_entries(""):
        if entry.section and entry.section == section and not entry.external:
            return {"label": entry.label, "url": reverse(entry.url)}
    return {}


@register.simple_tag
def manage_row_urls(managed: Any, row: Any, parent: Any) -> dict[str, str]:
    """The edit and delete links of a list row."""
    from sterk.manage.viewset import object_url

    return {
        view: object_url(managed, view, row, parent)
        for view in ("edit", "delete")
        if view in managed.views
    }


@register.simple_tag
def manage_cell(row: Any, column: Any) -> Any:
    """The value of a field column: translated fields in the reader's language."""
    from django.utils.dateformat import format as date_format
    from django.utils.translation import gettext

    from sterk.core.content_language import render_field

    *path, name = column.field.split(".")
    obj = row
    for part in path:
        obj = getattr(obj, part, None)
        if obj is None:
            return "–"
    if hasattr(obj, f"{name}_nl"):
        return render_field(obj, name) or "–"
    value = getattr(obj, name, None)
    if column.format == "yesno":
        return gettext("yes") if value else gettext("no")
    if value is None or value == "":
        return "–"
    if column.format:
        return date_format(value, column.format)
    return value


# --- the audit trail's changes ----------------------------------------------------------

# Longer values are cut (with "…") as `truncatechars:120` did: a changed body text would
# otherwise fill the screen.
_CHANGE_CHARS = 120


def _shortened(value: Any) -> str:
    text = str(value)
    # Truncator counts characters without their combining marks: a text no longer than
    # the limit in code points is never cut, and most values are short.
    return text if len(text) <= _CHANGE_CHARS else Truncator(text).chars(_CHANGE_CHARS)


@register.simple_tag
def audit_changes(rows: list[tuple[str, Any, Any, bool]]) -> SafeString:
    """An audit entry's changes (`audit_display.change_rows`) as a definition list: each
    field with its value before and after. Written here rather than as a loop in the
    template: an audit page has 50 entries of several rows, and the template's filters
    and translations per row were a sixth of its time."""
    before_label = conditional_escape(gettext("before:"))
    after_label = conditional_escape(gettext("after:"))
    parts = ["<dl>"]
    for field, before, after, is_pair in rows:
        parts.append(f"<dt>{conditional_escape(field)}</dt><dd>")
        if is_pair:
            was = "–" if before is None else before
            now = "–" if after is None else after
            parts.append(
                f'<del><span class="visually-hidden">{before_label} </span>'
                f"{conditional_escape(_shortened(was))}</del>"
                ' <span aria-hidden="true">→</span> '
                f'<ins><span class="visually-hidden">{after_label} </span>'
                f"{conditional_escape(_shortened(now))}</ins>"
            )
        else:
            parts.append(str(conditional_escape(_shortened(after))))
        parts.append("</dd>")
    parts.append("</dl>")
    return mark_safe("".join(parts))  # noqa: S308 - every value is escaped above
