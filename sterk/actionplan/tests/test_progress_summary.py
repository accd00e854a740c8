"""Progress is averaged over every action (not started = 0 %), says how many actions it is
over, and is shown next to the distribution by status: on the overview, the challenge page,
the region and krachtlijn pages, the management dashboard and in the PDF."""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from sterk.actionplan import exports, services
from sterk.actionplan.models import Status
from sterk.actionplan.selectors import StatusSummary

from .factories import ActionFactory, ChallengeFactory, KrachtlijnFactory, coordinator

pytestmark = pytest.mark.django_db


def label(status: Status, language: str = "nl") -> str:
    with translation.override(language):
        return str(status.label).lower()


def text_of(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).strip()


def progress_summaries(html: str) -> list[str]:
    """The visible text of every progress summary on a page."""
    return [
        text_of(m)
        for m in re.findall(r'<p class="progress-summary[^"]*"[^>]*>(.*?)</p>', html, flags=re.S)
    ]


def assert_half_of_four(summary: str, language: str = "nl") -> None:
    """50 % over 4 actions, with 2 not started and 2 completed next to it."""
    assert re.search(r"\b50 %", summary), summary
    assert re.search(r"\b4\b", summary), summary
    assert f"2 {label(Status.NOT_STARTED, language)}" in summary, summary
    assert f"2 {label(Status.COMPLETED, language)}" in summary, summary
    # Statuses with no action are not listed.
    assert label(Status.RUNNING, language) not in summary, summary


@pytest.fixture
def challenge8(plan, antwerpen):
    """Challenge 8: four actions, two not started, two completed (100 %)."""
    challenge = ChallengeFactory(
        plan=plan, number=8, title_nl="Sterk Sociaal Werk en onderbescherming"
    )
    krachtlijn = KrachtlijnFactory(slug="nabijheid")
    actions = [
        ActionFactory(challenge=challenge, carrier_regions=[antwerpen], krachtlijnen=[krachtlijn])
        for _ in range(4)
    ]
    for action in actions[:2]:
        services.progress_record(
            actor=None,
            target=action,
            date=datetime.date(2023, 6, 1),
            status=Status.COMPLETED,
            narrative="Afgerond.",
        )
    return challenge


def test_the_average_counts_every_action():
    rows = [
        {"status": "not_started", "progress": None},
        {"status": "not_started", "progress": None},
        {"status": "completed", "progress": 100},
        {"status": "completed", "progress": 100},
    ]
    summary = StatusSummary.of(rows)
    assert summary.average_progress == 50
    assert summary.total == 4
    assert [(s, n) for s, _label, n in summary.distribution] == [
        ("not_started", 2),
        ("completed", 2),
    ]
    # Without a reported percentage: completed counts as done, anything else as 0 %.
    assert StatusSummary.of([{"status": "completed", "progress": None}]).average_progress == 100
    assert StatusSummary.of([{"status": "running", "progress": None}]).average_progress == 0
    mixed = StatusSummary.of(
        [{"status": "running", "progress": 40}, {"status": "stopped", "progress": None}]
    )
    assert mixed.average_progress == 20
    assert StatusSummary.of([]).average_progress is None


def test_overview_card_and_table_average_over_all_actions(client, challenge8):
    html = client.get(reverse("actionplan:overview")).content.decode()
    card = next(
        c
        for c in re.findall(r'<li class="card challenge-card">.*?</li>', html, flags=re.S)
        if challenge8.title in c
    )
    (summary,) = progress_summaries(card)
    assert_half_of_four(summary)
    assert "100 %" not in card
    row = next(
        r
        for r in re.findall(r"<tr>.*?</tr>", html, flags=re.S)
        if challenge8.get_absolute_url() in r
    )
    cells = [text_of(c) for c in re.findall(r"<td[^>]*>(.*?)</td>", row, flags=re.S)]
    assert cells[0] == "4" and cells[-1] == "50 %"


def test_challenge_page_average_over_all_actions(client, challenge8):
    html = client.get(challenge8.get_absolute_url()).content.decode()
    summaries = progress_summaries(html)
    assert summaries
    for summary in summaries:
        assert_half_of_four(summary)
    tfoot = re.search(r"<tfoot>(.*?)</tfoot>", html, flags=re.S).group(1)
    assert "50 %" in tfoot and "100 %" not in tfoot


def test_region_and_krachtlijn_pages_roll_up_their_actions(client, challenge8):
    for url in ["/nl/regio/antwerpen/", "/nl/over/krachtlijnen/nabijheid/"]:
        html = client.get(url).content.decode()
        section = re.search(r'<section class="plan-actions".*?</section>', html, flags=re.S)
        (summary,) = progress_summaries(section.group(0))
        assert_half_of_four(summary)
        assert '<svg class="status-bar"' in section.group(0)


def test_region_and_krachtlijn_roll_ups_keep_a_constant_query_count(client, plan, antwerpen):
    krachtlijn = KrachtlijnFactory(slug="nabijheid")
    urls = ["/nl/regio/antwerpen/", "/nl/over/krachtlijnen/nabijheid/"]

    def add(n):
        challenge = ChallengeFactory(plan=plan)
        for _ in range(n):
            ActionFactory(
                challenge=challenge, carrier_regions=[antwerpen], krachtlijnen=[krachtlijn]
            )

    def counts():
        result = []
        for url in urls:
            with CaptureQueriesContext(connection) as ctx:
                assert client.get(url).status_code == 200
            result.append(len(ctx.captured_queries))
        return result

    add(2)
    before = counts()
    add(25)
    assert counts() == before


