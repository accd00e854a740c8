import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from sterk.core.models import AuditEntry
from sterk.events.tests.factories import chair_of, coordinator
from sterk.news import services
from sterk.news.models import Post, PostStatus

from .factories import PostFactory, draft

pytestmark = pytest.mark.django_db


def test_create_derives_a_slug_saves_a_draft_and_audits(antwerpen):
    actor = chair_of(antwerpen)
    post = services.post_create(
        actor=actor,
        data={"title_nl": "Actieplan voorgesteld", "lead_nl": "Kort.", "region": antwerpen},
    )
    assert post.slug == "actieplan-voorgesteld"
    assert post.status == PostStatus.DRAFT and post.publish_at is None
    assert not post.is_public
    entry = AuditEntry.objects.get(action="news.post_created")
    assert entry.actor == actor and entry.region_id == antwerpen.pk
    again = services.post_create(
        actor=actor, data={"title_nl": "Actieplan voorgesteld", "lead_nl": "Kort."}
    )
    assert again.slug == "actieplan-voorgesteld-2"


def test_a_reserved_slug_is_never_derived(db):
    post = services.post_create(actor=coordinator(), data={"title_nl": "Feed", "lead_nl": "x"})
    assert post.slug != "feed"


def test_an_image_needs_alternative_text(db):
    with pytest.raises(ValidationError) as exc:
        services.post_create(
            actor=coordinator(),
            data={"title_nl": "Met foto", "lead_nl": "x", "image": "news/2026/foto.png"},
        )
    assert "image_alt" in exc.value.message_dict
    post = services.post_create(
        actor=coordinator(),
        data={
            "title_nl": "Met foto",
            "lead_nl": "x",
            "image": "news/2026/foto.png",
            "image_alt_nl": "Deelnemers aan een tafel",
        },
    )
    assert post.image.name == "news/2026/foto.png"


def test_publish_now_and_scheduled_and_unpublish(db):
    actor = coordinator()
    post = draft()
    published = services.post_publish(actor=actor, post=post)
    assert published.is_public and published.publish_at <= timezone.now()
    assert AuditEntry.objects.filter(action="news.post_published", object_id=str(post.pk)).exists()
    with pytest.raises(ValidationError):
        services.post_publish(actor=actor, post=published)

    back = services.post_unpublish(actor=actor, post=published)
    assert back.status == PostStatus.DRAFT and not back.is_public
    with pytest.raises(ValidationError):
        services.post_unpublish(actor=actor, post=back)

    later = timezone.now() + datetime.timedelta(days=2)
    scheduled = services.post_publish(actor=actor, post=back, publish_at=later)
    assert scheduled.is_scheduled and not scheduled.is_public
    assert Post.objects.public().count() == 0
    assert Post.objects.public(later + datetime.timedelta(seconds=1)).count() == 1


def test_a_draft_with_a_future_date_is_scheduled_when_published(db):
    later = timezone.now() + datetime.timedelta(hours=5)
    post = draft(publish_at=later)
    assert services.post_publish(actor=coordinator(), post=post).publish_at == later


def test_update_records_before_and_after_and_keeps_a_published_date(db):
    post = PostFactory(title_nl="Oud")
    when = post.publish_at
    updated = services.post_update(
        actor=coordinator(), post=post, data={"title_nl": "Nieuw", "publish_at": None}
    )
    assert updated.title_nl == "Nieuw" and updated.publish_at == when
    entry = AuditEntry.objects.get(action="news.post_updated")
    assert entry.changes["title_nl"] == ["Oud", "Nieuw"]


def test_a_published_post_needs_a_date_in_the_database_too(db):
    post = draft()
    post.status = PostStatus.PUBLISHED
    with pytest.raises(ValidationError):
        post.full_clean()


def test_delete_audits(db):
    post = PostFactory(title_nl="Weg")
    services.post_delete(actor=coordinator(), post=post)
    assert not Post.objects.exists()
    assert AuditEntry.objects.get(action="news.post_deleted").object_repr == "Weg"
