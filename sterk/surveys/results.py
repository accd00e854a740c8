"""Results of a survey, counted by the database.

A handful of GROUP BY queries over the narrow answer rows, whatever the number of
responses: one for every choice, scale, list and matrix answer (grouped by question, option,
value, list value and "other"), one for the respondents of multiple-choice and matrix
questions (a person may give several rows), one for the numbers, one for the free texts.
Python then only arranges the grouped rows (a few per option), never the responses.

Answer rows exist only for submitted responses (a draft is JSON on the response or in the
session), so no join with the responses is needed. A group ("respondents who answered
question X with Y") is a sub-query on the answers of X."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db.models import Avg, Count, Max, Min, QuerySet
from django.utils.translation import gettext as _

from .forms import _list_choices
from .models import CHOICE_KINDS, TEXT_KINDS, Answer, Kind, Question, Response, Survey

# No breakdown is shown for a group of fewer respondents than this.
MIN_GROUP = 5

COUNTED_KINDS = frozenset({Kind.SINGLE, Kind.MULTIPLE, Kind.SCALE, Kind.LIST, Kind.MATRIX})
SEVERAL_ROWS = frozenset({Kind.MULTIPLE, Kind.MATRIX})


@dataclass
class Bar:
    label: str
    n: int
    percent: float
    key: str = ""


@dataclass
class Row:
    """One row of a matrix: its bars and the mean on the scale."""

    label: str
    respondents: int
    bars: list[Bar]
    mean: float | None


@dataclass
class QuestionResult:
    question: Question
    respondents: int = 0
    bars: list[Bar] = field(default_factory=list)
    rows: list[Row] = field(default_factory=list)
    mean: float | None = None
    minimum: int | None = None
    maximum: int | None = None
    texts: int = 0
    quotes: list[str] = field(default_factory=list)  # approved free texts (public page)

    @property
    def kind(self) -> str:
        return self.question.kind


@dataclass(frozen=True)
class Group:
    """Respondents who answered `question` with `value` (an option id or a list value)."""

    question: Question
    value: str

    def label(self) -> str:
        for key, label in group_choices(self.question):
            if key == self.value:
                return f"{self.question.text}: {label}"
        return str(self.question.text)

    def response_ids(self) -> Any:
        answers = Answer.objects.filter(question_id=self.question.pk)
        if self.question.kind == Kind.LIST:
            answers = answers.filter(choice=self.value)
        elif self.value == "other":
            answers = answers.filter(other=True)
        else:
            answers = answers.filter(option_id=int(self.value) if self.value.isdigit() else 0)
        return answers.values("response_id")


def group_choices(question: Question) -> list[tuple[str, str]]:
    """What a group can be made of: the options of a choice question, the values of a list."""
    if question.kind == Kind.LIST:
        return _list_choices(question.list_source)
    choices = [(str(o.pk), str(o.label)) for o in question.options.all()]
    if question.allow_other:
        choices.append(("other", _("Other")))
    return choices


def filter_questions(questions: list[Question]) -> list[Question]:
    return [q for q in questions if q.kind in CHOICE_KINDS]


def respondent_count(survey: Survey, group: Group | None = None) -> int:
    """Everyone (a COUNT), or a group's size (its group tally for its own question)."""
    if group is None:
        return Response.objects.filter(survey=survey, status="submitted").count()
    from .models import CrossTally

    row = CrossTally.objects.filter(
        group_question_id=group.question.pk,
        group_key=group.value,
        question_id=group.question.pk,
        answered=True,
    ).first()
    return row.n if row is not None else 0


def _percent(n: int, of: int) -> float:
    return round(100.0 * n / of, 1) if of else 0.0


