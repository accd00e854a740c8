"""The unfiltered action plan overview reads the plan once per data version and language
(#14): the same for every reader; a change shows at the next request, a filtered overview
is read afresh, and a signed-in reader sees the same plan."""

import pytest

from sterk.actionplan.models import Action
from sterk.actionplan.tests.factories import ActionFactory, ChallengeFactory, current_plan
from sterk.core.tests.support import get_counting_queries, without_page_cache  # noqa: F401
from sterk.network.tests.factories import RegionFactory, UserFactory

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("without_page_cache"),
]


def _main(html: str) -> str:
    """The page's own content: the layout around it carries the request's nonce."""
    return html.split("<main")[1].split("</main>")[0]


@pytest.fixture
def plan():
    plan = current_plan()
    challenge = ChallengeFactory(plan=plan, title_nl="Armoede", title_fr="Pauvreté")
    region = RegionFactory(name_nl="Limburg", slug="limburg")
    ActionFactory(challenge=challenge, title_nl="Buurtwerk", title_fr="Travail de quartier")
    ActionFactory(challenge=challenge, title_nl="Schuldhulp", carrier_regions=[region])
    return plan


def test_the_overview_is_read_once_and_a_change_shows_at_once(client, plan):
    get_counting_queries(client, "/nl/over/")  # the footer's form is kept (its own memo)
    first, body = get_counting_queries(client, "/nl/actieplan/")
    second, again = get_counting_queries(client, "/nl/actieplan/")
    assert second == 1 < first  # the current plan, nothing else
    assert 'name="regio"' in again and ">Limburg</option>" in again
    assert _main(again) == _main(body)
    _, french = get_counting_queries(client, "/fr/actieplan/")
    assert "Travail de quartier" in french and "Pauvreté" in french
    Action.objects.filter(title_nl="Buurtwerk").update(title_nl="Buurtwerk in Genk")
    get_counting_queries(client, "/nl/over/")  # the footer's form, read again
    third, changed = get_counting_queries(client, "/nl/actieplan/")
    assert third == first
    assert "Buurtwerk in Genk" in changed


def test_a_filtered_overview_is_read_afresh(client, plan):
    get_counting_queries(client, "/nl/actieplan/")
    count, body = get_counting_queries(client, "/nl/actieplan/?regio=limburg")
    assert count > 4
    assert "Schuldhulp" in body and "Buurtwerk" not in body.split('id="plan-results"')[1]
    assert '<option value="limburg" selected>Limburg</option>' in body
    _, unfiltered = get_counting_queries(client, "/nl/actieplan/")
    assert " selected>Limburg" not in unfiltered


def test_a_signed_in_reader_sees_the_same_plan(client, plan):
    _, visitor = get_counting_queries(client, "/nl/actieplan/")
    client.force_login(UserFactory())
    _, member = get_counting_queries(client, "/nl/actieplan/")
    assert "Buurtwerk" in member and "Schuldhulp" in member
    assert _main(member) == _main(visitor)
