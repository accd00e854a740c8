"""The composed pages kept their paths and URL names when they moved to sterk.site."""

import pytest
from django.urls import resolve, reverse
from django.utils import translation

from sterk.site import views


@pytest.mark.parametrize(
    ("name", "kwargs", "path", "view"),
    [
        ("identity:home", {}, "/nl/", views.home),
        (
            "identity:krachtlijn_detail",
            {"slug": "x"},
            "/nl/over/krachtlijnen/x/",
            views.krachtlijn_detail,
        ),
        ("network:region_detail", {"slug": "x"}, "/nl/regio/x/", views.region_detail),
        ("network:steering_group", {}, "/nl/stuurgroep/", views.steering_group),
        ("network:stakeholders", {}, "/nl/stakeholders/", views.stakeholders),
        (
            "actionplan:challenge_detail",
            {"slug": "x"},
            "/nl/actieplan/uitdagingen/x/",
            views.challenge_detail,
        ),
        ("accounts:my_page", {}, "/nl/mijn/", views.my_page),
    ],
)
def test_composed_pages_keep_their_paths_and_names(name, kwargs, path, view):
    with translation.override("nl"):
        assert reverse(name, kwargs=kwargs) == path
    match = resolve(path)
    assert match.func is view
    assert match.view_name == name


def test_the_apps_own_pages_stay_with_them():
    assert resolve("/nl/over/").func.__module__ == "sterk.identity.views"
    assert resolve("/nl/regio/").func.__module__ == "sterk.network.views"
    assert resolve("/nl/regio/x/aansluiten/").view_name == "network:region_join"
    assert resolve("/nl/mijn/profiel/").view_name == "accounts:profile_edit"
    assert resolve("/nl/actieplan/acties/x/").view_name == "actionplan:action_detail"
