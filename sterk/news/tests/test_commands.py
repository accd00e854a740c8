import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from sterk.news.models import Post

pytestmark = pytest.mark.django_db
SLUG = "vlaams-actieplan-sterk-sociaal-werk"


def test_load_news_loads_the_action_plan_update_with_its_ties_once(client):
    call_command("load_actionplan", verbosity=0)
    call_command("load_events", verbosity=0)
    call_command("load_news", verbosity=0)
    post = Post.objects.get(slug=SLUG)
    assert post.is_public and not post.is_demo
    assert timezone.localtime(post.publish_at).year == 2020
    assert post.title_nl and post.title_fr and post.title_en
    assert "17 concrete acties" in post.body_nl
    assert set(post.challenges.values_list("slug", flat=True)) >= {
        "onderbescherming",
        "digitalisering",
    }
    assert set(post.events.values_list("slug", flat=True)) == {
        "sociaalwerkconferentie-2018",
        "sociaalwerkconferentie-2022",
    }
    call_command("load_news", verbosity=0)
    assert Post.objects.count() == 1
    page = client.get(f"/fr/nieuws/{SLUG}/").content.decode()
    assert "pour renforcer le travail social" in page
    assert "linkedin.com/sharing" in page and "/fr/agenda/sociaalwerkconferentie-2018/" in page


def test_an_edit_in_the_management_area_survives_an_update():
    call_command("load_news", verbosity=0)
    Post.objects.filter(slug=SLUG).update(title_nl="Aangepast")
    call_command("load_news", "--update", verbosity=0)
    assert Post.objects.get(slug=SLUG).title_nl == "Aangepast"


def test_demo_news_is_marked_refused_without_debug_and_one_is_scheduled(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError):
        call_command("load_news_demo", verbosity=0)
    call_command("load_content", verbosity=0)  # the regions
    call_command("load_news_demo", "--force", verbosity=0)
    call_command("load_news_demo", "--force", verbosity=0)
    demo = Post.objects.filter(is_demo=True)
    assert demo.count() == 4
    assert all("(demo)" in p.title_nl and "(démo)" in p.title_fr for p in demo)
    assert demo.filter(region__isnull=False).count() == 3
    scheduled = Post.objects.scheduled()
    assert [p.slug for p in scheduled] == ["demo-oost-vlaanderen-nieuwe-voorzitter"]
    assert Post.objects.public().count() == 3
