import pytest

from .factories import OrganisationFactory, RegionFactory, current_plan


@pytest.fixture(autouse=True)
def _no_mfa_for_managers(settings):
    # The TOTP requirement is tested in sterk/core; here we test the plan's own rules.
    settings.STERK_REQUIRE_MFA_FOR_MANAGERS = False
    settings.STERK_SITE_URL = "https://sterksociaalwerk.test"


@pytest.fixture
def plan(db):
    return current_plan()


@pytest.fixture
def antwerpen(db):
    return RegionFactory(slug="antwerpen", name_nl="Antwerpen")


@pytest.fixture
def limburg(db):
    return RegionFactory(slug="limburg", name_nl="Limburg")


@pytest.fixture
def socius(db):
    return OrganisationFactory(name="Socius", is_stakeholder=True)
