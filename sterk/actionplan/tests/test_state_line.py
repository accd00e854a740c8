"""`{% state_line %}` writes exactly what the `_status.html` template it replaced wrote."""

import datetime

import pytest
from django.template import Context, Template
from django.utils import translation

from sterk.actionplan.models import Status
from sterk.actionplan.templatetags.actionplan import state_line

# The template the tag replaced (sterk/actionplan/templates/actionplan/_status.html).
REFERENCE = Template(
    '{% load i18n actionplan %}<span class="state-line"><span class="status status-{{ obj.status }}">'
    "{{ obj.status|status_label }}</span>{% if obj.progress is not None %} <span>"
    "{% blocktranslate with p=obj.progress %}{{ p }} % done{% endblocktranslate %}</span>{% endif %}"
    '{% if obj.status_date %} <span class="meta">{% blocktranslate with d=obj.status_date|date:"j F Y" %}'
    "as of {{ d }}{% endblocktranslate %}</span>{% endif %}</span>"
)


class Tracked:
    def __init__(self, **fields):
        self.__dict__.update(fields)


CASES = [
    {"status": Status.RUNNING, "progress": 40, "status_date": datetime.date(2026, 12, 1)},
    {"status": Status.COMPLETED, "progress": 100, "status_date": datetime.date(2027, 3, 15)},
    {"status": Status.NOT_STARTED, "progress": None, "status_date": None},
    {"status": Status.RUNNING, "progress": 0, "status_date": datetime.date(2027, 1, 2)},
    # an aware moment: shown as the day in the site's time zone
    {
        "status": Status.RUNNING,
        "progress": 5,
        "status_date": datetime.datetime(2026, 12, 31, 23, 30, tzinfo=datetime.UTC),
    },
    # what the template would have shown for an unknown value, and for a missing one
    {"status": "<odd>", "progress": 3},
    {},
]


@pytest.mark.parametrize("language", ["nl", "fr", "en"])
@pytest.mark.parametrize("fields", CASES)
@pytest.mark.parametrize("as_dict", [False, True])
def test_state_line_writes_what_the_template_wrote(language, fields, as_dict):
    obj = dict(fields) if as_dict else Tracked(**fields)
    with translation.override(language):
        assert state_line(obj) == REFERENCE.render(Context({"obj": obj}))


def test_state_line_in_french_has_the_ordinal_first_and_the_translation():
    obj = Tracked(status=Status.RUNNING, progress=40, status_date=datetime.date(2026, 12, 1))
    with translation.override("fr"):
        html = Template("{% load actionplan %}{% state_line obj %}").render(Context({"obj": obj}))
    assert "40 % réalisé" in html and "au 1er décembre 2026" in html
