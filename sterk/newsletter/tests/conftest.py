import pytest


@pytest.fixture(autouse=True)
def _fresh_rendering():
    """The rendered edition is kept per process by edition id; test databases reuse ids."""
    from sterk.newsletter import mail

    mail._shared.clear()
    yield
    mail._shared.clear()
