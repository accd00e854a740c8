"""Results: counts in the database, small groups hidden, publishing, exports."""

from __future__ import annotations

import csv
import io
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from sterk.surveys import results, services
from sterk.surveys.models import Answer, Kind, Response
from sterk.surveys.tests.factories import SectionFactory, question, small_survey
from sterk.surveys.tests.test_builder import chair_client

pytestmark = pytest.mark.django_db


def fill(survey: Any, qs: list[Any], n: int, *, yes: int) -> None:
    """n responses; the first `yes` say "Ja" (with a text), the others "Nee"."""
    q1, q2, q3, q4 = qs
    ja, nee = q1.options.get(label_nl="Ja"), q1.options.get(label_nl="Nee")
    rows = list(q3.options.all())
    for i in range(n):
        r = Response.objects.create(survey=survey, token=services.new_token(), status="submitted")
        answers = [
            Answer(response=r, question=q1, option=ja if i < yes else nee),
            Answer(response=r, question=q2, number=1 + i % 5),
            Answer(response=r, question=q3, option=rows[0], number=4),
            Answer(response=r, question=q3, option=rows[1], number=2),
        ]
        if i < yes:
            answers.append(Answer(response=r, question=q4, text=f"Tekst {i}"))
        Answer.objects.bulk_create(answers)
    services.tally_rebuild(survey=survey)


def test_counts_and_percentages() -> None:
    survey, qs = small_survey()
    fill(survey, qs, 10, yes=4)
    items = results.question_results(survey, [*qs])
    by_q = {r.question.pk: r for r in items}
    single = by_q[qs[0].pk]
    assert single.respondents == 10
    assert [(b.label, b.n, b.percent) for b in single.bars][:2] == [
        ("Ja", 4, 40.0),
        ("Nee", 6, 60.0),
    ]
    assert (single.bars[2].key, single.bars[2].n) == ("other", 0)
    scale = by_q[qs[1].pk]
    assert [b.n for b in scale.bars] == [2, 2, 2, 2, 2] and scale.mean == 3.0
    matrix = by_q[qs[2].pk]
    assert (
        matrix.respondents == 10 and matrix.rows[0].mean == 4.0 and matrix.rows[1].bars[1].n == 10
    )
    assert by_q[qs[3].pk].texts == 4


def test_results_use_a_fixed_number_of_queries() -> None:
    survey, qs = small_survey()
    fill(survey, qs, 3, yes=1)
    with CaptureQueriesContext(connection) as few:
        results.question_results(survey, qs)
    fill(survey, qs, 30, yes=10)
    with CaptureQueriesContext(connection) as many:
        results.question_results(survey, qs)
    assert len(few.captured_queries) == len(many.captured_queries) <= 5


def test_small_groups_show_no_breakdown() -> None:
    survey, qs = small_survey()
    fill(survey, qs, 12, yes=4)
    client = chair_client(survey.region)
    ja = qs[0].options.get(label_nl="Ja")
    nee = qs[0].options.get(label_nl="Nee")
    url = reverse("surveys_manage:results", kwargs={"pk": survey.pk})
    body = client.get(url, {"a": f"{qs[0].pk}:{ja.pk}"}).content.decode()
    assert "no breakdown is shown" in body and 'role="img"' not in body
    body = client.get(url, {"a": f"{qs[0].pk}:{nee.pk}"}).content.decode()
    assert "no breakdown is shown" not in body and 'role="img"' in body
    comparison = results.compare(
        survey, qs, results.Group(qs[0], str(ja.pk)), results.Group(qs[0], str(nee.pk))
    )
    assert comparison.a_hidden and not comparison.b_hidden and comparison.pairs() == []
    body = client.get(
        url, {"a": f"{qs[0].pk}:{nee.pk}", "b": f"{qs[0].pk}:{ja.pk}"}
    ).content.decode()
    assert "Comparison" in body or "Vergelijking" in body


