"""Personal data (GDPR art. 15, 17, 20): every model that can hold data about a person is
covered by a registered provider, the download holds it all, and deleting an account
leaves no name or address behind while keeping the counts the network needs."""

from __future__ import annotations

import datetime
import json
import re
from typing import Any

import pytest
from allauth.account.models import EmailAddress
from django.apps import apps
from django.conf import settings
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone

from sterk.accounts import services
from sterk.core import personal_data
from sterk.core.audit import audit_record
from sterk.core.models import AuditEntry, OutboundEmail
from sterk.events import services as event_services
from sterk.events.models import Registration, RegistrationStatus
from sterk.events.tests.factories import EventFactory, QuestionFactory, in_days
from sterk.network import services as network_services
from sterk.network.models import Membership, Role
from sterk.network.tests.factories import MembershipFactory, RegionFactory, RoleAssignmentFactory
from sterk.practices import services as practice_services
from sterk.practices.models import Practice, Status
from sterk.practices.tests.factories import CallFactory, UserFactory, published

pytestmark = pytest.mark.django_db

# A field "looks personal" when it links to the user, is an e-mail field, or its name says
# it holds a person's name or contact details.
PERSONAL_NAME = re.compile(
    r"(^|_)(e?mail|email_address|name|first_name|last_name|submitter|contact|phone|"
    r"recipient|to|reply_to|author|sender)(_|$)"
)

# Fields that match the pattern above but hold no data about a person. Each needs a reason.
NOT_PERSONAL: dict[str, set[str]] = {
    # Names of permissions and groups: configuration.
    "auth.Permission": {"name"},
    "auth.Group": {"name"},
    # The site's display name (django.contrib.sites).
    "sites.Site": {"name"},
    # Task queue bookkeeping; task arguments are record ids, never addresses.
    "django_tasks_database.DBTaskResult": {"queue_name", "backend_name"},
    # Regional platforms and their sub-regions, with the platform's own functional address.
    "network.Region": {"name", "name_nl", "name_fr", "name_en", "short_name", "contact_email"},
    "network.SubRegion": {"name", "name_nl", "name_fr", "name_en"},
    # Organisations are not people.
    "network.Organisation": {"name", "normalised_name"},
}


def _personal_fields(model: type[models.Model]) -> set[str]:
    user_model = apps.get_model(settings.AUTH_USER_MODEL)
    found = set()
    for field in model._meta.get_fields():
        if field.auto_created and not field.concrete:
            continue  # reverse relations: covered on the model that holds the key
        if _looks_personal(field, user_model):
            found.add(field.name)
    return found - NOT_PERSONAL.get(model._meta.label, set())


def _looks_personal(field: Any, user_model: Any) -> bool:
    if field.is_relation and field.related_model is user_model:
        return True
    return isinstance(field, models.EmailField) or bool(PERSONAL_NAME.search(field.name))


def test_every_personal_model_is_covered_by_export_and_erase():
    covered = personal_data.covered_fields()
    missing = {}
    for model in apps.get_models():
        fields = _personal_fields(model)
        uncovered = fields - covered.get(model._meta.label, set())
        if uncovered:
            missing[model._meta.label] = sorted(uncovered)
    assert missing == {}, (
        "These models hold personal data that no provider in sterk.core.personal_data "
        f"exports and erases: {missing}"
    )
    # Every provider both exports and erases.
    for provider in personal_data.providers():
        assert callable(provider.export) and callable(provider.erase), provider.key


def test_the_introspection_finds_personal_models():
    """The pattern is not toothless: the models we know hold people's data are found."""
    from sterk.events.models import Registration
    from sterk.network.models import ContactRequest

    assert {"user", "name", "email"} <= _personal_fields(Registration)
    assert {"name", "email"} <= _personal_fields(ContactRequest)
    assert {"to"} <= _personal_fields(OutboundEmail)
    assert {"actor"} <= _personal_fields(AuditEntry)

    # Fields a survey or newsletter app might add tomorrow.
    user_model = apps.get_model(settings.AUTH_USER_MODEL)
    for name, field in [
        ("recipient_email", models.CharField(max_length=100)),
        ("address", models.EmailField()),
        ("respondent", models.ForeignKey(user_model, on_delete=models.CASCADE)),
        ("phone", models.CharField(max_length=20)),
    ]:
        field.set_attributes_from_name(name)
        if field.is_relation:
            field.remote_field.model = user_model
        assert _looks_personal(field, user_model), name
    title = models.CharField(max_length=10)
    title.set_attributes_from_name("title")
    assert not _looks_personal(title, user_model)


