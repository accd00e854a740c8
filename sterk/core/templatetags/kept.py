"""`{% kept %}`: a part of a page that is the same for every reader, rendered once per data
version, language and key in each worker process (`sterk.core.versioned`, #14).

    {% load kept %}
    {% kept "region.body" region.pk clock with region=region news=latest_news %}
      ... the region's description, priorities, news ...
    {% endkept %}

- The first argument names the part; the values after it (up to `with`) are its key:
  what else it depends on (an object's id, a page number). The language is always part
  of the key.
- `clock`: the part depends on the time as well ("upcoming", a scheduled post); it is
  rendered again at the page cache's next clock moment.
- `limit=N`: keep at most N keys of this part (parts kept per object).
- `management`: the part shows the management area's own data (an audit entry, a
  contact request), whose writes leave the public pages' version alone: it follows
  their version as well.
- `with a=b ...`: the only variables the part sees. It is rendered in a context of its
  own, without the page's: no request, user, permissions, messages, CSRF token or CSP
  nonce can reach a part that other readers will get. Values are resolved only when the
  part is rendered, so a view may pass a callable that reads the data: it is then read
  once per data version too.

A write to page data bumps the data version when its transaction commits, and the next
request renders the part again: a change shows at once. Never a time-based guess.
"""

from __future__ import annotations

from django import template
from django.template.base import FilterExpression, NodeList, Parser, Token
from django.template.context import Context
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from sterk.core import versioned

register = template.Library()


class KeptNode(template.Node):
    def __init__(
        self,
        name: FilterExpression,
        key: list[FilterExpression],
        variables: dict[str, FilterExpression],
        nodelist: NodeList,
        *,
        clock: bool,
        limit: int | None,
        management: bool,
    ) -> None:
        self.name = name
        self.key = key
        self.variables = variables
        self.nodelist = nodelist
        self.clock = clock
        self.limit = limit
        self.management = management

    def render(self, context: Context) -> SafeString:
        name = f"kept:{self.name.resolve(context)}"
        key = (get_language() or "", *(part.resolve(context) for part in self.key))

        def build() -> SafeString:
            values = {var: value.resolve(context) for var, value in self.variables.items()}
            # `new` keeps the template (for {% include %}) and the autoescaping, drops every
            # variable of the page; the request stays out of reach of tags too.
            own = context.new(values)
            if hasattr(own, "request"):
                own.request = None
            return mark_safe(self.nodelist.render(own))  # noqa: S308 - escaped by the template

        return versioned.per_data_version(
            name, key, build, clock=self.clock, limit=self.limit, management=self.management
        )


@register.tag("kept")
def do_kept(parser: Parser, token: Token) -> KeptNode:
    bits = token.split_contents()
    tag = bits.pop(0)
    if not bits:
        raise template.TemplateSyntaxError(f"'{tag}' needs a name for the part")
    name = parser.compile_filter(bits.pop(0))
    key: list[FilterExpression] = []
    variables: dict[str, FilterExpression] = {}
    clock = False
    management = False
    limit: int | None = None
    in_with = False
    for bit in bits:
        if bit == "with":
            in_with = True
        elif in_with:
            variable, sep, value = bit.partition("=")
            if not sep or not variable.isidentifier():
                raise template.TemplateSyntaxError(f"'{tag}': 'with' takes name=value, not {bit!r}")
            variables[variable] = parser.compile_filter(value)
        elif bit == "clock":
            clock = True
        elif bit == "management":
            management = True
        elif bit.startswith("limit="):
            limit = int(bit.removeprefix("limit="))
        else:
            key.append(parser.compile_filter(bit))
    nodelist = parser.parse(("endkept",))
    parser.delete_first_token()
    return KeptNode(name, key, variables, nodelist, clock=clock, limit=limit, management=management)