def question_results(
    survey: Survey, questions: list[Question], group: Group | None = None
) -> list[QuestionResult]:
    """The counts of every given question (with its options prefetched)."""
    if group is None:
        grouped, distinct, stats, texts = _from_tallies(questions)
    else:
        grouped, distinct, stats, texts = _from_group_tallies(questions, group)
    results = []
    for q in questions:
        result = QuestionResult(question=q, texts=texts.get(q.pk, 0))
        rows = grouped.get(q.pk, [])
        if q.kind in (Kind.SINGLE, Kind.MULTIPLE):
            by_option = {r["option_id"]: r["n"] for r in rows if not r["other"]}
            other = sum(r["n"] for r in rows if r["other"])
            result.respondents = (
                distinct.get(q.pk, 0) if q.kind == Kind.MULTIPLE else sum(r["n"] for r in rows)
            )
            result.bars = [
                Bar(str(o.label), by_option.get(o.pk, 0), 0.0, str(o.pk)) for o in q.options.all()
            ]
            if q.allow_other:
                result.bars.append(Bar(_("Other"), other, 0.0, "other"))
        elif q.kind == Kind.SCALE:
            by_value = {r["number"]: r["n"] for r in rows}
            result.respondents = sum(by_value.values())
            result.bars = [Bar(label, by_value.get(int(v), 0), 0.0, v) for v, label in _scale(q)]
            total = sum(int(v) * n for v, n in by_value.items() if v is not None)
            result.mean = round(total / result.respondents, 2) if result.respondents else None
        elif q.kind == Kind.LIST:
            by_choice = {r["choice"]: r["n"] for r in rows}
            result.respondents = sum(by_choice.values())
            result.bars = [
                Bar(label, by_choice.get(key, 0), 0.0, key)
                for key, label in _list_choices(q.list_source)
            ]
        elif q.kind == Kind.MATRIX:
            result.respondents = distinct.get(q.pk, 0)
            for option in q.options.all():
                by_value = {r["number"]: r["n"] for r in rows if r["option_id"] == option.pk}
                answered = sum(by_value.values())
                bars = [
                    Bar(
                        label,
                        by_value.get(int(v), 0),
                        _percent(by_value.get(int(v), 0), answered),
                        v,
                    )
                    for v, label in _scale(q)
                ]
                total = sum(int(v) * n for v, n in by_value.items() if v is not None)
                result.rows.append(
                    Row(
                        str(option.label),
                        answered,
                        bars,
                        round(total / answered, 2) if answered else None,
                    )
                )
        elif q.kind == Kind.NUMBER:
            s = stats.get(q.pk)
            if s:
                result.respondents = s["n"]
                result.mean = round(float(s["avg"]), 2) if s["avg"] is not None else None
                result.minimum, result.maximum = s["lo"], s["hi"]
        else:
            result.respondents = texts.get(q.pk, 0)
        for bar in result.bars:
            bar.percent = _percent(bar.n, result.respondents)
        results.append(result)
    return results


Counted = tuple[
    dict[int, list[dict[str, Any]]], dict[int, int], dict[int, dict[str, Any]], dict[int, int]
]


def _from_tallies(questions: list[Question]) -> Counted:
    """Everyone: the tallies the database keeps (a few rows per question)."""
    from .models import AnswerTally, QuestionTally

    ids = [q.pk for q in questions]
    grouped: dict[int, list[dict[str, Any]]] = {}
    for tally in AnswerTally.objects.filter(question_id__in=ids, n__gt=0).values(
        "question_id", "option_id", "number", "choice", "other", "n"
    ):
        grouped.setdefault(tally["question_id"], []).append(dict(tally))
    distinct: dict[int, int] = {}
    texts: dict[int, int] = {}
    for qid, respondents, written in QuestionTally.objects.filter(question_id__in=ids).values_list(
        "question_id", "respondents", "texts"
    ):
        distinct[qid], texts[qid] = respondents, written
    stats: dict[int, dict[str, Any]] = {}
    for q in questions:
        if q.kind == Kind.NUMBER and grouped.get(q.pk):
            rows = [r for r in grouped[q.pk] if r["number"] is not None]
            n = sum(r["n"] for r in rows)
            stats[q.pk] = {
                "n": n,
                "avg": sum(r["number"] * r["n"] for r in rows) / n if n else None,
                "lo": min(r["number"] for r in rows) if rows else None,
                "hi": max(r["number"] for r in rows) if rows else None,
            }
    return grouped, distinct, stats, texts


def _from_group_tallies(questions: list[Question], group: Group) -> Counted:
    """A group: its group tallies (kept by the database on submit), one query."""
    from .models import CrossTally

    grouped: dict[int, list[dict[str, Any]]] = {}
    distinct: dict[int, int] = {}
    for tally in CrossTally.objects.filter(
        group_question_id=group.question.pk,
        group_key=group.value,
        question_id__in=[q.pk for q in questions],
        n__gt=0,
    ).values("question_id", "answered", "option_id", "number", "choice", "other", "n"):
        if tally["answered"]:
            distinct[tally["question_id"]] = tally["n"]
        else:
            grouped.setdefault(tally["question_id"], []).append(dict(tally))
    stats = _number_stats(questions, grouped)
    return grouped, distinct, stats, {}


def _number_stats(
    questions: list[Question], grouped: dict[int, list[dict[str, Any]]]
) -> dict[int, dict[str, Any]]:
    stats: dict[int, dict[str, Any]] = {}
    for q in questions:
        if q.kind == Kind.NUMBER and grouped.get(q.pk):
            rows = [r for r in grouped[q.pk] if r["number"] is not None]
            n = sum(r["n"] for r in rows)
            stats[q.pk] = {
                "n": n,
                "avg": sum(r["number"] * r["n"] for r in rows) / n if n else None,
                "lo": min(r["number"] for r in rows) if rows else None,
                "hi": max(r["number"] for r in rows) if rows else None,
            }
    return stats


def answers_of_group(questions: list[Question], group: Group) -> Counted:
    """The same counts by GROUP BY over the group's answers (tests check the tallies)."""
    return _from_answers(questions, group)


