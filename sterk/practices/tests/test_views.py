"""Pages of the library: search and facets in a constant number of queries, the practice
page, a call with its form and confirmation, moderation and exports."""

from __future__ import annotations

import datetime
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from sterk.practices.models import Practice, Status

from .factories import (
    CallFactory,
    ChallengeFactory,
    KrachtlijnFactory,
    OrganisationFactory,
    PracticeFactory,
    UserFactory,
    chair_of,
    coordinator,
    published,
    stakeholder_of,
)

pytestmark = pytest.mark.django_db


def _make(n: int, region, krachtlijnen, organisations, challenge) -> None:
    for i in range(n):
        published(
            title_nl=f"Buurtwerk en armoede {i}",
            summary_nl="Nabij werken met jongeren.",
            region=region,
            sector="community",
            krachtlijnen=krachtlijnen,
            organisations=[organisations[i % len(organisations)]],
            challenges=[challenge],
        )


def _queries(client, url: str) -> int:
    from django.core.cache import cache

    cache.clear()  # count the uncached path (facet counts are cached per query)
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.parametrize(
    "url",
    [
        "/nl/praktijken/",
        "/nl/praktijken/?q=armoede",
        "/nl/praktijken/?q=nabijheid&regio=antwerpen&krachtlijn=nabijheid",
        "/nl/praktijken/?sector=community&organisatie=1",
    ],
)
def test_library_query_count_does_not_grow(client, antwerpen, url) -> None:
    ks = [KrachtlijnFactory(slug="nabijheid"), KrachtlijnFactory(slug="verbindend-werken")]
    orgs = [OrganisationFactory() for _ in range(5)]
    challenge = ChallengeFactory(slug="onderbescherming")
    _make(3, antwerpen, ks, orgs, challenge)
    few = _queries(client, url)
    _make(30, antwerpen, ks, orgs, challenge)
    many = _queries(client, url)
    assert many == few, (few, many)


def test_library_facets_count_and_combine(client, antwerpen, limburg) -> None:
    k = KrachtlijnFactory(slug="nabijheid", title_nl="Nabijheid")
    published(slug="a", title_nl="Alfa", region=antwerpen, krachtlijnen=[k])
    published(slug="b", title_nl="Beta", region=limburg, krachtlijnen=[k])
    published(slug="c", title_nl="Gamma", region=limburg)
    response = client.get("/nl/praktijken/?regio=limburg&krachtlijn=nabijheid")
    results = response.context["results"]
    assert [p.slug for p in results.practices] == ["b"]
    facets = {f: {o.param: o.count for o in options} for f, _l, _p, options in results.facets}
    # A chosen facet counts as if its own choice were not made.
    assert facets["r"] == {"antwerpen": 1, "limburg": 1}
    assert facets["k"] == {"nabijheid": 1}
    # Several regions: either one.
    response = client.get("/nl/praktijken/?regio=limburg&regio=antwerpen")
    assert {p.slug for p in response.context["results"].practices} == {"a", "b", "c"}


def test_library_htmx_returns_the_results_only(client) -> None:
    published(slug="a", title_nl="Alfa")
    response = client.get(
        "/nl/praktijken/?q=alfa", headers={"HX-Request": "true", "HX-Target": "library-results"}
    )
    html = response.content.decode()
    assert 'id="library-results"' in html and "<html" not in html
    assert 'data-hx-swap-oob="true"' in html


def test_library_htmx_swaps_results_and_filter_options_not_the_form(client) -> None:
    published(slug="a", title_nl="Alfa")
    full = client.get("/nl/praktijken/").content.decode()
    # The full page: the form (the htmx trigger) listens for any change inside it, the
    # filters are a <details> outside the swapped results, the live region outside too.
    assert 'data-hx-trigger="submit, input changed delay:400ms from:#library-q, change"' in full
    assert "hx-swap-oob" not in full
    assert full.index('<details class="library-facets"') < full.index('id="library-results"')
    assert full.count('id="library-status"') == 1 and 'aria-live="polite"' in full
    partial = client.get(
        "/nl/praktijken/?regio=x", headers={"HX-Request": "true", "HX-Target": "library-results"}
    ).content.decode()
    # The update: results, the filter options and their count out of band, and only the
    # text of the live region (the element stays, so screen readers announce the change).
    assert "<details" not in partial and 'id="library-apply"' not in partial
    assert '<div id="library-facet-list" data-hx-swap-oob="true">' in partial
    assert '<span id="library-filter-count" data-hx-swap-oob="true">' in partial
    assert '<p id="library-status" data-hx-swap-oob="innerHTML">' in partial


