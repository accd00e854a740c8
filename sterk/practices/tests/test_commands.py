from __future__ import annotations

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from sterk.network.models import Organisation, normalise_name
from sterk.practices.models import Call, Practice, Status

pytestmark = pytest.mark.django_db


@pytest.fixture
def framework(db):
    call_command("load_content", verbosity=0)
    call_command("load_actionplan", verbosity=0)


def test_load_practices_is_idempotent_and_searchable(framework, client) -> None:
    call_command("load_practices", verbosity=0)
    call_command("load_practices", verbosity=0)
    assert Practice.objects.filter(status=Status.PUBLISHED).count() == 6
    assert Organisation.objects.filter(normalised_name=normalise_name("Vormingplus")).count() == 1
    call = Call.objects.get()
    assert not call.is_open and call.owner.name == "Socius"
    html = client.get("/nl/praktijken/?q=onderbescherming").content.decode()
    assert "Wonen met Kansen" in html and "MIRIAM" in html
    html = client.get("/nl/praktijken/?q=jeugdhulp").content.decode()
    assert "Cachet" in html
    assert "Babbelonië 2.0" in client.get("/fr/praktijken/?q=babbelonie").content.decode()
    wonen = Practice.objects.get(slug="wonen-met-kansen")
    assert wonen.region.slug == "antwerpen" and wonen.subregion.slug == "antwerpen-stad"
    assert client.get(f"/nl/oproepen/{call.slug}/").status_code == 200


def test_demo_refuses_without_debug(framework) -> None:
    with pytest.raises(CommandError):
        call_command("load_practices_demo", verbosity=0)


def _untranslated(practices) -> list[tuple[str, str, str]]:
    missing = []
    for p in practices:
        for name in ("title", "summary", "story"):
            nl = getattr(p, f"{name}_nl")
            for lang in ("fr", "en"):
                value = getattr(p, f"{name}_{lang}")
                if nl and (not value or (lang == "fr" and value == nl)):
                    missing.append((p.slug, name, lang))
    return missing


def test_demo_practices_are_translated(framework, settings, client) -> None:
    """The demo shows what a translated library looks like (the real content is complete in
    fr/en): every published demo practice has French and English texts."""
    settings.DEBUG = True
    call_command("load_practices_demo", verbosity=0)
    published = Practice.objects.filter(is_demo=True, status=Status.PUBLISHED)
    assert published.count() == 201
    assert _untranslated(published) == []
    first = Practice.objects.get(slug="demo-praktijk-001")
    assert first.title_fr == "Soupe de quartier à Gand (démo)"
    assert first.title_en == "Neighbourhood soup in Ghent (demo)"
    call = Call.objects.get(slug="demo-oproep-nabijheid")
    assert call.title_fr and call.title_en and call.question_fr and call.question_en
    # On the French page nothing of a demo practice falls back to Dutch.
    html = client.get(f"/fr{first.get_absolute_url()[3:]}").content.decode()
    main = html[html.index("<main") : html.index("</main>")]
    assert "Soupe de quartier à Gand" in main and "lang-note" not in main

    # A demo practice an earlier version loaded in Dutch only gets its translations; an
    # editor's own translation is kept.
    Practice.objects.filter(pk=first.pk).update(
        title_fr="Buurtsoep à Gent (démo)", summary_fr="", story_en=""
    )
    second = Practice.objects.get(slug="demo-praktijk-002")
    Practice.objects.filter(pk=second.pk).update(title_en="Our own title")
    call_command("load_practices_demo", verbosity=0)
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.title_fr == "Soupe de quartier à Gand (démo)"
    assert first.summary_fr.startswith("Démo : ") and first.story_en.startswith("This is")
    assert second.title_en == "Our own title"
