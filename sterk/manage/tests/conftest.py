import pytest


@pytest.fixture(autouse=True)
def _no_mfa_for_managers(settings):
    # The TOTP requirement is tested in sterk/core; here the viewset and its lists.
    settings.STERK_REQUIRE_MFA_FOR_MANAGERS = False
    settings.STERK_SITE_URL = "https://sterksociaalwerk.test"