def test_declared_fields_exist():
    for label, fields in personal_data.covered_fields().items():
        model = apps.get_model(label)
        names = {f.name for f in model._meta.get_fields()}
        assert fields <= names, (label, fields - names)
    # The allow-list stays honest too: no stale entries.
    for label, fields in NOT_PERSONAL.items():
        if label.split(".")[0] not in {a.label for a in apps.get_app_configs()}:
            continue  # an optional app (e.g. sites) not installed in these settings
        names = {f.name for f in apps.get_model(label)._meta.get_fields()}
        assert fields <= names, (label, fields - names)


# --- a person with data everywhere --------------------------------------------------------

FULL_NAME = "Griet Vanderstraeten"
LOGIN = "griet@example.org"
OTHER_ADDRESS = "griet.v@werk.example"
VISITOR_NAME = "Griet V. Werk"


@pytest.fixture
def person(settings) -> dict[str, Any]:
    settings.STERK_SITE_URL = "https://sterk.example"
    region = RegionFactory(slug="limburg", name_nl="Limburg")
    coordinator = RoleAssignmentFactory(role=Role.COORDINATOR).user
    user = UserFactory(email=LOGIN, first_name="Griet", last_name="Vanderstraeten")
    EmailAddress.objects.create(user=user, email=LOGIN, verified=True, primary=True)
    EmailAddress.objects.create(user=user, email=OTHER_ADDRESS, verified=True)
    # Not verified: not proven to be hers, so records with it are not hers either.
    EmailAddress.objects.create(user=user, email="maybe@example.org", verified=False)
    MembershipFactory(user=user, region=region)
    services.profile_update(user=user, data={"directory_visible": True})

    # A full event tomorrow: she holds the only seat, someone waits.
    full = EventFactory(
        title_nl="Regiodag", capacity=1, starts_at=in_days(1, 14), ends_at=in_days(1, 17)
    )
    question = QuestionFactory(event=full, label_nl="Dieetwensen")
    mine = event_services.registration_create(
        event=full, user=user, answers={str(question.pk): "vegetarisch, geen noten"}
    ).registration
    waiting = event_services.registration_create(
        event=full, name="Wachter Jansen", email="wachter@example.org"
    ).registration
    event_services.registration_confirm_email(registration=waiting)
    waiting.refresh_from_db()
    assert waiting.status == RegistrationStatus.WAITING
    # A visitor registration with her work address (no account link).
    other = EventFactory(title_nl="Webinar")
    visitor = event_services.registration_create(
        event=other, name=VISITOR_NAME, email=OTHER_ADDRESS
    ).registration
    # A past event she attended.
    past = EventFactory(
        title_nl="Praktijksafari", starts_at=in_days(-20, 10), ends_at=in_days(-20, 12)
    )
    attended = Registration.objects.create(
        event=past,
        user=user,
        name=FULL_NAME,
        email=LOGIN,
        status=RegistrationStatus.CONFIRMED,
        confirmed_at=timezone.now() - datetime.timedelta(days=30),
        checked_in_at=past.starts_at,
        answers={"1": "ik kom met de trein"},
    )
    audit_record(actor=coordinator, action="registration.checked_in", obj=attended)

    # Practices: a draft, a published one naming her as contact, a call story by e-mail.
    draft = practice_services.practice_create(
        actor=user,
        data={
            "title_nl": "Buurtkeuken concept",
            "summary_nl": "Nog niet af.",
            "contact_name": FULL_NAME,
            "contact_email": LOGIN,
            "contact_consent": True,
        },
    )
    sent = practice_services.practice_create(
        actor=user,
        data={"title_nl": "Ingediende praktijk", "summary_nl": "Wacht op moderatie."},
        submit=True,
    )
    shown = published(
        title_nl="Samen koken in Genk",
        story_nl="Het verhaal van de buurtkeuken.",
        submitted_by=user,
        submitter_name=FULL_NAME,
        submitter_email=LOGIN,
        contact_name=FULL_NAME,
        contact_email=LOGIN,
        contact_consent=True,
    )
    call = CallFactory()
    story = practice_services.call_submission_create(
        call=call,
        user=None,
        data={"title_nl": "Mijn oproepverhaal", "summary_nl": "Kort."},
        answers={0: "Dat luisteren werkt", 1: "Zorg"},
        consent_publish=True,
        consent_anonymous=True,
        submitter_name=VISITOR_NAME,
        submitter_email=OTHER_ADDRESS,
    )

    # A contact request (mailed to the coordinator with her address as reply-to).
    request = network_services.contact_request_submit(
        name=FULL_NAME,
        email=OTHER_ADDRESS,
        topic="question",
        message="Mijn vraag, groet Griet Vanderstraeten",
        consent=True,
    )
    # Managers' records about her.
    audit_record(
        actor=coordinator,
        action="user.changed",
        object_repr=LOGIN,
        changes={"email": [None, LOGIN], "name": [FULL_NAME, "x"]},
    )
    LogEntry.objects.create(
        user=coordinator,
        content_type=ContentType.objects.get_for_model(user),
        object_id=str(user.pk),
        object_repr=str(user),
        action_flag=CHANGE,
        change_message="[]",
    )
    # A record that is not hers: someone else with her unverified address.
    stranger = network_services.contact_request_submit(
        name="Iemand Anders",
        email="maybe@example.org",
        topic="question",
        message="Niet van Griet.",
        consent=True,
    )
    return {
        "user": user,
        "full": full,
        "mine": mine,
        "waiting": waiting,
        "visitor": visitor,
        "attended": attended,
        "draft": draft,
        "sent": sent,
        "shown": shown,
        "story": story,
        "request": request,
        "stranger": stranger,
        "coordinator": coordinator,
    }


