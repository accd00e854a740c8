from typing import Any

from django import template
from django.utils.safestring import SafeString

from sterk.core.content_language import fallback_language, fell_back, render_field
from sterk.core.markdown import render_markdown
from sterk.core.once import FIELD, TOKEN, new_token
from sterk.core.pagecache import note_fresh_value

register = template.Library()


@register.filter(name="tr")
def tr_filter(obj: object, field: str) -> SafeString:
    """`{{ practice|tr:"title" }}`: the field in the reader's language, wrapped in
    `<span lang="nl">` when it falls back to the Dutch text (sterk.core.content_language)."""

    return render_field(obj, field)


@register.simple_tag(name="tr")
def tr_tag(
    obj: object,
    field: str,
    words: int | None = None,
    chars: int | None = None,
    markdown: bool = False,
    css_class: str = "",
    note: bool | None = None,
) -> SafeString:
    """`{% tr practice "story" markdown=True css_class="prose" %}`: like the `tr` filter,
    with truncation (`words`, `chars`) or Markdown as a block marked with its language and
    the note "(in Dutch)" in the reader's language."""

    return render_field(
        obj, field, words=words, chars=chars, markdown=markdown, css_class=css_class, note=note
    )


@register.simple_tag(name="tr_label")
def tr_label_tag(obj: object, text: str) -> SafeString:
    """`{% tr_label option.obj option.label %}`: a label naming an object (a filter option),
    wrapped in `<span lang="nl">` when the object's name falls back to Dutch."""
    from django.utils.html import conditional_escape, format_html

    language = fallback_language(obj) if obj is not None else None
    if language:
        return format_html('<span lang="{}">{}</span>', language, text)
    return conditional_escape(text)


@register.filter(name="fell_back")
def fell_back_filter(obj: object, field: str) -> bool:
    """True when the field's text is not in the reader's language."""

    return fell_back(obj, field)


@register.filter(name="markdown")
def markdown_filter(text: str) -> SafeString:
    return render_markdown(text)


@register.simple_tag(takes_context=True)
def query_replace(context: template.Context, params: Any = None, **kwargs: object) -> str:
    """The current query string with some parameters replaced (for pagination links).
    `params`: the query to start from, where the request is out of reach (`{% kept %}`)."""
    query = (params if params is not None else context["request"].GET).copy()
    for key, value in kwargs.items():
        if value in (None, ""):
            query.pop(key, None)
        else:
            query[key] = value
    return query.urlencode()


@register.simple_tag(takes_context=True)
def once_token(context: template.Context) -> SafeString:
    """The hidden one-time token of a create form (see sterk.core.once): the posted value
    is kept when the form comes back with errors, a fresh one otherwise."""
    from django.utils.html import format_html

    request = context.get("request")
    posted = request.POST.get(FIELD, "") if request is not None and request.method == "POST" else ""
    value = posted if TOKEN.match(posted) else new_token()
    if request is not None:
        # A cached copy of this page gets a fresh token at every hit (sterk.core.pagecache).
        note_fresh_value(request, "once", value)
    return format_html('<input type="hidden" name="{}" value="{}">', FIELD, value)
