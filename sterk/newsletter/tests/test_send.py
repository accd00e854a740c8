"""Segments, sending through the outbox, the mail (HTML + text, List-Unsubscribe),
pause/resume/cancel, history, archive, and who may do it."""

from __future__ import annotations

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from sterk.core import outbox
from sterk.core.models import AuditEntry, OutboundEmail, OutboxStatus
from sterk.network.models import Role
from sterk.network.tests.factories import RegionFactory, RoleAssignmentFactory
from sterk.newsletter import selectors, services
from sterk.newsletter.models import Edition, EditionStatus, SubscriberStatus

from .factories import EditionFactory, SubscriberFactory, text_block

pytestmark = pytest.mark.django_db


@pytest.fixture
def regions():
    return RegionFactory(slug="antwerpen"), RegionFactory(slug="limburg")


@pytest.fixture
def coordinator():
    return RoleAssignmentFactory(role=Role.COORDINATOR).user


def test_a_segment_is_regions_x_interests_x_language_and_counted_exactly(regions):
    antwerpen, limburg = regions
    a = SubscriberFactory(language="nl", interests=",events,")
    a.regions.set([antwerpen])
    b = SubscriberFactory(language="fr", interests=",calls,")
    b.regions.set([antwerpen, limburg])
    c = SubscriberFactory(language="nl")
    c.regions.set([limburg])
    SubscriberFactory(status=SubscriberStatus.PENDING).regions.set([antwerpen])
    SubscriberFactory(status=SubscriberStatus.UNSUBSCRIBED).regions.set([antwerpen])
    edition = EditionFactory()
    assert set(selectors.recipients(edition)) == {a, b, c}
    edition.segment_regions.set([antwerpen])
    assert set(selectors.recipients(edition)) == {a, b}
    edition.segment_interests = ",calls,"
    assert set(selectors.recipients(edition)) == {b}
    edition.segment_interests = ""
    edition.segment_language = "nl"
    assert set(selectors.recipients(edition)) == {a}
    chair_edition = EditionFactory(region=limburg)
    assert set(selectors.recipients(chair_edition)) == {b, c}
    assert selectors.recipients(chair_edition).count() == 2


def test_a_chair_sends_only_to_their_region_and_not_for_another(regions):
    antwerpen, limburg = regions
    chair = RoleAssignmentFactory(role=Role.CHAIR, region=antwerpen).user
    with pytest.raises(PermissionDenied):
        services.edition_create(actor=chair, data={"title_nl": "Limburg", "region": limburg})
    with pytest.raises(PermissionDenied):
        services.edition_create(actor=chair, data={"title_nl": "Iedereen", "region": None})
    other = EditionFactory(region=limburg)
    text_block(other)
    with pytest.raises(PermissionDenied):
        services.edition_send(actor=chair, edition=other)
    mine = services.edition_create(actor=chair, data={"title_nl": "Antwerpen", "region": antwerpen})
    assert (
        mine.region == antwerpen
        and AuditEntry.objects.filter(action="edition.created", region_id=antwerpen.pk).exists()
    )


def test_send_mails_every_recipient_once_with_html_text_and_one_click_headers(coordinator):
    subs = [SubscriberFactory(language=lang) for lang in ("nl", "fr", "en")]
    edition = EditionFactory(title_nl="Nieuws", title_fr="Nouvelles", title_en="News")
    text_block(edition, text="Dag **iedereen**. [Meer](/nl/over/)")
    with pytest.raises(ValidationError):
        services.edition_send(actor=coordinator, edition=edition, expected=99)
    assert services.edition_send(actor=coordinator, edition=edition, expected=3) == 3
    with pytest.raises(ValidationError):  # sent once; a second send is refused
        services.edition_send(actor=coordinator, edition=edition)
    outbox.drain()
    outbox.drain()
    assert sorted(m.to[0] for m in mail.outbox) == sorted(s.email for s in subs)
    by_to = {m.to[0]: m for m in mail.outbox}
    fr = by_to[subs[1].email]
    assert fr.subject == "Nouvelles"
    html = fr.alternatives[0][0]
    assert 'style="' in html and "<style" not in html  # CSS inlined
    assert 'href="http://127.0.0.1:8000/nl/over/"' in html  # absolute links
    assert "<strong>iedereen</strong>" in html and "iedereen" in fr.body
    assert fr.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert fr.extra_headers["List-Unsubscribe"] == (
        f"<http://127.0.0.1:8000/fr/nieuwsbrief/afmelden/{subs[1].token}/>"
    )
    assert "/nieuwsbrief/voorkeuren/" in fr.body
    progress = selectors.progress(edition)
    assert (progress.sent, progress.queued, progress.failed) == (3, 0, 0)
    edition.refresh_from_db()
    edition = services.edition_finish_if_done(edition)
    assert edition.status == EditionStatus.SENT
    history = selectors.history(subs[0])
    assert history[0]["delivery"].edition == edition and history[0]["mail"].status == "sent"