def test_library_in_every_language(client) -> None:
    published(slug="a", title_nl="Alfa", title_fr="Alpha FR")
    for lang in ("nl", "fr", "en"):
        assert client.get(f"/{lang}/praktijken/").status_code == 200
    assert "Alpha FR" in client.get("/fr/praktijken/").content.decode()


def test_practice_page(client, antwerpen) -> None:
    k = KrachtlijnFactory(slug="nabijheid", title_nl="Nabijheid")
    p = published(
        slug="meubelfabriek",
        region=antwerpen,
        krachtlijnen=[k],
        contact_name="Jan Peeters",
        story_nl="<script>x</script> **Sterk**",
    )
    other = published(slug="buur", region=antwerpen)
    html = client.get("/nl/praktijken/meubelfabriek/").content.decode()
    assert "<strong>Sterk</strong>" in html and "<script>x" not in html
    assert "Jan Peeters" not in html  # no consent
    assert k.get_absolute_url() in html and antwerpen.get_absolute_url() in html
    assert other.get_absolute_url() in html  # related
    assert "linkedin.com/sharing" in html and "mailto:?subject=" in html
    p.contact_consent = True
    p.save()
    assert "Jan Peeters" in client.get("/nl/praktijken/meubelfabriek/").content.decode()
    PracticeFactory(slug="concept", status=Status.SUBMITTED)
    assert client.get("/nl/praktijken/concept/").status_code == 404


def test_visitor_sends_a_story_and_confirms(client, socius) -> None:
    call = CallFactory(owner=socius, slug="politiserend")
    page = client.get("/nl/oproepen/politiserend/")
    assert page.status_code == 200 and "Wat leerde je?" in page.content.decode()
    form = {
        "submitter_name": "Sara",
        "submitter_email": "sara@example.org",
        "title_nl": "Samen sterk",
        "summary_nl": "Wat we deden.",
        "language": "nl",
        "answer_0": "",
        "consent_publish": "on",
        "links-TOTAL_FORMS": "2",
        "links-INITIAL_FORMS": "0",
        "images-TOTAL_FORMS": "1",
        "images-INITIAL_FORMS": "0",
        "links-0-kind": "website",
        "links-1-kind": "website",
    }
    response = client.post("/nl/oproepen/politiserend/", form)
    assert response.status_code == 200  # errors: the required answer and the check
    html = response.content.decode()
    assert "error-summary" in html and 'value="Samen sterk"' in html
    form.update({"answer_0": "Veel", "consent_anonymous": "on"})
    response = client.post("/nl/oproepen/politiserend/", form)
    assert response.status_code == 302
    practice = Practice.objects.get(call=call)
    assert practice.status == Status.UNCONFIRMED
    from sterk.practices.services import confirmation_token

    url = f"/nl/oproepen/politiserend/bevestigen/{confirmation_token(practice)}/"
    assert client.get(url).status_code == 200
    practice.refresh_from_db()
    assert practice.status == Status.UNCONFIRMED  # a GET (a mail scanner) confirms nothing
    client.post(url)
    practice.refresh_from_db()
    assert practice.status == Status.SUBMITTED


def test_closed_call_says_so_and_keeps_its_stories(client, socius) -> None:
    call = CallFactory(
        owner=socius,
        slug="gesloten",
        opens_on=timezone.localdate() - datetime.timedelta(days=30),
        closes_on=timezone.localdate() - datetime.timedelta(days=1),
    )
    published(call=call, consent_publish=True)
    html = client.get("/nl/oproepen/gesloten/").content.decode()
    assert "closed" in html.lower() or "gesloten" in html.lower()
    # No story form (the footer's newsletter sign-up is another form, outside <main>).
    main = html.split('<main id="main"', 1)[1].split("</main>", 1)[0]
    assert '<form method="post"' not in main
    assert client.post("/nl/oproepen/gesloten/", {"title_nl": "x"}).status_code == 302
    assert call.submissions.count() == 1


