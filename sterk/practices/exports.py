"""A call's submissions as CSV or XLSX, for the call's owner."""

from __future__ import annotations

import csv
import io
from typing import Any

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from . import selectors
from .models import Call

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _safe(value: Any) -> Any:
    """Spreadsheet programs run cells that start like a formula: neutralise them."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def rows(call: Call) -> list[list[Any]]:
    labels = [q["label"] for q in call.questions]
    submissions = list(selectors.call_submissions(call))
    for practice in submissions:
        for answer in practice.answers:
            if answer.get("question") not in labels:
                labels.append(answer.get("question"))
    header = [
        _("Submitted"),
        _("Status"),
        _("Title"),
        _("Summary"),
        _("The full story"),
        _("Name"),
        _("E-mail address"),
        _("Organisations"),
        _("Region"),
        _("Sector"),
        _("Target group"),
        _("Language"),
        _("Consent to publish"),
        _("No client can be recognised"),
        *labels,
        _("Link"),
    ]
    out = [header]
    for p in submissions:
        answers = {a.get("question"): a.get("answer", "") for a in p.answers}
        submitted = (
            timezone.localtime(p.submitted_at).strftime("%Y-%m-%d %H:%M") if p.submitted_at else ""
        )
        out.append(
            [
                submitted,
                str(p.get_status_display()),
                p.title_nl,
                p.summary_nl,
                p.story_nl,
                p.submitter_name,
                p.submitter_address,
                p.organisation_names,
                p.region.name if p.region else "",
                str(p.get_sector_display()),
                str(p.get_target_group_display()),
                p.language,
                _("yes") if p.consent_publish else _("no"),
                _("yes") if p.consent_anonymous else _("no"),
                *[answers.get(label, "") for label in labels],
                settings.STERK_SITE_URL
                + reverse("practices_manage:practice_detail", kwargs={"pk": p.pk}),
            ]
        )
    return out


def write_csv(stream: Any, call: Call) -> None:
    stream.write("\ufeff")  # Excel opens UTF-8 with a byte order mark
    writer = csv.writer(stream, delimiter=";")
    for row in rows(call):
        writer.writerow([_safe(v) for v in row])


def xlsx_bytes(call: Call) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Submissions")[:31]
    for i, row in enumerate(rows(call)):
        sheet.append([_safe(v) for v in row])
        if i == 0:
            for cell in sheet[1]:
                cell.font = Font(bold=True)
    sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