def test_pause_resume_and_cancel(coordinator):
    for _ in range(4):
        SubscriberFactory()
    edition = EditionFactory()
    text_block(edition)
    services.edition_send(actor=coordinator, edition=edition)
    services.edition_pause(actor=coordinator, edition=edition)
    assert outbox.drain()["sent"] == 0
    services.edition_resume(actor=coordinator, edition=edition)
    assert outbox.drain(limit=2)["sent"] == 2
    services.edition_cancel(actor=coordinator, edition=edition)
    assert outbox.drain()["sent"] == 0
    rows = OutboundEmail.objects.filter(key__startswith=f"newsletter:{edition.pk}:")
    assert rows.filter(status=OutboxStatus.SENT).count() == 2
    assert rows.filter(status=OutboxStatus.FAILED, last_error="cancelled").count() == 2
    assert len(mail.outbox) == 2
    actions = set(AuditEntry.objects.values_list("action", flat=True))
    assert {
        "edition.sent",
        "edition.paused",
        "edition.resumed",
        "edition.cancelled",
    } <= actions
    from django.utils import translation

    from sterk.core.audit_display import action_label

    with translation.override("en"):
        assert action_label("edition.paused", "newsletter.edition") == "Newsletter edition: paused"


def test_an_unsubscribed_recipient_gets_nothing_more(coordinator):
    sub = SubscriberFactory()
    edition = EditionFactory()
    text_block(edition)
    services.edition_send(actor=coordinator, edition=edition)
    services.unsubscribe(subscriber=sub)
    outbox.drain()
    assert mail.outbox == []


def test_the_archive_lists_sent_editions_with_constant_queries(
    client, coordinator, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def sent(n):
        for _ in range(n):
            e = EditionFactory()
            text_block(e)
            Edition.objects.filter(pk=e.pk).update(status="sent", sent_at="2026-01-01T10:00Z")

    EditionFactory(title_nl="Concept")  # a draft is not public
    sent(2)
    with CaptureQueriesContext(connection) as few:
        response = client.get(reverse("newsletter:archive"))
    assert response.status_code == 200 and "Concept" not in response.content.decode()
    sent(10)
    client.get(reverse("newsletter:archive"))
    with CaptureQueriesContext(connection) as many:
        client.get(reverse("newsletter:archive"), HTTP_X_FRESH="1")
    assert len(many.captured_queries) == len(few.captured_queries)
    edition = Edition.objects.filter(status="sent").first()
    page = client.get(edition.get_absolute_url())
    assert page.status_code == 200 and b"iedereen" in page.content
    draft = Edition.objects.get(title_nl="Concept")
    assert (
        client.get(reverse("newsletter:edition_detail", kwargs={"slug": draft.slug})).status_code
        == 404
    )


def test_a_news_post_block_shows_the_live_post_in_the_recipients_language(coordinator):
    from sterk.news.tests.factories import PostFactory
    from sterk.newsletter.models import Block

    post = PostFactory(title_nl="Actieplan", title_fr="Plan d'action")
    SubscriberFactory(language="fr")
    edition = EditionFactory()
    Block.objects.create(edition=edition, kind="news", post=post, position=1)
    services.edition_send(actor=coordinator, edition=edition)
    outbox.drain()
    assert "Plan d'action" in mail.outbox[0].body
    assert (
        post.get_absolute_url().replace("/nl/", "/fr/") in mail.outbox[0].body
        or post.slug in mail.outbox[0].body
    )


def test_the_preview_shows_the_mail_in_a_frame_with_its_own_csp(client, coordinator):
    from sterk.network.tests.factories import give_totp

    give_totp(coordinator)
    client.force_login(coordinator)
    edition = EditionFactory(title_fr="Nouvelles")
    text_block(edition)
    page = client.get(reverse("newsletter_manage:preview", args=[edition.pk, "fr"]))
    assert b"<iframe" in page.content
    mail_page = client.get(reverse("newsletter_manage:preview_mail", args=[edition.pk, "fr"]))
    assert mail_page["X-Frame-Options"] == "SAMEORIGIN"
    assert "'unsafe-inline'" in mail_page["Content-Security-Policy"]
    assert b"Nouvelles" in mail_page.content and b'style="' in mail_page.content
    text = client.get(
        reverse("newsletter_manage:preview_mail", args=[edition.pk, "fr"]) + "?format=text"
    )
    assert text["Content-Type"].startswith("text/plain") and b"Nouvelles" in text.content
    assert "unsafe-inline" not in page["Content-Security-Policy"]


def test_the_web_version_marks_dutch_fallback_in_another_language(client):
    edition = EditionFactory(
        title_nl="Alleen Nederlands", title_fr="", sent_at="2026-01-01T10:00Z", status="sent"
    )
    text_block(edition, text="Enkel **Nederlands**.")
    page = client.get(f"/en/nieuwsbrief/{edition.slug}/").content.decode()
    assert '<span lang="nl">Alleen Nederlands</span>' in page
    assert 'lang="nl"><p>Enkel <strong>Nederlands</strong>.</p></div>' in page
