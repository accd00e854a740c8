import pytest

from .factories import OrganisationFactory, RegionFactory


@pytest.fixture(autouse=True)
def _settings(settings):
    settings.STERK_REQUIRE_MFA_FOR_MANAGERS = False
    settings.STERK_SITE_URL = "https://sterksociaalwerk.test"


@pytest.fixture
def antwerpen(db):
    return RegionFactory(slug="antwerpen", name_nl="Antwerpen")


@pytest.fixture
def limburg(db):
    return RegionFactory(slug="limburg", name_nl="Limburg")


@pytest.fixture
def socius(db):
    return OrganisationFactory(name="Socius", is_stakeholder=True)