def test_the_download_holds_everything(client, person):
    user = person["user"]
    client.force_login(user)
    response = client.get("/nl/mijn/gegevens/")
    assert response.status_code == 200
    data = json.loads(response.content)
    text = response.content.decode()

    assert data["account"]["email"] == LOGIN
    assert {e["email"] for e in data["email_addresses"]} >= {LOGIN, OTHER_ADDRESS}
    assert sorted(data["email_addresses_matched"]) == sorted([LOGIN, OTHER_ADDRESS])
    events = {r["event"]: r for r in data["event_registrations"]}
    assert set(events) == {"Regiodag", "Webinar", "Praktijksafari"}
    assert events["Regiodag"]["answers"] == [
        {"question": "Dieetwensen", "answer": "vegetarisch, geen noten"}
    ]
    assert events["Webinar"]["name"] == VISITOR_NAME
    practices = {p["title"]: p for p in data["practices_and_stories"]}
    assert set(practices) == {
        "Buurtkeuken concept",
        "Ingediende praktijk",
        "Samen koken in Genk",
        "Mijn oproepverhaal",
    }
    assert practices["Buurtkeuken concept"]["status"] == Status.DRAFT
    story = practices["Mijn oproepverhaal"]
    assert {"question": "Wat leerde je?", "answer": "Dat luisteren werkt"} in story["answers"]
    assert story["licence"] == "all-rights-reserved"
    kinds = {c["kind"] for c in data["consents"]}
    assert kinds >= {"directory", "story_publish", "story_anonymous", "practice_contact"}
    assert kinds >= {"contact_request"}
    assert all(c["text"] and c["text_version"] and c["given_at"] for c in data["consents"])
    assert [c["message"] for c in data["contact_requests"]] == [
        "Mijn vraag, groet Griet Vanderstraeten"
    ]
    assert data["memberships"][0]["region"] == "Limburg"
    # The e-mails sent to her, by both apps.
    assert {m["kind"] for m in data["event_emails_sent_to_you"]} >= {"confirmed", "confirm_email"}
    assert {m["to"] for m in data["event_emails_sent_to_you"]} == {LOGIN, OTHER_ADDRESS}
    assert {m["to"] for m in data["emails_sent_to_you"]} >= {LOGIN, OTHER_ADDRESS}
    # Nothing of the stranger who used an address she has not verified.
    assert "Iemand Anders" not in text and "Niet van Griet" not in text


def _texts_of(model: type[models.Model]) -> list[str]:
    fields = [
        f.attname
        for f in model._meta.concrete_fields
        if isinstance(f, (models.CharField, models.TextField, models.JSONField))
    ]
    rows = []
    for values in model._default_manager.values_list(*fields):
        rows.append(json.dumps(values, ensure_ascii=False, default=str).lower())
    return rows


