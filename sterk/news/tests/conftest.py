import pytest

from sterk.network.tests.factories import RegionFactory


@pytest.fixture(autouse=True)
def _settings(settings):
    # The TOTP requirement is tested in sterk/core; here we test the news' own rules.
    settings.STERK_REQUIRE_MFA_FOR_MANAGERS = False
    settings.STERK_SITE_URL = "https://sterksociaalwerk.test"


@pytest.fixture
def antwerpen(db):
    return RegionFactory(slug="antwerpen", name_nl="Antwerpen")


@pytest.fixture
def limburg(db):
    return RegionFactory(slug="limburg", name_nl="Limburg")
