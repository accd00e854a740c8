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
