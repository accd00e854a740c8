"""Registrants and the waiting list as CSV and XLSX, with the answers to the questions.
Written by `sterk.core.exports`: every cell defused, the question labels too."""

from __future__ import annotations

from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from sterk.core import exports

from .models import Event
from .selectors import registrants


def rows(event: Event) -> tuple[list[str], list[list[Any]]]:
    questions = list(event.questions.all())
    header = [
        _("Name"), _("E-mail address"), _("Organisation"), _("Status"),
        _("Waiting list position"), _("Registered"), _("Checked in"), _("Sessions"),
    ] + [q.label for q in questions]  # fmt: skip
    body = []
    for r in registrants(event):
        answers = r.answers or {}
        line = [
            r.name,
            r.email,
            r.organisation_name,
            str(r.get_status_display()),
            r.position if r.status == "waiting" else "",
            timezone.localtime(r.created_at).strftime("%Y-%m-%d %H:%M"),
            timezone.localtime(r.checked_in_at).strftime("%Y-%m-%d %H:%M")
            if r.checked_in_at
            else "",
            "; ".join(s.title for s in r.sessions.all()),
        ]
        for q in questions:
            value = answers.get(str(q.pk), "")
            if isinstance(value, bool):
                value = _("yes") if value else _("no")
            line.append(value)
        body.append(line)
    return [str(h) for h in header], body


def as_csv(event: Event) -> str:
    return exports.csv_text(*rows(event))


def as_xlsx(event: Event) -> bytes:
    return exports.xlsx_bytes(_("Registrations"), *rows(event))
