"""Registrants and the waiting list as CSV and XLSX, with the answers to the questions."""

from __future__ import annotations

import csv
import io
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from .models import Event
from .selectors import registrants


def _cell(value: Any) -> Any:
    """Text that a spreadsheet would run as a formula is defused."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


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
        body.append([_cell(v) for v in line])
    return [str(h) for h in header], body


def as_csv(event: Event) -> str:
    header, body = rows(event)
    out = io.StringIO()
    out.write("\ufeff")  # so that spreadsheet programs read UTF-8
    writer = csv.writer(out, delimiter=";")
    writer.writerow(header)
    writer.writerows(body)
    return out.getvalue()


def as_xlsx(event: Event) -> bytes:
    from openpyxl import Workbook

    header, body = rows(event)
    book = Workbook()
    sheet = book.active
    sheet.title = str(_("Registrations"))[:31]
    sheet.append(header)
    for line in body:
        sheet.append(line)
    sheet.freeze_panes = "A2"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
