"""Template helpers of the newsletter: absolute links for mails, Markdown as plain text,
and the sign-up form used in the footer of every page, on the home page and the news."""

from __future__ import annotations

import re
from html import unescape
from typing import Any

from django import template
from django.utils.safestring import SafeString, mark_safe

from sterk.core import versioned
from sterk.core.markdown import render_markdown
from sterk.core.site import absolute_url

register = template.Library()

_HREF = re.compile(r'href="(/[^"]*)"')
_LINK = re.compile(r'<a [^>]*href="([^"]+)"[^>]*>(.*?)</a>', re.DOTALL)
_TAG = re.compile(r"<[^>]+>")


@register.filter(name="absolute")
def absolute(path: str) -> str:
    return absolute_url(str(path))


@register.filter(name="absolute_links", is_safe=True)
def absolute_links(html: str) -> SafeString:
    """Links in sanitised HTML made absolute (a mail has no page address to resolve them)."""
    return mark_safe(_HREF.sub(lambda m: f'href="{absolute_url(m.group(1))}"', str(html)))  # noqa: S308 - input is sanitised HTML


@register.filter(name="striptags_md")
def striptags_md(text: str) -> str:
    """Markdown as plain text for the text part of a mail: links become "text (url)"."""
    html = str(render_markdown(text))
    html = _LINK.sub(lambda m: f"{m.group(2)} ({absolute_url(unescape(m.group(1)))})", html)
    html = re.sub(r"<li>", "- ", html)
    html = re.sub(r"</(p|li|h\d|blockquote)>", "\n", html)
    return unescape(_TAG.sub("", html)).strip() + "\n"


@register.inclusion_tag("newsletter/_signup.html", takes_context=True)
def newsletter_signup(context: Any, place: str = "footer") -> dict[str, Any]:
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        # A member ticks the newsletter on their own page instead.
        return {"member": True, "place": place}
    return {
        "fields": signup_fields(place),
        "place": place,
        "request": request,
        "csrf_token": context.get("csrf_token"),
    }


def signup_fields(place: str) -> SafeString:
    """The unbound sign-up form's fields for `place`, in the active language: on every
    visitor's page (the footer), the same for all of them, so rendered once per version
    of the regions and krachtlijnen it lists (two queries and about 7 ms of rendering
    otherwise, after every write anywhere; #14)."""
    from ..forms import SignupForm, choice_tables

    return versioned.rendered_per_data_version(
        "newsletter.signup_fields",
        place,
        "newsletter/_signup_fields.html",
        lambda: {"form": SignupForm(place=place)},
        tables=choice_tables(),
    )