def test_deleting_erases_the_person_and_keeps_the_counts(
    person, django_capture_on_commit_callbacks
):
    user = person["user"]
    pk = user.pk
    with django_capture_on_commit_callbacks(execute=False):
        services.account_delete(user=user)

    # Nothing anywhere in the covered tables names her or holds her addresses.
    terms = [LOGIN, OTHER_ADDRESS, FULL_NAME.lower(), VISITOR_NAME.lower()]
    for label in personal_data.covered_fields():
        for row in _texts_of(apps.get_model(label)):
            for term in terms:
                assert term.lower() not in row, (label, term, row)

    # Her seat went to the waiting list, whose person is told.
    waiting = Registration.objects.get(pk=person["waiting"].pk)
    assert waiting.status == RegistrationStatus.CONFIRMED
    assert OutboundEmail.objects.filter(to="wachter@example.org", kind="events.promoted").exists()
    assert not Registration.objects.filter(pk__in=[person["mine"].pk, person["visitor"].pk])
    # No reminder for her tomorrow; the promoted person gets one.
    event_services.reminders_send(now=person["full"].starts_at - datetime.timedelta(hours=20))
    assert set(
        OutboundEmail.objects.filter(kind="events.reminder").values_list("to", flat=True)
    ) == {"wachter@example.org"}
    # The past attendance still counts, without her.
    attended = Registration.objects.get(pk=person["attended"].pk)
    assert attended.status == RegistrationStatus.CONFIRMED and attended.checked_in_at
    assert attended.user_id is None and attended.name == "" and attended.answers == {}
    assert person["attended"].event.registrations.holding_seat().count() == 1

    # The published practice stays, without her; the rest she sent is gone.
    shown = Practice.objects.get(pk=person["shown"].pk)
    assert shown.status == Status.PUBLISHED and shown.story_nl == "Het verhaal van de buurtkeuken."
    assert shown.submitted_by_id is None and not shown.contact_name and not shown.contact_consent
    gone = [person["draft"].pk, person["sent"].pk, person["story"].pk]
    assert not Practice.objects.filter(pk__in=gone).exists()

    # Contact request, memberships, consents, e-mail logs: gone. The stranger's request stays.
    from sterk.accounts.models import Consent, User
    from sterk.network.models import ContactRequest

    assert not ContactRequest.objects.filter(pk=person["request"].pk).exists()
    assert ContactRequest.objects.filter(pk=person["stranger"].pk).exists()
    assert not Membership.objects.filter(user_id=pk).exists()
    assert not Consent.objects.filter(email__in=[LOGIN, OTHER_ADDRESS]).exists()
    assert not User.objects.filter(pk=pk).exists()
    assert not OutboundEmail.objects.filter(reply_to=OTHER_ADDRESS).exists()

    # The audit trail: what was done stays, by whom and about whom does not.
    assert AuditEntry.objects.filter(action="registration.checked_in").exists()
    last = AuditEntry.objects.order_by("-pk").first()
    assert (last.action, last.object_repr, last.actor_id) == (
        "account.deleted",
        f"user #{pk}",
        None,
    )
    assert AuditEntry.objects.filter(action="account.deleted").count() == 1
    changed = AuditEntry.objects.get(action="user.changed")
    assert changed.changes == {"email": [None, "[erased]"], "name": ["[erased]", "x"]}


def test_the_delete_page_says_what_goes_and_what_stays(client):
    user = UserFactory()
    client.force_login(user)
    response = client.get("/nl/mijn/verwijderen/")
    html = response.content.decode()
    assert response.status_code == 200
    assert 'id="erased-title"' in html and 'id="kept-title"' in html
    response = client.post("/nl/mijn/verwijderen/", {"confirm": "on"})
    assert response.status_code == 302
    assert not type(user).objects.filter(pk=user.pk).exists()


def test_sent_mails_to_others_keep_their_record_without_the_person():
    user = UserFactory(email="an@example.org", first_name="An", last_name="De Smet")
    sent = timezone.now()
    forwarded = OutboundEmail.objects.create(
        key="contact:1:chair@example.org",
        to="chair@example.org",
        reply_to="an@example.org",
        subject="Nieuwe vraag",
        body="Van An De Smet: mijn buurman heeft schulden.",
        sent_at=sent,
    )
    notice = OutboundEmail.objects.create(
        key="notice:1",
        to="chair@example.org",
        subject="Ingediend door An De Smet",
        body="An De Smet (an@example.org) stuurde een praktijk. Andere tekst blijft.",
        sent_at=sent,
    )
    services.account_delete(user=user)
    forwarded.refresh_from_db()
    notice.refresh_from_db()
    assert (forwarded.body, forwarded.reply_to, forwarded.sent_at) == ("[erased]", "", sent)
    assert notice.subject == "Ingediend door [erased]"
    assert notice.body == "[erased] ([erased]) stuurde een praktijk. Andere tekst blijft."


def test_deleting_signs_out_every_device(client):
    from django.contrib.sessions.models import Session

    user, other = UserFactory(), UserFactory()
    client.force_login(user)
    from django.test import Client

    elsewhere = Client()
    elsewhere.force_login(user)
    Client().force_login(other)
    assert Session.objects.count() == 3
    from importlib import import_module

    from django.conf import settings

    store = import_module(settings.SESSION_ENGINE).SessionStore
    key = elsewhere.cookies[settings.SESSION_COOKIE_NAME].value
    assert store(session_key=key).load().get("_auth_user_id") == str(user.pk)
    services.account_delete(user=user)
    assert Session.objects.count() == 1
    # Gone from the cache too (cached_db): the account id is personal data.
    assert store(session_key=key).load() == {}
    assert elsewhere.get("/nl/mijn/").status_code == 302


def test_a_mail_erased_before_it_was_sent_is_skipped():
    from sterk.core.tasks import send_outbound_email

    # The job was queued with the id of a row that the erasure removed: nothing happens.
    # (Since issue 9 the events app's e-mails are in the same outbox, sent by this task.)
    assert send_outbound_email.call(987654) == "skipped"
