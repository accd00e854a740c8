"""Survey results at 10,000 and 100,000 responses to a 30-question survey.

A generator bulk-inserts responses and their answer rows (10 single choices, 5 multiple
choices, 8 scales, 3 matrices of 4 rows, 2 platform lists, 2 long texts answered by one in
five: about 42 rows per response), then times through Django's test client the owner's
results page, the public results page and a filtered comparison of two groups; reports
median/p95 and the ratio 100k/10k, and the peak memory of streaming the CSV export.
`BENCH_SURVEYS_SIZES=10000,50000` picks other sizes.
"""

from __future__ import annotations

import os
import random
import time
import tracemalloc
from collections import Counter
from typing import Any

from bench.setup_django import setup
from bench.timing import measure


def _rss_mb() -> float:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def _survey() -> dict[str, Any]:
    from django.utils import timezone

    from sterk.network.models import Region
    from sterk.surveys.models import Kind, Option, Question, Section, Survey

    regions = [
        Region.objects.create(slug=s, name_nl=s.title(), order=i)
        for i, s in enumerate(["antwerpen", "limburg", "oost-vlaanderen", "west-vlaanderen"])
    ]
    now = timezone.now()
    survey = Survey.objects.create(
        slug="bench",
        title_nl="Bench",
        owner_kind="region",
        region=regions[0],
        opens_at=now - timezone.timedelta(days=30),
        closes_at=now + timezone.timedelta(days=30),
        status="published",
        consent_text_nl="Ok.",
        purpose_nl="Bench.",
        contact_name="Bench",
        contact_email="bench@example.org",
        results_published_at=now,
    )
    kinds = (
        [Kind.SINGLE] * 10
        + [Kind.MULTIPLE] * 5
        + [Kind.SCALE] * 8
        + [Kind.MATRIX] * 3
        + [Kind.LIST] * 2
        + [Kind.LONG_TEXT] * 2
    )
    questions = []
    for s in range(5):
        section = Section.objects.create(survey=survey, position=s + 1, title_nl=f"Deel {s + 1}")
        for i, kind in enumerate(kinds[s * 6 : s * 6 + 6]):
            q = Question.objects.create(
                survey=survey,
                section=section,
                position=i + 1,
                kind=kind,
                text_nl=f"Vraag {s * 6 + i + 1}",
                allow_other=kind == Kind.SINGLE and i == 0,
                list_source="region" if kind == Kind.LIST and s % 2 == 0 else "sector",
                scale_max=5,
                publish=True,
            )
            count = {Kind.SINGLE: 4, Kind.MULTIPLE: 5, Kind.MATRIX: 4}.get(kind, 0)
            Option.objects.bulk_create(
                Option(question=q, position=o + 1, label_nl=f"Optie {o + 1}") for o in range(count)
            )
            questions.append(q)
    from sterk.surveys.selectors import survey_questions

    return {"survey": survey, "questions": survey_questions(survey), "regions": regions}


CROSS: Counter[tuple[Any, ...]] = Counter()


def _count_groups(rows: list[Any], kinds: dict[int, str]) -> None:
    """The group tallies the submits would have kept (counted here while generating,
    as one Counter; the app keeps them with UPDATE n = n + 1 on each submit)."""
    from sterk.surveys.models import group_key_of, tally_key

    dims = {
        (r.question_id, group_key_of(r.option_id, r.choice, r.other))
        for r in rows
        if kinds[r.question_id] in ("single", "multiple", "list")
    }
    keys = {(r.question_id, "a", None, None, "", False) for r in rows}
    keys |= {
        (
            r.question_id,
            tally_key(r.option_id, r.number, r.choice, r.other),
            r.option_id,
            r.number,
            r.choice,
            r.other,
        )
        for r in rows
        if kinds[r.question_id] != "long_text"
    }
    CROSS.update(d + k for d in dims for k in keys)


def _write_groups(survey: Any) -> None:
    from sterk.surveys.models import CrossTally, cross_pair

    CrossTally.objects.filter(survey=survey).delete()
    CrossTally.objects.bulk_create(
        (
            CrossTally(
                survey=survey,
                pair=cross_pair(gq, gk, qid, key),
                group_question_id=gq,
                group_key=gk,
                question_id=qid,
                answered=key == "a",
                option_id=option_id,
                number=number,
                choice=choice,
                other=other,
                n=n,
            )
            for (gq, gk, qid, key, option_id, number, choice, other), n in CROSS.items()
        ),
        batch_size=2000,
    )


