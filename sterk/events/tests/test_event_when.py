"""`{% event_when %}` writes exactly what the `_when.html` template it replaced wrote."""

import datetime
import zoneinfo

import pytest
from django.template import Context, Template
from django.utils import translation

from sterk.events.templatetags.event_dates import event_when

# The template the tag replaced (sterk/events/templates/events/_when.html until 2026-12).
REFERENCE = Template(
    '{% load i18n tz %}{% timezone "Europe/Brussels" %}<time datetime="{{ event.starts_at|date:\'Y-m-d\\TH:i:sO\' }}">'
    '{{ event.starts_at|date:"l j F Y" }}, {{ event.starts_at|time:"H:i" }}</time>–'
    '{% if event.starts_at|date:"Ymd" == event.ends_at|date:"Ymd" %}'
    '<time datetime="{{ event.ends_at|date:\'Y-m-d\\TH:i:sO\' }}">{{ event.ends_at|time:"H:i" }}</time>'
    "{% else %}<time datetime=\"{{ event.ends_at|date:'Y-m-d\\TH:i:sO' }}\">"
    '{{ event.ends_at|date:"l j F Y" }}, {{ event.ends_at|time:"H:i" }}</time>{% endif %}{% endtimezone %}'
)
UTC = datetime.UTC
BRUSSELS = zoneinfo.ZoneInfo("Europe/Brussels")


class Event:
    def __init__(self, starts_at, ends_at):
        self.starts_at, self.ends_at = starts_at, ends_at


CASES = [
    # one afternoon in winter (UTC+1)
    (
        datetime.datetime(2026, 12, 1, 13, 0, tzinfo=UTC),
        datetime.datetime(2026, 12, 1, 16, 30, tzinfo=UTC),
    ),
    # the first of a month (French: "1er"), in summer (UTC+2)
    (
        datetime.datetime(2027, 6, 1, 7, 0, tzinfo=UTC),
        datetime.datetime(2027, 6, 1, 9, 0, tzinfo=UTC),
    ),
    # two days, the second the first of a month
    (
        datetime.datetime(2027, 2, 28, 8, 0, tzinfo=UTC),
        datetime.datetime(2027, 3, 1, 15, 0, tzinfo=UTC),
    ),
    # the same day in UTC, another day in Brussels (ends after midnight local time)
    (
        datetime.datetime(2027, 1, 15, 20, 0, tzinfo=UTC),
        datetime.datetime(2027, 1, 15, 23, 30, tzinfo=UTC),
    ),
    # given in Brussels time already, across the change to summer time
    (
        datetime.datetime(2027, 3, 27, 18, 0, tzinfo=BRUSSELS),
        datetime.datetime(2027, 3, 28, 12, 0, tzinfo=BRUSSELS),
    ),
]


@pytest.mark.parametrize("language", ["nl", "fr", "en"])
@pytest.mark.parametrize(("starts", "ends"), CASES)
def test_event_when_writes_what_the_template_wrote(language, starts, ends):
    event = Event(starts, ends)
    with translation.override(language):
        expected = REFERENCE.render(Context({"event": event}))
        assert event_when(event) == expected


def test_event_when_in_a_template_and_without_dates():
    event = Event(*CASES[1])
    with translation.override("fr"):
        html = Template("{% load event_dates %}{% event_when event %}").render(
            Context({"event": event})
        )
    assert "mardi 1er juin 2027, 09:00</time>–<time" in html
    assert event_when(Event(None, None)) == ""
