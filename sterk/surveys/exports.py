"""Exports of a survey's responses: one row per response, one column per question (a
choice question: the chosen option(s) and, beside it, the "other" text; a matrix: one
column per row), plus a codebook (column -> question, kind, values). CSV streams from the
database with `iterator()` (flat memory at any size); XLSX is built in a write-only
workbook. Every cell goes through `sterk.core.exports` (defused, `;`, BOM).

The answers are read ordered by response, so one response's answers arrive together and
each row is written as soon as the next response starts."""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from sterk.core.exports import csv_stream, xlsx_bytes

from .forms import _list_choices
from .models import Answer, Kind, Question, Response, Survey
from .selectors import survey_questions

CHUNK = 2000


class Columns:
    """The columns of a survey's export and how an answer fills them."""

    def __init__(self, survey: Survey) -> None:
        self.survey = survey
        self.questions: list[Question] = survey_questions(survey)
        self.header: list[str] = [_("Response"), _("Submitted")]
        if not survey.anonymous:
            self.header.append(_("E-mail"))
        self.base = len(self.header)
        self.codebook: list[list[Any]] = []
        self.index: dict[tuple[int, int | None], int] = {}  # (question, matrix row) -> col
        self.other_index: dict[int, int] = {}
        self.options: dict[int, str] = {}
        self.lists: dict[int, dict[str, str]] = {}
        for number, q in enumerate(self.questions, start=1):
            code = f"Q{number}"
            for o in q.options.all():
                self.options[o.pk] = str(o.label)
            if q.kind == Kind.MATRIX:
                for r_number, o in enumerate(q.options.all(), start=1):
                    self._add(f"{code}_{r_number}", q, o.pk, f"{q.text} – {o.label}")
            else:
                self._add(code, q, None, str(q.text))
                if q.allow_other and q.kind in (Kind.SINGLE, Kind.MULTIPLE):
                    self.other_index[q.pk] = len(self.header)
                    self.header.append(f"{code}_other")
                    self.codebook.append(
                        [f"{code}_other", str(q.text), _("text given with “Other”"), ""]
                    )
            if q.kind == Kind.LIST:
                self.lists[q.pk] = dict(_list_choices(q.list_source))

    def _add(self, code: str, q: Question, row: int | None, text: str) -> None:
        self.index[(q.pk, row)] = len(self.header)
        self.header.append(code)
        values = ""
        if q.kind in (Kind.SINGLE, Kind.MULTIPLE):
            values = " | ".join(str(o.label) for o in q.options.all())
            if q.kind == Kind.MULTIPLE:
                values += " " + _("(several joined with “, ”)")
        elif q.kind in (Kind.SCALE, Kind.MATRIX):
            values = f"1–{q.scale_max}"
            if q.label_low or q.label_high:
                values += f" (1 = {q.label_low}, {q.scale_max} = {q.label_high})"
        elif q.kind == Kind.LIST:
            values = str(q.get_list_source_display())
        self.codebook.append([code, text, str(q.get_kind_display()), values])

    def fill(self, row: list[Any], answer: dict[str, Any]) -> None:
        qid = answer["question_id"]
        kind = answer["question__kind"]
        if kind == Kind.MATRIX:
            col = self.index.get((qid, answer["option_id"]))
            if col is not None:
                row[col] = answer["number"]
            return
        col = self.index.get((qid, None))
        if col is None:
            return
        if kind in (Kind.SINGLE, Kind.MULTIPLE):
            if answer["other"]:
                label = _("Other")
                other_col = self.other_index.get(qid)
                if other_col is not None:
                    row[other_col] = answer["text"]
            else:
                label = self.options.get(answer["option_id"], "")
            row[col] = f"{row[col]}, {label}" if row[col] not in ("", None) else label
        elif kind in (Kind.SCALE, Kind.NUMBER):
            row[col] = answer["number"]
        elif kind == Kind.LIST:
            row[col] = self.lists.get(qid, {}).get(answer["choice"], answer["choice"])
        else:
            row[col] = answer["text"]


def rows(survey: Survey, columns: Columns) -> Iterator[list[Any]]:
    responses = (
        Response.objects.filter(survey=survey, status="submitted")
        .order_by("pk")
        .values_list("pk", "submitted_at", "email", "user__email")
    )
    answers = (
        Answer.objects.filter(response__survey=survey)
        .order_by("response_id", "pk")
        .values(
            "response_id",
            "question_id",
            "question__kind",
            "option_id",
            "number",
            "choice",
            "other",
            "text",
        )
        .iterator(chunk_size=CHUNK)
    )
    pending = next(answers, None)
    width = len(columns.header)
    for pk, submitted_at, email, user_email in responses.iterator(chunk_size=CHUNK):
        row: list[Any] = [""] * width
        row[0] = pk
        row[1] = _local(submitted_at)
        if not survey.anonymous:
            row[2] = email or user_email or ""
        while pending is not None and pending["response_id"] < pk:
            pending = next(answers, None)
        while pending is not None and pending["response_id"] == pk:
            columns.fill(row, dict(pending))
            pending = next(answers, None)
        yield row


def _local(moment: datetime.datetime | None) -> Any:
    if moment is None:
        return ""
    local = timezone.localtime(moment)
    return local.date() if moment and timezone.localtime(moment).hour == 0 else local


def csv_chunks(survey: Survey) -> Iterator[str]:
    columns = Columns(survey)
    return csv_stream(columns.header, rows(survey, columns))


def xlsx(survey: Survey) -> bytes:
    columns = Columns(survey)
    return xlsx_bytes(survey.title, columns.header, rows(survey, columns))


def codebook(survey: Survey) -> tuple[list[str], list[list[Any]]]:
    columns = Columns(survey)
    return [_("Column"), _("Question"), _("Kind"), _("Values")], columns.codebook


def _refuse_fetch(url: str, *args: Any, **kwargs: Any) -> dict[str, Any]:
    # Built from our own data only: no remote or local file is ever read.
    raise ValueError(f"Not fetched: {url}")


PRINT_CSS = """
@page { size: A4; margin: 18mm 16mm; }
body { font-family: sans-serif; font-size: 10pt; color: #1a1a1a; }
h1 { font-size: 18pt; } h3 { font-size: 11pt; margin-top: 14pt; }
table { border-collapse: collapse; width: 100%; margin: 4pt 0 8pt; }
th, td { border-bottom: 0.5pt solid #999; padding: 2pt 4pt; text-align: left; }
.bar-chart { width: 150mm; height: auto; }
.bar-chart .bar { fill: #8a1c3f; }
.bar-chart text { font-size: 11px; }
.visually-hidden { display: none; }
.results-question { page-break-inside: avoid; }
"""


def results_pdf(survey: Survey, context: dict[str, Any], language: str) -> bytes:
    from django.template.loader import render_to_string
    from django.utils import translation
    from weasyprint import CSS, HTML

    from sterk.core.site import site_url

    with translation.override(language):
        html = render_to_string("surveys/pdf/results.html", {**context, "LANGUAGE_CODE": language})
    document = HTML(string=html, base_url=site_url() + "/", url_fetcher=_refuse_fetch)
    return bytes(document.write_pdf(stylesheets=[CSS(string=PRINT_CSS)]))
