"""A list that finds nothing offers a way on (issue 13, "never show a dead end"): the
practice library (sterk/practices/tests/test_search_forgives.py), the agenda, the action
plan and the member directory link back to everything."""

from __future__ import annotations

import re

import pytest

from sterk.network.tests.factories import RegionFactory, UserFactory

pytestmark = pytest.mark.django_db


def way_on(html: str) -> list[str]:
    """The links in the page's "nothing found" paragraph."""
    found = re.search(r'<p class="no-results">(.*?)</p>', html, re.S)
    assert found is not None, "no 'nothing found' paragraph"
    return re.findall(r'href="([^"]+)"', found.group(1))


def test_agenda_without_events_links_to_all(client) -> None:
    RegionFactory(slug="antwerpen")
    html = client.get("/nl/agenda/?regio=antwerpen").content.decode()
    assert way_on(html) == ["/nl/agenda/"]
    html = client.get("/nl/agenda/?voorbij=on&regio=antwerpen").content.decode()
    assert way_on(html) == ["/nl/agenda/?voorbij=on"]


def test_action_plan_without_actions_links_to_all(client) -> None:
    from django.core.management import call_command

    call_command("load_content", verbosity=0)
    call_command("load_actionplan", verbosity=0)
    RegionFactory(slug="nergens")  # a region without actions
    html = client.get("/nl/actieplan/?regio=nergens").content.decode()
    assert way_on(html) == ["/nl/actieplan/"]


def test_member_directory_without_members_links_to_all(client) -> None:
    client.force_login(UserFactory())
    html = client.get("/nl/leden/?q=niemand-heet-zo").content.decode()
    assert way_on(html) == ["/nl/leden/"]