def _from_answers(questions: list[Question], group: Group) -> Counted:
    """A group: GROUP BY over the answers of the group's responses."""
    ids = [q.pk for q in questions]
    answers = Answer.objects.filter(question_id__in=ids)
    answers = answers.filter(response_id__in=group.response_ids())
    counted = [q.pk for q in questions if q.kind in COUNTED_KINDS]
    grouped: dict[int, list[dict[str, Any]]] = {}
    if counted:
        for row in (
            answers.filter(question_id__in=counted)
            .values("question_id", "option_id", "number", "choice", "other")
            .annotate(n=Count("*"))
            .order_by()
        ):
            grouped.setdefault(row["question_id"], []).append(dict(row))
    several = [q.pk for q in questions if q.kind in SEVERAL_ROWS]
    distinct: dict[int, int] = {}
    if several:
        for seen in (
            answers.filter(question_id__in=several)
            .values("question_id")
            .annotate(r=Count("response_id", distinct=True))
            .order_by()
        ):
            distinct[seen["question_id"]] = seen["r"]
    numbers = [q.pk for q in questions if q.kind == Kind.NUMBER]
    stats: dict[int, dict[str, Any]] = {}
    if numbers:
        for stat in (
            answers.filter(question_id__in=numbers)
            .values("question_id")
            .annotate(n=Count("id"), avg=Avg("number"), lo=Min("number"), hi=Max("number"))
            .order_by()
        ):
            stats[stat["question_id"]] = dict(stat)
    # Written answers are not counted per group (the comparison does not list them).
    texts: dict[int, int] = {}
    return grouped, distinct, stats, texts


def _scale(q: Question) -> list[tuple[str, str]]:
    from .forms import _scale_choices

    return _scale_choices(q)


def free_texts(question: Question, *, approved_only: bool = False) -> QuerySet[Answer]:
    """The free texts of a question (long/short text, or the "other" texts), newest first."""
    answers = Answer.objects.filter(question=question).exclude(text="")
    if question.kind not in TEXT_KINDS:
        answers = answers.filter(other=True)
    if approved_only:
        answers = answers.filter(approved=True)
    return answers.order_by("-response_id", "pk").only("pk", "text", "approved", "question_id")


def published(survey: Survey) -> tuple[int, list[QuestionResult]]:
    """The public results: the chosen questions with their approved free texts (two
    queries for the texts: one per page, not per question)."""
    questions = [q for q in survey_questions_cached(survey) if q.publish]
    items = question_results(survey, questions)
    quotes: dict[int, list[str]] = {}
    for qid, text in (
        Answer.objects.filter(question__in=questions, approved=True)
        .exclude(text="")
        .order_by("question_id", "pk")
        .values_list("question_id", "text")
    ):
        quotes.setdefault(qid, []).append(text)
    for item in items:
        item.quotes = quotes.get(item.question.pk, [])
    return respondent_count(survey), items


def followup(survey: Survey) -> tuple[int, list[dict[str, Any]]]:
    """The public follow-up: per finding, the results of its questions (counts only, no
    free texts: its quotes are the finding's own), and its action points."""
    from .selectors import findings_of, survey_questions

    findings = findings_of(survey)
    questions: dict[int, Any] = {}
    for finding in findings:
        for q in finding.questions.all():
            questions[q.pk] = q
    chosen = [q for q in survey_questions(survey) if q.pk in questions]
    by_question = {r.question.pk: r for r in question_results(survey, chosen)}
    rows = [
        {
            "finding": f,
            "prefix": f"f{f.pk}",
            "results": [by_question[q.pk] for q in f.questions.all() if q.pk in by_question],
            "points": list(f.points.all()),
        }
        for f in findings
    ]
    return respondent_count(survey), rows


def survey_questions_cached(survey: Survey) -> list[Question]:
    from .selectors import survey_questions

    return survey_questions(survey)


@dataclass
class Comparison:
    """Two groups side by side; a group under MIN_GROUP shows no numbers."""

    a: Group
    b: Group
    a_count: int
    b_count: int
    a_results: list[QuestionResult]
    b_results: list[QuestionResult]

    @property
    def a_hidden(self) -> bool:
        return self.a_count < MIN_GROUP

    @property
    def b_hidden(self) -> bool:
        return self.b_count < MIN_GROUP

    def pairs(self) -> list[tuple[QuestionResult, QuestionResult]]:
        if self.a_hidden or self.b_hidden:
            return []
        return list(zip(self.a_results, self.b_results, strict=True))


def compare(survey: Survey, questions: list[Question], a: Group, b: Group) -> Comparison:
    a_count, b_count = respondent_count(survey, a), respondent_count(survey, b)
    return Comparison(
        a=a,
        b=b,
        a_count=a_count,
        b_count=b_count,
        a_results=question_results(survey, questions, a) if a_count >= MIN_GROUP else [],
        b_results=question_results(survey, questions, b) if b_count >= MIN_GROUP else [],
    )