def test_owner_moderates_exports_and_publishes(client, socius) -> None:
    rep = stakeholder_of(socius)
    call = CallFactory(owner=socius)
    practice = PracticeFactory(
        call=call,
        consent_publish=True,
        consent_anonymous=True,
        answers=[{"question": "Wat leerde je?", "answer": "=SUM(A1)"}],
    )
    client.force_login(rep)
    assert client.get("/nl/beheer/praktijken/").status_code == 200
    csv = client.get(f"/nl/beheer/praktijken/oproepen/{call.pk}/export.csv").content.decode()
    assert "'=SUM(A1)" in csv
    xlsx = client.get(f"/nl/beheer/praktijken/oproepen/{call.pk}/export.xlsx")
    from openpyxl import load_workbook

    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    assert sheet.max_row == 2
    response = client.post(
        f"/nl/beheer/praktijken/{practice.pk}/", {"decision": "publish", "message": ""}
    )
    assert response.status_code == 302
    practice.refresh_from_db()
    assert practice.status == Status.PUBLISHED
    assert client.get(practice.get_absolute_url()).status_code == 200


def test_manage_edit_completes_tags(client, antwerpen) -> None:
    chair = chair_of(antwerpen)
    practice = PracticeFactory(region=antwerpen)
    k = KrachtlijnFactory(slug="nabijheid")
    client.force_login(chair)
    form = {
        "title_nl": "Nieuw",
        "summary_nl": "Samenvatting",
        "language": "nl",
        "region": antwerpen.pk,
        "krachtlijnen": [k.pk],
        "links-TOTAL_FORMS": "1",
        "links-INITIAL_FORMS": "0",
        "links-0-kind": "interview",
        "links-0-url": "https://sociaal.net/x",
        "images-TOTAL_FORMS": "1",
        "images-INITIAL_FORMS": "0",
    }
    response = client.post(f"/nl/beheer/praktijken/{practice.pk}/bewerken/", form)
    assert response.status_code == 302, response.content.decode()[:3000]
    practice.refresh_from_db()
    assert practice.title_nl == "Nieuw" and list(practice.krachtlijnen.all()) == [k]
    assert practice.links.get().kind == "interview"


def test_image_needs_alt_text(client) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile
    from PIL import Image

    member = UserFactory()
    client.force_login(member)
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "red").save(buffer, "PNG")
    image = SimpleUploadedFile("x.png", buffer.getvalue(), content_type="image/png")
    form = {
        "title_nl": "Met beeld",
        "summary_nl": "S",
        "language": "nl",
        "links-TOTAL_FORMS": "0",
        "links-INITIAL_FORMS": "0",
        "images-TOTAL_FORMS": "1",
        "images-INITIAL_FORMS": "0",
        "images-0-image": image,
        "draft": "1",
    }
    response = client.post("/nl/praktijken/delen/", form)
    assert response.status_code == 200 and not Practice.objects.exists()
    buffer.seek(0)
    form["images-0-image"] = SimpleUploadedFile(
        "x.png", buffer.getvalue(), content_type="image/png"
    )
    form["images-0-alt_text"] = "Een rood vierkant"
    response = client.post("/nl/praktijken/delen/", form)
    assert response.status_code == 302
    practice = Practice.objects.get()
    assert practice.status == Status.DRAFT and practice.images.get().alt_text == "Een rood vierkant"


def test_new_call_by_stakeholder(client, socius) -> None:
    rep = stakeholder_of(socius)
    client.force_login(rep)
    today = timezone.localdate()
    response = client.post(
        "/nl/beheer/praktijken/oproepen/nieuw/",
        {
            "title_nl": "Politiserende praktijken",
            "question_nl": "Vertel.",
            "owner": socius.pk,
            "opens_on": today.isoformat(),
            "closes_on": (today + datetime.timedelta(days=30)).isoformat(),
            "questions_text": "* Wat veranderde?\nSector | Zorg | Welzijn",
        },
    )
    assert response.status_code == 302
    call = socius.practice_calls.get()
    assert call.questions[1]["choices"] == ["Zorg", "Welzijn"]
    assert client.get(call.get_absolute_url()).status_code == 200


def test_coordinator_sees_everything(client, antwerpen) -> None:
    client.force_login(coordinator())
    PracticeFactory(region=antwerpen, title_nl="Te modereren")
    assert "Te modereren" in client.get("/nl/beheer/praktijken/").content.decode()
