from django import template
from django.utils.safestring import SafeString

from sterk.core.markdown import render_markdown

register = template.Library()


@register.filter(name="markdown")
def markdown_filter(text: str) -> SafeString:
    return render_markdown(text)


@register.simple_tag(takes_context=True)
def query_replace(context: template.Context, **kwargs: object) -> str:
    """The current query string with some parameters replaced (for pagination links)."""
    query = context["request"].GET.copy()
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

    from sterk.core.once import FIELD, TOKEN, new_token

    request = context.get("request")
    posted = request.POST.get(FIELD, "") if request is not None and request.method == "POST" else ""
    value = posted if TOKEN.match(posted) else new_token()
    if request is not None:
        # A cached copy of this page gets a fresh token at every hit (sterk.core.pagecache).
        from sterk.core.pagecache import note_fresh_value

        note_fresh_value(request, "once", value)
    return format_html('<input type="hidden" name="{}" value="{}">', FIELD, value)
