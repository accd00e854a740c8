"""A call's submissions as CSV or XLSX, for the call's owner (written by
`sterk.core.exports`: every cell defused, the question labels too)."""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from sterk.core import exports
from sterk.core.site import absolute_url

from . import selectors
from .models import Call


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
                absolute_url(reverse("practices_manage:practice_detail", kwargs={"pk": p.pk})),
            ]
        )
    return out


def as_csv(call: Call) -> str:
    header, *body = rows(call)
    return exports.csv_text(header, body)


def xlsx_bytes(call: Call) -> bytes:
    header, *body = rows(call)
    return exports.xlsx_bytes(_("Submissions"), header, body)