def test_svg_chart_has_title_desc_and_the_table_has_the_numbers() -> None:
    survey, qs = small_survey()
    fill(survey, qs, 10, yes=4)
    body = (
        chair_client(survey.region)
        .get(reverse("surveys_manage:results", kwargs={"pk": survey.pk}))
        .content.decode()
    )
    assert 'role="img"' in body and "<title id=" in body and "Ja: 4 (40.0%)" in body
    assert "<td>4</td><td>40.0</td>" in body.replace("\n", "") or "<td>4</td>" in body


def test_publish_chosen_questions_and_approved_texts_only() -> None:
    survey, qs = small_survey()
    fill(survey, qs, 10, yes=4)
    client = Client()
    url = reverse("surveys:results", kwargs={"slug": survey.slug})
    assert client.get(url).status_code == 404
    chair = chair_client(survey.region)
    r = chair.post(
        reverse("surveys_manage:results_publish", kwargs={"pk": survey.pk}),
        {"questions": [qs[0].pk, qs[3].pk], "publish": "on"},
    )
    assert r.status_code == 302
    answer = Answer.objects.filter(question=qs[3]).first()
    assert answer is not None
    body = client.get(url).content.decode()
    assert "Werk je digitaal?" in body and "Hoe zwaar was het?" not in body and "Tekst" not in body
    chair.post(
        reverse("surveys_manage:texts", kwargs={"pk": survey.pk, "qpk": qs[3].pk}),
        {"answer": answer.pk, "approved": "1"},
    )
    assert answer.text in client.get(url).content.decode()
    pdf = client.get(reverse("surveys:results_pdf", kwargs={"slug": survey.slug}))
    assert pdf.status_code == 200 and pdf.content[:4] == b"%PDF"


def test_csv_export_streams_one_row_per_response_with_other_text() -> None:
    survey, qs = small_survey(anonymous=False)
    fill(survey, qs, 3, yes=1)
    r = Response.objects.create(
        survey=survey, token="z" * 30, status="submitted", email="a@example.org"
    )
    Answer.objects.create(response=r, question=qs[0], other=True, text="Half digitaal")
    client = chair_client(survey.region)
    response = client.get(reverse("surveys_manage:export", kwargs={"pk": survey.pk, "fmt": "csv"}))
    assert response.streaming
    text = b"".join(response.streaming_content).decode("utf-8-sig")  # type: ignore[arg-type]
    table = list(csv.reader(io.StringIO(text), delimiter=";"))
    header = table[0]
    assert len(header) == 3 + 1 + 1 + 1 + 2 + 1  # base, Q1, Q1_other, Q2, Q3_1, Q3_2, Q4
    assert "Q1_other" in header and "Q3_1" in header and "Q3_2" in header
    assert len(table) == 5
    last = table[-1]
    assert (
        last[header.index("Q1")] in ("Other", "Andere")
        and last[header.index("Q1_other")] == "Half digitaal"
    )
    assert last[2] == "a@example.org"
    xlsx = client.get(reverse("surveys_manage:export", kwargs={"pk": survey.pk, "fmt": "xlsx"}))
    assert xlsx.status_code == 200 and xlsx.content[:2] == b"PK"
    codebook = client.get(
        reverse("surveys_manage:export", kwargs={"pk": survey.pk, "fmt": "codeboek"})
    )
    assert "Werk je digitaal?" in codebook.content.decode("utf-8-sig")


