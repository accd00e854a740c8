"""`{% audit_changes %}` writes what the audit trail's template loop it replaced wrote
(apart from the whitespace between tags)."""

import re

import pytest
from django.template import Context, Template
from django.utils import translation
from django.utils.safestring import mark_safe

from sterk.manage.templatetags.manage import audit_changes

# The loop the tag replaced (sterk/manage/templates/manage/audit_trail.html).
REFERENCE = Template(
    "{% load i18n %}<dl>{% for field, before, after, is_pair in rows %}<dt>{{ field }}</dt>"
    '<dd>{% if is_pair %}<del><span class="visually-hidden">{% translate "before:" %} </span>'
    '{{ before|default_if_none:"–"|truncatechars:120 }}</del> <span aria-hidden="true">→</span>'
    ' <ins><span class="visually-hidden">{% translate "after:" %} </span>'
    '{{ after|default_if_none:"–"|truncatechars:120 }}</ins>{% else %}'
    "{{ after|truncatechars:120 }}{% endif %}</dd>{% endfor %}</dl>"
)

LONG = "Een lange tekst over het buurtwerk in Gent " * 5
COMBINING = "e\u0301" * 119  # 238 code points, 119 characters as Truncator counts them
ROWS = [
    ("Titel", "Oud", "Nieuw", True),
    ("Naam (FR)", None, "Bruxelles", True),
    ("Status", "lopend", None, True),
    ("Rijen", None, 42, False),
    ("Leeg", None, None, False),
    ("Tekst", LONG, LONG.upper(), True),
    ("Tekst", "x" * 120, "y" * 121, True),
    ("Accenten", COMBINING, COMBINING + "a", True),
    ("<script>", "<b>&amp;</b>", mark_safe("<i>ok</i>"), True),
    ("Lijst", None, "a, b & c", False),
    ("Ja", False, True, True),
]


def _squeezed(html: str) -> str:
    return re.sub(r">\s+<", "><", html.strip())


@pytest.mark.parametrize("language", ["nl", "fr", "en"])
def test_audit_changes_writes_what_the_template_wrote(language):
    with translation.override(language):
        expected = REFERENCE.render(Context({"rows": ROWS}))
        assert _squeezed(audit_changes(ROWS)) == _squeezed(expected)


def test_a_long_value_is_cut_and_escaped():
    html = audit_changes([("Tekst", "<" * 200, "kort", True)])
    assert "&lt;" * 119 + "…" in html and "&lt;" * 120 not in html
