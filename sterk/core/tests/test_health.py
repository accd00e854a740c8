import pytest


@pytest.mark.django_db
def test_healthz_reports_ok(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


@pytest.mark.django_db
def test_root_redirects_to_dutch(client):
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == "/nl/"
