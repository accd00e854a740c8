"""The management pages of the news, as chairs, representatives and the coordinator use
them (who reaches which URL at all is in sterk/manage/tests/test_permission_matrix.py)."""

import datetime
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from PIL import Image

from sterk.core.models import AuditEntry
from sterk.events.tests.factories import chair_of, coordinator
from sterk.network.models import Role
from sterk.network.tests.factories import OrganisationFactory, RoleAssignmentFactory
from sterk.news.models import Post, PostStatus

from .factories import PostFactory, draft

pytestmark = pytest.mark.django_db
CREATE = "/nl/beheer/nieuws/nieuw/"


def _png() -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", (40, 20), "teal").save(buffer, "PNG")
    return SimpleUploadedFile("foto.png", buffer.getvalue(), content_type="image/png")


def test_a_chair_writes_a_draft_for_their_region_and_publishes_it(client, antwerpen):
    client.force_login(chair_of(antwerpen))
    response = client.post(
        CREATE,
        {
            "title_nl": "Regionale dag",
            "lead_nl": "Kom naar de regionale dag.",
            "region": antwerpen.pk,
        },
    )
    post = Post.objects.get()
    assert response.status_code == 302 and response["Location"].endswith(f"/{post.pk}/")
    assert post.status == PostStatus.DRAFT and post.region == antwerpen
    assert post.slug == "regionale-dag"
    publish = reverse("news_manage:post_publish", args=[post.pk])
    assert client.post(publish).status_code == 302
    post.refresh_from_db()
    assert post.is_public
    assert AuditEntry.objects.filter(action="news.post_published").count() == 1
    assert "Regionale dag" in client.get("/nl/nieuws/").content.decode()


def test_a_chair_of_another_region_cannot_write_for_antwerpen(client, antwerpen, limburg):
    client.force_login(chair_of(limburg))
    response = client.post(
        CREATE, {"title_nl": "Ingebroken", "lead_nl": "x", "region": antwerpen.pk}
    )
    assert response.status_code == 200
    assert "region" in response.context["form"].errors
    assert not Post.objects.exists()
    # Nor edit or publish Antwerpen's post.
    post = draft(region=antwerpen)
    assert client.get(reverse("news_manage:post_edit", args=[post.pk])).status_code == 403
    assert client.post(reverse("news_manage:post_publish", args=[post.pk])).status_code == 403
    post.refresh_from_db()
    assert post.status == PostStatus.DRAFT


def test_a_chair_cannot_leave_the_region_empty(client, antwerpen):
    client.force_login(chair_of(antwerpen))
    response = client.post(CREATE, {"title_nl": "Platform?", "lead_nl": "x"})
    assert response.status_code == 200 and "region" in response.context["form"].errors


def test_a_representative_drafts_for_their_organisation_and_the_coordinator_publishes(
    client, antwerpen
):
    socius = OrganisationFactory(name="Socius", is_stakeholder=True)
    other = OrganisationFactory(name="Ander", is_stakeholder=True)
    representative = RoleAssignmentFactory(role=Role.STAKEHOLDER, organisation=socius).user
    client.force_login(representative)
    refused = client.post(
        CREATE, {"title_nl": "Namens een ander", "lead_nl": "x", "organisation": other.pk}
    )
    assert refused.status_code == 200 and "organisation" in refused.context["form"].errors
    regional = client.post(
        CREATE,
        {
            "title_nl": "Regionaal",
            "lead_nl": "x",
            "organisation": socius.pk,
            "region": antwerpen.pk,
        },
    )
    assert regional.status_code == 200 and "region" in regional.context["form"].errors
    assert not Post.objects.exists()

    client.post(CREATE, {"title_nl": "Socius meldt", "lead_nl": "x", "organisation": socius.pk})
    post = Post.objects.get()
    assert post.organisation == socius and post.status == PostStatus.DRAFT
    page = client.get(reverse("news_manage:post_edit", args=[post.pk])).content.decode()
    assert reverse("news_manage:post_publish", args=[post.pk]) not in page
    assert client.post(reverse("news_manage:post_publish", args=[post.pk])).status_code == 403

    client.force_login(coordinator())
    client.post(reverse("news_manage:post_publish", args=[post.pk]))
    post.refresh_from_db()
    assert post.is_public
    # Published, it is the coordinator's: the representative no longer edits it.
    client.force_login(representative)
    assert client.get(reverse("news_manage:post_edit", args=[post.pk])).status_code == 403


def test_an_image_without_alternative_text_is_refused_and_the_input_kept(client):
    client.force_login(coordinator())
    response = client.post(
        CREATE, {"title_nl": "Met foto", "lead_nl": "Mijn inleiding", "image": _png()}
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert "image_alt_nl" in form.errors
    body = response.content.decode()
    assert 'value="Met foto"' in body and "Mijn inleiding" in body
    assert not Post.objects.exists()


def test_an_image_with_alternative_text_is_saved(client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    client.force_login(coordinator())
    client.post(
        CREATE,
        {
            "title_nl": "Met foto",
            "lead_nl": "x",
            "image": _png(),
            "image_alt_nl": "Een blauwgroen vlak",
        },
    )
    post = Post.objects.get()
    assert post.image.name.startswith("news/") and post.image_alt_nl == "Een blauwgroen vlak"
    # Editing without a new upload keeps the image; removing its text is refused.
    edit = reverse("news_manage:post_edit", args=[post.pk])
    response = client.post(edit, {"title_nl": "Met foto", "lead_nl": "x", "image_alt_nl": ""})
    assert response.status_code == 200 and "image_alt_nl" in response.context["form"].errors
    post.refresh_from_db()
    assert post.image and post.image_alt_nl == "Een blauwgroen vlak"


def test_scheduling_and_back_to_draft(client):
    client.force_login(coordinator())
    later = timezone.localtime() + datetime.timedelta(days=3)
    client.post(
        CREATE,
        {"title_nl": "Straks", "lead_nl": "x", "publish_at": later.strftime("%Y-%m-%dT%H:%M")},
    )
    post = Post.objects.get()
    client.post(reverse("news_manage:post_publish", args=[post.pk]))
    post.refresh_from_db()
    assert post.is_scheduled and not post.is_public
    assert "Straks" not in client.get("/nl/nieuws/").content.decode()
    client.post(reverse("news_manage:post_unpublish", args=[post.pk]))
    post.refresh_from_db()
    assert post.status == PostStatus.DRAFT


def test_the_list_shows_what_the_user_manages(client, antwerpen, limburg):
    PostFactory(title_nl="Antwerps bericht", region=antwerpen)
    PostFactory(title_nl="Limburgs bericht", region=limburg)
    client.force_login(chair_of(antwerpen))
    body = client.get("/nl/beheer/nieuws/").content.decode()
    assert "Antwerps bericht" in body and "Limburgs bericht" not in body


def test_the_dashboard_has_a_news_panel(client, antwerpen):
    draft(region=antwerpen)
    draft(region=antwerpen)
    client.force_login(chair_of(antwerpen))
    body = client.get("/en/beheer/").content.decode()
    assert "2 drafts wait to be published." in body
    assert "/en/beheer/nieuws/" in body


def test_delete(client, antwerpen):
    post = draft(region=antwerpen)
    client.force_login(chair_of(antwerpen))
    response = client.post(reverse("news_manage:post_delete", args=[post.pk]))
    assert response.status_code == 302 and not Post.objects.exists()
    assert AuditEntry.objects.filter(action="news.post_deleted").exists()