def test_dashboard_states_the_average_over_all_actions(client, challenge8):
    client.force_login(coordinator())
    html = client.get(reverse("actionplan_manage:dashboard")).content.decode()
    (summary,) = progress_summaries(html)
    assert_half_of_four(summary)


def test_evaluation_page_averages_over_all_frozen_actions(client, plan, challenge8):
    from .factories import EvaluationFactory

    evaluation = EvaluationFactory(plan=plan, date=datetime.date(2024, 1, 1))
    services.evaluation_snapshot_take(actor=None, evaluation=evaluation)
    html = client.get(evaluation.get_absolute_url()).content.decode()
    summaries = [s for s in progress_summaries(html) if "50 %" in s]
    assert summaries
    assert_half_of_four(summaries[0])


# --- the PDF ---------------------------------------------------------------------------


def _page_roots(document):
    from weasyprint.formatting_structure import boxes

    for page in document.pages:
        page_box = page._page_box
        yield page_box, [c for c in page_box.children if not isinstance(c, boxes.MarginBox)]


def _text(box) -> str:
    from weasyprint.formatting_structure import boxes

    parts = [b.text for b in box.descendants() if isinstance(b, boxes.TextBox)]
    return re.sub(r"\s+", " ", " ".join(parts)).strip()


def _element_boxes(document, tag: str, css_class: str = ""):
    """The block-level boxes laid out for <tag class="css_class"> elements."""
    from weasyprint.formatting_structure import boxes

    for _page_box, roots in _page_roots(document):
        for root in roots:
            for box in root.descendants():
                element = getattr(box, "element", None)
                if (
                    element is not None
                    and box.element_tag == tag
                    and (not css_class or css_class in (element.get("class") or "").split())
                    and not isinstance(box, boxes.InlineLevelBox | boxes.LineBox)
                ):
                    yield box


@pytest.mark.parametrize("language", ["nl", "fr"])
def test_pdf_states_the_average_over_all_actions(plan, challenge8, antwerpen, language):
    for region in (None, antwerpen):
        document = exports.state_document(plan, region=region, language=language)
        summaries = [_text(b) for b in _element_boxes(document, "p", "progress-summary")]
        # One for the whole plan, one under challenge 8's heading.
        assert len(summaries) == 2, summaries
        for summary in summaries:
            assert_half_of_four(summary, language)
        rows = [
            [_text(cell) for cell in row.children]
            for row in _element_boxes(document, "tr")
            if row.children and _text(row.children[0]).startswith("8.")
        ]
        # Challenge 8's row in the first table: 4 actions, 2 not started, 2 completed, 50 %.
        # (The title may be hyphenated to fit its column.)
        assert [row[1:] for row in rows] == [["4", "2", "0", "0", "2", "0", "50 %"]]


def _overflows(document) -> list[str]:
    """Every box whose right edge passes the page's right margin (in CSS px)."""
    from weasyprint.formatting_structure import boxes

    found = []
    for number, (page_box, roots) in enumerate(_page_roots(document), start=1):
        right = page_box.content_box_x() + page_box.width
        for root in roots:
            for box in [root, *root.descendants()]:
                if isinstance(
                    box, boxes.TextBox | boxes.LineBox | boxes.BlockLevelBox | boxes.TableCellBox
                ):
                    edge = box.border_box_x() + box.border_width()
                    if edge > right + 0.5:
                        found.append(
                            f"page {number}: <{box.element_tag}> ends at {edge:.1f} > {right:.1f}"
                            f" {_text(box)[:40]!r}"
                        )
    return found


@pytest.mark.parametrize("language", ["nl", "fr", "en"])
def test_pdf_fits_a4(language):
    """The real plan with the demo progress, in every language: nothing passes the right
    margin (the first table used to run past it)."""
    from django.core.management import call_command

    from sterk.actionplan.models import Plan
    from sterk.network.models import Region

    call_command("load_actionplan", verbosity=0)
    call_command("load_actionplan_demo", "--force", verbosity=0)
    plan = Plan.objects.get(is_current=True)
    document = exports.state_document(plan, region=None, language=language)
    assert document.pages[0].width == pytest.approx(210 / 25.4 * 96, abs=1)  # A4
    assert _overflows(document) == []
    # What people type: a long link in a narrative, a title with one very long word.
    action = ActionFactory(
        challenge=plan.challenges.get(number=8),
        carrier_regions=[Region.objects.get(slug="antwerpen")],
        title_nl="Arbeidsmarktactiveringsondersteuningstrajectbegeleidingsprogramma",
    )
    services.progress_record(
        actor=None,
        target=action,
        date=datetime.date(2024, 2, 1),
        status=Status.RUNNING,
        progress=10,
        narrative="Verslag: https://example.org/" + "verslag" * 30 + ".pdf",
    )
    for region in (None, Region.objects.get(slug="antwerpen")):
        document = exports.state_document(plan, region=region, language=language)
        assert _overflows(document) == []