def test_list_and_number_questions_are_counted() -> None:
    from sterk.network.tests.factories import RegionFactory

    survey, _qs = small_survey()
    section = SectionFactory(survey=survey, position=3)
    region = RegionFactory(name_nl="West-Vlaanderen")
    lq = question(section, Kind.LIST, list_source="region", text="Regio")
    nq = question(section, Kind.NUMBER, text="Jaren ervaring")
    for i in range(3):
        r = Response.objects.create(
            survey=survey, token=f"l-{i}-xxxxxxxxxxxxxxxxxx", status="submitted"
        )
        Answer.objects.create(response=r, question=lq, choice=str(region.pk))
        Answer.objects.create(response=r, question=nq, number=10 * (i + 1))
    services.tally_rebuild(survey=survey)
    items = {r.question.pk: r for r in results.question_results(survey, [lq, nq])}
    assert [b.n for b in items[lq.pk].bars if b.key == str(region.pk)] == [3]
    assert items[nq.pk].mean == 20.0 and items[nq.pk].maximum == 30
    assert services  # the module is importable with results


def test_tallies_kept_on_submit_agree_with_a_rebuild() -> None:
    from sterk.surveys.models import AnswerTally, QuestionTally

    survey, qs = small_survey()
    q1, q2, q3, q4 = qs
    for i in range(7):
        values = {
            f"q{q1.pk}": "other" if i == 0 else str(q1.options.all()[i % 2].pk),
            f"q{q1.pk}_other": "Soms" if i == 0 else "",
            f"q{q2.pk}": str(1 + i % 5),
            **{f"q{q3.pk}_r{o.pk}": str(1 + (i + o.pk) % 4) for o in q3.options.all()},
            f"q{q4.pk}": f"Tekst {i}" if i % 2 else "",
        }
        services.response_submit(
            survey=survey, values=values, visible=qs, started_at=None, keep_informed=False
        )

    def snapshot() -> tuple[set[tuple[Any, ...]], set[tuple[Any, ...]]]:
        return (
            set(AnswerTally.objects.filter(n__gt=0).values_list("question_id", "key", "n")),
            set(QuestionTally.objects.values_list("question_id", "respondents", "texts")),
        )

    kept = snapshot()
    services.tally_rebuild(survey=survey)
    assert snapshot() == kept
    items = {r.question.pk: r for r in results.question_results(survey, qs)}
    assert items[q1.pk].respondents == 7 and items[q4.pk].texts == 3


def test_group_tallies_kept_on_submit_agree_with_grouping_the_answers() -> None:
    survey, qs = small_survey()
    q1, q2, q3, q4 = qs
    for i in range(9):
        values = {
            f"q{q1.pk}": "other" if i == 0 else str(q1.options.all()[i % 2].pk),
            f"q{q1.pk}_other": "Soms" if i == 0 else "",
            f"q{q2.pk}": str(1 + i % 5),
            **{f"q{q3.pk}_r{o.pk}": str(1 + (i + o.pk) % 4) for o in q3.options.all()},
            f"q{q4.pk}": f"Tekst {i}" if i % 2 else "",
        }
        services.response_submit(
            survey=survey, values=values, visible=qs, started_at=None, keep_informed=False
        )
    for value in [str(o.pk) for o in q1.options.all()] + ["other"]:
        group = results.Group(q1, value)
        kept = results._from_group_tallies(qs, group)
        grouped = results.answers_of_group(qs, group)

        def norm(counted: Any) -> tuple[Any, Any]:
            rows = {
                qid: sorted(
                    (r["option_id"], r["number"], r["choice"], r["other"], r["n"]) for r in items
                )
                for qid, items in counted[0].items()
            }
            return rows, dict(counted[1].items())

        kept_rows, kept_seen = norm(kept)
        rows, seen = norm(grouped)
        assert kept_rows == rows, value
        assert {q: kept_seen[q] for q in seen} == seen, value
        expected = Response.objects.filter(pk__in=group.response_ids()).count()
        assert results.respondent_count(survey, group) == expected
    # A rebuild from the answers gives the same group tallies.
    from sterk.surveys.models import CrossTally

    before = set(CrossTally.objects.values_list("pair", "n"))
    services.tally_rebuild(survey=survey)
    assert set(CrossTally.objects.values_list("pair", "n")) == before
