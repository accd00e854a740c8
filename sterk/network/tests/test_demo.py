"""`manage.py load_demo`: a login per role, believable members, idempotent, never by accident."""

from io import StringIO

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse
from django.utils import timezone

from sterk.core.models import AuditEntry, OutboundEmail
from sterk.network.demo import DEMO_DOMAIN, DEMO_PASSWORD, demo_email
from sterk.network.models import (
    ContactRequest,
    Membership,
    Organisation,
    Region,
    Role,
    RoleAssignment,
)

User = get_user_model()
pytestmark = pytest.mark.django_db

LOGINS = {
    "coordinator": (Role.COORDINATOR, None),
    "voorzitter.antwerpen": (Role.CHAIR, "antwerpen"),
    "voorzitter.limburg": (Role.CHAIR, "limburg"),
    "stuurgroep": (Role.STEERING, None),
    "stakeholder": (Role.STAKEHOLDER, None),
}
COUNTED = [User, EmailAddress, Membership, RoleAssignment, Organisation, ContactRequest]


@pytest.fixture
def debug(settings):
    settings.DEBUG = True


@pytest.fixture
def demo(debug):
    call_command("load_content", verbosity=0)
    call_command("load_demo", verbosity=0)


def _counts() -> dict[str, int]:
    counts = {model.__name__: model.objects.count() for model in COUNTED}
    counts["AuditEntry"] = AuditEntry.objects.count()
    counts["OutboundEmail"] = OutboundEmail.objects.count()
    return counts


def test_one_login_per_role(demo):
    for local, (role, region) in LOGINS.items():
        user = User.objects.get(email=demo_email(local))
        assignment = RoleAssignment.objects.get(user=user, role=role)
        assert (assignment.region.slug if assignment.region else None) == region
    stakeholder = RoleAssignment.objects.get(user__email=demo_email("stakeholder"))
    assert stakeholder.organisation.name == "Socius"
    steering = RoleAssignment.objects.get(user__email=demo_email("stuurgroep"))
    assert steering.capacity_nl and steering.capacity_fr and steering.capacity_en
    member = User.objects.get(email=demo_email("lid"))
    assert not member.role_assignments.exists()
    assert set(member.memberships.values_list("region__slug", flat=True)) == {
        "antwerpen",
        "limburg",
    }


def test_every_region_has_a_chair_from_a_demo_college(demo):
    for region in Region.objects.all():
        chairs = RoleAssignment.objects.filter(role=Role.CHAIR, region=region)
        assert chairs.exists(), region.slug
        for chair in chairs:
            assert chair.user.organisation.type == "university_college"
            assert chair.user.organisation.name.endswith(" (demo)")
    assert RoleAssignment.objects.filter(role=Role.STEERING).count() >= 5


def test_the_demo_password_logs_in(client, demo):
    for local in [*LOGINS, "lid"]:
        user = User.objects.get(email=demo_email(local))
        assert EmailAddress.objects.filter(user=user, verified=True, primary=True).exists()
        response = client.post(
            reverse("account_login"), {"login": user.email, "password": DEMO_PASSWORD}
        )
        assert response.status_code == 302, local
        assert client.session["_auth_user_id"] == str(user.pk)
        client.logout()


def test_members_are_spread_and_marked_as_demo(demo):
    assert User.objects.count() >= 70
    assert not User.objects.exclude(email__endswith=f"@{DEMO_DOMAIN}").exists()
    for region in Region.objects.all():
        assert Membership.objects.filter(region=region).count() >= 3, region.slug
    assert Membership.objects.filter(subregion__region__slug="vlaams-brabant").exists()
    assert User.objects.filter(wants_active_role=True).exists()
    assert User.objects.filter(leads_local_consultation=True).exists()
    assert User.objects.filter(directory_visible=True).exists()
    real = {"socius", "sam", "weliswaar", "sociaal net", "cachet"}
    for organisation in Organisation.objects.exclude(normalised_name__in=real):
        if organisation.people.exists():
            assert organisation.name.endswith(" (demo)"), organisation.name
    for user in User.objects.all()[:10]:
        assert timezone.is_aware(user.date_joined)


def test_contact_requests_in_various_states_without_mail(demo):
    requests = ContactRequest.objects.all()
    assert 8 <= requests.count() <= 12
    assert set(requests.values_list("status", flat=True)) == {"new", "in_progress", "done"}
    assert not requests.exclude(email__endswith=f"@{DEMO_DOMAIN}").exists()
    assert all(request.consent for request in requests)
    assert not OutboundEmail.objects.filter(sent_at__isnull=True).exists()


def test_running_twice_creates_nothing(demo):
    before = _counts()
    call_command("load_demo", verbosity=0)
    assert _counts() == before


def test_refuses_without_debug_unless_forced(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError):
        call_command("load_demo", verbosity=0)
    assert not User.objects.exists()
    call_command("load_demo", "--force", verbosity=0)
    assert User.objects.filter(email=demo_email("coordinator")).exists()


def test_loads_the_content_when_missing(debug):
    call_command("load_demo", verbosity=0)
    assert Region.objects.count() == 6


def test_prints_the_logins(debug):
    out = StringIO()
    call_command("load_demo", stdout=out)
    text = out.getvalue()
    assert demo_email("coordinator") in text
    assert demo_email("voorzitter.limburg") in text
    assert DEMO_PASSWORD in text