def generate(base: dict[str, Any], count: int, start: int, rng: random.Random) -> None:
    from django.db import transaction

    from sterk.accounts.models import Sector
    from sterk.surveys.models import Answer, Kind, Response

    survey, questions = base["survey"], base["questions"]
    regions = [str(r.pk) for r in base["regions"]]
    sectors = [s.value for s in Sector]
    options = {q.pk: [o.pk for o in q.options.all()] for q in questions}
    kinds = {q.pk: q.kind for q in questions}
    batch = 2000
    for offset in range(0, count, batch):
        n = min(batch, count - offset)
        with transaction.atomic():
            responses = Response.objects.bulk_create(
                Response(
                    survey=survey,
                    token=f"bench-{start + offset + i:09d}-{rng.getrandbits(64):016x}",
                    status="submitted",
                )
                for i in range(n)
            )
            rows: list[Answer] = []
            for r in responses:
                for q in questions:
                    opts = options[q.pk]
                    if q.kind == Kind.SINGLE:
                        if q.allow_other and rng.random() < 0.05:
                            rows.append(
                                Answer(response=r, question=q, other=True, text="Iets anders")
                            )
                        else:
                            rows.append(Answer(response=r, question=q, option_id=rng.choice(opts)))
                    elif q.kind == Kind.MULTIPLE:
                        for o in rng.sample(opts, 2):
                            rows.append(Answer(response=r, question=q, option_id=o))
                    elif q.kind == Kind.SCALE:
                        rows.append(Answer(response=r, question=q, number=rng.randint(1, 5)))
                    elif q.kind == Kind.MATRIX:
                        for o in opts:
                            rows.append(
                                Answer(
                                    response=r, question=q, option_id=o, number=rng.randint(1, 5)
                                )
                            )
                    elif q.kind == Kind.LIST:
                        pool = regions if q.list_source == "region" else sectors
                        rows.append(Answer(response=r, question=q, choice=rng.choice(pool)))
                    elif rng.random() < 0.2:
                        rows.append(Answer(response=r, question=q, text="Een langer antwoord."))
            Answer.objects.bulk_create(rows, batch_size=5000)
            by_response: dict[int, list[Any]] = {}
            for row in rows:
                by_response.setdefault(row.response_id, []).append(row)
            for answers in by_response.values():
                _count_groups(answers, kinds)
    from sterk.surveys.services import tally_rebuild

    tally_rebuild(survey=survey, groups=False)
    _write_groups(survey)


def run() -> None:
    setup()
    from django.conf import settings
    from django.template import Template
    from django.test.utils import _TestState

    Template._render = _TestState.saved_data.template_render  # type: ignore[method-assign]
    settings.STERK_REQUIRE_MFA_FOR_MANAGERS = False
    from django.core.cache import cache
    from django.db import connection
    from django.test import Client
    from django.urls import reverse

    from sterk.accounts.models import User
    from sterk.network.models import Role, RoleAssignment
    from sterk.surveys import exports

    sizes = [int(s) for s in os.environ.get("BENCH_SURVEYS_SIZES", "10000,100000").split(",")]
    rng = random.Random(42)  # noqa: S311 - benchmark data
    base = _survey()
    survey, questions = base["survey"], base["questions"]
    owner = User.objects.create_user(email="owner@example.org", password="x")
    RoleAssignment.objects.create(user=owner, role=Role.COORDINATOR)
    manager, visitor = Client(), Client()
    manager.force_login(owner)
    first = questions[0]
    a, b = first.options.all()[0], first.options.all()[1]
    requests = {
        "owner results": (manager, reverse("surveys_manage:results", kwargs={"pk": survey.pk})),
        "public results": (visitor, reverse("surveys:results", kwargs={"slug": survey.slug})),
        "comparison": (
            manager,
            reverse("surveys_manage:results", kwargs={"pk": survey.pk})
            + f"?a={first.pk}:{a.pk}&b={first.pk}:{b.pk}",
        ),
    }
    settings.STERK_PAGE_CACHE = False  # time the page, not the page cache
    results: dict[int, dict[str, dict[str, float]]] = {}
    done = 0
    print(f"  database: {connection.vendor}")
    for size in sizes:
        started = time.perf_counter()
        generate(base, size - done, done, rng)
        print(f"  generated {size - done:,} responses in {time.perf_counter() - started:.0f} s")
        done = size
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE surveys_answer; ANALYZE surveys_response")
        cache.clear()
        results[size] = {}
        for label, (client, url) in requests.items():
            response = client.get(url)
            assert response.status_code == 200, (label, response.status_code)
            results[size][label] = measure(lambda c=client, u=url: c.get(u), repeat=20, warmup=2)
        worst = max(r["p95_ms"] for r in results[size].values())
        print(f"  {size:,} responses: worst p95 {worst:.1f} ms")
        # The CSV export, streamed: peak memory while writing every row.
        before = _rss_mb()
        peak = before
        tracemalloc.start()
        started = time.perf_counter()
        lines = 0
        for lines, _chunk in enumerate(exports.csv_chunks(survey), start=1):
            if lines % 5000 == 0:
                peak = max(peak, _rss_mb())
        elapsed = time.perf_counter() - started
        _current, traced = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        peak = max(peak, _rss_mb())
        print(
            f"  CSV export of {lines - 1:,} responses: {elapsed:.1f} s, RSS {before:.0f} -> "
            f"peak {peak:.0f} MB (+{peak - before:.0f} MB), Python peak {traced / 1e6:.1f} MB"
        )
    small, large = sizes[0], sizes[-1]
    for label in requests:
        x, y = results[small][label], results[large][label]
        print(
            f"  {label:15s} {small:,}: median {x['median_ms']:.1f} p95 {x['p95_ms']:.1f} ms"
            f" | {large:,}: median {y['median_ms']:.1f} p95 {y['p95_ms']:.1f} ms"
            f" | ratio {y['median_ms'] / x['median_ms']:.2f}x"
        )
