"""The event a registration is posted to is read once per version of the event, question
and session tables (#14): a run of registrations reads it once, an organiser's change to
a question shows at the next registration, and each registration gets its own copy (the
seat decision writes the locked fields on it). Commits for real."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from sterk.core.tests.support import nothing_kept  # noqa: F401
from sterk.events import selectors
from sterk.events.models import Registration
from sterk.events.tests.factories import EventFactory, QuestionFactory
from sterk.network.tests.factories import UserFactory

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("nothing_kept"),
]


def _register(client, event, **data):  # type: ignore[no-untyped-def]
    client.force_login(UserFactory())
    with CaptureQueriesContext(connection) as queries:
        response = client.post(f"/nl/agenda/{event.slug}/inschrijven/", data)
    return response, " ".join(q["sql"] for q in queries.captured_queries)


def test_a_run_of_registrations_reads_the_event_once(client):
    event = EventFactory(capacity=10)
    QuestionFactory(event=event, label_nl="Dieetwensen", required=False)
    first, sql = _register(client, event)
    assert first.status_code == 302 and 'FROM "events_question"' in sql
    second, sql = _register(client, event)
    assert second.status_code == 302
    # Neither the questions nor the programme are read again (the confirmation mail
    # still lists this registration's own sessions).
    assert 'FROM "events_question"' not in sql
    assert '"events_session"."event_id" IN' not in sql
    assert Registration.objects.filter(event=event).count() == 2


def test_a_new_required_question_is_asked_at_the_next_registration(client):
    event = EventFactory(capacity=10)
    _register(client, event)
    question = QuestionFactory(event=event, label_nl="Je organisatie?", required=True)
    refused, _ = _register(client, event)
    assert refused.status_code == 200  # the form comes back: the answer is required
    assert Registration.objects.filter(event=event).count() == 1
    accepted, _ = _register(client, event, **{f"q_{question.pk}": "Het OCMW"})
    assert accepted.status_code == 302
    assert Registration.objects.filter(event=event).count() == 2


def test_each_registration_gets_its_own_copy(client):
    event = EventFactory(capacity=10)
    user = UserFactory()
    first = selectors.event_to_register_for(event.slug, user)
    second = selectors.event_to_register_for(event.slug, user)
    assert first is not second
    first.capacity = 1  # as the seat decision does under the lock
    assert second.capacity == 10
    assert selectors.event_to_register_for(event.slug, user).capacity == 10
    assert list(first.questions.all()) == list(second.questions.all())
