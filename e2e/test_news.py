"""The news in the browser: the list and the seed's post in three languages (with axe
and reflow at 320/640 px), and a coordinator who writes a post with an image (the missing
alternative text is refused, the input kept), publishes it and finds it on the public
pages. Screenshots at 1280 and 320 px go to test-artifacts/news/."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command
from playwright.sync_api import Page, expect

from e2e.axe import follow, visit
from e2e.support import ARTIFACTS
from e2e.test_actionplan import log_in_manager, make_manager

pytestmark = pytest.mark.browser
NARROW = {"width": 320, "height": 640}
DESKTOP = {"width": 1280, "height": 900}
SHOTS = ARTIFACTS / "news"
SEED = "vlaams-actieplan-sterk-sociaal-werk"


def shoot(page: Page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.set_viewport_size(DESKTOP)
    page.screenshot(path=SHOTS / f"1280-{name}.png", full_page=True)
    page.set_viewport_size(NARROW)
    page.screenshot(path=SHOTS / f"320-{name}.png", full_page=True)
    page.set_viewport_size(DESKTOP)


def png_bytes() -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (1200, 630), (20, 110, 120)).save(buffer, "PNG")
    return buffer.getvalue()


@pytest.fixture
def news(content, settings, tmp_path):  # type: ignore[no-untyped-def]
    # Uploaded images on disk (the test settings keep them in memory), served by Django.
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    }
    settings.MEDIA_ROOT = tmp_path
    settings.STERK_SERVE_MEDIA = True
    call_command("load_actionplan", verbosity=0)
    call_command("load_events", verbosity=0)
    call_command("load_news", verbosity=0)
    return content


def test_news_list_and_post_page_in_three_languages(page: Page, news) -> None:
    from django.core.files.base import ContentFile

    from sterk.network.models import Region
    from sterk.news.tests.factories import PostFactory

    regional = PostFactory(
        slug="terugblik-antwerpen",
        title_nl="Terugblik op de regionale dag in Antwerpen",
        title_fr="Retour sur la journée régionale à Anvers",
        title_en="Looking back on the regional day in Antwerp",
        lead_nl="Zestig sociaal werkers wisselden praktijken uit.",
        region=Region.objects.get(slug="antwerpen"),
        image_alt_nl="Sociaal werkers in gesprek rond een tafel",
    )
    regional.image.save("antwerpen.png", ContentFile(png_bytes()))
    titles = {
        "nl": "Een Vlaams actieplan om het sociaal werk te versterken",
        "fr": "Un plan d'action flamand pour renforcer le travail social",
        "en": "A Flemish action plan to strengthen social work",
    }
    for lang, title in titles.items():
        visit(page, f"/{lang}/nieuws/")
        expect(page.locator("main .news-card")).to_have_count(2)
        link = page.locator("main .news-card a", has_text=title)
        follow(page, link.click)
        expect(page.locator("h1")).to_have_text(title)
        share = page.locator("main .news-share a")
        expect(share).to_have_count(4)
        og_url = page.locator('meta[property="og:url"]').get_attribute("content")
        assert og_url and og_url.startswith("http") and og_url.endswith(f"/{lang}/nieuws/{SEED}/")
    shoot(page, "post")
    # Filtered by region, the regional post with its image; the post page shows it too.
    visit(page, "/nl/nieuws/?regio=antwerpen")
    expect(page.locator("main .news-card")).to_have_count(1)
    shoot(page, "list")
    follow(page, page.locator("main .news-card a").click)
    image = page.locator("main img.news-image")
    expect(image).to_have_attribute("alt", "Sociaal werkers in gesprek rond een tafel")
    og_image = page.locator('meta[property="og:image"]').get_attribute("content")
    assert og_image and og_image.startswith("http") and "/media/news/" in og_image
    # The home page shows the latest news.
    visit(page, "/nl/")
    expect(page.locator("main .news-latest .news-card")).to_have_count(2)
    shoot(page, "home")


def test_coordinator_writes_publishes_and_finds_a_post(
    page: Page, news, make_user, tmp_path
) -> None:
    from sterk.news.models import Post

    coordinator = make_manager(
        make_user, "coordinator.nieuws@example.org", "coordinator", totp=True
    )
    log_in_manager(page, coordinator)
    visit(page, "/nl/beheer/nieuws/")
    follow(page, page.locator('main a[href$="/beheer/nieuws/nieuw/"]').first.click)
    shoot(page, "form")
    form = page.locator("main form[enctype]")
    form.locator('input[name="title_nl"]').fill("Oproep: deel je verhaal")
    form.locator('textarea[name="lead_nl"]').fill("We zoeken verhalen over politiserend werken.")
    path = tmp_path / "oproep.png"
    path.write_bytes(png_bytes())
    form.locator('input[name="image"]').set_input_files(path)
    follow(page, form.locator("button[type=submit]").click)
    # Refused without alternative text; what was typed is kept.
    expect(page.locator("main .error-summary")).to_be_visible()
    expect(page.locator('input[name="title_nl"]')).to_have_value("Oproep: deel je verhaal")
    assert not Post.objects.filter(title_nl="Oproep: deel je verhaal").exists()
    form = page.locator("main form[enctype]")
    form.locator('input[name="image"]').set_input_files(path)
    form.locator('input[name="image_alt_nl"]').fill("Een blauwgroen vlak")
    follow(page, form.locator("button[type=submit]").click)
    post = Post.objects.get(title_nl="Oproep: deel je verhaal")
    assert post.status == "draft" and post.image
    follow(page, page.locator(f'main form[action$="/{post.pk}/publiceren/"] button').click)
    post.refresh_from_db()
    assert post.is_public
    visit(page, "/nl/nieuws/")
    follow(page, page.locator("main .news-card a", has_text="Oproep: deel je verhaal").click)
    expect(page.locator("main img.news-image")).to_have_attribute("alt", "Een blauwgroen vlak")
