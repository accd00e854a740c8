"""French writes the first of the month as "1er" (sterk.core.dates); other days and
languages are Django's formats unchanged."""

import datetime

import pytest
from django.template import Context, Template
from django.utils import timezone, translation

from sterk.core.dates import date_format


def _render(source: str, **context) -> str:
    return Template(source).render(Context(context))


@pytest.mark.parametrize(
    ("language", "day", "expected"),
    [
        ("fr", 1, "1er décembre 2026"),
        ("fr", 2, "2 décembre 2026"),
        ("nl", 1, "1 december 2026"),
        ("en", 1, "1 December 2026"),
    ],
)
def test_date_filter_everywhere(language, day, expected) -> None:
    with translation.override(language):
        value = datetime.date(2026, 12, day)
        assert _render('{{ d|date:"j F Y" }}', d=value) == expected
        # Inside blocktranslate too, and with the language's own DATE_FORMAT.
        assert (
            _render(
                '{% load i18n %}{% blocktranslate with x=d|date:"j F Y" %}{{ x }}{% endblocktranslate %}',
                d=value,
            )
            == expected
        )


def test_named_formats_and_escapes() -> None:
    with translation.override("fr"):
        first = datetime.date(2026, 12, 1)
        assert _render("{{ d|date }}", d=first) == "1er décembre 2026"
        assert _render('{{ d|date:"SHORT_DATE_FORMAT" }}', d=first) == "01/12/2026"
        assert _render('{{ d|date:"j/m" }}', d=first) == "1/12"  # no month name, no ordinal
        assert _render(r'{{ d|date:"\j j F" }}', d=first) == "j 1er décembre"
        assert _render("{{ d|date }}", d=None) == ""


def test_aware_datetimes_use_local_day() -> None:
    # 30 November 23:30 UTC is 1 December in Brussels.
    value = datetime.datetime(2026, 11, 30, 23, 30, tzinfo=datetime.UTC)
    with translation.override("fr"), timezone.override("Europe/Brussels"):
        assert _render('{{ d|date:"j F" }}', d=value) == "1er décembre"
        assert date_format(timezone.localtime(value), "DATETIME_FORMAT").startswith(
            "1er décembre 2026"
        )
